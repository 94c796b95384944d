"""The predicates layer: every event the text mentions, with how factual the text presents it.

Verbs and event nouns ("attack", "talks", "the bombing") are predicates. Their factuality is the
author's view. The rules walk up the parse (`claimwatch.nlp.certainty.factuality`): "troops may have
been deployed" → possible; "refused to withdraw" → withdraw negative; an event under "said" keeps the
speaker's commitment, under "wants to"/"plans to"/"if" it is uncommitted. Trees trained on the UW and
MEANTIME corpora then weigh what the walk found with the words around each event and set how certain
it is (factuality_model.py); an event the rules find negated keeps their reading. The walk is memoised
per Doc, so the layer costs a fraction of the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimwatch.model import Predicate, TextSpan
from claimwatch.nlp.certainty.event_nouns import is_event_noun
from claimwatch.nlp.certainty.factuality import FactualityWalker
from claimwatch.nlp.certainty.factuality_model import describe_event, learned_fact, load_factuality_model
from claimwatch.nlp.certainty.modality import level
from claimwatch.nlp.state import DocState

_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_NOUN_TAGS = frozenset({"NN", "NNS"})


def is_predicate(token: Token) -> bool:
    """Whether the token denotes an event: a main verb, or a common noun that names an event."""
    if token.tag_ in _VERB_TAGS:
        if token.dep_ in ("aux", "auxpass"):
            return False
        # a main verb, or a copula/possessive "be"/"have" heading its clause (a state: "the bridge is closed")
        return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("amod", "compound"))
    if token.tag_ in _NOUN_TAGS:
        return is_event_noun(token.lemma_.lower())
    return False


def assess_predicates(doc: Doc, state: DocState) -> None:
    """Add a `Predicate` for each event-denoting word of the Doc to `state.predicates`: its factuality
    as the learned model (factuality_model) reads the rules' walk and the words around the event."""
    walker = FactualityWalker()
    events = [token for token in doc if is_predicate(token)]
    described = [describe_event(token, walker) for token in events]
    scores = load_factuality_model().scores(described)
    for token, (numbers, _), score in zip(events, described, scores, strict=True):
        rank, sign = learned_fact((int(numbers[0]), int(numbers[1])), float(score))
        state.predicates.append(
            Predicate(
                trigger=TextSpan(token.text, state.span(token)),
                certainty=level(rank),
                polarity="positive" if sign > 0 else "negative",
            )
        )
