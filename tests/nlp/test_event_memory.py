"""The indexes event coding reads must answer exactly as a scan of the growing lists would."""

from __future__ import annotations

import random

from claimwatch.model import Document, Event, TextSpan
from claimwatch.nlp.events.memory import EventMemory, SpanIndex, memory_of
from claimwatch.nlp.state import DocState


def _scan_within(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    return [s for s in spans if lo <= s[0] and s[1] <= hi]


def _scan_containing(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [s for s in spans if s[0] <= start and end <= s[1]]


def test_span_index_matches_a_scan_in_list_order_as_the_list_grows():
    rng = random.Random(7)
    spans: list[tuple[int, int]] = []
    index: SpanIndex = SpanIndex(lambda s: s)
    for _ in range(30):  # items arrive out of text order and overlap, as across pieces of a document
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 500)
            spans.append((start, start + rng.randint(1, 120)))
        index.sync(spans)
        for _ in range(20):
            lo = rng.randint(0, 600)
            hi = lo + rng.randint(0, 150)
            assert index.within(lo, hi) == _scan_within(spans, lo, hi)
            assert index.containing(lo, hi) == _scan_containing(spans, lo, hi)


def test_span_index_starts_over_when_the_list_is_replaced():
    index: SpanIndex = SpanIndex(lambda s: s)
    index.sync([(0, 10), (5, 8)])
    replaced = [(20, 30)]
    assert index.sync(replaced).within(0, 100) == [(20, 30)]


def _event(n: int, type_: str, actor: str | None, target: str | None) -> Event:
    return Event(id=f"v{n}", type=type_, trigger=TextSpan("", (0, 0)), actor=actor, target=target)


def test_last_target_is_the_latest_matching_event_of_that_actor():
    kinds = frozenset({"AID", "SUPPORT"})
    memory = EventMemory()
    events = [_event(1, "AID", "e1", "e2"), _event(2, "ASSAULT", "e1", "e3")]
    assert memory.last_target(events, "e1", kinds) == "e2"  # an attack's target is not inherited
    events += [_event(3, "SUPPORT", "e1", "e4"), _event(4, "AID", "e1", None)]
    assert memory.last_target(events, "e1", kinds) == "e4"  # an event without a target changes nothing
    assert memory.last_target(events, "e5", kinds) is None


def test_memory_belongs_to_one_document_state():
    first, second = DocState(Document(text="a")), DocState(Document(text="b"))
    assert memory_of(first) is memory_of(first)
    assert memory_of(first) is not memory_of(second)
