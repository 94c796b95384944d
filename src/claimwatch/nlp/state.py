"""What the components have found in one document so far.

The components run one after the other over each parsed piece of a document (most documents
are one piece). They read the spaCy `Doc` and what earlier components left here, and add
their own findings. Spans are always stored in `document.text` coordinates: `offset` is where
the current `Doc` starts in the text.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimwatch.model import Analysis, Claim, Document, Entity, Event, Predicate, Quantity, Span, Time


class EntityTable:
    """All entities of a document; every mention of one actor goes to one entity."""

    def __init__(self) -> None:
        self._by_key: dict[str, Entity] = {}
        self._ids = itertools.count(1)
        self._starts: list[int] = []  # sorted mention starts, parallel to _mentions
        self._mentions: list[tuple[Span, Entity]] = []

    def add(
        self,
        key: str,
        span: Span,
        *,
        name: str,
        type: str,
        country: str | None = None,
        wikidata: str | None = None,
        sector: str | None = None,
    ) -> Entity:
        """Record a mention of the entity known by `key`, creating the entity on first sight."""
        entity = self._by_key.get(key)
        if entity is None:
            entity = Entity(f"e{next(self._ids)}", name, type, country, wikidata, sector)
            self._by_key[key] = entity
        if span not in entity.mentions:
            entity.mentions.append(span)
            at = bisect.bisect(self._starts, span[0])
            self._starts.insert(at, span[0])
            self._mentions.insert(at, (span, entity))
        return entity

    def alias(self, key: str, other_key: str) -> None:
        """Let `other_key` name the same entity as `key` from now on."""
        if key in self._by_key:
            self._by_key.setdefault(other_key, self._by_key[key])

    def get(self, key: str) -> Entity | None:
        return self._by_key.get(key)

    def by_id(self, entity_id: str) -> Entity | None:
        """The entity with that id ("e3"), as claims and events refer to it."""
        return next((e for e in self._by_key.values() if e.id == entity_id), None)

    def at(self, span: Span) -> Entity | None:
        """The entity with a mention overlapping `span`; the last-starting one wins (the head
        of "South Korea's Defense Intelligence Agency" is the agency, not the country)."""
        at = bisect.bisect_left(self._starts, span[1])
        best = None
        for (start, end), entity in self._mentions[max(0, at - 50):at]:
            if start < span[1] and span[0] < end:
                best = entity
        return best

    def mentions_in(self, span: Span) -> list[tuple[Span, Entity]]:
        """Mentions lying inside `span`, in text order."""
        lo = bisect.bisect_left(self._starts, span[0])
        hi = bisect.bisect_left(self._starts, span[1])
        return [(s, e) for s, e in self._mentions[lo:hi] if s[1] <= span[1]]

    def all(self) -> list[Entity]:
        for entity in self._by_key.values():
            entity.mentions.sort()
        seen: dict[str, Entity] = {}
        for entity in self._by_key.values():
            seen.setdefault(entity.id, entity)
        return sorted(seen.values(), key=lambda e: int(e.id[1:]))


@dataclass
class DocState:
    document: Document
    published: date | None = None
    offset: int = 0
    entities: EntityTable = field(default_factory=EntityTable)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    predicates: list[Predicate] = field(default_factory=list)
    _counters: dict[str, itertools.count] = field(default_factory=dict)

    def span(self, obj: Token | SpacySpan | Doc | tuple[int, int]) -> Span:
        """Document coordinates of a token, a span, or a (start_char, end_char) pair of the Doc."""
        if isinstance(obj, Token):
            return (obj.idx + self.offset, obj.idx + len(obj.text) + self.offset)
        if isinstance(obj, tuple):
            return (obj[0] + self.offset, obj[1] + self.offset)
        if isinstance(obj, Doc):
            return (self.offset, self.offset + len(obj.text))
        return (obj.start_char + self.offset, obj.end_char + self.offset)

    def text_of(self, span: Span) -> str:
        return self.document.text[span[0]:span[1]]

    def new_id(self, prefix: str) -> str:
        """The next id for a finding: c1, c2 … for claims, v1 … for events, and so on."""
        counter = self._counters.setdefault(prefix, itertools.count(1))
        return f"{prefix}{next(counter)}"

    def to_analysis(self) -> Analysis:
        return Analysis(
            document=self.document,
            entities=self.entities.all(),
            claims=self.claims,
            events=self.events,
            quantities=self.quantities,
            times=self.times,
            predicates=self.predicates,
        )
