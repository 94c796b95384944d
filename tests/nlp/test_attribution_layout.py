"""Attributions the page's layout makes: a credit line after a quotation, the turns of a transcript."""

from __future__ import annotations

import pytest

from claimwatch.model import Document
from claimwatch.nlp.pipeline import analyze_documents


def _claims(text: str):
    [analysis] = analyze_documents([Document(text=text)])
    return [c for c in analysis.claims if c.source.kind != "author"]


def _by_source(claims):
    return {c.source.text: c for c in claims}


@pytest.mark.parametrize("dash", ["―", "—", "--"])
def test_a_quotation_credited_after_a_dash_is_the_credited_persons(dash):
    text = ("Readers answered our call after the vote.\n\n"
            f"“The bridge was closed for a week and nobody told us why.” {dash} Amira Haddad\n"
            f"“We will rebuild the school ourselves.”{dash} Tomas Lindqvist.\n")
    claims = _by_source(_claims(text))
    assert set(claims) == {"Amira Haddad", "Tomas Lindqvist"}  # the full stop is the line's, not the name's
    assert claims["Amira Haddad"].content.text.startswith("The bridge was closed")
    assert "Tomas" not in claims["Amira Haddad"].content.text
    assert dash in claims["Tomas Lindqvist"].cue.text


def test_an_embedded_post_is_credited_to_its_author_not_its_handle_or_date():
    text = ("The minister answered within the hour.\n\n"
            "\"The port will reopen on Monday.\" — Sami Rahal (@samirahal) March 3, 2024\n")
    [claim] = _claims(text)
    assert claim.source.text == "Sami Rahal" and claim.content.text.startswith("The port will reopen")


def test_a_dash_inside_a_sentence_credits_nobody():
    text = "The convoy ― three trucks and a bus ― reached the border at noon. Officials counted the passengers."
    assert not [c for c in _claims(text) if c.cue and "―" in c.cue.text]


def test_transcript_turns_are_their_speakers_and_run_up_to_the_next_speaker():
    text = ("The governor spoke to the station on Sunday. A partial transcript follows.\n\n"
            "HOLLAND: Will the troops stay in the province?\n\n"
            "MARSH: They will stay until the floods recede.\n\n"
            "And the engineers will stay with them after that.\n\n"
            "HOLLAND: For how long?\n\n"
            "MARSH: Nobody can say yet.\n")
    claims = _claims(text)
    turns = [c for c in claims if c.cue and c.cue.text == ":"]
    assert [c.source.text for c in turns] == ["HOLLAND", "MARSH", "HOLLAND", "MARSH"]
    assert "engineers will stay" in turns[1].content.text  # the second paragraph of the same turn
    assert turns[3].content.text.startswith("Nobody can say yet")


def test_a_lone_label_with_a_colon_is_not_a_transcript():
    text = ("UPDATE: The road was reopened on Tuesday evening.\n\n"
            "Police said the driver had been arrested.\n")
    claims = _claims(text)
    assert not [c for c in claims if c.cue and c.cue.text == ":"]
    assert any(c.cue and c.cue.text == "said" for c in claims)


def test_a_credited_quotation_keeps_the_quotes_inside_it():
    text = ("Voters wrote to us.\n\n"
            "“He told us to trust him. As my grandmother said, ‘trust is earned, not asked for.’” ― Lucia Ferraz\n")
    [claim] = _claims(text)
    assert claim.source.text == "Lucia Ferraz" and claim.content.text.startswith("He told us to trust him")


def test_a_quotation_credited_at_the_end_of_the_authors_own_line_starts_at_its_opening_mark():
    text = "One line summed up the night: “We are still here.” — Jonas Weber\n"
    claims = [c for c in _claims(text) if c.source.text == "Jonas Weber"]
    assert [c.content.text for c in claims] == ["We are still here"]  # trimmed as every content is
