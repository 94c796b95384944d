"""The shapes of requests and answers, for the OpenAPI document: the knowledge contract's rows
(README, "The knowledge contract") with the fields clients rely on typed; any further field the
store adds is passed through (`extra="allow"`)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    """One page of a list: `total` rows match, `undated` were left out of the date window."""

    total: int | None = Field(description="rows matching the filters (null where unknown, as for search)")
    limit: int
    offset: int
    undated: int = 0
    items: list[T]


class ActorRef(Open):
    key: str
    name: str | None = None
    type: str | None = None
    country: str | None = None
    wikidata: str | None = None


class Evidence(Open):
    document: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    copy_of: str | None = None
    event: str | None = None
    claim: str | None = None
    text: str | None = None
    polarity: str | None = None
    certainty: str | None = None


class NumberRange(Open):
    min: float
    max: float


class EventCluster(Open):
    cluster: str
    type: str
    types: list[str]
    mode: str | None = None
    actor: ActorRef | None = None
    target: ActorRef | None = None
    location: ActorRef | None = None
    first_reported: str | None = None
    last_reported: str | None = None
    reports: int
    outlets: list[str]
    copies: int
    independent_sources: int
    denials: int
    size: NumberRange | None = None
    dead: NumberRange | None = None
    injured: NumberRange | None = None
    certainty: dict[str, int] = {}
    evidence: list[Evidence]


class ContradictionReport(Evidence):
    value: Any = None
    bound: str | None = None


class Contradiction(Open):
    cluster: str
    type: str
    actor: ActorRef | None = None
    target: ActorRef | None = None
    kind: str = Field(description="number, revision, polarity or retraction")
    field: str | None = None
    reports: list[ContradictionReport]


class ClaimSource(Open):
    text: str | None = None
    kind: str | None = None
    entity: Any = None


class ClaimRow(Open):
    document: str
    outlet: str | None = None
    published: str | None = None
    claim: str
    source: ClaimSource | None = None
    cue: str | None = None
    content: str
    certainty: str
    polarity: str
    stated_at: str | None = None
    cluster: str | None = None
    reports: int
    independent_sources: int


class EntityRow(Open):
    id: str
    name: str
    type: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    aliases: list[str]
    documents: int
    mentions: int
    outlets: list[str]
    first_seen: str | None = None
    last_seen: str | None = None


class GraphNode(Open):
    id: str
    label: str | None = None
    type: str | None = None
    country: str | None = None
    wikidata: str | None = None


class GraphEdge(Open):
    actor: ActorRef
    target: ActorRef
    type: str
    reports: int
    independent_sources: int
    denials: int
    first_seen: str | None = None
    last_seen: str | None = None
    evidence: list[Evidence] = []


class Graph(BaseModel):
    level: str
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    total_edges: int = Field(description="edges in the window before `limit`")
    undated: int


class DocumentMeta(Open):
    id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    copy_of: str | None = None
    ingested_at: str | None = None


class DocumentOut(DocumentMeta):
    """A document's metadata with its text, clusters and analysis."""

    text: str
    clusters: list[str] = Field(description="the event clusters this document reports")
    analysis: dict[str, Any] = Field(description="the analysis of the data contract (DESIGN.md)")


class SearchHit(Open):
    document_id: str
    title: str | None = None
    snippet: str | None = None
    claim_id: str | None = None
    source: str | None = None
    content: str | None = None


class Bucket(BaseModel):
    period: str = Field(description="2024-03-04, 2024-W10 or 2024-03")
    start: str
    events: int
    reports: int
    independent_sources: int
    types: dict[str, int]


class Timeline(BaseModel):
    about: str | None
    dyad: list[str] | None
    type: str | None
    interval: str
    buckets: list[Bucket]
    total: int
    undated: int


class AnalyzeIn(BaseModel):
    """Exactly one of `text` (plain text) and `html` (a page)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="plain text (markup in it is read as a page)")
    html: str | None = Field(None, description="an HTML page")
    published: str | None = Field(None, description="ISO date, anchors relative times", examples=["2024-10-24"])
    url: str | None = None


class DocumentIn(AnalyzeIn):
    """A document (`text` or `html`, with `published`, `url`, `outlet`) or `urls` to fetch."""

    outlet: str | None = Field(None, description="default: the page's site name, else the URL's host")
    urls: list[str] | None = Field(None, min_length=1,
                                   description="pages, feeds or URL lists to fetch (http and https only)")


class Failure(BaseModel):
    input: str
    error: str


class IngestOut(BaseModel):
    stored: int
    duplicates: int
    failed: list[Failure]
    unanalysed: int = Field(0, description="stored without analysis: a language the analysis does not read")
    documents: list[str] = Field(description="ids of the documents this request stored")
