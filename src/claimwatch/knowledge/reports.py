"""Reports: one event as one publication tells it, with what the cross-document steps compare
(actors, the days it happened, numbers with their bounds, polarity, the evidence text, the
independent origin). Built from an analysis at ingest and kept in the `reports` table."""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from importlib.resources import files
from typing import Any

from sqlalchemy.engine import Connection

from claimwatch.knowledge.actors import load_actors
from claimwatch.knowledge.identity import Actor
from claimwatch.model import Analysis, Claim, Event
from claimwatch.store import derived

#: Cue stems by which a source takes back what it said: its report is then a retraction (its
#: polarity, like every polarity, is the analysis's own: nlp/certainty decides it).
RETRACTION_CUES = ("retract", "withdr", "correct", "walked back", "walk back", "rescind")
NUMBER_FIELDS = ("size", "dead", "injured")

_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset("""the and that for with from this have has had was were are been being its their they them
said says say will would could may might also than then there these those which while who whom what when where
into onto over under about after before more most other some such only very just not but yet any all can our out
his her him she you your per via""".split())


@lru_cache(maxsize=1)
def _families_file() -> dict[str, Any]:
    return json.loads((files("claimwatch.knowledge") / "type_families.json").read_text("utf-8"))


def type_families() -> dict[str, str]:
    """PLOVER type → its family: types that different sentences give one happening (a deployment is
    coded AID, MOBILIZE or COOPERATE by different wordings). Kept in type_families.json."""
    return {kind: family for family, kinds in _families_file()["families"].items() for kind in kinds}


@lru_cache(maxsize=1024)
def is_symmetric(event_type: str) -> bool:
    """Whether the two parties of this type of event may be named in either order."""
    return event_type in _families_file()["symmetric"]


def takes_target_from_place(event_type: str) -> bool:
    """Whether an event of this type without a target is aimed at the state of its place."""
    return event_type in _families_file()["target_from_place"]


@lru_cache(maxsize=1024)
def family_of(event_type: str) -> str:
    """The family of a type (clustering asks for it with every pair it compares)."""
    return type_families().get(event_type, event_type)


@dataclass
class DocInfo:
    """A publication, as the reports and claims show it."""

    id: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None
    copy_of: str | None
    ingested_at: datetime | None = None
    origin_outlet: str | None = None  # the outlet that first published this text (of its copy family)

    @property
    def origin(self) -> str:
        return self.copy_of or self.id

    @cached_property
    def day(self) -> date | None:
        """The publication day; None for an undated publication (never the day it was ingested).
        Read for every report whenever a cluster's reports are sorted, so parsed once."""
        return publication_day(self.published)

    def brief(self) -> dict[str, Any]:
        return {"document": self.id, "outlet": self.outlet, "url": self.url, "published": self.published,
                "copy_of": self.copy_of}


@dataclass
class Report:
    """One event as one publication reports it."""

    doc: DocInfo
    event: str
    type: str
    mode: str | None
    actor: Actor | None
    target: Actor | None
    location: Actor | None
    interval: tuple[date, date] | None  # the event's own time, else the publication's day
    polarity: str
    certainty: str
    modality: str
    claim: str | None
    source_key: str | None  # who asserts it, across documents
    cue: str | None
    text: str
    numbers: dict[str, tuple[float, float, float, str]] = field(default_factory=dict)  # field → (value, lo, hi, bound)
    time_value: str | None = None
    retraction: bool = False
    cluster: str = ""

    @cached_property
    def family(self) -> str:
        return family_of(self.type)

    @cached_property
    def tokens(self) -> frozenset[str]:
        """Its words as clustering compares them (`event_words`): made when first compared, as most
        reports read from the store are read for their contradictions or a query, not compared."""
        return event_words(self.text, self.actor, self.target, self.location)

    @cached_property
    def days(self) -> tuple[int, int] | None:
        """`interval` as day numbers (date ordinals), which clustering compares pair after pair."""
        return (self.interval[0].toordinal(), self.interval[1].toordinal()) if self.interval else None

    @property
    def negative(self) -> bool:
        return self.polarity == "negative"

    @property
    def dated_by_event(self) -> bool:
        """The event's own day is known (not only its publication's)."""
        return self.time_value is not None and len(self.time_value) >= 10

    def to_row(self) -> dict[str, Any]:
        return {"document_id": self.doc.id, "event_id": self.event, "cluster": self.cluster, "type": self.type,
                "family": self.family, "mode": self.mode, "actor": _key(self.actor), "target": _key(self.target),
                "location": _key(self.location),
                "day_start": self.interval[0].isoformat() if self.interval else None,
                "day_end": self.interval[1].isoformat() if self.interval else None,
                "time_value": self.time_value, "polarity": self.polarity, "retraction": int(self.retraction),
                "certainty": self.certainty, "modality": self.modality, "claim_id": self.claim,
                "source_key": self.source_key, "cue": self.cue, "text": self.text,
                "numbers": json.dumps({k: list(v) for k, v in self.numbers.items()}), "origin": self.doc.origin}


