"""Near-duplicate and syndicated copies: MinHash signatures over word shingles, found with LSH.

A wire story reprinted by ten sites is one story: each stored document whose text is a
near-verbatim copy of an earlier one records `copy_of` (the earliest original), and counts
of independent sources count the original once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
#: Estimated Jaccard similarity of 5-word shingles above which two texts are copies: a reprint
#: with its own headline, byline or a trimmed last paragraph stays well above it; two stories
#: on the same event written apart share few 5-word runs.
COPY_THRESHOLD = 0.6
#: LSH tuned to miss few copies (a candidate is then checked against the threshold): a pair at
#: Jaccard .6 is a candidate with probability .96, at .7 with .999 (the balanced default: .40, .79).
LSH_WEIGHTS = (0.05, 0.95)

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of `size`-word runs of the lower-cased text (all of it when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash | None:
    """The MinHash of the text's shingles; None for a text without words."""
    grams = shingles(text)
    if not grams:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=1, permutations=_permutations(), **scheme_kwargs())
    mh.update_batch(list(grams))
    return mh


@lru_cache(maxsize=1)
def scheme_kwargs() -> dict[str, str]:
    """datasketch >= 2 wants the hashing scheme named when permutations or values are reused."""
    scheme = getattr(MinHash(num_perm=2), "scheme", None)
    return {"scheme": scheme} if scheme else {}


@lru_cache(maxsize=1)
def _permutations():
    """Drawn once per process: drawing them is most of the cost of a new MinHash."""
    return MinHash(num_perm=NUM_PERM, seed=1).permutations


@lru_cache(maxsize=1)
def lsh_shape() -> tuple[int, int]:
    """(bands, rows) of the copy index's LSH, as datasketch chooses them for its threshold and weights."""
    lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    return lsh.b, lsh.r


def band_keys(mh: MinHash) -> list[str]:
    """The LSH bands of a signature, as the store keeps them (`copy_bands`): two signatures sharing
    a band are the candidates `MinHashLSH.query` gives."""
    bands, rows = lsh_shape()
    values = np.asarray(mh.hashvalues, dtype="<u8")
    return [f"{b}:" + hashlib.blake2b(values[b * rows:(b + 1) * rows].tobytes(), digest_size=8).hexdigest()
            for b in range(bands)]


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=1, permutations=_permutations(), hashvalues=values,
                   **scheme_kwargs())


class CopyIndex:
    """The documents seen so far, to tell for a new one which earlier document it copies."""

    def __init__(self, threshold: float = COPY_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
        self._signatures: dict[str, MinHash] = {}
        self._root: dict[str, str] = {}
        self._order: dict[str, int] = {}

    def load(self, stored: Iterable[tuple[str, str | None, bytes]]) -> None:
        """Add stored (id, copy_of, signature) rows, oldest first."""
        for doc_id, copy_of, data in stored:
            self.add(doc_id, from_bytes(data), copy_of)

    def add(self, doc_id: str, mh: MinHash, copy_of: str | None = None) -> None:
        if doc_id in self._signatures:
            return
        self._lsh.insert(doc_id, mh)
        self._signatures[doc_id] = mh
        self._root[doc_id] = copy_of or doc_id
        self._order[doc_id] = len(self._order)

    def position(self, doc_id: str) -> int:
        """When a document was added (0 for the first); 0 for one never added."""
        return self._order.get(doc_id, 0)

    def original_of(self, mh: MinHash) -> str | None:
        """The earliest original among the stored near-copies of this signature, or None."""
        best: str | None = None
        for cand in self._lsh.query(mh):
            if mh.jaccard(self._signatures[cand]) < self.threshold:
                continue  # LSH candidates are only probable matches
            root = self._root[cand]
            if best is None or self._order.get(root, 0) < self._order.get(best, 0):
                best = root
        return best
