"""How the store's cost grows with its size (`claimwatch bench store --documents N ...`).

A synthetic store (claimwatch.evaluation.scale_corpus) is written in batches through
`KnowledgeBase.add_many`, the path `ingest` takes, up to each size asked for in turn; at each size
the write rate of the documents added since the last size is reported, with the store's bytes per
document and the time of each query (the best of `repeat` runs, each in a fresh `KnowledgeBase` as
a command runs it, so nothing is cached between runs).
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import text

from claimwatch.evaluation import Scorecard
from claimwatch.evaluation.scale_corpus import CorpusPlan, base_analyses, generate, rename
from claimwatch.knowledge import Incoming, KnowledgeBase
from claimwatch.model import Analysis

BATCH = 500


@dataclass
class Checkpoint:
    """The store at one size: the write rate that reached it and each query's time."""

    documents: int
    docs_per_s: float
    bytes_per_doc: float
    seconds: dict[str, float]
    records: dict[str, int]

    def row(self) -> dict[str, Any]:
        return {"documents": self.documents, "ingest docs/s": round(self.docs_per_s, 1),
                "KB/doc": round(self.bytes_per_doc / 1024, 1),
                **{name: round(s, 4) for name, s in self.seconds.items()}}


def queries(about: str, only: list[str] | None = None) -> dict[str, Callable[[KnowledgeBase], Any]]:
    """The timed queries, named as the command line writes them (`only`: those named, in this order).

    The unfiltered `claims` answers every claim of the store (71 a document here), so at 100,000
    documents it is seven million records held in memory at once; `claims --about` is the query an
    analyst runs on a store that size."""
    every: dict[str, Callable[[KnowledgeBase], Any]] = {
        "events": lambda s: s.events(), "events --about": lambda s: s.events(about),
        "claims": lambda s: s.claims(), "claims --about": lambda s: s.claims(about),
        "contradictions": lambda s: s.contradictions(), "graph": lambda s: s.graph_edges(),
        "entities": lambda s: s.entities()}
    if only is None:
        return every
    unknown = [name for name in only if name not in every]
    if unknown:
        raise ValueError(f"no timed query named {unknown[0]!r}; the queries are: {', '.join(every)}")
    return {name: every[name] for name in only}


def default_about(bases: list[Analysis]) -> str:
    """The person named in most of the texts, as the first block names it: an actor whose share of
    the store falls as the store grows (see scale_corpus)."""
    counts = Counter(e.name for a in bases for e in {e.name: e for e in a.entities if e.type == "person"}.values()
                     if len(e.name.split()) > 1)
    return rename(counts.most_common(1)[0][0], 0) if counts else "Russia"


def store_bytes(store: KnowledgeBase) -> int:
    """The bytes the store takes: the SQLite file with its write-ahead log (checkpointed first), or
    the tables, indexes and TOAST of the store's schema on PostgreSQL."""
    with store.engine.begin() as conn:
        if store.dialect == "sqlite":
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            path = Path(store.engine.url.database or "")
            return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
        return int(conn.execute(text(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
            "AND c.relkind = 'r'")).scalar_one())


def time_queries(db: str, about: str, repeat: int,
                 only: list[str] | None = None) -> tuple[dict[str, float], dict[str, int]]:
    seconds, records = {}, {}
    for name, query in queries(about, only).items():
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            with KnowledgeBase(db, create=False) as store:
                records[name] = len(query(store))
            best = min(best, time.perf_counter() - start)
        seconds[name] = best
    return seconds, records


def grow(db: str, documents: list[int], bases: list[Analysis], *, about: str, repeat: int = 3,
         batch: int = BATCH, plan: CorpusPlan | None = None, only: list[str] | None = None,
         resume: bool = False, on_checkpoint: Callable[[Checkpoint], None] | None = None,
         on_batch: Callable[[int], None] | None = None) -> list[Checkpoint]:
    """Write a synthetic store at `db` (which must be empty) up to each size in `documents`, and
    time it at each. With `resume`, a store this benchmark was writing with the same sizes, stopped
    between two batches, is written on from where it stopped (the sizes it had passed are not timed
    again). `on_batch` is told the store's documents when it opens and after each batch."""
    sizes = sorted(set(documents))
    queries(about, only)  # an unknown query name fails before anything is written
    plan = plan or CorpusPlan(sizes[-1])
    plan = CorpusPlan(sizes[-1], plan.per_day, plan.block, plan.outlets, plan.copy_share, plan.seed)
    with KnowledgeBase(db) as store:
        written = store.count()
        if written and not resume:
            raise ValueError(f"the store {db} is not empty: the benchmark writes its own documents "
                             "(--resume goes on with a store it was writing)")
        items = generate(bases, plan, start=written)
        resumed_at = written
        if on_batch is not None:
            on_batch(written)
        out: list[Checkpoint] = []
        for size in (size for size in sizes if size > written):
            seconds = 0.0
            while written < size and (part := list(islice(items, min(batch, size - written)))):
                start = time.perf_counter()
                store.add_many([Incoming(g.analysis, g.outlet) for g in part])
                seconds += time.perf_counter() - start
                written += len(part)
                if on_batch is not None:
                    on_batch(written)
            stored = store.count()
            query_s, records = time_queries(db, about, repeat, only)
            added = size - (out[-1].documents if out else resumed_at)
            point = Checkpoint(stored, added / seconds if seconds else 0.0, store_bytes(store) / max(stored, 1),
                               query_s, records)
            out.append(point)
            if on_checkpoint is not None:
                on_checkpoint(point)
    return out


def benchmark_store(documents: list[int], *, db: str | None = None, texts: Path, base: int = 300,
                    cache: Path, about: str | None = None, repeat: int = 3, batch: int = BATCH,
                    workers: int = 1, only: list[str] | None = None, resume: bool = False,
                    on_checkpoint: Callable[[Checkpoint], None] | None = None,
                    on_batch: Callable[[int], None] | None = None) -> Scorecard:
    """The whole benchmark: analyse (or read from `cache`) `base` texts, grow a store at `db` (by
    default a SQLite file in a temporary folder) through each size, and report the table."""
    bases = base_analyses(texts, base, cache, workers)
    about = about or default_about(bases)
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-") as tmp:
        target = db or str(Path(tmp) / "bench.db")
        points = grow(target, documents, bases, about=about, repeat=repeat, batch=batch, only=only,
                      resume=resume, on_checkpoint=on_checkpoint, on_batch=on_batch)
    return scorecard(points, about, "sqlite" if "://" not in target or target.startswith("sqlite") else
                     target.split("://", 1)[0].split("+", 1)[0])


def scorecard(points: list[Checkpoint], about: str, backend: str) -> Scorecard:
    first, last = points[0], points[-1]
    summary = [f"records at {p.documents} documents: " + ", ".join(f"{k} {v}" for k, v in p.records.items())
               for p in points]
    if len(points) > 1:
        growth = ", ".join(f"{name} ×{last.seconds[name] / first.seconds[name]:.1f}"
                           for name in last.seconds if first.seconds[name] > 0)
        summary.append(f"from {first.documents} to {last.documents} documents ({backend}, --about {about!r}): "
                       f"{growth}")
    metrics = {f"{p.documents}:{k}": v for p in points for k, v in {**p.seconds, "docs_per_s": p.docs_per_s,
                                                                     "bytes_per_doc": p.bytes_per_doc}.items()}
    return Scorecard(f"store benchmark ({backend}); query seconds, best of runs", [p.row() for p in points],
                     summary, metrics)
