"""Analysis on a Dask cluster: the same shape as `workers.analyze_parallel`, with the work sent to
`dask.distributed` workers instead of local processes.

Documents go out in chunks, at most four per worker thread in flight, so memory stays bounded on
any corpus size; each worker process loads the spaCy pipeline once (`load_pipeline` is cached per
process) and keeps it. Results come back in input order to the one process that writes the store,
so a run stores the same as the local runner. A worker that dies mid-task has its tasks run again
on another worker; since nothing is written until a result reaches this process, nothing is stored
twice.

Dask is imported only here, and only when a run asks for it (`ingest --dask`).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from claimwatch.batch.workers import CHUNK, _analyze_chunk, _chunks
from claimwatch.errors import ClaimwatchError
from claimwatch.model import Analysis, Document
from claimwatch.nlp.pipeline import Failure

T = TypeVar("T")

#: Re-runs of a task that raised; a task whose worker died is run again by the scheduler anyway
#: (up to its `allowed-failures`).
RETRIES = 3
#: Chunks in flight per worker thread: enough queued on each worker to keep it busy while this
#: process writes a batch to the store (with 2, two workers on two cores waited on the writer).
INFLIGHT_PER_THREAD = 4
_LOCAL = re.compile(r"local(?::(\d+))?")


def parse_scheduler(spec: str) -> int | str:
    """`local` or `local:N` → N worker processes on this machine (default 2); a scheduler address
    (`tcp://host:8786`, `tls://…`, `host:8786`) as it is."""
    spec = spec.strip()
    local = _LOCAL.fullmatch(spec)
    if local:
        n = int(local.group(1) or 2)
        if n < 1:
            raise ClaimwatchError(f"--dask {spec}: a local cluster needs at least 1 worker")
        return n
    if not spec or spec.startswith("local"):
        raise ClaimwatchError(f"--dask {spec!r}: expected a scheduler address (tcp://host:8786) or local[:N]")
    return spec


def _dask() -> Any:
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        raise ClaimwatchError("--dask needs dask.distributed: pip install 'dask[distributed]'") from exc
    return distributed


@contextmanager
def dask_client(scheduler: str) -> Iterator[Any]:
    """A client of the scheduler; for `local[:N]` a LocalCluster of N single-threaded worker
    processes, started here and closed at the end."""
    distributed = _dask()
    target = parse_scheduler(scheduler)
    if isinstance(target, int):
        # one thread a worker, the accurate mode's transformer included (config.encoder_threads)
        with distributed.LocalCluster(n_workers=target, threads_per_worker=1, processes=True, dashboard_address=None,
                                      env={"CLAIMWATCH_ENCODER_THREADS": "1"}) as cluster, \
                distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(target, timeout="30s")
    except OSError as exc:
        raise ClaimwatchError(f"--dask {scheduler}: no Dask scheduler reachable: {exc}") from exc
    try:
        yield client
    finally:
        client.close()


def analyze_dask(items: Iterable[tuple[Document, T]], scheduler: str,
                 chunk: int = CHUNK) -> Iterator[tuple[Analysis | Failure, T]]:
    """(analysis or failure, tag) per (document, tag), in input order, analysed on the Dask
    cluster at `scheduler` (see `parse_scheduler`)."""
    with dask_client(scheduler) as client:
        yield from _analyze_on(client, items, chunk)


def _analyze_on(client: Any, items: Iterable[tuple[Document, T]],
                chunk: int) -> Iterator[tuple[Analysis | Failure, T]]:
    inflight: deque[tuple[Any, list[T]]] = deque()

    def limit() -> int:  # workers may join or leave mid-run
        return INFLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))

    try:
        for part in _chunks(items, chunk):
            future = client.submit(_analyze_chunk, [d for d, _ in part], retries=RETRIES, pure=False)
            inflight.append((future, [tag for _, tag in part]))
            while len(inflight) >= limit():
                yield from _collect(inflight.popleft())
        while inflight:
            yield from _collect(inflight.popleft())
    finally:
        for future, _ in inflight:  # a run stopped early: drop the work still queued
            future.cancel()


def _collect(job: tuple[Any, list[T]]) -> Iterator[tuple[Analysis | Failure, T]]:
    future, tags = job
    results = future.result()
    future.release()
    yield from zip(results, tags, strict=True)
