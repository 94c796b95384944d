"""`KnowledgeBase` (`claimwatch.Store`): the store with its knowledge — the same queries the CLI prints.

    store = claimwatch.Store("news.db")          # or a postgresql:// URL; default $CLAIMWATCH_DB
    store.add(analysis, outlet="example.com")     # idempotent; records copies of earlier documents
    store.events(about="North Korea", min_sources=2)
    store.contradictions()
    store.graph(since="2024-10-01")               # a networkx MultiDiGraph

Actors, event clusters and claim groups are kept up to date as each document is stored (in the
same transaction), so a query reads them instead of recomputing them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
from sqlalchemy.engine import Connection

from claimwatch.knowledge import dedup
from claimwatch.knowledge.actors import actor_names, load_actors, resolve_actors, state_actor
from claimwatch.knowledge.claims import claim_sources, group_claims, load_claims
from claimwatch.knowledge.clusters import WINDOW_DAYS, EventCluster, assign_clusters, group_clusters
from claimwatch.knowledge.contradictions import contradictions
from claimwatch.knowledge.graph import Level, actor_graph, edge_rows, in_window
from claimwatch.knowledge.identity import Actor, ActorQuery
from claimwatch.knowledge.records import ActorSummary, ClaimRecord, Contradiction, Edge, Rows
from claimwatch.knowledge.reports import DocInfo, Report, build_reports, load_documents, load_reports, time_interval
from claimwatch.model import EVENT_TYPES, Analysis, Document
from claimwatch.store import SQLStore, derived
from claimwatch.store.codec import analysis_from_dict
from claimwatch.store.sqlstore import StoreError, resolve_url


def outlet_of(document: Document, outlet: str | None = None) -> str | None:
    """The outlet: given, else the page's site name, else the URL's host without `www.`."""
    if outlet:
        return outlet
    if document.site_name:
        return document.site_name
    if document.url:
        host = urlsplit(document.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _window(since: str | date | None, until: str | date | None) -> tuple[date | None, date | None]:
    """A date window from ISO values at any precision: `since` from its first day, `until` to its
    last (`--until 2024-10` takes in all of October)."""
    return _day_of(since, 0), _day_of(until, 1)


def _day_of(value: str | date | None, end: int) -> date | None:
    if value is None or isinstance(value, date):
        return value
    interval = time_interval(value)
    if interval is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)")
    return interval[end]


@dataclass
class _Snapshot:
    docs: dict[str, DocInfo]
    actors: dict[str, Actor]
    reports: list[Report]
    clusters: list[EventCluster]


def publication_id(text_id: str, place: str) -> str:
    """The id of a further publication of a stored text: the text's id and a hash of where it appeared."""
    return f"{text_id}@{hashlib.sha1(place.encode()).hexdigest()[:8]}"


def _require_existing(db: str | Path | None) -> None:
    """StoreError when the store is a SQLite file that does not exist (a server's database is checked on connect)."""
    from sqlalchemy.engine import make_url

    url = make_url(resolve_url(db))
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
            and not Path(url.database).exists():
        raise StoreError(f"no store at {url.database}: ingest documents into it first, or check --db "
                         f"(or $CLAIMWATCH_DB)")


def check_event_type(type: str | None) -> str | None:
    """The PLOVER type in upper case; ValueError with the valid list for any other value."""
    if type is None:
        return None
    if type.upper() not in EVENT_TYPES:
        raise ValueError(f"unknown event type {type!r}: use one of {', '.join(EVENT_TYPES)}")
    return type.upper()


