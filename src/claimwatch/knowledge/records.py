"""What the knowledge queries answer, as typed records; `to_dict()` gives the knowledge contract's
JSON (README, "The knowledge contract"). `KnowledgeBase.events()` answers `EventCluster`s
(knowledge/clusters.py); the other queries answer the records here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from claimwatch.knowledge.claims import ClaimRow
from claimwatch.knowledge.identity import Actor

T = TypeVar("T")


class Rows(list[T], Generic[T]):
    """A query's records; `undated` counts those left out of a date window for want of a date."""

    def __init__(self, items: list[T] | None = None, undated: int = 0) -> None:
        super().__init__(items or [])
        self.undated = undated

    def to_dicts(self) -> Rows[dict[str, Any]]:
        """Every record as the contract's JSON object (with the same count of undated ones)."""
        return Rows([item.to_dict() for item in self], self.undated)  # type: ignore[attr-defined]


@dataclass
class Contradiction:
    """Reports of one happening that disagree (`kind`: number, revision, polarity, retraction)."""

    cluster: str
    type: str
    actor: Actor | None
    target: Actor | None
    kind: str
    field: str
    reports: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"cluster": self.cluster, "type": self.type,
                "actor": self.actor.to_dict() if self.actor else None,
                "target": self.target.to_dict() if self.target else None,
                "kind": self.kind, "field": self.field, "reports": self.reports}


@dataclass
class ClaimRecord:
    """A claim with its publication and cluster, and how many make the same claim."""

    claim: ClaimRow
    reports: int
    independent_sources: int

    def to_dict(self) -> dict[str, Any]:
        return {**self.claim.to_dict(), "reports": self.reports, "independent_sources": self.independent_sources}


@dataclass
class ActorSummary:
    """An actor across documents: the names seen, where and how often."""

    actor: Actor
    name: str
    aliases: list[str]
    documents: int
    mentions: int
    outlets: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None

    def to_dict(self) -> dict[str, Any]:
        a = self.actor
        return {"id": a.key, "name": self.name, "type": a.type, "country": a.country, "sector": a.sector,
                "wikidata": a.wikidata, "aliases": self.aliases, "documents": self.documents,
                "mentions": self.mentions, "outlets": self.outlets, "first_seen": self.first_seen,
                "last_seen": self.last_seen}


@dataclass
class Edge:
    """An edge of the actor graph: actor → target for one event type."""

    actor: dict[str, str]  # key and name of the node
    target: dict[str, str]
    type: str
    attributes: dict[str, Any]  # reports, independent_sources, denials, first/last seen, certainty, evidence

    @property
    def reports(self) -> int:
        return int(self.attributes.get("reports", 0))

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "target": self.target, "type": self.type, **self.attributes}
