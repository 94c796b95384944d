"""Train the attribution cue model on PolNeAR: `claimwatch train attribution DIR [--out PATH]`.

Every candidate cue the attribution rules propose in the training articles (see
claimwatch.nlp.attribution.proposals) is labelled by the gold annotation: positive when it
overlaps a gold cue and its content agrees with that attribution's (the corpus's match, as the
evaluation scores it: claimwatch.corpora.polnear).
A logistic regression with an L2 penalty (full-batch gradient descent in numpy, deterministic)
learns feature weights; rare features and near-zero weights are dropped so
that the JSON stays small. The second stage (claimwatch.nlp.attribution.rerank: LightGBM trees), which
rescores each candidate against its competitors, learns from out-of-fold first-stage scores: the articles are split
into RERANK_FOLDS folds, and each fold is scored by a first stage trained on the others, and reads the training
rates of its words (rerank.CueRates) counted on the others. The result is
written where claimwatch.nlp.attribution.cue_model loads it.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from claimwatch.corpora.polnear import Attribution, contents_agree, load, overlaps, word_spans, words_in
from claimwatch.model import Document
from claimwatch.nlp.attribution.candidate import Candidate
from claimwatch.nlp.attribution.cue_model import MODEL_PATH, CueModel, save_model
from claimwatch.nlp.attribution.rerank import READ_FEATURES, CueRates, Reranker, fit_reranker

#: The first stage's own decision threshold on the cue probability (what decides when a model has no
#: second stage), chosen by 5-fold CV on the training split (docs/attribution.md).
THRESHOLD = 0.35
#: The L2 penalty of the first stage, chosen by nested 5-fold CV on the training split: with the many
#: candidates and sparse features of the argument readings, a stronger penalty pays (docs/attribution.md).
L2 = 8.0
#: Features seen fewer times than this in training are dropped.
MIN_COUNT = 2
#: The second stage's threshold, chosen by nested 5-fold CV on the training split (the second stage of
#: each outer fold trained on inner out-of-fold scores); attribution F1 is flat within .001 from 0.375 to
#: 0.45 (docs/attribution.md).
RERANK_THRESHOLD = 0.425
#: Folds for the out-of-fold first-stage scores the second stage learns from.
RERANK_FOLDS = 5


@dataclass
class Article:
    """One gold article with its parse: the Docs of its pieces and where each piece starts."""

    document: Document
    gold: list[Attribution]
    pieces: list[tuple[int, Doc]]


def parse_articles(folder: Path) -> Iterator[Article]:
    """The articles of a PolNeAR folder, parsed the way the pipeline parses them."""
    from claimwatch.nlp.pipeline import load_pipeline, pieces_for_parsing

    nlp = load_pipeline()
    items = list(load(folder))
    chunks = [pieces_for_parsing(document) for _name, document, _gold in items]
    texts = ((piece, n) for n, pieces_of_article in enumerate(chunks) for _start, piece in pieces_of_article)
    pieces: dict[int, list[Doc]] = {}
    for parsed, n in nlp.pipe(texts, as_tuples=True, batch_size=32):
        pieces.setdefault(n, []).append(parsed)
        if len(pieces[n]) == len(chunks[n]):
            _name, document, gold = items[n]
            yield Article(document, gold, [(c[0], d) for c, d in zip(chunks[n], pieces.pop(n), strict=True)])


@dataclass
class LabelledCandidate:
    """One candidate of a training article: its first-stage features and the values the second stage
    reads (Candidate.to_features(), Candidate.values()), its label, and where it lies (which piece of the
    article, its cue and content token ranges) so that the second stage can see its competitors."""

    features: list[str]
    values: dict[str, str]
    label: int
    piece: int
    cue: tuple[int, int]
    content: tuple[int, int]

    @classmethod
    def of(cls, candidate: Candidate, label: int, piece: int, cue: tuple[int, int],
           content: tuple[int, int]) -> LabelledCandidate:
        """The labelled candidate, keeping of its values only those the second stage reads (READ_FEATURES):
        the articles' hundreds of thousands of candidates are held in memory until the second stage."""
        values = {name: value for name, value in candidate.named_values() if name in READ_FEATURES}
        return cls(candidate.to_features(), values, label, piece, cue, content)


def labelled_candidates(articles: Iterable[Article]) -> Iterator[tuple[list[str], int]]:
    """(features, label) of every candidate cue: 1 when it would make a correct attribution, i.e. its
    cue overlaps a gold cue and its content agrees with that attribution's content."""
    for candidates in labelled_articles(articles):
        for candidate in candidates:
            yield candidate.features, candidate.label


