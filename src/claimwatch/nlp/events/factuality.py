"""How sure the text is that an event happened: the claim that reports it, and its negation.

An event inside reported content takes its source's commitment (a claim the source hedges
cannot make the event certain); words between the cue and the trigger lower it further
("said ... may have been deployed"); a negation on the trigger, on a verb that controls it, or
a verb saying it did not happen ("failed to", "refrained from") makes it negative.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.model import Certainty, Claim, Polarity
from claimwatch.nlp.certainty.assess import assess_certainty
from claimwatch.nlp.certainty.denials import is_false_word
from claimwatch.nlp.certainty.hedges import NEG_CLAUSE_VERBS
from claimwatch.nlp.doctext import doc_length
from claimwatch.nlp.events.memory import claims_holding
from claimwatch.nlp.events.vocabulary import NOT_DOING_VERBS
from claimwatch.nlp.state import DocState

CERTAINTY_ORDER: dict[str, int] = {"certain": 3, "probable": 2, "possible": 1, "unknown": 0}


def claim_of(span: tuple[int, int], state: DocState, governor_spans: set[tuple[int, int]]) -> Claim | None:
    """The innermost claim whose content holds the trigger (inside one of its pieces, not in the
    "he said" cut out between them). A claim cued by the verb that
    controls the trigger ("X plans | to send") is the event's own modality, not a report of it."""
    inside = [c for c in claims_holding(state, span)
              if c.content.covers(span) and not (c.cue is not None and tuple(c.cue.span) in governor_spans)]
    return min(inside, key=lambda c: c.content.span[1] - c.content.span[0]) if inside else None


def factuality(token: Token, claim: Claim | None, negated: bool, state: DocState) -> tuple[Certainty, Polarity]:
    """The event's certainty: the source's commitment carries to what it reports, lowered by
    the words between the cue and the trigger ("said ... may have been deployed"); negative if
    the trigger or its claim negates it, or if its claim is a report someone rejects."""
    cue = None
    if claim is not None and claim.cue is not None:
        lo, hi = claim.cue.span[0] - state.offset, claim.cue.span[1] - state.offset
        cue_span = token.doc.char_span(lo, hi, alignment_mode="expand") if 0 <= lo < doc_length(token.doc) else None
        if cue_span is not None and len(cue_span):
            cue = cue_span.root
    certainty, polarity = assess_certainty(token, cue)
    if negated or (cue is not None and is_rejected_report(cue)):
        polarity = "negative"
    if claim is not None:
        if CERTAINTY_ORDER[claim.certainty] < CERTAINTY_ORDER[certainty]:
            certainty = claim.certainty
        if claim.polarity == "negative" and cue is None:
            polarity = "negative"
    return certainty, polarity


def is_negated(token: Token, governors: list[Token]) -> bool:
    """Whether the trigger or a verb that controls it is negated ("did not attack", "no strikes"),
    or a verb says it did not happen ("failed to send", "avoided condemning")."""
    for node in [token] + governors:
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
    if any(g.lemma_.lower() in NOT_DOING_VERBS for g in governors):
        return True
    head = token.head  # "avoided condemning", "refrained from criticizing": not a controlling verb of the parse
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "from":
        head = head.head
    elif token.dep_ not in ("xcomp", "dobj"):
        return False
    return head.i != token.i and head.lemma_.lower() in NOT_DOING_VERBS


def is_rejected_report(cue: Token) -> bool:
    """"X rejected reports that it had sent troops", "dismissed claims that …", "the reports that …
    were fabrications": the claim's cue is a report noun that someone denies or calls false, so what
    it reports is, by the denier's word, not so."""
    if cue.pos_ != "NOUN":
        return False
    if cue.dep_ in ("dobj", "nsubjpass") and cue.head.lemma_.lower() in NEG_CLAUSE_VERBS:
        return True
    if cue.dep_ == "nsubj" and cue.head.lemma_.lower() == "be":  # "the reports were fabrications / false"
        said = [c for c in cue.head.children if c.dep_ in ("attr", "acomp")]
        return any(is_false_word(w) or any(is_false_word(m) for m in w.children if m.dep_ == "amod") for w in said)
    return False
