"""`claimwatch analyze` and `claimwatch extract`: one article in, its analysis out."""

from __future__ import annotations

from typing import Annotated

import typer

from claimwatch.cli.common import Format, FormatOpt, default_format, emit, fail
from claimwatch.errors import ClaimwatchError, InputError

app = typer.Typer()



FilesArg = Annotated[list[str], typer.Argument(help="Text or HTML files; - reads standard input.")]
PublishedOpt = Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD); anchors 'today'.")]
UrlOpt = Annotated[str | None, typer.Option(help="The page's address, recorded with the document.")]


def _read_all(files: list[str], published: str | None, url: str | None):
    from claimwatch.ingest import read_document

    for name in files:
        try:
            yield name, read_document(name, published=published, url=url)
        except InputError as exc:
            yield name, exc


@app.command()
def extract(files: FilesArg, published: PublishedOpt = None, url: UrlOpt = None, fmt: FormatOpt = None) -> None:
    """Print the document only: clean text, metadata and excluded boilerplate, without the NLP."""
    from dataclasses import asdict

    fmt = default_format(fmt)
    failed = False
    for name, doc in _read_all(files, published, url):
        if isinstance(doc, InputError):
            fail(str(doc))
            emit({"file": name, "error": str(doc)}, Format.jsonl if fmt is Format.table else fmt)
            failed = True
            continue
        row = asdict(doc)
        row["excluded"] = [{"span": list(e["span"]), "reason": e["reason"]} for e in row["excluded"]]
        emit(row, Format.json if fmt is Format.table else fmt)
    raise typer.Exit(1 if failed else 0)


@app.command()
def analyze(files: FilesArg, published: PublishedOpt = None, url: UrlOpt = None, fmt: FormatOpt = None) -> None:
    """Analyse articles: entities, attributed claims with certainty, events, quantities, times."""
    from claimwatch.nlp.pipeline import Failure, analyze_documents

    fmt = default_format(fmt)
    inputs = list(_read_all(files, published, url))
    good = [doc for _, doc in inputs if not isinstance(doc, InputError)]
    try:
        results = analyze_documents(good)
        failed = False
        console = None
        for name, doc in inputs:
            result = doc if isinstance(doc, InputError) else next(results)
            if isinstance(result, InputError | Failure):
                message = str(result) if isinstance(result, InputError) else f"{name}: {result.error}"
                fail(message)
                emit({"file": name, "error": message}, Format.jsonl if fmt is Format.table else fmt)
                failed = True
            elif fmt is Format.table:
                from rich.console import Console

                from claimwatch.export.summary import print_summary

                console = console or Console()
                print_summary(result, console, label=name)
            else:
                emit(result.to_dict(), fmt)
    except ClaimwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc
    raise typer.Exit(1 if failed else 0)
