"""Is an analysis what the data contract promises? The shipped JSON Schema, and every span inside
the document's text (what a schema cannot say). Used by the autouse check in conftest.py, so every
analysis the suite produces in this process is checked, and by tests/reliability."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import jsonschema

from claimwatch.contract import schema


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


def _spans(value: Any, path: str = "") -> Iterator[tuple[str, list[int]]]:
    """Every span of the analysis (under a key `span`, `mentions` or `pieces`), with where it is."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "span" and item is not None:
                yield f"{path}.{key}", item
            elif key in ("mentions", "pieces") and item:
                yield from ((f"{path}.{key}[{n}]", s) for n, s in enumerate(item))
            elif key != "document" or path:
                yield from _spans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _spans(item, f"{path}[{n}]")


def contract_problems(analysis: dict[str, Any]) -> list[str]:
    """What is wrong with one analysis (`Analysis.to_dict()`); empty when it keeps the contract."""
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(analysis)]
    n = len(analysis.get("document", {}).get("text", ""))
    excluded = [("document.excluded", e["span"]) for e in analysis.get("document", {}).get("excluded", [])]
    for where, span in [*excluded, *_spans(analysis)]:
        if len(span) != 2:
            continue  # the schema has said so
        start, end = span
        if not 0 <= start <= end <= n:
            problems.append(f"{where}: span [{start}, {end}] outside the text (length {n})")
    return problems


def assert_keeps_contract(analysis: dict[str, Any]) -> None:
    problems = contract_problems(analysis)
    assert not problems, "analysis breaks the contract:\n" + "\n".join(problems[:20])
