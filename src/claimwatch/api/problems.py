"""Errors as RFC 9457 problem details (`application/problem+json`), so that every client — a
script, the web UI, schemathesis — reads the same {type, title, status, detail} whatever failed."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimwatch.api.settings import SECURITY_HEADERS

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("claimwatch.api")


class Problem(BaseModel):
    """A problem detail: `type` names the kind of error, `detail` says what to do about it."""

    type: str
    title: str
    status: int
    detail: str | None = None


class ProblemError(Exception):
    """Raised anywhere in a request to answer with a problem detail."""

    def __init__(self, status: int, detail: str, kind: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers
        self.kind = kind or _slug(status)


def _slug(status: int) -> str:
    return HTTPStatus(status).phrase.lower().replace(" ", "-").replace("'", "")


def problem_body(status: int, detail: str | None, kind: str | None = None) -> dict[str, Any]:
    return {"type": f"urn:claimwatch:problem:{kind or _slug(status)}", "title": HTTPStatus(status).phrase,
            "status": status, "detail": detail}


def problem_response(status: int, detail: str | None, kind: str | None = None,
                     headers: dict[str, str] | None = None) -> Response:
    """The problem as JSON, with the security headers (a 500 is answered outside the middleware)."""
    return JSONResponse(problem_body(status, detail, kind), status_code=status, media_type=PROBLEM_JSON,
                        headers={**SECURITY_HEADERS, **(headers or {})})


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the problem statuses an endpoint may answer."""
    return {s: {"model": Problem, "description": HTTPStatus(s).phrase,
                "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            for s in statuses}


def install(app: FastAPI, html_error: Any = None) -> None:
    """Problem-detail handlers on the app; `html_error(request, status, detail)` renders the web UI's
    pages (anything outside /api and the OpenAPI document) as HTML instead."""

    def answer(request: Request, status: int, detail: str, kind: str | None = None,
               headers: dict[str, str] | None = None) -> Response:
        if html_error is not None and not request.url.path.startswith(("/api/", "/openapi.json", "/static/")):
            try:
                return html_error(request, status, detail)
            except Exception:  # the page itself failed: the problem as JSON still answers
                log.exception("cannot render the error page")
        return problem_response(status, detail, kind, headers)

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> Response:
        return answer(request, exc.status, exc.detail, exc.kind, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such page: {request.url.path}"
        return answer(request, exc.status_code, detail, None, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return answer(request, 422, _validation_detail(exc), "invalid-request")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return answer(request, 500, "an internal error; the server's log has the details", "internal")
