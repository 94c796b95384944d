"""The predicates layer: verbs and event nouns with the factuality the text gives them."""

import pytest

from claimwatch.model import Document
from claimwatch.nlp.certainty.predicates import assess_predicates, is_predicate
from claimwatch.nlp.pipeline import analyze_documents, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _predicates(text):
    [analysis] = analyze_documents([Document(text=text)], components=[assess_predicates])
    return {p.trigger.text: (p.certainty, p.polarity) for p in analysis.predicates}, analysis


def test_verbs_and_event_nouns_are_predicates_with_document_spans():
    found, analysis = _predicates("Rebels attacked the convoy. The attack killed nine soldiers near the station.")
    assert {"attacked", "attack", "killed"} <= set(found)
    assert "soldiers" not in found and "station" not in found
    for p in analysis.predicates:
        start, end = p.trigger.span
        assert analysis.document.text[start:end] == p.trigger.text


def test_factuality_follows_embedding_and_negation():
    found, _ = _predicates(
        "The army said it had withdrawn. Officials believe the rebels retreated. "
        "The rebels refused to negotiate. Nobody was injured. The minister may resign."
    )
    assert found["said"] == ("certain", "positive")
    assert found["withdrawn"] == ("certain", "positive")
    assert found["retreated"] == ("probable", "positive")
    assert found["negotiate"] == ("certain", "negative")
    assert found["injured"] == ("certain", "negative")
    assert found["resign"] == ("possible", "positive")


def test_intended_and_questioned_events_are_not_facts():
    found, _ = _predicates("The government wants to hold talks. Will the ceasefire hold?")
    assert found["hold"][0] == "unknown"
    assert found["talks"][0] == "unknown"


def test_auxiliaries_are_not_predicates(nlp):
    doc = nlp("The troops have been deployed.")
    assert [t.text for t in doc if is_predicate(t)] == ["deployed"]


def test_hedged_or_sought_event_nouns_are_not_certain():
    found, _ = _predicates("The army announced a possible withdrawal. The rebels demand negotiations.")
    assert found["withdrawal"][0] == "possible"
    assert found["negotiations"][0] == "possible"
    assert found["announced"][0] == "certain"
