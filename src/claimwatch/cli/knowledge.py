"""`claimwatch ingest` and the knowledge queries: claims, events, entities, contradictions, graph.

Every query is the same as its `claimwatch.Store` method; here it only gets printed: a table
on a terminal, JSON Lines when piped, or --format json|jsonl|csv.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any

import typer

from claimwatch.cli.common import Format, FormatOpt, default_format, emit, fail
from claimwatch.errors import ClaimwatchError
from claimwatch.export.records import Column, write_records

app = typer.Typer()


class GraphLevel(StrEnum):
    actor = "actor"
    country = "country"


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"


DbOpt = Annotated[str | None, typer.Option("--db", help="The store: a SQLite file or a database URL "
                                           "(default: $CLAIMWATCH_DB, else ./claimwatch.db).")]
AboutOpt = Annotated[str | None, typer.Option("--about", help="An actor: a name, a country (name or ISO code) "
                                              "or a Wikidata QID.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this date.")]
MinSourcesOpt = Annotated[int | None, typer.Option("--min-sources", min=1, help="At least N independent sources.")]


def _open(db: str | None, *, create: bool = False):
    """The store; only `ingest` creates one (a query on a missing store is an error, exit 2)."""
    from claimwatch.knowledge import KnowledgeBase

    try:
        return KnowledgeBase(db, create=create)
    except ClaimwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc


def _print(records: list[dict[str, Any]], fmt: Format | None, columns: dict[str, Column], title: str) -> None:
    """The records on stdout: a table on a terminal, JSON Lines when piped, or as --format asks."""
    write_records(records, default_format(fmt).value, sys.stdout, columns=columns, title=title)


def _run(query: Callable[[], Any]) -> Any:
    """The query's records; the count of undated ones a date window left out goes to stderr."""
    try:
        records = query()
    except (ClaimwatchError, ValueError) as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc
    undated = getattr(records, "undated", 0)
    if undated:
        typer.echo(f"note: {undated} undated item(s) left out of the date window", err=True)
    return records.to_dicts() if hasattr(records, "to_dicts") else records


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, URL lists, RSS/Atom feeds (file or URL), "
                                                 "WARC(.gz) archives, or URLs.")],
    db: DbOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Analysis processes.")] = 1,
    dask: Annotated[str | None, typer.Option("--dask", help="Analyse on a Dask cluster: a scheduler address "
                                             "(tcp://host:8786) or local[:N] for N worker processes on this "
                                             "machine (default 2); the store is written by this process.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet of every document (default: site name or "
                                                    "URL host).")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) of documents that carry "
                                                      "none of their own.")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching private and loopback "
                                                "addresses.")] = False,
    metadata: Annotated[str | None, typer.Option("--metadata", help="A TSV or CSV table with a file-name column "
                                                 "and a date column (optionally outlet, url, author, title) "
                                                 "for the inputs.")] = None,
    fmt: FormatOpt = None,
) -> None:
    """Analyse and store documents; re-running skips what is stored. Prints a summary at the end."""
    from claimwatch.ingest import check_published
    from claimwatch.ingest.metadata import read_metadata_table

    try:
        published = check_published(published, "--published")
        table = read_metadata_table(metadata) if metadata else None
        if dask:
            from claimwatch.batch.dask_runner import parse_scheduler

            parse_scheduler(dask)
    except ClaimwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from claimwatch.batch.ingest import ingest as run_ingest
    from claimwatch.ingest.sources import count_inputs

    fmt = default_format(fmt)
    err = Console(stderr=True)
    store = _open(db, create=True)
    columns = [TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TextColumn("stored {task.fields[stored]} dup {task.fields[dup]} failed {task.fields[failed]}"),
               TimeElapsedColumn()]
    counts = {"stored": 0, "duplicate": 0, "failed": 0}
    with Progress(*columns, console=err, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingest", total=count_inputs(sources), rate="", stored=0, dup=0, failed=0)

        def tick(kind: str) -> None:
            counts[kind] += 1
            speed = progress.tasks[0].speed
            progress.update(task, advance=1, stored=counts["stored"], dup=counts["duplicate"],
                            failed=counts["failed"], rate=f"{speed:.1f} docs/s" if speed else "")

        try:
            summary = run_ingest(sources, store, workers=workers, outlet=outlet, published=published,
                                 allow_private=allow_private, metadata=table, on_result=tick, dask=dask)
        except KeyboardInterrupt as exc:
            fail("interrupted: every stored document is complete; run the same command again to resume")
            raise typer.Exit(130) from exc
        except ClaimwatchError as exc:
            fail(str(exc))
            raise typer.Exit(2) from exc
    result = summary.to_dict()
    err.print(f"stored {summary.stored} ({summary.copies} copies of stored documents), duplicates "
              f"{summary.duplicates}, failed {len(summary.failed)}, unanalysed {summary.unanalysed} (not English); "
              f"{summary.analysed} analysed in "
              f"{summary.seconds:.1f}s ({summary.docs_per_s:.2f} documents/s)", highlight=False)
    for name, error in summary.failed[:20]:
        err.print(f"  failed: {name}: {error}", highlight=False, markup=False)
    if len(summary.failed) > 20:
        err.print(f"  … and {len(summary.failed) - 20} more (see --format json)")
    if fmt is not Format.table:
        emit(result, Format.json if fmt is Format.json else Format.jsonl)
    store.close()
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def events(db: DbOpt = None, about: AboutOpt = None, since: SinceOpt = None, until: UntilOpt = None,
           min_sources: MinSourcesOpt = None,
           type: Annotated[str | None, typer.Option("--type", help="A PLOVER event type (AID, ASSAULT, …).")] = None,
           fmt: FormatOpt = None) -> None:
    """Event clusters: the same happening across documents, with independent sources and denials."""
    store = _open(db)
    records = _run(lambda: store.events(about, type=type, since=since, until=until, min_sources=min_sources))
    _print(records, fmt, {"first": lambda r: r["first_reported"], "type": lambda r: r["type"],
                          "actor": lambda r: r["actor"], "target": lambda r: r["target"],
                          "reports": lambda r: r["reports"], "copies": lambda r: r["copies"],
                          "sources": lambda r: r["independent_sources"],
                          "denials": lambda r: r["denials"], "size": lambda r: r["size"], "dead": lambda r: r["dead"],
                          "evidence": lambda r: r["evidence"][0]["text"] if r["evidence"] else ""}, "events")


@app.command()
def claims(db: DbOpt = None, about: AboutOpt = None,
           source: Annotated[str | None, typer.Option("--source", help="Words of the claim's source, or the "
                                                      "outlet.")] = None,
           since: SinceOpt = None, until: UntilOpt = None, min_sources: MinSourcesOpt = None,
           fmt: FormatOpt = None) -> None:
    """Claims with their document, their cluster and how many independent sources make them."""
    store = _open(db)
    records = _run(lambda: store.claims(about, source=source, since=since, until=until, min_sources=min_sources))
    _print(records, fmt, {"published": lambda r: r["published"], "outlet": lambda r: r["outlet"],
                          "source": lambda r: r["source"], "certainty": lambda r: r["certainty"],
                          "polarity": lambda r: r["polarity"], "content": lambda r: r["content"],
                          "sources": lambda r: r["independent_sources"]}, "claims")


@app.command()
def entities(db: DbOpt = None, about: AboutOpt = None, fmt: FormatOpt = None) -> None:
    """Actors across documents: names seen, documents, mentions, first and last seen."""
    store = _open(db)
    records = _run(lambda: store.entities(about))
    _print(records, fmt, {"name": lambda r: r["name"], "type": lambda r: r["type"],
                          "country": lambda r: r["country"], "wikidata": lambda r: r["wikidata"],
                          "documents": lambda r: r["documents"], "mentions": lambda r: r["mentions"],
                          "first": lambda r: r["first_seen"], "last": lambda r: r["last_seen"]}, "entities")


@app.command()
def contradictions(db: DbOpt = None, about: AboutOpt = None, fmt: FormatOpt = None) -> None:
    """Reports of one happening that disagree: numbers, denials, retractions — with both sides."""
    store = _open(db)
    records = _run(lambda: store.contradictions(about))
    _print(records, fmt, {"kind": lambda r: r["kind"], "field": lambda r: r["field"], "type": lambda r: r["type"],
                          "actor": lambda r: r["actor"], "values": lambda r: [r2["value"] for r2 in r["reports"]],
                          "outlets": lambda r: [r2["outlet"] for r2 in r["reports"]]}, "contradictions")


@app.command()
def graph(db: DbOpt = None, since: SinceOpt = None, until: UntilOpt = None,
          export: Annotated[GraphFormat | None, typer.Option("--export", help="Write the graph as GraphML or GEXF "
                                                             "instead of the edge list.")] = None,
          output: Annotated[str | None, typer.Option("--output", "-o", help="File for --export "
                                                     "(default: standard output).")] = None,
          level: Annotated[GraphLevel, typer.Option("--level", help="actor: persons, organisations, groups and "
                                                    "states; country: everyone rolled up to their state.")
                           ] = GraphLevel.actor,
          plot: Annotated[str | None, typer.Option("--plot", help="Draw the most reported pairs into FILE.png or "
                                                   "FILE.svg.")] = None,
          fmt: FormatOpt = None) -> None:
    """The actor graph: actor → target per event type, with reports, independent sources, first/last seen."""
    from claimwatch.export.graph import write_graph

    store = _open(db)
    if plot is not None:
        from claimwatch.export.plots import plot_graph

        g = _run(lambda: store.graph(since, until, level.value))
        try:
            plot_graph(g, plot, title=f"Actor graph ({level.value} level)")
        except (ValueError, OSError) as exc:
            fail(str(exc))
            raise typer.Exit(2) from exc
        typer.echo(f"wrote {plot}", err=True)
        return
    if export is not None:
        g = _run(lambda: store.graph(since, until, level.value))
        write_graph(g, export.value, output if output else sys.stdout.buffer)
        return
    records = _run(lambda: store.graph_edges(since, until, level.value))
    _print(records, fmt, {"actor": lambda r: r["actor"], "type": lambda r: r["type"],
                          "target": lambda r: r["target"], "reports": lambda r: r["reports"],
                          "sources": lambda r: r["independent_sources"], "denials": lambda r: r["denials"],
                          "first": lambda r: r["first_seen"], "last": lambda r: r["last_seen"]}, "graph")
