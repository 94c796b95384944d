"""Tidy tables of an export (events, reports, claims, entities, contradictions), one row per
thing and one typed column per field, as Parquet (pyarrow) or CSV: what pandas, DuckDB and R
load without reshaping. Nested objects become columns of their own (actor_name, actor_country);
a report is a row of `reports` keyed by its event's `cluster`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimwatch.export.bundle import Bundle

#: Column types, by table; "string", "int64", "float64" or "date" (Arrow's names).
Schema = dict[str, str]
TABLES: dict[str, Schema] = {
    "events": {"cluster": "string", "type": "string", "types": "string", "mode": "string", "cameo": "string",
               "actor_key": "string", "actor_name": "string", "actor_country": "string",
               "target_key": "string", "target_name": "string", "target_country": "string",
               "location_key": "string", "location_name": "string", "location_country": "string",
               "latitude": "float64", "longitude": "float64", "geonames": "int64",
               "happened_from": "date", "happened_to": "date", "first_reported": "date", "last_reported": "date",
               "reports": "int64", "mentions": "int64", "copies": "int64", "independent_sources": "int64",
               "denials": "int64", "outlets": "string", "contradictions": "int64",
               "size_min": "float64", "size_max": "float64", "dead_min": "float64", "dead_max": "float64",
               "injured_min": "float64", "injured_max": "float64"},
    "reports": {"cluster": "string", "document": "string", "outlet": "string", "url": "string",
                "published": "date", "copy_of": "string", "event": "string", "claim": "string", "text": "string",
                "polarity": "string", "certainty": "string"},
    "claims": {"claim": "string", "document": "string", "outlet": "string", "url": "string", "published": "date",
               "copy_of": "string", "source_text": "string", "source_kind": "string", "source_key": "string",
               "source_name": "string", "cue": "string", "content": "string", "certainty": "string",
               "polarity": "string", "stated_at": "string", "cluster": "string", "reports": "int64",
               "independent_sources": "int64"},
    "entities": {"id": "string", "name": "string", "type": "string", "country": "string", "sector": "string",
                 "wikidata": "string", "aliases": "string", "documents": "int64", "mentions": "int64",
                 "outlets": "string", "first_seen": "date", "last_seen": "date"},
    "contradictions": {"cluster": "string", "type": "string", "kind": "string", "field": "string",
                       "actor_key": "string", "actor_name": "string", "target_key": "string",
                       "target_name": "string", "document": "string", "outlet": "string", "published": "date",
                       "value": "string", "text": "string"},
}


def _get(obj: dict[str, Any] | None, key: str) -> Any:
    return obj.get(key) if obj else None


def _joined(values: list[Any] | None) -> str | None:
    """A list in one cell: joined by "; " (outlets, names), so a cell stays a plain string."""
    return "; ".join(map(str, values)) if values else None


def _parties(record: dict[str, Any], *roles: str) -> dict[str, Any]:
    return {f"{role}_{part}": _get(record.get(role), part) for role in roles for part in ("key", "name", "country")}


def event_rows(bundle: Bundle) -> list[dict[str, Any]]:
    rows = []
    for e in bundle.events:
        happened = e.get("happened") or [None, None]
        rows.append({**e, "types": _joined(e["types"]), "outlets": _joined(e["outlets"]),
                     **_parties(e, "actor", "target", "location"),
                     "happened_from": happened[0], "happened_to": happened[1],
                     "contradictions": len(bundle.contradictions_of(e["cluster"])),
                     **{f"{n}_{b}": _get(e.get(n), b) for n in ("size", "dead", "injured") for b in ("min", "max")}})
    return rows


def report_rows(bundle: Bundle) -> list[dict[str, Any]]:
    return [{"cluster": e["cluster"], **ev} for e in bundle.events for ev in e["evidence"]]


def claim_rows(bundle: Bundle) -> list[dict[str, Any]]:
    rows = []
    for c in bundle.claims:
        source = c.get("source") or {}
        entity = source.get("entity")
        rows.append({**c, "source_text": source.get("text"), "source_kind": source.get("kind"),
                     "source_key": _get(entity, "key"), "source_name": _get(entity, "name")})
    return rows


def entity_rows(bundle: Bundle) -> list[dict[str, Any]]:
    return [{**e, "aliases": _joined(e["aliases"]), "outlets": _joined(e["outlets"])} for e in bundle.entities]


def contradiction_rows(bundle: Bundle) -> list[dict[str, Any]]:
    """One row per side of a contradiction (each report with its value)."""
    rows = []
    for c in bundle.contradictions:
        head = {"cluster": c["cluster"], "type": c["type"], "kind": c["kind"], "field": c["field"],
                "actor_key": _get(c["actor"], "key"), "actor_name": _get(c["actor"], "name"),
                "target_key": _get(c["target"], "key"), "target_name": _get(c["target"], "name")}
        for r in c["reports"]:
            value = r.get("value")
            rows.append({**head, **r, "value": value if value is None or isinstance(value, str)
                         else json.dumps(value, ensure_ascii=False, default=str)})
    return rows


BUILDERS: dict[str, Callable[[Bundle], list[dict[str, Any]]]] = {
    "events": event_rows, "reports": report_rows, "claims": claim_rows, "entities": entity_rows,
    "contradictions": contradiction_rows}


def tables(bundle: Bundle) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows, restricted to (and ordered by) its columns."""
    return {name: [{col: row.get(col) for col in TABLES[name]} for row in BUILDERS[name](bundle)]
            for name in TABLES}


def _arrow_table(rows: list[dict[str, Any]], schema: Schema):
    import datetime as dt

    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "date": pa.date32()}
    columns = {}
    for col, kind in schema.items():
        values = [row[col] for row in rows]
        if kind == "date":  # a contract date may be a month or a year ("2024-03"): its first day, else null
            values = [_date(v, dt) for v in values]
        elif kind == "string":
            values = [None if v is None else str(v) for v in values]
        columns[col] = pa.array(values, type=types[kind])
    return pa.table(columns)


def _date(value: Any, dt) -> Any:
    if not value:
        return None
    text = str(value)
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def write_parquet(bundle: Bundle, folder: Path) -> list[Path]:
    """One Parquet file per table in `folder`; returns the paths written."""
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables(bundle).items():
        path = folder / f"{name}.parquet"
        pq.write_table(_arrow_table(rows, TABLES[name]), path)
        written.append(path)
    return written


def write_csv_tables(bundle: Bundle, folder: Path) -> list[Path]:
    """One CSV file per table in `folder` (a header, empty cells for nulls); returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables(bundle).items():
        path = folder / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(TABLES[name]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written
