"""What every command shares: output formats and the one-line error."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


FormatOpt = Annotated[Format | None, typer.Option("--format", "-f",
                      help="json, jsonl (default when piped), table (default on a terminal) or csv.")]


def default_format(fmt: Format | None) -> Format:
    """A table on a terminal, JSON Lines when piped."""
    if fmt is not None:
        return fmt
    return Format.table if sys.stdout.isatty() else Format.jsonl


def emit(obj: dict[str, Any], fmt: Format) -> None:
    """One object on stdout: indented for json, one line otherwise."""
    indent = 2 if fmt is Format.json else None
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=indent, default=str) + "\n")
    sys.stdout.flush()


def fail(message: str) -> None:
    """The one clear line on stderr."""
    typer.secho(f"error: {message}", fg="red", err=True)


def use_accurate_mode() -> None:
    """Turn the accurate mode on, or stop with one line and exit 2 when its packages are not installed."""
    from claimwatch import config
    from claimwatch.nlp.context import check_installed

    try:
        check_installed()
    except ModuleNotFoundError as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc
    config.use_accurate()


def require_path(path: Path, *, folder: bool = False) -> None:
    """Stop with one line and exit 2 unless `path` exists (and is a folder, where one is needed)."""
    if not (path.is_dir() if folder else path.exists()):
        fail(f"{path}: no such {'folder' if folder else 'file or folder'}")
        raise typer.Exit(2)
