"""The endpoints that run the analysis: POST /api/analyze (nothing stored, no token) and
POST /api/documents (stored; needs the server's bearer token)."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from claimwatch.api import schemas as s
from claimwatch.api.problems import ProblemError, responses
from claimwatch.api.routes import json_response, opt, service

router = APIRouter(prefix="/api", tags=["analysis"])
bearer = HTTPBearer(auto_error=False, description="The token the server was started with (--token or "
                    "CLAIMWATCH_TOKEN).")

NO_TOKEN = ("writes are off: this server has no token; start it with `claimwatch serve --token TOKEN` or set "
            "CLAIMWATCH_TOKEN, then send `Authorization: Bearer TOKEN`")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Writes need the configured token; with none configured they are refused, saying how to set one."""
    token = service(request).settings.token
    if not token:
        raise ProblemError(403, NO_TOKEN, "writes-disabled")
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ProblemError(401, "send the server's token as `Authorization: Bearer TOKEN`", "unauthorized",
                           {"WWW-Authenticate": 'Bearer realm="claimwatch"'})


def _one_input(body: s.AnalyzeIn, *fields: str) -> tuple[str, Any]:
    given = [(f, getattr(body, f)) for f in fields if getattr(body, f) is not None]
    if len(given) != 1:
        raise ProblemError(422, f"give exactly one of {', '.join(fields)}", "invalid-request")
    return given[0]


@router.post("/analyze", responses=responses(400, 413, 422, 503),
             response_model=dict[str, Any], response_description="The analysis of the data contract (DESIGN.md).")
def analyze(request: Request, body: s.AnalyzeIn) -> Response:
    """Analyse one text or HTML page and answer its analysis; nothing is stored. Bounded in body
    size and analysis time (503 past the limit)."""
    _, text = _one_input(body, "text", "html")
    analysis = service(request).analyze(text, opt(body.published), opt(body.url))
    return json_response(analysis.to_dict())


@router.post("/documents", status_code=201, response_model=s.IngestOut,
             responses={**responses(400, 401, 403, 413, 422, 503),
                        200: {"model": s.IngestOut, "description": "Nothing new: the documents were stored"}},
             dependencies=[Depends(require_token)])
def add_documents(request: Request, body: s.DocumentIn) -> Response:
    """Store a document (`text` or `html`) or fetch and store `urls`; each is analysed once, and a
    copy of a stored text is recorded as a publication of its own. Needs the bearer token."""
    kind, value = _one_input(body, "text", "html", "urls")
    svc = service(request)
    if kind == "urls":
        result = svc.add_urls([u.strip() for u in value])
    else:
        result = svc.add_text(value, published=opt(body.published), url=opt(body.url), outlet=opt(body.outlet))
    return json_response(result, status=201 if result["stored"] else 200)
