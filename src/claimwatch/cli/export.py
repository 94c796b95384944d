"""`claimwatch export FORMAT`: the knowledge in the formats analysts load directly.

ftm (FollowTheMoney JSON lines), gdelt (GDELT 2.0 Events TSV), parquet and csv (tidy tables, one
file each, in the folder -o names), geojson (events at places), jsonld (schema.org Claims). The
query filters are those of `events` and `claims`; the work is in claimwatch.export.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from claimwatch.cli.common import fail
from claimwatch.cli.knowledge import AboutOpt, DbOpt, MinSourcesOpt, SinceOpt, UntilOpt, _open

app = typer.Typer()


class ExportFormat(StrEnum):
    ftm = "ftm"
    gdelt = "gdelt"
    parquet = "parquet"
    csv = "csv"
    geojson = "geojson"
    jsonld = "jsonld"


#: Formats written as one table per file, into a folder.
FOLDER_FORMATS = (ExportFormat.parquet, ExportFormat.csv)


@contextmanager
def _stream(output: str | None):
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(output, "w", encoding="utf-8", newline="") as stream:
            yield stream


def _write(fmt: ExportFormat, bundle, output: str | None, header: bool) -> str:
    """Write the bundle; returns what was written, for the line on stderr."""
    if fmt in FOLDER_FORMATS:
        from claimwatch.export.tables import write_csv_tables, write_parquet

        write = write_parquet if fmt is ExportFormat.parquet else write_csv_tables
        paths = write(bundle, Path(output or "."))
        return ", ".join(str(p) for p in paths)
    stream: TextIO
    with _stream(output) as stream:
        if fmt is ExportFormat.gdelt:
            from claimwatch.export.gdelt import write_gdelt

            return f"{write_gdelt(bundle, stream, header=header)} events"
        if fmt is ExportFormat.ftm:
            from claimwatch.export.ftm import ftm_entities

            entities = ftm_entities(bundle)
            for entity in entities:
                stream.write(json.dumps(entity, ensure_ascii=False) + "\n")
            return f"{len(entities)} entities"
        if fmt is ExportFormat.geojson:
            from claimwatch.export.geojson import feature_collection

            collection = feature_collection(bundle)
            stream.write(json.dumps(collection, ensure_ascii=False, indent=1) + "\n")
            return f"{len(collection['features'])} of {len(bundle.events)} events (those at a place with coordinates)"
        from claimwatch.export.jsonld import claims_document

        document = claims_document(bundle)
        stream.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        return f"{len(document['@graph'])} claims"


@app.command()
def export(fmt: Annotated[ExportFormat, typer.Argument(metavar="FORMAT", help="ftm, gdelt, parquet, csv, geojson "
                                                       "or jsonld.")],
           db: DbOpt = None, about: AboutOpt = None, since: SinceOpt = None, until: UntilOpt = None,
           min_sources: MinSourcesOpt = None,
           type: Annotated[str | None, typer.Option("--type", help="A PLOVER event type (events only).")] = None,
           output: Annotated[str | None, typer.Option("--output", "-o", help="The file (default: standard output); "
                                                      "for parquet and csv the folder (default: here).")] = None,
           header: Annotated[bool, typer.Option("--header", help="gdelt: the column names as a first line.")
                             ] = False) -> None:
    """Export events, claims, actors and contradictions for Aleph, GDELT scripts, pandas/DuckDB/R, maps or
    fact-checkers' tools."""
    from claimwatch.errors import ClaimwatchError
    from claimwatch.export.bundle import build_bundle

    store = _open(db)
    try:
        events = store.events(about, type=type, since=since, until=until, min_sources=min_sources)
        claims = store.claims(about, since=since, until=until, min_sources=min_sources)
        clusters = {e.id for e in events}
        contradictions = [c for c in store.contradictions(about) if c.cluster in clusters]
        bundle = build_bundle(events, claims, store.entities(about), contradictions, store.analysis)
        written = _write(fmt, bundle, output, header)
    except (ClaimwatchError, ValueError, OSError) as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc
    undated = events.undated + claims.undated
    if undated:
        typer.echo(f"note: {undated} undated item(s) left out of the date window", err=True)
    typer.echo(f"exported {written}", err=True)
