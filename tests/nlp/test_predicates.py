"""The predicates layer: verbs and event nouns with the factuality the text gives them."""

import pytest

from claimwatch.model import Document
from claimwatch.nlp.certainty.factuality import FactualityWalker
from claimwatch.nlp.certainty.factuality_model import bounded_by_governor
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


def _rules(nlp, text: str) -> dict[str, tuple[int, int]]:
    """The parse-based walk's (rank, sign) for every predicate of `text`: the rules the trees build on."""
    walker = FactualityWalker()
    return {t.text: walker.fact(t) for t in nlp(text) if is_predicate(t)}


def test_the_rules_follow_embedding_and_negation(nlp):
    found = _rules(
        nlp,
        "The army said it had withdrawn. Officials believe the rebels retreated. "
        "The rebels refused to negotiate. Nobody was injured. The minister may resign.",
    )
    assert found["said"] == (3, 1)
    assert found["withdrawn"] == (3, 1)
    assert found["retreated"] == (2, 1)
    assert found["negotiate"] == (3, -1)
    assert found["injured"] == (3, -1)
    assert found["resign"] == (1, 1)


def test_the_rules_leave_intended_and_questioned_events_unknown(nlp):
    found = _rules(nlp, "The government wants to hold talks.")
    assert found["hold"][0] == found["talks"][0] == 0
    assert _rules(nlp, "Will the ceasefire hold?")["hold"][0] == 0


def test_the_layer_keeps_facts_certain_and_denials_negative():
    found, _ = _predicates(
        "The army said it had withdrawn. The rebels refused to negotiate. Nobody was injured. "
        "Rebels attacked the convoy on Monday."
    )
    assert found["said"] == found["withdrawn"] == found["attacked"] == ("certain", "positive")
    assert found["negotiate"] == ("certain", "negative")
    assert found["injured"] == ("certain", "negative")


def test_the_layer_does_not_take_modal_intended_or_questioned_events_for_facts():
    found, _ = _predicates("The minister may resign. The government wants to hold talks. Will the ceasefire hold?")
    assert found["resign"][0] != "certain"
    assert found["hold"][0] != "certain"
    assert found["talks"][0] != "certain"


def test_auxiliaries_are_not_predicates(nlp):
    doc = nlp("The troops have been deployed.")
    assert [t.text for t in doc if is_predicate(t)] == ["deployed"]


def test_hedged_or_sought_event_nouns_are_not_certain():
    found, _ = _predicates("The army announced a possible withdrawal. The rebels demand negotiations.")
    assert found["withdrawal"][0] != "certain"
    assert found["negotiations"][0] != "certain"
    assert found["announced"][0] == "certain"


def test_predicated_adjectives_are_states_and_particles_belong_to_their_verb(nlp):
    doc = nlp("The rebels are willing to talk. A willing partner came.")
    assert [t.text for t in doc if is_predicate(t) and t.pos_ == "ADJ"] == ["willing"]  # not the attributive one
    found, analysis = _predicates("Investors sold off their shares. The army backed down.")
    assert "sold off" in found and "backed down" in found
    for p in analysis.predicates:
        start, end = p.trigger.span
        assert analysis.document.text[start:end] == p.trigger.text



def test_an_event_noun_is_no_surer_than_the_uncertain_verb_it_is_the_object_of(nlp):
    wanted = nlp("The government wants to hold talks.")
    walker = FactualityWalker()
    assert bounded_by_governor(wanted[5], 2.5, {4: 1.0, 5: 2.5}, walker) == 1.0
    assert bounded_by_governor(wanted[5], -1.0, {4: 1.0, 5: -1.0}, walker) == -1.0  # a denial stays one
    held = nlp("The government held talks.")
    assert bounded_by_governor(held[3], 2.5, {2: 1.0, 3: 2.5}, FactualityWalker()) == 2.5  # the rules: held
