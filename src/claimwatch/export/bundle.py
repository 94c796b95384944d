"""What every analyst export is built from: the query records as the knowledge contract's JSON,
with the few facts the contract leaves out that the exports need — the days an event happened,
its CAMEO code and the coordinates of its place, read from the stored analyses of its evidence.

The store is not queried here: the caller passes the records and a function that gives a stored
analysis by document id (`KnowledgeBase.analysis`), so that exports stay outside the store layer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from claimwatch.knowledge.clusters import EventCluster
from claimwatch.model import Analysis

AnalysisOf = Callable[[str], Analysis | None]


@cache
def cameo_roots() -> dict[str, str]:
    """PLOVER type → CAMEO root code (the PLOVER manual's crosswalk, nlp/lexicons/events_cameo.tsv)."""
    from claimwatch.nlp.lexicons import word_table

    return {row[0]: row[1] for row in word_table("events_cameo.tsv") if len(row) >= 2}


@dataclass
class Bundle:
    """The records of one export: every list holds the contract's JSON objects."""

    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)

    def contradictions_of(self, cluster: str) -> list[dict[str, Any]]:
        return [c for c in self.contradictions if c["cluster"] == cluster]


def _place(cluster: EventCluster, analysis_of: AnalysisOf) -> dict[str, Any]:
    """Coordinates and GeoNames id of the cluster's place, from the first report that names it with them."""
    location = cluster.location
    if location is None:
        return {}
    for report in cluster.reports:
        if report.location is None or report.location.key != location.key:
            continue
        analysis = analysis_of(report.doc.id)
        event = next((e for e in analysis.events if e.id == report.event), None) if analysis else None
        entity = analysis.entity(event.location) if analysis and event else None
        if entity is not None and entity.latitude is not None and entity.longitude is not None:
            return {"latitude": entity.latitude, "longitude": entity.longitude, "geonames": entity.geonames}
    return {}


def _cameo(cluster: EventCluster, analysis_of: AnalysisOf) -> str | None:
    """The CAMEO code most of the cluster's events carry, else the root of its PLOVER type."""
    codes: Counter[str] = Counter()
    for report in cluster.reports:
        analysis = analysis_of(report.doc.id)
        event = next((e for e in analysis.events if e.id == report.event), None) if analysis else None
        if event is not None and event.cameo:
            codes[event.cameo] += 1
    if codes:
        return codes.most_common(1)[0][0]
    return cameo_roots().get(cluster.type)


def event_record(cluster: EventCluster, analysis_of: AnalysisOf) -> dict[str, Any]:
    """The cluster's contract JSON with `happened` [first, last day], `mentions` (its reports, not
    documents), `cameo`, and `latitude`/`longitude`/`geonames` where its place has them."""
    record = cluster.to_dict()
    interval = cluster.interval()
    record["happened"] = [interval[0].isoformat(), interval[1].isoformat()] if interval else None
    record["mentions"] = len(cluster.reports)
    record["cameo"] = _cameo(cluster, analysis_of)
    record.update({"latitude": None, "longitude": None, "geonames": None, **_place(cluster, analysis_of)})
    return record


def build_bundle(events: list[EventCluster], claims: list[Any], entities: list[Any], contradictions: list[Any],
                 analysis_of: AnalysisOf) -> Bundle:
    """The records of the queries as one export's input (claims, entities, contradictions: their records)."""
    cache_: dict[str, Analysis | None] = {}

    def cached(doc_id: str) -> Analysis | None:
        if doc_id not in cache_:
            cache_[doc_id] = analysis_of(doc_id)
        return cache_[doc_id]

    return Bundle([event_record(c, cached) for c in events], [c.to_dict() for c in claims],
                  [e.to_dict() for e in entities], [c.to_dict() for c in contradictions])
