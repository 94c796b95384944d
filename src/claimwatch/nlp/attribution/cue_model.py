"""The learned part of attribution: how likely a candidate word is an attribution cue.

Rules propose candidates (every verb with something to report, "according to", hearsay adverbs,
nouns with a reported clause) and describe each by a few parse features: its lemma, the
configuration that found its content (`ccomp`, `xcomp`, a quotation, an object …), the kind of
its subject, whether it stands inside a quotation, is negated, is the sentence root, the head word
of its content and its subject's lemma … A logistic regression over those features, trained on
PolNeAR's training articles by `claimwatch train attribution DIR` (claimwatch.training.attribution),
turns them into a probability. A second stage (rerank.py, gradient-boosted trees) then weighs each
candidate's score against its competitors'.
Both ship in one gzip-compressed JSON in claimwatch/nlp/models/ and load once per process.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from claimwatch.nlp.attribution.cues import (
    CUE_NOUNS,
    CUE_VERBS,
    HEARSAY_ADVERBS,
    INTENTION_VERBS,
    PERSON_PRONOUNS,
    UNNAMED_SOURCE_NOUNS,
)
from claimwatch.nlp.attribution.rerank import Reranker
from claimwatch.nlp.model_files import read_model_json, write_model_json

#: The shipped model, gzip-compressed JSON (2.96 MB instead of 11.85: some 195,000 feature weights, the
#: second stage's 300 trees, 2.08 MB of LightGBM text, its reading ranker's 200, 1.38 MB, and the training
#: rates of the cue's words, 1.19 MB).
MODEL_PATH = Path(__file__).parent.parent / "models" / "attribution.json.gz"
_NAMED_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def subject_kind(subject: Token | None) -> str:
    """A coarse type of the source phrase head: person, organisation, pronoun, source noun …"""
    if subject is None:
        return "none"
    lower = subject.lower_
    if subject.pos_ == "PRON":
        if lower in PERSON_PRONOUNS or lower in ("i", "we", "you", "they"):
            return "pron_person"
        return "pron_other"
    if subject.ent_type_ in _NAMED_ENTS:
        return "ent_" + subject.ent_type_
    if subject.pos_ == "PROPN":
        return "propn"
    if subject.lemma_.lower() in UNNAMED_SOURCE_NOUNS:
        return "source_noun"
    return "noun"


def features(token: Token, kind: str, config: str, subject: Token | None, in_quote: bool) -> list[str]:
    """The features of one candidate cue, as strings (their weights are summed)."""
    lemma = token.lemma_.lower()
    subj = subject_kind(subject)
    children = list(token.children)
    deps = {c.dep_ for c in children}
    negated = "neg" in deps
    has_that = any(c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                   for c in children)
    lex = ("speech" if lemma in CUE_VERBS else "intent" if lemma in INTENTION_VERBS
           else "noun" if lemma in CUE_NOUNS else "adv" if lemma in HEARSAY_ADVERBS else "other")
    prev = token.doc[token.i - 1].lower_ if token.i > 0 else "<s>"
    nxt = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else "</s>"
    return [
        f"kind={kind}", f"lemma={lemma}", f"lower={token.lower_}", f"config={config}", f"subj={subj}",
        f"lex={lex}", f"lex_config={lex}|{config}", f"lemma_config={lemma}|{config}", f"lemma_subj={lemma}|{subj}",
        f"config_subj={config}|{subj}", f"dep={token.dep_}", f"lemma_dep={lemma}|{token.dep_}", f"tag={token.tag_}",
        f"quote={in_quote}", f"quote_lex={in_quote}|{lex}", f"quote_config={in_quote}|{config}",
        f"neg={negated}", f"that={has_that}", f"root={token.dep_ == 'ROOT'}", f"prev={prev}", f"next={nxt}",
        f"lemma_next={lemma}|{nxt}", f"lemma_quote={lemma}|{in_quote}", f"lemma_config_subj={lemma}|{config}|{subj}",
        f"dep_config={token.dep_}|{config}", f"head={token.head.lemma_.lower()}", f"head_dep={token.head.dep_}",
    ]


def content_features(found_content: tuple[int, int], cue: tuple[int, int] | None, pieces: bool, sents: int,
                     in_quote: bool, config: str) -> list[str]:
    """Features of the content a candidate would report, so that the model can weigh one reading of
    a cue's content against another: its length, how many sentences it spans, which side of the cue
    it lies on, whether it is a quotation or interrupted by the cue."""
    length = found_content[1] - found_content[0]
    size = "1" if length == 1 else "2" if length <= 3 else "4" if length <= 7 else "8" if length <= 15 \
        else "16" if length <= 31 else "32"
    side = "none" if cue is None else "after" if found_content[0] >= cue[1] else "before" \
        if found_content[1] <= cue[0] else "around"
    span = "1" if sents <= 1 else "2" if sents == 2 else "3"
    return [f"clen={size}", f"config_clen={config}|{size}", f"cside={side}", f"config_cside={config}|{side}",
            f"csents={span}", f"config_csents={config}|{span}", f"cquote={in_quote}", f"cpieces={pieces}",
            f"config_cquote_csents={config}|{in_quote}|{span}"]


def boundary_features(doc: Doc, content: tuple[int, int], config: str) -> list[str]:
    """What lies just outside a content reading: the word or mark before it and after it (a reading that
    stops at a comma before "and he had access" or runs on past a full stop reads differently from one
    that ends its sentence)."""
    before = _edge_kind(doc, content[0] - 1)
    after = _edge_kind(doc, content[1])
    return [f"cbefore={before}", f"cafter={after}", f"config_cafter={config}|{after}",
            f"config_cbefore={config}|{before}"]


def lexical_features(doc: Doc, content: tuple[int, int], cue: Token, subject: Token | None) -> list[str]:
    """The words that say what kind of report a candidate is: the head word of its content, its
    first word, its subject's lemma and what kind of thing its head is (a person, an organisation, a
    pronoun …: subject_kind), each alone and with the cue's lemma ("called [for] a vote" and "called
    [the] debate" differ by the words, not by the parse; "polls show" differs from "results show" by
    its subject; "backed Sanders" is a stance where "backed the bill" may not be)."""
    lemma = cue.lemma_.lower()
    head = next((t for t in doc[content[0]:content[1]] if not content[0] <= t.head.i < content[1] or t.head == t),
                doc[content[0]])
    head_lemma = head.lemma_.lower()
    first = doc[content[0]].lower_
    source = subject.lemma_.lower() if subject is not None else "-"
    kind = subject_kind(head)
    return [f"chead={head_lemma}", f"lemma_chead={lemma}|{head_lemma}", f"chead_pos={head.pos_}",
            f"lemma_cheadpos={lemma}|{head.pos_}", f"cfirst={first}", f"lemma_cfirst={lemma}|{first}",
            f"slemma={source}", f"lemma_slemma={lemma}|{source}", f"ckind={kind}", f"lemma_ckind={lemma}|{kind}"]


def placement_features(cue: Token, content: tuple[int, int], sentence: tuple[int, int], config: str) -> list[str]:
    """Where a reading lies from its cue and where the cue stands: how many words separate the content
    from the cue (a reading that starts right after its verb is likelier than a phrase a dozen words
    away), whether the cue opens its sentence and how long the sentence is (long sentences hold more
    competing readings), and whether the cue is a verb conjoined to a verb of saying ("said … and
    added …", a second report by the same speaker). `sentence` is the token range of the cue's sentence."""
    start, end = content
    adjacent = cue.i < start <= cue.i + 2
    gap = 0 if adjacent else min(abs(start - cue.i), abs(end - 1 - cue.i))
    bucket = "0" if gap <= 2 else "3" if gap <= 5 else "6" if gap <= 12 else "13"
    after_speech = cue.dep_ == "conj" and cue.head.lemma_.lower() in CUE_VERBS
    return [f"cdist={bucket}", f"config_cdist={config}|{bucket}", f"sent_first={cue.i - sentence[0] <= 1}",
            f"sent_len={min(5, (sentence[1] - sentence[0]) // 10)}", f"conjspeech={after_speech}"]


def _edge_kind(doc: Doc, i: int) -> str:
    if i < 0 or i >= len(doc):
        return "edge"
    token = doc[i]
    if token.is_space or "\n" in token.whitespace_:
        return "break"
    if token.is_quote:
        return "quote"
    if token.is_punct:
        return token.text if token.text in ".,;:?!—-()" else "punct"
    if token.dep_ == "cc" or token.dep_ == "mark":
        return token.dep_
    return token.pos_


class CueModel:
    """Logistic regression weights over candidate features, with the decision threshold, and the
    optional second stage that rescores candidates against each other (then its threshold decides)."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float = 0.5,
                 rerank: Reranker | None = None) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.rerank = rerank

    def logit(self, feats: list[str]) -> float:
        """The first-stage score: the bias plus the weights of the features."""
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in feats)

    def probability(self, feats: list[str]) -> float:
        """The first-stage probability of one candidate on its own."""
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.logit(feats)))))

    def to_dict(self) -> dict:
        data = {"version": 2, "bias": self.bias, "threshold": self.threshold, "weights": self.weights}
        if self.rerank is not None:
            data["rerank"] = self.rerank.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict) -> CueModel:
        rerank = Reranker.from_dict(data["rerank"]) if data.get("rerank") else None
        return cls(data["weights"], data["bias"], data.get("threshold", 0.5), rerank)


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> CueModel:
    """The cue model, read once per process (gzip-compressed when the name ends in .gz)."""
    return CueModel.from_dict(read_model_json(path))


def save_model(model: CueModel, path: Path) -> None:
    """Write the model as load_model reads it; the same model gives the same bytes (no time stamp)."""
    write_model_json(model.to_dict(), path)
