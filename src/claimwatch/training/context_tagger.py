"""Train the accurate mode's context tagger (claimwatch.nlp.attribution.context_tagger) on the labelled pieces
of PolNeAR train that training.cue_tagger prepares; run by `python -m claimwatch.training.cue_tagger`.

The transformer reads every piece once (encode_pieces); the network learns the pieces' token labels from
those vectors with softmax cross-entropy, and the dev pieces choose the epoch (the best CUE token F1). As
for the cue tagger, the accurate second stage learns from out-of-fold probabilities: each training article
is tagged by a network trained on the other folds. Seeded: the same data give the same bytes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

import numpy as np
from thinc.api import Adam, fix_random_seed

from claimwatch.nlp.attribution.context_tagger import ContextTagger, build_context_tagger, initialized
from claimwatch.nlp.attribution.cue_tagger import LABELS
from claimwatch.nlp.context import load_encoder

#: Epochs (the best on dev is kept), documents per update, learning rate, seed.
EPOCHS = 4
BATCH_DOCS = 4
LEARNING_RATE = 0.001
SEED = 0


def encode_pieces(docs: Sequence) -> list[np.ndarray]:
    """The transformer's vectors of each Doc."""
    encoder = load_encoder()
    vectors = []
    for n, doc in enumerate(docs):
        vectors.append(encoder.vectors(doc))
        if (n + 1) % 50 == 0 or n + 1 == len(docs):
            print(f"\rcontext tagger: read {n + 1} of {len(docs)} pieces", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return vectors


def label_ids(labels: Sequence[str]) -> np.ndarray:
    return np.array([LABELS.index(label) for label in labels], dtype=np.int64)


def cue_f1(tagger: ContextTagger, vectors: Sequence[np.ndarray], labels: Sequence[np.ndarray]) -> float:
    """Token F1 of CUE, the likeliest label of each token against its gold label."""
    cue = LABELS.index("CUE")
    tp = n_pred = n_gold = 0
    for x, y in zip(vectors, labels, strict=True):
        guess = tagger.model.predict([x])[0].argmax(axis=1)
        tp += int(((guess == cue) & (y == cue)).sum())
        n_pred += int((guess == cue).sum())
        n_gold += int((y == cue).sum())
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def train_context_tagger(vectors: Sequence[np.ndarray], labels: Sequence[np.ndarray],
                         dev_vectors: Sequence[np.ndarray], dev_labels: Sequence[np.ndarray],
                         epochs: int = EPOCHS, seed: int = SEED) -> tuple[ContextTagger, list[dict]]:
    """A network trained on the pieces' vectors and label ids, the epoch with the best dev CUE F1 kept; and
    each epoch's figures."""
    fix_random_seed(seed)
    rng = np.random.default_rng(seed)
    tagger = ContextTagger(initialized(build_context_tagger()))
    optimizer = Adam(LEARNING_RATE)
    best: tuple[float, bytes] | None = None
    history: list[dict] = []
    started = time.perf_counter()
    for epoch in range(1, epochs + 1):
        loss = 0.0
        order = rng.permutation(len(vectors))
        for start in range(0, len(order), BATCH_DOCS):
            batch = order[start:start + BATCH_DOCS]
            guesses, backprop = tagger.model.begin_update([vectors[i] for i in batch])
            gradients = []
            for guess, i in zip(guesses, batch, strict=True):
                rows = np.arange(len(guess))
                loss -= float(np.log(guess[rows, labels[i]] + 1e-9).sum())
                gradient = guess.copy()
                gradient[rows, labels[i]] -= 1.0
                gradients.append(gradient / max(1, len(guess)))
            backprop(gradients)
            tagger.model.finish_update(optimizer)
        f1 = cue_f1(tagger, dev_vectors, dev_labels)
        history.append({"epoch": epoch, "loss": round(loss, 1), "dev_cue_f1": round(f1, 4),
                        "seconds": round(time.perf_counter() - started, 1)})
        print(f"context tagger: epoch {epoch}, loss {loss:.0f}, dev CUE F1 {f1:.4f}, "
              f"{history[-1]['seconds']:.0f} s", file=sys.stderr, flush=True)
        if best is None or f1 > best[0]:
            best = (f1, tagger.model.to_bytes())
    assert best is not None
    tagger.model.from_bytes(best[1])
    return tagger, history


def out_of_fold_context_tags(articles: Sequence[int], vectors: Sequence[np.ndarray], labels: Sequence[np.ndarray],
                             dev_vectors: Sequence[np.ndarray], dev_labels: Sequence[np.ndarray], keys: Sequence,
                             folds: int, epochs: int) -> dict:
    """The probabilities of every training piece (by its key), from a network trained on the articles of the
    other folds (fold f holds the articles f, f + folds, …); `articles` gives each piece's article number."""
    tagged: dict = {}
    for fold in range(folds):
        print(f"context tagger: fold {fold + 1} of {folds}", file=sys.stderr, flush=True)
        chosen = [n for n, article in enumerate(articles) if article % folds != fold]
        tagger, _ = train_context_tagger([vectors[n] for n in chosen], [labels[n] for n in chosen], dev_vectors,
                                         dev_labels, epochs=epochs)
        for n, article in enumerate(articles):
            if article % folds == fold:
                tagged[keys[n]] = tagger.probabilities_of(vectors[n])
    return tagged

