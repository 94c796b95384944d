"""`claimwatch eval quantities PATH`: quantity extraction against CQE/NewsQuant-style gold.

The gold is a JSON list of `{"text", "quantities": [{"value", "normalized_unit", "change"?}]}`
(the format of the CQE evaluation sets). A predicted quantity matches a gold one when the
values are equal within 1e-6 relative (ranges "8-10": both ends); each gold quantity is
matched at most once. Value P/R/F1 is the headline, as in the CQE paper; unit accuracy and
bound accuracy are measured on the matched pairs, since they only mean something there.

`data/quantities_news.json` is our own held-out news-style set (written by hand, gold first),
following CQE's conventions as we read them: counts of things are quantities with the counted
noun as unit ("the two leaders" → 2 leader), vague plurals are lower bounds ("tens of
thousands" → >10000), fractions are shares ("a third of" → 0.333); years, dates, decades,
ordinals, phone numbers, sports scores, "one of the" and numbers inside names are not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from claimwatch.evaluation import Scorecard, prf
from claimwatch.model import Analysis, Document, Quantity
from claimwatch.nlp.pipeline import analyze_documents
from claimwatch.nlp.quantities.extract import find_quantities
from claimwatch.nlp.times.extract import find_times

_RANGE = re.compile(r"^(-?[\d.]+)\s*-\s*([\d.]+)$")
#: CQE's `change` vocabulary → our bounds.
_CHANGE_TO_BOUND = {"=": "exact", "~": "approximate", ">": "lower", "<": "upper"}
#: Our canonical names that CQE spells differently.
_UNIT_ALIASES = {"percent": "percentage", "russian ruble": "ruble", "south korean won": "won"}
#: Gold units that mean "a plain number".
_NO_UNIT = frozenset({"-", "count", ""})
_IRREGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot",
              "mice": "mouse", "geese": "goose", "teeth": "tooth", "police": "police"}


def _gold_value(raw: Any) -> tuple[float, float | None] | None:
    text = str(raw).replace(",", "").strip()
    if match := _RANGE.match(text):
        return float(match.group(1)), float(match.group(2))
    try:
        return float(text), None
    except ValueError:
        return None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def singular(word: str) -> str:
    """A plain English singular, enough to compare counted nouns ("soldiers" ~ "soldier")."""
    word = word.lower().strip()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for plural, single in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh")):
        if word.endswith(plural) and len(word) > len(plural) + 1:
            return word[: -len(plural)] + single
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def units_agree(predicted: str | None, gold: str | None) -> bool:
    """Canonical units compare as they are; counted nouns by their singular head word."""
    gold = (gold or "").lower().strip()
    if gold in _NO_UNIT:
        return predicted is None
    if predicted is None:
        return False
    predicted = _UNIT_ALIASES.get(predicted.lower(), predicted.lower())
    if predicted == gold:
        return True
    return singular(predicted.split()[-1]) == singular(gold.split()[-1])


def _match(predicted: list[Quantity], gold: list[dict]) -> list[tuple[Quantity, dict]]:
    """Pairs of equal value; each gold and each prediction used once, same-unit pairs first."""
    pairs: list[tuple[Quantity, dict]] = []
    free = list(predicted)
    for g in gold:
        want = _gold_value(g.get("value"))
        if want is None:
            continue
        low, high = want
        candidates = [q for q in free if _close(float(q.value), low)
                      and (high is None or _close(float(q.upper) if q.upper is not None else None, high))]
        if not candidates:
            continue
        best = next((q for q in candidates if units_agree(q.unit, g.get("normalized_unit"))), candidates[0])
        free.remove(best)
        pairs.append((best, g))
    return pairs


def _load(path: Path) -> list[tuple[str, list[dict]]]:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    return [(f.stem, json.loads(f.read_text(encoding="utf-8"))) for f in files]


def evaluate(path: Path) -> Scorecard:
    """Value P/R/F1 per file and overall, with unit and bound accuracy on the matched pairs."""
    report = Scorecard(title=f"quantities: {path}")
    totals = {"gold": 0, "predicted": 0, "matched": 0, "unit_ok": 0, "bound_n": 0, "bound_ok": 0}
    for name, items in _load(path):
        documents = [Document(text=item["text"]) for item in items]
        results = analyze_documents(documents, components=[find_times, find_quantities])
        counts = dict.fromkeys(totals, 0)
        for item, result in zip(items, results, strict=True):
            predicted = result.quantities if isinstance(result, Analysis) else []
            gold = item.get("quantities", [])
            pairs = _match(predicted, gold)
            counts["gold"] += len(gold)
            counts["predicted"] += len(predicted)
            counts["matched"] += len(pairs)
            counts["unit_ok"] += sum(units_agree(q.unit, g.get("normalized_unit")) for q, g in pairs)
            judged = [(q, g) for q, g in pairs if g.get("change") in _CHANGE_TO_BOUND]
            counts["bound_n"] += len(judged)
            counts["bound_ok"] += sum(q.bound == _CHANGE_TO_BOUND[g["change"]] for q, g in judged)
        report.rows.append(_row(name, counts))
        for key in totals:
            totals[key] += counts[key]
    overall = _row("all", totals)
    report.rows.append(overall)
    report.metrics = {k: v for k, v in overall.items() if isinstance(v, float)}
    report.summary.append(f"quantity value F1 {overall['F1']:.3f}")
    return report


def _row(name: str, c: dict[str, int]) -> dict[str, Any]:
    p, r, f1 = prf(c["matched"], c["predicted"], c["gold"])
    return {
        "set": name, "gold": c["gold"], "predicted": c["predicted"], "matched": c["matched"],
        "P": p, "R": r, "F1": f1,
        "unit_acc": c["unit_ok"] / c["matched"] if c["matched"] else 0.0,
        "bound_acc": c["bound_ok"] / c["bound_n"] if c["bound_n"] else "n/a",
    }
