"""Quantities: numbers in digits and words, with bounds and the counted noun as unit.

For every number phrase of the Doc (see `number_phrases`) this decides whether it is an amount
at all (years, dates, clock times, ordinals, phone numbers, names and "one of the …" are not),
then reads what it counts: a currency before it, a unit of measurement, percent, a duration or
an age after it, else the noun it modifies in the dependency parse ("six North Korean
soldiers" → "soldiers"), and the bound words around it ("over", "about", "up to", "or more").
The cost is one pass over the tokens with set look-ups; the parse is never redone.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from claimwatch.model import Quantity
from claimwatch.nlp.doctext import doc_text
from claimwatch.nlp.quantities import numbers as num
from claimwatch.nlp.quantities import units
from claimwatch.nlp.quantities.number_phrases import NumberPhrase, read_number, read_prefixed, read_range
from claimwatch.nlp.quantities.quantity_units import (
    bound_around,
    cents_after,
    currency_before,
    currency_scale,
    rate,
    unit_after,
    unit_range,
)
from claimwatch.nlp.state import DocState

#: Entity types whose numbers belong to a name ("Group of Seven", "Boeing 737", "Article 5").
_NAME_ENTS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "GPE", "LOC", "NORP"})
_MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_CLOCK = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "est", "edt", "cet", "cest",
                    "o'clock", "hrs", "hours."})
_CHANGE_VERBS = frozenset({
    "rise", "fall", "increase", "decrease", "grow", "drop", "climb", "jump", "decline", "cut", "raise", "reduce",
    "go", "soar", "plunge", "slip", "edge", "surge", "slump", "swell", "shrink", "lower", "boost", "lift", "move",
    "change", "expand", "double", "triple", "tumble", "sink", "rebound", "recover",
})
_AGE_WORDS = frozenset({"aged", "age", "ages"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_MODIFIERS = frozenset({"ADJ", "NOUN", "PROPN", "VERB"})  # VERB: participles ("wounded", "armed")
_PHONE_LIKE = re.compile(r"\+?\(?\d{1,4}\)?(?:[-./]\d{2,4}){2,}|\(\d{3}\)\s?\d{3}-\d{4}|\d+(?::\d+)+")


def _low(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _is_date_part(doc: Doc, n: NumberPhrase) -> bool:
    """Day of a month ("Oct. 3", "3 March", "May 8, 1945") or a clock time ("3 p.m.")."""
    if n.words or n.value != int(n.value) or n.end - n.start != 1:
        return False
    if _low(doc, n.end) in _CLOCK:
        return True
    if not 1 <= n.value <= 31:
        return False
    before, after = _low(doc, n.start - 1), _low(doc, n.end)
    if before == "." and _low(doc, n.start - 2) in _MONTHS:
        before = _low(doc, n.start - 2)  # "sept . 30" as tokenized
    if after in _MONTHS or (after == "of" and _low(doc, n.end + 1) in _MONTHS):
        return after not in ("may", "march") or _low(doc, n.end + 1).isdigit() or _low(doc, n.end + 1) in (
            ",", ".", "", "that", "this", "last", "next")
    if before in _MONTHS:
        if before in ("may", "march"):  # also verbs: "troops may 3 …" never happens, "may 19," does
            return after in (",", ".", "", "that", "this", "last") or after.isdigit() or _low(doc, n.start - 2) in (
                "on", "in", "of", "since", "by", "until", ",")
        return True
    return False


def _is_score(doc: Doc, n: NumberPhrase) -> bool:
    """'a 5-4 ruling', 'won 3-1': a tally of two sides, not a range (which would rise)."""
    if n.words or _low(doc, n.end) not in ("-", "–") or n.end + 1 >= len(doc):
        return False
    second = num.parse_digits(doc[n.end + 1].text)
    return second is not None and second <= n.value and doc[n.end].whitespace_ == "" and float(n.value) < 1000


def _is_change(doc: Doc, i: int) -> bool:
    """'rose from 10 to 12' is a change between two amounts, not the range 'from 10 to 12 fighters'."""
    if _low(doc, i) != "from" or i == 0:
        return False
    verb = doc[i - 1] if doc[i - 1].pos_ != "ADV" or i < 2 else doc[i - 2]
    return verb.lemma_.lower() in _CHANGE_VERBS


def _not_an_amount(doc: Doc, n: NumberPhrase, money: bool) -> bool:
    """Numbers that are not quantities: years, dates, ordinals, parts of names, 'one of the'."""
    token = doc[n.start]
    text = token.text
    if num.is_ordinal(text) and not n.fraction:
        return True
    if token.ent_type_ in _NAME_ENTS and not money and n.bound == "exact":
        return True
    if n.words and text[:1].isupper() and not token.is_sent_start and token.pos_ == "PROPN":
        return True  # a number word inside a name ("Central Park Five")
    if text.endswith("s") and text[:-1].isdigit():
        return True  # decades: "1990s"
    if n.suffix and n.suffix.lower() == "s":
        return True
    if _is_date_part(doc, n):
        return True
    if not n.words and not money and n.end - n.start == 1 and _is_label(doc, n):
        return True
    if token.lower_ == "one" and n.end - n.start == 1:
        if _low(doc, n.end) in ("of", "another", "day", "point", "way", "time") or token.dep_ != "nummod" \
                or _low(doc, n.end + 1) == "of":
            return True  # pronoun and idiom uses: "one of the strikes", "at one point"
    return False


def _is_label(doc: Doc, n: NumberPhrase) -> bool:
    """'Highway 35', 'exit 436', 'No. 1', '123 Main Street': numbers that name, not count."""
    following = doc[n.end] if n.end < len(doc) else None
    if following is not None and following.text in ("-", "–") and (
            _low(doc, n.end + 1) in units.DURATIONS or _low(doc, n.end + 1) in units.MEASURES):
        return False  # "a 30-year bond", "a 9-inch gun"
    if following is not None and following.tag_ == "NNP" and following.text[:1].isupper() \
            and following.lower_ not in units.MEASURES and following.lower_ not in _MONTHS:
        return True
    prev = doc[n.start - 1] if n.start > 0 else None
    if prev is None or prev.tag_ not in ("NN", "NNP") or prev.lower_ in _AGE_WORDS or prev.lower_ in _MONTHS:
        return False
    if prev.lower_ in units.MEASURES or prev.lower_ in units.DURATIONS or units.currency_symbol(prev.text):
        return False
    return following is None or following.pos_ not in ("NOUN", "PROPN", "NUM", "SYM") and \
        following.lower_ not in units.PERCENT_WORDS


def _year_not_amount(doc: Doc, n: NumberPhrase, money: bool, unit: str | None) -> bool:
    """'2024', 'in 1990', 'the 1988 quarter' are years; '$1500', '1500 km' are amounts."""
    if money or unit or not num.is_year_like(doc[n.start].text) or n.end - n.start != 1:
        return False
    return True  # news writes counts of a thousand or more with separators ("2,000 troops")


def _counted_noun(doc: Doc, n: NumberPhrase, end: int) -> tuple[Token | None, int]:
    """The noun the number counts: its head in the parse, else the noun run right after it;
    "of the N" for "half of the shells", "dozens of homes", "six of the soldiers"."""
    if _low(doc, end) == "of" or (n.fraction and _low(doc, end) in ("the", "a", "an")):
        return _noun_of(doc, end + (_low(doc, end) == "of"), end)
    last = doc[end - 1]
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos") and end <= head.i <= end + 5 \
            and head.pos_ in _NOUNS and all(doc[k].pos_ in _MODIFIERS or doc[k].text in ("-", "–")
                                            for k in range(end, head.i)):
        if not _is_time_word(head):
            return head, head.i + 1
    noun = _noun_run(doc, end, skip_determiners=False)
    return noun, (noun.i + 1 if noun is not None else end)


def _noun_of(doc: Doc, k: int, end: int) -> tuple[Token | None, int]:
    """The noun counted through "of": "half of the shells", "half of the country's people" (the
    possessed noun), "303 of the 543 seats" (the span stops before the second number, which is
    a quantity of its own)."""
    stop = None
    while k < len(doc):
        while k < len(doc) and (doc[k].pos_ == "DET" or doc[k].tag_ == "PRP$" or doc[k].lower_ in _OF_SKIP):
            k += 1
        if k < len(doc) and (doc[k].pos_ == "NUM" or num.parse_digits(doc[k].text) is not None):
            stop = stop if stop is not None else k
            while k < len(doc) and (doc[k].pos_ == "NUM" or doc[k].text in ",-–"):
                k += 1
            continue
        noun = _noun_run(doc, k, skip_determiners=False)
        if noun is not None and _low(doc, noun.i + 1) in ("'s", "'", "’s") and noun.i + 2 < len(doc):
            stop, k = None, noun.i + 2  # the possessor: count what it has
            continue
        if noun is None:
            return None, end
        return noun, (stop if stop is not None else noun.i + 1)
    return None, end


#: Adjectives that sit between "of the" and a number: "four of its last five games".
_OF_SKIP = frozenset({"last", "first", "next", "past", "remaining", "other", "top", "estimated", "roughly",
                      "about", "some", "nearly", "around"})


def _is_time_word(token: Token) -> bool:
    return token.lower_ in _MONTHS or token.lower_ in _WEEKDAYS


def _noun_run(doc: Doc, k: int, skip_determiners: bool) -> Token | None:
    """The last noun of the run of modifiers and nouns starting at token k (its head noun)."""
    if skip_determiners:
        while k < len(doc) and (doc[k].pos_ in ("DET", "NUM") or doc[k].tag_ == "PRP$"):
            k += 1
    last = None
    for j in range(k, min(len(doc), k + 5)):
        token = doc[j]
        if token.pos_ in _NOUNS and not _is_time_word(token):
            if last is not None and token.is_title and last.is_title and _headline(token):
                break  # "Thousands of Shootings Go Unsolved": title case hides the verb
            last = token
        elif token.pos_ in ("ADJ", "VERB") and token.tag_ in ("JJ", "JJR", "JJS", "VBN", "VBG") or token.text in "-–":
            if last is not None and token.pos_ != "PUNCT":
                break
        else:
            break
    return last


def _headline(token: Token) -> bool:
    """A title-case sentence, where every word is a capitalised PROPN to the tagger."""
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.8 * len(words)


def _words(words: frozenset[str] | set[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


#: Where a number phrase may start: a digit, a number word, or "a"/"several" before a scale
#: or fraction word. One regex pass over the text replaces a Python loop over every token.
_CANDIDATE = re.compile(
    rf"[\d½¼¾⅓⅔][\d.,/]*|\b(?:{_words(num.NUMBER_WORDS | set(num.VAGUE_PLURALS) | {'half', 'halves', 'quarter'})})\b"
    rf"|\b(?:a|an|several|few|many)\s+(?:{_words(num.WORD_SCALES | set(num.DOZEN) | set(num.FRACTIONS))})\b",
    re.IGNORECASE,
)


def find_quantities(doc: Doc, state: DocState) -> None:
    """Add every quantity of the Doc to `state.quantities`."""
    text = doc_text(doc, state)
    matches = list(_CANDIDATE.finditer(text))
    if not matches:
        return
    blocked = [m.span() for m in _PHONE_LIKE.finditer(text)]
    starts = doc.to_array(IDX).tolist()
    after = 0  # the first token not yet inside a found quantity
    for match in matches:
        i = bisect.bisect_right(starts, match.start()) - 1
        if i < after or (blocked and _inside(doc[i], blocked)):
            continue
        after = max(after, _quantity_at(doc, i, state), i + 1)


def _inside(token: Token, blocked: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in blocked)


def _quantity_at(doc: Doc, i: int, state: DocState) -> int:
    """Read the quantity whose number starts at token i; returns the token after it (or i)."""
    currency = currency_before(doc, i)
    n = read_number(doc, i, currency is not None)
    if n is None and currency is None and (prefixed := read_prefixed(doc, i)):
        currency, n = prefixed  # "USD115", "nzd$15"
    money = currency is not None
    if n is None or _not_an_amount(doc, n, money):
        return i
    first = currency[1] if currency else n.start
    between = _low(doc, first - 1) == "between"
    if _is_score(doc, n):
        return n.end + 2
    change = _is_change(doc, first - 1)
    upper = read_range(doc, n, money, between) if not change else None
    if n.upper_value is not None:
        upper = NumberPhrase(n.start, n.end, n.upper_value)
    end = upper.end if upper else n.end
    found = None if n.fraction else unit_after(doc, end, upper or n)
    unit, kind = (found[0], found[1]) if found else (None, None)
    if found:
        end = found[2]
        if kind == "label":
            return end
        if upper is None and not change and (second := unit_range(doc, first, end, n, unit, money)):
            upper, end = second
    if money and kind != "percent":
        unit, kind = currency[0] if not found or kind != "money" else unit, "money"
    if _year_not_amount(doc, n, money, unit):
        return i
    if _low(doc, n.start - 1) in _AGE_WORDS and kind in (None, "duration"):
        unit, kind = "year of age" if unit in (None, "year") else unit, "age"
    if unit is None and _low(doc, first - 1) == "magnitude":
        unit, kind = "magnitude", "measure"
    value, factor = n.value, 1.0
    if kind == "money":
        factor, end = currency_scale(doc, first, end)
        value *= factor
        if factor == 1 and n.scale == 1 and upper is None and (cents := cents_after(doc, end)):
            value, end = value + cents[0], cents[1]  # "3 dollars 50 cents"
    if unit is None:
        if _low(doc, n.end) == "of" and doc[n.start].lower_ == "one":
            return i
        noun, end = _counted_noun(doc, n, end)
        unit = noun.text if noun is not None else None
        kind = "count"
    elif kind in ("money", "measure"):
        unit, end = rate(doc, end, unit)
    start = first - (between and upper is not None)
    bound, start, end = bound_around(doc, start, end)
    if bound is None and currency and (b := bound_around(doc, n.start, n.end)[0]):
        bound = b
    state.quantities.append(Quantity(
        id=state.new_id("q"),
        text=doc[start:end].text,
        span=state.span(doc[start:end]),
        value=num.as_number(value),
        unit=unit,
        bound=bound or n.bound,
        upper=num.as_number(upper.value * factor) if upper else None,
        kind=kind,
    ))
    return max(end, n.end)
