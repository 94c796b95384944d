"""Scoring claimwatch's components against public gold data (`claimwatch eval NAME PATH`).

Each module `claimwatch.evaluation.<name>` has `evaluate(path: Path) -> Scorecard`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Scorecard:
    """What an evaluation prints: a table (one dict a row, same keys) and the closing line(s)."""

    title: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)


def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives and the predicted and gold counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
