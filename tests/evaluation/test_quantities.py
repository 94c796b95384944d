"""The quantities evaluation: matching by value, unit normalisation, and the real gold data."""

from __future__ import annotations

import json
from pathlib import Path

from claimwatch.evaluation.quantities import evaluate, singular, units_agree


def test_units_compare_by_canonical_name_or_singular_head_noun():
    assert units_agree("percent", "percentage")
    assert units_agree("soldiers", "soldier")
    assert units_agree("cities", "large city")
    assert units_agree(None, "-")
    assert not units_agree("dollar", "euro")
    assert singular("homes") == "home" and singular("people") == "people"


def test_scores_a_small_gold_file(tmp_path: Path):
    gold = [
        {"text": "The ministry sent 300 soldiers and $5 million.",
         "quantities": [{"value": "300", "normalized_unit": "soldier", "change": "="},
                        {"value": "5000000", "normalized_unit": "dollar"}]},
        {"text": "Walls eight to 10 feet tall.", "quantities": [{"value": "8-10", "normalized_unit": "foot"}]},
        {"text": "Nothing to count here.", "quantities": [{"value": "7", "normalized_unit": "day"}]},
    ]
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(gold))
    report = evaluate(path)
    overall = report.rows[-1]
    assert (overall["gold"], overall["matched"]) == (4, 3)
    assert overall["P"] == 1.0 and overall["unit_acc"] == 1.0 and overall["bound_acc"] == 1.0
    assert report.summary == [f"quantity value F1 {overall['F1']:.3f}"]


def test_the_cqe_gold_sets_reach_the_target(shared_data: Path):
    report = evaluate(shared_data / "quantities")
    assert report.metrics["F1"] >= 0.85


def test_the_bundled_news_set_is_well_formed_and_scored():
    path = Path(__file__).resolve().parents[2] / "src" / "claimwatch" / "evaluation" / "data" / "quantities_news.json"
    items = json.loads(path.read_text(encoding="utf-8"))
    assert len(items) >= 60
    assert all({"value", "unit", "normalized_unit", "change"} <= set(q) for item in items for q in item["quantities"])
    assert evaluate(path).metrics["F1"] >= 0.9
