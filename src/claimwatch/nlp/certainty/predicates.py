"""The predicates layer: every event the text mentions, with how factual the text presents it.

Verbs and event nouns ("attack", "talks", "the bombing") are predicates. Their factuality is the
author's view. The rules walk up the parse (`claimwatch.nlp.certainty.factuality`): "troops may have
been deployed" → possible; "refused to withdraw" → withdraw negative; an event under "said" keeps the
speaker's commitment, under "wants to"/"plans to"/"if" it is uncommitted. Trees trained on the UW and
MEANTIME corpora then weigh what the walk found with the words around each event and set how certain
it is (factuality_model.py; in the accurate mode, factuality_context.py, which also reads the sentence
with a transformer); an event the rules find negated keeps their reading. The walk is memoised
per Doc, so the layer costs a fraction of the parse.
"""

from __future__ import annotations

from spacy.attrs import POS, TAG
from spacy.symbols import ADJ
from spacy.tokens import Doc, Token

from claimwatch import config
from claimwatch.model import Predicate, TextSpan
from claimwatch.nlp.certainty.event_nouns import is_event_noun
from claimwatch.nlp.certainty.factuality import FactualityWalker
from claimwatch.nlp.certainty.factuality_model import (
    bounded_by_governor,
    describe_event,
    learned_fact,
    load_factuality_model,
)
from claimwatch.nlp.certainty.modality import is_question, level
from claimwatch.nlp.state import DocState

_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_NOUN_TAGS = frozenset({"NN", "NNS"})


#: The roles of an adjective predicated of something ("the rebels are willing to talk", "found it dead").
_PREDICATIVE = frozenset({"acomp", "oprd", "ROOT"})


def is_predicate(token: Token) -> bool:
    """Whether the token denotes an event or a state: a main verb, a common noun that names an event, or an
    adjective predicated of something (both the factuality corpora score "willing", "unable", "dead")."""
    if token.tag_ in _VERB_TAGS:
        if token.dep_ in ("aux", "auxpass"):
            return False
        # a main verb, or a copula/possessive "be"/"have" heading its clause (a state: "the bridge is closed")
        return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("amod", "compound"))
    if token.tag_ in _NOUN_TAGS:
        return is_event_noun(token.lemma_.lower())
    return token.pos_ == "ADJ" and token.dep_ in _PREDICATIVE


def trigger_end(token: Token) -> int:
    """Where a predicate's trigger ends: after the verb's particle when it follows the verb ("sold off",
    "backed down"), else after the word."""
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].dep_ == "prt" and token.doc[end].head.i == token.i:
        end += 1
    return end


def _possible_predicates(doc: Doc) -> list[int]:
    """The tokens is_predicate may take (a verb or noun tag, or an adjective), read off the Doc's arrays:
    making a Token object of every word to ask costs more than the asking."""
    tags = {doc.vocab.strings[tag] for tag in _VERB_TAGS | _NOUN_TAGS}  # the tags' hashes, as the array holds them
    return [i for i, (tag, pos) in enumerate(doc.to_array([TAG, POS]).tolist()) if tag in tags or pos == ADJ]


def assess_predicates(doc: Doc, state: DocState) -> None:
    """Add a `Predicate` for each event-denoting word of the Doc to `state.predicates`: its factuality
    as the learned model (factuality_model) reads the rules' walk and the words around the event."""
    walker = FactualityWalker()
    events = [doc[i] for i in _possible_predicates(doc) if is_predicate(doc[i])]
    described = [describe_event(token, walker) for token in events]
    if config.ACCURATE:  # imported, and the transformer loaded, only in the accurate mode
        from claimwatch.nlp.certainty.factuality_context import accurate_scores

        learned = accurate_scores(doc, events, described)
    else:
        learned = load_factuality_model().scores(described)
    scores = {token.i: float(score) for token, score in zip(events, learned, strict=True)}
    for token in events:
        score = bounded_by_governor(token, scores[token.i], scores, walker)
        rules = walker.fact(token)  # the walk is memoised: no second walk
        rank, sign = learned_fact(rules, score, asked=rules[0] == 0 and is_question(token))
        trigger = doc[token.i:trigger_end(token)]
        state.predicates.append(
            Predicate(
                trigger=TextSpan(trigger.text, state.span(trigger)),
                certainty=level(rank),
                polarity="positive" if sign > 0 else "negative",
            )
        )
