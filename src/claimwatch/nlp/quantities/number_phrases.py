"""Reading one number phrase from a parsed Doc: "12,000", "1.5 million", "twelve thousand",
"a dozen", "tens of thousands", "two-thirds", "10 1/2", "3bn", and ranges of them.

Works on token texts only (no re-parsing) and stops at the first token that cannot continue
the number, so that `quantities` can then look for the unit and the bound around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from claimwatch.nlp.quantities import numbers as num
from claimwatch.nlp.quantities.units import currency_symbol

_HYPHENS = frozenset({"-", "–", "—"})
_FEW = frozenset({"several", "few", "many"})


@dataclass
class NumberPhrase:
    """A number found at tokens [start, end)."""

    start: int
    end: int
    value: float
    scale: float = 1.0  # the multiplier its trailing scale words applied ("million")
    bound: str = "exact"  # "lower" for vague plurals ("dozens", "hundreds of")
    fraction: bool = False  # "half", "two-thirds": a share of something
    suffix: str | None = None  # a unit glued to the digits ("75ml" → "ml")
    words: bool = False  # written in words ("six") rather than digits
    upper_value: float | None = None  # the upper end of a range glued into one token ("10-12")


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _scale_at(doc: Doc, i: int, money: bool) -> float | None:
    word = _lower(doc, i)
    if word not in num.SCALES:
        return None
    if word in num.AMBIGUOUS_SCALES and not money:
        # "5 m" is five metres unless money precedes or a counted noun follows ("2m people")
        following = doc[i + 1] if i + 1 < len(doc) else None
        if following is None or following.tag_ not in ("NNS", "NNPS"):
            return None
    return num.SCALES[word]


def _read_scales(doc: Doc, i: int, value: float, money: bool) -> tuple[float, float, int]:
    """Apply scale words from token i on ("1.5 million", "hundred thousand")."""
    scale = 1.0
    while (factor := _scale_at(doc, i, money)) is not None:
        scale *= factor
        i += 1
    return value * scale, scale, i


def _read_fraction(doc: Doc, i: int, count: float) -> tuple[float, int, bool] | None:
    """'thirds' after 'two' / '-': a share of something ("two-thirds of", "a one-third stake"),
    or of a scale ("a quarter million"). (value, end, is a share)."""
    hyphen = _lower(doc, i) in _HYPHENS
    j = i + 1 if hyphen else i
    word = _lower(doc, j)
    if word not in num.FRACTIONS:
        return None
    share = count * num.FRACTIONS[word]
    nxt = _lower(doc, j + 1)
    if nxt in num.WORD_SCALES:
        value, scale, end = _read_scales(doc, j + 1, share, False)
        return value, end, False
    if nxt in ("of", "the") or (hyphen and j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "ADJ")):
        return share, j + 1, True
    return None


def _thousands_groups(doc: Doc, i: int, value: float) -> tuple[float, int]:
    """'10, 000' as detokenized text writes 10,000: three-digit groups after ", " join the number.
    Not after a month or a list, where the comma separates ("May 5, 200 people", "3, 4, 500")."""
    end = i + 1
    if not (doc[i].text.isdigit() and len(doc[i].text) <= 3) or _lower(doc, i - 1) in _DATE_OR_LIST:
        return value, end
    while _lower(doc, end) == "," and end + 1 < len(doc) and len(group := doc[end + 1].text) == 3 \
            and group.isdigit():
        value, end = value * 1000 + int(group), end + 2
    return value, end


#: Words before a number after which "N, 200" is a date or a list rather than one number.
_DATE_OR_LIST = frozenset({
    ",", "and", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
    "oct.", "nov.", "dec.", "no.", "nos.",
})


def read_number(doc: Doc, i: int, money: bool = False) -> NumberPhrase | None:
    """The number phrase starting at token i, or None when none starts there.
    `money`: a currency symbol precedes, which makes "m"/"bn" safely scales."""
    token = doc[i]
    text, word = token.text, token.lower_
    if (value := num.parse_digits(text)) is not None:
        value, end = _thousands_groups(doc, i, value)
        if (extra := num.parse_digits(_lower(doc, end))) is not None and "/" in _lower(doc, end) and value >= 1:
            value, end = value + extra, end + 1  # "10 1/2"
        value, scale, end = _read_scales(doc, end, value, money)
        return NumberPhrase(i, end, value, scale)
    if glued_range := num.split_range(text):
        low, high, suffix = glued_range
        return NumberPhrase(i, i + 1, low, suffix=suffix or None, upper_value=high)
    if glued := num.split_glued(text):
        value, suffix = glued
        low = suffix.lower()
        if low in num.SCALES and (low not in num.AMBIGUOUS_SCALES or money):
            value, scale, end = _read_scales(doc, i + 1, value * num.SCALES[low], money)
            return NumberPhrase(i, end, value, scale * num.SCALES[low])
        return NumberPhrase(i, i + 1, value, suffix=suffix)
    if word in num.VAGUE_PLURALS:
        value, end = float(num.VAGUE_PLURALS[word]), i + 1
        while _lower(doc, end) == "of" and _lower(doc, end + 1) in num.VAGUE_PLURALS:
            value *= num.VAGUE_PLURALS[_lower(doc, end + 1)]  # "tens of thousands"
            end += 2
        return NumberPhrase(i, end, value, value, bound="lower", words=True)
    if word == "quarter" and _lower(doc, i + 1) in num.WORD_SCALES:
        value, scale, end = _read_scales(doc, i + 1, 0.25, money)
        return NumberPhrase(i, end, value, scale, words=True)  # "a quarter million"
    if word in ("half", "halves"):
        if _lower(doc, i + 1) in ("a", "an") and _lower(doc, i + 2) in num.WORD_SCALES | num.DOZEN.keys():
            factor = num.SCALES.get(_lower(doc, i + 2)) or num.DOZEN[_lower(doc, i + 2)]
            return NumberPhrase(i, i + 3, 0.5 * factor, factor, words=True)  # "half a million"
        if _lower(doc, i + 1) in num.WORD_SCALES:
            value, scale, end = _read_scales(doc, i + 1, 0.5, money)
            return NumberPhrase(i, end, value, scale, words=True)  # "half million"
        if _lower(doc, i + 1) in ("of", "the", "a", "an"):
            return NumberPhrase(i, i + 1, 0.5, fraction=True, words=True)
        return None
    start = i
    if word in ("a", "an") or word in _FEW:
        if _lower(doc, i + 1) not in num.WORD_SCALES and _lower(doc, i + 1) not in num.DOZEN:
            if word in ("a", "an") and (frac := _read_fraction(doc, i + 1, 1.0)):
                return NumberPhrase(start, frac[1], frac[0], fraction=frac[2], words=True)  # "a third of"
            return None
        if word in _FEW:
            value, scale, end = _read_scales(doc, i + 1, 1.0, money)
            return NumberPhrase(start, end, value, scale, bound="lower", words=True)  # "several hundred"
        i += 1
    words: list[str] = []
    end = i
    while end < len(doc):
        w = _lower(doc, end)
        if w in num.NUMBER_WORDS:
            words.append(w)
            end += 1
        elif w in _HYPHENS and words and words[-1] in num.TENS and _lower(doc, end + 1) in num.UNITS:
            end += 1  # "twenty-five"
        elif w == "and" and words and words[-1] in num.WORD_SCALES and _lower(doc, end + 1) in num.NUMBER_WORDS:
            end += 1  # "one hundred and twenty"
        else:
            break
    if not words:
        return None
    if start < i:
        words.insert(0, "one")  # "a dozen", "a million"
    value = num.words_value(words)
    if value is None:
        return None
    if frac := _read_fraction(doc, end, value):
        return NumberPhrase(start, frac[1], frac[0], fraction=frac[2], words=True)  # "two-thirds of"
    scale = 1.0
    for w in reversed(words):
        if w not in num.SCALES and w not in num.DOZEN:
            break
        scale *= num.SCALES.get(w) or num.DOZEN[w]
    value, more, end = _read_scales(doc, end, value, money)  # "twelve million" via abbreviations too
    return NumberPhrase(start, end, value, scale * more, words=True)


def read_prefixed(doc: Doc, i: int) -> tuple[tuple[str, int], NumberPhrase] | None:
    """'USD115', 'nzd$15 million': a currency written onto the digits, as ((currency, start), number)."""
    if (prefixed := num.split_prefixed(doc[i].text)) is None:
        return None
    if (currency := currency_symbol(prefixed[0])) is None:
        return None
    value, scale, end = _read_scales(doc, i + 1, prefixed[1], True)
    return (currency, i), NumberPhrase(i, end, value, scale)


def read_range(doc: Doc, first: NumberPhrase, money: bool, between: bool) -> NumberPhrase | None:
    """The upper end of "10,000 to 12,000", "3-5", "two or three", "between 3 and 5", or None."""
    link = _lower(doc, first.end)
    if not (link in ("to", "or", "through") or link in _HYPHENS or (between and link == "and")):
        return None
    at = first.end + 1
    if at < len(doc) and doc[at].text.lower() in ("$", "£", "€", "¥"):
        at += 1
    if at >= len(doc):
        return None
    second = read_number(doc, at, money)
    if second is None or second.fraction:
        return None
    low = first.value
    if second.scale > 1 and first.scale == 1 and first.value * second.scale <= second.value:
        low = first.value * second.scale  # "10 to 12 thousand", "3 to 5 million"
    if second.value <= low:
        return None  # a score ("3-2") or a change, not a range
    first.value, first.scale = low, max(first.scale, second.scale)
    return second
