"""The words around a number that the quantity rules read, from lexicons/quantities_words.json
and quantities_bounds.tsv (each list there says what it holds). Numerals are in numbers.py,
units and currencies in units.py.
"""

from __future__ import annotations

from claimwatch.nlp.lexicons import json_data, word_table
from claimwatch.nlp.words import MONTHS, WEEKDAYS


def _words(key: str) -> frozenset[str]:
    return frozenset(json_data("quantities_words.json")[key]["words"])


def _bounds(side: str) -> dict[tuple[str, ...], str]:
    return {tuple(words.split(" ")): bound for where, words, bound in word_table("quantities_bounds.tsv")
            if where == side}


#: Month abbreviations with the full stop the tokenizer keeps ("Oct."); "May" has none.
DOTTED_MONTHS = _words("dotted_month_abbreviations")
#: Month names, their abbreviations with and without the full stop: a number beside one is a day.
#: Wider than nlp/words.MONTHS, which has no dotted forms.
MONTH_WORDS = frozenset(MONTHS) | DOTTED_MONTHS
#: The months' full names (nlp/words.MONTHS without the abbreviations).
FULL_MONTH_NAMES = frozenset(MONTHS) - {abbreviation.rstrip(".") for abbreviation in DOTTED_MONTHS}
WEEKDAY_NAMES = frozenset(WEEKDAYS)

CLOCK_WORDS = _words("clock_words")
#: Nouns and verbs after which a number names or is dialled, not counted ("Phase 3 trial", "call 999").
LABEL_NOUNS = _words("label_nouns")
LABEL_VERBS = _words("label_verbs")
#: Words that open a time adverbial after a number ("800 last year"): what follows is no counted noun.
TIME_ADVERBIAL_STARTS = _words("time_adverbial_starts")
CHANGE_VERBS = _words("change_verbs")
AGE_WORDS = _words("age_words")
#: Adjectives that sit between "of the" and a number: "four of its last five games".
OF_SKIP = _words("of_skip")
#: Words before a number after which "N, 200" is a date or a list rather than one number
#: ("May 5, 200 people", "3, 4, 500"): full month names, dotted abbreviations and a few more.
DATE_OR_LIST = _words("date_or_list_words") | FULL_MONTH_NAMES | DOTTED_MONTHS
FEW_WORDS = _words("few_words")
#: Words for the hundredth part of a currency: "3 dollars 50 cents", "£2 and 20p".
CENTS_WORDS = _words("cents_words")
#: Words before an amount that make "X to Y" a change between two amounts, not a range.
CHANGE_CONTEXT = _words("change_context")

#: Bound words before a number (as word tuples); the value is the bound they give.
BOUNDS_BEFORE = _bounds("before")
#: Bound words after a number ("or more", "-plus").
BOUNDS_AFTER = _bounds("after")
#: The one-word bounds before a number ("nearly", "about"), which may sit between a word that
#: governs a number and the number itself ("by nearly a third").
BOUND_WORDS = frozenset(words[0] for words in BOUNDS_BEFORE if len(words) == 1)
