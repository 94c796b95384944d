"""Reports of one happening that disagree: on a number beyond both reports' own bounds
(12,000 vs 10,000 troops), on whether it happened, or where a source takes back what it said.
Each disagreement comes with the evidence of both sides."""

from __future__ import annotations

from typing import Any

from claimwatch.knowledge.clusters import EventCluster, evidence, independent_key
from claimwatch.knowledge.reports import NUMBER_FIELDS, Report


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def _one_per_origin(reports: list[Report], cluster: EventCluster) -> list[Report]:
    """Copies of one story say the same thing once."""
    seen, kept = set(), []
    for r in reports:
        key = (independent_key(r, cluster.outlets_of_origin), r.doc.origin)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept


def number_conflicts(cluster: EventCluster) -> list[dict[str, Any]]:
    found = []
    for name in NUMBER_FIELDS:
        reports = _one_per_origin([r for r in cluster.affirming() if name in r.numbers], cluster)
        intervals = [(r.numbers[name][1], r.numbers[name][2]) for r in reports]
        conflicting = {i for i in range(len(reports)) for j in range(len(reports))
                       if i != j and _disjoint(intervals[i], intervals[j])}
        if conflicting:
            rows = [{**evidence(reports[i]), "value": _num(reports[i].numbers[name][0]),
                     "bound": reports[i].numbers[name][3]} for i in sorted(conflicting)]
            found.append({"kind": "number", "field": name, "reports": rows})
    return found


def polarity_conflicts(cluster: EventCluster) -> list[dict[str, Any]]:
    """A denial by another party is a `polarity` disagreement; a source (the same outlet, or the
    same named source) saying no after it said yes, or a retraction cue, is a `retraction`."""
    affirming, denying = cluster.affirming(), cluster.denying()
    if not affirming or not denying:
        return []
    found = []
    for kind in ("retraction", "polarity"):
        negatives, positives = [], []
        for neg in _one_per_origin(denying, cluster):
            earlier = [p for p in affirming if _same_voice(p, neg, cluster) and _before(p, neg)]
            is_retraction = bool(earlier) or neg.retraction
            if (kind == "retraction") == is_retraction:
                negatives.append(neg)
                positives.extend(p for p in (earlier or affirming) if p not in positives)
        if negatives:
            rows = [{**evidence(r), "value": r.polarity} for r in _one_per_origin(positives, cluster) + negatives]
            found.append({"kind": kind, "field": "polarity", "reports": rows})
    return found


def _same_voice(a: Report, b: Report, cluster: EventCluster) -> bool:
    if independent_key(a, cluster.outlets_of_origin) == independent_key(b, cluster.outlets_of_origin):
        return True
    return a.source_key is not None and a.source_key == b.source_key


def _before(a: Report, b: Report) -> bool:
    if a.doc.day and b.doc.day and a.doc.day != b.doc.day:
        return a.doc.day < b.doc.day
    if a.doc.ingested_at and b.doc.ingested_at:
        return a.doc.ingested_at <= b.doc.ingested_at
    return True


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def contradictions(clusters: list[EventCluster]) -> list[dict[str, Any]]:
    """Every disagreement, one per cluster and kind (and field, for numbers)."""
    out = []
    for cluster in clusters:
        if len({r.doc.id for r in cluster.reports}) < 2:
            continue
        head = {"cluster": cluster.id, "type": cluster.type,
                "actor": cluster.actor.to_dict() if cluster.actor else None,
                "target": cluster.target.to_dict() if cluster.target else None}
        for item in number_conflicts(cluster) + polarity_conflicts(cluster):
            out.append({**head, **item})
    return out
