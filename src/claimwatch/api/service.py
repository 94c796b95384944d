"""What the HTTP API and the web UI ask of the store, in one place: `claimwatch.Store` queries with
their answers kept until the store changes, documents with their analyses, timelines, and the
bounded analysis and writes.

Reads go to one `KnowledgeBase`, writes to another instance of the same database, so that a write never
clears a snapshot a read is using; a query's answer is kept (a few at a time) until the counts of
documents, reports or claim groups change, so that paging through events costs one query.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar
from urllib.parse import urlsplit

import networkx as nx

import claimwatch
from claimwatch.api.problems import ProblemError
from claimwatch.api.settings import Settings
from claimwatch.errors import ClaimwatchError, InputError
from claimwatch.ingest import document_from_text
from claimwatch.ingest.language import not_english_reason
from claimwatch.knowledge import KnowledgeBase
from claimwatch.knowledge.records import Rows
from claimwatch.knowledge.timeline import Interval, events_timeline
from claimwatch.model import Analysis

T = TypeVar("T")
MEMO_SIZE = 24  # answers kept; a large store's claims answer is tens of MB
EVENT_ORDERS = ("oldest", "newest", "sources")
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # blank: no filter (what a form sends)


def bad_filter(detail: str) -> ProblemError:
    return ProblemError(400, detail, "bad-filter")


def check_dates(since: str | None, until: str | None) -> None:
    """Dates of the documented form (the store then checks that the day exists), else a 400."""
    for name, value in (("since", since), ("until", until)):
        if value is not None and not re.fullmatch(DATE_PATTERN, value):
            raise bad_filter(f"{name} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")


def _query(compute: Callable[[], T]) -> T:
    """A store query; a filter it cannot read (a bad date, an unknown level) is the client's 400."""
    try:
        return compute()
    except (ValueError, ClaimwatchError) as exc:
        raise bad_filter(str(exc)) from exc


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """A document's metadata with its datetimes as ISO strings."""
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}


