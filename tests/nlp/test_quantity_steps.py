"""Single steps of quantity reading, each run on its own: the readers of number_phrases, the
not-an-amount tests, the counted noun, and the QuantityDraft steps of extract."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimwatch.nlp.quantities import numbers as num
from claimwatch.nlp.quantities import units
from claimwatch.nlp.quantities.counted import counted_noun
from claimwatch.nlp.quantities.extract import read_unit, read_upper_end, read_value, start_quantity
from claimwatch.nlp.quantities.not_amounts import is_date_part, is_score
from claimwatch.nlp.quantities.number_phrases import read_half, read_number, read_number_words, read_vague_plural
from claimwatch.nlp.quantities.vocabulary import BOUNDS_BEFORE, DATE_OR_LIST, FULL_MONTH_NAMES, MONTH_WORDS


def at(doc: Doc, text: str) -> int:
    return next(t.i for t in doc if t.text == text)


@pytest.mark.parametrize("text, first, value, scale, end", [
    ("twenty-five soldiers", "twenty", 25, 1, 3),
    ("one hundred and twenty people", "one", 120, 1, 4),
    ("twelve thousand troops", "twelve", 12_000, 1000, 2),
])
def test_read_number_words(nlp, text, first, value, scale, end):
    doc = nlp(text)
    i = at(doc, first)
    n = read_number_words(doc, i, i, False)
    assert (n.value, n.scale, n.end, n.words) == (value, scale, end, True)


def test_read_vague_plural_multiplies_through_of(nlp):
    doc = nlp("tens of thousands of protesters")
    n = read_vague_plural(doc, 0)
    assert (n.value, n.end, n.bound) == (10_000, 3, "lower")


@pytest.mark.parametrize("text, value, fraction", [
    ("half a million people", 500_000, False),
    ("half of the shells", 0.5, True),
])
def test_read_half(nlp, text, value, fraction):
    n = read_half(nlp(text), 0, False)
    assert (n.value, n.fraction) == (value, fraction)


def test_read_number_dispatches_by_form(nlp):
    doc = nlp("They sent 3bn dollars at rates of 5.25%-5.50 % and a dozen jets.")
    glued = read_number(doc, at(doc, "3bn"))
    assert (glued.value, glued.scale) == (3_000_000_000, 1_000_000_000)
    glued_range = read_number(doc, at(doc, "5.25%-5.50"))
    assert (glued_range.value, glued_range.upper_value, glued_range.suffix) == (5.25, 5.5, "%")
    dozen = read_number(doc, at(doc, "a"))
    assert (dozen.value, dozen.end) == (12, at(doc, "jets"))


def test_date_parts_and_scores_are_no_amounts(nlp):
    doc = nlp("On Oct. 3 the court ruled 5-4 for him.")
    assert is_date_part(doc, read_number(doc, at(doc, "3")))
    assert is_score(doc, read_number(doc, at(doc, "5")))


def test_counted_noun_skips_modifiers_and_looks_through_of(nlp):
    doc = nlp("six North Korean soldiers and half of the shells")
    noun, _ = counted_noun(doc, read_number(doc, 0), 1)
    assert noun.text == "soldiers"
    half = read_number(doc, at(doc, "half"))
    noun, _ = counted_noun(doc, half, half.end)
    assert noun.text == "shells"


def test_quantity_draft_steps_read_currency_range_and_scale(nlp):
    doc = nlp("The fund needs $3 billion to $4 billion.")
    draft = start_quantity(doc, at(doc, "3"))
    assert draft.currency == ("dollar", at(doc, "$")) and draft.money
    read_upper_end(doc, draft)
    assert draft.upper.value == 4_000_000_000
    read_value(doc, draft)
    assert draft.value == 3_000_000_000


def test_quantity_draft_unit_after_the_number(nlp):
    doc = nlp("The convoy drove 40 km a day.")
    draft = start_quantity(doc, at(doc, "40"))
    read_upper_end(doc, draft)
    assert read_unit(doc, draft) == "measure"
    assert (draft.unit, doc[draft.end].text) == ("kilometre", "a")


def test_quantity_words_are_read_from_the_lexicon_files():
    assert len(FULL_MONTH_NAMES) == 12 and "may" in FULL_MONTH_NAMES and "sept" not in FULL_MONTH_NAMES
    assert {"oct.", "oct", "october"} <= MONTH_WORDS and "may." not in MONTH_WORDS
    assert {",", "and", "no.", "march", "sept."} <= DATE_OR_LIST and "mar" not in DATE_OR_LIST
    assert BOUNDS_BEFORE[("more", "than")] == "lower"
    assert num.FRACTIONS["third"] == 1 / 3 and num.SCALES["bn"] == 1_000_000_000
    assert units.MEASURES["kilometres per hour"] == "kilometre per hour" and units.MAX_UNIT_WORDS == 3
    assert units.RATE_DENOMINATORS["day"] == "day" and units.RATE_DENOMINATORS["share"] == "share"


@pytest.mark.parametrize("text, value", [("1/2", 0.5), ("3/4", 0.75), ("24/7", None), ("9/11", None), ("5/3", None)])
def test_digit_fractions_are_proper_with_usual_denominators(text, value):
    assert num.parse_digits(text) == value


def test_read_half_is_no_share_after_an_ordinal(nlp):
    doc = nlp("in the second half of the year")
    assert read_half(doc, at(doc, "half"), False) is None
