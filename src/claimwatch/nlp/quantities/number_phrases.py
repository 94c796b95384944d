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
from claimwatch.nlp.quantities.vocabulary import BOUND_WORDS, CHANGE_VERBS, DATE_OR_LIST, FEW_WORDS

_HYPHENS = frozenset({"-", "–", "—"})


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


def lower_at(doc: Doc, i: int) -> str:
    """The lower-cased text of token i, or "" outside the Doc (so that look-arounds need no bounds checks)."""
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _scale_at(doc: Doc, i: int, money: bool) -> float | None:
    word = lower_at(doc, i)
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
    hyphen = lower_at(doc, i) in _HYPHENS
    j = i + 1 if hyphen else i
    word = lower_at(doc, j)
    if word not in num.FRACTIONS:
        return None
    share = count * num.FRACTIONS[word]
    nxt = lower_at(doc, j + 1)
    if nxt == "of" and lower_at(doc, j + 2) in ("a", "an") and lower_at(doc, j + 3) in num.WORD_SCALES:
        j += 2  # "a quarter of a million": a share of the scale, a number
        nxt = lower_at(doc, j + 1)
    if nxt in num.WORD_SCALES:
        value, scale, end = _read_scales(doc, j + 1, share, False)
        return value, end, False
    if nxt in ("of", "the") or (hyphen and j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "ADJ")):
        return share, j + 1, True
    if count == 1 and _share_alone(doc, i, j):
        return share, j + 1, True
    return None


def _share_alone(doc: Doc, i: int, j: int) -> bool:
    """"Fell a third in early trading", "by a fifth.": "a" + fraction word with no noun after it is
    a share; before a noun or adjective it is a rank ("a third term", "a third straight day")."""
    if _after_by(doc, j):
        return True
    following = doc[j + 1] if j + 1 < len(doc) else None
    if following is not None and (following.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or following.lower_ == "of"):
        return False
    head = doc[j].head
    return lower_at(doc, i - 1) != "for" and (following is None or following.is_punct or following.pos_ == "ADP") \
        and head.pos_ == "VERB" and head.lemma_.lower() in CHANGE_VERBS


def _thousands_groups(doc: Doc, i: int, value: float) -> tuple[float, int]:
    """'10, 000' as detokenized text writes 10,000: three-digit groups after ", " join the number.
    Not after a month or a list, where the comma separates ("May 5, 200 people", "3, 4, 500")."""
    end = i + 1
    if not (doc[i].text.isdigit() and len(doc[i].text) <= 3) or lower_at(doc, i - 1) in DATE_OR_LIST:
        return value, end
    while lower_at(doc, end) == "," and end + 1 < len(doc) and len(group := doc[end + 1].text) == 3 \
            and group.isdigit():
        value, end = value * 1000 + int(group), end + 2
    return value, end


def read_number(doc: Doc, i: int, money: bool = False) -> NumberPhrase | None:
    """The number phrase starting at token i, or None when none starts there.
    `money`: a currency symbol precedes, which makes "m"/"bn" safely scales.
    The token's form picks the reader: digits, a glued range or suffix, a vague plural, a share
    ("half", "a quarter"), an article or vague count before a scale word, or number words."""
    token = doc[i]
    text, word = token.text, token.lower_
    if (value := num.parse_digits(text)) is not None:
        return read_digits(doc, i, value, money)
    if glued_range := num.split_range(text):
        low, high, suffix = glued_range
        return NumberPhrase(i, i + 1, low, suffix=suffix or None, upper_value=high)
    if glued := num.split_glued(text):
        return read_glued(doc, i, glued[0], glued[1], money)
    if word in num.VAGUE_PLURALS:
        return read_vague_plural(doc, i)
    if word == "quarter" and lower_at(doc, i + 1) in num.WORD_SCALES:
        return _scaled_share(doc, i, 0.25, money)  # "a quarter million"
    if word in ("half", "halves"):
        return read_half(doc, i, money)
    if word in ("a", "an") or word in FEW_WORDS:
        return read_after_article(doc, i, money)
    return read_number_words(doc, i, i, money)


def read_digits(doc: Doc, i: int, value: float, money: bool) -> NumberPhrase:
    """Digits with what continues them: thousands groups split off by detokenized text ("10, 000"),
    a fraction ("10 1/2") and scale words ("1.5 million")."""
    value, end = _thousands_groups(doc, i, value)
    if (extra := num.parse_digits(lower_at(doc, end))) is not None and "/" in lower_at(doc, end) and value >= 1:
        value, end = value + extra, end + 1  # "10 1/2"
    value, end = and_a_half(doc, end, value)
    value, scale, end = _read_scales(doc, end, value, money)
    return NumberPhrase(i, end, value, scale)


def and_a_half(doc: Doc, end: int, value: float) -> tuple[float, int]:
    """"Two and a half years", "1 and a half million", "two-and-a-half": the half joins the number
    (before any scale word, which then scales both: 1.5 million). (value, new end)."""
    k = end
    for word in ("and", "a", "half"):
        k += lower_at(doc, k) in _HYPHENS
        if lower_at(doc, k) != word:
            return value, end
        k += 1
    return value + 0.5, k


def read_glued(doc: Doc, i: int, value: float, suffix: str, money: bool) -> NumberPhrase:
    """A number with a suffix in one token: a scale ("3bn", and "5m" only after money) or a unit
    ("75ml"), which `unit_after` reads from `suffix`."""
    low = suffix.lower()
    if low in num.SCALES and (low not in num.AMBIGUOUS_SCALES or money):
        value, scale, end = _read_scales(doc, i + 1, value * num.SCALES[low], money)
        return NumberPhrase(i, end, value, scale * num.SCALES[low])
    return NumberPhrase(i, i + 1, value, suffix=suffix)


