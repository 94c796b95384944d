"""The accurate mode (config.ACCURATE, `--accurate`): the second stage also reads two taggers.

The default second stage (rerank.py) decides from the parse and the word lists. In the accurate mode
two taggers read every token in context first: the cue tagger (cue_tagger.py, its own embeddings of the
words and the parse) and the context tagger (context_tagger.py, over the transformer's vectors). A second
stage of the same kind, trees and reading ranker over the same inputs plus TAGGER_COLUMNS of each tagger
(how likely it finds the candidate's cue a cue, its content a content, the words just outside the
content …), decides instead. Those trees ship in models/attribution_accurate.json.gz and are trained on
out-of-fold tagger probabilities by `python -m claimwatch.training.cue_tagger`. The first stage is the
default model's. Nothing here is loaded unless the accurate mode is on.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from claimwatch.nlp.attribution.candidate import Candidate
from claimwatch.nlp.attribution.context_tagger import ContextTagger, load_context_tagger
from claimwatch.nlp.attribution.cue_model import CueModel
from claimwatch.nlp.attribution.cue_tagger import CueTagger, TokenProbabilities, load_tagger
from claimwatch.nlp.attribution.phrase_cues import Found
from claimwatch.nlp.attribution.rerank import Reranker, candidate_rows, prefer_readings
from claimwatch.nlp.learned_files import read_model_json, write_model_json

#: The accurate second stage: the same JSON as rerank.Reranker.to_dict, with the tagger's columns named.
ACCURATE_PATH = Path(__file__).parent.parent / "models" / "attribution_accurate.json.gz"

#: What the trees read of the tagger, per candidate (after the default second stage's inputs):
#: - cue_max, cue_mean: the CUE probability of the cue's tokens, highest and mean;
#: - near_cue: the highest CUE probability within two tokens of the cue ("in a statement", "said on");
#: - content_mean: the mean CON probability over the content's range;
#: - content_edges: the lower CON probability of its first and last token (low: the reading runs over);
#: - outside: the higher CON probability of the tokens just before and after it (high: it stops short);
#: - inner_cue: the highest CUE probability inside the content, away from the cue (a nested report);
#: - source_near: the highest SRC probability within eight tokens of the cue (someone is speaking).
TAGGER_COLUMNS = ("cue_max", "cue_mean", "near_cue", "content_mean", "content_edges", "outside", "inner_cue",
                  "source_near")
#: The trees' extra inputs: TAGGER_COLUMNS of the cue tagger, then of the context tagger.
ACCURATE_COLUMNS = TAGGER_COLUMNS + tuple(f"context_{name}" for name in TAGGER_COLUMNS)
_NEAR = 2
_SOURCE_NEAR = 8

Range = tuple[int, int]


def accurate_columns(taggers: tuple[TokenProbabilities, TokenProbabilities], cues: list[Range],
                     contents: list[Range]) -> np.ndarray:
    """ACCURATE_COLUMNS of each candidate, from the cue tagger's and the context tagger's probabilities."""
    return np.hstack([tagger_columns(probabilities, cues, contents) for probabilities in taggers])


def tagger_columns(probabilities: TokenProbabilities, cues: list[Range], contents: list[Range]) -> np.ndarray:
    """One row of TAGGER_COLUMNS per candidate (token ranges of its cue and of its content)."""
    n = len(probabilities)
    cue_p, content_p, source_p = probabilities.cue, probabilities.content, probabilities.source
    rows = np.zeros((len(cues), len(TAGGER_COLUMNS)))
    for r, ((cue_start, cue_end), (start, end)) in enumerate(zip(cues, contents, strict=True)):
        cue_part = cue_p[cue_start:cue_end]
        near = cue_p[max(0, cue_start - _NEAR):min(n, cue_end + _NEAR)]
        part = content_p[start:end]
        edges = min(content_p[start], content_p[end - 1]) if end > start else 0.0
        outside = max(content_p[start - 1] if start > 0 else 0.0, content_p[end] if end < n else 0.0)
        inner = cue_p[start:end].copy()
        inner[max(0, cue_start - start):max(0, cue_end - start)] = 0.0  # the cue's own tokens, if inside
        source = source_p[max(0, cue_start - _SOURCE_NEAR):min(n, cue_end + _SOURCE_NEAR)]
        rows[r] = (cue_part.max() if len(cue_part) else 0.0, cue_part.mean() if len(cue_part) else 0.0,
                   near.max() if len(near) else 0.0, part.mean() if len(part) else 0.0, edges, outside,
                   inner.max() if len(inner) else 0.0, source.max() if len(source) else 0.0)
    return rows


class TaggedReranker(Reranker):
    """The default second stage's trees and reading ranker, trained on its inputs and ACCURATE_COLUMNS."""

    def scores_with(self, cues: list[Range], contents: list[Range], logits: np.ndarray, described: list,
                    extra: np.ndarray, forced: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None]:
        """As Reranker.scores, with `extra` (accurate_columns of the same candidates) after the default inputs."""
        if not cues:
            return np.zeros(0), None
        rows = np.hstack([candidate_rows(cues, contents, logits, described, self._codes, self.rates), extra])
        probabilities = self._booster.predict(rows)
        likely = probabilities >= self.threshold if forced is None else (probabilities >= self.threshold) | forced
        return probabilities, self._reading_scores(cues, rows, likely)

    def to_dict(self) -> dict:
        return dict(super().to_dict(), tagger_columns=list(ACCURATE_COLUMNS))

    @classmethod
    def from_dict(cls, data: dict) -> TaggedReranker:
        if tuple(data.get("tagger_columns", ())) != ACCURATE_COLUMNS:
            raise ValueError(f"accurate reranker columns {data.get('tagger_columns')} differ from this code's "
                             f"{ACCURATE_COLUMNS}: retrain with `python -m claimwatch.training.cue_tagger`")
        base = Reranker.from_dict(data)
        return cls(base.trees, base.categories, base.threshold, base.rates, base.ranker)


