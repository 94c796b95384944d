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

import math
from functools import lru_cache
from pathlib import Path

from claimwatch.nlp.attribution.rerank import Reranker
from claimwatch.nlp.learned_files import read_model_json, write_model_json

#: The shipped model, gzip-compressed JSON (2.96 MB instead of 11.85: some 195,000 feature weights, the
#: second stage's 300 trees, 2.08 MB of LightGBM text, its reading ranker's 200, 1.38 MB, and the training
#: rates of the cue's words, 1.19 MB).
MODEL_PATH = Path(__file__).parent.parent / "models" / "attribution.json.gz"


class CueModel:
    """Logistic regression weights over candidate features, with the decision threshold, and the
    optional second stage that rescores candidates against each other (then its threshold decides)."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float = 0.5,
                 rerank: Reranker | None = None) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.rerank = rerank

    def logit(self, feats: list[str]) -> float:
        """The first-stage score: the bias plus the weights of the features."""
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in feats)

    def probability(self, feats: list[str]) -> float:
        """The first-stage probability of one candidate on its own."""
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.logit(feats)))))

    def to_dict(self) -> dict:
        data = {"version": 2, "bias": self.bias, "threshold": self.threshold, "weights": self.weights}
        if self.rerank is not None:
            data["rerank"] = self.rerank.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict) -> CueModel:
        rerank = Reranker.from_dict(data["rerank"]) if data.get("rerank") else None
        return cls(data["weights"], data["bias"], data.get("threshold", 0.5), rerank)


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> CueModel:
    """The cue model, read once per process (gzip-compressed when the name ends in .gz)."""
    return CueModel.from_dict(read_model_json(path))


def save_model(model: CueModel, path: Path) -> None:
    """Write the model as load_model reads it; the same model gives the same bytes (no time stamp)."""
    write_model_json(model.to_dict(), path)
