"""The command line: parses arguments and calls the layers; nothing else happens here.

Each module registers its commands on `app`: analyze.py (analyze, extract), and the others
by topic.
"""

from __future__ import annotations

import typer

app = typer.Typer(help="Who asserts what in the news, how sure, and who else says so.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _register() -> None:
    from claimwatch.cli import analyze, evaluate, export, knowledge, serve, timeline, train

    for sub in (analyze, evaluate, knowledge, timeline, export, train, serve):
        for command in sub.app.registered_commands:
            app.registered_commands.append(command)


_register()