@lru_cache(maxsize=2)
def load_accurate(path: Path = ACCURATE_PATH) -> TaggedReranker:
    """The accurate second stage, read once per process."""
    return TaggedReranker.from_dict(read_model_json(path))


def save_accurate(reranker: TaggedReranker, path: Path = ACCURATE_PATH) -> None:
    write_model_json(reranker.to_dict(), path)


def accurate_scores(doc: Doc, model: CueModel, cands: list[tuple[Found, Candidate]],
                    always_cue: Callable[[Candidate], bool], reranker: TaggedReranker | None = None,
                    tagger: CueTagger | None = None, context: ContextTagger | None = None) -> tuple[list[float], float]:
    """How likely each candidate of the Doc is a cue by the accurate second stage, and its threshold: as
    claims._probabilities, with the taggers' probabilities of the Doc's tokens among the trees' inputs.
    `always_cue` says which candidates are cues whatever the trees say (claims._always_cue)."""
    reranker = reranker or load_accurate()
    tagged = ((tagger or load_tagger()).probabilities(doc), (context or load_context_tagger()).probabilities(doc))
    forced = np.array([always_cue(candidate) for _, candidate in cands], dtype=bool)
    first, named = model.first_stage(candidate for _, candidate in cands)
    logits = np.array(first)
    cues = [item.cue or item.content for item, _ in cands]
    contents = [item.content for item, _ in cands]
    extra = accurate_columns(tagged, cues, contents)
    probabilities, reading_scores = reranker.scores_with(cues, contents, logits, [dict(p) for p in named], extra,
                                                         forced)
    probabilities = np.where(forced, 1.0, probabilities)
    if reading_scores is not None:
        probabilities = prefer_readings(cues, probabilities, reading_scores)
    return probabilities.tolist(), reranker.threshold
