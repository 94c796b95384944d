"""Times: explicit dates at their precision, relative ones resolved against publication, vague ones left open."""

from __future__ import annotations

from datetime import date

import pytest

from claimwatch.model import Document
from claimwatch.nlp.state import DocState
from claimwatch.nlp.times.dates import resolve
from claimwatch.nlp.times.extract import find_times

PUBLISHED = date(2024, 10, 24)  # a Thursday


@pytest.fixture(scope="module")
def times(nlp):
    def run(text: str, published: date | None = PUBLISHED):
        state = DocState(Document(text=text), published)
        find_times(nlp(text), state)
        for t in state.times:
            assert text[t.span[0]:t.span[1]] == t.text
        return {t.text: t.value for t in state.times}

    return run


@pytest.mark.parametrize("text,expression,value", [
    ("The talks collapsed in October 2023, diplomats said.", "October 2023", "2023-10"),
    ("The treaty was signed on 3 March 2022 in Geneva.", "3 March 2022", "2022-03-03"),
    ("The strike happened on Oct. 3, officials said.", "Oct. 3", "2024-10-03"),
    ("Inflation peaked in 2023 across the region.", "2023", "2023"),
    ("The decree was published on 2024-01-05 in the gazette.", "2024-01-05", "2024-01-05"),
])
def test_explicit_dates_keep_the_precision_of_the_text(times, text, expression, value):
    assert times(text)[expression] == value


@pytest.mark.parametrize("text,expression,value", [
    ("The agency announced today that talks would resume.", "today", "2024-10-24"),
    ("The minister resigned yesterday after the vote.", "yesterday", "2024-10-23"),
    ("Two days ago the bridge was hit.", "Two days ago", "2024-10-22"),
    ("Troops were seen there as far back as a year ago.", "a year ago", "2023-10"),
    ("The ceasefire was agreed last month.", "last month", "2024-09"),
    ("Elections will be held next year.", "next year", "2025"),
    ("The president spoke on Monday about the deal.", "on Monday", "2024-10-21"),
    ("Shelling resumed last week near the town.", "last week", "2024-W42"),
])
def test_relative_expressions_resolve_against_publication(times, text, expression, value):
    assert times(text)[expression] == value


def test_relative_expressions_stay_open_without_a_publication_date(times):
    found = times("The agency announced today that talks failed last month.", published=None)
    assert found["today"] is None and found["last month"] is None


@pytest.mark.parametrize("text", [
    "Attacks have intensified in recent weeks.",
    "The two sides have fought for years.",
    "He spent six years in prison.",
])
def test_vague_times_and_durations_are_not_guessed(times, text):
    found = times(text)
    assert found and all(value is None for value in found.values())


def test_ages_are_not_times(times):
    assert times("A 45-year-old man was detained.") == {}


def test_as_of_month_year_gives_the_month(times):
    assert times("As of October 2024, the plant had closed.")["October 2024"] == "2024-10"


def test_resolver_uses_dateparser_only_for_other_calendar_forms():
    assert resolve("10/24/2023", None) == "2023-10-24"
    assert resolve("last Thursday", PUBLISHED) == "2024-10-17"
    assert resolve("since the conflict began", PUBLISHED) is None


def test_a_year_among_words_is_that_year_and_two_years_are_no_one_value():
    assert resolve("the summer of 2010", PUBLISHED) == "2010"
    assert resolve("the year 2000", None) == "2000"
    assert resolve("from 1995 to 1997", PUBLISHED) is None


def test_a_leading_word_is_stripped_only_as_a_whole_word():
    from claimwatch.nlp.times.dates import clean

    assert clean("later this week") == "this week"  # not "r this week"
    assert clean("these days") == "these days"  # not "se days"
    assert clean("the middle of March") == "march"  # not "dle of march"