class KnowledgeBase(SQLStore):
    """Documents, analyses and the knowledge across them (see the module's docstring)."""

    def __init__(self, db: str | Path | None = None, *, window_days: int = WINDOW_DAYS, migrate: bool = True,
                 create: bool = True) -> None:
        """`create=False` (the queries) refuses a SQLite file that does not exist: a mistyped `--db`
        must say so, not answer from a new empty store."""
        if not create:
            _require_existing(db)
        super().__init__(db, migrate=migrate)
        self.window_days = window_days
        self._copies: dedup.CopyIndex | None = None
        self._cache: tuple[Any, _Snapshot] | None = None
        if migrate and self._knowledge_missing():
            self.rebuild_knowledge()

    # -- writing -----------------------------------------------------------------------------

    def copy_index(self) -> dedup.CopyIndex:
        if self._copies is None:
            self._copies = dedup.CopyIndex()
            self._copies.load(self.signatures())
        return self._copies

    def add(self, analysis: Analysis, *, outlet: str | None = None, copy_of: str | None = None,
            minhash: bytes | None = None, raw_hash: str | None = None, name: str | None = None) -> bool:
        """Store an analysis; False when the same text from the same URL or outlet is stored already.

        The same text from another URL or outlet is stored as a publication of its own that is a
        copy (`copy_of`) of the first; a near-verbatim text is a copy of the earliest original."""
        doc = analysis.document
        outlet = outlet_of(doc, outlet)
        if self.has(doc.id):
            return self._add_publication(analysis, outlet, raw_hash, name)
        index = self.copy_index()
        mh = dedup.from_bytes(minhash) if minhash else dedup.signature(
            " ".join(doc.text[s:e] for s, e in doc.included_regions()))
        if mh is not None and copy_of is None:
            copy_of = index.original_of(mh)
        stored = super().add(analysis, outlet=outlet, copy_of=copy_of,
                             minhash=dedup.to_bytes(mh) if mh is not None else None, raw_hash=raw_hash, name=name,
                             derive=lambda conn: self._derive(conn, analysis, outlet, copy_of))
        if stored:
            if mh is not None:
                index.add(doc.id, mh, copy_of)
            self._cache = None
        return stored

    def add_publication(self, document: Document, *, outlet: str | None = None, raw_hash: str | None = None,
                        name: str | None = None) -> bool | None:
        """Store a further publication of a text already stored, reusing its analysis (no NLP).

        None when the text is not stored (it needs analysing); False when this publication is."""
        stored = self.analysis(document.id)
        if stored is None:
            return None
        stored.document.url, stored.document.title = document.url, document.title
        stored.document.author, stored.document.published = document.author, document.published
        stored.document.site_name = document.site_name
        return self._add_publication(stored, outlet_of(document, outlet), raw_hash, name)

    def _add_publication(self, analysis: Analysis, outlet: str | None, raw_hash: str | None,
                         name: str | None) -> bool:
        doc = analysis.document
        text_id = doc.id.split("@", 1)[0]
        stored = self.publications(text_id)
        if any((doc.url and p["url"] == doc.url) or p["outlet"] == outlet for p in stored):
            if raw_hash:
                self.remember_input(raw_hash, stored[0]["id"], name)
            return False
        original = stored[0]
        pub = replace(analysis, document=replace(doc, id=publication_id(text_id, doc.url or outlet or name or "")))
        copy_of = original["copy_of"] or original["id"]
        ok = SQLStore.add(self, pub, outlet=outlet, copy_of=copy_of, minhash=original["minhash"], raw_hash=raw_hash,
                          name=name, derive=lambda conn: self._derive(conn, pub, outlet, copy_of))
        if ok:
            self._cache = None
        return ok

    def _derive(self, conn: Connection, analysis: Analysis, outlet: str | None, copy_of: str | None) -> None:
        """The knowledge kept at ingest: actors, event reports in their clusters, claim groups."""
        doc = analysis.document
        origin_outlet = derived.document_outlet(conn, copy_of) if copy_of else None
        info = DocInfo(doc.id, outlet, doc.url, doc.title, doc.published, copy_of, None, origin_outlet)
        resolved = resolve_actors(conn, analysis)
        reports = build_reports(analysis, info, resolved, lambda code: state_actor(conn, code))
        assign_clusters(conn, reports, self.window_days)
        group_claims(conn, analysis)

    def _knowledge_missing(self) -> bool:
        """A store written before the knowledge was kept at ingest has entities but no actors."""
        with self.engine.connect() as conn:
            return derived.has_any(conn, "entities") and not derived.has_any(conn, "entity_actors")

    def rebuild_knowledge(self) -> None:
        """Derive the knowledge of every stored document again, in the order they were stored."""
        with self.engine.begin() as conn:
            derived.clear_derived(conn)
            for doc_id, outlet, copy_of, raw in derived.stored_analyses(conn):
                analysis = analysis_from_dict(json.loads(raw))
                analysis.document.id = doc_id
                self._derive(conn, analysis, outlet, copy_of)
        self._cache = None

    # -- the knowledge -------------------------------------------------------------------------

    def _snapshot(self) -> _Snapshot:
        stamp = (self.count(), self.count("reports"), self.count("claim_groups"))
        if self._cache is None or self._cache[0] != stamp:
            with self.engine.connect() as conn:
                docs = load_documents(conn)
                actors = load_actors(conn)
                reports = load_reports(conn, actors, docs)
            self._cache = (stamp, _Snapshot(docs, actors, reports, group_clusters(reports)))
        return self._cache[1]

    def event_clusters(self) -> list[EventCluster]:
        return self._snapshot().clusters

    @staticmethod
    def _involves(cluster: EventCluster, query: ActorQuery) -> bool:
        return any(query.matches(a) for r in cluster.reports for a in (r.actor, r.target))

    def events(self, about: str | None = None, *, type: str | None = None, since: str | date | None = None,
               until: str | date | None = None, min_sources: int | None = None) -> Rows[EventCluster]:
        """One record per event cluster: who did what to whom, reports, independent sources, denials.

        With `since`/`until`, a cluster counts by the days it happened (the events' own dates, else
        their publications'); undated clusters are left out and counted in `Rows.undated`."""
        type = check_event_type(type)
        query = ActorQuery(about) if about else None
        since_d, until_d = _window(since, until)
        out: Rows[EventCluster] = Rows()
        for cluster in self.event_clusters():
            if type and type not in {r.type for r in cluster.reports}:
                continue
            if query and not self._involves(cluster, query):
                continue
            inside = in_window(cluster.interval(), since_d, until_d)
            if inside is None:
                out.undated += 1
            if not inside:
                continue
            if min_sources and cluster.independent_sources() < min_sources:
                continue
            out.append(cluster)
        return out

    def contradictions(self, about: str | None = None) -> Rows[Contradiction]:
        """Disagreements inside clusters: numbers, revisions, polarity (denials), retractions."""
        clusters = self.event_clusters()
        if about:
            query = ActorQuery(about)
            clusters = [c for c in clusters if self._involves(c, query)]
        return Rows(contradictions(clusters))

    def claims(self, about: str | None = None, *, source: str | None = None, since: str | date | None = None,
               until: str | date | None = None, min_sources: int | None = None) -> Rows[ClaimRecord]:
        """Claims with their document, cluster, and how many independent sources make the same claim.

        `about` matches actors in the claim's content (or the content's words); `source` the
        claim's source (its words or actor) or the outlet. Undated claims are left out of a window
        and counted in `Rows.undated`."""
        snap = self._snapshot()
        with self.engine.connect() as conn:
            rows = load_claims(conn, snap.docs, snap.actors)
        members: dict[str, list] = defaultdict(list)
        for cr in rows:
            members[cr.cluster].append(cr)
        event_sources = {c.id: (len({r.doc.id for r in c.reports}), c.independent_sources()) for c in snap.clusters}
        group_sources = {cluster: claim_sources(found) for cluster, found in members.items()
                         if cluster not in event_sources}
        query = ActorQuery(about) if about else None
        since_d, until_d = _window(since, until)
        needle = source.casefold() if source else None
        out: Rows[ClaimRecord] = Rows()
        for cr in rows:
            if query and not (any(query.matches(a) for a in cr.about) or query.in_text(cr.content)):
                continue
            if needle and not any(needle in (s or "").casefold() for s in (
                    cr.source_text, cr.source_entity.name if cr.source_entity else None, cr.doc.outlet)):
                continue
            day = time_interval(cr.stated_at) if cr.stated_at else ((cr.doc.day, cr.doc.day) if cr.doc.day else None)
            inside = in_window(day, since_d, until_d)
            if inside is None:
                out.undated += 1
            if not inside:
                continue
            reports, independent = event_sources.get(cr.cluster) or group_sources[cr.cluster]
            if min_sources and independent < min_sources:
                continue
            out.append(ClaimRecord(cr, reports, independent))
        out.sort(key=lambda r: (-r.independent_sources, r.claim.doc.published or "", r.claim.doc.id, r.claim.id))
        return out

    def entities(self, about: str | None = None) -> Rows[ActorSummary]:
        """Actors across documents: id, name, type, country, sector, wikidata, the names seen
        (aliases), documents, mentions, first and last seen (publication days)."""
        snap = self._snapshot()
        query = ActorQuery(about) if about else None
        with self.engine.connect() as conn:
            names = actor_names(conn)
            mention_counts = derived.mention_counts(conn)
            links = derived.entity_actor_links(conn)
        docs_of: dict[str, set[str]] = defaultdict(set)
        mentions_of: Counter[str] = Counter()
        for key, doc_id, entity_id in links:
            if doc_id in snap.docs:
                docs_of[key].add(doc_id)
                mentions_of[key] += mention_counts.get((doc_id, entity_id), 0)
        out: Rows[ActorSummary] = Rows()
        for key, doc_ids in docs_of.items():
            actor = snap.actors.get(key)
            if actor is None or (query and not query.matches(actor)):
                continue
            days = sorted(d for d in (snap.docs[i].day for i in doc_ids) if d)
            seen = names.get(key, Counter())
            out.append(ActorSummary(
                actor, _shown_name(actor, seen), sorted(seen), len(doc_ids), mentions_of[key],
                sorted({snap.docs[i].outlet for i in doc_ids if snap.docs[i].outlet}),
                days[0].isoformat() if days else None, days[-1].isoformat() if days else None))
        out.sort(key=lambda r: (-r.documents, -r.mentions, r.name))
        return out

    def graph(self, since: str | date | None = None, until: str | date | None = None,
              level: Level = "actor") -> nx.MultiDiGraph:
        """The actor graph for a time window (see claimwatch.knowledge.graph)."""
        if level not in ("actor", "country"):
            raise ValueError(f"level {level!r}: use actor or country")
        since_d, until_d = _window(since, until)
        return actor_graph(self._snapshot().reports, since=since_d, until=until_d, level=level)

    def graph_edges(self, since: str | date | None = None, until: str | date | None = None,
                    level: Level = "actor") -> Rows[Edge]:
        """The graph's edges as records, most reported first."""
        graph = self.graph(since, until, level)
        return Rows(edge_rows(graph), graph.graph.get("undated", 0))


def _shown_name(actor: Actor, seen: Counter[str]) -> str:
    """The longest of the names most used for an actor: a full name over a surname."""
    if not seen:
        return actor.name
    top = max(seen.values())
    return max((n for n, c in seen.items() if c * 2 >= top), key=lambda n: (len(n.split()), seen[n], n))
