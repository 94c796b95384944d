"""Reports of one happening that disagree, each with the evidence of every side:

- `number`: outlets whose figures (12 dead vs 9 dead) are incompatible beyond the bounds they
  state ("at least 10" allows 12); each outlet is represented by its latest figure;
- `revision`: one outlet changing its own figure later (newest first), which is not a
  contradiction between sources;
- `polarity`: a denial by another party of what others affirm;
- `retraction`: a source taking back what it said (a retracting cue, or no after yes).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from claimwatch.knowledge.clusters import EventCluster, evidence, independent_origin
from claimwatch.knowledge.records import Contradiction
from claimwatch.knowledge.reports import NUMBER_FIELDS, Report


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def _newest_first(reports: list[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.doc.day or date.min,
                                          r.doc.ingested_at.timestamp() if r.doc.ingested_at else 0.0),
                  reverse=True)


def _one_per_origin(reports: list[Report]) -> list[Report]:
    """Copies of one story say the same thing once."""
    seen, kept = set(), []
    for r in reports:
        key = (independent_origin(r.doc), r.doc.origin)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept


def _number_row(report: Report, name: str) -> dict[str, Any]:
    value, _lo, _hi, bound = report.numbers[name]
    return {**evidence(report), "value": _num(value), "bound": bound}


def number_conflicts(cluster: EventCluster) -> list[dict[str, Any]]:
    """Figures of different outlets that cannot both be right, each outlet by its latest figure."""
    found = []
    for name in NUMBER_FIELDS:
        latest: dict[str, Report] = {}
        for r in _newest_first([r for r in cluster.affirming() if name in r.numbers]):
            latest.setdefault(independent_origin(r.doc), r)
        reports = list(latest.values())
        intervals = [(r.numbers[name][1], r.numbers[name][2]) for r in reports]
        conflicting = {i for i in range(len(reports)) for j in range(len(reports))
                       if i != j and _disjoint(intervals[i], intervals[j])}
        if conflicting:
            rows = [_number_row(reports[i], name) for i in sorted(conflicting, key=lambda i: reports[i].doc.id)]
            found.append({"kind": "number", "field": name, "reports": rows})
    return found


def revisions(cluster: EventCluster) -> list[dict[str, Any]]:
    """One outlet's figure changed in a later publication: its figures, newest first."""
    found = []
    for name in NUMBER_FIELDS:
        by_outlet: dict[str, list[Report]] = {}
        for r in cluster.affirming():
            if name in r.numbers and r.doc.outlet and not r.doc.copy_of:
                by_outlet.setdefault(r.doc.outlet, []).append(r)
        for _outlet, reports in sorted(by_outlet.items()):
            days = {r.doc.day for r in reports}
            values = {r.numbers[name][0] for r in reports}
            if len(values) > 1 and len(days) > 1:
                rows = [_number_row(r, name) for r in _one_per_origin(_newest_first(reports))]
                found.append({"kind": "revision", "field": name, "reports": rows})
    return found


def polarity_conflicts(cluster: EventCluster) -> list[dict[str, Any]]:
    """A denial by another party is a `polarity` disagreement; a source (the same outlet, or the
    same named source) saying no after it said yes, or a retraction cue, is a `retraction`."""
    affirming, denying = cluster.affirming(), cluster.denying()
    if not affirming or not denying:
        return []
    found = []
    for kind in ("retraction", "polarity"):
        # positives are told apart by (document, event): a report's equality compares every field,
        # and a busy cluster has hundreds of them
        negatives, positives, taken = [], [], set()
        for neg in _one_per_origin(denying):
            earlier = [p for p in affirming if _same_voice(p, neg) and _before(p, neg)]
            is_retraction = bool(earlier) or neg.retraction
            if (kind == "retraction") != is_retraction:
                continue
            # a denial disagrees with the others; an outlet's own yes and no of one day are not two sources
            sides = earlier or [p for p in affirming if independent_origin(p.doc) != independent_origin(neg.doc)]
            if sides:
                negatives.append(neg)
                for p in sides:
                    if (p.doc.id, p.event) not in taken:
                        taken.add((p.doc.id, p.event))
                        positives.append(p)
        if negatives:
            rows = [{**evidence(r), "value": r.polarity} for r in _one_per_origin(positives) + negatives]
            found.append({"kind": kind, "field": "polarity", "reports": rows})
    return found


def _same_voice(a: Report, b: Report) -> bool:
    if independent_origin(a.doc) == independent_origin(b.doc):
        return True
    return a.source_key is not None and a.source_key == b.source_key


def _before(a: Report, b: Report) -> bool:
    """Whether `a` was published before `b`: on an earlier day where both are dated (the same day
    is not "after": two stories of one day are not a source changing its mind), else stored earlier."""
    if a.doc.id == b.doc.id:
        return False
    if a.doc.day and b.doc.day:
        return a.doc.day < b.doc.day
    if a.doc.ingested_at and b.doc.ingested_at:
        return a.doc.ingested_at < b.doc.ingested_at
    return False


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def contradictions(clusters: list[EventCluster]) -> list[Contradiction]:
    """Every disagreement, one per cluster and kind (and field, for numbers)."""
    out = []
    for cluster in clusters:
        if len({r.doc.id for r in cluster.reports}) < 2:
            continue
        actor, target = cluster.actor, cluster.target
        for item in number_conflicts(cluster) + revisions(cluster) + polarity_conflicts(cluster):
            out.append(Contradiction(cluster.id, cluster.type, actor, target, item["kind"], item["field"],
                                     item["reports"]))
    return out
