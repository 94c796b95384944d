"""Writing an ingest's analyses to the store in batches: one transaction and one multi-row insert
per table for many documents instead of one for each, which is most of the store's cost per
document once the analysis runs on many workers (see docs/scale.md)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from claimwatch import config
from claimwatch.knowledge import Incoming, KnowledgeBase
from claimwatch.model import Analysis
from claimwatch.store.sqlstore import StoreError

if TYPE_CHECKING:
    from claimwatch.batch.ingest import IngestSummary

#: Seconds a document waits at most for its batch, so that progress keeps moving on a slow feed.
MAX_WAIT_S = 2.0


@dataclass
class BatchWriter:
    """Collects analyses and stores them a batch at a time, counting each in the summary."""

    store: KnowledgeBase
    summary: IngestSummary
    tick: Callable[[str], None]
    # as many as one parse batch gives at once (CLAIMWATCH_BATCH_SIZE): a run killed mid-batch
    # loses at most those, and a re-run stores them again
    size: int = field(default_factory=lambda: config.BATCH_SIZE)
    max_wait_s: float = MAX_WAIT_S
    _pending: list[tuple[Incoming, bool]] = field(default_factory=list)
    _since: float = 0.0

    def add(self, analysis: Analysis, *, outlet: str | None, raw_hash: str, name: str) -> None:
        if not self._pending:
            self._since = time.monotonic()
        self._pending.append((Incoming(analysis, outlet, raw_hash=raw_hash, name=name), analysis.analysed))
        if len(self._pending) >= self.size or time.monotonic() - self._since >= self.max_wait_s:
            self.flush()

    def flush(self) -> None:
        """Store what is collected, in one transaction. A batch that cannot be written (the store
        failed past its retries) is written again a document at a time, so that every document
        before the one that fails is stored and counted; the error then stops the run."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        try:
            self._write(pending)
        except (StoreError, SQLAlchemyError):
            if len(pending) == 1:
                raise
            for one in pending:
                self._write([one])

    def _write(self, pending: list[tuple[Incoming, bool]]) -> None:
        flags = self.store.add_many([item for item, _ in pending])
        stored = [item.analysis.document.id for (item, _), ok in zip(pending, flags, strict=True) if ok]
        copies = {d["id"] for d in self.store.documents(stored) if d["copy_of"]} if stored else set()
        for (item, analysed), ok in zip(pending, flags, strict=True):
            if ok:
                self.summary.stored += 1
                self.summary.unanalysed += not analysed
                self.summary.copies += item.analysis.document.id in copies
                self.tick("stored")
            else:
                self.summary.duplicates += 1
                self.tick("duplicate")
