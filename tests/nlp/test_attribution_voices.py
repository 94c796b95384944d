"""Who says it, when, and whether they deny it: the error classes of issue 22, on texts written for them.

- the article's own inferences ("This revelation indicates …", "…, highlighting …") are the author's;
- pronouns and role nouns go to the right speaker (a general's words are not the president's he met);
- `stated_at` comes from the reporting clause or the dateline, never from a date in the content or the
  source phrase;
- refusals to confirm and denials read negative.
"""

from __future__ import annotations

import pytest

import claimwatch
from claimwatch.model import Analysis, Claim


@pytest.fixture(scope="module")
def analyse():
    cache: dict[tuple[str, str], Analysis] = {}

    def run(text: str, published: str = "2016-05-10") -> Analysis:
        if (text, published) not in cache:
            cache[text, published] = claimwatch.analyze(text, published=published)
        return cache[text, published]

    return run


def claim_with_cue(analysis: Analysis, cue: str) -> Claim:
    found = [c for c in analysis.claims if c.cue is not None and c.cue.text == cue]
    assert len(found) == 1, [(c.cue and c.cue.text, c.content.text) for c in analysis.claims]
    return found[0]


def entity_name(analysis: Analysis, entity_id: str | None) -> str | None:
    return next((e.name for e in analysis.entities if e.id == entity_id), None)


# --- the author's own inferences -------------------------------------------------------------------------

INFERENCE = ("The ministry released new satellite images on Monday. This revelation indicates that the plant "
             "was rebuilt, highlighting the risks of the program.")


@pytest.mark.parametrize("cue", ["indicates", "highlighting"])
def test_the_articles_own_inference_is_the_authors(analyse, cue):
    assert claim_with_cue(analyse(INFERENCE), cue).source.kind == "author"


def test_a_relative_which_of_the_text_is_the_authors_too(analyse):
    text = "The rebels withdrew from the hills overnight, which suggests that the ceasefire is holding."
    assert claim_with_cue(analyse(text), "suggests").source.kind == "author"


@pytest.mark.parametrize(("text", "cue"), [
    ("This report indicates that the plant was rebuilt.", "indicates"),
    ("These officials suggested that the talks would resume.", "suggested"),
])
def test_a_source_pointed_at_with_this_keeps_its_claim(analyse, text, cue):
    assert claim_with_cue(analyse(text), cue).source.kind != "author"


# --- speakers: pronouns and role nouns -------------------------------------------------------------------

def test_a_generals_words_are_not_the_presidents_he_met(analyse):
    analysis = analyse('Gen. Mark Daley met President Tomas Alvarez on Tuesday. The general said the army would '
                       'withdraw. "We are not going anywhere," he said.')
    by_source = {c.source.text: c for c in analysis.claims if c.source.kind != "author"}
    assert entity_name(analysis, by_source["The general"].source.entity) == "Mark Daley"
    assert entity_name(analysis, by_source["he"].source.entity) == "Mark Daley"


def test_a_pronoun_goes_to_the_subject_not_to_the_person_spoken_of(analyse):
    analysis = analyse("President Tomas Alvarez praised Gen. Mark Daley. He said the troops would stay.")
    pronoun = next(c for c in analysis.claims if c.source.text == "He")
    assert entity_name(analysis, pronoun.source.entity) == "Tomas Alvarez"


def test_a_role_noun_after_an_apposition_is_the_person_given_the_role(analyse):
    analysis = analyse("Anna Berg, the agency's spokeswoman, arrived late. Later the spokeswoman said that "
                       "the talks had failed.")
    claim = claim_with_cue(analysis, "said")
    assert entity_name(analysis, claim.source.entity) == "Anna Berg" and claim.source.kind == "named"


# --- stated_at ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "stated"), [
    ("The commander said the town fell in March 2009.", "2016-05-10"),
    ("The commander, who led the 2009 offensive, said the town had fallen.", "2016-05-10"),
    ("The minister said on Friday that the bridge, which was completed in 2009, had collapsed.", "2016-05-06"),
    ("LONDON, March 3, 2016 — The commander said the town fell in March 2009.", "2016-03-03"),
])
def test_stated_at_is_never_a_date_of_the_content_or_the_source(analyse, text, stated):
    assert claim_with_cue(analyse(text), "said").stated_at == stated


# --- refusals and denials -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "cue", "certainty"), [
    ("The spokesman did not immediately confirm that troops had crossed the border.", "confirm", "unknown"),
    ("The ministry declined to comment on reports that troops had crossed the border.", "comment", "unknown"),
    ("The government called the reports a fabrication.", "called", "certain"),
    ("Officials dismissed reports that the convoy had been attacked.", "dismissed", "certain"),
    ("The army refuted claims that civilians were killed.", "refuted", "certain"),
    ("The ministry dismissed the claims as baseless.", "dismissed", "certain"),
])
def test_refusals_to_confirm_and_denials_read_negative(analyse, text, cue, certainty):
    claim = claim_with_cue(analyse(text), cue)
    assert (claim.polarity, claim.certainty) == ("negative", certainty)
    assert claim.source.kind != "author"


def test_a_confirmation_stays_positive(analyse):
    claim = claim_with_cue(analyse("The spokesman confirmed that troops had crossed the border."), "confirmed")
    assert (claim.polarity, claim.certainty) == ("positive", "certain")
