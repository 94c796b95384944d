"""CAMEO's verb dictionary under our own lexicon (CLAIMWATCH_EVENT_DICTIONARY=cameo): verbs ours
lacks are coded when they link two parties, patterns refine them, and the dictionary never
overrides words our lexicons give another role (plans, light verbs, speech and belief cues).
Off, as by default, it codes nothing."""

from __future__ import annotations

import pytest

from claimwatch import config
from claimwatch.model import Analysis, Document
from claimwatch.nlp.events.cameo import cameo_reading
from claimwatch.nlp.pipeline import analyze_document, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(autouse=True)
def dictionary_on(monkeypatch):
    monkeypatch.setattr(config, "EVENT_DICTIONARY", True)


def analyse(text: str) -> Analysis:
    return analyze_document(Document(text, published="2024-05-01"))


def types(analysis: Analysis) -> list[tuple[str, str]]:
    return [(v.type, v.trigger.text) for v in analysis.events]


def countries(analysis: Analysis, event) -> tuple[str | None, str | None]:
    def of(entity_id):
        entity = analysis.entity(entity_id)
        return entity.country if entity else None
    return of(event.actor), of(event.target)


def test_a_verb_only_the_dictionary_knows_is_coded_between_two_parties():
    a = analyse("Kenya's president lauded Ethiopia for its role in the peace talks on Tuesday.")
    support = [v for v in a.events if v.type == "SUPPORT"]
    assert [v.trigger.text for v in support] == ["lauded"]
    assert countries(a, support[0]) == ("KEN", "ETH")


def test_a_dictionary_verb_with_one_party_is_no_event():
    assert ("ACCUSE", "berated") not in types(analyse("The minister berated reporters at length on Tuesday."))


def test_verbs_heading_no_clause_are_not_asked():
    a = analyse("Chile's navy intercepted a Peruvian fishing boat, according to officials in Lima.")
    assert all(v.trigger.text != "according" for v in a.events)


def test_a_plan_verb_stays_a_plan_and_the_planned_event_is_kept():
    a = analyse("Egypt plans to send 500 troops to Somalia next month, officials said.")
    assert [trigger for _, trigger in types(a)] == ["send"]


def test_an_event_noun_of_ours_names_the_event_not_the_verb_that_carries_it():
    a = analyse("Japan unveiled a package of humanitarian aid for the Philippines on Friday.")
    assert types(a) == [("AID", "aid")]


def test_a_pattern_gives_the_verb_another_reading(nlp):
    doc = nlp("The court dismissed the charges against the opposition leader.")
    dismissed = next(t for t in doc if t.text == "dismissed")
    plain = next(t for t in nlp("The president dismissed the governor on Monday.") if t.text == "dismissed")
    assert cameo_reading(dismissed) != cameo_reading(plain)
    assert cameo_reading(plain) == ("ACCUSE", "disapprove")


def test_off_by_default_the_dictionary_codes_nothing(monkeypatch):
    monkeypatch.setattr(config, "EVENT_DICTIONARY", False)
    a = analyse("Kenya's president lauded Ethiopia for its role in the peace talks on Tuesday.")
    assert [v.trigger.text for v in a.events if v.type == "SUPPORT"] == []
