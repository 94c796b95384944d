"""What a number measures, read from the words written around it: a currency before it
("$", "US $", "EUR"), or after it a percent sign, a currency word, a unit of measurement
("3-inch", "degrees Celsius"), an age ("45-year-old") or a duration, and rates ("a day").

Split from `quantities` so that each stays small; all look-ups are in `units`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimwatch.nlp import units
from claimwatch.nlp.number_phrases import NumberPhrase


def _low(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def currency_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """The currency written just before token i ("$", "US$", "US $", "EUR") and where it starts."""
    if i == 0 or (currency := units.currency_symbol(doc[i - 1].text)) is None:
        return None
    prefix = _low(doc, i - 2)
    if doc[i - 1].text == "$" and prefix in units.DOLLAR_PREFIXES and (doc[i - 2].whitespace_ == ""
                                                                       or prefix not in ("a", "s")):
        return units.DOLLAR_PREFIXES[prefix], i - 2  # "US $5"; "a $5 bill" is not Australian
    return currency, i - 1


def unit_after(doc: Doc, at: int, n: NumberPhrase) -> tuple[str, str, int] | None:
    """A unit written after the number: (unit, kind, end token). Percent, currency words,
    measures (with "3-inch" hyphens), temperatures, ages ("45-year-old") and durations."""
    if n.suffix:
        low = n.suffix.lower()
        if low in units.MEASURES:
            return _refine_measure(doc, at, units.MEASURES[low], n)
        if low == "%":
            return "percent", "percent", at
        if currency := units.currency_symbol(low):
            return currency, "money", at
        if low in ("yo", "y.o."):
            return "year of age", "age", at
        return "", "label", at  # "11a", "m212": a label, not an amount
    if currency := units.currency_symbol(doc[at].text if at < len(doc) else ""):
        return currency, "money", at + 1  # "15 €", "20 usd"
    if _low(doc, at) in ("yo", "y.o.", "y/o"):
        return "year of age", "age", at + 1
    if _low(doc, at) in ("-", "–"):
        at += 1
    for size in range(units.MAX_UNIT_WORDS, 0, -1):
        key = " ".join(_low(doc, j) for j in range(at, at + size))
        if size == 1 and key in ("per", "percentage") and _low(doc, at + 1) in ("cent", "point", "points"):
            continue
        if key in units.PERCENT_WORDS:
            return units.PERCENT_WORDS[key], "percent", at + size
        if key in units.MEASURES:
            return _refine_measure(doc, at + size, units.MEASURES[key], n)
        if key in units.DURATIONS:
            return _age_or_duration(doc, at + size, units.DURATIONS[key])
        if key in units.CURRENCY_WORDS:
            return _currency_word(doc, at, size, n)
        if key in units.CURRENCY_NATIONALITIES and " ".join(
                _low(doc, j) for j in range(at + size, at + size + 1)) in units.CURRENCY_WORDS:
            currency = units.CURRENCY_WORDS[_low(doc, at + size)]
            name = currency if " " in currency else f"{key} {currency}"
            return name.replace("u.s. ", "").replace("us ", ""), "money", at + size + 1
    return None


def _currency_word(doc: Doc, at: int, size: int, n: NumberPhrase) -> tuple[str, str, int] | None:
    key = " ".join(_low(doc, j) for j in range(at, at + size))
    return units.CURRENCY_WORDS[key], "money", at + size


def _refine_measure(doc: Doc, at: int, unit: str, n: NumberPhrase) -> tuple[str, str, int]:
    """'pounds' of money when millions are counted; 'degrees celsius'; the rest as it is."""
    if unit == "pound-mass" and (n.scale >= 1_000_000 or _low(doc, at) == "sterling"):
        return "pound sterling", "money", at + (_low(doc, at) == "sterling")
    if unit == "degree":
        scale = _low(doc, at)
        if scale in units.TEMPERATURE_SCALES and (len(scale) > 1 or not doc[at].is_alpha or _low(doc, at + 1)
                                                  in ("", ".", ",", "to", "and", "in", "is", "outside")):
            return units.TEMPERATURE_SCALES[scale], "temperature", at + 1
        return "degree", "measure", at
    kind = "temperature" if unit in ("celsius", "fahrenheit", "kelvin") else "measure"
    return unit, kind, at


def _age_or_duration(doc: Doc, at: int, unit: str) -> tuple[str, str, int] | None:
    """'45-year-old', '29 years old', '3 years of age' are ages; 'two days ago' is a time."""
    nxt = _low(doc, at)
    if nxt in ("-", "–") and _low(doc, at + 1) == "old":
        return f"{unit} of age", "age", at + 2
    if nxt == "old":
        return f"{unit} of age", "age", at + 1
    if nxt == "of" and _low(doc, at + 1) == "age":
        return f"{unit} of age", "age", at + 2
    return unit, "duration", at


def rate(doc: Doc, at: int, unit: str) -> tuple[str, int]:
    """'barrels a day', '$70 a share', 'km per hour' → 'barrel per day' and so on."""
    i = at + (_low(doc, at) in ("-", "–"))
    if _low(doc, i) in ("per", "a", "an", "/", "each"):
        j = i + 1 + (_low(doc, i + 1) in ("-", "–"))
        denom = units.RATE_DENOMINATORS.get(_low(doc, j))
        if denom and _low(doc, j + 1) not in ("ago", "earlier", "later", "before", "after"):
            return f"{unit} per {denom}", j + 1
    return unit, at
