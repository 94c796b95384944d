"""Throughput of the analysis against the bare spaCy parse of the same texts, in one run.

The parse is timed once, then each component over the parsed Docs, so the report says what
each component costs as a share of the parse: where the time goes, not just how much.
"""

from __future__ import annotations

import time
from pathlib import Path

from claimwatch.evaluation import Scorecard
from claimwatch.model import Document
from claimwatch.nlp.pipeline import COMPONENTS, load_pipeline, split_for_parsing
from claimwatch.nlp.state import DocState


def _texts(path: Path) -> list[str]:
    files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    return [f.read_text(encoding="utf-8") for f in files]


def benchmark(path: Path, batch_size: int = 32) -> Scorecard:
    """Parse every *.txt under `path` once, then time each component over the parsed Docs."""
    t0 = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - t0
    texts = _texts(path)
    words = sum(len(t.split()) for t in texts)
    pieces = [(t[a:b], (n, a)) for n, t in enumerate(texts) for a, b in split_for_parsing(t, (0, len(t)))]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(pieces, as_tuples=True, batch_size=batch_size))
    parse_s = time.perf_counter() - t0
    states = {n: DocState(Document(text=t)) for n, t in enumerate(texts)}
    costs = dict.fromkeys((c.__name__ for c in COMPONENTS), 0.0)
    for doc, (n, start) in docs:  # components in pipeline order, each timed over every Doc
        states[n].offset = start
        for component in COMPONENTS:
            t0 = time.perf_counter()
            component(doc, states[n])
            costs[component.__name__] += time.perf_counter() - t0
    total = parse_s + sum(costs.values())
    rows = [{"step": "spaCy parse", "seconds": round(parse_s, 3), "share of parse": 1.0}]
    rows += [{"step": name, "seconds": round(s, 3), "share of parse": s / parse_s} for name, s in costs.items()]
    return Scorecard(
        title=f"{len(texts)} texts, {words:,} words (model load {load_s:.2f} s)",
        rows=rows,
        summary=[f"parse {words / parse_s:,.0f} words/s; whole analysis {words / total:,.0f} words/s",
                 f"speed ratio parse/analysis {parse_s / total:.2f}"],
        metrics={"parse_s": parse_s, "analysis_s": total, "ratio": parse_s / total},
    )
