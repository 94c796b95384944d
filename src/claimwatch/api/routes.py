"""The read endpoints under /api: the CLI's queries with its filters, paged, as JSON."""

from __future__ import annotations

import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from claimwatch.api import schemas as s
from claimwatch.api.problems import responses
from claimwatch.api.service import DATE_PATTERN, Service, bad_filter

router = APIRouter(prefix="/api", tags=["knowledge"])

About = Annotated[str | None, Query(max_length=200, description="An actor: a name, a country (name or ISO "
                                    "code) or a Wikidata QID.", examples=["Iran"])]
EventType = Annotated[str | None, Query(max_length=40, description="A PLOVER event type (AID, ASSAULT, …).")]
DATE = {"pattern": DATE_PATTERN}  # a date of another form, or a day that does not exist, is a 400
Since = Annotated[str | None, Query(max_length=40, description="From this date: YYYY, YYYY-MM or YYYY-MM-DD.",
                                    examples=["2024-03"], json_schema_extra=DATE)]
Until = Annotated[str | None, Query(max_length=40, description="Up to this date (a month or year is taken whole).",
                                    examples=["2024-12-31"], json_schema_extra=DATE)]
MinSources = Annotated[int | None, Query(ge=1, le=100_000, description="At least N independent sources.")]
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
READ_ERRORS = responses(400, 422)


def service(request: Request) -> Service:
    return request.app.state.service


def opt(value: str | None) -> str | None:
    """An empty filter is no filter (what an HTML form sends for a blank field)."""
    return value.strip() or None if value is not None else None


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """JSON written directly (no re-validation): the rows are the store's, already checked by the tests."""
    body = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":")).encode()
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def page(rows: list[dict], limit: int, offset: int, total: int | None = None) -> Response:
    total = len(rows) if total is None else total
    body = {"total": total, "limit": limit, "offset": offset, "undated": getattr(rows, "undated", 0),
            "items": list(rows[offset:offset + limit])}
    return json_response(body, headers={"X-Total-Count": str(total)})


@router.get("/events", response_model=s.Page[s.EventCluster], responses=READ_ERRORS)
def events(request: Request, about: About = None, type: EventType = None, since: Since = None, until: Until = None,
           min_sources: MinSources = None, order: Literal["oldest", "newest", "sources"] = "oldest",
           limit: Limit = 50, offset: Offset = 0) -> Response:
    """Event clusters, one per happening: reports, independent sources, copies, denials, numbers, evidence."""
    rows = service(request).events(opt(about), type=opt(type), since=opt(since), until=opt(until),
                                   min_sources=min_sources, order=order)
    return page(rows, limit, offset)


@router.get("/events/{cluster}", response_model=s.EventCluster, responses=responses(404, 422))
def event(request: Request, cluster: str) -> Response:
    """One event cluster with its evidence and `contradictions` (the disagreements inside it)."""
    svc = service(request)
    row = svc.known_cluster(cluster)
    return json_response({**row, "contradictions": svc.contradictions(cluster=cluster)})


@router.get("/claims", response_model=s.Page[s.ClaimRow], responses=READ_ERRORS)
def claims(request: Request, about: About = None,
           source: Annotated[str | None, Query(max_length=200, description="Words of the claim's source, or the "
                                               "outlet.")] = None,
           since: Since = None, until: Until = None, min_sources: MinSources = None,
           limit: Limit = 50, offset: Offset = 0) -> Response:
    """Claims with their document, their cluster, and how many independent sources make them."""
    rows = service(request).claims(opt(about), source=opt(source), since=opt(since), until=opt(until),
                                   min_sources=min_sources)
    return page(rows, limit, offset)


@router.get("/entities", response_model=s.Page[s.EntityRow], responses=READ_ERRORS)
def entities(request: Request, about: About = None,
             type: Annotated[str | None, Query(max_length=40, description="country, person, organization, "
                                               "group, place, …")] = None,
             limit: Limit = 50, offset: Offset = 0) -> Response:
    """Actors across documents: names seen, documents, mentions, outlets, first and last seen."""
    return page(service(request).entities(opt(about), opt(type)), limit, offset)


