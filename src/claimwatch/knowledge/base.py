"""`KnowledgeBase` (`claimwatch.Store`): the store with its knowledge — the same queries the CLI prints.

    store = claimwatch.Store("news.db")          # or a postgresql:// URL; default $CLAIMWATCH_DB
    store.add(analysis, outlet="example.com")     # idempotent; records copies of earlier documents
    store.add_many([Incoming(a, outlet="x.org") for a in analyses])   # the same, a batch at a time
    store.events(about="Sudan", min_sources=2)
    store.contradictions()
    store.graph(since="2024-10-01")               # a networkx MultiDiGraph

Writing, and the knowledge kept up to date as each document is stored, is
`claimwatch.knowledge.writing`; here are the queries, which read what was kept instead of
recomputing it: `--about` reads only the clusters of the actors it names, through indexes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from sqlalchemy.engine import Connection

from claimwatch.knowledge import kept
from claimwatch.knowledge.actors import actor_names, load_actors
from claimwatch.knowledge.claims import (
    ClaimRow,
    claim_sources,
    load_claims,
)
from claimwatch.knowledge.clusters import WINDOW_DAYS, EventCluster, group_clusters
from claimwatch.knowledge.contradictions import contradictions
from claimwatch.knowledge.graph import Level, actor_graph, edge_rows, in_window
from claimwatch.knowledge.identity import Actor, ActorQuery
from claimwatch.knowledge.publications import load_documents
from claimwatch.knowledge.records import ActorSummary, ClaimRecord, Contradiction, Edge, Rows
from claimwatch.knowledge.reports import (
    DocInfo,
    Report,
    load_reports,
    reports_from_rows,
    time_interval,
)
from claimwatch.knowledge.writing import KnowledgeWriter
from claimwatch.model import EVENT_TYPES
from claimwatch.store import derived
from claimwatch.store.sqlstore import StoreError, resolve_url


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


class KnowledgeBase(KnowledgeWriter):
    """Documents, analyses and the knowledge across them (see the module's docstring)."""

    def __init__(self, db: str | Path | None = None, *, window_days: int = WINDOW_DAYS, migrate: bool = True,
                 create: bool = True) -> None:
        """`create=False` (the queries) refuses a SQLite file that does not exist: a mistyped `--db`
        must say so, not answer from a new empty store."""
        if not create:
            _require_existing(db)
        self._cache: tuple[Any, _Snapshot] | None = None
        super().__init__(db, window_days=window_days, migrate=migrate)

    def _stored_changed(self) -> None:
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
            report_rows = derived.report_rows_in_clusters(conn, clusters)
            events = group_clusters(reports_from_rows(
                conn, report_rows, None, load_documents(conn, {r.document_id for r in report_rows})))
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
