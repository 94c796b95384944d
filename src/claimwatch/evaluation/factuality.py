"""Event factuality against UW and MEANTIME (the "unified factuality" CoNLL files).

Each gold event token has a score in [-3, 3] (3: certain it happened, 0: uncommitted,
-3: certain it did not). The sentences are rebuilt as text by `claimwatch.corpora.factuality`, analysed
with claimwatch's own pipeline and predicates layer, and each gold token is matched to the
predicate whose trigger covers it. Certainty maps to a number (certain 3, probable 2,
possible 1, unknown 0), negative polarity to the same below zero. Reported: coverage (share
of gold tokens with a predicate), Pearson r and mean absolute error over the covered tokens,
and r/MAE over all gold tokens with uncovered ones scored 3 (the majority value).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

from claimwatch.corpora.factuality import GoldToken, build_documents, read_conll
from claimwatch.evaluation import Scorecard
from claimwatch.model import Predicate

#: The number a certainty stands for on the [-3, 3] factuality scale.
SCORE = {"certain": 3.0, "probable": 2.0, "possible": 1.0, "unknown": 0.0}


def predicted_score(predicate: Predicate) -> float:
    """A predicate's certainty and polarity as a number on the gold's [-3, 3] scale."""
    value = SCORE[predicate.certainty]
    return -value if predicate.polarity == "negative" else value


def pearson(xs: list[float], ys: list[float]) -> float:
    """Pearson's r of two equally long lists (0 where it is undefined)."""
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def mae(xs: list[float], ys: list[float]) -> float:
    """The mean absolute difference of two equally long lists (0 for none)."""
    return sum(abs(x - y) for x, y in zip(xs, ys, strict=True)) / len(xs) if xs else 0.0


def predict(path: Path) -> Iterator[tuple[GoldToken, Predicate | None]]:
    """Each gold token of the file with the predicate covering it (None when there is none)."""
    from claimwatch.nlp.certainty.predicates import assess_predicates
    from claimwatch.nlp.pipeline import Failure, analyze_documents

    documents, gold = build_documents(read_conll(path))
    by_document: dict[int, dict[int, Predicate]] = {}
    for n, result in enumerate(analyze_documents(documents, components=[assess_predicates])):
        if isinstance(result, Failure):
            continue
        covering: dict[int, Predicate] = {}
        for predicate in result.predicates:
            for char in range(*predicate.trigger.span):
                covering.setdefault(char, predicate)
        by_document[n] = covering
    for token in gold:
        covering = by_document.get(token.document, {})
        yield token, next((covering[c] for c in range(*token.span) if c in covering), None)


def score_file(path: Path) -> dict[str, float]:
    """Coverage, r and MAE of one CoNLL file, over the covered gold tokens and over all of them."""
    golds, preds, all_golds, all_preds = [], [], [], []
    for token, predicate in predict(path):
        all_golds.append(token.score)
        if predicate is None:
            all_preds.append(3.0)
            continue
        value = predicted_score(predicate)
        golds.append(token.score)
        preds.append(value)
        all_preds.append(value)
    return {
        "gold": float(len(all_golds)),
        "coverage": len(golds) / len(all_golds) if all_golds else 0.0,
        "r": pearson(preds, golds),
        "mae": mae(preds, golds),
        "r_all": pearson(all_preds, all_golds),
        "mae_all": mae(all_preds, all_golds),
    }


def _files(path: Path) -> list[tuple[str, Path]]:
    """The files to score: a .conll file, a folder with dev.conll, or a folder of such folders."""
    if path.is_file():
        return [(f"{path.parent.name} {path.stem}", path)]
    if (path / "dev.conll").exists():
        return [(f"{path.name} dev", path / "dev.conll")]
    return [(f"{sub.name} dev", sub / "dev.conll") for sub in sorted(path.iterdir()) if (sub / "dev.conll").exists()]


def evaluate(path: Path) -> Scorecard:
    """Score the predicates layer's factuality on UW / MEANTIME CoNLL files."""
    report = Scorecard(title="Event factuality (FactBank scale, author's view)")
    for name, file in _files(path):
        m = score_file(file)
        report.rows.append({"dataset": name, "gold": int(m["gold"]), "coverage": m["coverage"], "r": m["r"],
                            "mae": m["mae"], "r_all": m["r_all"], "mae_all": m["mae_all"]})
        report.summary.append(f"{name}: coverage {m['coverage']:.2f}, r {m['r']:.2f}, MAE {m['mae']:.2f}"
                              f" (all tokens, uncovered = 3: r {m['r_all']:.2f}, MAE {m['mae_all']:.2f})")
        key = name.replace(" ", "_")
        for metric in ("coverage", "r", "mae", "r_all", "mae_all"):
            report.metrics[f"{key}_{metric}"] = m[metric]
    return report
