"""Certainty and polarity: how committed a source is to what it says (after FactBank).

Commitment is read off the dependency parse in two parts:
- the event's own modality: modal auxiliaries, hedging adverbs, negation on its head
  ("may have been deployed" → possible; "did not attack" → negative);
- what it inherits from the words that embed it, walking up the tree: a clause under "said"
  keeps the speaker's commitment, under "believe" it is probable, under "plan to" possible,
  under "ask"/"whether"/"if"/"want to" unknown, under "failed to"/"denied" it is negated.
The commitment is the weakest level met along the way; negations multiply.

`factuality(token)` (in `claimwatch.nlp.certainty.factuality`) is the author's view, used for the
predicates layer; `assess_certainty(head, cue)` walks the same way but stops at the cue of a
claim and gives the source's view. The words are read by `claimwatch.nlp.certainty.hedges` from
the certainty_*.tsv lexicons.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from claimwatch.model import Certainty, Polarity
from claimwatch.nlp.certainty import hedges
from claimwatch.nlp.certainty.denials import denial
from claimwatch.nlp.certainty.factuality import FactualityWalker, factuality
from claimwatch.nlp.certainty.modality import (
    AUX_DEPS,
    CERTAIN,
    RANK,
    UNKNOWN,
    Fact,
    clause_mark,
    combine,
    is_negator,
    level,
)

__all__ = ["assess_certainty", "cue_strength", "event_modality", "factuality"]

EventModality = Literal["actual", "planned", "hypothetical"]


def cue_strength(cue: Token) -> Fact:
    """How strongly a reporting cue commits its source ("said" certain, "believes" probable,
    "asked" unknown, "denied" certain but negative)."""
    lemma = cue.lemma_.lower()
    rank = RANK[hedges.CUE_STRENGTH.get(lemma, "certain")]
    sign = -1 if lemma in hedges.NEG_CLAUSE_VERBS else 1
    if any(is_negator(c) for c in cue.children):
        # "did not say" commits to nothing; "does not believe" commits to the opposite
        return (min(rank, 2), -sign) if lemma in hedges.NEG_RAISING else UNKNOWN
    return rank, sign


def assess_certainty(content_head: Token, cue: Token | None = None) -> tuple[Certainty, Polarity]:
    """The source's commitment to the proposition headed by `content_head`, reported with `cue`.

    The head's own modality and the chain of words above it up to the cue count ("is likely
    to remain" → probable); clauses embedded deeper inside the content do not. The cue's
    strength caps the result ("suggested" → at most probable) and "denied" negates it; a refusal to
    confirm or a label of falsity makes the claim a denial (denials.py).
    """
    stop_fact = cue_strength(cue) if cue is not None else CERTAIN
    walker = FactualityWalker(stop=cue, stop_fact=stop_fact)
    fact = walker.fact(content_head)
    if cue is not None and not _governed_by(content_head, cue):
        fact = combine(fact, stop_fact)  # "X, he said" or "according to": the cue is not above the content
    fact = denial(content_head, cue) or fact  # "did not confirm", "called the reports a fabrication"
    return level(fact[0]), "positive" if fact[1] > 0 else "negative"


def _governed_by(token: Token, ancestor: Token) -> bool:
    return any(a.i == ancestor.i for a in token.ancestors)


def event_modality(head: Token) -> EventModality:
    """Whether the event is reported as having happened, as planned/future, or as hypothetical.

    planned: "will", "is going to", or governed (through infinitives) by plan/intend/aim/prepare/
    want/seek …; hypothetical: in an "if"/"unless" clause, under "would" outside a report, under
    "could"/"might"/"may" (but "may have attacked" is a past event in doubt: actual, and certainty
    carries the doubt), or asked about in a direct question. An event named inside a verb's object
    or prepositional phrase ("might see benefits in supporting X") takes that verb's modality.
    """
    token = head
    for _ in range(12):
        words = {c.lower_ for c in token.children if c.dep_ in AUX_DEPS}
        if words & {"will", "shall", "'ll", "wo"}:
            return "planned"
        if token.dep_ == "advcl" and clause_mark(token) in hedges.CONDITIONAL_MARKS:
            return "hypothetical"
        if words & {"would", "'d", "could", "might"}:
            has_condition = any(
                c.dep_ == "advcl" and clause_mark(c) in hedges.CONDITIONAL_MARKS for c in token.children
            )
            reported = token.dep_ == "ccomp" and token.head.lemma_.lower() in hedges.CLAUSE_VERBS
            if has_condition:
                return "hypothetical"
            if words & {"would", "'d"}:
                return "planned" if reported else "hypothetical"
            if words & {"have", "'ve"}:
                break  # "may have attacked": a past event in doubt, which certainty carries
            return "hypothetical"
        if words & {"may"} and not words & {"have", "'ve"}:
            return "hypothetical"
        gov = token.head
        if token.dep_ == "xcomp":
            lemma = gov.lemma_.lower()
            if lemma in hedges.PLANNING_VERBS or (lemma == "go" and gov.tag_ == "VBG"):
                return "planned"
            if gov.lower_ in hedges.PLANNED_ADJECTIVES:  # "set to", "due to", "poised to"
                return "planned"
            token = gov
            continue
        if token.dep_ == "acl" and gov.lemma_.lower() in hedges.PLAN_NOUNS:  # "a plan to", "the decision to"
            return "planned"
        if token.dep_ == "conj" and gov.i != token.i:
            token = gov
            continue
        if token.dep_ in ("pcomp", "pobj") and gov.dep_ == "prep" and gov.head.i != gov.i:
            token = gov.head  # "benefits in supporting X", "the strike on X"
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr") and gov.i != token.i:
            token = gov  # "might see benefits": the verb whose object holds the event
            continue
        break
    if token.dep_ == "ROOT" and token.sent.text.rstrip().endswith("?"):
        return "hypothetical"  # "Did X attack Y?": asked, not told
    return "actual"
