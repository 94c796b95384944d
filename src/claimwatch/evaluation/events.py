"""Event coding against gold records (`claimwatch eval events PATH`).

PATH is a JSON Lines file (or a folder of them); each line is one text with its gold events:
`{"text": "...", "events": [{"type": "ASSAULT", "actor": "RUS", "target": "UKR", "dead": 5,
"modality": "actual", "polarity": "positive"}]}`. Actor and target are ISO alpha-3 codes (or
names for actors without a country), null when the text names none. PLOVER-style records with
`event_type`/`source`/`recipient` and one event per line are read too.

Scores: per PLOVER type precision/recall/F1 (a predicted event matches an unmatched gold event
of the same type in the same text); where the type is right, how often the actor's and the
target's country are right, and the counts (dead, injured, size), modality and polarity.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimwatch.evaluation import Scorecard, prf
from claimwatch.model import Analysis, Document, Event

DEFAULT_DATA = Path(__file__).parent / "data" / "events.jsonl"
COUNTS = ("dead", "injured", "size")


def load(path: Path) -> list[dict[str, Any]]:
    """Gold records: one per text, each with a list of normalised gold events."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    records: list[dict[str, Any]] = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(_normalise(json.loads(line)))
    return records


def _normalise(raw: dict[str, Any]) -> dict[str, Any]:
    text = raw.get("text") or raw.get("sentence") or raw.get("story") or ""
    events = raw.get("events")
    if events is None:
        events = [raw] if (raw.get("type") or raw.get("event_type") or raw.get("event")) else []
    gold = []
    for event in events:
        gold.append({
            "type": str(event.get("type") or event.get("event_type") or event.get("event") or "").upper(),
            "actor": event.get("actor", event.get("source", event.get("actor_country"))),
            "target": event.get("target", event.get("recipient", event.get("target_country"))),
            **{k: event[k] for k in (*COUNTS, "modality", "polarity", "mode") if event.get(k) is not None},
        })
    return {"text": text, "events": gold}


@dataclass
class EventTally:
    """Per-type counts and the per-field checks, summed over the records."""

    gold: Counter = field(default_factory=Counter)
    pred: Counter = field(default_factory=Counter)
    tp: Counter = field(default_factory=Counter)
    checks: dict[str, list[bool]] = field(default_factory=dict)

    def check(self, name: str, ok: bool) -> None:
        self.checks.setdefault(name, []).append(ok)


def _actor_key(analysis: Analysis, entity_id: str | None) -> str | None:
    entity = analysis.entity(entity_id)
    if entity is None:
        return None
    return entity.country or entity.name


def _same(gold: str | None, found: str | None) -> bool:
    if gold is None:
        return found is None
    return found is not None and (gold == found or gold.lower() in found.lower())


def score(records: Iterable[dict[str, Any]], analyses: Iterable[Analysis]) -> EventTally:
    """Match predicted to gold events text by text and count what is right."""
    tally = EventTally()
    for record, analysis in zip(records, analyses, strict=True):
        predicted: list[Event] = list(analysis.events)
        for event in predicted:
            tally.pred[event.type] += 1
        unmatched = list(predicted)
        for gold in record["events"]:
            tally.gold[gold["type"]] += 1
            candidates = [v for v in unmatched if v.type == gold["type"]]
            if not candidates:
                continue

            def fit(v: Event, gold: dict[str, Any] = gold, analysis: Analysis = analysis) -> int:
                return _same(gold["actor"], _actor_key(analysis, v.actor)) + _same(
                    gold["target"], _actor_key(analysis, v.target))

            best = max(candidates, key=fit)
            unmatched.remove(best)
            tally.tp[gold["type"]] += 1
            actor, target = _actor_key(analysis, best.actor), _actor_key(analysis, best.target)
            if gold["actor"] is not None:
                tally.check("actor", _same(gold["actor"], actor))
            if gold["target"] is not None:
                tally.check("target", _same(gold["target"], target))
            if gold["actor"] is not None and gold["target"] is not None:
                tally.check("actor+target", _same(gold["actor"], actor) and _same(gold["target"], target))
            for name in COUNTS:
                if name in gold:
                    tally.check("counts", getattr(best, name) == gold[name])
            tally.check("modality", best.modality == gold.get("modality", "actual"))
            tally.check("polarity", best.polarity == gold.get("polarity", "positive"))
    return tally


def report(tally: EventTally, title: str) -> Scorecard:
    """The per-type table and the summary lines of a tally."""
    rows = []
    for type_ in sorted(set(tally.gold) | set(tally.pred)):
        p, r, f = prf(tally.tp[type_], tally.pred[type_], tally.gold[type_])
        rows.append({"type": type_, "gold": tally.gold[type_], "predicted": tally.pred[type_],
                     "correct": tally.tp[type_], "precision": p, "recall": r, "f1": f})
    p, r, f = prf(sum(tally.tp.values()), sum(tally.pred.values()), sum(tally.gold.values()))
    metrics = {"type_precision": p, "type_recall": r, "type_f1": f}
    summary = [f"event type: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"]
    for name, oks in tally.checks.items():
        share = sum(oks) / len(oks) if oks else 0.0
        metrics[f"{name}_accuracy"] = share
        summary.append(f"{name} right where the type is right: {share:.3f} ({sum(oks)}/{len(oks)})")
    return Scorecard(title=title, rows=rows, summary=summary, metrics=metrics)


def evaluate(path: Path) -> Scorecard:
    """Analyse each gold text with the whole pipeline and score its events."""
    from claimwatch.nlp.pipeline import Failure, analyze_documents

    records = load(path)
    analyses = []
    for result in analyze_documents(Document(r["text"]) for r in records):
        analyses.append(Analysis(result.document) if isinstance(result, Failure) else result)  # failed: no events
    return report(score(records, analyses), f"events: {path.name} ({len(records)} texts)")
