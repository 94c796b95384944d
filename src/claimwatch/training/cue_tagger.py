"""Train the accurate mode's cue tagger (claimwatch.nlp.attribution.cue_tagger), its context tagger
(claimwatch.nlp.attribution.context_tagger, trained by training.context_tagger) and its second stage
(claimwatch.nlp.attribution.accurate) on PolNeAR train:

    python -m claimwatch.training.cue_tagger ../shared/data/polnear/train ../shared/data/polnear/dev

Every token of the training articles, parsed as the pipeline parses them, is labelled CUE, SRC or CON
when it lies in a gold attribution's cue, source or content (in that order of precedence), else O. The
tagger (a spaCy `tagger` component with its own tok2vec) learns those labels from the parsed Docs; the
dev split only chooses the epoch (the best token F1 of CUE). The context tagger learns the same labels from
the transformer's vectors of the same Docs. The accurate second stage then learns, as `claimwatch train
attribution` does, from out-of-fold scores: the training articles are split into TAGGER_FOLDS folds, each
tagged by taggers trained on the others, so that its trees learn from tagger probabilities as good as those
they meet on unseen text. Training is seeded: run again on one machine, it wrote both taggers byte for
byte, but the second stage's trees differ when the first stage's out-of-fold scores differ in their last
digits (docs/attribution.md). About an hour on two cores.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc
from spacy.training import Example

from claimwatch.corpora.polnear import Attribution
from claimwatch.nlp.attribution.accurate import ACCURATE_PATH, TaggedReranker, accurate_columns, save_accurate
from claimwatch.nlp.attribution.context_tagger import CONTEXT_TAGGER_PATH
from claimwatch.nlp.attribution.cue_tagger import TAGGER_PATH, CueTagger, TokenProbabilities, blank_tagger
from claimwatch.nlp.attribution.rerank import (
    _CATEGORICAL,
    DESCRIPTORS,
    MIN_CATEGORY,
    TREE_PARAMETERS,
    TREES,
    CueRates,
    _fit_ranker,
    candidate_rows,
    describe,
)
from claimwatch.nlp.boosting import known_values, lightgbm_module, value_codes
from claimwatch.training.attribution import (
    RERANK_FOLDS,
    Article,
    LabelledCandidate,
    fit,
    labelled_articles,
    parse_articles,
)
from claimwatch.training.context_tagger import (
    encode_pieces,
    label_ids,
    out_of_fold_context_tags,
    train_context_tagger,
)

#: Label precedence where roles overlap (a cue inside a content is a cue).
_ROLES = (("CUE", "cue"), ("SRC", "source"), ("CON", "content"))
#: Training limits: epochs over the training articles, and seconds of training in all (whichever comes first).
EPOCHS = 10
MAX_SECONDS = 3600.0
#: Documents per update, and dropout.
BATCH_DOCS = 4
DROPOUT = 0.1
SEED = 0
#: Folds of the training articles for the out-of-fold tagger probabilities the accurate second stage learns from.
TAGGER_FOLDS = 3
#: The accurate second stage's threshold, chosen on PolNeAR dev (docs/attribution.md): trained on the
#: probabilities of fold taggers, the trees meet more confident ones from the tagger trained on all articles,
#: and accept too many candidates at the default second stage's threshold (rerank: 0.425).
ACCURATE_THRESHOLD = 0.5
#: … and the epochs of each fold's tagger (fewer than the shipped one's, to bound the training time).
FOLD_EPOCHS = 6
CONTEXT_FOLD_EPOCHS = 4


@dataclass
class LabelledDoc:
    """One parsed piece of a training article and the gold role of each of its tokens."""

    doc: Doc
    labels: list[str]


def token_labels(doc: Doc, offset: int, gold: Sequence[Attribution]) -> list[str]:
    """The role of each token of `doc` (which starts at `offset` in the article) in the gold attributions:
    the first of CUE, SRC, CON whose spans it overlaps, else O (spaces are O)."""
    spans = {label: [s for a in gold for s in getattr(a, role)] for label, role in _ROLES}
    labels = []
    for token in doc:
        start = offset + token.idx
        end = start + len(token.text)
        label = "O"
        if not token.is_space:
            label = next((name for name, _ in _ROLES if any(a < end and start < b for a, b in spans[name])), "O")
        labels.append(label)
    return labels


def _example(item: LabelledDoc) -> Example:
    doc = item.doc
    reference = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                    tags=item.labels)
    return Example(doc, reference)


def cue_scores(tagger: CueTagger, items: Iterable[LabelledDoc]) -> dict[str, float]:
    """Token precision, recall and F1 of CUE (the likeliest label), and the accuracy of all labels."""
    tp = n_pred = n_gold = right = total = 0
    labels = tagger.component.labels
    for item in items:
        scores = tagger.component.model.predict([item.doc])[0]
        guesses = [labels[int(i)] for i in scores.argmax(axis=1)]
        for guess, gold in zip(guesses, item.labels, strict=True):
            tp += guess == gold == "CUE"
            n_pred += guess == "CUE"
            n_gold += gold == "CUE"
            right += guess == gold
            total += 1
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"cue_precision": p, "cue_recall": r, "cue_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "accuracy": right / total if total else 0.0}


def train_tagger(train: list[LabelledDoc], dev: list[LabelledDoc], epochs: int = EPOCHS,
                 max_seconds: float = MAX_SECONDS, seed: int = SEED) -> tuple[CueTagger, list[dict]]:
    """A tagger trained on `train`, the epoch with the best CUE token F1 on `dev` kept; and each epoch's
    scores."""
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = blank_tagger()
    examples = [_example(item) for item in train]
    optimizer = nlp.initialize(lambda: examples)
    tagger = CueTagger(nlp)
    best: tuple[float, bytes] | None = None
    history: list[dict] = []
    started = time.perf_counter()
    for epoch in range(1, epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=BATCH_DOCS):
            nlp.update(batch, drop=DROPOUT, sgd=optimizer, losses=losses)
        scores = cue_scores(tagger, dev)
        elapsed = time.perf_counter() - started
        history.append({"epoch": epoch, "loss": losses.get("cue_tagger", 0.0), "seconds": round(elapsed, 1), **scores})
        print(f"cue tagger: epoch {epoch}, loss {history[-1]['loss']:.1f}, dev CUE F1 {scores['cue_f1']:.4f}, "
              f"{elapsed:.0f} s", file=sys.stderr, flush=True)
        if best is None or scores["cue_f1"] > best[0]:
            best = (scores["cue_f1"], tagger.component.model.to_bytes())
        if elapsed > max_seconds:
            break
    assert best is not None
    tagger.component.model.from_bytes(best[1])
    return tagger, history


def write_tagger(tagger: CueTagger, out: Path = TAGGER_PATH) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(tagger.to_bytes())


@dataclass
class Scored:
    """The candidates of one parsed piece of a training article, as the second stage learns from them:
    cues, contents, out-of-fold first-stage logits, the feature values it reads, labels, the training
    rates counted without the piece's fold, and the tagger's columns (accurate.tagger_columns)."""

    cues: list[tuple[int, int]]
    contents: list[tuple[int, int]]
    logits: np.ndarray
    values: list[dict[str, str]]
    labels: list[int]
    rates: CueRates
    article: int
    piece: int


def out_of_fold_scores(groups: list[list[LabelledCandidate]], folds: int = RERANK_FOLDS) -> list[Scored]:
    """Each piece's candidates with first-stage logits from a first stage trained on the other folds (fold f
    holds the articles f, f + folds, …), as training.attribution.fit_rerank gives the default second stage."""
    result: list[Scored] = []
    for f in range(folds):
        print(f"accurate second stage: first stage of fold {f + 1} of {folds}", file=sys.stderr, flush=True)
        others = [c for n, g in enumerate(groups) if n % folds != f for c in g]
        first = fit([(c.features, c.label) for c in others])
        fold_rates = CueRates.count([c.values for c in others], np.array([c.label for c in others]))
        for n in range(f, len(groups), folds):
            for piece in sorted({c.piece for c in groups[n]}):
                chosen = [c for c in groups[n] if c.piece == piece]
                result.append(Scored([c.cue for c in chosen], [c.content for c in chosen],
                                     np.array([first.logit(c.features) for c in chosen]), [c.values for c in chosen],
                                     [c.label for c in chosen], fold_rates, n, piece))
    return result


Tagged = dict[tuple[int, int], tuple[TokenProbabilities, TokenProbabilities]]


def fit_accurate(scored: list[Scored], tagged: Tagged, threshold: float = ACCURATE_THRESHOLD) -> TaggedReranker:
    """The accurate second stage: trees and reading ranker as rerank.fit_reranker trains them, on the
    default inputs plus both taggers' columns of each piece (`tagged`, by article and piece: out-of-fold
    probabilities of the cue tagger and of the context tagger)."""
    lightgbm = lightgbm_module()
    labels = np.array([label for s in scored for label in s.labels], dtype=float)
    all_values = [v for s in scored for v in s.values]
    rates = CueRates.count(all_values, labels)
    categories = known_values((describe(v)[0] for v in all_values), DESCRIPTORS, MIN_CATEGORY)
    codes = value_codes(categories, DESCRIPTORS)
    x = np.vstack([np.hstack([candidate_rows(s.cues, s.contents, s.logits, s.values, codes, s.rates),
                              accurate_columns(tagged[(s.article, s.piece)], s.cues, s.contents)]) for s in scored])
    data = lightgbm.Dataset(x, labels, categorical_feature=_CATEGORICAL)
    booster = lightgbm.train(dict(TREE_PARAMETERS), data, num_boost_round=TREES)
    groups = [(s.cues, s.contents, s.logits, s.values) for s in scored]
    return TaggedReranker(booster.model_to_string(), categories, threshold, rates, _fit_ranker(groups, x, labels))


def labelled_docs(articles: Sequence[Article]) -> list[tuple[int, int, LabelledDoc]]:
    """(article, piece, labelled Doc) of every parsed piece of the articles."""
    return [(n, p, LabelledDoc(doc, token_labels(doc, offset, article.gold)))
            for n, article in enumerate(articles) for p, (offset, doc) in enumerate(article.pieces)]


def out_of_fold_tags(pieces: list[tuple[int, int, LabelledDoc]], dev: list[LabelledDoc],
                     folds: int = TAGGER_FOLDS, epochs: int = FOLD_EPOCHS) -> dict[tuple[int, int], TokenProbabilities]:
    """The tagger's probabilities of every training piece, by (article, piece), from a tagger trained on the
    articles of the other folds (fold f holds the articles f, f + folds, …)."""
    tagged: dict[tuple[int, int], TokenProbabilities] = {}
    for f in range(folds):
        print(f"cue tagger: fold {f + 1} of {folds}", file=sys.stderr, flush=True)
        tagger, _ = train_tagger([item for n, _, item in pieces if n % folds != f], dev, epochs=epochs)
        tagged.update({(n, p): tagger.probabilities(item.doc) for n, p, item in pieces if n % folds == f})
    return tagged


def train(train_path: Path, dev_path: Path, tagger_out: Path = TAGGER_PATH, accurate_out: Path = ACCURATE_PATH,
          context_out: Path = CONTEXT_TAGGER_PATH, keep: Path | None = None) -> dict:
    """Train both taggers on the PolNeAR articles of `train_path` (`dev_path` chooses the epochs) and the
    accurate second stage on their out-of-fold probabilities; write all three; say how it went. With `keep`,
    a folder, the out-of-fold probabilities and the scored candidates are pickled there as well, so that the
    second stage can be fitted again (fit_accurate) without training the taggers again."""
    started = time.perf_counter()
    articles = list(parse_articles(train_path))
    pieces = labelled_docs(articles)
    dev = [item for *_, item in labelled_docs(list(parse_articles(dev_path)))]
    if not pieces or not dev:
        raise FileNotFoundError(f"{train_path} or {dev_path}: no PolNeAR articles (text/ and attributions/)")
    tagged = out_of_fold_tags(pieces, dev)
    print("cue tagger: on all training articles", file=sys.stderr, flush=True)
    tagger, history = train_tagger([item for *_, item in pieces], dev)
    write_tagger(tagger, tagger_out)
    context_tagged, context_history = train_context(pieces, dev, context_out)
    both = {key: (probabilities, context_tagged[key]) for key, probabilities in tagged.items()}
    print("accurate second stage: candidates", file=sys.stderr, flush=True)
    scored = out_of_fold_scores(list(labelled_articles(articles)))
    if keep is not None:
        import pickle

        keep.mkdir(parents=True, exist_ok=True)
        (keep / "tagged.pkl").write_bytes(pickle.dumps(both))
        (keep / "scored.pkl").write_bytes(pickle.dumps(scored))
    save_accurate(fit_accurate(scored, both), accurate_out)
    best = max(history, key=lambda h: h["cue_f1"])
    context_best = max(context_history, key=lambda h: h["dev_cue_f1"])
    return {"articles": len(articles), "pieces": len(pieces), "best_epoch": best["epoch"],
            "dev_cue_token_f1": round(best["cue_f1"], 4), "context_best_epoch": context_best["epoch"],
            "context_dev_cue_token_f1": context_best["dev_cue_f1"], "seconds": round(time.perf_counter() - started),
            "tagger": str(tagger_out), "tagger_bytes": tagger_out.stat().st_size, "context_tagger": str(context_out),
            "context_tagger_bytes": context_out.stat().st_size, "accurate": str(accurate_out)}


def train_context(pieces: list[tuple[int, int, LabelledDoc]], dev: list[LabelledDoc],
                  out: Path = CONTEXT_TAGGER_PATH) -> tuple[dict[tuple[int, int], TokenProbabilities], list[dict]]:
    """The context tagger's out-of-fold probabilities of every training piece, by (article, piece), and the
    figures of the one trained on all pieces, which is written to `out`."""
    vectors = encode_pieces([item.doc for *_, item in pieces])
    labels = [label_ids(item.labels) for *_, item in pieces]
    dev_vectors = encode_pieces([item.doc for item in dev])
    dev_labels = [label_ids(item.labels) for item in dev]
    tagged = out_of_fold_context_tags([n for n, _, _ in pieces], vectors, labels, dev_vectors, dev_labels,
                                      [(n, p) for n, p, _ in pieces], TAGGER_FOLDS, CONTEXT_FOLD_EPOCHS)
    print("context tagger: on all training articles", file=sys.stderr, flush=True)
    context, history = train_context_tagger(vectors, labels, dev_vectors, dev_labels)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(context.to_bytes())
    return tagged, history


if __name__ == "__main__":
    import json

    if len(sys.argv) != 3:
        sys.exit("usage: python -m claimwatch.training.cue_tagger TRAIN_DIR DEV_DIR")
    print(json.dumps(train(Path(sys.argv[1]), Path(sys.argv[2])), indent=2))
