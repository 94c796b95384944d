"""An ingest run: sources → raw inputs → Documents → analysis (on workers) → the store.

Resumable: inputs seen before (by the hash of their bytes) and documents stored before (by the
hash of their text) are skipped before any analysis. Documents are stored in batches, each batch in
one transaction (batch/writer.py), so a run killed at any point leaves every document whole or
absent, and the next run picks up where it stopped. A document in a language the analysis does not read is stored
unanalysed (its text, metadata and language, searchable) and counted apart: nothing is lost.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from claimwatch.batch.workers import analyze_parallel
from claimwatch.batch.writer import BatchWriter
from claimwatch.errors import InputError
from claimwatch.ingest import document_from_bytes
from claimwatch.ingest.fetch import Fetcher
from claimwatch.ingest.metadata import MetadataTable, apply_metadata
from claimwatch.ingest.sources import RawInput, SourceFailure, iter_inputs
from claimwatch.knowledge import KnowledgeBase
from claimwatch.model import Document
from claimwatch.nlp.pipeline import Failure
from claimwatch.store.sqlstore import StoreError, store_error


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    copies: int = 0  # stored documents that are near-verbatim copies of stored ones
    failed: list[tuple[str, str]] = field(default_factory=list)
    analysed: int = 0
    unanalysed: int = 0  # stored without analysis: a language the analysis does not read
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"stored": self.stored, "duplicates": self.duplicates, "copies": self.copies,
                "failed": len(self.failed), "failures": [{"input": n, "error": e} for n, e in self.failed],
                "analysed": self.analysed, "unanalysed": self.unanalysed, "seconds": round(self.seconds, 2),
                "documents_per_s": round(self.docs_per_s, 2)}


@dataclass
class _Tag:
    name: str
    raw_hash: str
    outlet: str | None = None


def ingest(sources: list[str], store: KnowledgeBase, *, workers: int = 1, outlet: str | None = None,
           published: str | None = None, allow_private: bool = False,
           on_result: Callable[[str], None] | None = None, fetcher: Fetcher | None = None,
           metadata: MetadataTable | None = None, dask: str | None = None) -> IngestSummary:
    """Ingest every input of the sources into the store; `on_result` hears "stored",
    "duplicate" or "failed" once per input. `published` dates the documents that carry no date
    of their own (plain-text files); a page's or feed entry's own date wins. A `metadata` table's
    row for an input (by its file name) gives its date, outlet, URL, author and title, over the
    page's own. `dask` (a scheduler address, or `local[:N]`) analyses on a Dask cluster instead of
    `workers` local processes; the store is written here either way."""
    summary = IngestSummary()
    tick = on_result or (lambda _kind: None)
    known = store.known_inputs()
    stored_ids = store.document_ids()
    seen_inputs: set[tuple[str, str]] = set()
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher(allow_private=allow_private)
    start = time.perf_counter()

    def documents() -> Iterator[tuple[Document, _Tag]]:
        for item in iter_inputs(sources, fetcher):
            if isinstance(item, SourceFailure):
                summary.failed.append((item.name, item.error))
                tick("failed")
                continue
            raw_hash = "sha256:" + hashlib.sha256(item.data).hexdigest()
            # the same bytes under the same name were stored before: nothing new to read
            if (raw_hash in known and known[raw_hash][1] == item.name) or (raw_hash, item.name) in seen_inputs:
                summary.duplicates += 1
                tick("duplicate")
                continue
            seen_inputs.add((raw_hash, item.name))
            try:
                doc = _document(item, published)
            except InputError as exc:
                summary.failed.append((item.name, str(exc)))
                tick("failed")
                continue
            meta = metadata.lookup(item.name) if metadata is not None else None
            doc = apply_metadata(doc, meta)
            tag = _Tag(item.name, raw_hash, (meta.outlet if meta else None) or outlet)
            if doc.id in stored_ids:
                # a text stored before: another publication of it costs no analysis (stored after
                # the analyses collected so far, so that documents are stored in the order they came)
                writer.flush()
                _store_publication(store, doc, tag, summary, tick)
                continue
            yield doc, tag

    deferred: list[tuple[Document, _Tag]] = []

    def fresh() -> Iterator[tuple[Document, _Tag]]:
        for doc, tag in documents():
            if doc.id in seen_analysed:  # the same text again in this run: stored once analysed
                deferred.append((doc, tag))
                continue
            seen_analysed.add(doc.id)
            yield doc, tag

    seen_analysed: set[str] = set()
    results: Generator[tuple[Any, _Tag], None, None] | None = None
    writer = BatchWriter(store, summary, tick)
    try:
        if dask:
            from claimwatch.batch.dask_runner import analyze_dask

            results = analyze_dask(fresh(), dask)
        else:
            results = analyze_parallel(fresh(), workers)
        for result, tag in results:
            if isinstance(result, Failure) or result.analysed:
                summary.analysed += 1
            if isinstance(result, Failure):
                summary.failed.append((tag.name, result.error))
                tick("failed")
                continue
            writer.add(result, outlet=tag.outlet, raw_hash=tag.raw_hash, name=tag.name)
        writer.flush()
        for doc, tag in deferred:
            _store_publication(store, doc, tag, summary, tick)
    except (StoreError, SQLAlchemyError) as exc:
        raise _stopped(exc, store, summary) from exc
    finally:
        if results is not None:
            results.close()  # stop the workers (or the Dask cluster) now, even on an error
        summary.seconds = time.perf_counter() - start
        if own_fetcher:
            fetcher.close()
    return summary


def _stopped(exc: StoreError | SQLAlchemyError, store: KnowledgeBase, summary: IngestSummary) -> StoreError:
    """The store failed (full, gone, locked past every retry): the run cannot go on, but what it
    stored is whole, each document having been written in its own transaction; say so, and how to
    resume, in one line."""
    error = exc if isinstance(exc, StoreError) else store_error(exc, store.engine.url.render_as_string())
    return StoreError(f"{error} — stopped after storing {summary.stored} document(s) in this run; every "
                      f"stored document is complete: run the same command again to resume")


def _store_publication(store: KnowledgeBase, doc: Document, tag: _Tag, summary: IngestSummary,
                       tick: Callable[[str], None]) -> None:
    """Store another publication of a stored text (a copy, from another URL or outlet), or count a duplicate."""
    if store.add_publication(doc, outlet=tag.outlet, raw_hash=tag.raw_hash, name=tag.name):
        summary.stored += 1
        summary.copies += 1
        tick("stored")
    else:
        summary.duplicates += 1
        tick("duplicate")


def _document(item: RawInput, published: str | None = None) -> Document:
    document = document_from_bytes(item.data, published=item.published, url=item.url, name=item.name)
    if document.published is None and published:
        document.published = published
    return document
