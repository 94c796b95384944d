"""Quantities: numbers in digits and words, with bounds and the counted noun as unit.

For every number phrase of the Doc (see `number_phrases`) this decides whether it is an amount
at all (years, dates, clock times, ordinals, phone numbers, names and "one of the …" are not:
`not_amounts`), then reads what it counts into a QuantityDraft, one step each: a currency before
it, a range, a unit of measurement, percent, a duration or an age after it (`quantity_units`),
else the noun it modifies in the dependency parse ("six North Korean soldiers" → "soldiers",
`counted`), and the bound words around it ("over", "about", "up to", "or more").
The cost is one pass over the tokens with set look-ups; the parse is never redone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from claimwatch.model import Quantity
from claimwatch.nlp.doctext import doc_text
from claimwatch.nlp.quantities import numbers as num
from claimwatch.nlp.quantities import units
from claimwatch.nlp.quantities.counted import counted_noun
from claimwatch.nlp.quantities.not_amounts import is_change, is_score, not_an_amount, year_not_amount
from claimwatch.nlp.quantities.number_phrases import NumberPhrase, lower_at, read_number, read_prefixed, read_range
from claimwatch.nlp.quantities.quantity_units import (
    bound_around,
    cents_after,
    currency_before,
    currency_scale,
    rate,
    unit_after,
    unit_range,
)
from claimwatch.nlp.quantities.vocabulary import AGE_WORDS, CHANGE_CONTEXT, CHANGE_VERBS
from claimwatch.nlp.state import DocState

_PHONE_LIKE = re.compile(r"\+?\(?\d{1,4}\)?(?:[-./]\d{2,4}){2,}|\(\d{3}\)\s?\d{3}-\d{4}|\d+(?::\d+)+")


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



@dataclass
class QuantityDraft:
    """A quantity while it is read: its number, what it measures, and the tokens it spans so far."""

    number: NumberPhrase
    #: The currency written before the number, and the token where it starts.
    currency: tuple[str, int] | None
    #: The first token of the quantity: its currency, else its number.
    first: int
    #: The token after the quantity as read so far.
    end: int
    #: The upper end of a range ("10,000 to 12,000").
    upper: NumberPhrase | None = None
    #: Whether "from" before it makes it a change between amounts ("rose from 10 to 12").
    change: bool = False
    unit: str | None = None
    kind: str | None = None
    #: The currency's scale ("MUSD", "$5 million" read after the currency).
    factor: float = 1.0
    value: float = 0.0

    @property
    def money(self) -> bool:
        return self.currency is not None


def _quantity_at(doc: Doc, i: int, state: DocState) -> int:
    """Read the quantity whose number starts at token i; returns the token after it (or i)."""
    draft = start_quantity(doc, i)
    if draft is None:
        return i
    if is_score(doc, draft.number):  # before the name test: "Barcelona 3-1" is a score, both numbers
        return draft.number.end + 2
    if not_an_amount(doc, draft.number, draft.money):
        return i
    read_upper_end(doc, draft)
    if read_unit(doc, draft) == "label":
        return draft.end
    if draft.currency is not None and draft.kind != "percent":  # "$5": money, in the unit written after it if any
        draft.unit, draft.kind = draft.currency[0] if draft.kind != "money" else draft.unit, "money"
    if year_not_amount(doc, draft.number, draft.money, draft.unit):
        return i
    read_age_or_magnitude(doc, draft)
    read_value(doc, draft)
    read_sign(doc, draft)
    if draft.unit is None:
        if lower_at(doc, draft.number.end) == "of" and doc[draft.number.start].lower_ == "one":
            return i  # "one of the ...": a pronoun
        noun, draft.end = counted_noun(doc, draft.number, draft.end)
        # a fraction is a share of what it divides ("half of the shells"), never a count of 0.5 shells
        draft.unit = noun.text if noun is not None else None
        draft.kind = "share" if draft.number.fraction else "count"
    elif draft.kind in ("money", "measure"):
        draft.unit, draft.end = rate(doc, draft.end, draft.unit)
    state.quantities.append(finish_quantity(doc, draft, state))
    return max(draft.end, draft.number.end)


def start_quantity(doc: Doc, i: int) -> QuantityDraft | None:
    """The number at token i and a currency written before it ("$5") or onto it ("USD115")."""
    currency = currency_before(doc, i)
    n = read_number(doc, i, currency is not None)
    if n is None and currency is None and (prefixed := read_prefixed(doc, i)):
        currency, n = prefixed  # "USD115", "nzd$15"
    if n is None:
        return None
    return QuantityDraft(number=n, currency=currency, first=currency[1] if currency else n.start, end=n.end)


def _between(doc: Doc, draft: QuantityDraft) -> bool:
    return lower_at(doc, draft.first - 1) == "between"


def read_upper_end(doc: Doc, draft: QuantityDraft) -> None:
    """The upper end of a range ("10,000 to 12,000", "between 3 and 5", or glued: "10-12"); none
    after "rose from", where the second number is where the change ends."""
    n = draft.number
    draft.change = is_change(doc, draft.first - 1)
    draft.upper = read_range(doc, n, draft.money, _between(doc, draft)) if not draft.change else None
    if draft.upper is not None and _change_to_amount(doc, draft):
        draft.upper = None
    if n.upper_value is not None:
        draft.upper = NumberPhrase(n.start, n.end, n.upper_value)
    draft.end = draft.upper.end if draft.upper else n.end


def _change_to_amount(doc: Doc, draft: QuantityDraft) -> bool:
    """"Gold fell $12 to $1,968": after a verb of change, "to" and a second currency sign start the
    level the change reached, not the top of a range ("needs $3 billion to $4 billion" is one)."""
    end = draft.number.end
    before = doc[draft.first - 1] if draft.first > 0 else None
    return lower_at(doc, end) == "to" and units.currency_symbol(lower_at(doc, end + 1)) is not None \
        and before is not None and (before.lemma_.lower() in CHANGE_VERBS or before.lower_ in CHANGE_CONTEXT)


def read_unit(doc: Doc, draft: QuantityDraft) -> str | None:
    """The unit written after the number (not after a fraction: "half of the shells" counts a
    noun), and a range whose both ends carry it ("5% to 7%"). Returns the unit's kind."""
    n = draft.number
    found = None if n.fraction else unit_after(doc, draft.end, draft.upper or n)
    if not found:
        return None
    draft.unit, draft.kind, draft.end = found
    if draft.kind == "label":
        return draft.kind
    if draft.upper is None and not draft.change and (
            second := unit_range(doc, draft.first, draft.end, n, draft.unit, draft.money)):
        draft.upper, draft.end = second
    return draft.kind


