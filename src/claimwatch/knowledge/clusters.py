"""The same happening told by several publications, clustered at ingest; and how many
independent sources affirm it.

Two reports are the same happening when their event types are of one family (a deployment may
be coded AID, MOBILIZE or COOPERATE), their actors, targets and places are compatible (the same,
one unknown, or a state and a place or party of it), their days agree (the event's own day within
a day; else publication days within `WINDOW_DAYS`), and their words are alike, the less so the
more anchors (actor, target, place) they share. Polarity is ignored on purpose: a denial belongs
with what it denies.

Each new report is compared with the stored reports that can match (same family, close days, or
for an undated or vaguely dated report the same actor or target); the clusters it matches are
merged into one, as long as one happening's reports span at most `SPAN_DAYS` (a closely dated
report by its own days, a vaguely dated one by the day it was published). As every pair is compared
when the later one arrives, the clusters are those of comparing all pairs, but for that bound: alike
reports every day for months are a run of happenings, not one.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy.engine import Connection

from claimwatch.knowledge.actors import load_actors
from claimwatch.knowledge.identity import Actor, compatible
from claimwatch.knowledge.reports import (
    NUMBER_FIELDS,
    DocInfo,
    Report,
    is_symmetric,
    jaccard,
    publication_day,
    reports_from_rows,
    widen,
)
from claimwatch.store import derived

#: Publication days further apart than this are different happenings (a follow-up or a
#: correction comes within days; the same two states meet again a week later).
WINDOW_DAYS = 3
#: Days beyond which a report's date is too vague to find its candidates by date alone ("in March",
#: "last year"): such a report is compared only with reports that share a party with it.
VAGUE_DAYS = 31
#: Days from the first to the last report of one happening, each closely dated one by its days and
#: each vaguely dated one by its publication: its reports come within days of it ("last week's
#: strike"); a longer run of alike reports is a run of happenings.
SPAN_DAYS = 14
#: Events whose own days are both known are the same happening only within this many days.
EVENT_DAY_SLACK = 1
#: Words two reports must share (Jaccard of content words) by how many anchors they share. With
#: actor, target and place all agreeing, within the days, the wording may differ entirely ("sent
#: soldiers to Russia", "troops are stationed in Russia's Kursk region"): the dyad-type-day identity
#: of event data.
SIMILARITY_BY_ANCHORS = {0: 0.5, 1: 0.15, 2: 0.05, 3: 0.0}


def independent_origin(doc: DocInfo) -> str:
    """The independent origin of a publication: the outlet that first published its text.

    Copies of one story (syndication) share their original's outlet; two stories by one outlet
    are one source."""
    return doc.origin_outlet or doc.outlet or doc.origin


def _days_agree(a: Report, b: Report, window_days: int) -> bool:
    if a.days is None or b.days is None:
        return True
    slack = EVENT_DAY_SLACK if a.dated_by_event and b.dated_by_event else window_days
    return not (a.days[1] + slack < b.days[0] or b.days[1] < a.days[0] - slack)


def _agree(x: Actor | None, y: Actor | None, a: Report, b: Report) -> bool:
    """Whether two reports' parties can be one: compatible, or two places (or parties) that are not
    of different states where either report names the other's ("the North Darfur town of Mellit"
    and "Darfur")."""
    if compatible(x, y):
        return True
    if x is None or y is None or (x.country and y.country and x.country != y.country):
        return False
    return _names(x, b.text) or _names(y, a.text)


def _names(actor: Actor, text: str) -> bool:
    if not actor.name:
        return False
    folded = _folded(text)
    # most pairs do not hold the name at all: the substring test spares them the pattern
    return actor.name.casefold() in folded and _name_pattern(actor.name).search(folded) is not None


# Clustering compares each new report with hundreds of stored ones: the same names and texts come
# back again and again, so their patterns and case-folded forms are made once.
@lru_cache(maxsize=65536)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)")


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    return text.casefold()


def _anchors(a: Report, b: Report, swapped: bool) -> int | None:
    """How many parties the reports share, with b's actor and target swapped or not; None when
    some party cannot be the same."""
    b_actor, b_target = (b.target, b.actor) if swapped else (b.actor, b.target)
    shared = 0
    for x, y in ((a.actor, b_actor), (a.target, b_target), (a.location, b.location)):
        if x is None or y is None:
            continue
        if x.key != y.key and not _agree(x, y, a, b):
            return None
        shared += 1
    return shared


def same_happening(a: Report, b: Report, window_days: int = WINDOW_DAYS) -> bool:
    """Whether two reports tell the same happening (see the module's docstring)."""
    if a.family != b.family or (a.doc.id == b.doc.id and a.event == b.event):
        return False
    if not _days_agree(a, b, window_days):
        return False
    anchors = _anchors(a, b, False)
    if is_symmetric(a.type) and is_symmetric(b.type):
        other = _anchors(a, b, True)
        anchors = other if anchors is None else anchors if other is None else max(anchors, other)
    if anchors is None:
        return False
    if a.doc.id == b.doc.id and anchors == 0:  # one article's events are apart unless they share a party
        return False
    return jaccard(a.tokens, b.tokens) >= SIMILARITY_BY_ANCHORS[anchors]


def cluster_id(report: Report) -> str:
    return "k" + hashlib.sha1(f"{report.doc.id}#{report.event}".encode()).hexdigest()[:12]


class ReportCache:
    """Stored reports as clustering compares them, by (document, event), kept between documents.

    A busy day's new report has hundreds of candidates, and building each from its row (actors,
    words) cost most of an ingest; what the comparison reads of a stored report (its actors' keys,
    names and countries, its days, words and publication id) never changes once it is stored, so
    it is built once. Only the cluster changes (clusters merge), and that is read from the store
    with every candidate list. The least recently used are dropped past `size`: candidates are
    close in time, so the recent ones are the ones asked for."""

    def __init__(self, size: int = 50_000) -> None:
        self.size = size
        self._reports: OrderedDict[tuple[str, str], Report] = OrderedDict()
        self._actors: dict[str, Actor] = {}

    def clear(self) -> None:
        self._reports.clear()
        self._actors.clear()

    def put(self, report: Report) -> None:
        self._reports[(report.doc.id, report.event)] = report
        if len(self._reports) > self.size:
            self._reports.popitem(last=False)

    def get(self, conn: Connection, keys: list[tuple[str, str, str]]) -> list[Report]:
        """The reports of these (document, event, cluster) keys, each with that cluster. Those in
        memory are taken before the missing ones are read: reading them may drop others past
        `size`, and a candidate dropped so would otherwise be missed."""
        found: dict[tuple[str, str], Report] = {}
        missing: set[tuple[str, str]] = set()
        for doc_id, event_id, _cluster in keys:
            report = self._reports.get((doc_id, event_id))
            if report is None:
                missing.add((doc_id, event_id))
            else:
                found[(doc_id, event_id)] = report
        if missing:
            for report in self._load(conn, missing):
                found.setdefault((report.doc.id, report.event), report)
        out = []
        for doc_id, event_id, cluster in keys:
            report = found.get((doc_id, event_id))
            if report is None:  # stored after the rows were read: not a candidate yet
                continue
            if (doc_id, event_id) in self._reports:
                self._reports.move_to_end((doc_id, event_id))
            report.cluster = cluster
            out.append(report)
        return out

    def _load(self, conn: Connection, keys: set[tuple[str, str]]) -> list[Report]:
        """The reports of these (document, event) keys, read by document; only those asked for are
        built, as the other reports of an old document are seldom candidates."""
        doc_ids = sorted({doc_id for doc_id, _event in keys})
        rows = [row for row in derived.report_rows_of(conn, doc_ids) if (row.document_id, row.event_id) in keys]
        wanted = sorted({k for row in rows for k in (row.actor, row.target, row.location)
                         if k and k not in self._actors})
        if wanted:
            self._actors.update(load_actors(conn, wanted))
        # clustering reads only a publication's id: the rest of it is not loaded
        docs = {d: DocInfo(d, None, None, None, None, None) for d in doc_ids}
        loaded = reports_from_rows(conn, rows, self._actors, docs)
        for report in loaded:
            self.put(report)
        return loaded


def _candidates(conn: Connection, report: Report, window_days: int, cache: ReportCache) -> list[Report]:
    """Stored reports that could be the same happening as this one: those of its days dated about as
    closely as it is, and those of its days (or undated) that share a party with it. A report dated
    only to a month or a year (wider than VAGUE_DAYS) is compared with its party's reports alone: by
    its days it would meet every report of that year, more the longer the store's history."""
    anchors = sorted({a.key for a in (report.actor, report.target) if a is not None})
    if report.interval is None:
        return cache.get(conn, derived.reports_of_parties(conn, report.family, None, anchors))
    lo, hi = widen(report.interval, window_days)
    days = (lo.isoformat(), hi.isoformat())
    keys = derived.reports_of_parties(conn, report.family, days, anchors)
    if _first_day(report.interval) is not None:  # closely dated
        bounds = ((lo - timedelta(days=VAGUE_DAYS)).isoformat(), (hi + timedelta(days=VAGUE_DAYS)).isoformat())
        keys += derived.reports_of_days(conn, report.family, days, bounds)
    return cache.get(conn, list(dict.fromkeys(keys)))


def _first_day(interval: tuple[date, date] | None) -> date | None:
    """The first day of a closely dated report (None for an undated or vaguely dated one)."""
    if interval is None or (interval[1] - interval[0]).days > VAGUE_DAYS:
        return None
    return interval[0]


def _anchor_day(interval: tuple[date, date] | None, published: date | None) -> date | None:
    """The day a report fixes its happening to: its first day where it is closely dated, else the day
    it was published (a report dated "in 2024" or "last year" is of the days it came out)."""
    return _first_day(interval) or published


def _within_span(conn: Connection, report: Report, clusters: list[str]) -> list[str]:
    """Of the clusters a report matches, those it may join without the happening's reports spanning
    more than SPAN_DAYS from first to last anchor day (`_anchor_day`), taken in order while the union
    stays within it. Report by report, a happening told every day (a campaign's rallies, a war's
    shelling) would otherwise chain into one cluster for months, and alike reports dated only by a
    year into one cluster of the store's whole history; every batch would read all of it again."""
    day = _anchor_day(report.interval, report.doc.day)
    if day is None or not clusters:
        return clusters
    lo = hi = day
    kept = []
    for cluster in clusters:
        members = derived.report_days_in_cluster(conn, cluster)
        days = [d for d in (_anchor_day(i, publication_day(p)) for i, p in members) if d]
        new_lo, new_hi = min([lo, *days]), max([hi, *days])
        if (new_hi - new_lo).days <= SPAN_DAYS:
            kept.append(cluster)
            lo, hi = new_lo, new_hi
    return kept


def assign_clusters(conn: Connection, reports: list[Report], window_days: int = WINDOW_DAYS,
                    cache: ReportCache | None = None) -> list[str]:
    """Give each new report its cluster (merging the clusters it joins) and store it; the clusters
    that grew or were merged into another are returned. A report that joins none starts a cluster of
    its own, which has no contradictions to keep until another report joins it (and is returned then)."""
    cache = cache if cache is not None else ReportCache()
    touched: list[str] = []
    for report in reports:
        matched = _within_span(conn, report, sorted({other.cluster for other in _candidates(
            conn, report, window_days, cache) if same_happening(report, other, window_days)}))
        if not matched:
            report.cluster = cluster_id(report)
        else:
            report.cluster = matched[0]
            derived.merge_report_clusters(conn, report.cluster, matched[1:])
        touched.extend(matched)
        derived.insert_report(conn, report.to_row())
        cache.put(report)
    return touched


@dataclass
class EventCluster:
    id: str
    reports: list[Report]

    @property
    def type(self) -> str:
        return Counter(r.type for r in self.reports).most_common(1)[0][0]

    @property
    def family(self) -> str:
        return self.reports[0].family

    def _role(self, role: str) -> Actor | None:
        found = [getattr(r, role) for r in self.reports if getattr(r, role) is not None]
        if not found:
            return None
        # the most specific actor most reports name: a party or place over the state it belongs to.
        # Each distinct actor is scored once, with the reports of each other one it is compatible
        # with: a busy cluster has hundreds of reports and a few actors.
        counts = Counter(a.key for a in found)
        distinct: dict[str, Actor] = {}
        for a in found:
            distinct.setdefault(a.key, a)
        return max(distinct.values(), key=lambda a: (
            counts[a.key] + sum(counts[k] for k, b in distinct.items() if k != a.key and compatible(a, b)),
            not a.is_state, counts[a.key], a.key))

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
        return len({independent_origin(r.doc) for r in self.affirming()})

    def denials(self) -> int:
        return len({independent_origin(r.doc) for r in self.denying()})

    def copies(self) -> int:
        return len({r.doc.id for r in self.reports if r.doc.copy_of})

    def days(self) -> list[date]:
        return sorted(r.doc.day for r in self.reports if r.doc.day)

    def interval(self) -> tuple[date, date] | None:
        """The days it happened, by its reports (the events' own times, else publication days)."""
        known = [r.interval for r in self.reports if r.interval]
        return (min(i[0] for i in known), max(i[1] for i in known)) if known else None

    def first_reported(self) -> str | None:
        days = self.days()
        return days[0].isoformat() if days else None

    def last_reported(self) -> str | None:
        days = self.days()
        return days[-1].isoformat() if days else None

    def _range(self, name: str) -> dict[str, float] | None:
        values = [r.numbers[name][0] for r in self.affirming() if name in r.numbers]
        return {"min": _num(min(values)), "max": _num(max(values))} if values else None

    def to_dict(self, evidence_limit: int = 50) -> dict:
        actor, target, location = self.actor, self.target, self.location
        return {
            "cluster": self.id, "type": self.type, "types": sorted({r.type for r in self.reports}),
            "mode": Counter(r.mode for r in self.reports).most_common(1)[0][0],
            "actor": actor.to_dict() if actor else None, "target": target.to_dict() if target else None,
            "location": location.to_dict() if location else None,
            "first_reported": self.first_reported(), "last_reported": self.last_reported(),
            "reports": len({r.doc.id for r in self.reports}),
            "outlets": sorted({r.doc.outlet for r in self.reports if r.doc.outlet}),
            "copies": self.copies(), "independent_sources": self.independent_sources(), "denials": self.denials(),
            **{name: self._range(name) for name in NUMBER_FIELDS},
            "certainty": dict(Counter(r.certainty for r in self.affirming())),
            "evidence": [evidence(r) for r in self.reports[:evidence_limit]],
        }


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def evidence(report: Report) -> dict:
    return {**report.doc.brief(), "event": report.event, "claim": report.claim, "text": report.text,
            "polarity": report.polarity, "certainty": report.certainty}


def group_clusters(reports: list[Report]) -> list[EventCluster]:
    """Stored reports → their clusters; clusters oldest first, reports oldest first inside."""
    groups: dict[str, list[Report]] = {}
    for r in reports:
        groups.setdefault(r.cluster, []).append(r)
    clusters = []
    for cid, members in groups.items():
        members.sort(key=lambda r: (r.doc.day or date.max, r.doc.id, r.event))
        clusters.append(EventCluster(cid, members))
    clusters.sort(key=lambda c: (c.first_reported() or "9999", c.id))
    return clusters
