"""The learned part of attribution: how likely a candidate word is an attribution cue.

Rules propose candidates (every verb with something to report, "according to", hearsay adverbs,
nouns with a reported clause: proposals.py), each described as a Candidate (candidate.py: its lemma,
the configuration that found its content, the kind of its subject, whether it stands inside a
quotation, the head word of its content …) and spelled as feature strings by
Candidate.to_features(). A logistic regression over those features, trained on
PolNeAR's training articles by `claimwatch train attribution DIR` (claimwatch.training.attribution),
turns them into a probability. A second stage (rerank.py, gradient-boosted trees) then weighs each
candidate's score against its competitors'.
Both ship in one gzip-compressed JSON in claimwatch/nlp/models/ and load once per process.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from claimwatch.nlp.attribution.rerank import Reranker
from claimwatch.nlp.learned_files import read_model_json, write_model_json

if TYPE_CHECKING:
    from claimwatch.nlp.attribution.candidate import Candidate

#: The shipped model, gzip-compressed JSON (2.96 MB instead of 11.85: some 195,000 feature weights, the
#: second stage's 300 trees, 2.08 MB of LightGBM text, its reading ranker's 200, 1.38 MB, and the training
#: rates of the cue's words, 1.19 MB).
MODEL_PATH = Path(__file__).parent.parent / "models" / "attribution.json.gz"


class _PairWeights(dict):
    """The weight of each (feature name, value) pair, looked up by its spelling ("name=value") the first
    time it is asked for. Spelling every feature of every candidate made a new string to hash each time;
    a pair of strings already made hashes from theirs. Cleared when it grows past MAX_PAIRS, so that a
    long-running process does not keep every rare word it has met."""

    MAX_PAIRS = 500_000

    def __init__(self, weights: dict[str, float]) -> None:
        super().__init__()
        self.weights = weights

    def __missing__(self, pair: tuple[str, str]) -> float:
        if len(self) >= self.MAX_PAIRS:
            self.clear()
        weight = self[pair] = self.weights.get(f"{pair[0]}={pair[1]}", 0.0)
        return weight


class CueModel:
    """Logistic regression weights over candidate features, with the decision threshold, and the
    optional second stage that rescores candidates against each other (then its threshold decides)."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float = 0.5,
                 rerank: Reranker | None = None) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.rerank = rerank
        self._pairs = _PairWeights(weights)
        self._cue_sums: dict[tuple[str | bool, ...], float] = {}

    def logit(self, feats: list[str]) -> float:
        """The first-stage score: the bias plus the weights of the features."""
        # map over the dict's own get, not a generator: a candidate has 55 features, a Doc hundreds of
        # candidates. The same sum, in the same order.
        return self.bias + sum(map(self.weights.get, feats, repeat(0.0, len(feats))))

    def named_logit(self, named: list[tuple[str, str]]) -> float:
        """The first-stage score of the features Candidate.named_values() gives, without spelling them:
        the same weights summed in the same order as logit(Candidate.to_features()), so the same float."""
        return self.bias + sum(map(self._pairs.__getitem__, named))

    def blocks_logit(self, cue_key: tuple[str | bool, ...], cue: list[tuple[str, str]],
                     reading: list[tuple[str, str]]) -> float:
        """named_logit(cue + reading) for a candidate's cue block (Candidate.cue_values, `cue_key` its
        facts) and reading block: the cue block's sum is kept for the cue's other readings, and the
        rest summed on from it in the same order, so the same float."""
        prefix = self._cue_sums.get(cue_key)
        if prefix is None:
            if len(self._cue_sums) >= _PairWeights.MAX_PAIRS:
                self._cue_sums.clear()
            prefix = self._cue_sums[cue_key] = sum(map(self._pairs.__getitem__, cue))
        return self.bias + sum(map(self._pairs.__getitem__, reading), prefix)

    def first_stage(self, candidates: Iterable[Candidate]) -> tuple[list[float], list[list[tuple[str, str]]]]:
        """The first-stage score of each candidate and its features by name (Candidate.named_values), read
        once for both stages; each cue's block of features and its sum are built once (blocks_logit)."""
        logits, named = [], []
        for candidate in candidates:
            key = candidate.cue_key()
            cue, reading = candidate.cue_values(key), candidate.reading_values()
            logits.append(self.blocks_logit(key, cue, reading))
            named.append(cue + reading)
        return logits, named

    def probability(self, feats: list[str]) -> float:
        """The first-stage probability of one candidate on its own."""
        return sigmoid(self.logit(feats))

    def to_dict(self) -> dict:
        data = {"version": 2, "bias": self.bias, "threshold": self.threshold, "weights": self.weights}
        if self.rerank is not None:
            data["rerank"] = self.rerank.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict) -> CueModel:
        rerank = Reranker.from_dict(data["rerank"]) if data.get("rerank") else None
        return cls(data["weights"], data["bias"], data.get("threshold", 0.5), rerank)


def sigmoid(logit: float) -> float:
    """A first-stage score as a probability (the score clipped to ±30)."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> CueModel:
    """The cue model, read once per process (gzip-compressed when the name ends in .gz). The garbage
    collector is paused meanwhile: the JSON's hundreds of thousands of objects would set off collections
    that scan them all, to free nothing, and take half as long again as the reading."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return CueModel.from_dict(read_model_json(path))
    finally:
        if enabled:
            gc.enable()


def save_model(model: CueModel, path: Path) -> None:
    """Write the model as load_model reads it; the same model gives the same bytes (no time stamp)."""
    write_model_json(model.to_dict(), path)