def labelled_articles(articles: Iterable[Article]) -> Iterator[list[LabelledCandidate]]:
    """The labelled candidates of each article (see labelled_candidates)."""
    from claimwatch.nlp.attribution.proposals import candidates
    from claimwatch.nlp.state import DocState

    for article in articles:
        words = word_spans(article.document.text)
        gold_words = [words_in(words, a.content) for a in article.gold]
        state = DocState(article.document)
        found = []
        for piece, (offset, doc) in enumerate(article.pieces):
            state.offset = offset
            for item, candidate in candidates(doc, state):
                cue, *content = (state.span((doc[r[0]].idx, doc[r[1] - 1].idx + len(doc[r[1] - 1].text)))
                                 for r in (item.cue, *(item.pieces or [item.content])))
                content_words = words_in(words, content)
                label = any(overlaps([cue], a.cue) and contents_agree(content_words, gold_words[i])
                            for i, a in enumerate(article.gold))
                found.append(LabelledCandidate.of(candidate, int(label), piece, item.cue, item.content))
        yield found


def fit(examples: list[tuple[list[str], int]], l2: float = L2, steps: int = 300,
        min_count: int = MIN_COUNT) -> CueModel:
    """Logistic regression by full-batch gradient descent (Adam) on the mean log loss plus
    `l2`/n times the squared weights; deterministic for the same examples."""
    import numpy as np

    counts = Counter(f for feats, _ in examples for f in set(feats))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    rows, cols = [], []
    for r, (feats, _) in enumerate(examples):
        for f in set(feats):
            if f in index:
                rows.append(r)
                cols.append(index[f])
    rows_a, cols_a = np.array(rows), np.array(cols)
    y = np.array([label for _, label in examples], dtype=float)
    n, d = len(examples), len(names)
    w, b = np.zeros(d), float(np.log((y.mean() + 1e-6) / (1 - y.mean() + 1e-6)))
    m, v, mb, vb = np.zeros(d), np.zeros(d), 0.0, 0.0
    rate, beta1, beta2 = 0.1, 0.9, 0.999
    for t in range(1, steps + 1):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n) + b
        err = 1.0 / (1.0 + np.exp(-z)) - y
        grad = np.bincount(cols_a, weights=err[rows_a], minlength=d) / n + (l2 / n) * w
        grad_b = err.mean()
        m, v = beta1 * m + (1 - beta1) * grad, beta2 * v + (1 - beta2) * grad * grad
        mb, vb = beta1 * mb + (1 - beta1) * grad_b, beta2 * vb + (1 - beta2) * grad_b * grad_b
        correction = np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        w -= rate * correction * m / (np.sqrt(v) + 1e-8)
        b -= rate * correction * mb / (np.sqrt(vb) + 1e-8)
    weights = {f: round(float(x), 4) for f, x in zip(names, w, strict=True) if abs(x) >= 1e-3}
    return CueModel(weights, round(b, 4), THRESHOLD)


def fit_rerank(groups: list[list[LabelledCandidate]], folds: int = RERANK_FOLDS) -> Reranker | None:
    """The second stage, trained on out-of-fold first-stage scores of the articles `groups` (fold f
    holds the articles f, f + folds, …); None when there are too few articles to hold any out."""
    import numpy as np

    folds = min(folds, len(groups))
    if folds < 2:
        return None
    rows, labels, rates = [], [], []
    for f in range(folds):
        print(f"train attribution: second stage, first stage of fold {f + 1} of {folds}", file=sys.stderr, flush=True)
        held_out = groups[f::folds]
        others = [c for n, g in enumerate(groups) if n % folds != f for c in g]
        first = fit([(c.features, c.label) for c in others])
        fold_rates = CueRates.count([c.values for c in others], np.array([c.label for c in others]))
        for candidates in held_out:
            for piece in sorted({c.piece for c in candidates}):
                chosen = [c for c in candidates if c.piece == piece]
                logits = np.array([first.logit(c.features) for c in chosen])
                rows.append(([c.cue for c in chosen], [c.content for c in chosen], logits,
                             [c.values for c in chosen]))
                labels.extend(c.label for c in chosen)
                rates.append(fold_rates)
    if not labels:
        return None
    print("train attribution: second stage, trees and reading ranker", file=sys.stderr, flush=True)
    return fit_reranker(rows, np.array(labels, dtype=float), RERANK_THRESHOLD, rates)


def train(path: Path, out: Path = MODEL_PATH) -> dict:
    """Train the cue model on the PolNeAR articles of `path`, write it to `out`, and say how it went."""
    groups = []
    n = 0
    for candidates in labelled_articles(parse_articles(path)):
        groups.append(candidates)
        n += len(candidates)
        print(f"\rtrain attribution: {len(groups)} articles, {n} candidates", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    examples = [(c.features, c.label) for candidates in groups for c in candidates]
    if not examples:
        raise FileNotFoundError(f"{path}: no candidates found (is it a PolNeAR folder with text/ and attributions/?)")
    print("train attribution: first stage", file=sys.stderr, flush=True)
    model = fit(examples)
    model.rerank = fit_rerank(groups)
    save_model(model, out)
    positives = sum(label for _, label in examples)
    correct = sum((model.probability(f) >= model.threshold) == bool(label) for f, label in examples)
    return {"candidates": len(examples), "positives": positives, "features": len(model.weights),
            "training_accuracy": round(correct / len(examples), 4), "second_stage": model.rerank is not None,
            "out": str(out)}
