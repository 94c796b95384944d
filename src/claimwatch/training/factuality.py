"""Train the factuality model on a factuality corpus: `claimwatch train factuality DIR [--out PATH]`.

DIR holds a train.conll in the unified factuality format, or is a folder of such corpora
(../shared/data/factuality: UW and MEANTIME).
Its sentences are joined into documents as the evaluation joins them (claimwatch.corpora.factuality)
and parsed, each gold event token is described as the predicates layer describes it
(factuality_model.describe_event), and trees learn the gold score; the model is written where the
predicates layer loads it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.tokens import Token

from claimwatch.corpora.factuality import build_documents, read_conll
from claimwatch.nlp.certainty.factuality import FactualityWalker
from claimwatch.nlp.certainty.factuality_model import (
    MODEL_PATH,
    Described,
    describe_event,
    fit_factuality_model,
    save_factuality_model,
)
from claimwatch.nlp.pipeline import load_pipeline, text_for_parsing


def gold_events(path: Path) -> tuple[list[Token], list[Described], list[float]]:
    """Each gold event of a CoNLL file: its token in the parsed documents, described for the trees, and its
    gold score."""
    documents, gold = build_documents(read_conll(path))
    nlp = load_pipeline()
    tokens: list[Token] = []
    described: list[Described] = []
    scores: list[float] = []
    walkers: dict[int, FactualityWalker] = {}
    docs = []
    for n, doc in enumerate(nlp.pipe((text_for_parsing(d.text) for d in documents), batch_size=8)):
        docs.append(doc)
        print(f"\rtrain factuality: {path.parent.name}, parsed {n + 1} of {len(documents)} documents", end="",
              file=sys.stderr, flush=True)
    print(file=sys.stderr)
    for token in gold:
        span = docs[token.document].char_span(*token.span, alignment_mode="expand")
        if span is None or not len(span):
            continue
        walker = walkers.setdefault(token.document, FactualityWalker())
        tokens.append(span.root)
        described.append(describe_event(span.root, walker))
        scores.append(token.score)
    return tokens, described, scores


def described_gold(path: Path) -> tuple[list[Described], list[float]]:
    """Each gold event of a CoNLL file, described for the trees, and its gold score."""
    _, described, scores = gold_events(path)
    return described, scores


def corpus_weights(sizes: list[int]) -> list[float]:
    """The weight of each corpus's events: the square root of how many times smaller it is than the largest,
    so that a small corpus (MEANTIME, about a tenth of UW's events) is heard without its style taking over
    (the cross-validation behind the choice is in docs/factuality.md)."""
    largest = max(sizes)
    return [(largest / max(1, size)) ** 0.5 for size in sizes]


def corpus_files(path: Path) -> list[Path]:
    """The train.conll files `path` names: the file itself, a corpus folder's, or those of each corpus
    folder in it (../shared/data/factuality holds uw/ and meantime/)."""
    if path.is_file():
        return [path]
    if (path / "train.conll").is_file():
        return [path / "train.conll"]
    return sorted(sub / "train.conll" for sub in path.iterdir() if (sub / "train.conll").is_file())


def train(path: Path, out: Path = MODEL_PATH) -> dict:
    """Train the factuality model on the train.conll files of `path`, write it to `out`, and say how it
    went. Each corpus's events weigh as corpus_weights says."""
    files = corpus_files(path)
    if not files:
        raise FileNotFoundError(f"{path}: no train.conll (give a factuality corpus folder such as "
                                "../shared/data/factuality/uw, or the folder of corpora ../shared/data/factuality)")
    corpora = [described_gold(file) for file in files]
    described, scores, weights = [], [], []
    for (events, gold), weight in zip(corpora, corpus_weights([len(gold) for _, gold in corpora]), strict=True):
        described.extend(events)
        scores.extend(gold)
        weights.extend([weight] * len(gold))
    if not scores:
        raise FileNotFoundError(f"{path}: no gold event tokens (is it a unified factuality CoNLL file?)")
    save_factuality_model(fit_factuality_model(described, scores, weights), out)
    return {"events": len(scores), "corpora": [str(file) for file in files], "out": str(out)}
