"""The accurate mode's tagger: how likely each word is part of an attribution's cue, source or content,
read in context by a small network of its own.

The rules (proposals.py) and the trees (rerank.py) decide from the parse and from word lists; most
of the gold attributions they miss on PolNeAR dev have a candidate whose cue overlaps theirs, but the
trees score it too low (docs/attribution.md). This tagger reads the words around each token instead: a
spaCy `tagger` component with its own tok2vec (hashed embeddings of the word's norm, prefix, suffix and
shape and of the parser's tag, dependency label and entity type, then a CNN of four layers, so each
token sees four on either side), trained on PolNeAR train to label every token CUE, SRC (source), CON
(content) or O (`claimwatch.training.cue_tagger`). It runs on the Doc the pipeline has already parsed
and leaves it unchanged: its probabilities become inputs of the accurate mode's second stage
(accurate.py). It ships as one file, models/cue_tagger.bin, and is loaded only in the accurate mode
(config.ACCURATE).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from claimwatch.nlp.learned_files import read_model_bytes

#: The shipped tagger: gzip-compressed msgpack of its labels and the thinc model's bytes.
TAGGER_PATH = Path(__file__).parent.parent / "models" / "cue_tagger.bin"
#: The labels, in this order in the probabilities (training writes them; loading checks them).
LABELS = ("CON", "CUE", "O", "SRC")
#: Token attributes the embedding reads. The parser's TAG, DEP and ENT_TYPE tell a reporting verb from
#: a noun of the same spelling and where the clause boundaries lie, which the words alone say less well.
ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP", "ENT_TYPE")
#: Rows of each attribute's hash table: many for the words, few for the parser's small label sets.
ROWS = (5000, 1000, 2500, 2500, 300, 300, 100)
#: Width of the token vectors. 64 keeps the file near 3 MB (float32 weights compress little).
WIDTH = 64
DEPTH = 4


def model_config() -> dict:
    """The tagger component's model, as spaCy's registry builds it."""
    return {
        "@architectures": "spacy.Tagger.v2",
        "nO": None,
        "normalize": False,  # logits at inference; probabilities() applies the softmax
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": WIDTH, "attrs": list(ATTRS),
                      "rows": list(ROWS), "include_static_vectors": False},
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": WIDTH, "depth": DEPTH,
                       "window_size": 1, "maxout_pieces": 3},
        },
    }


def blank_tagger() -> Language:
    """A blank English pipeline with the untrained tagger component (named "cue_tagger")."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("tagger", name="cue_tagger", config={"model": model_config()})
    return nlp


@dataclass(frozen=True)
class TokenProbabilities:
    """Per token of one Doc, the tagger's probability of each role (arrays of the Doc's length)."""

    cue: np.ndarray
    source: np.ndarray
    content: np.ndarray

    def __len__(self) -> int:
        return len(self.cue)


class CueTagger:
    """The trained tagger, run on Docs the pipeline has parsed."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.component = nlp.get_pipe("cue_tagger")
        labels = tuple(self.component.labels)
        if labels != LABELS:
            raise ValueError(f"cue tagger labels {labels} differ from this code's {LABELS}: retrain it with "
                             "`python -m claimwatch.training.cue_tagger`")
        self._columns = {label: labels.index(label) for label in LABELS}

    def probabilities(self, doc: Doc) -> TokenProbabilities:
        """The role probabilities of every token of `doc`; the Doc itself is left as it is."""
        if len(doc) == 0:
            empty = np.zeros(0)
            return TokenProbabilities(empty, empty, empty)
        logits = np.asarray(self.component.model.predict([doc])[0], dtype=np.float64)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        p = exp / exp.sum(axis=1, keepdims=True)
        return TokenProbabilities(p[:, self._columns["CUE"]], p[:, self._columns["SRC"]], p[:, self._columns["CON"]])

    def to_bytes(self) -> bytes:
        """The file's bytes: the same tagger gives the same bytes (gzip without a time stamp)."""
        data = {"labels": list(LABELS), "model": self.component.model.to_bytes()}
        return gzip.compress(srsly.msgpack_dumps(data), mtime=0)


def tagger_from_bytes(raw: bytes) -> CueTagger:
    """The tagger that CueTagger.to_bytes wrote."""
    data = srsly.msgpack_loads(gzip.decompress(raw))
    nlp = blank_tagger()
    component = nlp.get_pipe("cue_tagger")
    for label in data["labels"]:
        component.add_label(label)
    component.model.from_bytes(data["model"])  # the weights carry their shapes
    return CueTagger(nlp)


@lru_cache(maxsize=2)
def load_tagger(path: Path = TAGGER_PATH) -> CueTagger:
    """The shipped tagger, read once per process (only the accurate mode asks for it)."""
    return tagger_from_bytes(read_model_bytes(path, "cue tagger", "python -m claimwatch.training.cue_tagger"))
