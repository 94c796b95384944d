"""resolve_actor and sector_of on sentences written for these tests."""

from datetime import date

import pytest

from claimwatch.model import Document
from claimwatch.nlp.entities.actors import resolve_actor, sector_of
from claimwatch.nlp.entities.resolve import resolve_entities
from claimwatch.nlp.pipeline import load_pipeline
from claimwatch.nlp.state import DocState


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def actor(nlp):
    def run(text: str, word: str, published: date = date(2024, 3, 1)):
        state = DocState(Document(text), published)
        doc = nlp(text)
        resolve_entities(doc, state)
        token = next(t for t in doc if t.text == word)
        entity = resolve_actor(token, state)
        return entity, sector_of(token, state)
    return run


@pytest.mark.parametrize(
    ("text", "word", "country", "sector"),
    [
        ("Belarusian troops massed at the border.", "troops", "BLR", "military"),
        ("Two sailors died in Israel's missile strikes.", "strikes", "ISR", "military"),
        ("Sudanese government forces shelled the town.", "forces", "SDN", "military"),
        ("Iraqi police arrested three men.", "police", "IRQ", "police"),
        ("An advance unit of Turkish soldiers crossed the river.", "unit", "TUR", "military"),
        ("Ethnic Serbs fled the village.", "Serbs", "SRB", "civilians"),
        ("The Egyptian government denied the report.", "government", "EGY", "government"),
    ],
)
def test_demonym_or_possessive_with_a_sector_noun(actor, text, word, country, sector):
    entity, found_sector = actor(text, word)
    assert entity is not None and entity.type == "country" and entity.country == country
    assert found_sector == sector


def test_the_actor_of_a_war_effort_is_the_country_without_sector(actor):
    entity, sector = actor("Iran kept funding the Syrian war effort.", "effort")
    assert entity.country == "SYR" and sector is None


def test_a_named_person_is_their_own_actor(actor):
    entity, sector = actor("Xi Jinping ordered new drills.", "Jinping")
    assert entity.type == "person" and entity.country == "CHN" and entity.wikidata == "Q15031"
    assert sector == "government"


def test_a_capital_as_subject_is_the_country(actor):
    entity, _ = actor("Tehran rejected the offer.", "Tehran")
    assert entity.type == "country" and entity.country == "IRN"


def test_an_organisation_modifier_beats_the_noun(actor):
    entity, sector = actor("Wagner fighters withdrew from the city.", "fighters")
    assert entity.name == "Wagner Group" and sector == "paramilitary"


def test_rebels_without_a_name_have_a_sector_but_no_entity(actor):
    entity, sector = actor("The rebels seized the airport.", "rebels")
    assert entity is None and sector == "rebels"


def test_sector_of_without_state_reads_only_the_phrase(nlp):
    doc = nlp("Local residents fled as police arrived.")
    assert sector_of(doc[1]) == "civilians"
    assert sector_of(doc[4]) == "police"


@pytest.mark.parametrize(
    ("text", "word", "country", "sector"),
    [
        ("A Somali journalist was detained at the airport.", "journalist", "SOM", "media"),
        ("Sudanese refugees crossed into Chad.", "refugees", "SDN", "civilians"),
        ("Hungry families in eastern Chad waited for aid.", "families", "TCD", "civilians"),
        ("Refugees from Myanmar arrived by boat.", "Refugees", "MMR", "civilians"),
    ],
)
def test_people_named_by_nationality_or_home_are_civilians_of_that_country(actor, text, word, country, sector):
    entity, found_sector = actor(text, word)
    assert entity is not None and entity.country == country
    assert found_sector == sector


def test_civilians_of_a_city_are_of_its_country(actor):
    entity, sector = actor("Residents of Mariupol fled the fighting.", "Residents")
    assert entity.country == "UKR" and sector == "civilians"


def test_a_city_stands_for_its_country_when_the_text_names_it(actor):
    entity, _ = actor("Ukraine said that residents of Mariupol had fled.", "residents")
    assert entity.type == "country" and entity.country == "UKR"


def test_forces_that_came_from_a_city_are_of_its_country(actor):
    entity, sector = actor("Soldiers who attacked from Kursk were pushed back.", "Soldiers")
    assert entity.country == "RUS" and sector == "military"


def test_troops_in_a_place_are_not_of_that_place(actor):
    entity, _ = actor("Troops stationed in Mali left the base.", "Troops")
    assert entity is None
