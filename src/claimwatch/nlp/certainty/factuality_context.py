"""The accurate mode's factuality: a small network reads each event in context, and trees weigh its guess
with the rules' inputs.

The default trees (factuality_model.py) see the event's words and what the rules found, but not how the
sentence around it reads. In the accurate mode (config.ACCURATE) a network over the contextual vectors
of nlp/context.py (the event's, its governors' and those of the words around it) guesses the event's score on the
[-3, 3] scale, and trees of the default kind read that guess as one more input (`CONTEXT_COLUMN`). Both
are trained on UW and MEANTIME train by `python -m claimwatch.training.factuality_context`, the trees on
out-of-fold guesses; docs/factuality.md has the figures. Nothing here is loaded in the default mode.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token
from thinc.api import Linear, Model, Relu, chain

from claimwatch.nlp.certainty.factuality_model import FactualityModel, load_factuality_model
from claimwatch.nlp.context import WIDTH, context_vectors
from claimwatch.nlp.learned_files import read_model_bytes

MODELS = Path(__file__).parent.parent / "models"
#: The network's weights (gzip of thinc's bytes) and the trees that read its guess.
SCORER_PATH = MODELS / "factuality_context.bin"
ACCURATE_MODEL_PATH = MODELS / "factuality_accurate.json.gz"
#: The name of the trees' extra input.
CONTEXT_COLUMN = "context_guess"
#: What the network reads of an event: its vector, its head's, its head's head's, and the means of its
#: sentence's and of the five words around it (the governor's governor and the nearby words gave UW and
#: MEANTIME CV r .810 and .643 against .803 and .630 without; docs/factuality.md).
INPUT_WIDTH = 5 * WIDTH
NEAR = 2
HIDDEN = (128, 64)
DROPOUT = 0.2


def build_scorer() -> Model:
    """The untrained network: two ReLU layers (the first normalised) and a linear output."""
    return chain(Relu(HIDDEN[0], INPUT_WIDTH, dropout=DROPOUT, normalize=True),
                 Relu(HIDDEN[1], HIDDEN[0], dropout=DROPOUT), Linear(1, HIDDEN[1]))


def event_rows(vectors: np.ndarray, events: Sequence[Token]) -> np.ndarray:
    """The network's input for each event token, from the contextual vectors of its Doc."""
    rows = np.zeros((len(events), INPUT_WIDTH), dtype=np.float32)
    for r, token in enumerate(events):
        sentence = token.sent
        near = vectors[max(sentence.start, token.i - NEAR):min(sentence.end, token.i + NEAR + 1)]
        rows[r] = np.concatenate([vectors[token.i], vectors[token.head.i], vectors[token.head.head.i],
                                  vectors[sentence.start:sentence.end].mean(axis=0), near.mean(axis=0)])
    return rows


class ContextScorer:
    """The trained network."""

    def __init__(self, model: Model) -> None:
        self.model = model

    def guesses(self, rows: np.ndarray) -> np.ndarray:
        """The guessed score of each row of event_rows."""
        if not len(rows):
            return np.zeros(0)
        return np.asarray(self.model.predict(rows.astype(np.float32))[:, 0], dtype=float)

    def to_bytes(self) -> bytes:
        """The file's bytes: the same weights give the same bytes (gzip without a time stamp)."""
        return gzip.compress(self.model.to_bytes(), mtime=0)

    @classmethod
    def from_bytes(cls, raw: bytes) -> ContextScorer:
        model = build_scorer()
        model.initialize(X=np.zeros((1, INPUT_WIDTH), dtype=np.float32), Y=np.zeros((1, 1), dtype=np.float32))
        return cls(model.from_bytes(gzip.decompress(raw)))


@lru_cache(maxsize=2)
def load_scorer(path: Path = SCORER_PATH) -> ContextScorer:
    """The shipped network, read once per process."""
    return ContextScorer.from_bytes(read_model_bytes(
        path, "factuality network", "python -m claimwatch.training.factuality_context ../shared/data/factuality"))


def load_accurate_model(path: Path = ACCURATE_MODEL_PATH) -> FactualityModel:
    """The trees that read the network's guess."""
    model = load_factuality_model(path)
    if model.extra != (CONTEXT_COLUMN,):
        raise ValueError(f"{path}: trees without the {CONTEXT_COLUMN} input; retrain with "
                         "`python -m claimwatch.training.factuality_context`")
    return model


def accurate_scores(doc: Doc, events: Sequence[Token], described: list) -> np.ndarray:
    """The accurate mode's score of each event of the Doc (described by factuality_model.describe_event)."""
    guesses = load_scorer().guesses(event_rows(context_vectors(doc), events))
    return load_accurate_model().scores(described, guesses[:, None])
