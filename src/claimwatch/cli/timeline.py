"""`claimwatch timeline`: events, reports and independent sources per day, week or month — printed
like the other queries, or drawn (`--plot FILE.png|svg`). The counting is
claimwatch.knowledge.timeline's, the same the HTTP API answers."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from claimwatch.cli.common import FormatOpt, fail
from claimwatch.cli.knowledge import AboutOpt, DbOpt, SinceOpt, UntilOpt, _open, _print

app = typer.Typer()


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


@app.command()
def timeline(db: DbOpt = None, about: AboutOpt = None,
             dyad: Annotated[tuple[str, str] | None, typer.Option("--dyad", help="Two actors: the events "
                                                                  "involving both.")] = None,
             type: Annotated[str | None, typer.Option("--type", help="A PLOVER event type.")] = None,
             since: SinceOpt = None, until: UntilOpt = None,
             by: Annotated[Period, typer.Option("--by", help="day, week (ISO) or month.")] = Period.day,
             plot: Annotated[str | None, typer.Option("--plot", help="Draw the timeline into FILE.png or "
                                                      "FILE.svg instead of printing it.")] = None,
             fmt: FormatOpt = None) -> None:
    """Events, reports and independent sources per period, about an actor or a pair."""
    from claimwatch.errors import ClaimwatchError
    from claimwatch.knowledge.timeline import events_timeline

    if about and dyad:
        fail("use --about or --dyad, not both")
        raise typer.Exit(2)
    store = _open(db)

    def events(actor, **filters):
        rows = store.events(actor, **filters)
        return rows.to_dicts()

    try:
        data = events_timeline(events, about, tuple(dyad) if dyad else None, type=type, since=since, until=until,
                               interval=by.value)
        if plot:
            from claimwatch.export.plots import plot_timeline

            who = " and ".join(dyad) if dyad else about
            title = " ".join(p for p in (type.upper() if type else None, "events", f"about {who}" if who else None)
                             if p)
            plot_timeline(data, plot, title=title[0].upper() + title[1:])
    except (ClaimwatchError, ValueError, OSError) as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc
    if data["undated"]:
        typer.echo(f"note: {data['undated']} undated event(s) left out", err=True)
    if plot:
        typer.echo(f"wrote {plot}", err=True)
        return
    _print(data["buckets"], fmt, {"period": lambda r: r["period"], "events": lambda r: r["events"],
                                  "reports": lambda r: r["reports"], "sources": lambda r: r["independent_sources"],
                                  "types": lambda r: ", ".join(f"{k} {v}" for k, v in r["types"].items())},
           "timeline")
