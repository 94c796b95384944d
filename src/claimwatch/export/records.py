"""Query records as people and programs read them: a table on a terminal, CSV, JSON or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

from claimwatch.export.csv import write_csv

Column = Callable[[dict[str, Any]], Any]


def cell(value: Any, width: int = 60) -> str:
    """One table cell: a nested object by its name (or text, or range), a list joined, long text cut."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("text") or (f"{value.get('min')}–{value.get('max')}"
                                                           if "min" in value else json.dumps(value))
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= width else text[:width - 1] + "…"


def write_records(records: list[dict[str, Any]], fmt: str, stream: TextIO, *,
                  columns: dict[str, Column] | None = None, title: str = "") -> None:
    """Write records as `table` (the chosen columns), `csv`, `json` (one array) or `jsonl` (a line each)."""
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        columns = columns or {key: (lambda r, k=key: r.get(k)) for key in (records[0] if records else {})}
        table = Table(title=f"{title} ({len(records)})", show_lines=False)
        for name in columns:
            table.add_column(name, overflow="fold")
        for record in records:
            table.add_row(*(cell(get(record)) for get in columns.values()))
        Console(file=stream).print(table)
    elif fmt == "csv":
        write_csv(records, stream)
    elif fmt == "json":
        stream.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "jsonl":
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        stream.flush()
    else:
        raise ValueError(f"unknown format {fmt!r}: use table, csv, json or jsonl")