def _key(actor: Actor | None) -> str | None:
    return actor.key if actor else None


def is_content_word(word: str) -> bool:
    """Whether `content_tokens` keeps this word (three letters or more, not a function word)."""
    return _WORD.fullmatch(word) is not None and word.casefold() not in _STOP


def content_tokens(text: str) -> frozenset[str]:
    """Content words without numbers: reports that disagree on a number still look alike."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOP)


def event_words(text: str, *parties: Actor | None) -> frozenset[str]:
    """The content words of a report without the names of its own actor, target and place: those
    are compared as anchors already, and two reports about one person otherwise look alike."""
    names = {w for actor in parties if actor is not None for w in content_tokens(actor.name)}
    return content_tokens(text) - names


def publication_day(published: str | None) -> date | None:
    """The first day of a `published` value at its own precision; None for an undated publication."""
    interval = time_interval(published)
    return interval[0] if interval else None


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def time_interval(value: str | None) -> tuple[date, date] | None:
    """The days an ISO value at its own precision covers: 2024 → the year, 2024-10 → the month."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        year = int(m[1])
        if m[3]:
            d = date(year, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            month = int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def widen(interval: tuple[date, date], days: int) -> tuple[date, date]:
    return interval[0] - timedelta(days=days), interval[1] + timedelta(days=days)


#: How far from its figure an approximate number ("about 12,000", "some 3,000") may be: a rounded
#: figure; two outlets' rounded figures more than about 10% apart disagree.
APPROXIMATE_SHARE = 0.05


def number_interval(value: float, bound: str | None, upper: float | None) -> tuple[float, float]:
    """What a report's number allows: 'over 12,000' is [12000, ∞), 'about 10,000' is ±5%."""
    if upper is not None and upper >= value:
        return value, upper
    if bound == "lower":
        return value, float("inf")
    if bound == "upper":
        return 0.0, value
    if bound == "approximate":
        return value * (1 - APPROXIMATE_SHARE), value * (1 + APPROXIMATE_SHARE)
    return value, value


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding a span: between the nearest sentence ends or line breaks."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 if left >= 0 else 0:right].strip()


def source_key(claim: Claim, actors: dict[str, Actor]) -> str | None:
    """Who asserts a claim, across documents: its source's actor, else its source's words."""
    if claim.source.entity and claim.source.entity in actors:
        return actors[claim.source.entity].key
    return "src:" + claim.source.text.casefold() if claim.source.text else None


def _polarity(event: Event, claim: Claim | None) -> tuple[str, bool]:
    """(polarity, whether it is a retraction): negative where the analysis says the event or the claim
    reporting it is negative ("denied that …"); a retracting cue takes the report back."""
    cue = claim.cue.text.casefold() if claim and claim.cue else ""
    retraction = cue.startswith(RETRACTION_CUES)
    negative = event.polarity == "negative" or (claim is not None and claim.polarity == "negative") or retraction
    return ("negative" if negative else "positive"), retraction


def _numbers(event: Event, analysis: Analysis) -> dict[str, tuple[float, float, float, str]]:
    quantities = {q.id: q for q in analysis.quantities}
    numbers = {}
    for name in NUMBER_FIELDS:
        value = getattr(event, name)
        if value is None:
            continue
        match = next((quantities[i] for i in event.quantities if i in quantities and quantities[i].value == value),
                     None)
        bound = match.bound if match else "exact"
        lo, hi = number_interval(value, bound, match.upper if match else None)
        numbers[name] = (float(value), lo, hi, bound)
    return numbers


def build_reports(analysis: Analysis, doc: DocInfo, actors: dict[str, Actor],
                  state: Callable[[str], Actor]) -> list[Report]:
    """Every event of an analysis as a report of the publication `doc`; `state` gives the actor of a
    state by its ISO code, the target of an event aimed at where it happened."""
    claims = {c.id: c for c in analysis.claims}
    text = analysis.document.text
    reports = []
    for ev in analysis.events:
        claim = claims.get(ev.claim) if ev.claim else None
        polarity, retraction = _polarity(ev, claim)
        evidence = claim.content.text if claim else sentence_around(text, *ev.trigger.span)
        time_value = ev.time.value if ev.time else None
        interval = time_interval(time_value) or ((doc.day, doc.day) if doc.day else None)
        actor, target, location = (actors.get(ev.actor or ""), actors.get(ev.target or ""),
                                   actors.get(ev.location or ""))
        if (target is None and location is not None and location.country and takes_target_from_place(ev.type)
                and (actor is None or actor.country != location.country)):
            target = location if location.is_state else state(location.country)
        reports.append(Report(
            doc=doc, event=ev.id, type=ev.type, mode=ev.mode, actor=actor, target=target, location=location,
            interval=interval, polarity=polarity,
            certainty=(claim.certainty if claim else None) or ev.certainty or "certain",
            modality=ev.modality or "actual", claim=ev.claim,
            source_key=source_key(claim, actors) if claim else None,
            cue=claim.cue.text if claim and claim.cue else None, text=evidence,
            numbers=_numbers(ev, analysis), time_value=time_value, retraction=retraction))
    return reports


def load_reports(conn: Connection, actors: dict[str, Actor], docs: dict[str, DocInfo]) -> list[Report]:
    """Every stored report, with its publication and actors."""
    return reports_from_rows(conn, derived.report_rows(conn), actors, docs)


def reports_from_rows(conn: Connection, rows: list[Any], actors: dict[str, Actor] | None,
                      docs: dict[str, DocInfo]) -> list[Report]:
    """Stored report rows as reports, with their publications (`publications.load_documents`); the
    actors they need are read where not given."""
    if actors is None:
        actors = load_actors(conn, sorted({k for row in rows for k in (row.actor, row.target, row.location) if k}))
    out = []
    for row in rows:
        doc = docs.get(row.document_id)
        if doc is None:  # stored after the documents were read
            continue
        numbers = {k: (v[0], v[1], v[2], v[3]) for k, v in json.loads(row.numbers or "{}").items()}
        interval = (date.fromisoformat(row.day_start), date.fromisoformat(row.day_end)) if row.day_start else None
        actor, target, location = (actors.get(row.actor or ""), actors.get(row.target or ""),
                                   actors.get(row.location or ""))
        out.append(Report(
            doc=doc, event=row.event_id, type=row.type, mode=row.mode, actor=actor, target=target, location=location,
            interval=interval, polarity=row.polarity, certainty=row.certainty or "certain",
            modality=row.modality or "actual", claim=row.claim_id, source_key=row.source_key, cue=row.cue,
            text=row.text, numbers=numbers,
            time_value=row.time_value,
            retraction=bool(row.retraction), cluster=row.cluster))
    return out
