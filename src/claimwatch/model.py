"""The data contract of ../shared/DESIGN.md as typed classes.

Every span is `(start, end)` in characters of `Document.text`. `Analysis.to_json()` gives
exactly the contract's JSON; fields beyond the contract are additions, never renames.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

Span = tuple[int, int]
Certainty = Literal["certain", "probable", "possible", "unknown"]
Polarity = Literal["positive", "negative"]
SourceKind = Literal["named", "unnamed", "author"]
Modality = Literal["actual", "planned", "hypothetical"]
Bound = Literal["exact", "lower", "upper", "approximate"]

#: The PLOVER event types (`Event.type`): what `--type` accepts.
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

#: Bumped whenever the analysis of the same text may change; the store records it.
ANALYSIS_VERSION = "0.1.0"


def content_id(text: str) -> str:
    """The document id: a hash of its text, so that the same text is the same document."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Excluded:
    span: Span
    reason: str


@dataclass
class Document:
    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str = "en"
    site_name: str | None = None
    excluded: list[Excluded] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def included_regions(self) -> list[Span]:
        """The parts of the text outside every excluded span, in order."""
        regions, at = [], 0
        for ex in sorted(self.excluded, key=lambda e: e.span):
            if ex.span[0] > at:
                regions.append((at, ex.span[0]))
            at = max(at, ex.span[1])
        if at < len(self.text):
            regions.append((at, len(self.text)))
        return regions

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def is_excluded(self, span: Span) -> bool:
        return any(ex.span[0] <= span[0] and span[1] <= ex.span[1] for ex in self.excluded)


@dataclass
class Entity:
    id: str
    name: str
    type: str  # country | person | organization | place | group | other
    country: str | None = None  # ISO 3166-1 alpha-3
    wikidata: str | None = None
    sector: str | None = None  # PLOVER-style: government, military, rebels, civilians, igo, …
    mentions: list[Span] = field(default_factory=list)
    geonames: int | None = None  # places: the GeoNames id
    latitude: float | None = None  # places: WGS84 coordinates from GeoNames
    longitude: float | None = None


@dataclass
class TextSpan:
    """A stretch of the document. `pieces` is set when it is discontinuous — a quotation split by an
    inserted attribution ('"A," he said, "B."' has the pieces A and B): `span` is then the hull from
    the first piece's start to the last piece's end (so span containment still works), and `text`
    the pieces' texts joined by " … " (what was said, without the inserted "he said")."""

    text: str
    span: Span
    pieces: list[Span] | None = None

    def covers(self, span: Span) -> bool:
        """Whether `span` lies inside this text: inside one piece where there are pieces."""
        return any(start <= span[0] and span[1] <= end for start, end in (self.pieces or [self.span]))


@dataclass
class Source:
    text: str | None
    span: Span | None
    kind: SourceKind
    entity: str | None = None


@dataclass
class Claim:
    id: str
    source: Source
    cue: TextSpan | None
    content: TextSpan
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    stated_at: str | None = None


@dataclass
class EventTime:
    text: str
    value: str | None


@dataclass
class Event:
    id: str
    type: str  # PLOVER event type
    trigger: TextSpan
    mode: str | None = None
    actor: str | None = None  # entity id
    target: str | None = None  # entity id
    location: str | None = None  # entity id
    time: EventTime | None = None
    modality: Modality = "actual"
    quantities: list[str] = field(default_factory=list)
    dead: int | float | None = None
    injured: int | float | None = None
    size: int | float | None = None
    claim: str | None = None
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    cameo: str | None = None


@dataclass
class Quantity:
    id: str
    text: str
    span: Span
    value: int | float
    unit: str | None = None
    bound: Bound = "exact"
    upper: int | float | None = None  # the other end of a range ("10 to 12 thousand")
    kind: str | None = None  # count | share | money | percent | measure | duration | age | temperature


@dataclass
class Time:
    id: str
    text: str
    span: Span
    value: str | None  # ISO 8601 at the precision the text gives; None when it cannot be resolved


@dataclass
class Predicate:
    """A predicate of the text with the factuality the text gives it (the `predicates` layer)."""

    trigger: TextSpan
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"


@dataclass
class Analysis:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    predicates: list[Predicate] = field(default_factory=list)
    version: str = ANALYSIS_VERSION
    #: False for a document stored without analysis (a language the analysis does not read, see
    #: `document.language`): kept with its text and metadata, searchable, nothing lost.
    analysed: bool = True

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def claim(self, claim_id: str | None) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """The JSON form of a record: dataclasses as dicts of their fields in order, tuples as lists
    (JSON has none: spans become [start, end]). What dataclasses.asdict and a pass over its result
    gave, without asdict's deep copy of every value, a tenth of a whole analysis's time."""
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS.get(type(value))
        if names is None:
            names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
        return {name: _plain(getattr(value, name)) for name in names}
    return value
