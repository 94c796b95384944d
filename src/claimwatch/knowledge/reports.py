"""Stored rows → reports: one event (or claim) as one document tells it, with what the
cross-document steps compare (actors, time interval, numbers with their bounds, polarity,
the evidence text, who the independent origin is)."""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from claimwatch.knowledge.identity import Actor
from claimwatch.store import SQLStore
from claimwatch.store import schema as t

#: Cue stems by which a source says something did not happen, or takes back what it said.
DENIAL_CUES = ("deny", "deni", "refut", "dismiss", "reject", "disput", "rebut")
RETRACTION_CUES = ("retract", "withdr", "correct", "walked back", "walk back", "rescind")
NUMBER_FIELDS = ("size", "dead", "injured")

_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset("""the and that for with from this have has had was were are been being its their they them
said says say will would could may might also than then there these those which while who whom what when where
into onto over under about after before more most other some such only very just not but yet any all can our out
his her him she you your per via""".split())


@dataclass
class DocInfo:
    id: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None
    copy_of: str | None
    ingested_at: datetime | None = None

    @property
    def origin(self) -> str:
        return self.copy_of or self.id

    @property
    def day(self) -> date | None:
        if self.published:
            try:
                return date.fromisoformat(self.published[:10])
            except ValueError:
                pass
        return self.ingested_at.date() if self.ingested_at else None

    def brief(self) -> dict[str, Any]:
        return {"document": self.id, "outlet": self.outlet, "url": self.url, "published": self.published,
                "copy_of": self.copy_of}


@dataclass
class Report:
    """One event as one document reports it."""

    doc: DocInfo
    event: str
    type: str
    mode: str | None
    actor: Actor | None
    target: Actor | None
    location: Actor | None
    interval: tuple[date, date] | None
    polarity: str
    certainty: str
    modality: str
    claim: str | None
    source_key: str | None  # who asserts it, across documents
    cue: str | None
    text: str
    tokens: frozenset[str]
    numbers: dict[str, tuple[float, float, float, str]] = field(default_factory=dict)  # field → (value, lo, hi, bound)
    time_value: str | None = None

    @property
    def negative(self) -> bool:
        return self.polarity == "negative"

    @property
    def retraction(self) -> bool:
        return bool(self.cue) and self.cue.casefold().startswith(RETRACTION_CUES)


def content_tokens(text: str) -> frozenset[str]:
    """Content words without numbers: reports that disagree on a number still look alike."""
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _STOP)


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


def number_interval(value: float, bound: str | None, upper: float | None) -> tuple[float, float]:
    """What a report's number allows: 'over 12,000' is [12000, ∞), 'about 10,000' is ±10%."""
    if upper is not None and upper >= value:
        return value, upper
    if bound == "lower":
        return value, float("inf")
    if bound == "upper":
        return 0.0, value
    if bound == "approximate":
        return value * 0.9, value * 1.1
    return value, value


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding a span: between the nearest sentence ends or line breaks."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 if left >= 0 else 0:right].strip()


def load_documents(store: SQLStore) -> dict[str, DocInfo]:
    return {r["id"]: DocInfo(r["id"], r["outlet"], r["url"], r["title"], r["published"], r["copy_of"],
                             r["ingested_at"]) for r in store.documents()}


def load_actors(store: SQLStore) -> dict[tuple[str, str], Actor]:
    e = t.entities.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(e.document_id, e.id, e.name, e.type, e.country, e.wikidata)).all()
    return {(r[0], r[1]): Actor(r[2], r[3], r[4], r[5]) for r in rows}


def source_key(source_text: str | None, entity: Actor | None) -> str | None:
    if entity is not None:
        return entity.key
    return "src:" + source_text.casefold() if source_text else None


def load_reports(store: SQLStore, docs: dict[str, DocInfo], actors: dict[tuple[str, str], Actor]) -> list[Report]:
    """Every stored event as a report, with its claim, numbers and evidence sentence."""
    c, q, d = t.claims.c, t.quantities.c, t.documents.c
    with store.engine.connect() as conn:
        # only documents already loaded: a writer may be adding documents meanwhile
        events = [dict(r._mapping) for r in conn.execute(select(t.events)) if r.document_id in docs]
        doc_ids = sorted({ev["document_id"] for ev in events})
        claims = {(r.document_id, r.id): r for r in conn.execute(
            select(c.document_id, c.id, c.source_text, c.source_entity, c.cue_text, c.content_text, c.polarity,
                   c.certainty).where(c.document_id.in_(doc_ids)))}
        quants = {(r.document_id, r.id): r for r in conn.execute(
            select(q.document_id, q.id, q.value, q.bound, q.upper).where(q.document_id.in_(doc_ids)))}
        texts = dict(conn.execute(select(d.id, d.text).where(d.id.in_(doc_ids))).all())
    reports = []
    for ev in events:
        doc_id = ev["document_id"]
        claim = claims.get((doc_id, ev["claim"])) if ev["claim"] else None
        polarity = ev["polarity"] or "positive"
        cue = claim.cue_text if claim else None
        if claim is not None and (claim.polarity == "negative" or (cue and cue.casefold().startswith(DENIAL_CUES))):
            polarity = "negative"
        if cue and cue.casefold().startswith(RETRACTION_CUES):
            polarity = "negative"
        text = claim.content_text if claim else sentence_around(texts[doc_id], ev["trigger_start"],
                                                                 ev["trigger_end"])
        numbers = {}
        qids = json.loads(ev["quantities"] or "[]")
        for name in ("size", "dead", "injured"):
            value = ev[name]
            if value is None:
                continue
            match = next((quants[(doc_id, i)] for i in qids if (doc_id, i) in quants
                          and quants[(doc_id, i)].value == value), None)
            bound = match.bound if match else "exact"
            lo, hi = number_interval(value, bound, match.upper if match else None)
            numbers[name] = (value, lo, hi, bound)
        doc = docs[doc_id]
        interval = time_interval(ev["time_value"]) or ((doc.day, doc.day) if doc.day else None)
        source_entity = actors.get((doc_id, claim.source_entity)) if claim and claim.source_entity else None
        reports.append(Report(
            doc=doc, event=ev["id"], type=ev["type"], mode=ev["mode"],
            actor=actors.get((doc_id, ev["actor"])), target=actors.get((doc_id, ev["target"])),
            location=actors.get((doc_id, ev["location"])), interval=interval, polarity=polarity,
            certainty=(claim.certainty if claim else None) or ev["certainty"] or "certain",
            modality=ev["modality"] or "actual", claim=ev["claim"],
            source_key=source_key(claim.source_text, source_entity) if claim else None, cue=cue,
            text=text, tokens=content_tokens(text), numbers=numbers, time_value=ev["time_value"]))
    return reports


def widen(interval: tuple[date, date], days: int) -> tuple[date, date]:
    return interval[0] - timedelta(days=days), interval[1] + timedelta(days=days)
