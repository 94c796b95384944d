"""The ASGI app of `claimwatch serve`: the JSON API under /api, the web UI at /, the OpenAPI
document at /openapi.json and its browsable docs at /docs — one process, one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from claimwatch import __version__
from claimwatch.api import problems, routes, writes
from claimwatch.api.middleware import RequestGuard, SecurityHeaders
from claimwatch.api.service import Service
from claimwatch.api.settings import Settings
from claimwatch.knowledge import KnowledgeBase

DESCRIPTION = """Who asserts what in the news, how sure, what happened to whom — and who else says so.

Reads take the command line's filters (`about`, `type`, `since`, `until`, `min_sources`, `source`) and
answer the knowledge contract's rows, paged with `limit` and `offset` (`total` in the body and in
`X-Total-Count`). Errors are problem details (`application/problem+json`). Writes need
`Authorization: Bearer TOKEN`, the token the server was started with."""


def create_app(settings: Settings | None = None, *, store: KnowledgeBase | None = None, ui: bool = True) -> FastAPI:
    """The app over `settings.db` (or an open `store`, which the caller keeps and closes)."""
    settings = settings or Settings()
    service = Service(settings, store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if store is None:
            service.close()

    app = FastAPI(title="claimwatch", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.service = service
    app.include_router(routes.router)
    app.include_router(writes.router)
    html_error = None
    if ui:
        from claimwatch.web import mount

        html_error = mount(app)
    problems.install(app, html_error)
    app.add_middleware(RequestGuard, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
