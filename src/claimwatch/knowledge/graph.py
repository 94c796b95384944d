"""The actor graph: edges actor → target per event type, with how many reports and independent
sources, first and last seen, the certainty mix and links to the evidence, for a time window."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import networkx as nx

from claimwatch.knowledge.clusters import evidence, independent_key
from claimwatch.knowledge.reports import Report

EVIDENCE_PER_EDGE = 20


def _in_window(report: Report, since: date | None, until: date | None) -> bool:
    day = report.doc.day
    if report.interval:
        start, end = report.interval
    elif day:
        start = end = day
    else:
        return since is None and until is None
    return (since is None or end >= since) and (until is None or start <= until)


def actor_graph(reports: list[Report], outlets_of_origin: dict[str, str | None], *,
                since: date | None = None, until: date | None = None) -> nx.MultiDiGraph:
    """Nodes are actors (by cross-document key); one edge per (actor, target, event type).

    Denials are kept apart in each edge's `denials`; they never add to `reports`."""
    graph = nx.MultiDiGraph()
    edges: dict[tuple[str, str, str], list[Report]] = {}
    for r in reports:
        if r.actor is None or r.target is None or r.actor.key == r.target.key:
            continue
        if not _in_window(r, since, until):
            continue
        for actor in (r.actor, r.target):
            if actor.key not in graph:
                graph.add_node(actor.key, label=actor.name, type=actor.type or "", country=actor.country or "",
                               wikidata=actor.wikidata or "")
        edges.setdefault((r.actor.key, r.target.key, r.type), []).append(r)
    for (src, dst, kind), members in edges.items():
        affirming = [r for r in members if not r.negative]
        days = [r.doc.day for r in members if r.doc.day]
        graph.add_edge(src, dst, key=kind, type=kind,
                       reports=len({r.doc.id for r in affirming}),
                       independent_sources=len({independent_key(r, outlets_of_origin) for r in affirming}),
                       denials=len({r.doc.id for r in members if r.negative}),
                       first_seen=min(days).isoformat() if days else None,
                       last_seen=max(days).isoformat() if days else None,
                       certainty=dict(Counter(r.certainty for r in affirming)),
                       evidence=[evidence(r) for r in members[:EVIDENCE_PER_EDGE]])
    return graph


def edge_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The edges as records (for JSON Lines, CSV or a table)."""
    rows = []
    for src, dst, data in graph.edges(data=True):
        rows.append({"actor": {"key": src, "name": graph.nodes[src]["label"]},
                     "target": {"key": dst, "name": graph.nodes[dst]["label"]}, **data})
    rows.sort(key=lambda r: (-r["reports"], r["type"], r["actor"]["key"], r["target"]["key"]))
    return rows
