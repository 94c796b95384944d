"""The learned part of factuality: the rules' reading of an event, weighed by trees trained on gold.

The parse-based walk (factuality.py) says how committed the text is to an event from the words
that mark or embed it, level by level. How much each cue really weakens an event in news text is
a matter of degree the rules cannot set by hand (events under "try to" and "plan to" differ in the
gold though the rules give both one level; docs/factuality.md has the figures). Gradient-boosted
trees (LightGBM) over what the rules found (the combined rank and sign, the event's own modality,
what it inherits from above) and the words around the event (its lemma, part of speech and role,
its first three governors, the first one's role and part of speech, the subordinator of its
clause, its auxiliaries) predict the event's score on the [-3, 3] scale of the factuality corpora.
They are trained on the training splits of the UW and MEANTIME corpora by `claimwatch train factuality DIR`
(claimwatch.training.factuality) and ship, as LightGBM's text format, in one gzip-compressed JSON.
How the settings below were chosen, with the cross-validation figures, is in docs/factuality.md.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from claimwatch.nlp.boosting import Trees, known_values, lightgbm_module, value_codes
from claimwatch.nlp.certainty import hedges
from claimwatch.nlp.certainty.factuality import FactualityWalker
from claimwatch.nlp.certainty.modality import Fact, clause_mark, local_modality
from claimwatch.nlp.learned_files import read_model_json, write_model_json

MODEL_PATH = Path(__file__).parent.parent / "models" / "factuality.json.gz"
#: The numeric inputs, in column order: the rules' rank, sign and signed score, the same for what the
#: event inherits and for its own modality, whether it is negated, how deep it lies in the parse, whether
#: its governor has a modal auxiliary ("would agree to X"), and whether it or a clause above it is a
#: condition ("if X", "unless X").
NUMBERS = ("rank", "sign", "score", "context_rank", "context_sign", "local_rank", "local_sign", "negated", "depth",
           "gov1_modal", "conditional")
#: The categorical inputs, after the numbers: the event's own words, its governors', and its tense.
CATEGORIES = ("pos", "tag", "dep", "lemma", "gov1", "gov1_dep", "gov1_pos", "gov2", "gov3", "mark", "aux", "aux2",
              "tense", "gov1_aux")
#: Values seen fewer times than this in training share one code.
MIN_CATEGORY = 5
#: The trees' settings and number, chosen by 5-fold CV on UW train (docs/factuality.md): more trees, more
#: leaves or larger leaves do no better; single-threaded and seeded so that training gives the same bytes.
TREE_PARAMETERS = {"objective": "regression", "num_leaves": 15, "learning_rate": 0.05, "min_data_in_leaf": 20,
                   "bagging_fraction": 0.8, "bagging_freq": 1, "feature_fraction": 0.8, "cat_smooth": 10.0,
                   "seed": 0, "deterministic": True, "force_row_wise": True, "num_threads": 1, "verbose": -1}
TREES = 300

Described = tuple[list[float], list[str]]


def describe_event(token: Token, walker: FactualityWalker) -> Described:
    """The inputs of the trees for the event `token` denotes: NUMBERS and CATEGORIES, in order."""
    rank, sign = walker.fact(token)
    context = walker.context(token)
    local = local_modality(token)
    ancestors = list(token.ancestors)
    governors = ancestors[:3]
    auxiliaries = [c.lower_ for c in _auxiliaries(token)]
    governor_aux = _auxiliaries(governors[0]) if governors else []
    conditional = any(clause_mark(t) in hedges.CONDITIONAL_MARKS for t in (token, *ancestors))
    numbers = [rank, sign, rank * sign, context[0], context[1], local[0], local[1],
               float(any(c.dep_ == "neg" for c in token.children)), float(len(ancestors)),
               float(any(c.tag_ == "MD" for c in governor_aux)), float(conditional)]
    words = [governor.lemma_.lower() for governor in governors] + ["-"] * (3 - len(governors))
    categories = [token.pos_, token.tag_, token.dep_, token.lemma_.lower(), words[0],
                  governors[0].dep_ if governors else "-", governors[0].pos_ if governors else "-", words[1],
                  words[2], clause_mark(token) or "-", auxiliaries[0] if auxiliaries else "-",
                  auxiliaries[1] if len(auxiliaries) > 1 else "-", ",".join(token.morph.get("Tense")) or "-",
                  governor_aux[0].lower_ if governor_aux else "-"]
    return numbers, categories


def _auxiliaries(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass")]


#: How far the trees' score is stretched before it is rounded: squared-error trees pull their scores toward
#: the mean of the gold (a 3 comes out as 2.6). 1.1 lowers the error on both corpora without losing
#: correlation; more costs correlation (5-fold CV, docs/factuality.md).
STRETCH = 1.1


def to_fact(score: float) -> Fact:
    """A score on the [-3, 3] scale, stretched by STRETCH, as the nearest (rank, sign)."""
    score *= STRETCH
    rank = int(min(3, max(0, round(abs(score)))))
    return rank, -1 if score < 0 and rank > 0 else 1


def learned_fact(rules: Fact, score: float, asked: bool = False) -> Fact:
    """An event's factuality: the rules' where they find it negated and the trees' `score` leans negative
    too, else the trees' (to_fact). The trees learn negation as a matter of degree from averaged judgements
    and so call most denied events only probably denied, where the rules say certainly; but a negation the
    trees see no sign of is more often the rules' mistake (a negated governor, "not only") than a denial
    (the figures are in docs/factuality.md). An event `asked` about in a direct question that the rules
    leave uncommitted stays so, as FactBank reads questions: the training corpora hold too few questions
    (7 of UW's 9,422 events) for the trees to learn it."""
    if asked and rules[0] == 0:
        return rules
    return rules if rules[1] < 0 and score < 0 else to_fact(score)


def bounded_by_governor(token: Token, score: float, scores: dict[int, float], walker: FactualityWalker) -> float:
    """The trees' `score` of an event noun that is the object of a verb the rules find uncertain ("wants
    to hold talks") is at most the verb's score in `scores` (by token index): the talks happen only if
    they are held. Under a verb the rules find certain the noun keeps its own score, as the gold does
    ("denied holding talks" is the verb's denial). 5-fold CV in docs/factuality.md."""
    governor = token.head
    if (score <= 0 or token.dep_ != "dobj" or token.pos_ != "NOUN" or governor.i not in scores
            or walker.fact(governor)[0] >= 3):
        return score
    return min(score, scores[governor.i])


class FactualityModel:
    """Trees that predict an event's factuality score from describe_event's inputs. `categories` lists,
    per categorical input, the values the trees know (code i + 1 for the i-th; 0 for any other); `extra`
    names the numeric inputs given beside the described events, after their columns (the accurate mode's
    guess of factuality_context.py; none in the default model)."""

    def __init__(self, trees: str, categories: dict[str, list[str]], extra: tuple[str, ...] = ()) -> None:
        self.trees = trees
        self.categories = categories
        self.extra = extra
        self._booster = Trees(trees)
        self._codes = value_codes(categories, CATEGORIES)

    def scores(self, described: list[Described], extra: np.ndarray | None = None) -> np.ndarray:
        """The predicted score of each described event; `extra` holds a row of the `extra` inputs for each."""
        if not described:
            return np.zeros(0)
        return self._booster.predict(_rows(described, self._codes, extra, len(self.extra)))

    def to_dict(self) -> dict:
        data = {"numbers": list(NUMBERS), "categories": self.categories, "trees": self.trees}
        return dict(data, extra=list(self.extra)) if self.extra else data

    @classmethod
    def from_dict(cls, data: dict) -> FactualityModel:
        if tuple(data.get("numbers", ())) != NUMBERS or set(data.get("categories", {})) != set(CATEGORIES):
            raise ValueError("the factuality model's inputs differ from this code's: "
                             "retrain with `claimwatch train factuality DIR`")
        return cls(data["trees"], data["categories"], tuple(data.get("extra", ())))


def _rows(described: list[Described], codes: dict[str, dict[str, int]], extra: np.ndarray | None = None,
          width: int = 0) -> np.ndarray:
    rows = np.array([numbers + [codes[name].get(value, 0) for name, value in zip(CATEGORIES, values, strict=True)]
                     for numbers, values in described], dtype=float)
    if (0 if extra is None else extra.shape[1]) != width:
        raise ValueError(f"the factuality trees read {width} extra inputs, given "
                         f"{0 if extra is None else extra.shape[1]}")
    return rows if extra is None else np.hstack([rows, extra])


def fit_factuality_model(described: list[Described], scores: list[float], weights: list[float] | None = None,
                         extra: np.ndarray | None = None, extra_names: tuple[str, ...] = ()) -> FactualityModel:
    """Trees over described events, their gold scores and, optionally, their weights and extra inputs (a
    column per name of `extra_names`); deterministic for the same input."""
    lightgbm = lightgbm_module()
    categories = known_values((values for _, values in described), CATEGORIES, MIN_CATEGORY)
    columns = list(range(len(NUMBERS), len(NUMBERS) + len(CATEGORIES)))
    rows = _rows(described, value_codes(categories, CATEGORIES), extra, len(extra_names))
    data = lightgbm.Dataset(rows, np.asarray(scores, dtype=float),
                            weight=None if weights is None else np.asarray(weights, dtype=float),
                            categorical_feature=columns)
    booster = lightgbm.train(dict(TREE_PARAMETERS), data, num_boost_round=TREES)
    return FactualityModel(booster.model_to_string(), categories, extra_names)


@lru_cache(maxsize=2)
def load_factuality_model(path: Path = MODEL_PATH) -> FactualityModel:
    """The factuality model, read once per process (gzip-compressed when the name ends in .gz)."""
    return FactualityModel.from_dict(read_model_json(path))


def save_factuality_model(model: FactualityModel, path: Path) -> None:
    """Write the model as load_factuality_model reads it; the same model gives the same bytes."""
    write_model_json(model.to_dict(), path)
