"""The web UI of `claimwatch serve`: server-side Jinja2 pages (autoescaped), a stylesheet and
small scripts served from this package, and JavaScript libraries vendored from npm under
static/vendor (with their licences). No build step, no CDN, no inline script or style."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from claimwatch import __version__
from claimwatch.web.views import query, safe_url

HERE = Path(__file__).parent


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else ("" if value is None else str(value))


def _span(value: dict | None) -> str:
    """A cluster's number range: 12, or 2,000–3,000."""
    if not value:
        return ""
    lo, hi = _number(value.get("min")), _number(value.get("max"))
    return lo if lo == hi else f"{lo}–{hi}"


def templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(number=_number, span=_span, safe_url=safe_url,
                       actor=lambda a: (a or {}).get("name") or "—",
                       short=lambda doc_id: (doc_id or "").removeprefix("sha256:")[:10])
    env.globals.update(query=query, version=__version__)
    return Jinja2Templates(env=env)


def mount(app: FastAPI) -> Callable[[Request, int, str], Response]:
    """Add the pages, /docs and /static to the app; return the HTML error page for the handlers."""
    from claimwatch.web import pages

    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages.router)
    return pages.error_page
