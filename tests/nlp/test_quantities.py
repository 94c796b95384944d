"""Quantities: number forms, bounds, ranges, fractions, money, units, and what is not a quantity."""

from __future__ import annotations

import pytest

from claimwatch.model import Document
from claimwatch.nlp.quantities.extract import find_quantities
from claimwatch.nlp.state import DocState


@pytest.fixture(scope="module")
def quantities(nlp):
    def run(text: str):
        state = DocState(Document(text=text))
        find_quantities(nlp(text), state)
        for q in state.quantities:  # spans are document coordinates and give the text
            assert text[q.span[0]:q.span[1]] == q.text
        return state.quantities

    return run


def one(found, value):
    hits = [q for q in found if q.value == value]
    assert len(hits) == 1, [(q.text, q.value) for q in found]
    return hits[0]


def test_digits_with_separators_and_the_counted_noun(quantities):
    q = one(quantities("Officials said 12,000 soldiers crossed the river."), 12000)
    assert (q.unit, q.bound, q.kind, q.text) == ("soldiers", "exact", "count", "12,000 soldiers")


def test_number_words_skip_adjectives_between_number_and_noun(quantities):
    q = one(quantities("Reports said six Ukrainian medics were wounded."), 6)
    assert q.unit == "medics" and q.text == "six Ukrainian medics"


@pytest.mark.parametrize("text,value", [
    ("They built twelve thousand houses.", 12000),
    ("Police counted twenty-five tents.", 25),
    ("The shelter took in one hundred and twenty dogs.", 120),
    ("The ministry ordered 1.5 million doses.", 1_500_000),
    ("The company bought a dozen drones.", 12),
    ("Ninety five delegates voted.", 95),
])
def test_number_forms(quantities, text, value):
    assert one(quantities(text), value).unit is not None


@pytest.mark.parametrize("text,value,bound", [
    ("More than 300 people were evacuated.", 300, "lower"),
    ("At least 40 villages lost power.", 40, "lower"),
    ("Up to 500 workers may be laid off.", 500, "upper"),
    ("Fewer than 20 journalists remain.", 20, "upper"),
    ("About 70 trucks entered the city.", 70, "approximate"),
    ("Nearly 9,000 residents fled.", 9000, "approximate"),
    ("Dozens of homes were destroyed.", 12, "lower"),
    ("Tens of thousands of troops massed at the border.", 10000, "lower"),
])
def test_bounds(quantities, text, value, bound):
    assert one(quantities(text), value).bound == bound


def test_bound_word_starts_the_text(quantities):
    q = one(quantities("The army lost over 2,500 tanks."), 2500)
    assert q.text == "over 2,500 tanks"


@pytest.mark.parametrize("text,low,high", [
    ("Between 3 and 5 battalions were sent.", 3, 5),
    ("Estimates range from 10,000 to 12,000 fighters, officials said.", 10000, 12000),
    ("The blast shattered windows 2-3 km away.", 2, 3),
    ("Some 10 to 12 thousand refugees arrived.", 10000, 12000),
])
def test_ranges(quantities, text, low, high):
    q = one(quantities(text), low)
    assert q.upper == high


def test_fractions_count_the_noun_they_divide(quantities):
    q = one(quantities("The country supplied half of the fuel used by the fleet."), 0.5)
    assert q.unit == "fuel" and q.text == "half of the fuel"
    q = one(quantities("Two-thirds of voters backed the plan."), pytest.approx(2 / 3))
    assert q.unit == "voters"


def test_percentages(quantities):
    found = quantities("Prices rose 40 percent, and turnout fell 3.5% to a record low.")
    assert one(found, 40).unit == "percent"
    assert one(found, 3.5).unit == "percent"


@pytest.mark.parametrize("text,value,unit", [
    ("The ministry announced $20 million in aid.", 20_000_000, "dollar"),
    ("The fund holds $3bn in bonds.", 3_000_000_000, "dollar"),
    ("Tickets cost €15 each.", 15, "euro"),
    ("The club paid £8.1 million for him.", 8_100_000, "pound sterling"),
    ("The deal was worth 420 million Swiss francs.", 420_000_000, "swiss franc"),
])
def test_currency(quantities, text, value, unit):
    q = one(quantities(text), value)
    assert (q.unit, q.kind) == (unit, "money")


