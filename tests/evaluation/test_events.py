"""The events evaluation: reading gold records, matching by type, and the shipped data."""

from __future__ import annotations

import json
from pathlib import Path

from claimwatch.evaluation.events import DEFAULT_DATA, evaluate, load, report, score
from claimwatch.model import Analysis, Document, Entity, Event, TextSpan


def _analysis(events: list[Event]) -> Analysis:
    entities = [Entity("e1", "Russia", "country", "RUS"), Entity("e2", "Ukraine", "country", "UKR")]
    return Analysis(Document("x"), entities=entities, events=events)


def test_plover_style_records_are_read(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"sentence": "s", "event_type": "assault", "source": "RUS", "recipient": "UKR"}) + "\n")
    [record] = load(path)
    assert record["events"] == [{"type": "ASSAULT", "actor": "RUS", "target": "UKR"}]


def test_score_matches_by_type_and_checks_actor_target_and_counts():
    records = [{"text": "x", "events": [{"type": "ASSAULT", "actor": "RUS", "target": "UKR", "dead": 5}]}]
    right = Event("v1", "ASSAULT", TextSpan("struck", (0, 6)), actor="e1", target="e2", dead=5)
    wrong_way = Event("v2", "ASSAULT", TextSpan("struck", (0, 6)), actor="e2", target="e1", dead=4)
    extra = Event("v3", "PROTEST", TextSpan("rallied", (0, 7)), actor="e2")
    rep = report(score(records, [_analysis([right, extra])]), "t")
    assert rep.metrics["type_precision"] == 0.5 and rep.metrics["type_recall"] == 1.0
    assert rep.metrics["actor+target_accuracy"] == 1.0 and rep.metrics["counts_accuracy"] == 1.0
    rep = report(score(records, [_analysis([wrong_way])]), "t")
    assert rep.metrics["actor_accuracy"] == 0.0 and rep.metrics["counts_accuracy"] == 0.0


def test_shipped_sentences_cover_every_plover_type_and_score_above_target():
    types = {e["type"] for r in load(DEFAULT_DATA) for e in r["events"]}
    assert len(types) == 16
    rep = evaluate(DEFAULT_DATA)
    assert rep.metrics["type_f1"] >= 0.6
    assert rep.metrics["actor+target_accuracy"] >= 0.7
    assert {row["type"] for row in rep.rows} >= types
