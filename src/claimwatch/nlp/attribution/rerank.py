"""The second stage of the cue decision: weigh each candidate against its competitors.

The first stage (cue_model.CueModel) scores every candidate on its own. But candidates compete:
one cue has several readings of its content ("praised X" / "praised X for Y") and only one can be
right; a candidate whose cue lies inside another, likely, candidate's content is often a word of the
reported speech rather than a report of its own; a content that holds other likely cues may be too
long. Gradient-boosted trees (LightGBM) over the first-stage logit, a few such competition
features (this reading's margin to the best reading of its cue and its rank there; how many candidates'
contents hold this cue and the best score among them; how many candidates' cues lie in this content and
their best score; the content's length; the best scores also as probabilities) and a few descriptors of
the candidate (its configuration, the kind of its subject, the words at the content's edges …) and how
often, in training, candidates with its lemma were cues (CueRates) turn the first-stage scores into the
final probabilities. Trees, unlike the logistic regression this stage was
before, learn how far the logit should count for each kind of candidate: a "said" with a clause
after it needs less than a stance verb with an object. They are trained on out-of-fold first-stage
scores (claimwatch.training.attribution), so that they learn from scores as good as those they meet
on unseen text, and ship, as LightGBM's text format, in the same JSON as the first stage. A second set
of trees, the reading ranker, learns from the same inputs which of a cue's readings is the right one;
the trees decide whether the cue is one, the ranker which content it takes (prefer_readings).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from claimwatch.nlp.boosting import Trees, known_values, lightgbm_module, value_codes

#: Where a competitor is missing, its "best score" is this logit (a very unlikely candidate).
_NONE = -10.0

Range = tuple[int, int]
#: A candidate's first-stage feature values by name ("config" → "ccomp"): Candidate.values().
Values = Mapping[str, str]
#: The candidates of one Doc, as the trees learn from them: their cues and contents (token ranges; a
#: content's range covers all its pieces), first-stage logits and feature values.
Group = tuple[list[Range], list[Range], np.ndarray, list[Values]]

#: The names of the features, in the order of the weights (they document the JSON).
FEATURE_NAMES = ("logit", "readings", "margin", "rank", "outer", "outer_best", "inner", "inner_best",
                 "length", "outer_best_p", "inner_best_p")

#: What each candidate brings besides its competition (categorical): its kind, the configuration that
#: found its content, the cue's lexicon class, its subject's kind, its dependency and tag, the content's
#: side of the cue, what comes right after and before the content (a part of speech or a mark), the
#: content head's part of speech and kind, and the dependency of the cue's head. Words are left out: as
#: descriptors they did not help in cross-validation (docs/attribution.md); the trees see the cue's lemma
#: only through its training rates (ENCODED).
DESCRIPTORS = ("kind", "config", "lex", "subj", "dep", "tag", "cside", "cafter", "cbefore", "chead_pos", "ckind",
               "head_dep")
#: … and, as numbers, the content's length and sentences, its distance from the cue, and the
#: sentence's length (all bucketed by the first stage); the cue's length in tokens follows them.
AMOUNTS = ("clen", "csents", "cdist", "sent_len")
#: First-stage features whose rate of being a cue in training the trees read as numbers (CueRates): the
#: share of the training candidates with this lemma (this lemma and configuration, this lemma and kind of
#: subject) that were cues, and how many there were. The logit sums their weights with all the others'; the
#: trees can weigh them apart. These three did best of the sets tried (docs/attribution.md).
ENCODED = ("lemma", "lemma_config", "lemma_subj")
#: The feature values the trees read of each candidate; the others may be left out of its Values.
READ_FEATURES = frozenset(DESCRIPTORS + AMOUNTS + ENCODED)
#: The rates are smoothed toward the base rate by this many pseudo-candidates.
ENCODING_WEIGHT = 20.0
#: Descriptor values seen fewer times than this in training share one code.
MIN_CATEGORY = 30
#: The columns of the trees' input that hold descriptor codes (after the competition features).
_CATEGORICAL = list(range(len(FEATURE_NAMES), len(FEATURE_NAMES) + len(DESCRIPTORS)))
#: The trees' settings and number, chosen by nested 5-fold CV on PolNeAR train (docs/attribution.md). Each
#: tree sees 80% of the candidates and 80% of the inputs (bagging), which helped with every seed tried.
TREE_PARAMETERS = {"objective": "binary", "num_leaves": 63, "learning_rate": 0.05, "min_data_in_leaf": 50,
                   "bagging_fraction": 0.8, "bagging_freq": 1, "feature_fraction": 0.8,
                   "cat_smooth": 10.0, "seed": 0, "deterministic": True, "force_row_wise": True,
                   "num_threads": 1, "verbose": -1}
TREES = 300
#: The reading ranker: trees of the same kind, trained with LambdaRank to put first the right reading
#: among those of one cue (the candidates with one cue and several contents, at least one of them right):
#: which reading a cue takes was the largest error left once the trees decided which words are cues
#: (docs/attribution.md).
RANKER_PARAMETERS = dict(TREE_PARAMETERS, objective="lambdarank", lambdarank_truncation_level=3)
RANKER_TREES = 200


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


def describe(values: Values) -> tuple[list[str], list[float]]:
    """A candidate's DESCRIPTORS and AMOUNTS from its feature values by name (config: "ccomp", clen: "8"):
    the values, "" where a feature is absent; the amounts as numbers, NaN where absent."""
    amounts = []
    for name in AMOUNTS:
        try:
            amounts.append(float(values[name]))
        except (KeyError, ValueError):
            amounts.append(math.nan)
    return [values.get(name, "") for name in DESCRIPTORS], amounts


class CueRates:
    """How often, in training, candidates with each value of the ENCODED features were cues: per feature,
    value → [cues, candidates]; and the base rate over all candidates."""

    def __init__(self, counts: dict[str, dict[str, list[int]]], base: float) -> None:
        self.counts = counts
        self.base = base

    @classmethod
    def count(cls, described: list[Values], labels: np.ndarray) -> CueRates:
        """The rates of the candidates `described` (their feature values by name) with their 0/1 `labels`."""
        counts: dict[str, dict[str, list[int]]] = {name: {} for name in ENCODED}
        for values, label in zip(described, labels, strict=True):
            for name in ENCODED:
                seen = counts[name].setdefault(values.get(name, ""), [0, 0])
                seen[0] += int(label)
                seen[1] += 1
        return cls(counts, float(np.mean(labels)) if len(labels) else 0.0)

    def columns(self, described: list[Values]) -> np.ndarray:
        """Per candidate (its feature values by name) and ENCODED feature: the smoothed rate of its value,
        and log(1 + candidates)."""
        out = np.zeros((len(described), 2 * len(ENCODED)))
        prior = self.base * ENCODING_WEIGHT
        for r, values in enumerate(described):
            for k, name in enumerate(ENCODED):
                cues, seen = self.counts[name].get(values.get(name, ""), (0, 0))
                out[r, 2 * k] = (cues + prior) / (seen + ENCODING_WEIGHT)
                out[r, 2 * k + 1] = math.log1p(seen)
        return out

    def to_dict(self) -> dict:
        return {"names": list(ENCODED), "counts": self.counts, "base": self.base}

    @classmethod
    def from_dict(cls, data: dict) -> CueRates:
        if tuple(data.get("names", ())) != ENCODED:
            raise ValueError(f"reranker rates {data.get('names')} differ from this code's {ENCODED}: "
                             "retrain with `claimwatch train attribution`")
        return cls(data["counts"], data["base"])


def candidate_rows(cues: list[Range], contents: list[Range], logits: np.ndarray, described: list[Values],
                   codes: dict[str, dict[str, int]], rates: CueRates) -> np.ndarray:
    """The trees' input for the candidates of one Doc: competition features, descriptor codes (`codes`
    maps each descriptor's known values to theirs; 0 for any other), amounts, the cue's length, and the
    training rates of the ENCODED features (`rates`). `described` are the candidates' feature values."""
    competition = competition_features(cues, contents, logits)
    columns = np.zeros((len(described), len(DESCRIPTORS) + len(AMOUNTS) + 1))
    for r, (values_by_name, cue) in enumerate(zip(described, cues, strict=True)):
        values, amounts = describe(values_by_name)
        known = [codes[name].get(value, 0) for name, value in zip(DESCRIPTORS, values, strict=True)]
        columns[r] = known + amounts + [cue[1] - cue[0]]
    return np.hstack([competition, columns, rates.columns(described)])


