"""`claimwatch.Store`: the store with its knowledge — the same queries the CLI prints.

    store = claimwatch.Store("news.db")          # or a postgresql:// URL; default $CLAIMWATCH_DB
    store.add(analysis, outlet="example.com")     # idempotent; records copies of earlier documents
    store.events(about="North Korea", min_sources=2)
    store.contradictions()
    store.graph(since="2024-10-01")               # a networkx MultiDiGraph
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from claimwatch.knowledge import dedup
from claimwatch.knowledge.claims import claim_sources, cluster_claims, load_claims
from claimwatch.knowledge.clusters import WINDOW_DAYS, EventCluster, cluster_reports
from claimwatch.knowledge.contradictions import contradictions
from claimwatch.knowledge.graph import actor_graph, edge_rows
from claimwatch.knowledge.identity import Actor, ActorQuery
from claimwatch.knowledge.reports import load_actors, load_documents, load_reports, time_interval
from claimwatch.model import Analysis
from claimwatch.store import SQLStore


def outlet_of(analysis: Analysis, outlet: str | None = None) -> str | None:
    """The outlet: given, else the page's site name, else the URL's host without `www.`."""
    doc = analysis.document
    if outlet:
        return outlet
    if doc.site_name:
        return doc.site_name
    if doc.url:
        host = urlsplit(doc.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _day(value: str | date | None) -> date | None:
    """A date from an ISO value at any precision (its first day): 2024, 2024-10, 2024-10-24."""
    if value is None or isinstance(value, date):
        return value
    interval = time_interval(value)
    if interval is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)")
    return interval[0]


class Store(SQLStore):
    """Documents, analyses and the knowledge across them (see the module's docstring)."""

    def __init__(self, db: str | Path | None = None, *, window_days: int = WINDOW_DAYS, migrate: bool = True) -> None:
        super().__init__(db, migrate=migrate)
        self.window_days = window_days
        self._copies: dedup.CopyIndex | None = None
        self._cache: tuple[Any, Any] | None = None

    # -- writing -----------------------------------------------------------------------------

    def copy_index(self) -> dedup.CopyIndex:
        if self._copies is None:
            self._copies = dedup.CopyIndex()
            self._copies.load(self.signatures())
        return self._copies

    def add(self, analysis: Analysis, *, outlet: str | None = None, copy_of: str | None = None,
            minhash: bytes | None = None, raw_hash: str | None = None, name: str | None = None) -> bool:
        """Store an analysis (idempotent), noting whether it is a near-verbatim copy of a stored document."""
        doc = analysis.document
        index = self.copy_index()
        mh = dedup.from_bytes(minhash) if minhash else dedup.signature(
            " ".join(doc.text[s:e] for s, e in doc.included_regions()))
        if mh is not None and copy_of is None:
            copy_of = index.original_of(mh)
        stored = super().add(analysis, outlet=outlet_of(analysis, outlet), copy_of=copy_of,
                             minhash=dedup.to_bytes(mh) if mh is not None else None, raw_hash=raw_hash, name=name)
        if stored:
            if mh is not None:
                index.add(doc.id, mh, copy_of)
            self._cache = None
        return stored

    # -- the knowledge -------------------------------------------------------------------------

    def _knowledge(self) -> tuple[dict, dict, list, list[EventCluster], dict[str, str | None]]:
        stamp = (self.count(), self.count("events"))
        if self._cache is None or self._cache[0] != stamp:
            docs = load_documents(self)
            actors = load_actors(self)
            reports = load_reports(self, docs, actors)
            outlets = {doc_id: d.outlet for doc_id, d in docs.items()}
            clusters = cluster_reports(reports, outlets, self.window_days)
            self._cache = (stamp, (docs, actors, reports, clusters, outlets))
        return self._cache[1]

    def _about(self, about: str | None) -> ActorQuery | None:
        if not about:
            return None
        _, actors, *_ = self._knowledge()
        return ActorQuery(about, list({a for a in actors.values() if a.type == "country"}))

    def event_clusters(self) -> list[EventCluster]:
        return self._knowledge()[3]

    def events(self, about: str | None = None, *, type: str | None = None, since: str | date | None = None,
               until: str | date | None = None, min_sources: int | None = None) -> list[dict[str, Any]]:
        """One record per event cluster: who did what to whom, reports, independent sources, denials."""
        query, since_d, until_d = self._about(about), _day(since), _day(until)
        out = []
        for cluster in self.event_clusters():
            if type and cluster.type != type.upper():
                continue
            if query and not any(query.matches(a) for r in cluster.reports for a in (r.actor, r.target)):
                continue
            first, last = cluster.first_reported(), cluster.last_reported()
            if since_d and (last is None or date.fromisoformat(last) < since_d):
                continue
            if until_d and (first is None or date.fromisoformat(first) > until_d):
                continue
            record = cluster.to_dict()
            if min_sources and record["independent_sources"] < min_sources:
                continue
            out.append(record)
        return out

    def contradictions(self, about: str | None = None) -> list[dict[str, Any]]:
        """Disagreements inside clusters: numbers, polarity (denials), retractions."""
        query = self._about(about)
        clusters = self.event_clusters()
        if query:
            clusters = [c for c in clusters if any(query.matches(a) for r in c.reports for a in (r.actor, r.target))]
        return contradictions(clusters)

    def claims(self, about: str | None = None, *, source: str | None = None, since: str | date | None = None,
               min_sources: int | None = None) -> list[dict[str, Any]]:
        """Claims with their document, cluster, and how many independent sources make the same claim.

        `about` matches entities in the claim's content (or the content's words); `source` the
        claim's source (its words or entity) or the outlet."""
        docs, actors, _reports, clusters, outlets = self._knowledge()
        rows = load_claims(self, docs, actors)
        members = cluster_claims(rows, clusters)
        event_sources = {c.id: (len({r.doc.id for r in c.reports}), c.independent_sources()) for c in clusters}
        query, since_d = self._about(about), _day(since)
        needle = source.casefold() if source else None
        out = []
        for cr in rows:
            if query and not (any(query.matches(a) for a in cr.about) or query.in_text(cr.content)):
                continue
            if needle and not any(needle in (s or "").casefold() for s in (
                    cr.source_text, cr.source_entity.name if cr.source_entity else None, cr.doc.outlet)):
                continue
            day = _day(cr.stated_at) if cr.stated_at else cr.doc.day
            if since_d and (day is None or day < since_d):
                continue
            reports, independent = event_sources.get(cr.cluster) or claim_sources(members[cr.cluster], outlets)
            if min_sources and independent < min_sources:
                continue
            out.append({**cr.to_dict(), "reports": reports, "independent_sources": independent})
        out.sort(key=lambda r: (-r["independent_sources"], r["published"] or "", r["document"], r["claim"]))
        return out

    def entities(self, about: str | None = None) -> list[dict[str, Any]]:
        """Actors across documents: the name most used, documents, outlets, first and last seen."""
        docs, actors, *_ = self._knowledge()
        query = self._about(about)
        groups: dict[str, list[tuple[str, Actor]]] = defaultdict(list)
        for (doc_id, _eid), actor in actors.items():
            groups[actor.key].append((doc_id, actor))
        out = []
        for key, members in groups.items():
            if query and not any(query.matches(a) for _, a in members):
                continue
            name = Counter(a.name for _, a in members).most_common(1)[0][0]
            sample = next(a for _, a in members if a.name == name)
            days = sorted(d for d in (docs[doc_id].day for doc_id, _ in members) if d)
            out.append({"key": key, "name": name, "type": sample.type, "country": sample.country,
                        "wikidata": sample.wikidata, "documents": len({doc_id for doc_id, _ in members}),
                        "outlets": sorted({docs[doc_id].outlet for doc_id, _ in members if docs[doc_id].outlet}),
                        "names": sorted({a.name for _, a in members}),
                        "first_seen": days[0].isoformat() if days else None,
                        "last_seen": days[-1].isoformat() if days else None})
        out.sort(key=lambda r: (-r["documents"], r["name"]))
        return out

    def graph(self, since: str | date | None = None, until: str | date | None = None) -> nx.MultiDiGraph:
        """The actor graph for a time window (see claimwatch.knowledge.graph)."""
        _docs, _actors, reports, _clusters, outlets = self._knowledge()
        return actor_graph(reports, outlets, since=_day(since), until=_day(until))

    def graph_edges(self, since: str | date | None = None, until: str | date | None = None) -> list[dict[str, Any]]:
        return edge_rows(self.graph(since, until))
