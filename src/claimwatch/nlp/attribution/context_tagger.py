"""The accurate mode's second tagger: the role of each word (cue, source, content) read from the
transformer's vectors (nlp/context.py) instead of the cue tagger's own embeddings.

The cue tagger (cue_tagger.py) sees four words on either side through hashed embeddings of the words and
of the parse; this one starts from vectors in which each word has already read its sentence and its
neighbours, then mixes each word with the next and previous ones in DEPTH residual layers. Both taggers'
probabilities are inputs of the accurate second stage (accurate.py): they err on different words
(docs/attribution.md). Trained on PolNeAR train by `python -m claimwatch.training.cue_tagger`; ships as
models/context_tagger.bin; loaded only in the accurate mode.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import numpy as np
import srsly
from spacy.tokens import Doc
from thinc.api import Maxout, Model, Softmax, chain, expand_window, residual, with_array

from claimwatch.nlp.attribution.cue_tagger import LABELS, TokenProbabilities
from claimwatch.nlp.context import WIDTH as VECTOR_WIDTH
from claimwatch.nlp.context import context_vectors
from claimwatch.nlp.learned_files import read_model_bytes

CONTEXT_TAGGER_PATH = Path(__file__).parent.parent / "models" / "context_tagger.bin"
#: Width of the hidden layers, residual layers over a window of one word on either side, dropout.
WIDTH = 256
DEPTH = 2
DROPOUT = 0.1
#: The columns of the network's output (it is built with LABELS in their order).
_CUE, _SOURCE, _CONTENT = (LABELS.index(label) for label in ("CUE", "SRC", "CON"))


def build_context_tagger() -> Model:
    """The untrained network: per Doc, an array of vectors in, an array of LABELS probabilities out."""
    layers = [Maxout(WIDTH, VECTOR_WIDTH, nP=3, dropout=DROPOUT, normalize=True)]
    layers += [residual(chain(expand_window(window_size=1), Maxout(WIDTH, 3 * WIDTH, nP=3, dropout=DROPOUT,
                                                                   normalize=True))) for _ in range(DEPTH)]
    return with_array(chain(*layers, Softmax(len(LABELS), WIDTH)))


def initialized(model: Model) -> Model:
    """`model` with its weights' shapes set (the values are the training's or the file's)."""
    model.initialize(X=[np.zeros((2, VECTOR_WIDTH), dtype=np.float32)],
                     Y=[np.zeros((2, len(LABELS)), dtype=np.float32)])
    return model


class ContextTagger:
    """The trained network, run on the transformer's vectors of a Doc."""

    def __init__(self, model: Model) -> None:
        self.model = model

    def probabilities_of(self, vectors: np.ndarray) -> TokenProbabilities:
        """The role probabilities of each row of `vectors` (one per token of a Doc)."""
        if not len(vectors):
            empty = np.zeros(0)
            return TokenProbabilities(empty, empty, empty)
        p = np.asarray(self.model.predict([vectors.astype(np.float32)])[0], dtype=np.float64)
        return TokenProbabilities(p[:, _CUE], p[:, _SOURCE], p[:, _CONTENT])

    def probabilities(self, doc: Doc) -> TokenProbabilities:
        """The role probabilities of every token of `doc`."""
        return self.probabilities_of(context_vectors(doc))

    def to_bytes(self) -> bytes:
        """The file's bytes: the same network gives the same bytes (gzip without a time stamp)."""
        return gzip.compress(srsly.msgpack_dumps({"labels": list(LABELS), "model": self.model.to_bytes()}), mtime=0)

    @classmethod
    def from_bytes(cls, raw: bytes) -> ContextTagger:
        data = srsly.msgpack_loads(gzip.decompress(raw))
        if tuple(data["labels"]) != LABELS:
            raise ValueError(f"context tagger labels {data['labels']} differ from this code's {LABELS}: retrain it "
                             "with `python -m claimwatch.training.cue_tagger`")
        return cls(initialized(build_context_tagger()).from_bytes(data["model"]))


@lru_cache(maxsize=2)
def load_context_tagger(path: Path = CONTEXT_TAGGER_PATH) -> ContextTagger:
    """The shipped network, read once per process (only the accurate mode asks for it)."""
    return ContextTagger.from_bytes(read_model_bytes(path, "context tagger",
                                                     "python -m claimwatch.training.cue_tagger"))
