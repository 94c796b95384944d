"""Contradictions kept per batch: each cluster's disagreements stored as rows when a batch changes
the cluster, so that `contradictions()` reads them instead of building every cluster of the store.

A cluster's contradictions depend on its reports and on their publications' copy families (which
outlet first published a text decides whose figure is whose), so a batch recomputes the clusters
its reports joined or merged, and those holding a report of a copy family it added to. Actors are
kept by key and read when the rows are, so that an actor's later Wikidata id shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy.engine import Connection

from claimwatch.knowledge.actors import load_actors
from claimwatch.knowledge.clusters import group_clusters
from claimwatch.knowledge.contradictions import contradictions
from claimwatch.knowledge.publications import load_documents
from claimwatch.knowledge.records import Contradiction
from claimwatch.knowledge.reports import reports_from_rows
from claimwatch.store import derived

READY = "contradictions"


def refresh(conn: Connection, clusters: Iterable[str]) -> None:
    """Recompute the stored contradictions of these clusters (a merged-away one loses its rows)."""
    wanted = set(clusters)
    if not wanted:
        return
    rows = derived.report_rows_in_clusters(conn, wanted)
    actors = load_actors(conn, sorted({k for r in rows for k in (r.actor, r.target, r.location) if k}))
    reports = reports_from_rows(conn, rows, actors, load_documents(conn, {r.document_id for r in rows}))
    found = group_clusters(reports)
    day = {c.id: c.first_reported() or "9999" for c in found}
    position: dict[str, int] = {}
    out = []
    for item in contradictions(found):
        at = position[item.cluster] = position.get(item.cluster, -1) + 1
        out.append({"cluster": item.cluster, "position": at, "sort_day": day[item.cluster], "type": item.type,
                    "actor": item.actor.key if item.actor else None,
                    "target": item.target.key if item.target else None, "kind": item.kind, "field": item.field,
                    "reports": json.dumps(item.reports, ensure_ascii=False)})
    derived.replace_contradictions(conn, wanted, out)


def refresh_all(conn: Connection) -> None:
    """Recompute every cluster's contradictions, and note that the rows are complete."""
    derived.replace_contradictions(conn, derived.all_clusters(conn), [])
    refresh(conn, derived.all_clusters(conn))
    derived.set_state(conn, READY, "1")


def ensure(conn: Connection) -> None:
    """Fill the rows of a store written before they were kept (once)."""
    if derived.state(conn, READY) is None:
        refresh_all(conn)


def read(conn: Connection) -> list[Contradiction]:
    """Every stored contradiction, in the order `contradictions(event_clusters())` gives them."""
    rows = derived.contradiction_rows(conn)
    actors = load_actors(conn, sorted({k for r in rows for k in (r.actor, r.target) if k}))
    return [Contradiction(r.cluster, r.type, actors.get(r.actor or ""), actors.get(r.target or ""), r.kind,
                          r.field, json.loads(r.reports)) for r in rows]
