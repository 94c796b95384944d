"""The write path of the store's knowledge: each document stored with what is derived from it.

Actors, event clusters, claim groups, the copy index (signature bands), the copy families' first
publications and the kept contradictions are brought up to date as each document or batch is stored,
in the same transaction, so that the queries (`claimwatch.knowledge.base.KnowledgeBase`) read them
instead of recomputing them. A store written before one of them was kept gets it filled in once,
when it is opened.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from claimwatch.knowledge import dedup, kept
from claimwatch.knowledge.actors import StoredActors, resolve_actors, state_actor
from claimwatch.knowledge.claims import ClaimCache, band_stored_claims, group_claims
from claimwatch.knowledge.clusters import WINDOW_DAYS, ReportCache, assign_clusters
from claimwatch.knowledge.publications import keep_family_firsts, note_publication
from claimwatch.knowledge.reports import DocInfo, build_reports
from claimwatch.model import Analysis, Document
from claimwatch.store import SQLStore, derived
from claimwatch.store.codec import analysis_from_dict
from claimwatch.store.sqlstore import Incoming, Pending


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


def publication_id(text_id: str, place: str) -> str:
    """The id of a further publication of a stored text: the text's id and a hash of where it appeared."""
    return f"{text_id}@{hashlib.sha1(place.encode()).hexdigest()[:8]}"


class KnowledgeWriter(SQLStore):
    """The store, writing documents with the knowledge derived from them (see the module's docstring)."""

    def __init__(self, db: str | Path | None = None, *, window_days: int = WINDOW_DAYS,
                 migrate: bool = True) -> None:
        super().__init__(db, migrate=migrate)
        self.window_days = window_days
        self._reports = ReportCache()
        self._claims = ClaimCache()
        self._actors: StoredActors | None = None
        self._touched: set[str] = set()  # clusters the batch being written changed
        if migrate and self._knowledge_missing():
            self.rebuild_knowledge()
        if migrate:
            self._index_signatures()
            self._band_claims()
            self._keep_contradictions()
            self._keep_family_firsts()

    def _stored_changed(self) -> None:
        """Called after a write changed what is stored: a reader drops what it read before."""

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

    def _fill_once(self, filled: Callable[[Connection], bool], fill: Callable[[Connection], None]) -> None:
        """Fill in what a store written before it was kept lacks: checked on a read-only connection,
        as almost every store has it, and filled in one transaction otherwise."""
        with self.engine.connect() as conn:
            if filled(conn):
                return
        with self.engine.begin() as conn:
            fill(conn)

    def _keep_contradictions(self) -> None:
        """Fill the kept contradictions of a store written before they were kept (once)."""
        self._fill_once(lambda conn: derived.state(conn, kept.READY) is not None, kept.ensure)

    def _keep_family_firsts(self) -> None:
        """Fill the copy families' first publications of a store written before they were kept (once)."""
        self._fill_once(lambda conn: derived.has_any(conn, "copy_families") or not derived.has_any(conn, "documents"),
                        keep_family_firsts)

    def _index_signatures(self) -> None:
        """Band the signatures of a store written before `copy_bands` existed (once: a store with
        any band has all of them, each written with its document)."""
        def fill(conn: Connection) -> None:
            rows = derived.signatures_without_bands(conn)
            derived.insert_copy_bands(conn, [{"band": band, "document_id": row.id} for row in rows
                                             for band in dedup.band_keys(dedup.from_bytes(bytes(row.minhash)))])

        self._fill_once(lambda conn: derived.has_any(conn, "copy_bands") or not derived.has_any(conn, "documents"),
                        fill)

    def _band_claims(self) -> None:
        """Band the grouped claims of a store migrated to integer bands (once: a store with any
        claim band has all of them, each written with its claim)."""
        self._fill_once(lambda conn: derived.has_any(conn, "claim_bands") or not derived.has_any(conn, "claim_groups"),
                        band_stored_claims)

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
            self._stored_changed()
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
        if note_publication(conn, doc.id, copy_of, outlet):  # its family's reports are now credited to its outlet
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
        self._stored_changed()
