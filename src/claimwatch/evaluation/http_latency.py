"""Latency of `claimwatch serve` as a client sees it: the real server (`claimwatch serve`, its own
process) on 127.0.0.1 over a store, a bounded loop of sequential GETs per path, p50/p95/max in ms.

    python -m claimwatch.evaluation.http_latency --db store.db --requests 200

`{doc}` in a path stands for a document id, a different stored document on each request (so
a document page is measured over many documents, not one cached answer). Each path is requested
a few times first (warm-up: the first read of the knowledge builds its snapshot), and those
requests are not counted. Only loopback is ever requested.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
from typing import Any
from urllib.parse import quote

DEFAULT_PATHS = ("/api/events", "/api/events?order=sources&limit=50&offset=100", "/documents/{doc}",
                 "/api/documents/{doc}", "/")
WARMUP = 3


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(db: str, port: int) -> subprocess.Popen:
    """`claimwatch serve` on the loopback port, once it answers."""
    import httpx

    server = subprocess.Popen([sys.executable, "-m", "claimwatch", "serve", "--db", db, "--host", "127.0.0.1",
                               "--port", str(port), "--token", ""], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2)
            return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"claimwatch serve did not start on port {port}")


def measure(db: str, paths: tuple[str, ...] = DEFAULT_PATHS, requests: int = 200) -> dict[str, Any]:
    """Serve `db` on a free loopback port and time `requests` GETs of each path, one after another."""
    import httpx

    from claimwatch.knowledge import KnowledgeBase

    with KnowledgeBase(db) as store:
        docs = [d["id"] for d in store.documents()]
    port = _free_port()
    server = _start(db, port)
    results: dict[str, Any] = {"db": db, "documents": len(docs), "requests": requests, "paths": {}}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for path in paths:
                times, sizes = [], []
                for i in range(WARMUP + requests):
                    url = path.replace("{doc}", quote(docs[i % len(docs)], safe="")) if docs else path
                    start = time.perf_counter()
                    response = client.get(url)
                    elapsed = (time.perf_counter() - start) * 1000
                    if response.status_code != 200:
                        raise RuntimeError(f"GET {url}: {response.status_code} {response.text[:200]}")
                    if i >= WARMUP:
                        times.append(elapsed)
                        sizes.append(len(response.content))
                results["paths"][path] = {"p50_ms": round(_percentile(times, 0.50), 1),
                                          "p95_ms": round(_percentile(times, 0.95), 1),
                                          "max_ms": round(max(times), 1),
                                          "mean_bytes": round(statistics.mean(sizes))}
    finally:
        server.terminate()
        server.wait(timeout=20)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store (a SQLite file or a database URL)")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per path")
    parser.add_argument("--path", action="append", help="a path to time (repeatable); {doc} is a document id")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.db, tuple(args.path or DEFAULT_PATHS), args.requests), indent=2))


if __name__ == "__main__":
    main()
