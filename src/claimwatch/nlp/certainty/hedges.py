"""Lexicons of commitment: modal auxiliaries, hedges, and the words that embed a proposition.

General English resources after FactBank (Saurí & Pustejovsky 2009) and the implicative /
factive verb classes of Karttunen (1971) and Nairn, Condoravdi & Karttunen (2006). The words
live in `claimwatch/nlp/lexicons/certainty_*.tsv`, each entry saying what the word does to the
commitment of whoever uses it to the event it governs; this module reads them once and names
them for the rules (modality.py, factuality.py, assess.py).

Values are certainty levels (`certain` > `probable` > `possible` > `unknown`); a `NEG_` set
marks words that turn what they embed negative.
"""

from __future__ import annotations

from typing import cast

from claimwatch.model import Certainty
from claimwatch.nlp.lexicons import word_table

#: The order of strength: a source's commitment is the weakest level along the way.
RANK: dict[str, int] = {"unknown": 0, "possible": 1, "probable": 2, "certain": 3}


def certainty_table(name: str) -> dict[str, Certainty]:
    """word → certainty level, from a `word<TAB>level[<TAB>properties]` lexicon, in file order."""
    table: dict[str, Certainty] = {}
    for word, level, *_ in word_table(name):
        if level not in RANK:
            raise ValueError(f"{name}: {word!r} has the level {level!r}, not one of {', '.join(RANK)}")
        table[word] = cast(Certainty, level)
    return table


def with_property(name: str, prop: str) -> frozenset[str]:
    """The words of a `word<TAB>level<TAB>properties` lexicon whose properties include `prop`."""
    return frozenset(row[0] for row in word_table(name) if len(row) > 2 and prop in row[2].split())


def word_class(name: str) -> frozenset[str]:
    """The words of one class of certainty_word_classes.tsv (`class<TAB>word` rows)."""
    return frozenset(word for cls, word in word_table("certainty_word_classes.tsv") if cls == name)


#: Modal auxiliaries on the event's own verb ("may have been deployed").
#: "will"/"shall" are not here: a future is event modality (planned), not doubt.
MODAL_AUX = certainty_table("certainty_modal_auxiliaries.tsv")

#: Adverbs (and adverbial phrases' heads) that hedge or boost the clause they modify.
HEDGE_ADVERBS = certainty_table("certainty_hedge_adverbs.tsv")

#: Predicative adjectives that qualify an embedded event: "is likely to remain", "it is possible that".
HEDGE_ADJECTIVES = certainty_table("certainty_hedge_adjectives.tsv")
#: Of those, the ones about how likely the proposition is (not about the subject's readiness or
#: ability): on a copula they hedge the clause itself ("the number is likely to rise").
EPISTEMIC_ADJECTIVES = with_property("certainty_hedge_adjectives.tsv", "epistemic")
#: Of those, the ones that assert the opposite ("unlikely to win" → probably not).
NEG_ADJECTIVES = with_property("certainty_hedge_adjectives.tsv", "negative")

#: Nouns that hedge the clause they introduce: "there is a chance that …", "a plan to …".
HEDGE_NOUNS = certainty_table("certainty_hedge_nouns.tsv")

#: Verbs taking a clause ("that …"): how strongly the subject commits to it.
CLAUSE_VERBS = certainty_table("certainty_clause_verbs.tsv")
#: Of those, the verbs whose clause is rejected: the subject commits to its negation.
NEG_CLAUSE_VERBS = with_property("certainty_clause_verbs.tsv", "negative")

#: Factive verbs: what they embed is presupposed true even when they are negated or hedged.
FACTIVE_VERBS = word_class("factive_verb")
#: Verbs whose negation is read in the clause: "does not believe that X" → probably not X.
NEG_RAISING = word_class("negation_raising_verb")

