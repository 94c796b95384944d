"""Counts of event clusters per day, ISO week or month, from `KnowledgeBase.events()` records: what
`claimwatch timeline`, the HTTP API's /api/timeline and the web UI's chart show.

A cluster counts once, in the period of its first report; the periods between the first and the
last are filled with zeros (up to MAX_FILLED of them) so that a chart shows the quiet days too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, Literal

Interval = Literal["day", "week", "month"]
MAX_FILLED = 1000


def period_start(day: date, interval: Interval) -> date:
    """The first day of the period that holds `day`: itself, its week's Monday, its month's 1st."""
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def period_label(start: date, interval: Interval) -> str:
    """2024-03-04, 2024-W10 or 2024-03."""
    if interval == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if interval == "month":
        return start.strftime("%Y-%m")
    return start.isoformat()


def _next(start: date, interval: Interval) -> date:
    if interval == "week":
        return start + timedelta(days=7)
    if interval == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def timeline(events: list[dict[str, Any]], interval: Interval = "day") -> dict[str, Any]:
    """{"interval", "buckets": [{"period", "start", "events", "reports", "independent_sources", "types"}],
    "total", "undated"}; a bucket's independent sources add up those of its clusters."""
    counts: Counter[date] = Counter()
    reports: Counter[date] = Counter()
    sources: Counter[date] = Counter()
    types: dict[date, Counter[str]] = defaultdict(Counter)
    undated = 0
    for event in events:
        day = _day(event.get("first_reported"))
        if day is None:
            undated += 1
            continue
        start = period_start(day, interval)
        counts[start] += 1
        reports[start] += int(event.get("reports") or 0)
        sources[start] += int(event.get("independent_sources") or 0)
        types[start][str(event.get("type"))] += 1
    starts = sorted(counts)
    if starts:
        filled, at = [], starts[0]
        while at <= starts[-1] and len(filled) <= MAX_FILLED:
            filled.append(at)
            at = _next(at, interval)
        if len(filled) <= MAX_FILLED:
            starts = filled
    buckets = [{"period": period_label(s, interval), "start": s.isoformat(), "events": counts[s],
                "reports": reports[s], "independent_sources": sources[s], "types": dict(types[s].most_common())}
               for s in starts]
    return {"interval": interval, "buckets": buckets, "total": sum(counts.values()), "undated": undated}


EventsQuery = Callable[..., list[dict[str, Any]]]


def events_timeline(events: EventsQuery, about: str | None = None, dyad: tuple[str, str] | None = None, *,
                    type: str | None = None, since: str | None = None, until: str | None = None,
                    interval: Interval = "day") -> dict[str, Any]:
    """The timeline of the clusters about an actor, or about both actors of a pair.

    `events(about, type=, since=, until=)` answers event records (their `undated` count, if any,
    is added): `KnowledgeBase.events` as dicts, or the API's cached answer of it."""
    first = dyad[0] if dyad else about
    rows = events(first, type=type, since=since, until=until)
    undated = getattr(rows, "undated", 0)
    if dyad:
        other = {r["cluster"] for r in events(dyad[1], type=type, since=since, until=until)}
        rows = [r for r in rows if r["cluster"] in other]
    out = timeline(rows, interval)
    out["undated"] += undated
    return {"about": about if not dyad else None, "dyad": list(dyad) if dyad else None, "type": type, **out}
