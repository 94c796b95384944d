"""Which nouns denote events ("the attack", "talks", "the bombing"), for the predicates layer.

A noun is an event noun when its lemma is listed (lexicons/certainty_event_nouns.tsv), or when it
is a nominalisation of a verb (-tion, -sion, -ment, -ing) that is not on the list of common
nominalisations that name things, places or groups instead ("government", "nation", "building":
lexicons/certainty_not_event_nouns.tsv).
"""

from __future__ import annotations

from claimwatch.nlp.lexicons import word_set

#: Event nouns that carry no derivational suffix (zero-derived or Latinate), common in news.
EVENT_NOUNS = word_set("certainty_event_nouns.tsv")

#: Nominalisations that mostly name a thing, group, place or state rather than an event.
NOT_EVENTS = word_set("certainty_not_event_nouns.tsv") - EVENT_NOUNS

#: The suffixes of nominalisations that name an event unless NOT_EVENTS lists them.
EVENT_SUFFIXES = ("tion", "sion", "ment", "ing")


def is_event_noun(lemma: str) -> bool:
    """Whether a common noun (by its lowercased lemma) denotes an event."""
    if lemma in EVENT_NOUNS:
        return True
    if lemma in NOT_EVENTS or len(lemma) < 6:
        return False
    return lemma.endswith(EVENT_SUFFIXES)
