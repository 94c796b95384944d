"""`claimwatch analyze` and `claimwatch extract`: one article in, its analysis out."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from typing import Annotated

import typer

from claimwatch.cli.common import Format, FormatOpt, default_format, emit, fail, use_accurate_mode
from claimwatch.errors import ClaimwatchError, InputError
from claimwatch.model import Document

app = typer.Typer()



FilesArg = Annotated[list[str], typer.Argument(help="Text or HTML files; - reads standard input.")]
PublishedOpt = Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD); anchors 'today'.")]
UrlOpt = Annotated[str | None, typer.Option(help="The page's address, recorded with the document.")]


def _read_all(files: list[str], published: str | None, url: str | None) -> Iterator[tuple[str, Document | InputError]]:
    """Each input as a Document, or the InputError that says why it cannot be one (lazily)."""
    from claimwatch.ingest import read_document

    for name in files:
        try:
            yield name, read_document(name, published=published, url=url)
        except InputError as exc:
            yield name, exc


def _report_error(name: str, message: str, fmt: Format) -> None:
    """The one line on stderr, and the error row in the input's place in the output."""
    fail(message)
    if fmt is not Format.csv:  # a CSV keeps its one header: the error is on stderr only
        emit({"file": name, "error": message}, Format.jsonl if fmt is Format.table else fmt)


@app.command()
def extract(files: FilesArg, published: PublishedOpt = None, url: UrlOpt = None, fmt: FormatOpt = None) -> None:
    """Print the document only: clean text, metadata and excluded boilerplate, without the NLP."""
    fmt = default_format(fmt)
    failed = False
    for name, doc in _read_all(files, published, url):
        if isinstance(doc, InputError):
            _report_error(name, str(doc), fmt)
            failed = True
        else:
            emit(doc.to_dict(), Format.json if fmt is Format.table else fmt)
    raise typer.Exit(1 if failed else 0)


WorkersOpt = Annotated[int, typer.Option(
    help="Worker processes; 0 picks by the number of inputs and cores (one process for a few inputs).")]

AccurateOpt = Annotated[bool, typer.Option(
    "--accurate", help="The accurate mode: a transformer reads every sentence for attribution and factuality "
    "(slower; needs claimwatch[accurate]; CLAIMWATCH_ACCURATE=1).")]

#: Inputs per extra worker before `--workers 0` starts one: a worker costs a model load (~1 s).
INPUTS_PER_WORKER = 16


def _workers(requested: int, n_inputs: int) -> int:
    if requested > 0:
        return requested
    return max(1, min(os.cpu_count() or 1, n_inputs // INPUTS_PER_WORKER))


@app.command()
def analyze(files: FilesArg, published: PublishedOpt = None, url: UrlOpt = None, fmt: FormatOpt = None,
            workers: WorkersOpt = 0, accurate: AccurateOpt = False) -> None:
    """Analyse articles: entities, attributed claims with certainty, events, quantities, times."""
    if accurate:
        use_accurate_mode()
    from claimwatch.batch.workers import analyze_parallel
    from claimwatch.ingest import check_published
    from claimwatch.ingest.language import not_english_reason
    from claimwatch.nlp.pipeline import Failure

    fmt = default_format(fmt)
    try:
        check_published(published, "--published")
    except InputError as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc
    pending: deque[tuple[str, Document | InputError]] = deque()

    def documents() -> Iterator[tuple[Document, str]]:
        # Inputs are read as the analysis asks for them; `pending` keeps their order for the output.
        for name, doc in _read_all(files, published, url):
            pending.append((name, doc))
            if not isinstance(doc, InputError):
                yield doc, name

    failed = False
    console = None
    rows: list[dict] = []  # --format csv: the claims and events of every input, written at the end

    def flush_errors() -> None:
        nonlocal failed
        while pending and isinstance(pending[0][1], InputError):
            name, error = pending.popleft()
            _report_error(name, str(error), fmt)
            failed = True

    try:
        for result, name in analyze_parallel(documents(), workers=_workers(workers, len(files))):
            flush_errors()
            pending.popleft()
            if isinstance(result, Failure):
                _report_error(name, f"{name}: {result.error}", fmt)
                failed = True
            elif not result.analysed:  # read, but in a language the analysis does not read
                _report_error(name, not_english_reason(result.document.language, name) or name, fmt)
                failed = True
            elif fmt is Format.table:
                from rich.console import Console

                from claimwatch.export.summary import print_summary

                console = console or Console()
                print_summary(result, console, label=name)
            elif fmt is Format.csv:
                rows.extend(_csv_rows(result, name))
            else:
                emit(result.to_dict(), fmt)
        flush_errors()
    except ClaimwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc
    if fmt is Format.csv:
        import sys

        from claimwatch.export.csv import write_csv

        write_csv(rows, sys.stdout)
    raise typer.Exit(1 if failed else 0)


def _csv_rows(analysis, name: str) -> list[dict]:
    """An analysis as CSV rows: one per claim and one per event (`kind`), with the input's name."""
    doc = analysis.document
    entity = lambda eid: (analysis.entity(eid).name if analysis.entity(eid) else None)  # noqa: E731
    head = {"file": name, "document": doc.id, "published": doc.published}
    rows = [{**head, "kind": "claim", "id": c.id, "source": c.source.text, "source_kind": c.source.kind,
             "source_entity": entity(c.source.entity), "cue": c.cue.text if c.cue else None,
             "content": c.content.text, "certainty": c.certainty, "polarity": c.polarity, "stated_at": c.stated_at}
            for c in analysis.claims]
    rows += [{**head, "kind": "event", "id": v.id, "type": v.type, "mode": v.mode, "cameo": v.cameo,
              "trigger": v.trigger.text, "actor": entity(v.actor), "target": entity(v.target),
              "location": entity(v.location), "time": v.time.value if v.time else None, "modality": v.modality,
              "dead": v.dead, "injured": v.injured, "size": v.size, "claim": v.claim, "certainty": v.certainty,
              "polarity": v.polarity} for v in analysis.events]
    return rows
