"""Analysis over worker processes: each worker loads the spaCy model once and analyses chunks
of documents; results come back to the one process that writes the store.

`Document -> Analysis` is a pure function, so the order of work does not matter; results are
yielded in input order anyway, so a run is reproducible and its progress easy to follow.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from claimwatch.model import Analysis, Document
from claimwatch.nlp.pipeline import Failure, analyze_documents

T = TypeVar("T")

CHUNK = 4  # documents per task: small enough to balance, large enough for nlp.pipe batching


def _init_worker() -> None:
    from claimwatch.nlp.pipeline import load_pipeline

    os.environ["CLAIMWATCH_ENCODER_THREADS"] = "1"  # one worker per core: the accurate mode's transformer too

    load_pipeline()


def _analyze_chunk(docs: list[Document]) -> list[Analysis | Failure]:
    try:
        return list(analyze_documents(docs))
    except Exception as exc:  # the pipeline itself broke: fail the chunk, keep the run
        return [Failure(doc, f"analysis failed: {type(exc).__name__}: {exc}") for doc in docs]


def _chunks(items: Iterable[tuple[Document, T]], size: int) -> Iterator[list[tuple[Document, T]]]:
    chunk: list[tuple[Document, T]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_parallel(items: Iterable[tuple[Document, T]], workers: int = 1,
                     chunk: int = CHUNK) -> Iterator[tuple[Analysis | Failure, T]]:
    """(analysis or failure, tag) per (document, tag), in input order.

    One worker analyses in this process; more start that many spawned processes. At most a
    few chunks per worker are in flight, so memory stays bounded on any corpus size."""
    if workers <= 1:
        pending: deque[T] = deque()

        def docs() -> Iterator[Document]:
            for doc, tag in items:
                pending.append(tag)
                yield doc

        for result in analyze_documents(docs()):
            yield result, pending.popleft()
        return

    ctx = mp.get_context("spawn")  # safe with threads and open connections in the parent
    pool = ctx.Pool(workers, initializer=_init_worker)
    inflight: deque[tuple[Any, list[T]]] = deque()
    try:
        for part in _chunks(items, chunk):
            inflight.append((pool.apply_async(_analyze_chunk, ([d for d, _ in part],)), [tag for _, tag in part]))
            while len(inflight) >= workers * 3:
                yield from _collect(inflight.popleft())
        while inflight:
            yield from _collect(inflight.popleft())
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _collect(job: tuple[Any, list[T]]) -> Iterator[tuple[Analysis | Failure, T]]:
    future, tags = job
    yield from zip(future.get(), tags, strict=True)
