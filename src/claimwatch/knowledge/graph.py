"""The actor graph: edges actor → target per event type, with how many reports and independent
sources, first and last seen, the certainty mix and links to the evidence, for a time window.

At `level="actor"` the nodes are actors (persons, organisations, groups, places, states); at
`level="country"` every actor is rolled up to its state (the dyad view of GDELT and ACLED), the
only place where a person becomes a country.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Literal

import networkx as nx

from claimwatch.knowledge.clusters import evidence, independent_origin
from claimwatch.knowledge.identity import Actor
from claimwatch.knowledge.records import Edge
from claimwatch.knowledge.reports import Report

EVIDENCE_PER_EDGE = 20
Level = Literal["actor", "country"]


def in_window(interval: tuple[date, date] | None, since: date | None, until: date | None) -> bool | None:
    """Whether days fall in a window; None for undated days when a window is asked for."""
    if since is None and until is None:
        return True
    if interval is None:
        return None
    return (since is None or interval[1] >= since) and (until is None or interval[0] <= until)


def _node(actor: Actor, level: Level) -> tuple[str, dict[str, str]] | None:
    if level == "actor":
        return actor.key, {"label": actor.name, "type": actor.type or "", "country": actor.country or "",
                           "wikidata": actor.wikidata or ""}
    if actor.country is None:
        return None
    label = actor.name if actor.is_state else _country_name(actor.country)
    return "country:" + actor.country, {"label": label, "type": "country", "country": actor.country,
                                        "wikidata": actor.wikidata if actor.is_state and actor.wikidata else ""}


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or (country.name if country else code)


def actor_graph(reports: list[Report], *, since: date | None = None, until: date | None = None,
                level: Level = "actor") -> nx.MultiDiGraph:
    """One edge per (actor, target, event type); denials are kept apart in each edge's `denials`.

    The graph's `undated` attribute counts the reports left out of a window for want of a date."""
    graph = nx.MultiDiGraph(undated=0)
    edges: dict[tuple[str, str, str], list[Report]] = {}
    for r in reports:
        if r.actor is None or r.target is None:
            continue
        ends = _node(r.actor, level), _node(r.target, level)
        if ends[0] is None or ends[1] is None or ends[0][0] == ends[1][0]:
            continue
        inside = in_window(r.interval, since, until)
        if inside is None:
            graph.graph["undated"] += 1
        if not inside:
            continue
        for key, attrs in ends:
            if key not in graph:
                graph.add_node(key, **attrs)
        edges.setdefault((ends[0][0], ends[1][0], r.type), []).append(r)
    for (src, dst, kind), members in edges.items():
        affirming = [r for r in members if not r.negative]
        days = [r.doc.day for r in members if r.doc.day]
        graph.add_edge(src, dst, key=kind, type=kind,
                       reports=len({r.doc.id for r in affirming}),
                       independent_sources=len({independent_origin(r.doc) for r in affirming}),
                       denials=len({r.doc.id for r in members if r.negative}),
                       first_seen=min(days).isoformat() if days else None,
                       last_seen=max(days).isoformat() if days else None,
                       certainty=dict(Counter(r.certainty for r in affirming)),
                       evidence=[evidence(r) for r in members[:EVIDENCE_PER_EDGE]])
    return graph


def edge_rows(graph: nx.MultiDiGraph) -> list[Edge]:
    """The edges as records (for JSON Lines, CSV or a table), most reported first."""
    rows = [Edge({"key": src, "name": graph.nodes[src]["label"]}, {"key": dst, "name": graph.nodes[dst]["label"]},
                 data["type"], {k: v for k, v in data.items() if k != "type"})
            for src, dst, data in graph.edges(data=True)]
    rows.sort(key=lambda e: (-e.reports, e.type, e.actor["key"], e.target["key"]))
    return rows