class Service:
    """The store as the API and the UI see it (see the module's docstring)."""

    def __init__(self, settings: Settings, store: KnowledgeBase | None = None) -> None:
        self.settings = settings
        self.store = store if store is not None else KnowledgeBase(settings.db)
        self._writer: KnowledgeBase | None = None
        self._memo: OrderedDict[tuple, tuple[tuple, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._slot = threading.Semaphore(1)  # one analysis at a time: the spaCy pipeline is shared
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="claimwatch-analysis")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._writer is not None:
            self._writer.close()
        self.store.close()

    # -- reads ---------------------------------------------------------------------------------

    def stamp(self) -> tuple[int, int, int]:
        """Changes whenever a document is stored (by this server or by an ingest beside it)."""
        return self.store.count(), self.store.count("reports"), self.store.count("claim_groups")

    def _cached(self, key: tuple, compute: Callable[[], T]) -> T:
        stamp = self.stamp()
        with self._lock:
            hit = self._memo.get(key)
            if hit is not None and hit[0] == stamp:
                self._memo.move_to_end(key)
                return hit[1]
            value = _query(compute)
            self._memo[key] = (stamp, value)
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
            return value

    def events(self, about: str | None = None, *, type: str | None = None, since: str | None = None,
               until: str | None = None, min_sources: int | None = None, order: str = "oldest") -> list[dict]:
        """Event clusters as `KnowledgeBase.events`, oldest first, newest first or most independent sources first."""
        check_dates(since, until)
        if order not in EVENT_ORDERS:
            raise bad_filter(f"order {order!r}: use one of {', '.join(EVENT_ORDERS)}")
        rows = self._cached(("events", about, type, since, until, min_sources), lambda: _as_dicts(self.store.events(
            about, type=type, since=since, until=until, min_sources=min_sources)))
        if order == "oldest":
            return rows
        key = ("events-order", about, type, since, until, min_sources, order)
        if order == "newest":
            return self._cached(key, lambda: _keep_undated(rows, sorted(
                rows, key=lambda r: (r["last_reported"] or "", r["cluster"]), reverse=True)))
        return self._cached(key, lambda: _keep_undated(rows, sorted(
            rows, key=lambda r: (-r["independent_sources"], -r["reports"], r["first_reported"] or "9999"))))

    def _indexes(self) -> tuple[dict[str, dict], dict[str, list[str]], set[str]]:
        """Cluster id → record, document id → its clusters, the clusters with a contradiction."""

        def build() -> tuple[dict[str, dict], dict[str, list[str]], set[str]]:
            clusters = {row["cluster"]: row for row in _as_dicts(self.store.events())}
            by_doc: dict[str, list[str]] = {}
            for cid, row in clusters.items():
                for ev in row["evidence"]:
                    if cid not in by_doc.setdefault(ev["document"], []):
                        by_doc[ev["document"]].append(cid)
            contested = {c.cluster for c in self.store.contradictions()}
            return clusters, by_doc, contested

        return self._cached(("indexes",), build)

    def cluster(self, cluster_id: str) -> dict | None:
        return self._indexes()[0].get(cluster_id)

    def known_cluster(self, cluster_id: str) -> dict:
        """A cluster's record, or a 404 for the API and the pages alike."""
        row = self.cluster(cluster_id)
        if row is None:
            raise ProblemError(404, f"no event cluster {cluster_id!r}")
        return row

    def document_clusters(self, doc_id: str) -> list[dict]:
        clusters, by_doc, _ = self._indexes()
        return [clusters[c] for c in by_doc.get(doc_id, [])]

    def contested(self) -> set[str]:
        """The clusters that have a contradiction (marked in the events list)."""
        return self._indexes()[2]

    def event_types(self) -> list[str]:
        return sorted({t for row in self._indexes()[0].values() for t in row["types"]})

    def contradictions(self, about: str | None = None, kind: str | None = None,
                       cluster: str | None = None) -> list[dict]:
        rows = self._cached(("contradictions", about), lambda: _as_dicts(self.store.contradictions(about)))
        return [r for r in rows if (kind is None or r["kind"] == kind) and (cluster is None or r["cluster"] == cluster)]

    def claims(self, about: str | None = None, *, source: str | None = None, since: str | None = None,
               until: str | None = None, min_sources: int | None = None) -> list[dict]:
        check_dates(since, until)
        return self._cached(("claims", about, source, since, until, min_sources), lambda: _as_dicts(self.store.claims(
            about, source=source, since=since, until=until, min_sources=min_sources)))

    def entities(self, about: str | None = None, type: str | None = None) -> list[dict]:
        rows = self._cached(("entities", about), lambda: _as_dicts(self.store.entities(about)))
        return rows if type is None else [r for r in rows if r["type"] == type]

    def actor_names(self, limit: int = 300) -> list[str]:
        """The most documented actors' names (the UI's suggestions)."""
        return [r["name"] for r in self.entities()[:limit]]

    def graph(self, since: str | None = None, until: str | None = None, level: str = "actor",
              type: str | None = None) -> nx.MultiDiGraph:
        """The actor graph of a window, with only the edges of one event type when `type` is given."""
        check_dates(since, until)
        graph = self._cached(("graph", since, until, level), lambda: self.store.graph(since, until, level))
        if not type:
            return graph
        kept = nx.MultiDiGraph(**graph.graph)
        for src, dst, key, data in graph.edges(keys=True, data=True):
            if data.get("type") == type.upper():
                for node in (src, dst):
                    kept.add_node(node, **graph.nodes[node])
                kept.add_edge(src, dst, key=key, **data)
        return kept

    def graph_view(self, since: str | None = None, until: str | None = None, level: str = "actor",
                   type: str | None = None, limit: int = 500) -> dict[str, Any]:
        """Nodes and edges (most reported first, at most `limit` edges) as JSON for a drawing."""
        graph = self.graph(since, until, level, type)
        edges = [{"actor": {"key": s, "name": graph.nodes[s].get("label")},
                  "target": {"key": d, "name": graph.nodes[d].get("label")}, **data}
                 for s, d, data in graph.edges(data=True)]
        edges.sort(key=lambda e: (-e["reports"], e["type"], e["actor"]["key"], e["target"]["key"]))
        kept = edges[:limit]
        used = {e["actor"]["key"] for e in kept} | {e["target"]["key"] for e in kept}
        nodes = [{"id": n, "label": a.get("label"), "type": a.get("type") or None, "country": a.get("country") or None,
                  "wikidata": a.get("wikidata") or None} for n, a in graph.nodes(data=True) if n in used]
        return {"level": level, "nodes": nodes, "edges": kept, "total_edges": len(edges),
                "undated": graph.graph.get("undated", 0)}

    def timeline(self, about: str | None = None, dyad: tuple[str, str] | None = None, *, type: str | None = None,
                 since: str | None = None, until: str | None = None, interval: Interval = "day") -> dict[str, Any]:
        """Event clusters per period about an actor, or about both actors of a pair."""
        return events_timeline(self.events, about, dyad, type=type, since=since, until=until, interval=interval)

    def documents(self) -> list[dict[str, Any]]:
        """Every document's metadata, most recently published first."""
        return self._cached(("documents",), lambda: sorted(
            (jsonable(d) for d in self.store.documents()), key=lambda d: (d["published"] or "", d["id"]),
            reverse=True))

    def document(self, doc_id: str) -> tuple[dict[str, Any], Analysis] | None:
        """A document's metadata and its stored analysis, or None."""
        meta = self.store.documents([doc_id])
        analysis = self.store.analysis(doc_id) if meta else None
        if not meta or analysis is None:
            return None
        return jsonable(meta[0]), analysis

    def known_document(self, doc_id: str) -> tuple[dict[str, Any], Analysis]:
        """A document's metadata and analysis, or a 404 for the API and the pages alike."""
        found = self.document(doc_id)
        if found is None:
            raise ProblemError(404, f"no document {doc_id!r}")
        return found

    def search(self, q: str, kind: str = "documents", limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        return _query(lambda: self.store.search(q, kind=kind, limit=limit + offset))[offset:]

    # -- analysis and writes -----------------------------------------------------------------------

    def _bounded(self, job: Callable[[], T], timeout: float) -> T:
        """Run `job` on the analysis thread within `timeout` seconds, one at a time."""
        if not self._slot.acquire(timeout=min(5.0, timeout)):
            raise ProblemError(503, "another analysis is running; retry in a moment", "busy", {"Retry-After": "5"})

        def run() -> T:
            try:
                return job()
            finally:
                self._slot.release()

        future = self._pool.submit(run)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout as exc:
            raise ProblemError(503, f"the analysis took longer than the limit of {timeout:g} s; send a shorter "
                                    "text (or start the server with a longer --analysis-timeout)",
                               "analysis-timeout", {"Retry-After": "30"}) from exc
        except InputError as exc:
            raise ProblemError(422, str(exc), "unreadable-input") from exc

    def analyze(self, text: str, published: str | None = None, url: str | None = None) -> Analysis:
        """The analysis of one text or page within the time limit; nothing stored."""
        return self._bounded(lambda: claimwatch.analyze(text, published=published, url=url),
                             self.settings.analysis_timeout_s)

    def writer(self) -> KnowledgeBase:
        if self._writer is None:
            self._writer = KnowledgeBase(self.store.url)
        return self._writer

    def add_text(self, text: str, *, published: str | None = None, url: str | None = None,
                 outlet: str | None = None) -> dict[str, Any]:
        """Analyse and store one document (a copy or a re-post is recorded as the store does). A text in a
        language the analysis does not read is stored unanalysed (its text, metadata and language), as
        `ingest` stores it: nothing sent is lost."""
        try:
            document = document_from_text(text, published=published, url=url, name="document")
        except InputError as exc:
            raise ProblemError(422, str(exc), "unreadable-input") from exc
        if not_english_reason(document.language) is None:
            analysis = self.analyze(text, published, url)
        else:
            analysis = Analysis(document, analysed=False)
        with self._write_lock:
            store = self.writer()
            before = store.document_ids()
            stored = store.add(analysis, outlet=outlet)
            new = sorted(store.document_ids() - before)
        return {"stored": int(stored), "duplicates": int(not stored), "failed": [],
                "unanalysed": int(stored and not analysis.analysed), "documents": new or [analysis.document.id]}

    def add_urls(self, urls: list[str]) -> dict[str, Any]:
        """Fetch, analyse and store pages (http and https only; no private addresses unless allowed)."""
        from claimwatch.batch.ingest import ingest

        if len(urls) > self.settings.max_urls:
            raise ProblemError(413, f"at most {self.settings.max_urls} URLs in one request", "too-many-urls")
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ProblemError(422, f"{url!r} is not an http(s) URL", "bad-url")

        def run() -> dict[str, Any]:
            with self._write_lock:
                store = self.writer()
                before = store.document_ids()
                summary = ingest(list(urls), store, allow_private=self.settings.allow_private)
                new = sorted(store.document_ids() - before)
            return {"stored": summary.stored, "duplicates": summary.duplicates,
                    "failed": [{"input": n, "error": e} for n, e in summary.failed], "documents": new}

        return self._bounded(run, self.settings.analysis_timeout_s * len(urls))


def _keep_undated(rows: list[dict], ordered: list[dict]) -> list[dict]:
    """`ordered` carrying the `undated` count of `rows` (a `Rows`)."""
    out = type(rows)(ordered) if hasattr(rows, "undated") else ordered
    if hasattr(rows, "undated"):
        out.undated = rows.undated
    return out


def _as_dicts(rows: Rows) -> Rows[dict[str, Any]]:
    """A query's records as the contract's JSON objects, keeping the count of undated ones."""
    return rows.to_dicts()
