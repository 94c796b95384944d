"""Single steps of event coding, each run on its own: trigger classification, the merge of a
sentence's triggers, and the EventDraft steps (coding.build_event runs them in order)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc, Token

from claimwatch.model import Document, Entity
from claimwatch.nlp.events import vocabulary
from claimwatch.nlp.events.coding import cameo_code, code_events, find_triggers, planned_type
from claimwatch.nlp.events.draft import (
    EventDraft,
    drop_self_target,
    find_actor,
    find_place,
    read_action_roles,
    read_tolls,
    read_transfer_roles,
    settle_transfer_type,
    start_draft,
    worth_keeping,
)
from claimwatch.nlp.events.merge import MergePlan, merge_triggers
from claimwatch.nlp.events.plover import classify
from claimwatch.nlp.events.plover_lexicon import Trigger
from claimwatch.nlp.pipeline import COMPONENTS
from claimwatch.nlp.state import DocState


@pytest.fixture(scope="module")
def prepared(nlp):
    """The parse of a text and what the components before event coding found in it."""

    def run(text: str) -> tuple[Doc, DocState]:
        state = DocState(Document(text, published="2024-05-01"), date(2024, 5, 1))
        doc = nlp(text)
        for component in COMPONENTS[:COMPONENTS.index(code_events)]:
            component(doc, state)
        return doc, state

    return run


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def country(state: DocState, entity: Entity | None) -> str | None:
    return entity.country if entity is not None else None


def test_classify_reads_a_verb_by_its_object(nlp):
    doc = nlp("The council blocked the resolution. Protesters blocked the highway.")
    vetoed, obstructed = [classify(t) for t in doc if t.lemma_ == "block"]
    assert (vetoed.type, vetoed.mode) == ("REJECT", None)
    assert (obstructed.type, obstructed.mode) == ("PROTEST", "obstruct")


def test_classify_noun_names_no_event_when_the_agreement_is_a_thing(nlp):
    doc = nlp("The United States withdrew from the Paris agreement.")
    assert classify(word(doc, "agreement")) is None


def test_classify_a_labour_strike_noun_is_a_protest(nlp):
    doc = nlp("Teachers began a general strike on Monday.")
    trigger = classify(word(doc, "strike"))
    assert (trigger.type, trigger.nominal) == ("PROTEST", True)


def test_merge_folds_a_killing_clause_into_the_attack_as_its_toll(nlp):
    doc = nlp("Russian missiles struck Kharkiv on Monday, killing five civilians.")
    triggers = find_triggers(next(doc.sents))
    plan = merge_triggers(triggers)
    struck, killing = word(doc, "struck"), word(doc, "killing")
    assert killing.i in plan.dropped
    assert [t.i for t in plan.tolls[struck.i]] == [killing.i]


def test_merge_makes_a_vowed_attack_a_threat(nlp):
    doc = nlp("Iran vowed to attack Israel.")
    plan = merge_triggers(find_triggers(next(doc.sents)))
    vowed = word(doc, "vowed")
    assert plan.retyped[vowed.i] == "THREATEN"
    assert plan.contents[vowed.i].token.text == "attack"


def test_start_draft_takes_the_type_the_merge_plan_gave(nlp):
    doc = nlp("Iran vowed to attack Israel.")
    vowed = word(doc, "vowed")
    plan = MergePlan(retyped={vowed.i: "THREATEN"})
    draft = start_draft(classify(vowed), plan)
    assert draft.type == "THREATEN"


def test_transfer_steps_find_recipient_and_settle_the_type(prepared):
    doc, state = prepared("Germany supplied tanks to Ukraine in January.")
    draft = start_draft(classify(word(doc, "supplied")), MergePlan())
    find_actor(draft, state)
    read_transfer_roles(draft, MergePlan(), state)
    assert draft.theme.text == "tanks"
    assert (country(state, draft.actor), country(state, draft.target)) == ("DEU", "UKR")
    assert settle_transfer_type(draft, state)
    assert (draft.type, draft.mode) == ("AID", "military")


def test_a_transfer_of_nothing_that_matters_is_no_event(prepared):
    doc, state = prepared("The president gave a speech in Berlin.")
    draft = start_draft(Trigger(word(doc, "gave"), "AID", None, transfer=True), MergePlan())
    read_transfer_roles(draft, MergePlan(), state)
    assert not settle_transfer_type(draft, state)


def test_action_roles_read_the_target_and_the_weapon(prepared):
    doc, state = prepared("Russia shelled Kharkiv with artillery.")
    draft = start_draft(classify(word(doc, "shelled")), MergePlan())
    find_actor(draft, state)
    read_action_roles(draft, MergePlan(), state)
    assert country(state, draft.actor) == "RUS"
    assert draft.target is not None and draft.mode == "heavy-weapons"


def test_find_place_is_the_events_own_place(prepared):
    doc, state = prepared("Israeli jets struck targets in Lebanon.")
    draft = start_draft(classify(word(doc, "struck")), MergePlan())
    find_place(draft, state)
    assert country(state, draft.place) == "LBN"


def test_read_tolls_counts_the_dead_of_an_attack(prepared):
    doc, state = prepared("Russian missiles struck Kharkiv on Monday, killing five civilians.")
    plan = merge_triggers(find_triggers(next(doc.sents)))
    draft = start_draft(classify(word(doc, "struck")), plan)
    read_tolls(draft, plan, state)
    assert (draft.dead, draft.injured) == (5, None)
    assert [q.value for q in draft.quantities] == [5]


def test_drop_self_target(nlp):
    doc = nlp("Russia moved troops.")
    russia = Entity(id="country:RUS", name="Russia", type="country", country="RUS")
    draft = EventDraft(Trigger(word(doc, "moved"), "MOBILIZE", "troops"), "MOBILIZE", "troops",
                       actor=russia, target=russia)
    drop_self_target(draft)
    assert draft.target is None


def test_worth_keeping_needs_a_party_or_a_count(nlp):
    doc = nlp("Someone agreed.")
    draft = EventDraft(Trigger(word(doc, "agreed"), "AGREE", None), "AGREE", None)
    assert not worth_keeping(draft)
    draft.size = 3
    assert worth_keeping(draft)


def test_planned_meetings_are_agreements_and_planned_retreats_concessions():
    assert planned_type("CONSULT", "visit", "planned") == ("AGREE", None)
    assert planned_type("RETREAT", "withdraw", "planned") == ("CONCEDE", None)
    assert planned_type("CONSULT", "visit", "actual") == ("CONSULT", "visit")


def test_cameo_code_of_a_type_and_its_mode_overrides():
    assert cameo_code("ASSAULT", None) == "18"
    assert cameo_code("ASSAULT", "aerial") == "19"
    assert cameo_code("ACCUSE", "investigate") == "09"
    assert cameo_code("NOT_A_TYPE", None) is None


def test_event_words_are_read_from_the_lexicon_files():
    assert "in" in vocabulary.EVENT_PLACE_PREPS and "on" not in vocabulary.SETTING_PREPS
    assert vocabulary.SETTING_PREPS >= {"during", "from"}
    assert vocabulary.NUMBER_WORDS["dozens"] == 24
    assert vocabulary.CAMEO_ROOTS["AGREE"] == "03"