@pytest.mark.parametrize("text,value,unit", [
    ("The convoy stretched for 5 km along the road.", 5, "kilometre"),
    ("The river rose 3 feet overnight.", 3, "foot"),
    ("Temperatures reached 40 degrees Celsius.", 40, "celsius"),
    ("The field produces 500,000 barrels a day.", 500_000, "barrel per day"),
    ("He was sentenced to six years in prison.", 6, "year"),
    ("A 45-year-old man was arrested.", 45, "year of age"),
    ("The suspect, 29 years old, was released.", 29, "year of age"),
])
def test_units_of_measurement_and_ages(quantities, text, value, unit):
    assert one(quantities(text), value).unit == unit


@pytest.mark.parametrize("text", [
    "The war began in 2022 and the 2024 elections followed.",
    "The attack on May 8 was the worst since Oct. 3.",
    "The 11th brigade held the first line.",
    "Call 555-123-4567 before 3 p.m.",
    "One of the missiles hit a school.",
    "The Group of Seven met in Italy.",
    "Traffic was stopped on Highway 35 near the bridge.",
])
def test_not_quantities(quantities, text):
    assert quantities(text) == []


def test_years_with_currency_are_amounts(quantities):
    assert one(quantities("The fine was $1500."), 1500).unit == "dollar"


def test_a_change_from_one_amount_to_another_is_two_quantities(quantities):
    found = quantities("The toll rose from 10 to 12 overnight.")
    assert [q.value for q in found] == [10, 12] and all(q.upper is None for q in found)


@pytest.mark.parametrize("text,value,unit", [
    ("Crowds of 45, 000 people filled the square.", 45000, "people"),  # detokenized separators
    ("The state borrowed 12,34,567 rupees last month.", 1234567, "rupee"),  # Indian grouping
    ("A bus fare is 2 dollars 75 cents now.", 2.75, "dollar"),
    ("She paid eleven dollars and twenty cents for lunch.", 11.2, "dollar"),
    ("The grant totals MEUR 45 over three years.", 45_000_000, "euro"),
    ("Losses reached 12 MUSD in the quarter.", 12_000_000, "dollar"),
    ("Revenue hit 90 USD million last year.", 90_000_000, "dollar"),
    ("The invoice came to USD240 in total.", 240, "dollar"),
    ("The fine was ₾300 for the violation.", 300, "georgian lari"),
    ("A magnitude 5.9 quake shook the island.", 5.9, "magnitude"),
    ("The bank trimmed rates by 50 basis points.", 50, "basis point"),
    ("Investors bought 10-year notes worth billions.", 10, "year"),
])
def test_more_number_and_currency_forms(quantities, text, value, unit):
    assert one(quantities(text), pytest.approx(value)).unit == unit


@pytest.mark.parametrize("text,low,high,unit", [
    ("Yields moved in a band of 4.1%-4.3% during the week.", 4.1, 4.3, "percent"),
    ("Gusts of 50 mph to 70 mph hit the coast.", 50, 70, "mile per hour"),
    ("The plan costs between $2 million and $3 million a year.", 2_000_000, 3_000_000, "dollar per year"),
])
def test_ranges_with_the_unit_on_both_ends(quantities, text, low, high, unit):
    q = one(quantities(text), low)
    assert (q.upper, q.unit) == (high, unit)


def test_a_verb_before_two_percentages_makes_a_change_not_a_range(quantities):
    found = quantities("Exports grew 1.5 percent to 4 percent of output.")
    assert [(q.value, q.upper) for q in found] == [(1.5, None), (4, None)]


def test_of_the_number_noun_gives_two_quantities_with_the_noun(quantities):
    found = quantities("The coalition holds 212 of the 400 seats in parliament.")
    assert [(q.value, q.unit) for q in found] == [(212, "seats"), (400, "seats")]


def test_a_share_of_a_possessors_number_counts_what_is_possessed(quantities):
    q = one(quantities("About a quarter of the town's 9,000 households lost water."), 0.25)
    assert q.unit == "households"


def test_title_case_headline_counts_the_first_noun(quantities):
    q = one(quantities("Hundreds of Farmers Block Roads Near Capital"), 100)
    assert (q.unit, q.bound) == ("Farmers", "lower")


