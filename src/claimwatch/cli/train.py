"""`claimwatch train NAME DIR`: rebuild a learned model of claimwatch from public gold data."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated

import typer

from claimwatch.cli.common import FormatOpt, default_format, emit, fail, require_choice, require_path

app = typer.Typer()

TRAINABLE = ("attribution", "factuality")


@app.command("train")
def train(
    name: Annotated[str, typer.Argument(help=f"What to train: {', '.join(TRAINABLE)}.")],
    path: Annotated[Path, typer.Argument(help="The training data: a PolNeAR split folder (attribution), a "
                                         "factuality corpus folder with train.conll (factuality).")],
    out: Annotated[Path | None, typer.Option("--out", help="Where to write the model (default: the packaged one).")]
    = None,
    fmt: FormatOpt = None,
) -> None:
    """Train a model on gold data and write it where claimwatch loads it."""
    require_choice(name, TRAINABLE, "model")
    require_path(path, folder=True)
    module = importlib.import_module(f"claimwatch.training.{name}")
    try:
        summary = module.train(path, out) if out is not None else module.train(path)
    except FileNotFoundError as exc:
        fail(str(exc))
        raise typer.Exit(1) from exc
    emit({"model": name, **summary}, default_format(fmt))
