"""`claimwatch eval NAME PATH`: score a component on gold data."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimwatch.cli.common import Format, FormatOpt, emit, fail, require_path, use_accurate_mode
from claimwatch.errors import ClaimwatchError
from claimwatch.evaluation import Scorecard

app = typer.Typer()

class Evaluation(StrEnum):
    """The components `claimwatch eval` scores, each against its gold data."""

    polnear = "polnear"
    factuality = "factuality"
    events = "events"
    quantities = "quantities"


def _scorer(name: Evaluation) -> Callable[[Path], Scorecard]:
    """The scoring function of a component (imported only when asked for: each loads its own data)."""
    if name is Evaluation.polnear:
        from claimwatch.evaluation.polnear import evaluate as score
    elif name is Evaluation.factuality:
        from claimwatch.evaluation.factuality import evaluate as score
    elif name is Evaluation.events:
        from claimwatch.evaluation.events import evaluate as score
    else:
        from claimwatch.evaluation.quantities import evaluate as score
    return score


@app.command("eval")
def evaluate(
    name: Annotated[Evaluation, typer.Argument(help="What to score.")],
    path: Annotated[Path, typer.Argument(help="The gold data (a folder or a file).")],
    fmt: FormatOpt = None,
    accurate: Annotated[bool, typer.Option("--accurate", help="The accurate mode: a transformer reads "
                                           "every sentence for attribution and factuality (slower; needs "
                                           "claimwatch[accurate]; CLAIMWATCH_ACCURATE=1).")] = False,
) -> None:
    """Score a component on gold data and print precision, recall and F1."""
    require_path(path)
    if accurate:
        use_accurate_mode()
    _print_report(_scorer(name)(path), name.value, fmt)


DEFAULT_TEXTS = Path("../shared/data/polnear/train/text")
DEFAULT_CACHE = Path.home() / ".cache" / "claimwatch" / "bench"


@app.command()
def bench(
    path: Annotated[Path | None, typer.Argument(help="A folder of *.txt articles (or one file); or `store` with "
                                                "--documents to time a synthetic store as it grows.")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Time the knowledge queries on this store instead "
                                           "(a SQLite file or a database URL); with `store`, the empty store "
                                           "to write (default: a temporary SQLite file).")] = None,
    documents: Annotated[list[int] | None, typer.Option("--documents", "-n", min=1, help="With `store`: a size "
                                                        "to reach and time (repeat for each size).")] = None,
    texts: Annotated[Path, typer.Option("--texts", help="With `store`: the real texts whose analyses the "
                                        "synthetic documents reuse.")] = DEFAULT_TEXTS,
    base: Annotated[int, typer.Option("--base", min=3, help="With `store`: how many of those texts.")] = 300,
    about: Annotated[str | None, typer.Option("--about", help="With `store`: the actor of the timed "
                                              "`events --about` (default: the most named person).")] = None,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="With `store`: runs of each query.")] = 3,
    batch: Annotated[int, typer.Option("--batch", min=1, help="With `store`: documents a write.")] = 500,
    cache: Annotated[Path, typer.Option("--cache", help="With `store`: where the analyses of the texts are "
                                        "kept.")] = DEFAULT_CACHE,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="With `store`: processes that analyse "
                                         "the texts (once; then they are read from --cache).")] = 1,
    query: Annotated[list[str] | None, typer.Option("--query", "-q", help="With `store`: time only this "
                                                    "query (repeat for more): events, 'events --about', "
                                                    "claims, 'claims --about', contradictions, graph, "
                                                    "entities.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="With `store`: go on writing a store this "
                                         "benchmark stopped writing (give the same sizes).")] = False,
    fmt: FormatOpt = None,
) -> None:
    """Time the bare spaCy parse and each component over the same texts, in one run; or, with
    --db, the knowledge queries (events, claims, contradictions, graph, entities) on a store; or,
    as `bench store --documents N`, a synthetic store's writes and queries as it grows."""
    if path == Path("store") and documents:
        require_path(texts, folder=True)
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from claimwatch.evaluation.store_scale import benchmark_store

        err = Console(stderr=True)
        columns = [TextColumn("bench store"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                   TimeElapsedColumn()]
        # on a terminal, the documents written so far; the rows of each size go to stderr either way
        with Progress(*columns, console=err, disable=not err.is_terminal) as progress:
            task = progress.add_task("bench store", total=max(documents), rate="")

            def written(count: int) -> None:
                speed = progress.tasks[0].speed
                progress.update(task, completed=count, rate=f"{speed:.1f} docs/s" if speed else "")

            try:
                report = benchmark_store(documents, db=db, texts=texts, base=base, cache=cache, about=about,
                                         repeat=repeat, batch=batch, workers=workers, only=query, resume=resume,
                                         on_checkpoint=lambda p: typer.echo(json.dumps(
                                             {**p.row(), "records": p.records}), err=True), on_batch=written)
            except ValueError as exc:
                fail(str(exc))
                raise typer.Exit(2) from exc
        _print_report(report, "bench-store", fmt)
        return
    if db is not None:
        from claimwatch.evaluation.query_speed import benchmark_queries

        try:
            report = benchmark_queries(db)
        except ClaimwatchError as exc:
            fail(str(exc))
            raise typer.Exit(2) from exc
        _print_report(report, "bench-queries", fmt)
        return
    if path is None or path == Path("store"):
        fail("give a folder of articles to time the analysis, --db STORE to time the queries, or "
             "store --documents N to time a synthetic store")
        raise typer.Exit(2)
    require_path(path)
    from claimwatch.evaluation.speed import benchmark

    _print_report(benchmark(path), "bench", fmt)


def _print_report(report: Scorecard, name: str, fmt: Format | None) -> None:
    """A report is read by people first: a table even when piped, unless --format json|jsonl asks
    for the machine form. Its last line is always the headline number."""
    if fmt in (Format.json, Format.jsonl):
        emit({"evaluation": name, "rows": report.rows, "metrics": report.metrics, "summary": report.summary}, fmt)
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 160)  # piped: don't squeeze the columns
    if report.rows:
        table = Table(*report.rows[0].keys(), title=report.title, title_justify="left")
        for row in report.rows:
            table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row.values()))
        console.print(table)
    for line in report.summary:
        print(line, flush=True)  # never wrapped or styled: scripts read the last line
