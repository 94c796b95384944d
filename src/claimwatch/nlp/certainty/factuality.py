"""Factuality: how much the text presents an event as fact, read off the dependency parse.

The event's own modality (modals, hedges, negation on its head; see `claimwatch.nlp.certainty.modality`)
is combined with what it inherits from the words that embed it, walking up the tree: a clause
under "said" keeps the speaker's commitment, under "believe" it is probable, under
"plan to"/"urge to" possible, under "want to"/"ask whether"/"if" unknown, under "failed to"/
"denied" negated; relative clauses, "after"/"because" clauses and event nouns named as
circumstances are presupposed. The commitment is the weakest level met; negations multiply.
A walker memoises per Doc, so a governor's value serves everything it governs.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.nlp.certainty import hedges
from claimwatch.nlp.certainty.modality import (
    CERTAIN,
    NOUN_TAGS,
    POSSIBLE,
    RANK,
    UNKNOWN,
    Fact,
    clause_level,
    clause_mark,
    combine,
    is_question,
    is_wh_clause,
    local_modality,
    shares_auxiliaries,
    xcomp_level,
)


class FactualityWalker:
    """Factuality of tokens of one Doc, memoised (a governor's value serves all it governs)."""

    def __init__(self, stop: Token | None = None, stop_fact: Fact = CERTAIN) -> None:
        self.memo: dict[int, Fact] = {}
        self.stop = stop
        self.stop_fact = stop_fact

    def fact(self, token: Token) -> Fact:
        known = self.memo.get(token.i)
        if known is None:
            self.memo[token.i] = CERTAIN  # guard against a malformed cycle
            known = combine(local_modality(token), self.context(token))
            self.memo[token.i] = known
        return known

    def context(self, token: Token) -> Fact:
        """What the token's event inherits from what embeds it."""
        gov, dep = token.head, token.dep_
        if self.stop is not None and gov.i == self.stop.i:
            return self._under_stop(token)
        if gov.i == token.i:
            return UNKNOWN if is_question(token) else CERTAIN
        if self.stop is not None and token.i == self.stop.i:
            return CERTAIN
        if dep == "conj":
            return self.fact(gov) if shares_auxiliaries(token, gov) else self.context(gov)
        if token.tag_ in NOUN_TAGS or token.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return self._noun_context(token)
        if dep in ("ccomp", "csubj", "csubjpass"):
            return self._clause_context(token, gov)
        if dep == "xcomp":
            rank, sign = xcomp_level(gov)
            return combine((rank, sign), self.fact(gov))
        if dep == "advcl":
            return self._adverbial_context(token, gov)
        if dep == "pcomp":
            return self._prep_context(token, gov)
        if dep == "relcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return CERTAIN  # a relative clause is presupposed: "the troops who crossed"
        if dep == "acl":
            return self._noun_clause_context(token, gov)
        if dep in ("parataxis", "amod", "compound", "appos", "advmod", "npadvmod", "dep", "attr", "acomp", "oprd"):
            return self.context(gov) if dep == "parataxis" else self.fact(gov)
        return self.context(gov)

    def _under_stop(self, token: Token) -> Fact:
        """The content clause directly under a claim's cue: the cue's strength applies."""
        mark = clause_mark(token)
        if mark in ("whether", "if"):
            return UNKNOWN
        return self.stop_fact

    def _clause_context(self, token: Token, gov: Token) -> Fact:
        mark = clause_mark(token)
        if mark in ("whether", "if"):
            return UNKNOWN
        rank, sign, factive = clause_level(gov)
        if factive or (is_wh_clause(token) and rank > 0):
            # presupposed: "knows that X", "explained why X" — true even under negation
            return self.context(gov)
        gov_fact = self.fact(gov)
        if gov_fact[1] < 0:
            # "does not believe that X": belief verbs raise their negation into the clause;
            # "did not say that X" commits to nothing
            if gov.lemma_.lower() in hedges.NEG_RAISING:
                return (min(rank, gov_fact[0], 2), -sign)
            return UNKNOWN
        return combine((rank, sign), gov_fact)

    def _adverbial_context(self, token: Token, gov: Token) -> Fact:
        mark = clause_mark(token)
        if mark in hedges.CONDITIONAL_MARKS:
            return UNKNOWN
        if mark in ("without", "instead"):
            return combine((3, -1), self.context(gov))
        if mark in hedges.NONFACTIVE_MARKS or mark in hedges.PURPOSE_MARKS:
            return combine(POSSIBLE, self.context(gov))
        if mark in hedges.FACTIVE_MARKS:
            return self.context(gov)
        if mark is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return combine(POSSIBLE, self.context(gov))  # purpose: "sent troops to fight"
        return self.fact(gov)

    def _prep_context(self, token: Token, prep: Token) -> Fact:
        word, head = prep.lower_, prep.head
        hlemma = head.lemma_.lower()
        if word in ("without", "instead"):
            return combine((3, -1), self.context(prep))
        if word in ("until", "till"):
            return combine(POSSIBLE, self.context(prep))
        if word == "from" and hlemma in hedges.NEG_OBJECT_VERBS | {"bar", "stop", "refrain", "keep", "ban"}:
            return UNKNOWN
        purpose = hlemma in hedges.FOR_PURPOSE_HEADS or hedges.XCOMP_VERBS.get(hlemma) in ("possible", "unknown")
        if word == "for" and purpose:
            return combine(POSSIBLE, self.context(head))  # "pressing for his return", "a reward for his capture"
        if head.tag_ in NOUN_TAGS or head.pos_ in ("NOUN", "PROPN", "PRON"):
            return self._under_noun(head)
        if token.tag_ in NOUN_TAGS:
            return CERTAIN  # an event named as a circumstance is presupposed: "damage inflicted by the recession"
        return self.context(prep)

    def _under_noun(self, noun: Token) -> Fact:
        """An event named inside a noun phrase ("details of the restructuring", "merger talks"):
        it takes the noun's certainty, not its negation, unless the noun is a plan or a hope."""
        lemma = noun.lemma_.lower()
        if lemma in hedges.HEDGE_NOUNS:
            return combine((RANK[hedges.HEDGE_NOUNS[lemma]], 1), self.context(noun))
        return self.fact(noun)[0], 1

    def _noun_clause_context(self, token: Token, noun: Token) -> Fact:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        lemma = noun.lemma_.lower()
        if token.dep_ == "acl" and infinitive:
            rank = RANK[hedges.HEDGE_NOUNS[lemma]] if lemma in hedges.HEDGE_NOUNS else 1
            return combine((rank, 1), self.context(noun))
        if token.dep_ == "acl" and clause_mark(token) in ("whether", "if"):
            return UNKNOWN
        if token.dep_ == "acl" and lemma in hedges.HEDGE_NOUNS and clause_mark(token) == "that":
            return combine((RANK[hedges.HEDGE_NOUNS[lemma]], 1), self.context(noun))
        return CERTAIN  # a participle on a noun is presupposed: "troops deployed near the border"

    def _noun_context(self, token: Token) -> Fact:
        """An event noun: its argument role decides whether it is presupposed or only intended."""
        gov, dep = token.head, token.dep_
        glemma = gov.lemma_.lower()
        if dep == "nsubjpass" and glemma in hedges.PASSIVE_XCOMP:
            return combine((RANK[hedges.PASSIVE_XCOMP[glemma]], 1), self.fact(gov))
        if dep in ("dobj", "nsubjpass", "attr", "oprd"):
            if glemma in hedges.INTENT_OBJECT_VERBS and gov.pos_ in ("VERB", "AUX"):
                return combine(UNKNOWN if glemma in hedges.WISH_OBJECT_VERBS else POSSIBLE, self.fact(gov))
            if glemma in hedges.NEG_OBJECT_VERBS:
                return combine((3, -1), self.fact(gov))
            return self.fact(gov)
        if dep == "nsubj" and glemma in hedges.LIGHT_VERBS:
            return self.fact(gov)
        if dep == "pobj":
            return self._prep_context(token, gov)
        if dep in ("compound", "amod", "poss", "nmod", "npadvmod") and gov.tag_ in NOUN_TAGS:
            return self._under_noun(gov)
        if dep == "conj":
            return self.fact(gov)
        if dep in ("nsubj", "csubj"):
            return CERTAIN  # the subject's event is presupposed: "the attack killed 12"
        return self.context(gov)


def factuality(token: Token, walker: FactualityWalker | None = None) -> Fact:
    """The author's commitment to the event that `token` denotes, as (rank, sign)."""
    return (walker or FactualityWalker()).fact(token)

