"""The modality marked on one word, and what a governing word does to what it embeds.

The building blocks of certainty (`claimwatch.nlp.certainty.assess`) and factuality
(`claimwatch.nlp.certainty.factuality`): a commitment is a `Fact` = (rank, sign), rank 3 certain …
0 unknown, sign +1 positive / -1 negative. `local_modality` reads the modal auxiliaries,
hedging adverbs and negation on an event's head; `clause_level` and `xcomp_level` say how a
verb, adjective or noun weakens or negates the clause or infinitive it governs.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.model import Certainty
from claimwatch.nlp.certainty import hedges

#: (rank, sign): rank 3 certain … 0 unknown; sign +1 positive, -1 negative.
Fact = tuple[int, int]
LEVELS: tuple[Certainty, ...] = ("unknown", "possible", "probable", "certain")
CERTAIN: Fact = (3, 1)
POSSIBLE: Fact = (1, 1)
UNKNOWN: Fact = (0, 1)

RANK = hedges.RANK
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
AUX_DEPS = frozenset({"aux", "auxpass"})
NOUN_TAGS = frozenset({"NN", "NNS"})


def level(rank: int) -> Certainty:
    return LEVELS[max(0, min(3, rank))]


def combine(a: Fact, b: Fact) -> Fact:
    """The weaker certainty of the two; negations multiply."""
    return (min(a[0], b[0]), a[1] * b[1])


def is_negator(child: Token) -> bool:
    if child.dep_ == "neg":
        return True
    if child.dep_ in ("advmod", "npadvmod") and child.lower_ in ("never", "nowhere"):
        return True
    if child.dep_ in ("nsubj", "nsubjpass"):
        if child.lower_ in hedges.NEGATIVE_ARGUMENTS:
            return True
        return any(g.dep_ == "det" and g.lower_ in ("no", "neither") for g in child.children)
    return False


#: Modals that, negated, deny rather than doubt: "could not be reached", "would not say".
_NEGATED_FIRM = frozenset({"would", "could", "can", "ca", "will", "wo", "'d", "must"})
#: "would" reads as a plain future (not a hedge) in reported speech and in "would like".
_WOULD = frozenset({"would", "'d"})


def _modal_rank(head: Token, modal: str, negated: bool) -> int:
    if negated and modal in _NEGATED_FIRM:
        return 3
    if modal in _WOULD:
        if head.lemma_ in ("like", "love", "prefer") or (
            head.dep_ == "ccomp" and head.head.lemma_.lower() in hedges.CLAUSE_VERBS
            and hedges.CLAUSE_VERBS[head.head.lemma_.lower()] != "unknown"
        ):
            return 3
        return 1
    return RANK[hedges.MODAL_AUX.get(modal.lstrip("'"), "certain")]


def local_modality(head: Token) -> Fact:
    """The modality marked on the event's own head: modals, hedging adverbs, negation."""
    rank, sign = 3, 1
    is_noun = head.tag_ in NOUN_TAGS
    modals: list[str] = []
    for child in head.children:
        dep, word = child.dep_, child.lower_
        if dep in AUX_DEPS and child.tag_ == "MD":
            modals.append(word)
        elif is_negator(child):
            sign = -sign
        elif dep == "advmod" and word in hedges.HEDGE_ADVERBS:
            rank = min(rank, RANK[hedges.HEDGE_ADVERBS[word]])
        elif is_noun and dep == "det" and word == "no":
            sign = -sign
        elif is_noun and dep in ("amod", "compound") and word in hedges.NOUN_HEDGES:
            rank = min(rank, RANK[hedges.NOUN_HEDGES[word]])
    for modal in modals:
        rank = min(rank, _modal_rank(head, modal, sign < 0))
    if head.lemma_ == "be":  # "X is likely to rise", "it is possible that X": the copula carries the hedge
        predicate = _copula_predicate(head)
        if predicate is not None and predicate.lower_ in hedges.EPISTEMIC_ADJECTIVES:
            rank = min(rank, RANK[hedges.HEDGE_ADJECTIVES[predicate.lower_]])
            if predicate.lower_ in hedges.NEG_ADJECTIVES:
                sign = -sign
    return rank, sign