#: Verbs of the cue of a claim that weaken commitment on their own. A cue not listed is taken
#: as an assertion (certain): "said", "announced", "according to" (spaCy's lemma of "according"
#: is "accord" or the word itself).
CUE_STRENGTH: dict[str, Certainty] = dict(CLAUSE_VERBS)
CUE_STRENGTH.update({"accord": "certain", "according": "certain", "deny": "certain", "reject": "certain"})

#: Verbs taking an infinitive ("to …", or "-ing"): what follows for the embedded event.
#: certain: it happened (implicatives: "managed to", "was forced to"); NEG_: it did not
#: ("failed to", "refused to"); unknown: it is intended, wanted, tried — not yet a fact.
XCOMP_VERBS = certainty_table("certainty_infinitive_verbs.tsv")
#: Of those, the ones that say the embedded event did not happen.
NEG_XCOMP_VERBS = with_property("certainty_infinitive_verbs.tsv", "negative")
#: Passive forms that report rather than cause: "is expected to", "is believed to have", "is said to".
PASSIVE_XCOMP = certainty_table("certainty_passive_verbs.tsv")

#: Verbs of future or intention heading an infinitive: the event is planned.
PLANNING_VERBS = word_class("planning_verb")
#: Adjectives heading an infinitive that make its event planned: "set to", "due to", "poised to".
PLANNED_ADJECTIVES = word_class("planned_adjective")
#: Nouns whose infinitive is planned: "a plan to", "the decision to", "a threat to".
PLAN_NOUNS = word_class("plan_noun")
#: Adverbial-clause markers that make the clause a condition (hypothetical) or an open question.
CONDITIONAL_MARKS = word_class("conditional_mark")
#: Adverbial-clause markers of purpose: the clause is intended, not (yet) factual.
PURPOSE_MARKS = word_class("purpose_mark")
#: Markers after which the clause is presupposed true ("after the attack", "because they left").
FACTIVE_MARKS = word_class("factive_mark")
#: Markers after which the clause has not happened (yet).
NONFACTIVE_MARKS = word_class("nonfactive_mark")

#: Words that negate the clause they attach to.
NEGATORS = word_class("negator")
#: Subjects or objects that negate the event ("nobody was hurt", "no one died").
NEGATIVE_ARGUMENTS = word_class("negative_argument")

#: Adjectives on an event noun: "a possible attack", "the alleged strike", "a planned offensive".
NOUN_HEDGES = certainty_table("certainty_event_noun_modifiers.tsv")
#: Verbs whose object is wanted, sought or planned rather than done ("seek a deal", "call for talks").
INTENT_OBJECT_VERBS = word_class("intent_object_verb")
#: Of those, the ones only wished or discussed: nothing is committed.
WISH_OBJECT_VERBS = word_class("wish_object_verb")
#: Heads after which "for" introduces a purpose: what follows is sought, not done.
FOR_PURPOSE_HEADS = word_class("for_purpose_head")
#: Verbs whose object does not take place ("prevented an attack", "called off the strike").
NEG_OBJECT_VERBS = word_class("negative_object_verb")
#: Verbs that say their subject event takes place: their modality is the subject's too.
LIGHT_VERBS = word_class("light_verb")


def denial_class(name: str) -> frozenset[str]:
    """The words of one class of certainty_denials.tsv (`class<TAB>word` rows)."""
    return frozenset(word for cls, word in word_table("certainty_denials.tsv") if cls == name)


#: Verbs of confirming: negated or refused, the source does not stand behind the content.
CONFIRMATION_VERBS = denial_class("confirmation_verb")
#: Verbs of refusing or failing whose infinitive is not done ("declined to comment").
REFUSAL_VERBS = denial_class("refusal_verb")
#: Verbs that label their object ("called the reports a fabrication").
LABELLING_VERBS = denial_class("labelling_verb")
#: What such a label says of a report: that it is false.
FALSITY_WORDS = denial_class("falsity_word")
#: Nouns of a report whose content a rejecting verb rejects with them ("refuted claims that C").
REPORT_NOUNS = denial_class("report_noun")
