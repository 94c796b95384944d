"""How long the knowledge queries take on a store (`claimwatch bench --db STORE`).

Each query runs in a fresh `KnowledgeBase`, as a command does, so nothing is cached between them; the
best of `repeat` runs is kept, as timings of the same work vary with the machine's load.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimwatch.evaluation import Scorecard
from claimwatch.knowledge import KnowledgeBase


def _queries() -> dict[str, Callable[[KnowledgeBase], Any]]:
    return {"events": lambda s: s.events(), "claims": lambda s: s.claims(),
            "contradictions": lambda s: s.contradictions(), "graph": lambda s: s.graph_edges(),
            "entities": lambda s: s.entities()}


def benchmark_queries(db: str | Path, repeat: int = 3) -> Scorecard:
    """Seconds per query (best of `repeat`), with the store's size."""
    with KnowledgeBase(db) as store:
        documents, reports = store.count(), store.count("reports")
    rows = []
    for name, query in _queries().items():
        best, size = float("inf"), 0
        for _ in range(repeat):
            start = time.perf_counter()
            with KnowledgeBase(db) as store:
                size = len(query(store))
            best = min(best, time.perf_counter() - start)
        rows.append({"query": name, "seconds": round(best, 3), "records": size})
    total = sum(r["seconds"] for r in rows)
    return Scorecard(f"knowledge queries on {documents} documents ({reports} event reports)", rows,
                  [f"documents {documents}; all five queries {total:.2f} s"],
                  {"documents": documents, **{r["query"]: r["seconds"] for r in rows}})
