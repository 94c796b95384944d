"""Claims across documents: each claim with its publication, its cluster and how many
independent sources make it.

A claim that reports an event belongs to the event's cluster. The others are grouped at ingest
only by what they say: their content words must agree (Jaccard at least `CLAIM_THRESHOLD`),
which is how one quote or one agency statement travels from outlet to outlet; sharing a
speaker or an actor is not enough. Candidates are found through LSH bands kept in the store.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash
from sqlalchemy.engine import Connection

from claimwatch.knowledge.clusters import independent_origin
from claimwatch.knowledge.dedup import scheme_kwargs
from claimwatch.knowledge.identity import Actor
from claimwatch.knowledge.reports import DocInfo, content_tokens
from claimwatch.model import Analysis
from claimwatch.store import derived

CLAIM_THRESHOLD = 0.5
#: Claims with fewer content words than this are grouped with nothing: two or fewer words ("it was
#: wrong") say too little to tell one claim from another, and would share every band.
MIN_CLAIM_WORDS = 3
#: 21 bands of 3 permutations: claims at Jaccard .5 share a band with probability .94, at .6 with
#: .994; at .2 with .16 (candidates that the exact comparison then turns away).
BANDS, ROWS = 21, 3


@lru_cache(maxsize=1)
def _permutations() -> Any:
    return MinHash(num_perm=BANDS * ROWS, seed=2).permutations


def _key(data: bytes) -> int:
    """Eight bytes of hash as a signed integer (what a BIGINT column holds)."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


@lru_cache(maxsize=65536)
def band_keys(words: frozenset[str]) -> tuple[int, ...]:
    """The LSH bands of a set of words (each band's number is hashed with its rows): two sets
    sharing a band are likely alike. Kept for the sets seen last: a quote that travels comes back."""
    mh = MinHash(num_perm=BANDS * ROWS, seed=2, permutations=_permutations(), **scheme_kwargs())
    mh.update_batch([w.encode() for w in sorted(words)])
    values = np.asarray(mh.hashvalues, dtype="<u8")
    return tuple(_key(bytes([b]) + values[b * ROWS:(b + 1) * ROWS].tobytes()) for b in range(BANDS))


def claim_number(doc_id: str, claim_id: str) -> int:
    """A claim's number in `claim_bands` (and the 0005 migration's, which keeps its own copy)."""
    return _key(f"{doc_id}#{claim_id}".encode())


def claim_group_id(doc_id: str, claim_id: str) -> str:
    return "q" + hashlib.sha1(f"{doc_id}#{claim_id}".encode()).hexdigest()[:12]


def alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """jaccard(a, b) >= CLAIM_THRESHOLD (one half) in integers, with the sizes checked first: two
    sets whose sizes differ by more than half cannot share half their union."""
    if not a or not b or 2 * min(len(a), len(b)) < max(len(a), len(b)):
        return False
    common = len(a & b)
    return 3 * common >= len(a) + len(b)


class ClaimCache:
    """Stored claims' content words by number, kept between documents: a document's claims have
    thousands of candidates, and re-reading and re-tokenising each was most of an ingest's time.
    A claim's words never change once it is stored (its cluster does, and is read from the store
    each time). The least recently used go past `size`: the claims that travel are recent ones."""

    def __init__(self, size: int = 200_000) -> None:
        self.size = size
        self._words: OrderedDict[int, frozenset[str]] = OrderedDict()

    def clear(self) -> None:
        self._words.clear()

    def put(self, number: int, words: frozenset[str]) -> None:
        self._words[number] = words
        if len(self._words) > self.size:
            self._words.popitem(last=False)

    def get(self, conn: Connection, numbers: set[int]) -> dict[int, frozenset[str]]:
        """The words of the grouped claims of these numbers (those stored), by number."""
        missing = [n for n in numbers if n not in self._words]
        for number, text in derived.grouped_claim_texts(conn, missing) if missing else ():
            self.put(number, content_tokens(text))
        out = {}
        for number in numbers:
            found = self._words.get(number)
            if found is not None:
                self._words.move_to_end(number)
                out[number] = found
        return out


