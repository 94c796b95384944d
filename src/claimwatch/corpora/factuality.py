"""The factuality corpora (UW and MEANTIME in the "unified factuality" CoNLL format) as documents.

Each gold event token has a score in [-3, 3] (3: certain it happened, 0: uncommitted, -3: certain it
did not). The sentences are rebuilt as text for the pipeline to parse (tokens joined by spaces,
sentences by newlines, 50 sentences a document); each gold token keeps its character span.
`claimwatch.training.factuality` trains on them and `claimwatch.evaluation.factuality` scores on
them, so both see the same documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimwatch.model import Document

#: How many sentences of a corpus file make one document.
SENTENCES_PER_DOCUMENT = 50

#: A sentence as the CoNLL file gives it: (word, gold score or `_` where the word is no event).
Sentence = list[tuple[str, str]]


@dataclass
class GoldToken:
    """A gold event token: which document it lies in, its character span there, and its score."""

    document: int
    span: tuple[int, int]
    word: str
    score: float


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of (word, score-or-`_`) from a factuality CoNLL file."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        cols = line.split("\t")
        current.append((cols[1], cols[2]))
    if current:
        sentences.append(current)
    return sentences


def build_documents(sentences: list[Sentence]) -> tuple[list[Document], list[GoldToken]]:
    """Join tokens with spaces, sentences with newlines, ~50 sentences a document; remember
    each gold token's character span."""
    documents: list[Document] = []
    gold: list[GoldToken] = []
    for start in range(0, len(sentences), SENTENCES_PER_DOCUMENT):
        parts: list[str] = []
        at = 0
        for sentence in sentences[start:start + SENTENCES_PER_DOCUMENT]:
            for k, (word, score) in enumerate(sentence):
                if k:
                    parts.append(" ")
                    at += 1
                if score != "_":
                    gold.append(GoldToken(len(documents), (at, at + len(word)), word, float(score)))
                parts.append(word)
                at += len(word)
            parts.append("\n")
            at += 1
        documents.append(Document(text="".join(parts)))
    return documents, gold
