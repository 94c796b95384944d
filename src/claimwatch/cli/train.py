"""`claimwatch train NAME DIR`: rebuild a learned model of claimwatch from public gold data."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from claimwatch.cli.common import FormatOpt, default_format, emit, fail, require_path

app = typer.Typer()

class Trainable(StrEnum):
    """The learned models claimwatch ships and can rebuild."""

    attribution = "attribution"
    factuality = "factuality"


def _trainer(name: Trainable) -> Callable[..., dict[str, Any]]:
    """The training function of a model (imported only when asked for: training pulls in LightGBM)."""
    if name is Trainable.attribution:
        from claimwatch.training.attribution import train as fit
    else:
        from claimwatch.training.factuality import train as fit
    return fit


@app.command("train")
def train(
    name: Annotated[Trainable, typer.Argument(help="What to train.")],
    path: Annotated[Path, typer.Argument(help="The training data: a PolNeAR split folder (attribution), a "
                                         "factuality corpus folder with train.conll (factuality).")],
    out: Annotated[Path | None, typer.Option("--out", help="Where to write the model (default: the packaged one).")]
    = None,
    fmt: FormatOpt = None,
) -> None:
    """Train a model on gold data and write it where claimwatch loads it."""
    require_path(path, folder=True)
    fit = _trainer(name)
    try:
        summary = fit(path, out) if out is not None else fit(path)
    except FileNotFoundError as exc:
        fail(str(exc))
        raise typer.Exit(1) from exc
    emit({"model": name.value, **summary}, default_format(fmt))
