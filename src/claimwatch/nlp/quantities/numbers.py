"""Numbers as news writes them: digits with separators, number words, scale words, fractions.

Pure functions over strings (lowercased token texts), so that `quantities` can read a number
phrase token by token without re-parsing. Everything here is a closed, general vocabulary of
English numerals; nothing depends on a particular text.
"""

from __future__ import annotations

import re

from claimwatch.nlp.lexicons import json_data

_NUMERALS = json_data("quantities_numbers.json")


def _values(key: str) -> dict[str, int]:
    return dict(_NUMERALS[key]["values"])


def _ratios(key: str) -> dict[str, float]:
    return {word: numerator / denominator for word, (numerator, denominator) in _NUMERALS[key]["values"].items()}


# The numerals are data (lexicons/quantities_numbers.json, where each table says what it holds).
UNITS = _values("units")
TENS = _values("tens")
#: Multipliers written as words or as the abbreviations of financial and British news.
SCALES = _values("scales")
#: Scale abbreviations that are also unit symbols ("5 m" is five metres): only read as scales
#: when money or a counted noun makes the reading safe.
AMBIGUOUS_SCALES = frozenset(_NUMERALS["ambiguous_scales"]["words"])
#: Scale words as whole words (never abbreviations): "twelve thousand", "a million".
WORD_SCALES = frozenset(_NUMERALS["word_scales"]["words"])
DOZEN = _values("dozen")
#: Plural scale words read as "at least that many": "dozens of homes", "tens of thousands".
VAGUE_PLURALS = _values("vague_plurals")
FRACTIONS = _ratios("fractions")
UNICODE_FRACTIONS = _ratios("unicode_fractions")
ORDINAL_WORDS = frozenset(_NUMERALS["ordinal_words"]["words"])
#: Words before "half" that make it a part of a period or a game ("the second half"), no amount.
PART_BEFORE_HALF = frozenset(_NUMERALS["part_before_half"]["words"])
#: Denominators of the fractions news writes in digits ("1/2", "3/4"); "9/11" and "24/7" are names.
DIGIT_FRACTION_DENOMINATORS = frozenset(_NUMERALS["digit_fraction_denominators"]["values"])

NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | WORD_SCALES | frozenset(DOZEN)

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?$|^[+-]?\.\d+$")
#: A range glued into one token: "5.25%-5.50%", "10-12", "75-300mm" (suffix on either end).
_GLUED_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(%?)[-–](\d[\d,]*(?:\.\d+)?)([a-zA-Z%]*)$")
#: A currency code or symbol glued before the digits: "USD115", "nzd$15", "€20".
_PREFIXED = re.compile(r"^([a-zA-Z]{2,4}\$?|[a-zA-Z]{0,3}[$€£¥₹₽₩₴₪₺₦₿₡₾₭₮₱₫₸₲₵৳₼])(\d[\d,]*(?:\.\d+)?)$")
_SIMPLE_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
#: A number glued to a suffix inside one token: "3bn", "75ml", "200lbs", "20km".
_GLUED = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?)([a-zA-Z°%²³µμ/$€£¥₹₽₩₴₪₺₦₿元₡₾₭₮₱₫₸₲₵৳₼]+)$")


def as_number(value: float) -> int | float:
    """An int when the value is whole (12000, not 12000.0), else the float rounded sensibly.
    Not nlp/words.whole: amounts computed by scaling ("1.1 million", "a third of 300") carry float
    noise, so near-whole values count as whole and the rest are rounded to 10 places."""
    if abs(value - round(value)) < 1e-9 and abs(value) < 1e18:
        return int(round(value))
    return round(value, 10)


def parse_digits(text: str) -> float | None:
    """'12,000' → 12000, '1.5' → 1.5, '-5' → -5, '1/2' → 0.5; None for anything else."""
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    if match := _SIMPLE_FRACTION.match(text):
        numerator, den = int(match.group(1)), int(match.group(2))
        # a proper fraction with a usual denominator; "24/7", "9/11", "4/5" as a date are not amounts
        return numerator / den if 0 < numerator < den and den in DIGIT_FRACTION_DENOMINATORS else None
    if text in UNICODE_FRACTIONS:
        return UNICODE_FRACTIONS[text]
    return None


def split_glued(text: str) -> tuple[float, str] | None:
    """'3bn' → (3, 'bn'); '75ml' → (75, 'ml'); None when the token is not number+suffix."""
    match = _GLUED.match(text)
    if not match or _ORDINAL.match(text):
        return None
    value = parse_digits(match.group(1))
    return None if value is None else (value, match.group(2))


def split_range(text: str) -> tuple[float, float, str] | None:
    """'5.25%-5.50%' → (5.25, 5.5, '%'); '75-300mm' → (75, 300, 'mm'); None unless the second is larger."""
    match = _GLUED_RANGE.match(text)
    if not match:
        return None
    low, high = parse_digits(match.group(1)), parse_digits(match.group(3))
    if low is None or high is None or high <= low or (match.group(2) and match.group(4) not in ("", "%")):
        return None
    return low, high, match.group(4) or match.group(2)


def split_prefixed(text: str) -> tuple[str, float] | None:
    """'USD115' → ('usd', 115); 'nzd$15' → ('nzd$', 15): a currency written onto the amount."""
    match = _PREFIXED.match(text)
    if not match:
        return None
    value = parse_digits(match.group(2))
    return None if value is None else (match.group(1).lower(), value)


def is_ordinal(text: str) -> bool:
    """'11th', 'third' (when not a fraction): ranks, not amounts."""
    return bool(_ORDINAL.match(text)) or text.lower() in ORDINAL_WORDS


def is_year_like(text: str) -> bool:
    """Four plain digits in the range of years news writes about ('2024', '1990')."""
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2199


def words_value(words: list[str]) -> float | None:
    """The value of a run of number words: ['twelve', 'thousand'] → 12000,
    ['one', 'hundred', 'twenty'] → 120, ['ninety', 'five'] → 95. Digits may start the run
    ('1.5', 'million'). None when the words do not form a number."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in UNITS or word in TENS:
            current += UNITS.get(word, TENS.get(word, 0))
        elif word in DOZEN:
            current = (current or 1) * DOZEN[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0.0
        else:
            value = parse_digits(word)
            if value is None:
                return None
            current += value
        seen = True
    return total + current if seen else None
