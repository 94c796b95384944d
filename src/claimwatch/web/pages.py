"""The pages of the web UI. Each reads the same service as the JSON API and renders a template;
filters arrive as an HTML form's query string (blank fields are no filter)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from claimwatch.api.problems import ProblemError
from claimwatch.api.routes import opt, service
from claimwatch.api.service import EVENT_ORDERS
from claimwatch.web import highlight
from claimwatch.web.views import bars, cluster_view

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PER_PAGE = 50
Text = Annotated[str | None, Query(max_length=200)]


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, detail: str) -> Response:
    return render(request, "error.html", status, status=status, detail=detail)


def _int(value: str | None, name: str, low: int = 0) -> int | None:
    """A number from a form field; a blank field is None."""
    value = opt(value)
    if value is None:
        return None
    if not value.isdigit() or int(value) < low:
        raise ProblemError(400, f"{name} {value!r}: give a whole number of at least {low}", "bad-filter")
    return int(value)


@router.get("/")
def events_page(request: Request, about: Text = None, type: Text = None, since: Text = None, until: Text = None,
                min_sources: Text = None, order: Text = None, page: Text = None) -> Response:
    """Event clusters with the filters: actor, event type, date range, minimum independent sources."""
    svc = service(request)
    form = {"about": opt(about), "type": opt(type), "since": opt(since), "until": opt(until),
            "min_sources": opt(min_sources), "order": opt(order) if opt(order) in EVENT_ORDERS else "newest"}
    error, rows, start = None, [], 0
    try:
        start = ((_int(page, "page", 1) or 1) - 1) * PER_PAGE
        rows = svc.events(form["about"], type=form["type"], since=form["since"], until=form["until"],
                          min_sources=_int(min_sources, "minimum sources", 1), order=form["order"])
    except ProblemError as exc:
        error = exc.detail
    return render(request, "events.html", 400 if error else 200, form=form, error=error,
                  rows=rows[start:start + PER_PAGE], total=len(rows), undated=getattr(rows, "undated", 0),
                  start=start, per_page=PER_PAGE,
                  types=svc.event_types(), actors=svc.actor_names(), contested=svc.contested())


@router.get("/clusters/{cluster}")
def cluster_page(request: Request, cluster: str) -> Response:
    """One happening: reports by outlet and date, sources vs copies, denials, numbers, contradictions."""
    svc = service(request)
    row = svc.known_cluster(cluster)
    return render(request, "cluster.html", view=cluster_view(svc, row))


@router.get("/documents")
def documents_page(request: Request, page: Text = None) -> Response:
    rows = service(request).documents()
    start = ((_int(page, "page", 1) or 1) - 1) * PER_PAGE
    return render(request, "documents.html", rows=rows[start:start + PER_PAGE], total=len(rows), start=start,
                  per_page=PER_PAGE, form={})


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str) -> Response:
    """The article with each claim's source, cue and content marked; a click shows the claim."""
    svc = service(request)
    meta, analysis = svc.known_document(doc_id)
    return render(request, "document.html", meta=meta, analysis=analysis, **_article(analysis),
                  clusters=svc.document_clusters(doc_id))


def _article(analysis) -> dict[str, Any]:
    return {"article": highlight.render(highlight.segments(analysis)), "claims": highlight.claim_views(analysis),
            "events": [highlight.event_view(analysis, v) for v in analysis.events]}


@router.get("/entities")
def entities_page(request: Request, about: Text = None, type: Text = None, page: Text = None) -> Response:
    rows = service(request).entities(opt(about), opt(type))
    start = ((_int(page, "page", 1) or 1) - 1) * PER_PAGE
    return render(request, "entities.html", rows=rows[start:start + PER_PAGE], total=len(rows), start=start,
                  per_page=PER_PAGE, form={"about": opt(about), "type": opt(type)})


@router.get("/contradictions")
def contradictions_page(request: Request, about: Text = None) -> Response:
    return render(request, "contradictions.html", rows=service(request).contradictions(opt(about)),
                  form={"about": opt(about)})


@router.get("/search")
def search_page(request: Request, q: Text = None, kind: Text = None) -> Response:
    kind = "claims" if kind == "claims" else "documents"
    rows = service(request).search(q, kind, limit=100) if opt(q) else []
    return render(request, "search.html", rows=rows, form={"q": opt(q), "kind": kind})


@router.get("/graph")
def graph_page(request: Request, since: Text = None, until: Text = None, type: Text = None, level: Text = None,
               limit: Text = None) -> Response:
    """The actor graph, drawn in the browser from /api/graph with the same filters."""
    svc = service(request)
    form = {"since": opt(since), "until": opt(until), "type": opt(type),
            "level": "country" if level == "country" else "actor", "limit": opt(limit) or "150"}
    error = None
    try:
        _int(form["limit"], "edges", 1)
        svc.graph(form["since"], form["until"], form["level"])  # a bad date shows here, not in the script
    except ProblemError as exc:
        error = exc.detail
    return render(request, "graph.html", 400 if error else 200, form=form, error=error, types=svc.event_types(),
                  actors=svc.actor_names())


@router.get("/timeline")
def timeline_page(request: Request, about: Text = None, other: Text = None, type: Text = None, since: Text = None,
                  until: Text = None, interval: Text = None) -> Response:
    """Events per day, week or month for an actor, or for a pair of actors (both involved)."""
    svc = service(request)
    form = {"about": opt(about), "other": opt(other), "type": opt(type), "since": opt(since), "until": opt(until),
            "interval": interval if interval in ("day", "week", "month") else "week"}
    error, data = None, None
    try:
        pair = (form["about"], form["other"]) if form["about"] and form["other"] else None
        data = svc.timeline(form["about"] or form["other"], pair, type=form["type"], since=form["since"],
                            until=form["until"], interval=form["interval"])
    except ProblemError as exc:
        error = exc.detail
    return render(request, "timeline.html", 400 if error else 200, form=form, error=error, data=data,
                  bars=bars(data["buckets"]) if data else [], types=svc.event_types(), actors=svc.actor_names())


@router.get("/analyze")
def analyze_form(request: Request) -> Response:
    return render(request, "analyze.html", form={})


@router.post("/analyze")
def analyze_page(request: Request, text: Annotated[str, Form(max_length=1_000_000)] = "",
                 published: Annotated[str, Form(max_length=40)] = "",
                 url: Annotated[str, Form(max_length=2000)] = "") -> Response:
    """Paste a text or an HTML page and see its analysis at once (nothing is stored)."""
    form = {"text": text, "published": published, "url": url}
    if not text.strip():
        return render(request, "analyze.html", 400, form=form, error="paste a text or an HTML page first")
    try:
        analysis = service(request).analyze(text, opt(published), opt(url))
    except ProblemError as exc:
        return render(request, "analyze.html", exc.status, form=form, error=exc.detail)
    return render(request, "analyze.html", form=form, analysis=analysis, **_article(analysis),
                  analysis_json=analysis.to_json(indent=2))


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """The OpenAPI document in Swagger UI (vendored; started by a static script)."""
    return render(request, "docs.html")
