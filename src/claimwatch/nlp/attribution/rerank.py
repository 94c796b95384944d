"""The second stage of the cue decision: weigh each candidate against its competitors.

The first stage (cue_model.CueModel) scores every candidate on its own. But candidates compete:
one cue has several readings of its content ("praised X" / "praised X for Y") and only one can be
right; a candidate whose cue lies inside another, likely, candidate's content is often a word of the
reported speech rather than a report of its own; a content that holds other likely cues may be too
long. A small logistic regression over the first-stage logit and a few such competition
features (this reading's margin to the best reading of its cue and its rank there; how many candidates'
contents hold this cue and the best score among them; how many candidates' cues lie in this content and
their best score; the content's length; the best scores also as probabilities) turns the first-stage
scores into the final probabilities. It is trained on out-of-fold first-stage scores
(claimwatch.training.attribution), so that it learns from scores as good as those it meets on unseen
text, and it ships in the same JSON as the first stage.
"""

from __future__ import annotations

import numpy as np

#: Where a competitor is missing, its "best score" is this logit (a very unlikely candidate).
_NONE = -10.0

#: The names of the features, in the order of the weights (they document the JSON).
FEATURE_NAMES = ("logit", "readings", "margin", "rank", "outer", "outer_best", "inner", "inner_best",
                 "length", "outer_best_p", "inner_best_p")

Range = tuple[int, int]


def competition_features(cues: list[Range], contents: list[Range], logits: np.ndarray) -> np.ndarray:
    """One row per candidate of one Doc: the features of FEATURE_NAMES. `cues` and `contents` are
    token ranges (a content's range covers all its pieces), `logits` the first-stage scores."""
    n = len(cues)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    z = np.clip(np.asarray(logits, dtype=float), _NONE, -_NONE)
    cue = np.array(cues, dtype=np.int64).reshape(n, 2)
    content = np.array(contents, dtype=np.int64).reshape(n, 2)
    same = (cue[:, None, 0] == cue[None, :, 0]) & (cue[:, None, 1] == cue[None, :, 1])
    others = ~same
    readings = same.sum(axis=1)
    best_same = np.where(same, z[None, :], -np.inf).max(axis=1)
    rank = (same & (z[None, :] > z[:, None])).sum(axis=1)
    # outer[i, j]: candidate j's content holds candidate i's cue; inner[i, j]: j's cue lies in i's content.
    outer = others & (content[None, :, 0] <= cue[:, None, 0]) & (cue[:, None, 1] <= content[None, :, 1])
    inner = others & (content[:, None, 0] <= cue[None, :, 0]) & (cue[None, :, 1] <= content[:, None, 1])
    outer_best = np.where(outer, z[None, :], _NONE).max(axis=1)
    inner_best = np.where(inner, z[None, :], _NONE).max(axis=1)
    length = np.log1p(content[:, 1] - content[:, 0])
    return np.column_stack([z, np.log1p(readings), z - best_same, np.minimum(rank, 3), np.log1p(outer.sum(axis=1)),
                            outer_best, np.log1p(inner.sum(axis=1)), inner_best, length,
                            _sigmoid(outer_best), _sigmoid(inner_best)])


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


class Reranker:
    """Logistic regression over competition_features, with its decision threshold."""

    def __init__(self, weights: list[float], bias: float, threshold: float) -> None:
        self.weights = np.asarray(weights, dtype=float)
        self.bias = bias
        self.threshold = threshold

    def probabilities(self, cues: list[Range], contents: list[Range], logits: np.ndarray) -> np.ndarray:
        """The final cue probability of every candidate of one Doc."""
        return _sigmoid(competition_features(cues, contents, logits) @ self.weights + self.bias)

    def to_dict(self) -> dict:
        return {"features": list(FEATURE_NAMES), "weights": [round(float(w), 5) for w in self.weights],
                "bias": round(float(self.bias), 5), "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: dict) -> Reranker:
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError(f"reranker features {data['features']} differ from this code's {FEATURE_NAMES}")
        return cls(data["weights"], data["bias"], data["threshold"])


def fit_reranker(x: np.ndarray, y: np.ndarray, threshold: float, l2: float = 1.0, steps: int = 25) -> Reranker:
    """Logistic regression by Newton's method with an L2 penalty on the weights (not the bias):
    a handful of dense features, so a few exact steps converge, deterministically."""
    n, d = x.shape
    a = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = _sigmoid(a @ w)
        grad = a.T @ (p - y) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Reranker(list(w[:-1]), float(w[-1]), threshold)
