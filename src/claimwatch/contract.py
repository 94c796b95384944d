"""The data contract as a JSON Schema, built from model.py so the two never drift apart.

`contract.schema.json` beside this module is the shipped copy (for users of other languages and for
validators); `build_schema()` derives the same schema from the dataclasses and their vocabularies
(Literal types), and a test checks that the shipped file is what it builds. Every field is required
(`to_json` always writes it); further properties are allowed, since the contract adds fields freely.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Union

from claimwatch import model

SCHEMA_FILE = Path(__file__).with_name("contract.schema.json")
SCHEMA_ID = "https://claimwatch.example/contract.schema.json"

#: Vocabularies given as comments or constants in model.py rather than as Literal types.
_FIELD_ENUMS: dict[tuple[str, str], tuple[str, ...]] = {("Event", "type"): model.EVENT_TYPES}

_SPAN = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2,
         "description": "[start, end) in characters of document.text"}


def _type_schema(hint: Any) -> dict[str, Any]:
    """The JSON Schema of one annotated type of model.py."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint == model.Span:
        return dict(_SPAN)
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if set(options) == {int, float}:
            inner: dict[str, Any] = {"type": "number"}
        elif len(options) == 1:
            inner = _type_schema(options[0])
        else:
            inner = {"anyOf": [_type_schema(a) for a in options]}
        return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
    if origin is Literal:
        return {"enum": list(args)}
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0])}
    if dataclasses.is_dataclass(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema for {hint!r}")


def _object_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    properties = {}
    for f in dataclasses.fields(cls):
        prop = _type_schema(hints[f.name])
        enum = _FIELD_ENUMS.get((cls.__name__, f.name))
        if enum:
            prop = {"enum": list(enum)}
        properties[f.name] = prop
    return {"type": "object", "properties": properties, "required": [f.name for f in dataclasses.fields(cls)]}


def build_schema() -> dict[str, Any]:
    """The contract's JSON Schema (draft 2020-12) from model.py's classes."""
    classes = [model.Document, model.Excluded, model.Entity, model.TextSpan, model.Source, model.Claim,
               model.EventTime, model.Event, model.Quantity, model.Time, model.Predicate]
    root = _object_schema(model.Analysis)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "claimwatch analysis", "description": "One analysis: `claimwatch analyze --format json`.",
            **root, "$defs": {c.__name__: _object_schema(c) for c in classes}}


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The shipped schema."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def write_schema(path: Path = SCHEMA_FILE) -> None:
    """Regenerate the shipped file: `python -m claimwatch.contract` after changing model.py."""
    path.write_text(json.dumps(build_schema(), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_schema()
