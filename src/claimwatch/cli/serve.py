"""`claimwatch serve`: the HTTP API and the web UI over a store, in one process."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from claimwatch.cli.common import fail
from claimwatch.errors import ClaimwatchError

app = typer.Typer()


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help="KnowledgeBase: a SQLite file or a database URL "
                                           "(default: $CLAIMWATCH_DB, else ./claimwatch.db).")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the "
                                      "network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="CLAIMWATCH_TOKEN", show_envvar=True,
                                              help="Bearer token that writes (POST /api/documents) need; "
                                              "without one, writes are refused.")] = None,
    max_body: Annotated[int, typer.Option("--max-body", min=1024, help="Largest request body, in "
                                          "bytes.")] = 2 * 1024 * 1024,
    analysis_timeout: Annotated[float, typer.Option("--analysis-timeout", min=0.1, help="Seconds an analysis "
                                                    "may take before the request is answered 503.")] = 60.0,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Let POST /api/documents fetch "
                                                "private and loopback addresses.")] = False,
) -> None:
    """Serve the HTTP API (/api, OpenAPI at /openapi.json, docs at /docs) and the web UI at /."""
    import uvicorn

    from claimwatch.api import Settings, create_app

    settings = Settings(db=db, token=token or "", max_body_bytes=max_body, analysis_timeout_s=analysis_timeout,
                        allow_private=allow_private)
    try:
        application = create_app(settings)
    except ClaimwatchError as exc:
        fail(str(exc))
        raise typer.Exit(2) from exc
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"claimwatch: serving {application.state.service.store.url} on http://{shown}:{port}/ "
               f"(writes {'need the bearer token' if settings.token else 'are off: no --token'})", err=True)
    if not _loopback(host):
        typer.echo(f"warning: listening on {host}, beyond this machine", err=True)
    uvicorn.run(application, host=host, port=port, log_level="info", access_log=False)