class Reranker:
    """Gradient-boosted trees (LightGBM) over competition_features and each candidate's
    descriptors and training rates (`rates`), with the decision threshold, and optionally the reading
    ranker (RANKER_PARAMETERS). `categories` lists, per descriptor, the values the trees know (code i + 1
    for the i-th; 0 for any other value)."""

    def __init__(self, trees: str, categories: dict[str, list[str]], threshold: float, rates: CueRates,
                 ranker: str | None = None) -> None:
        self.trees = trees
        self.categories = categories
        self.threshold = threshold
        self.rates = rates
        self.ranker = ranker
        self._booster = Trees(trees)
        self._ranker = Trees(ranker) if ranker else None
        self._codes = value_codes(categories, DESCRIPTORS)

    def scores(self, cues: list[Range], contents: list[Range], logits: np.ndarray, described: list[Values],
               forced: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None]:
        """The final cue probability of every candidate of one Doc (`described`: their feature values by
        name), and the ranker's score of each as a reading of its cue (None without a ranker). The ranker
        scores only the readings of cues that have several and that may be cues: one at least as likely
        as the threshold, or among `forced` (the candidates that are cues whatever the trees say). The
        others are NaN: prefer_readings leaves a cue of one reading be, and keeps every reading of an
        unlikely cue below its best one, so below the threshold whatever the ranker says. The ranker's
        trees, as many as the first, so run for a tenth of the candidates."""
        if not cues:
            return np.zeros(0), None
        rows = candidate_rows(cues, contents, logits, described, self._codes, self.rates)
        probabilities = self._booster.predict(rows)
        likely = probabilities >= self.threshold if forced is None else (probabilities >= self.threshold) | forced
        return probabilities, self._reading_scores(cues, rows, likely)

    def _reading_scores(self, cues: list[Range], rows: np.ndarray, likely: np.ndarray) -> np.ndarray | None:
        if self._ranker is None:
            return None
        ranked = [i for group in _by_cue(cues) if len(group) > 1 and likely[group].any() for i in group]
        scores = np.full(len(cues), np.nan)
        if ranked:
            scores[ranked] = self._ranker.predict(rows[ranked])
        return scores

    def probabilities(self, cues: list[Range], contents: list[Range], logits: np.ndarray,
                      described: list[Values]) -> np.ndarray:
        """The final cue probability of every candidate of one Doc (`described`: their feature values)."""
        return self.scores(cues, contents, logits, described)[0]

    def to_dict(self) -> dict:
        return {"features": list(FEATURE_NAMES), "descriptors": list(DESCRIPTORS), "amounts": list(AMOUNTS),
                "categories": self.categories, "trees": self.trees, "threshold": self.threshold,
                "rates": self.rates.to_dict(), "ranker": self.ranker}

    @classmethod
    def from_dict(cls, data: dict) -> Reranker:
        for key, names in (("features", FEATURE_NAMES), ("descriptors", DESCRIPTORS), ("amounts", AMOUNTS)):
            if tuple(data.get(key, ())) != names:
                raise ValueError(f"reranker {key} {data.get(key)} differ from this code's {names}: "
                                 "retrain with `claimwatch train attribution`")
        if "rates" not in data:
            raise ValueError("the reranker has no training rates (an older model): retrain with "
                             "`claimwatch train attribution`")
        return cls(data["trees"], data["categories"], data["threshold"], CueRates.from_dict(data["rates"]),
                   data.get("ranker"))