def test_a_date_before_a_count_keeps_them_apart(quantities):
    assert one(quantities("On June 4, 300 workers walked out."), 300).unit == "workers"
    assert quantities("She left on 2 May that year.") == []


@pytest.mark.parametrize("text,value,unit", [
    ("Nearly half of the shells were intercepted.", 0.5, "shells"),
    ("Production was cut by half.", 0.5, None),
    ("Output fell by nearly a quarter in March.", 0.25, None),
    ("The company's shares fell a third in early trading.", pytest.approx(1 / 3), None),
])
def test_fractions_are_shares_not_counts(quantities, text, value, unit):
    q = one(quantities(text), value)
    assert (q.kind, q.unit) == ("share", unit)


@pytest.mark.parametrize("text", [
    "The party won a third term in office.",
    "Sales slowed in the second half of the year.",
    "The service runs 24/7 across the country.",
    "Security was tightened after 9/11 on all flights.",
])
def test_ranks_parts_of_periods_and_slash_names_are_no_shares(quantities, text):
    assert quantities(text) == []


@pytest.mark.parametrize("text,value,unit", [
    ("He spent two and a half years in prison.", 2.5, "year"),
    ("One and a half million doses arrived.", 1_500_000, "doses"),
    ("The talks ran 3 and a half hours.", 3.5, "hour"),
    ("A quarter of a million people live there.", 250_000, "people"),
])
def test_and_a_half_and_a_share_of_a_scale_are_numbers(quantities, text, value, unit):
    q = one(quantities(text), value)
    assert (q.unit, q.kind != "share") == (unit, True)


@pytest.mark.parametrize("text", [
    "A Category 4 hurricane hit the coast.",
    "The vaccine was tested in a Phase 3 trial.",
    "The Apollo 11 crew landed on the moon.",
    "The No. 2 official at the ministry resigned.",
    "Residents were told to call 999 at once.",
    "Madrid beat Barcelona 3-1 on Sunday.",
])
def test_numbers_that_name_or_are_dialled_are_not_quantities(quantities, text):
    assert quantities(text) == []


def test_a_title_case_headline_keeps_its_count(quantities):
    assert one(quantities("Storm Kills 12 People In Texas Town"), 12).unit == "People"


@pytest.mark.parametrize("text,value,unit", [
    ("Temperatures fell to minus 20 degrees Celsius overnight.", -20, "celsius"),
    ("How to convert - 20 degrees Fahrenheit to Celsius.", -20, "fahrenheit"),
])
def test_a_sign_written_apart_makes_a_temperature_negative(quantities, text, value, unit):
    assert one(quantities(text), value).unit == unit


def test_a_dash_before_a_count_is_no_sign(quantities):
    assert one(quantities("Kyiv - 20 people were hurt."), 20).value == 20


def test_an_age_set_off_by_commas(quantities):
    q = one(quantities("The president, 71, has ruled the country since 1999."), 71)
    assert (q.unit, q.kind) == ("year of age", "age")


@pytest.mark.parametrize("text,value,unit", [
    ("The country owes some 30 billion Egyptian pounds.", 30_000_000_000, "egyptian pound"),
    ("Debt rose to 2 trillion Saudi riyals.", 2_000_000_000_000, "saudi riyal"),
    ("Unemployment hit 10pc last month.", 10, "percent"),
])
def test_currencies_named_after_the_number_and_percent_abbreviations(quantities, text, value, unit):
    assert one(quantities(text), value).unit == unit


def test_a_time_after_a_number_is_not_what_it_counts(quantities):
    found = quantities("A loaf costs 1,500 Syrian pounds, up from 800 last year.")
    assert one(found, 1500).unit == "syrian pound" and one(found, 800).unit is None


def test_a_change_to_a_new_price_is_not_a_range(quantities):
    found = quantities("Gold fell $12 to $1,968 an ounce.")
    assert [(q.value, q.upper, q.unit) for q in found] == [(12, None, "dollar"), (1968, None, "dollar per ounce")]


def test_an_estimate_is_approximate(quantities):
    q = one(quantities("Damage is estimated at 3 to 4 billion euros."), 3_000_000_000)
    assert (q.upper, q.bound) == (4_000_000_000, "approximate")


def test_a_model_name_between_number_and_noun(quantities):
    assert one(quantities("Two Boeing 737 jets were grounded."), 2).unit == "jets"
