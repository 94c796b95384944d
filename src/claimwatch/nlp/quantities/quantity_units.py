"""What a number measures, read from the words written around it: a currency before it
("$", "US $", "EUR"), or after it a percent sign, a currency word, a unit of measurement
("3-inch", "degrees Celsius"), an age ("45-year-old") or a duration, and rates ("a day").

Split from `extract` so that each stays small; the units are in `units`, the bound words in
lexicons/quantities_bounds.tsv.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimwatch.nlp.quantities import numbers as num
from claimwatch.nlp.quantities import units
from claimwatch.nlp.quantities.number_phrases import NumberPhrase, lower_at, read_number
from claimwatch.nlp.quantities.vocabulary import BOUNDS_AFTER, BOUNDS_BEFORE, CENTS_WORDS, CHANGE_CONTEXT


def bound_around(doc: Doc, start: int, end: int) -> tuple[str | None, int, int]:
    """The bound word(s) before `start` and after `end`: (bound, new start, new end)."""
    bound, new_start, new_end = None, start, end
    before = tuple(lower_at(doc, j) for j in range(start - _LONGEST_BOUND, start))
    for size in range(_LONGEST_BOUND, 0, -1):
        if start - size >= 0 and (value := BOUNDS_BEFORE.get(before[-size:])):
            bound, new_start = value, start - size
            break
    after = tuple(lower_at(doc, j) for j in range(end, end + 2))
    for size in (2, 1):
        if value := BOUNDS_AFTER.get(after[:size]):
            bound, new_end = bound or value, end + size
            break
    return bound, new_start, new_end


_LONGEST_BOUND = max(len(phrase) for phrase in BOUNDS_BEFORE)


def currency_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """The currency written just before token i ("$", "US$", "US $", "EUR") and where it starts."""
    if i > 0 and (scaled := units.scaled_currency(doc[i - 1].text)):
        return scaled[0], i - 1  # "MEUR 120"; its scale is read by `currency_scale`
    if i == 0 or (currency := units.currency_symbol(doc[i - 1].text)) is None:
        return None
    prefix = lower_at(doc, i - 2)
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
        if low in units.PERCENT_WORDS:  # "5%", "10pc"
            return units.PERCENT_WORDS[low], "percent", at
        if currency := units.currency_symbol(low):
            return currency, "money", at
        if low in ("yo", "y.o."):
            return "year of age", "age", at
        return "", "label", at  # "11a", "m212": a label, not an amount
    word = doc[at].text if at < len(doc) else ""
    scaled = units.scaled_currency(word)
    if currency := units.currency_symbol(word) or (scaled[0] if scaled else None):
        return currency, "money", at + 1  # "15 €", "20 usd", "30 MUSD"
    if lower_at(doc, at) in ("yo", "y.o.", "y/o"):
        return "year of age", "age", at + 1
    if lower_at(doc, at) in ("-", "–"):
        at += 1
    for size in range(units.MAX_UNIT_WORDS, 0, -1):
        key = " ".join(lower_at(doc, j) for j in range(at, at + size))
        if size == 1 and key in ("per", "percentage") and lower_at(doc, at + 1) in ("cent", "point", "points"):
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
                lower_at(doc, j) for j in range(at + size, at + size + 1)) in units.CURRENCY_WORDS:
            currency = units.CURRENCY_WORDS[lower_at(doc, at + size)]
            name = currency if " " in currency else f"{key} {currency}"
            return name.replace("u.s. ", "").replace("us ", ""), "money", at + size + 1
    return None


def _currency_word(doc: Doc, at: int, size: int, n: NumberPhrase) -> tuple[str, str, int] | None:
    key = " ".join(lower_at(doc, j) for j in range(at, at + size))
    return units.CURRENCY_WORDS[key], "money", at + size


def _refine_measure(doc: Doc, at: int, unit: str, n: NumberPhrase) -> tuple[str, str, int]:
    """'pounds' of money when millions are counted; 'degrees celsius'; the rest as it is."""
    if unit == "pound-mass" and (n.scale >= 1_000_000 or lower_at(doc, at) == "sterling"):
        return "pound sterling", "money", at + (lower_at(doc, at) == "sterling")
    if unit == "degree":
        scale = lower_at(doc, at)
        if scale in units.TEMPERATURE_SCALES and (len(scale) > 1 or not doc[at].is_alpha or lower_at(doc, at + 1)
                                                  in ("", ".", ",", "to", "and", "in", "is", "outside")):
            return units.TEMPERATURE_SCALES[scale], "temperature", at + 1
        return "degree", "measure", at
    kind = "temperature" if unit in ("celsius", "fahrenheit", "kelvin") else "measure"
    return unit, kind, at


def _age_or_duration(doc: Doc, at: int, unit: str) -> tuple[str, str, int] | None:
    """'45-year-old', '29 years old', '3 years of age' are ages; 'two days ago' is a time."""
    nxt = lower_at(doc, at)
    if nxt in ("-", "–") and lower_at(doc, at + 1) == "old":
        return f"{unit} of age", "age", at + 2
    if nxt == "old":
        return f"{unit} of age", "age", at + 1
    if nxt == "of" and lower_at(doc, at + 1) == "age":
        return f"{unit} of age", "age", at + 2
    return unit, "duration", at


def currency_scale(doc: Doc, start: int, end: int) -> tuple[float, int]:
    """The scale a currency code carries or has after it: 'MUSD', 'MEUR 120', '75 USD million'.
    (factor, new end); (1, end) when there is none."""
    for k in (start, end - 1):
        if 0 <= k < len(doc) and (scaled := units.scaled_currency(doc[k].text)):
            return scaled[1], end
    if end > 0 and units.currency_symbol(doc[end - 1].text) and lower_at(doc, end) in num.SCALES \
            and lower_at(doc, end) not in num.AMBIGUOUS_SCALES:
        return num.SCALES[lower_at(doc, end)], end + 1
    return 1.0, end


def cents_after(doc: Doc, at: int) -> tuple[float, int] | None:
    """'… dollars [and] 50 [cents]': the hundredths that complete an amount, and where they end.
    Bare numbers count only at the end of the clause ("15 dollars 50."), never before a unit."""
    j = at + (lower_at(doc, at) == "and")
    if j >= len(doc) or (cents := read_number(doc, j)) is None or cents.fraction or cents.suffix:
        return None
    if not (0 < cents.value < 100 and cents.value == int(cents.value)):
        return None
    nxt = lower_at(doc, cents.end)
    if nxt in CENTS_WORDS:
        return cents.value / 100, cents.end + 1
    if nxt in ("", ".", ",", ";", "!", "?"):
        return cents.value / 100, cents.end
    return None


def unit_range(doc: Doc, first: int, end: int, n: NumberPhrase, unit: str, money: bool
               ) -> tuple[NumberPhrase, int] | None:
    """'5% to 7%', '2 inches-4 inches', '$3 billion to $4 billion': a range whose ends both carry
    the unit, as (upper end, token after it). Not after a verb, where "rose 2% to 5%" is a change."""
    link = lower_at(doc, end)
    if link not in ("to", "-", "–") or end + 1 >= len(doc):
        return None
    before = doc[first - 1] if first > 0 else None
    if link == "to" and before is not None and (before.pos_ in ("VERB", "AUX") or before.lower_ in CHANGE_CONTEXT):
        return None
    at = end + 1
    if money and units.currency_symbol(doc[at].text):
        at += 1
    second = read_number(doc, at, money)
    if second is None or second.fraction or second.value <= n.value:
        return None
    found = unit_after(doc, second.end, second)
    if found and found[0] == unit:
        return second, found[2]
    if money and at > end + 1 and not found:
        return second, second.end
    return None


def rate(doc: Doc, at: int, unit: str) -> tuple[str, int]:
    """'barrels a day', '$70 a share', 'km per hour' → 'barrel per day' and so on."""
    i = at + (lower_at(doc, at) in ("-", "–"))
    if lower_at(doc, i) in ("per", "a", "an", "/", "each"):
        j = i + 1 + (lower_at(doc, i + 1) in ("-", "–"))
        denom = units.RATE_DENOMINATORS.get(lower_at(doc, j))
        if denom and lower_at(doc, j + 1) not in ("ago", "earlier", "later", "before", "after"):
            return f"{unit} per {denom}", j + 1
    return unit, at
