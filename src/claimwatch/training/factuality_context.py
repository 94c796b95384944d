"""Train the accurate mode's factuality (claimwatch.nlp.certainty.factuality_context) on the factuality corpora:

    python -m claimwatch.training.factuality_context ../shared/data/factuality

The gold events of each train.conll are parsed and described as `claimwatch train factuality` does, and read
by the transformer (nlp/context.py). A network learns the gold score from the events' vectors; trees of the
default kind learn it from the described events and the network's guess, each event's guess coming from a
network trained on the other folds (FOLDS), so that the trees learn how far to trust guesses on unseen text.
Each corpus's events weigh as training.factuality.corpus_weights says. Seeded: the same data give the same
files. A few minutes on two cores.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from thinc.api import Adam, fix_random_seed

from claimwatch.nlp.certainty.factuality_context import (
    ACCURATE_MODEL_PATH,
    CONTEXT_COLUMN,
    INPUT_WIDTH,
    SCORER_PATH,
    ContextScorer,
    build_scorer,
    event_rows,
)
from claimwatch.nlp.certainty.factuality_model import fit_factuality_model, save_factuality_model
from claimwatch.nlp.context import load_encoder
from claimwatch.training.factuality import corpus_files, corpus_weights, gold_events

#: Folds for the out-of-fold guesses the trees learn from (event n of a corpus is in fold n % FOLDS).
FOLDS = 5
#: Passes over the events, events per update, learning rate (5-fold CV on train; docs/factuality.md).
EPOCHS = 40
BATCH = 64
LEARNING_RATE = 0.001
SEED = 0


def fit_scorer(rows: np.ndarray, scores: np.ndarray, weights: np.ndarray, epochs: int = EPOCHS,
               seed: int = SEED) -> ContextScorer:
    """The network trained on event_rows, their gold scores and weights (weighted squared error)."""
    fix_random_seed(seed)
    rng = np.random.default_rng(seed)
    model = build_scorer()
    model.initialize(X=rows[:5], Y=scores[:5, None].astype(np.float32))
    optimizer = Adam(LEARNING_RATE)
    for _ in range(epochs):
        order = rng.permutation(len(rows))
        for start in range(0, len(order), BATCH):
            batch = order[start:start + BATCH]
            guesses, backprop = model.begin_update(rows[batch])
            error = (guesses[:, 0] - scores[batch]) * weights[batch] / len(batch)
            backprop(error[:, None].astype(np.float32))
            model.finish_update(optimizer)
    return ContextScorer(model)


def train(path: Path, scorer_out: Path = SCORER_PATH, trees_out: Path = ACCURATE_MODEL_PATH) -> dict:
    """Train the network and the trees on the train.conll files of `path`; write both; say how it went."""
    started = time.perf_counter()
    files = corpus_files(path)
    if not files:
        raise FileNotFoundError(f"{path}: no train.conll (give ../shared/data/factuality or a corpus folder in it)")
    encoder = load_encoder()
    corpora = []
    for file in files:
        tokens, described, scores = gold_events(file)
        by_doc: dict[int, list[int]] = defaultdict(list)  # each parsed document is read once
        for n, token in enumerate(tokens):
            by_doc[id(token.doc)].append(n)
        rows = np.zeros((len(tokens), INPUT_WIDTH), dtype=np.float32)
        for members in by_doc.values():
            rows[members] = event_rows(encoder.vectors(tokens[members[0]].doc), [tokens[n] for n in members])
        corpora.append((described, np.asarray(scores, dtype=np.float32), rows))
        print(f"train factuality (accurate): {file.parent.name}, {len(tokens)} events read", file=sys.stderr,
              flush=True)
    weights = corpus_weights([len(scores) for _, scores, _ in corpora])
    folds = [np.arange(len(scores)) % FOLDS for _, scores, _ in corpora]

    def pooled(chosen: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (np.vstack([rows[keep] for (_, _, rows), keep in zip(corpora, chosen, strict=True)]),
                np.concatenate([scores[keep] for (_, scores, _), keep in zip(corpora, chosen, strict=True)]),
                np.concatenate([np.full(int(keep.sum()), w, dtype=np.float32)
                                for w, keep in zip(weights, chosen, strict=True)]))

    guesses = [np.zeros(len(scores)) for _, scores, _ in corpora]
    for fold in range(FOLDS):
        print(f"train factuality (accurate): network of fold {fold + 1} of {FOLDS}", file=sys.stderr, flush=True)
        scorer = fit_scorer(*pooled([f != fold for f in folds]))
        for (_, _, rows), f, guess in zip(corpora, folds, guesses, strict=True):
            guess[f == fold] = scorer.guesses(rows[f == fold])
    scorer = fit_scorer(*pooled([np.ones(len(f), dtype=bool) for f in folds]))
    scorer_out.parent.mkdir(parents=True, exist_ok=True)
    scorer_out.write_bytes(scorer.to_bytes())
    described = [d for events, _, _ in corpora for d in events]
    trees = fit_factuality_model(described, [float(s) for _, scores, _ in corpora for s in scores],
                                 [w for w, (_, scores, _) in zip(weights, corpora, strict=True) for _ in scores],
                                 np.concatenate(guesses)[:, None], (CONTEXT_COLUMN,))
    save_factuality_model(trees, trees_out)
    return {"events": len(described), "corpora": [str(file) for file in files], "scorer": str(scorer_out),
            "trees": str(trees_out), "seconds": round(time.perf_counter() - started)}


if __name__ == "__main__":
    import json

    if len(sys.argv) != 2:
        sys.exit("usage: python -m claimwatch.training.factuality_context FACTUALITY_DIR")
    print(json.dumps(train(Path(sys.argv[1])), indent=2))