def read_vague_plural(doc: Doc, i: int) -> NumberPhrase:
    """"Dozens", "tens of thousands": at least that many."""
    value, end = float(num.VAGUE_PLURALS[lower_at(doc, i)]), i + 1
    while lower_at(doc, end) == "of" and lower_at(doc, end + 1) in num.VAGUE_PLURALS:
        value *= num.VAGUE_PLURALS[lower_at(doc, end + 1)]  # "tens of thousands"
        end += 2
    return NumberPhrase(i, end, value, value, bound="lower", words=True)


def _scaled_share(doc: Doc, i: int, share: float, money: bool) -> NumberPhrase:
    """A share of a scale word: "a quarter million", "half million"."""
    value, scale, end = _read_scales(doc, i + 1, share, money)
    return NumberPhrase(i, end, value, scale, words=True)


def read_half(doc: Doc, i: int, money: bool) -> NumberPhrase | None:
    """"Half a million", "half million", or "half of"/"half the"/"by half" as a share of something.
    "The first half", "the second half of the year" are parts of a period, no amounts."""
    nxt = lower_at(doc, i + 1)
    if lower_at(doc, i - 1) in num.PART_BEFORE_HALF or num.is_ordinal(lower_at(doc, i - 1)):
        return None
    if nxt in ("a", "an") and lower_at(doc, i + 2) in num.WORD_SCALES | num.DOZEN.keys():
        factor = num.SCALES.get(lower_at(doc, i + 2)) or num.DOZEN[lower_at(doc, i + 2)]
        return NumberPhrase(i, i + 3, 0.5 * factor, factor, words=True)  # "half a million"
    if nxt in num.WORD_SCALES:
        return _scaled_share(doc, i, 0.5, money)  # "half million"
    if nxt in ("of", "the", "a", "an") or _after_by(doc, i):
        return NumberPhrase(i, i + 1, 0.5, fraction=True, words=True)
    return None


def _after_by(doc: Doc, i: int) -> bool:
    """"Cut by half", "fell by nearly a third": after "by" (and a bound word) a fraction is the
    share of a change even with no "of" after it."""
    k = i - 1 - (lower_at(doc, i - 1) in ("a", "an"))
    k -= lower_at(doc, k) in BOUND_WORDS
    return lower_at(doc, k) == "by"


def read_after_article(doc: Doc, i: int, money: bool) -> NumberPhrase | None:
    """"A dozen", "a million", "a third of"; "several hundred" (a lower bound). Without a scale
    or fraction word after it, an article or "many" is no number."""
    word, nxt = lower_at(doc, i), lower_at(doc, i + 1)
    if nxt not in num.WORD_SCALES and nxt not in num.DOZEN:
        if word in ("a", "an") and (frac := _read_fraction(doc, i + 1, 1.0)):
            return NumberPhrase(i, frac[1], frac[0], fraction=frac[2], words=True)  # "a third of"
        return None
    if word in FEW_WORDS:
        value, scale, end = _read_scales(doc, i + 1, 1.0, money)
        return NumberPhrase(i, end, value, scale, bound="lower", words=True)  # "several hundred"
    return read_number_words(doc, i, i + 1, money)


def read_number_words(doc: Doc, start: int, i: int, money: bool) -> NumberPhrase | None:
    """A number in words from token i ("twelve thousand", "twenty-five", "one hundred and
    twenty"), as a phrase from `start`; an article before it ("a dozen") counts as one."""
    words, end = _number_word_run(doc, i)
    if not words:
        return None
    if start < i:
        words.insert(0, "one")  # "a dozen", "a million"
    value = num.words_value(words)
    if value is None:
        return None
    if frac := _read_fraction(doc, end, value):
        return NumberPhrase(start, frac[1], frac[0], fraction=frac[2], words=True)  # "two-thirds of"
    scale = _trailing_scale(words)
    if scale == 1:
        value, end = and_a_half(doc, end, value)
    value, more, end = _read_scales(doc, end, value, money)  # "twelve million" via abbreviations too
    return NumberPhrase(start, end, value, scale * more, words=True)


def _number_word_run(doc: Doc, i: int) -> tuple[list[str], int]:
    """The number words from token i on, through "-" in "twenty-five" and "and" in "hundred and
    twenty", and the token after them."""
    words: list[str] = []
    end = i
    while end < len(doc):
        w = lower_at(doc, end)
        if w in num.NUMBER_WORDS:
            words.append(w)
            end += 1
        elif w in _HYPHENS and words and words[-1] in num.TENS and lower_at(doc, end + 1) in num.UNITS:
            end += 1  # "twenty-five"
        elif w == "and" and words and words[-1] in num.WORD_SCALES and lower_at(doc, end + 1) in num.NUMBER_WORDS:
            end += 1  # "one hundred and twenty"
        else:
            break
    return words, end


def _trailing_scale(words: list[str]) -> float:
    """The multiplier of the scale words that end a run of number words ("twelve thousand" → 1000)."""
    scale = 1.0
    for w in reversed(words):
        if w not in num.SCALES and w not in num.DOZEN:
            break
        scale *= num.SCALES.get(w) or num.DOZEN[w]
    return scale


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
    link = lower_at(doc, first.end)
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
