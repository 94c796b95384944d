"""How long the knowledge queries take on a store (`claimwatch bench --db STORE`).

Each query runs in a fresh `KnowledgeBase`, as a command does, so nothing is cached between them; the
best of `repeat` runs is kept, as timings of the same work vary with the machine's load. The queries
and their timing are the store benchmark's (`claimwatch.evaluation.store_scale`): here the five that
answer the whole store.
"""

from __future__ import annotations

from pathlib import Path

from claimwatch.evaluation import Scorecard
from claimwatch.evaluation.store_scale import time_queries
from claimwatch.knowledge import KnowledgeBase

WHOLE_STORE = ["events", "claims", "contradictions", "graph", "entities"]


def benchmark_queries(db: str | Path, repeat: int = 3) -> Scorecard:
    """Seconds per query (best of `repeat`), with the store's size."""
    with KnowledgeBase(db, create=False) as store:
        documents, reports = store.count(), store.count("reports")
    seconds, records = time_queries(str(db), "", repeat, WHOLE_STORE)
    rows = [{"query": name, "seconds": round(seconds[name], 3), "records": records[name]} for name in WHOLE_STORE]
    total = sum(r["seconds"] for r in rows)
    return Scorecard(f"knowledge queries on {documents} documents ({reports} event reports)", rows,
                     [f"documents {documents}; all five queries {total:.2f} s"],
                     {"documents": documents, **{r["query"]: r["seconds"] for r in rows}})