@router.get("/contradictions", response_model=s.Page[s.Contradiction], responses=READ_ERRORS)
def contradictions(request: Request, about: About = None,
                   kind: Literal["number", "revision", "polarity", "retraction"] | None = None,
                   limit: Limit = 50, offset: Offset = 0) -> Response:
    """Reports of one happening that disagree: numbers, revisions, denials, retractions — both sides."""
    return page(service(request).contradictions(opt(about), kind), limit, offset)


GRAPH_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}


@router.get("/graph", response_model=s.Graph,
            responses={**READ_ERRORS, 200: {"content": {t: {} for t in GRAPH_TYPES.values()},
                                            "description": "JSON, or a GraphML / GEXF file to download"}})
def graph(request: Request, since: Since = None, until: Until = None,
          level: Literal["actor", "country"] = "actor", type: EventType = None,
          format: Literal["json", "graphml", "gexf"] = "json",
          limit: Annotated[int, Query(ge=1, le=20_000, description="At most this many edges, most reported "
                                      "first (JSON only).")] = 500) -> Response:
    """The actor graph: edges actor → target per event type, with reports, independent sources, denials."""
    svc = service(request)
    if format == "json":
        return json_response(svc.graph_view(opt(since), opt(until), level, opt(type), limit))
    from claimwatch.export.graph import write_graph

    buffer = io.BytesIO()
    write_graph(svc.graph(opt(since), opt(until), level, opt(type)), format, buffer)
    return Response(buffer.getvalue(), media_type=GRAPH_TYPES[format],
                    headers={"Content-Disposition": f'attachment; filename="claimwatch-{level}s.{format}"'})


@router.get("/documents", response_model=s.Page[s.DocumentMeta], responses=READ_ERRORS)
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Stored documents' metadata, most recently published first."""
    return page(service(request).documents(), limit, offset)


@router.get("/documents/{doc_id}", response_model=s.DocumentOut, responses=responses(404, 422))
def document(request: Request, doc_id: str) -> Response:
    """One document: metadata, text, the clusters it reports, and its whole analysis."""
    svc = service(request)
    meta, analysis = svc.known_document(doc_id)
    return json_response({**meta, "text": analysis.document.text,
                          "clusters": [c["cluster"] for c in svc.document_clusters(doc_id)],
                          "analysis": analysis.to_dict()})


@router.get("/search", response_model=s.Page[s.SearchHit], responses=READ_ERRORS)
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
           kind: Literal["documents", "claims"] = "documents",
           limit: Annotated[int, Query(ge=1, le=100)] = 20,
           offset: Annotated[int, Query(ge=0, le=1000)] = 0) -> Response:
    """Full-text search over documents (title and text) or claims (source and content), best first."""
    rows = service(request).search(q, kind, limit, offset)
    return json_response({"total": None, "limit": limit, "offset": offset, "undated": 0, "items": rows})


@router.get("/timeline", response_model=s.Timeline, responses=READ_ERRORS)
def timeline(request: Request, about: About = None,
             dyad: Annotated[str | None, Query(max_length=400, description="Two actors, comma-separated: the "
                                               "events involving both.", examples=["Iran,Syria"])] = None,
             type: EventType = None, since: Since = None, until: Until = None,
             interval: Literal["day", "week", "month"] = "day") -> Response:
    """Event clusters per day, ISO week or month, for everyone, an actor, or a pair of actors."""
    pair = None
    if opt(dyad):
        parts = [p.strip() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise bad_filter(f"dyad {dyad!r}: give two actors separated by a comma, as in Iran,Syria")
        pair = (parts[0], parts[1])
    return json_response(service(request).timeline(opt(about), pair, type=opt(type), since=opt(since),
                                                   until=opt(until), interval=interval))
