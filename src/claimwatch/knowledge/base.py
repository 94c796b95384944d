"""`KnowledgeBase` (`claimwatch.Store`): the store with its knowledge — the same queries the CLI prints.

    store = claimwatch.Store("news.db")          # or a postgresql:// URL; default $CLAIMWATCH_DB
    store.add(analysis, outlet="example.com")     # idempotent; records copies of earlier documents
    store.add_many([Incoming(a, outlet="x.org") for a in analyses])   # the same, a batch at a time
    store.events(about="North Korea", min_sources=2)
    store.contradictions()
    store.graph(since="2024-10-01")               # a networkx MultiDiGraph

Actors, event clusters, claim groups and the copy index (signature bands) are kept up to date as
each document or batch is stored (in the same transaction), so a query reads them instead of
recomputing them; `--about` reads only the clusters of the actors it names, through indexes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from claimwatch.knowledge import dedup, kept
from claimwatch.knowledge.actors import StoredActors, actor_names, load_actors, resolve_actors, state_actor
from claimwatch.knowledge.claims import (
    ClaimCache,
    ClaimRow,
    band_stored_claims,
    claim_sources,
    group_claims,
    load_claims,
)
from claimwatch.knowledge.clusters import WINDOW_DAYS, EventCluster, ReportCache, assign_clusters, group_clusters
from claimwatch.knowledge.contradictions import contradictions
from claimwatch.knowledge.graph import Level, actor_graph, edge_rows, in_window
from claimwatch.knowledge.identity import Actor, ActorQuery
from claimwatch.knowledge.records import ActorSummary, ClaimRecord, Contradiction, Edge, Rows
from claimwatch.knowledge.reports import (
    DocInfo,
    Report,
    build_reports,
    load_documents,
    load_reports,
    reports_from_rows,
    time_interval,
)
from claimwatch.model import EVENT_TYPES, Analysis, Document
from claimwatch.store import SQLStore, derived
from claimwatch.store.codec import analysis_from_dict
from claimwatch.store.sqlstore import Incoming, Pending, StoreError, resolve_url


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


def _about(claim: ClaimRow, query: ActorQuery) -> bool:
    """Whether a claim is about the queried actor: an actor mentioned in its content, or its words."""
    return any(query.matches(a) for a in claim.about) or query.in_text(claim.content)


def _event_sources(clusters: Iterable[EventCluster]) -> dict[str, tuple[int, int]]:
    """(reports, independent sources) of each event cluster, by id."""
    return {c.id: (len({r.doc.id for r in c.reports}), c.independent_sources()) for c in clusters}


def _claim_rows(conn: Connection, documents: set[str]) -> list[ClaimRow]:
    """The claims of these documents, with the publications and actors they need."""
    actors = load_actors(conn, sorted({row.actor for row in derived.entity_actor_links(conn, documents)}))
    return load_claims(conn, load_documents(conn, documents), actors, documents)


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
        self._reports = ReportCache()
        self._claims = ClaimCache()
        self._actors: StoredActors | None = None
        self._touched: set[str] = set()  # clusters the batch being written changed
        self._cache: tuple[Any, _Snapshot] | None = None
        if migrate and self._knowledge_missing():
            self.rebuild_knowledge()
        if migrate:
            self._index_signatures()
            self._band_claims()
            self._keep_contradictions()

    # -- writing -----------------------------------------------------------------------------

    def _original_of(self, mh: dedup.MinHash, batch: dedup.CopyIndex) -> str | None:
        """The earliest original among the stored near-copies of this signature (found through the
        `copy_bands` index) and those earlier in the batch (`batch`, not stored yet), or None."""
        threshold = dedup.COPY_THRESHOLD
        with self.engine.connect() as conn:
            roots = {row.copy_of or row.id for row in derived.documents_sharing_bands(conn, dedup.band_keys(mh))
                     if mh.jaccard(dedup.from_bytes(bytes(row.minhash))) >= threshold}
            local = batch.original_of(mh)
            if local is not None:
                roots.add(local)
            stored = derived.ingest_order(conn, roots)
        # stored documents come first, in the order they were stored; then the batch's, in its order
        order = {root: (0, *stored[root]) if root in stored else (1, batch.position(root), root) for root in roots}
        return min(roots, key=order.__getitem__) if roots else None

    def _keep_contradictions(self) -> None:
        """Fill the kept contradictions of a store written before they were kept (once)."""
        with self.engine.connect() as conn:
            if derived.state(conn, kept.READY) is not None:
                return
        with self.engine.begin() as conn:
            kept.ensure(conn)

    def _index_signatures(self) -> None:
        """Band the signatures of a store written before `copy_bands` existed (once: a store with
        any band has all of them, each written with its document)."""
        with self.engine.connect() as conn:
            if derived.has_any(conn, "copy_bands") or not derived.has_any(conn, "documents"):
                return
        with self.engine.begin() as conn:
            rows = derived.signatures_without_bands(conn)
            derived.insert_copy_bands(conn, [{"band": band, "document_id": row.id} for row in rows
                                             for band in dedup.band_keys(dedup.from_bytes(bytes(row.minhash)))])

    def _band_claims(self) -> None:
        """Band the grouped claims of a store migrated to integer bands (once: a store with any
        claim band has all of them, each written with its claim)."""
        with self.engine.connect() as conn:
            if derived.has_any(conn, "claim_bands") or not derived.has_any(conn, "claim_groups"):
                return
        with self.engine.begin() as conn:
            band_stored_claims(conn)

    def add(self, analysis: Analysis, *, outlet: str | None = None, copy_of: str | None = None,
            minhash: bytes | None = None, raw_hash: str | None = None, name: str | None = None) -> bool:
        """Store an analysis; False when the same text from the same URL or outlet is stored already.

        The same text from another URL or outlet is stored as a publication of its own that is a
        copy (`copy_of`) of the first; a near-verbatim text is a copy of the earliest original."""
        return self.add_many([Incoming(analysis, outlet, copy_of, minhash, raw_hash, name)])[0]

    def add_many(self, items: Iterable[Incoming]) -> list[bool]:
        """Store analyses in one transaction, with bulk inserts; the same as `add` of each in
        order (each item's answer is `add`'s), and the knowledge derived from them is the same."""
        items = list(items)
        try:
            planned, repeats = self._plan(items)
            flags = iter(SQLStore.add_many(self, [p for p in planned if p is not None], self._finish,
                                           one_by_one_on_conflict=False))
        except IntegrityError:  # another writer stored one of them first: plan and write each again
            self._clear_caches()
            if len(items) > 1:
                return [flag for item in items for flag in self.add_many([item])]
            return [False]
        except BaseException:
            self._clear_caches()  # they may hold reports that were not stored
            raise
        out = [next(flags) if p is not None else False for p in planned]
        for raw_hash, doc_id, name in repeats:
            self.remember_input(raw_hash, doc_id, name)
        if any(out):
            self._cache = None
        return out

    def _clear_caches(self) -> None:
        self._actors = None
        self._reports.clear()
        self._claims.clear()
        self._touched.clear()

    def _plan(self, items: list[Incoming]) -> tuple[list[Pending | None], list[tuple[str, str, str | None]]]:
        """What to write of each item (None: the same publication is stored), and the inputs of
        those not written to note. A text stored before, or earlier in the batch, is a further
        publication of it; another is checked against the copy index, which learns it at once so
        that a later item of the batch can be its copy."""
        stored = self.stored_ids(item.analysis.document.id for item in items)
        publications: dict[str, list[dict[str, Any]]] = {}  # text id → its publications, first first
        planned: list[Pending | None] = []
        repeats: list[tuple[str, str, str | None]] = []
        batch = dedup.CopyIndex()  # this batch's documents, not stored yet
        for item in items:
            doc = item.analysis.document
            outlet = outlet_of(doc, item.outlet)
            text_id = doc.id.split("@", 1)[0]
            if doc.id in stored or text_id in publications:
                if text_id not in publications:
                    publications[text_id] = self.publications(text_id)
                pubs = publications[text_id]
                if any((doc.url and p["url"] == doc.url) or p["outlet"] == outlet for p in pubs):
                    if item.raw_hash:
                        repeats.append((item.raw_hash, pubs[0]["id"], item.name))
                    planned.append(None)
                    continue
                original = pubs[0]
                pub = replace(item.analysis, document=replace(doc, id=publication_id(
                    text_id, doc.url or outlet or item.name or "")))
                copy_of, minhash = original["copy_of"] or original["id"], original["minhash"]
                analysis = pub
            else:
                mh = dedup.from_bytes(item.minhash) if item.minhash else dedup.signature(
                    " ".join(doc.text[s:e] for s, e in doc.included_regions()))
                copy_of = item.copy_of if item.copy_of is not None or mh is None else self._original_of(mh, batch)
                minhash = dedup.to_bytes(mh) if mh is not None else None
                if mh is not None:
                    batch.add(doc.id, mh, copy_of)
                analysis = item.analysis
                publications[text_id] = []
            publications[text_id].append({"id": analysis.document.id, "outlet": outlet, "url": doc.url,
                                          "copy_of": copy_of, "minhash": minhash})
            bands = dedup.band_keys(dedup.from_bytes(bytes(minhash))) if minhash else []
            planned.append(Pending(analysis, outlet, copy_of, minhash, item.raw_hash, item.name,
                                   self._deriving(analysis, outlet, copy_of), bands))
        return planned, repeats

    def _deriving(self, analysis: Analysis, outlet: str | None, copy_of: str | None) -> Callable[[Connection], None]:
        return lambda conn: self._derive(conn, analysis, outlet, copy_of)

    def _finish(self, conn: Connection) -> None:
        """What a batch changes as a whole: the contradictions of the clusters its documents touched
        (collected by `_derive`, in this try of the transaction)."""
        touched, self._touched = self._touched, set()
        kept.ensure(conn)
        kept.refresh(conn, touched)

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
        return self.add(stored, outlet=outlet_of(document, outlet), raw_hash=raw_hash, name=name)

    def _derive(self, conn: Connection, analysis: Analysis, outlet: str | None, copy_of: str | None) -> None:
        """The knowledge kept at ingest: actors, event reports in their clusters, claim groups."""
        doc = analysis.document
        origin_outlet = derived.document_outlet(conn, copy_of) if copy_of else None
        info = DocInfo(doc.id, outlet, doc.url, doc.title, doc.published, copy_of, None, origin_outlet)
        if self._actors is None or self._actors.conn is not conn:  # one per transaction
            self._actors = StoredActors(conn)
        resolved = resolve_actors(conn, analysis, self._actors)
        reports = build_reports(analysis, info, resolved, lambda code: state_actor(conn, code, self._actors))
        self._touched.update(assign_clusters(conn, reports, self.window_days, self._reports))
        if copy_of:  # a copy may change which outlet first published its family's text
            self._touched.update(derived.clusters_of_origins(conn, [copy_of]))
        group_claims(conn, analysis, self._claims)

    def _knowledge_missing(self) -> bool:
        """A store written before the knowledge was kept at ingest has entities but no actors."""
        with self.engine.connect() as conn:
            return derived.has_any(conn, "entities") and not derived.has_any(conn, "entity_actors")

    def rebuild_knowledge(self) -> None:
        """Derive the knowledge of every stored document again, in the order they were stored."""
        self._clear_caches()
        with self.engine.begin() as conn:
            derived.clear_derived(conn)
            for doc_id, outlet, copy_of, raw in derived.stored_analyses(conn):
                analysis = analysis_from_dict(json.loads(raw))
                analysis.document.id = doc_id
                self._derive(conn, analysis, outlet, copy_of)
            self._touched.clear()
            kept.refresh_all(conn)
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

    def _clusters_about(self, query: ActorQuery) -> list[EventCluster]:
        """The clusters involving an actor, read through the indexes (its actors, their reports'
        clusters, those clusters' reports) instead of from the whole store: the same clusters as
        `event_clusters()` filtered by `_involves`, at a cost that follows the answer, not the store."""
        with self.engine.connect() as conn:
            candidates = load_actors(conn, sorted(self._actor_candidates(conn, query)))
            keys = [key for key, actor in candidates.items() if query.matches(actor)]
            rows = derived.report_rows_in_clusters(conn, derived.clusters_of_actors(conn, keys))
            actors = load_actors(conn, sorted({k for r in rows for k in (r.actor, r.target, r.location) if k}))
            reports = reports_from_rows(conn, rows, actors, load_documents(conn, {r.document_id for r in rows}))
        return [c for c in group_clusters(reports) if self._involves(c, query)]

    @staticmethod
    def _actor_candidates(conn: Connection, query: ActorQuery) -> set[str]:
        """Keys of every actor the query may match (a superset, checked by `ActorQuery.matches`):
        by key, QID or state, and by the first word of a name, which a match of the whole name as
        words must contain as a word of its own."""
        if query.key:
            return {query.key}
        if query.qid:
            return derived.actor_keys_where(conn, wikidata=query.qid)
        found = derived.actor_keys_where(conn, country=query.country) if query.country else set()
        first = re.match(r"\w+", query.folded)
        if first:
            found |= derived.actor_keys_with_word(conn, first.group(0)[:255])
        elif query.folded:  # a name that does not start with a word character: every actor is checked
            found |= derived.all_actor_keys(conn)
        return found

    def events(self, about: str | None = None, *, type: str | None = None, since: str | date | None = None,
               until: str | date | None = None, min_sources: int | None = None) -> Rows[EventCluster]:
        """One record per event cluster: who did what to whom, reports, independent sources, denials.

        With `since`/`until`, a cluster counts by the days it happened (the events' own dates, else
        their publications'); undated clusters are left out and counted in `Rows.undated`."""
        type = check_event_type(type)
        query = ActorQuery(about) if about else None
        since_d, until_d = _window(since, until)
        out: Rows[EventCluster] = Rows()
        for cluster in self._clusters_about(query) if query else self.event_clusters():
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
        if about:
            return Rows(contradictions(self._clusters_about(ActorQuery(about))))
        with self.engine.connect() as conn:  # kept per batch: no cluster is built
            return Rows(kept.read(conn))

    def claims(self, about: str | None = None, *, source: str | None = None, since: str | date | None = None,
               until: str | date | None = None, min_sources: int | None = None) -> Rows[ClaimRecord]:
        """Claims with their document, cluster, and how many independent sources make the same claim.

        `about` matches actors in the claim's content (or the content's words); `source` the
        claim's source (its words or actor) or the outlet. Undated claims are left out of a window
        and counted in `Rows.undated`."""
        query = ActorQuery(about) if about else None
        rows, sources = self._claims_about(query) if query is not None else self._all_claims()
        since_d, until_d = _window(since, until)
        needle = source.casefold() if source else None
        out: Rows[ClaimRecord] = Rows()
        for cr in rows:
            if needle and not any(needle in (s or "").casefold() for s in (
                    cr.source_text, cr.source_entity.name if cr.source_entity else None, cr.doc.outlet)):
                continue
            day = time_interval(cr.stated_at) if cr.stated_at else ((cr.doc.day, cr.doc.day) if cr.doc.day else None)
            inside = in_window(day, since_d, until_d)
            if inside is None:
                out.undated += 1
            if not inside:
                continue
            reports, independent = sources[cr.cluster] if cr.cluster else claim_sources([cr])
            if min_sources and independent < min_sources:
                continue
            out.append(ClaimRecord(cr, reports, independent))
        out.sort(key=lambda r: (-r.independent_sources, r.claim.doc.published or "", r.claim.doc.id, r.claim.id))
        return out

    def _all_claims(self) -> tuple[list[ClaimRow], dict[str, tuple[int, int]]]:
        """Every claim, and (reports, independent sources) of every cluster."""
        snap = self._snapshot()
        with self.engine.connect() as conn:
            rows = load_claims(conn, snap.docs, snap.actors)
        members: dict[str, list[ClaimRow]] = defaultdict(list)
        for cr in rows:
            members[cr.cluster].append(cr)
        sources = _event_sources(snap.clusters)
        sources.update({cluster: claim_sources(found) for cluster, found in members.items()
                        if cluster and cluster not in sources})
        return rows, sources

    def _claims_about(self, query: ActorQuery) -> tuple[list[ClaimRow], dict[str, tuple[int, int]]]:
        """The claims about an actor, read through the indexes (the documents with an entity of a
        matching actor, or a claim holding the name's words) instead of from the whole store, with
        (reports, independent sources) of their clusters only: the same records as filtering
        `_all_claims()`, at a cost that follows the answer, not the store."""
        words = re.findall(r"\w+", query.folded)
        if not words:  # a name without a word to look up: every claim is read
            rows, sources = self._all_claims()
            return [cr for cr in rows if _about(cr, query)], sources
        with self.engine.connect() as conn:
            candidates = load_actors(conn, sorted(self._actor_candidates(conn, query)))
            keys = [key for key, actor in candidates.items() if query.matches(actor)]
            documents = derived.documents_of_actors(conn, keys) | derived.documents_with_claim_words(conn, words)
            rows = [cr for cr in _claim_rows(conn, documents) if _about(cr, query)]
            clusters = {cr.cluster for cr in rows if cr.cluster}
            events = group_clusters(reports_from_rows(conn, derived.report_rows_in_clusters(conn, clusters)))
            sources = _event_sources(events)
            members: dict[str, list[ClaimRow]] = defaultdict(list)
            groups = clusters - set(sources)
            for cr in _claim_rows(conn, derived.claim_group_documents(conn, groups)):
                if cr.cluster in groups:
                    members[cr.cluster].append(cr)
        sources.update({cluster: claim_sources(found) for cluster, found in members.items()})
        return rows, sources

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
