"""Numbers that are no amounts: days of a month and clock times, scores, ordinals, decades,
parts of names and labels ("Highway 35"), years, and "one" as a pronoun ("one of the strikes").

Each test reads the tokens around one number phrase; `extract` asks them before it reads a unit.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimwatch.nlp.quantities import numbers as num
from claimwatch.nlp.quantities import units
from claimwatch.nlp.quantities.counted import headline
from claimwatch.nlp.quantities.number_phrases import NumberPhrase, lower_at
from claimwatch.nlp.quantities.vocabulary import (
    AGE_WORDS,
    CHANGE_VERBS,
    CLOCK_WORDS,
    LABEL_NOUNS,
    LABEL_VERBS,
    MONTH_WORDS,
)

#: Entity types whose numbers belong to a name ("Group of Seven", "Boeing 737", "Article 5").
NAME_ENTITY_TYPES = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "GPE", "LOC", "NORP"})


def is_date_part(doc: Doc, n: NumberPhrase) -> bool:
    """Day of a month ("Oct. 3", "3 March", "May 8, 1945") or a clock time ("3 p.m.")."""
    if n.words or n.value != int(n.value) or n.end - n.start != 1:
        return False
    if lower_at(doc, n.end) in CLOCK_WORDS:
        return True
    if not 1 <= n.value <= 31:
        return False
    before, after = lower_at(doc, n.start - 1), lower_at(doc, n.end)
    if before == "." and lower_at(doc, n.start - 2) in MONTH_WORDS:
        before = lower_at(doc, n.start - 2)  # "sept . 30" as tokenized
    if after in MONTH_WORDS or (after == "of" and lower_at(doc, n.end + 1) in MONTH_WORDS):
        return after not in ("may", "march") or lower_at(doc, n.end + 1).isdigit() or lower_at(doc, n.end + 1) in (
            ",", ".", "", "that", "this", "last", "next")
    if before in MONTH_WORDS:
        if before in ("may", "march"):  # also verbs: "troops may 3 …" never happens, "may 19," does
            return after in (",", ".", "", "that", "this", "last") or after.isdigit() or lower_at(doc, n.start - 2) in (
                "on", "in", "of", "since", "by", "until", ",")
        return True
    return False


def is_score(doc: Doc, n: NumberPhrase) -> bool:
    """'a 5-4 ruling', 'won 3-1': a tally of two sides, not a range (which would rise)."""
    if n.words or lower_at(doc, n.end) not in ("-", "–") or n.end + 1 >= len(doc):
        return False
    second = num.parse_digits(doc[n.end + 1].text)
    return second is not None and second <= n.value and doc[n.end].whitespace_ == "" and float(n.value) < 1000


def is_change(doc: Doc, i: int) -> bool:
    """'rose from 10 to 12' is a change between two amounts, not the range 'from 10 to 12 fighters'."""
    if lower_at(doc, i) != "from" or i == 0:
        return False
    verb = doc[i - 1] if doc[i - 1].pos_ != "ADV" or i < 2 else doc[i - 2]
    return verb.lemma_.lower() in CHANGE_VERBS


def not_an_amount(doc: Doc, n: NumberPhrase, money: bool) -> bool:
    """Numbers that are not quantities: years, dates, ordinals, parts of names, 'one of the'."""
    token = doc[n.start]
    text = token.text
    if num.is_ordinal(text) and not n.fraction:
        return True
    if token.ent_type_ in NAME_ENTITY_TYPES and not money and n.bound == "exact":
        return True
    if n.words and text[:1].isupper() and not token.is_sent_start and token.pos_ == "PROPN":
        return True  # a number word inside a name ("Central Park Five")
    if text.endswith("s") and text[:-1].isdigit():
        return True  # decades: "1990s"
    if n.suffix and n.suffix.lower() == "s":
        return True
    if is_date_part(doc, n):
        return True
    if not n.words and not money and n.end - n.start == 1 and is_label(doc, n):
        return True
    if token.lower_ == "one" and n.end - n.start == 1:
        if lower_at(doc, n.end) in ("of", "another", "day", "point", "way", "time") or token.dep_ != "nummod" \
                or lower_at(doc, n.end + 1) == "of":
            return True  # pronoun and idiom uses: "one of the strikes", "at one point"
    return False


def is_label(doc: Doc, n: NumberPhrase) -> bool:
    """'Highway 35', 'exit 436', 'No. 1', '123 Main Street': numbers that name, not count."""
    following = doc[n.end] if n.end < len(doc) else None
    if following is not None and following.text in ("-", "–") and (
            lower_at(doc, n.end + 1) in units.DURATIONS or lower_at(doc, n.end + 1) in units.MEASURES):
        return False  # "a 30-year bond", "a 9-inch gun"
    if following is not None and following.tag_ == "NNP" and following.text[:1].isupper() \
            and following.lower_ not in units.MEASURES and following.lower_ not in MONTH_WORDS:
        return True
    prev = doc[n.start - 1] if n.start > 0 else None
    if prev is not None and _names_the_number(prev, following):
        return True
    if prev is None or prev.tag_ not in ("NN", "NNP") or prev.lower_ in AGE_WORDS or prev.lower_ in MONTH_WORDS:
        return False
    if prev.lower_ in units.MEASURES or prev.lower_ in units.DURATIONS or units.currency_symbol(prev.text):
        return False
    return following is None or following.pos_ not in ("NOUN", "PROPN", "NUM", "SYM") and \
        following.lower_ not in units.PERCENT_WORDS


def _names_the_number(prev: Token, following: Token | None) -> bool:
    """"Phase 3 trial", "call 999", "the Apollo 11 crew": the word before makes the number a name
    or a number to dial, even with a noun after it. A capitalised name counts when it is no
    sentence start, month, unit or currency and the sentence is not a title-case headline
    ("Storm Kills 12 People")."""
    word = prev.lower_
    if word == "." and prev.i > 0:
        word = prev.doc[prev.i - 1].lower_ + "."  # "No. 2" as "No" "." tokens
        return word in LABEL_NOUNS
    if word in LABEL_VERBS and prev.pos_ == "VERB" or word in LABEL_NOUNS and prev.pos_ in ("NOUN", "PROPN"):
        return True
    if prev.tag_ != "NNP" or not prev.is_title or prev.is_sent_start or word in MONTH_WORDS \
            or word in units.MEASURES or word in units.DURATIONS or units.currency_symbol(prev.text) or headline(prev):
        return False
    after = following.lower_ if following is not None else ""
    return after not in units.PERCENT_WORDS and after not in units.MEASURES and after not in units.CURRENCY_WORDS


def year_not_amount(doc: Doc, n: NumberPhrase, money: bool, unit: str | None) -> bool:
    """'2024', 'in 1990', 'the 1988 quarter' are years; '$1500', '1500 km' are amounts."""
    if money or unit or not num.is_year_like(doc[n.start].text) or n.end - n.start != 1:
        return False
    return True  # news writes counts of a thousand or more with separators ("2,000 troops")

