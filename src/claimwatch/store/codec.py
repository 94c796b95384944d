"""Analysis ⇄ JSON dict: the store keeps `Analysis.to_dict()` and gives back typed objects."""

from __future__ import annotations

from functools import cache
from typing import Any

import orjson

from claimwatch.model import (
    Analysis,
    Claim,
    Document,
    Entity,
    Event,
    EventTime,
    Excluded,
    Predicate,
    Quantity,
    Source,
    TextSpan,
    Time,
)


def _span(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value is not None else None


def _text_span(value: dict[str, Any] | None) -> TextSpan | None:
    if not value:
        return None
    pieces = [_span(p) for p in value["pieces"]] if value.get("pieces") else None
    return TextSpan(value["text"], _span(value["span"]), pieces)


@cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(cls.__dataclass_fields__)


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Only the fields the class knows (a copy): a JSON from a newer version may carry more. Stored
    analyses are read by the thousand, and almost every record has no other field: those are copied
    whole."""
    names = _field_names(cls)
    return dict(data) if names.issuperset(data) else {k: v for k, v in data.items() if k in names}


def document_from_dict(d: dict[str, Any]) -> Document:
    fields = _known(Document, d)
    fields["excluded"] = [Excluded(_span(e["span"]), e["reason"]) for e in d.get("excluded", [])]
    return Document(**fields)


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """The inverse of `Analysis.to_dict()`."""
    entities = [Entity(**{**_known(Entity, e), "mentions": [_span(m) for m in e.get("mentions", [])]})
                for e in d.get("entities", [])]
    claims = []
    for c in d.get("claims", []):
        src = c["source"]
        source = Source(src.get("text"), _span(src.get("span")), src["kind"], src.get("entity"))
        claims.append(Claim(**{**_known(Claim, c), "source": source,
                               "cue": _text_span(c.get("cue")), "content": _text_span(c["content"])}))
    events = []
    for v in d.get("events", []):
        time = v.get("time")
        events.append(Event(**{**_known(Event, v), "trigger": _text_span(v["trigger"]),
                               "time": EventTime(time["text"], time.get("value")) if time else None}))
    quantities = [Quantity(**{**_known(Quantity, q), "span": _span(q["span"])}) for q in d.get("quantities", [])]
    times = [Time(**{**_known(Time, t), "span": _span(t["span"])}) for t in d.get("times", [])]
    predicates = [Predicate(**{**_known(Predicate, p), "trigger": _text_span(p["trigger"])})
                  for p in d.get("predicates", [])]
    extra = {k: d[k] for k in ("version", "analysed") if k in d}
    return Analysis(document_from_dict(d["document"]), entities, claims, events, quantities, times, predicates,
                    **extra)


def analysis_json(analysis: Analysis) -> str:
    """The analysis as the store keeps it: the JSON of `analysis.to_dict()`, compact. orjson reads the
    dataclasses itself, a tenth of the time of building the dict and dumping it (which every stored
    document costs); a value it does not take (an integer past 64 bits) goes the slow way."""
    try:
        return orjson.dumps(analysis, option=orjson.OPT_SERIALIZE_NUMPY).decode()
    except orjson.JSONEncodeError:
        return analysis.to_json()