def read_age_or_magnitude(doc: Doc, draft: QuantityDraft) -> None:
    """"Aged 45" and "the president, 71," are ages; "magnitude 6.1" a measure."""
    n = draft.number
    if lower_at(doc, n.start - 1) in AGE_WORDS and draft.kind in (None, "duration"):
        draft.unit, draft.kind = "year of age" if draft.unit in (None, "year") else draft.unit, "age"
    elif draft.unit is None and not draft.money and appositive_age(doc, n):
        draft.unit, draft.kind = "year of age", "age"
    if draft.unit is None and lower_at(doc, draft.first - 1) == "magnitude":
        draft.unit, draft.kind = "magnitude", "measure"


def appositive_age(doc: Doc, n: NumberPhrase) -> bool:
    """"The president, 71, said": a bare whole number set off by commas after the noun it
    describes is that person's age, the way news gives ages."""
    token = doc[n.start]
    if n.words or n.end - n.start != 1 or not token.text.isdigit() or not 1 <= n.value < 120:
        return False
    return lower_at(doc, n.start - 1) == "," and lower_at(doc, n.end) in (",", ")") \
        and token.dep_ == "appos" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i == n.start - 2


def read_sign(doc: Doc, draft: QuantityDraft) -> None:
    """"Minus 20 degrees", "- 20 degrees Fahrenheit": a sign written apart from the digits. A bare
    dash counts only before a temperature, since elsewhere it separates ("2 - 3", "md.- - $75")."""
    before = lower_at(doc, draft.first - 1)
    dash = before in ("-", "–", "−") and draft.kind == "temperature" \
        and num.parse_digits(lower_at(doc, draft.first - 2)) is None
    if (before == "minus" or dash) and draft.value > 0:
        draft.value, draft.first = -draft.value, draft.first - 1


def read_value(doc: Doc, draft: QuantityDraft) -> None:
    """The value: money takes its currency's scale ("MUSD 3", "$75 USD million") and the cents
    written after it ("3 dollars 50 cents")."""
    n = draft.number
    draft.value, draft.factor = n.value, 1.0
    if draft.kind != "money":
        return
    draft.factor, draft.end = currency_scale(doc, draft.first, draft.end)
    draft.value *= draft.factor
    if draft.factor == 1 and n.scale == 1 and draft.upper is None and (cents := cents_after(doc, draft.end)):
        draft.value, draft.end = draft.value + cents[0], cents[1]  # "3 dollars 50 cents"


def finish_quantity(doc: Doc, draft: QuantityDraft, state: DocState) -> Quantity:
    """The Quantity, with the bound words around it ("more than", "or so"); with a currency first,
    bound words around the number itself count too."""
    n, upper = draft.number, draft.upper
    start = draft.first - (_between(doc, draft) and upper is not None)
    bound, start, end = bound_around(doc, start, draft.end)
    if bound is None and draft.currency and (b := bound_around(doc, n.start, n.end)[0]):
        bound = b
    draft.end = end
    return Quantity(
        id=state.new_id("q"),
        text=doc[start:end].text,
        span=state.span(doc[start:end]),
        value=num.as_number(draft.value),
        unit=draft.unit,
        bound=bound or n.bound,
        upper=num.as_number(upper.value * draft.factor) if upper else None,
        kind=draft.kind,
    )
