"""An article as HTML with each claim's source, cue and content marked, and what a click on a claim
shows (certainty, polarity, the events inside, the entities).

The text is untrusted: every piece of it goes through `markupsafe.escape`, and the only attributes
written are class names from a fixed set and claim ids (escaped too). Overlapping claims are cut
into segments at every span boundary; a segment carries every claim it belongs to and the
innermost one, which a click selects.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from claimwatch.model import Analysis, Claim, Entity, Event

ROLES = ("source", "cue", "content", "trigger", "excluded")


@dataclass
class Segment:
    text: str
    roles: frozenset[str] = frozenset()
    claims: tuple[str, ...] = ()
    claim: str | None = None  # the innermost claim: the one a click shows


@dataclass
class EventView:
    id: str
    type: str
    mode: str | None
    trigger: str
    actor: str | None
    target: str | None
    location: str | None
    time: str | None
    modality: str
    certainty: str
    polarity: str
    numbers: dict[str, Any]


@dataclass
class ClaimView:
    id: str
    source: str | None
    source_kind: str
    source_entity: str | None
    cue: str | None
    content: str
    certainty: str
    polarity: str
    stated_at: str | None
    events: list[EventView] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


def _pieces(span: Any) -> list[tuple[int, int]]:
    return [tuple(p) for p in (span.pieces or [span.span])]


def _marks(analysis: Analysis) -> list[tuple[int, int, str | None, str]]:
    """(start, end, claim id, role) of everything to mark."""
    marks: list[tuple[int, int, str | None, str]] = []
    for c in analysis.claims:
        if c.source.span:
            marks.append((c.source.span[0], c.source.span[1], c.id, "source"))
        if c.cue is not None:
            marks.extend((s, e, c.id, "cue") for s, e in _pieces(c.cue))
        marks.extend((s, e, c.id, "content") for s, e in _pieces(c.content))
    marks.extend((v.trigger.span[0], v.trigger.span[1], None, "trigger") for v in analysis.events)
    marks.extend((x.span[0], x.span[1], None, "excluded") for x in analysis.document.excluded)
    return marks


def _hull(claim: Claim) -> int:
    spans = [claim.content.span] + ([claim.source.span] if claim.source.span else [])
    spans += [claim.cue.span] if claim.cue else []
    return max(e for _, e in spans) - min(s for s, _ in spans)


def segments(analysis: Analysis) -> list[Segment]:
    """The text cut at every boundary of a mark, each piece with the marks over it."""
    text = analysis.document.text
    n = len(text)
    starts: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    ends: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    points = {0, n}
    for s, e, cid, role in _marks(analysis):
        s, e = max(0, min(s, n)), max(0, min(e, n))
        if s < e:
            starts[s].append((cid, role))
            ends[e].append((cid, role))
            points.update((s, e))
    size = {c.id: _hull(c) for c in analysis.claims}
    active: Counter[tuple[str | None, str]] = Counter()
    out: list[Segment] = []
    ordered = sorted(points)
    for at, nxt in zip(ordered, ordered[1:], strict=False):
        for mark in ends.get(at, ()):
            active[mark] -= 1
        for mark in starts.get(at, ()):
            active[mark] += 1
        live = [m for m, k in active.items() if k > 0]
        claims = tuple(sorted({c for c, r in live if c is not None}))
        inner = min(claims, key=lambda c: (size.get(c, n), c)) if claims else None
        out.append(Segment(text[at:nxt], frozenset(r for _, r in live), claims, inner))
    return out


def render(parts: list[Segment]) -> Markup:
    """The segments as escaped HTML: plain text, or a span with its roles as classes."""
    html: list[str] = []
    for seg in parts:
        text = escape(seg.text)
        if not seg.roles:
            html.append(text)
            continue
        classes = " ".join(f"hl-{r}" for r in ROLES if r in seg.roles)
        attrs = f' class="{classes}"'
        if seg.claim:
            attrs += f' data-claim="{escape(seg.claim)}" data-claims="{escape(" ".join(seg.claims))}"'
        html.append(f"<span{attrs}>{text}</span>")
    return Markup("".join(html))


def _entity_label(entity: Entity | None) -> str | None:
    if entity is None:
        return None
    return f"{entity.name} ({entity.country})" if entity.country and entity.type != "country" else entity.name


def event_view(analysis: Analysis, v: Event) -> EventView:
    label = lambda eid: _entity_label(analysis.entity(eid))  # noqa: E731
    numbers = {k: getattr(v, k) for k in ("size", "dead", "injured") if getattr(v, k) is not None}
    return EventView(v.id, v.type, v.mode, v.trigger.text, label(v.actor), label(v.target), label(v.location),
                     (v.time.value or v.time.text) if v.time else None, v.modality, v.certainty,
                     getattr(v, "polarity", "positive"), numbers)


def claim_views(analysis: Analysis) -> list[ClaimView]:
    """What a click on each claim shows: certainty, polarity, the events it reports, its entities."""
    views = []
    for c in analysis.claims:
        lo = min([c.content.span[0]] + ([c.source.span[0]] if c.source.span else []))
        hi = max([c.content.span[1]] + ([c.source.span[1]] if c.source.span else []))
        inside = [e for e in analysis.entities if any(lo <= s and t <= hi for s, t in e.mentions)]
        events = [event_view(analysis, v) for v in analysis.events
                  if v.claim == c.id or (v.claim is None and c.content.covers(tuple(v.trigger.span)))]
        views.append(ClaimView(c.id, c.source.text, c.source.kind, _entity_label(analysis.entity(c.source.entity)),
                               c.cue.text if c.cue else None, c.content.text, c.certainty, c.polarity, c.stated_at,
                               events, inside))
    return views
