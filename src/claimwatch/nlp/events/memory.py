"""What event coding looks up in the rest of one document, indexed once instead of scanned per event.

A long text is parsed in pieces that share one DocState, so `state.claims`, `state.times`,
`state.quantities` and `state.events` grow with the document. Scanning them for every trigger made
event coding quadratic in the document's length; these indexes are kept in step with the lists
(new items are indexed when next asked for) and answer in the order a scan of the list would.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from claimwatch.model import Claim, Entity, Event, Quantity, Time
from claimwatch.nlp.state import DocState

T = TypeVar("T")
Span = tuple[int, int]


class SpanIndex(Generic[T]):
    """Items of an append-only list, sorted by where their span starts. Queries return the
    matching items in list order, so that "the first one" means what it meant for a scan."""

    def __init__(self, span_of: Callable[[T], Span]) -> None:
        self._span_of = span_of
        self._source: Sequence[T] | None = None
        self._count = 0
        self._starts: list[int] = []
        self._entries: list[tuple[int, int, T]] = []  # (list position, end, item), parallel to _starts
        self._longest = 0
        self._last: T | None = None

    def sync(self, items: Sequence[T]) -> SpanIndex[T]:
        """Index what was added to `items` since the last call (all of it if the list changed otherwise)."""
        if items is not self._source or len(items) < self._count or (
            self._count and items[self._count - 1] is not self._last
        ):
            self._source, self._count, self._starts, self._entries, self._longest = items, 0, [], [], 0
        for position in range(self._count, len(items)):
            item = items[position]
            start, end = self._span_of(item)
            at = bisect.bisect_right(self._starts, start)
            self._starts.insert(at, start)
            self._entries.insert(at, (position, end, item))
            self._longest = max(self._longest, end - start)
        self._count = len(items)
        self._last = items[-1] if items else None
        return self

    def within(self, lo: int, hi: int) -> list[T]:
        """Items whose span lies inside [lo, hi]."""
        first, last = bisect.bisect_left(self._starts, lo), bisect.bisect_right(self._starts, hi)
        return _in_order(e for e in self._entries[first:last] if e[1] <= hi)

    def containing(self, start: int, end: int) -> list[T]:
        """Items whose span holds [start, end]: they start at most `longest` before `end`."""
        first = bisect.bisect_left(self._starts, end - self._longest)
        last = bisect.bisect_right(self._starts, start)
        return _in_order(e for e in self._entries[first:last] if e[1] >= end)


def _in_order(entries: Iterable[tuple[int, int, T]]) -> list[T]:
    return [item for _, _, item in sorted(entries, key=lambda e: e[0])]


class EventMemory:
    """The indexes of one document's findings that event coding reads."""

    def __init__(self) -> None:
        self.claims: SpanIndex[Claim] = SpanIndex(lambda c: (c.content.span[0], c.content.span[1]))
        self.times: SpanIndex[Time] = SpanIndex(lambda t: (t.span[0], t.span[1]))
        self.quantities: SpanIndex[Quantity] = SpanIndex(lambda q: (q.span[0], q.span[1]))
        self._events: Sequence[Event] | None = None
        self._events_seen = 0
        self._last_targets: dict[frozenset[str], dict[str, str]] = {}
        self._entities: dict[str, Entity] = {}

    def last_target(self, events: Sequence[Event], actor_id: str, kinds: frozenset[str]) -> str | None:
        """The target of the latest event in `events` by `actor_id` whose type is one of `kinds`."""
        if events is not self._events or len(events) < self._events_seen:
            self._events, self._events_seen, self._last_targets = events, 0, {}
        table = self._last_targets.get(kinds)
        if table is None:  # a new kind of question: read the whole list once
            table = self._last_targets[kinds] = {}
            self._remember(events[:self._events_seen], kinds, table)
        for seen_kinds, seen_table in self._last_targets.items():
            self._remember(events[self._events_seen:], seen_kinds, seen_table)
        self._events_seen = len(events)
        return table.get(actor_id)

    @staticmethod
    def _remember(events: Sequence[Event], kinds: frozenset[str], table: dict[str, str]) -> None:
        for event in events:
            if event.actor and event.target and event.type in kinds:
                table[event.actor] = event.target

    def entity(self, state: DocState, entity_id: str) -> Entity | None:
        """The entity with `entity_id` (ids never change once given)."""
        if entity_id not in self._entities:
            self._entities = {e.id: e for e in state.entities.all()}
        return self._entities.get(entity_id)


_MEMORIES: dict[int, EventMemory] = {}


def memory_of(state: DocState) -> EventMemory:
    """The event memory of `state`'s document, dropped with the state."""
    memory = _MEMORIES.get(id(state))
    if memory is None:
        memory = _MEMORIES[id(state)] = EventMemory()
        weakref.finalize(state, _MEMORIES.pop, id(state), None)
    return memory


def claims_holding(state: DocState, span: Span) -> list[Claim]:
    """Claims whose content holds `span`, in `state.claims` order."""
    return memory_of(state).claims.sync(state.claims).containing(*span)


def times_within(state: DocState, lo: int, hi: int) -> list[Time]:
    """Times lying inside [lo, hi], in `state.times` order."""
    return memory_of(state).times.sync(state.times).within(lo, hi)


def quantities_within(state: DocState, lo: int, hi: int) -> list[Quantity]:
    """Quantities lying inside [lo, hi], in `state.quantities` order."""
    return memory_of(state).quantities.sync(state.quantities).within(lo, hi)


def quantities_at(state: DocState, char: int) -> list[Quantity]:
    """Quantities whose span covers the character at `char`, in `state.quantities` order."""
    return memory_of(state).quantities.sync(state.quantities).containing(char, char + 1)