def group_claims(conn: Connection, analysis: Analysis, cache: ClaimCache | None = None) -> None:
    """Group the claims of a new document that report no event with the stored claims that say the same."""
    cache = cache if cache is not None else ClaimCache()
    doc_id = analysis.document.id
    with_events = {ev.claim for ev in analysis.events if ev.claim}
    free = [(claim, content_tokens(claim.content.text)) for claim in analysis.claims if claim.id not in with_events]
    bands = {claim.id: band_keys(words) if len(words) >= MIN_CLAIM_WORDS else () for claim, words in free}
    by_band: dict[int, list[int]] = defaultdict(list)  # band → the stored claims (numbers) with it
    for band, number in derived.band_claims(conn, sorted({band for keys in bands.values() for band in keys})):
        by_band[band].append(number)
    stored = cache.get(conn, {number for numbers in by_band.values() for number in numbers})
    # one quote reprinted by many outlets is many stored claims with the same words: each set of
    # words is compared once
    sharing: dict[frozenset[str], list[int]] = defaultdict(list)
    for number, found in stored.items():
        sharing[found].append(number)
    alike_ones = []  # per claim, the stored claims that say the same
    for claim, words in free:
        candidates = {stored[n] for band in bands[claim.id] for n in by_band.get(band, ()) if n in stored}
        alike_ones.append([n for found in candidates if alike(words, found) for n in sharing[found]])
    cluster_of = derived.claim_clusters(conn, {n for found in alike_ones for n in found}, doc_id)
    merged: dict[str, str] = {}  # a cluster merged away → the one it joined

    def current(cluster: str) -> str:
        while cluster in merged:
            cluster = merged[cluster]
        return cluster

    groups, band_rows = [], []
    for (claim, words), found in zip(free, alike_ones, strict=True):
        ordered = sorted({current(cluster_of[n]) for n in found if n in cluster_of})
        cluster = ordered[0] if ordered else claim_group_id(doc_id, claim.id)
        if len(ordered) > 1:
            derived.merge_claim_groups(conn, cluster, ordered[1:])
            merged.update((other, cluster) for other in ordered[1:])
        number = claim_number(doc_id, claim.id)
        groups.append((doc_id, claim.id, cluster, number))
        # a claim with the very words of a stored one it joins is found by that one's bands: repeating
        # them would make every later look-up read each copy of a much-repeated claim (a wire quote
        # reprinted for a year), and the look-ups grow with the store
        if bands[claim.id] and not (found and words in sharing):
            band_rows.extend((band, number) for band in bands[claim.id])
            cache.put(number, words)
    # a later claim of this document may have merged the cluster an earlier one joined
    groups = [(doc, claim_id, current(cluster), number) for doc, claim_id, cluster, number in groups]
    derived.insert_claim_groups(conn, groups, band_rows)


def band_stored_claims(conn: Connection) -> None:
    """Write the bands of the grouped claims (a store migrated to integer bands keeps none): one claim's
    for each set of words in a group, as ingest writes them (group_claims)."""
    rows, banded = [], set()
    for number, cluster, text in derived.grouped_claim_contents(conn):
        words = content_tokens(text)
        if len(words) >= MIN_CLAIM_WORDS and (cluster, words) not in banded:
            banded.add((cluster, words))
            rows.extend((band, number) for band in band_keys(words))
    derived.insert_claim_groups(conn, [], rows)


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
    about: list[Actor]  # actors mentioned inside the content
    cluster: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**self.doc.brief(), "claim": self.id,
                "source": {"text": self.source_text, "kind": self.source_kind,
                           "entity": self.source_entity.to_dict() if self.source_entity else None},
                "cue": self.cue, "content": self.content, "span": list(self.span), "certainty": self.certainty,
                "polarity": self.polarity, "stated_at": self.stated_at, "cluster": self.cluster}


def load_claims(conn: Connection, docs: dict[str, DocInfo], actors: dict[str, Actor],
                document_ids: set[str] | None = None) -> list[ClaimRow]:
    """Every stored claim (of these documents) with the actors it mentions and its cluster (an
    event's, else its group's). `actors` must hold those the documents' entities are resolved to."""
    entity_actor = {(d, e): actors[a] for a, d, e in derived.entity_actor_links(conn, document_ids) if a in actors}
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for doc_id, entity_id, start, end in derived.mention_spans(conn, document_ids):
        mentions[doc_id].append((start, end, entity_id))
    starts = {}
    for doc_id, spans in mentions.items():
        spans.sort()
        starts[doc_id] = [s for s, _e, _eid in spans]
    clusters = {(d, c): k for d, c, k in derived.claim_group_clusters(conn, document_ids)}
    for d, c, k in derived.report_claim_clusters(conn, document_ids):
        clusters.setdefault((d, c), k)
    out = []
    for row in derived.claim_rows(conn, document_ids):
        doc = docs.get(row.document_id)
        if doc is None:  # stored after the documents were read
            continue
        spans = mentions.get(row.document_id, [])
        first = bisect_left(starts.get(row.document_id, []), row.content_start)
        last = bisect_right(starts.get(row.document_id, []), row.content_end)
        about = {eid for _s, e, eid in spans[first:last] if e <= row.content_end}
        about_actors = {entity_actor[(row.document_id, eid)].key: entity_actor[(row.document_id, eid)]
                        for eid in sorted(about) if (row.document_id, eid) in entity_actor}
        out.append(ClaimRow(
            doc, row.id, row.source_text, row.source_kind,
            entity_actor.get((row.document_id, row.source_entity)) if row.source_entity else None, row.cue_text,
            row.content_text, (row.content_start, row.content_end), row.certainty, row.polarity, row.stated_at,
            list(about_actors.values()), clusters.get((row.document_id, row.id), "")))
    return out


def claim_sources(members: list[ClaimRow]) -> tuple[int, int]:
    """(reports, independent sources) of one claim group; negated claims do not affirm."""
    affirming = [cr for cr in members if cr.polarity != "negative"]
    keys = {independent_origin(cr.doc) for cr in affirming}
    return len({cr.doc.id for cr in members}), len(keys)