def clause_mark(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "mark" or (child.dep_ == "advmod" and child.lower_ in ("whether", "if")):
            return child.lower_
    return None


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def is_question(token: Token) -> bool:
    sent = token.sent
    last = sent[-1] if sent[-1].text not in ('"', "'", "”", "’") or len(sent) < 2 else sent[-2]
    return last.text == "?"


def _copula_predicate(gov: Token) -> Token | None:
    """The adjective or noun of a copula clause ("it is likely that …" → likely)."""
    for child in gov.children:
        if child.dep_ in ("acomp", "attr") and (child.lower_ in hedges.HEDGE_ADJECTIVES or
                                                 child.lemma_.lower() in hedges.HEDGE_NOUNS):
            return child
    return None


def clause_level(gov: Token) -> tuple[int, int, bool]:
    """What a governor does to a clause ("that …") under it: (rank, sign, factive)."""
    lemma = gov.lemma_.lower()
    word = gov.lower_
    if word in hedges.HEDGE_ADJECTIVES:
        return RANK[hedges.HEDGE_ADJECTIVES[word]], -1 if word in hedges.NEG_ADJECTIVES else 1, False
    if gov.pos_ in ("NOUN", "PROPN"):
        if lemma in hedges.HEDGE_NOUNS:
            return RANK[hedges.HEDGE_NOUNS[lemma]], 1, False
        return 3, 1, lemma in ("fact", "news", "evidence", "proof")
    if lemma == "be":
        pred = _copula_predicate(gov)
        if pred is not None:
            return clause_level(pred)
        return 3, 1, False
    if lemma in hedges.CLAUSE_VERBS:
        if is_passive(gov) and lemma in hedges.PASSIVE_XCOMP:
            return RANK[hedges.PASSIVE_XCOMP[lemma]], 1, False
        sign = -1 if lemma in hedges.NEG_CLAUSE_VERBS else 1
        return RANK[hedges.CLAUSE_VERBS[lemma]], sign, lemma in hedges.FACTIVE_VERBS
    return 3, 1, False


def xcomp_level(gov: Token) -> tuple[int, int]:
    """What a governor does to an infinitive or gerund under it: (rank, sign)."""
    lemma, word = gov.lemma_.lower(), gov.lower_
    past = gov.tag_ == "VBD"
    if word in hedges.HEDGE_ADJECTIVES or gov.pos_ == "ADJ":
        if word == "able":
            return (3, 1) if _copula_past(gov) else (1, 1)
        rank = RANK[hedges.HEDGE_ADJECTIVES.get(word, "certain")]
        return rank, -1 if word in hedges.NEG_ADJECTIVES else 1
    if is_passive(gov) and lemma in hedges.PASSIVE_XCOMP:
        return RANK[hedges.PASSIVE_XCOMP[lemma]], 1
    if lemma == "go" and gov.tag_ == "VBG":  # "is going to": a future, like "will" (event modality, not doubt)
        return 3, 1
    if lemma == "have":
        return (3, 1) if past else (1, 1)
    if lemma in hedges.XCOMP_VERBS:
        return RANK[hedges.XCOMP_VERBS[lemma]], -1 if lemma in hedges.NEG_XCOMP_VERBS else 1
    return 3, 1


_WH_WORDS = frozenset({"what", "why", "how", "who", "whom", "whose", "where", "when", "which"})


def is_wh_clause(token: Token) -> bool:
    """An embedded wh-clause ("explained why they left"): its event is presupposed."""
    first = token.doc[token.left_edge.i]
    return first.lower_ in _WH_WORDS and first.i < token.i


def _copula_past(adj: Token) -> bool:
    return any(c.lemma_ == "be" and c.tag_ == "VBD" for c in adj.children) or adj.head.tag_ == "VBD"


def shares_auxiliaries(conjunct: Token, first: Token) -> bool:
    """Whether a conjoined verb shares the first one's modal and negation ("might take … or
    harm"): only a non-finite verb with no subject or auxiliary of its own, not after "but"."""
    if conjunct.tag_ not in ("VB", "VBN", "VBG") or first.pos_ != conjunct.pos_:
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in AUX_DEPS for c in conjunct.children):
        return False
    return not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in first.children)