def prefer_readings(cues: list[Range], probabilities: np.ndarray, reading_scores: np.ndarray) -> np.ndarray:
    """The probabilities with, for each cue of several readings, the cue's highest one moved to the
    reading the ranker puts first; its other readings stay below it, so that the reading chosen for a
    cue is the ranker's, and whether the cue is one at all stays the trees' decision. A cue whose readings
    the ranker did not score (NaN: Reranker.scores) keeps its probabilities."""
    result = np.array(probabilities, dtype=float)
    reading_scores = np.asarray(reading_scores)
    for group in _by_cue(cues):
        if len(group) < 2 or np.isnan(reading_scores[group]).any():
            continue
        top = result[group].max()
        best = group[int(np.argmax(reading_scores[group]))]
        result[group] = np.minimum(result[group], top - 1e-6)
        result[best] = top
    return result


def _by_cue(cues: list[Range], offset: int = 0) -> list[list[int]]:
    """The candidates of each cue (their indices plus `offset`), cue by cue in order of appearance."""
    readings: dict[Range, list[int]] = {}
    for i, cue in enumerate(cues):
        readings.setdefault(tuple(cue), []).append(offset + i)
    return list(readings.values())


def fit_reranker(groups: list[Group], labels: np.ndarray, threshold: float,
                 group_rates: list[CueRates] | None = None) -> Reranker:
    """Trees over the candidates of `groups` (per Doc: cues, contents, first-stage logits, feature
    values by name) and their 0/1 `labels`, in order; deterministic for the same input. Descriptor values
    seen fewer than MIN_CATEGORY times share one code. `group_rates` are the training rates each group's
    rows read, counted without the group's own fold (as its logits are), so that the trees learn from
    rates as good as those they meet on unseen text; without them, the rates of all groups. The model
    keeps the rates of all groups."""
    lightgbm = lightgbm_module()
    rates = CueRates.count([values for *_, described in groups for values in described], np.asarray(labels))
    categories = known_values((describe(values)[0] for *_, described in groups for values in described),
                              DESCRIPTORS, MIN_CATEGORY)
    codes = value_codes(categories, DESCRIPTORS)
    x = np.vstack([candidate_rows(*group, codes, group_rates[n] if group_rates else rates)
                   for n, group in enumerate(groups)])
    data = lightgbm.Dataset(x, np.asarray(labels, dtype=float), categorical_feature=_CATEGORICAL)
    booster = lightgbm.train(dict(TREE_PARAMETERS), data, num_boost_round=TREES)
    return Reranker(booster.model_to_string(), categories, threshold, rates, _fit_ranker(groups, x, labels))


def _fit_ranker(groups: list[Group], x: np.ndarray, labels: np.ndarray) -> str | None:
    """The reading ranker over the rows `x` of `groups`: trained on the cues of several readings, one of
    them at least right; None when there are none."""
    lightgbm = lightgbm_module()
    labels = np.asarray(labels, dtype=float)
    rows: list[int] = []
    sizes: list[int] = []
    at = 0
    for cues, *_ in groups:
        for group in _by_cue(cues, at):
            if len(group) > 1 and labels[group].any():
                rows.extend(group)
                sizes.append(len(group))
        at += len(cues)
    if not sizes:
        return None
    data = lightgbm.Dataset(x[rows], labels[rows], group=sizes, categorical_feature=_CATEGORICAL)
    return lightgbm.train(dict(RANKER_PARAMETERS), data, num_boost_round=RANKER_TREES).model_to_string()
