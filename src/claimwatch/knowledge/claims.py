"""Claims across documents: each claim with its document, its cluster and how many
independent sources make it.

A claim tied to an event belongs to the event's cluster; the others are grouped when their
content is nearly the same words (MinHash LSH over content words), which is how one quote or
one agency statement travels from outlet to outlet.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from datasketch import MinHash, MinHashLSH
from sqlalchemy import select

from claimwatch.knowledge.clusters import EventCluster, _UnionFind, independent_key
from claimwatch.knowledge.dedup import scheme_kwargs
from claimwatch.knowledge.identity import Actor
from claimwatch.knowledge.reports import DocInfo, content_tokens
from claimwatch.store import SQLStore
from claimwatch.store import schema as t

CLAIM_THRESHOLD = 0.5
CLAIM_PERM = 64


@dataclass
class ClaimRow:
    doc: DocInfo
    id: str
    source_text: str | None
    source_kind: str | None
    source_entity: Actor | None
    cue: str | None
    content: str
    span: tuple[int, int]
    certainty: str | None
    polarity: str | None
    stated_at: str | None
    about: list[Actor]  # entities mentioned inside the content
    cluster: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**self.doc.brief(), "claim": self.id,
                "source": {"text": self.source_text, "kind": self.source_kind,
                           "entity": self.source_entity.to_dict() if self.source_entity else None},
                "cue": self.cue, "content": self.content, "span": list(self.span), "certainty": self.certainty,
                "polarity": self.polarity, "stated_at": self.stated_at, "cluster": self.cluster}


def load_claims(store: SQLStore, docs: dict[str, DocInfo], actors: dict[tuple[str, str], Actor]) -> list[ClaimRow]:
    m = t.mentions.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.claims)).all()
        mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for doc_id, entity_id, start, end in conn.execute(select(m.document_id, m.entity_id, m.span_start,
                                                                 m.span_end)):
            mentions[doc_id].append((start, end, entity_id))
    out = []
    starts = {}
    for doc_id, spans in mentions.items():
        spans.sort()
        starts[doc_id] = [s for s, _e, _eid in spans]
    for r in rows:
        if r.document_id not in docs:  # stored after the snapshot of documents was taken
            continue
        spans = mentions.get(r.document_id, [])
        first = bisect_left(starts.get(r.document_id, []), r.content_start)
        last = bisect_right(starts.get(r.document_id, []), r.content_end)
        about = {eid for _s, e, eid in spans[first:last] if e <= r.content_end}
        out.append(ClaimRow(
            docs[r.document_id], r.id, r.source_text, r.source_kind,
            actors.get((r.document_id, r.source_entity)) if r.source_entity else None, r.cue_text, r.content_text,
            (r.content_start, r.content_end), r.certainty, r.polarity, r.stated_at,
            [actors[(r.document_id, eid)] for eid in sorted(about) if (r.document_id, eid) in actors]))
    return out


def cluster_claims(claims: list[ClaimRow], event_clusters: list[EventCluster]) -> dict[str, list[ClaimRow]]:
    """Set each claim's `cluster`; returns the members of every cluster."""
    by_event_claim = {(r.doc.id, r.claim): cl.id for cl in event_clusters for r in cl.reports if r.claim}
    free = [cr for cr in claims if (cr.doc.id, cr.id) not in by_event_claim]
    for cr in claims:
        cr.cluster = by_event_claim.get((cr.doc.id, cr.id), "")
    lsh = MinHashLSH(threshold=CLAIM_THRESHOLD, num_perm=CLAIM_PERM)
    signatures: list[MinHash | None] = []
    template = MinHash(num_perm=CLAIM_PERM, seed=2)  # permutations drawn once, not per claim
    for n, cr in enumerate(free):
        words = content_tokens(cr.content)
        if not words:
            signatures.append(None)
            continue
        mh = MinHash(num_perm=CLAIM_PERM, seed=2, permutations=template.permutations,
                     **scheme_kwargs())
        mh.update_batch([w.encode() for w in words])
        signatures.append(mh)
        lsh.insert(n, mh)
    uf = _UnionFind(len(free))
    for n, mh in enumerate(signatures):
        if mh is None:
            continue
        for other in lsh.query(mh):
            if other != n and free[other].doc.id != free[n].doc.id and mh.jaccard(signatures[other]) >= CLAIM_THRESHOLD:
                uf.union(n, other)
    groups: dict[int, list[ClaimRow]] = defaultdict(list)
    for n, cr in enumerate(free):
        groups[uf.find(n)].append(cr)
    for members in groups.values():
        seed = min(f"{cr.doc.id}#{cr.id}" for cr in members)
        cid = "q" + hashlib.sha1(seed.encode()).hexdigest()[:12]
        for cr in members:
            cr.cluster = cid
    clusters: dict[str, list[ClaimRow]] = defaultdict(list)
    for cr in claims:
        clusters[cr.cluster].append(cr)
    return clusters


def claim_sources(members: list[ClaimRow], outlets_of_origin: dict[str, str | None]) -> tuple[int, int]:
    """(reports, independent sources) of one claim cluster; negated claims do not affirm."""
    affirming = [cr for cr in members if cr.polarity != "negative"]
    keys = {outlets_of_origin.get(cr.doc.origin) or cr.doc.outlet or cr.doc.origin for cr in affirming}
    return len({cr.doc.id for cr in members}), len(keys)


__all__ = ["ClaimRow", "load_claims", "cluster_claims", "claim_sources", "independent_key"]
