"""What the pages show, computed from the service's answers: a cluster's reports with their
numbers side by side, the timeline's bars, safe links. No HTML here (the templates escape)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from claimwatch.api.service import Service

NUMBERS = ("size", "dead", "injured")


def safe_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs: a `javascript:` or `data:` URL from a page is never a link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def query(**params: Any) -> str:
    """A query string of the non-empty parameters (for links that keep the filters)."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "", False)})


@dataclass
class ReportRow:
    evidence: dict[str, Any]
    original_outlet: str | None = None
    numbers: dict[str, Any] = field(default_factory=dict)
    contested: set[str] = field(default_factory=set)  # the number fields other outlets contradict
    denial: bool = False
    retracted: bool = False


@dataclass
class ClusterView:
    cluster: dict[str, Any]
    reports: list[ReportRow]
    contradictions: list[dict[str, Any]]
    originals: list[str]  # outlets that first published an affirming report
    copies: list[tuple[str, str | None]]  # (outlet, outlet of the original)
    deniers: list[str]


def cluster_view(service: Service, cluster: dict[str, Any]) -> ClusterView:
    """The reports by date and outlet, each with its event's numbers, and what contradicts what."""
    contradictions = service.contradictions(cluster=cluster["cluster"])
    contested: dict[tuple[str, str], bool] = {}
    retracted: set[str] = set()
    for c in contradictions:
        for r in c["reports"]:
            if c["kind"] in ("number", "revision"):
                contested[(r["document"], c["field"])] = True
            if c["kind"] == "retraction":
                retracted.add(r["document"])
    outlets = {d["id"]: d["outlet"] for d in service.documents()}
    rows = []
    for ev in sorted(cluster["evidence"], key=lambda e: (e.get("published") or "9999", e.get("outlet") or "")):
        row = ReportRow(ev, outlets.get(ev["copy_of"]) if ev.get("copy_of") else None)
        found = service.document(ev["document"])
        if found is not None:
            event = next((v for v in found[1].events if v.id == ev.get("event")), None)
            if event is not None:
                row.numbers = {k: getattr(event, k) for k in NUMBERS if getattr(event, k) is not None}
        row.contested = {f for f in row.numbers if (ev["document"], f) in contested}
        row.denial = ev.get("polarity") == "negative"
        row.retracted = ev["document"] in retracted
        rows.append(row)
    originals = sorted({r.evidence["outlet"] or "?" for r in rows if not r.evidence.get("copy_of") and not r.denial})
    copies = sorted({(r.evidence["outlet"] or "?", r.original_outlet) for r in rows if r.evidence.get("copy_of")},
                    key=lambda c: (c[0], c[1] or ""))
    deniers = sorted({r.evidence["outlet"] or "?" for r in rows if r.denial})
    return ClusterView(cluster, rows, contradictions, originals, copies, deniers)


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    period: str
    events: int


def bars(buckets: list[dict[str, Any]], width: int = 960, height: int = 220) -> list[Bar]:
    """The timeline's bars in a width × height SVG box (no inline styles: geometry is attributes)."""
    if not buckets:
        return []
    top = max(b["events"] for b in buckets) or 1
    step = width / len(buckets)
    out = []
    for i, b in enumerate(buckets):
        h = (height - 20) * b["events"] / top
        out.append(Bar(round(i * step + step * 0.1, 2), round(height - h, 2), round(max(step * 0.8, 1), 2),
                       round(h, 2), b["period"], b["events"]))
    return out
