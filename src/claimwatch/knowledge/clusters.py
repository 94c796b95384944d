"""The same happening told by several documents, clustered; and how many independent sources
affirm it.

Two reports are the same happening when they have the same event type, compatible actors,
target and place (the same, or one side unknown), overlapping times (within a window), and
alike content. Polarity is ignored on purpose: a denial belongs with what it denies.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from claimwatch.knowledge.identity import Actor
from claimwatch.knowledge.reports import Report, jaccard, widen

#: Reports further apart than this (days, beyond their own time precision) are different happenings.
WINDOW_DAYS = 7


def independent_key(report: Report, outlets: dict[str, str | None]) -> str:
    """The independent origin of a report: the outlet that first published its text.

    Copies of one story (syndication) share their original's outlet; two stories by one outlet
    are one source."""
    return outlets.get(report.doc.origin) or report.doc.outlet or report.doc.origin


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.key == b.key


def _same(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and a.key == b.key


def same_happening(a: Report, b: Report, window_days: int = WINDOW_DAYS) -> bool:
    """Whether two reports tell the same happening (see the module's docstring)."""
    if a.type != b.type or a.doc.id == b.doc.id:
        return False
    if not (_compatible(a.actor, b.actor) and _compatible(a.target, b.target)
            and _compatible(a.location, b.location)):
        return False
    if a.interval and b.interval:
        wa = widen(a.interval, window_days)
        if wa[1] < b.interval[0] or b.interval[1] < wa[0]:
            return False
    anchors = _same(a.actor, b.actor) + _same(a.target, b.target) + _same(a.location, b.location)
    similarity = jaccard(a.tokens, b.tokens)
    needed = {0: 0.5, 1: 0.15}.get(anchors, 0.05)
    return similarity >= needed


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


@dataclass
class EventCluster:
    id: str
    reports: list[Report]
    outlets_of_origin: dict[str, str | None]

    @property
    def type(self) -> str:
        return self.reports[0].type

    def _role(self, role: str) -> Actor | None:
        found = [getattr(r, role) for r in self.reports if getattr(r, role) is not None]
        if not found:
            return None
        key = Counter(a.key for a in found).most_common(1)[0][0]
        same = [a for a in found if a.key == key]
        # the name most reports use; a country-type entity names a country-keyed actor best
        names = Counter(a.name for a in same if a.type == "country") or Counter(a.name for a in same)
        name = names.most_common(1)[0][0]
        return next(a for a in same if a.name == name)

    @property
    def actor(self) -> Actor | None:
        return self._role("actor")

    @property
    def target(self) -> Actor | None:
        return self._role("target")

    @property
    def location(self) -> Actor | None:
        return self._role("location")

    def affirming(self) -> list[Report]:
        return [r for r in self.reports if not r.negative]

    def denying(self) -> list[Report]:
        return [r for r in self.reports if r.negative]

    def independent_sources(self) -> int:
        return len({independent_key(r, self.outlets_of_origin) for r in self.affirming()})

    def denials(self) -> int:
        return len({independent_key(r, self.outlets_of_origin) for r in self.denying()})

    def first_reported(self) -> str | None:
        days = [r.doc.day for r in self.reports if r.doc.day]
        return min(days).isoformat() if days else None

    def last_reported(self) -> str | None:
        days = [r.doc.day for r in self.reports if r.doc.day]
        return max(days).isoformat() if days else None

    def _range(self, name: str) -> dict[str, float] | None:
        values = [r.numbers[name][0] for r in self.affirming() if name in r.numbers]
        return {"min": _num(min(values)), "max": _num(max(values))} if values else None

    def to_dict(self, evidence_limit: int = 50) -> dict[str, Any]:
        actor, target, location = self.actor, self.target, self.location
        outlets = sorted({r.doc.outlet for r in self.reports if r.doc.outlet})
        return {
            "cluster": self.id, "type": self.type,
            "mode": Counter(r.mode for r in self.reports).most_common(1)[0][0],
            "actor": actor.to_dict() if actor else None, "target": target.to_dict() if target else None,
            "location": location.to_dict() if location else None,
            "first_reported": self.first_reported(), "last_reported": self.last_reported(),
            "reports": len({r.doc.id for r in self.reports}), "outlets": outlets,
            "independent_sources": self.independent_sources(), "denials": self.denials(),
            "size": self._range("size"), "dead": self._range("dead"), "injured": self._range("injured"),
            "certainty": dict(Counter(r.certainty for r in self.affirming())),
            "evidence": [evidence(r) for r in self.reports[:evidence_limit]],
        }


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def evidence(report: Report) -> dict[str, Any]:
    return {**report.doc.brief(), "event": report.event, "claim": report.claim, "text": report.text,
            "polarity": report.polarity, "certainty": report.certainty}


def cluster_reports(reports: list[Report], outlets_of_origin: dict[str, str | None],
                    window_days: int = WINDOW_DAYS) -> list[EventCluster]:
    """Group reports of the same happening; clusters oldest first, reports oldest first inside."""
    uf = _UnionFind(len(reports))
    by_type: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        by_type[r.type].append(i)
    for members in by_type.values():
        # compare within the time window only: sorted by start, stop once past the window
        dated = sorted((i for i in members if reports[i].interval), key=lambda i: reports[i].interval[0])
        undated = [i for i in members if not reports[i].interval]
        for n, i in enumerate(dated):
            limit = widen(reports[i].interval, window_days)[1]
            for j in dated[n + 1:]:
                if reports[j].interval[0] > limit:
                    break
                if same_happening(reports[i], reports[j], window_days):
                    uf.union(i, j)
        for i in undated:
            for j in members:
                if i != j and same_happening(reports[i], reports[j], window_days):
                    uf.union(i, j)
    groups: dict[int, list[Report]] = defaultdict(list)
    for i, r in enumerate(reports):
        groups[uf.find(i)].append(r)
    clusters = []
    for members in groups.values():
        members.sort(key=lambda r: (r.doc.day or date.max, r.doc.id, r.event))
        seed = min(f"{r.doc.id}#{r.event}" for r in members)
        cid = "k" + hashlib.sha1(seed.encode()).hexdigest()[:12]
        clusters.append(EventCluster(cid, members, outlets_of_origin))
    clusters.sort(key=lambda c: (c.first_reported() or "9999", c.id))
    return clusters

