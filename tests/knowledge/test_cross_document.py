"""Cross-document truth on analyses built by hand: distinct actors, publications and copies, one
cluster per happening, contradictions that hold, and honest dates."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from claimwatch.knowledge import Store
from claimwatch.knowledge.clusters import SPAN_DAYS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from knowledge_corpus import Builder  # noqa: E402


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.close()


def _story(text: str, published: str | None, outlet: str) -> Builder:
    b = Builder(text, published or "2000-01-01", outlet)
    b.doc.published = published
    return b


# -- actors ------------------------------------------------------------------------------------


def _official(name: str, surname_text: str, outlet: str, day: str) -> Builder:
    b = _story(f"{name} said the talks would resume. {surname_text} added that nothing was agreed.", day, outlet)
    b.entity(name, "person", "USA")
    if surname_text != name:
        b.entity(surname_text, "person", "USA")
    return b


def test_officials_of_one_state_stay_distinct_and_surnames_resolve(store):
    store.add(_official("Maria Okafor", "Okafor", "a.example", "2025-03-01").analysis, outlet="a.example")
    store.add(_official("Daniel Brandt", "Brandt", "b.example", "2025-03-02").analysis, outlet="b.example")
    # a later article names her by surname only: the one stored person of that surname
    store.add(_official("Okafor", "Okafor", "c.example", "2025-03-03").analysis, outlet="c.example")
    people = {r["name"]: r for r in store.entities().to_dicts() if r["type"] == "person"}
    assert set(people) == {"Maria Okafor", "Daniel Brandt"}
    assert people["Maria Okafor"]["documents"] == 2 and people["Maria Okafor"]["aliases"] == ["Maria Okafor",
                                                                                              "Okafor"]
    assert people["Daniel Brandt"]["documents"] == 1
    assert people["Maria Okafor"]["id"] != people["Daniel Brandt"]["id"]
    assert all(not r["id"].startswith("country:") for r in people.values())


def test_an_ambiguous_surname_stays_its_own_actor(store):
    store.add(_official("Maria Okafor", "Okafor", "a.example", "2025-03-01").analysis, outlet="a.example")
    store.add(_official("Samuel Okafor", "Okafor", "b.example", "2025-03-02").analysis, outlet="b.example")
    store.add(_official("Okafor", "Okafor", "c.example", "2025-03-03").analysis, outlet="c.example")
    names = sorted(r["name"] for r in store.entities().to_dicts() if r["type"] == "person")
    assert names == ["Maria Okafor", "Okafor", "Samuel Okafor"]


def test_graph_rolls_persons_up_to_states_only_at_country_level(store):
    b = _story("Foreign Minister Maria Okafor met Chinese officials in Beijing on Monday.", "2025-03-01", "a.example")
    okafor, china = b.entity("Maria Okafor", "person", "USA"), b.entity("Chinese", "country", "CHN")
    b.event("CONSULT", "met", okafor, china)
    store.add(b.analysis, outlet="a.example")
    actor_edges = [(e["actor"]["name"], e["target"]["name"]) for e in store.graph_edges().to_dicts()]
    assert actor_edges == [("Maria Okafor", "Chinese")]
    country_edges = [(e["actor"]["key"], e["target"]["key"]) for e in store.graph_edges(level="country").to_dicts()]
    assert country_edges == [("country:USA", "country:CHN")]


# -- publications and copies -------------------------------------------------------------------

STRIKE = ("Militia fighters shelled the market town of Tawila on Tuesday, killing 12 civilians, "
          "local officials said.")


def _strike(text: str, day: str | None, outlet: str, dead: float, bound: str = "exact", polarity: str = "positive",
            cue: str = "said", content: str | None = None) -> Builder:
    b = _story(text, day, outlet)
    militia, town = b.entity("Militia", "group", "SDN"), b.entity("Tawila", "place", "SDN")
    quantity = None
    if dead:
        phrase = next(p for p in (f"{dead:g} civilians", f"{dead:g} people", "nine people") if p in text)
        quantity = b.quantity(phrase, dead, bound, unit="people")
    source = "local officials" if "local officials" in text else "The army"
    c = b.claim(source, cue, content or text.split(", " + source)[0], kind="unnamed", polarity=polarity)
    b.event("ASSAULT", "shelled", militia, town, claim=c, dead=dead or None,
            quantities=[quantity] if quantity else [], polarity=polarity)
    return b


def test_the_same_text_from_another_outlet_is_a_stored_copy(store):
    wire = _strike(STRIKE, "2025-03-04", "wire.example", 12)
    assert store.add(wire.analysis, outlet="wire.example")
    assert not store.add(wire.analysis, outlet="wire.example")  # a re-ingest from the same place
    elsewhere = replace(wire.doc, url="https://aggregator.example/world/tawila")
    assert store.add_publication(elsewhere, outlet="aggregator.example")  # the same text elsewhere: no NLP
    assert not store.add_publication(elsewhere, outlet="aggregator.example")
    docs = {d["outlet"]: d for d in store.documents()}
    assert docs["aggregator.example"]["copy_of"] == docs["wire.example"]["id"]
    assert store.count("events") == 2
    [cluster] = store.events().to_dicts()
    assert cluster["reports"] == 2 and cluster["copies"] == 1 and cluster["independent_sources"] == 1
    assert cluster["outlets"] == ["aggregator.example", "wire.example"]


# -- one cluster per happening, contradictions -------------------------------------------------


def test_numbers_denials_and_revisions(store):
    texts = [
        (STRIKE, "2025-03-04", "wire.example", 12, "exact"),
        ("Militia fighters shelled the market town of Tawila, and nine people were killed, local officials said.",
         "2025-03-04", "daily.example", 9, "exact"),
        ("Militia fighters shelled the market town of Tawila, killing at least 10 people, local officials said.",
         "2025-03-05", "herald.example", 10, "lower"),
        ("Militia fighters shelled the market town of Tawila on Tuesday, killing 14 civilians, local officials "
         "said.", "2025-03-06", "daily.example", 14, "exact"),
    ]
    for text, day, outlet, dead, bound in texts:
        store.add(_strike(text, day, outlet, dead, bound).analysis, outlet=outlet)
    denial = _strike("The army denied that Militia fighters shelled the market town of Tawila.", "2025-03-05",
                     "state.example", 0, polarity="negative", cue="denied",
                     content="Militia fighters shelled the market town of Tawila")
    store.add(denial.analysis, outlet="state.example")
    [cluster] = store.events().to_dicts()
    assert cluster["independent_sources"] == 3 and cluster["denials"] == 1
    assert cluster["dead"] == {"min": 9, "max": 14}
    found = {(c["kind"], c["field"]): c for c in store.contradictions().to_dicts()}
    revision = found[("revision", "dead")]
    assert [(r["outlet"], r["value"]) for r in revision["reports"]] == [("daily.example", 14), ("daily.example", 9)]
    # the daily's latest figure (14) against the wire's 12; "at least 10" contradicts neither
    number = found[("number", "dead")]
    assert sorted((r["outlet"], r["value"]) for r in number["reports"]) == [("daily.example", 14),
                                                                           ("wire.example", 12)]
    polarity = found[("polarity", "polarity")]
    assert {r["outlet"] for r in polarity["reports"] if r["value"] == "negative"} == {"state.example"}


def test_a_deployment_coded_differently_is_one_happening(store):
    b = _story("Iran has sent about 3,000 soldiers to Syria, officials said.", "2025-03-02", "a.example")
    iran, syria = b.entity("Iran"), b.entity("Syria")
    b.event("AID", "sent", iran, syria, size=3000)
    store.add(b.analysis, outlet="a.example")
    b = _story("About 3,000 Iranian soldiers are now stationed in Syria's Deir ez-Zor province.", "2025-03-03",
               "b.example")
    iran, place = b.entity("Iranian", "country", "IRN"), b.entity("Deir ez-Zor", "place", "SYR")
    b.event("MOBILIZE", "stationed", iran, None, location=place, size=3000)
    store.add(b.analysis, outlet="b.example")
    [cluster] = store.events().to_dicts()
    assert cluster["types"] == ["AID", "MOBILIZE"] and cluster["independent_sources"] == 2


def test_two_meetings_a_week_apart_are_two_happenings(store):
    for day, outlet in (("2025-03-03", "a.example"), ("2025-03-10", "b.example")):
        b = _story("The foreign ministers of Egypt and Ethiopia met in Cairo to discuss the dam.", day, outlet)
        egypt, ethiopia = b.entity("Egypt"), b.entity("Ethiopia")
        b.event("CONSULT", "met", egypt, ethiopia)
        store.add(b.analysis, outlet=outlet)
    assert len(store.events().to_dicts()) == 2


def test_alike_reports_every_other_day_do_not_chain_into_one_happening_for_weeks(store):
    """Rallies against the government in one country, told alike every other day for six weeks: each
    matches the one before, but one happening's closely dated reports span at most SPAN_DAYS."""
    for n in range(21):
        day = (date(2025, 3, 1) + timedelta(days=2 * n)).isoformat()
        b = _story("Thousands of protesters rallied against the government in the capital of Kenya.", day,
                   f"outlet{n}.example")
        kenya = b.entity("Kenya")
        b.event("PROTEST", "rallied", kenya, kenya)
        store.add(b.analysis, outlet=f"outlet{n}.example")
    clusters = store.events().to_dicts()
    assert 2 < len(clusters) < 21  # neighbours join, six weeks do not
    for cluster in clusters:
        first, last = date.fromisoformat(cluster["first_reported"]), date.fromisoformat(cluster["last_reported"])
        assert (last - first).days <= SPAN_DAYS


def test_alike_reports_dated_only_by_a_year_do_not_chain_across_months(store):
    """The same sanctions "in 2024", reported alike once a month all year: a report dated only by its
    year is bounded by the day it was published, so months apart they are not one happening."""
    from claimwatch.model import EventTime

    for month in range(1, 13):
        day = f"2024-{month:02d}-15"
        b = _story("Canada imposed sanctions on Iran in 2024, the government said.", day, f"outlet{month}.example")
        canada, iran = b.entity("Canada"), b.entity("Iran")
        b.event("SANCTION", "imposed", canada, iran)
        b.analysis.events[-1].time = EventTime("in 2024", "2024")
        store.add(b.analysis, outlet=f"outlet{month}.example")
    clusters = store.events().to_dicts()
    assert len(clusters) == 12
    b = _story("Canada imposed sanctions on Iran in 2024, a minister said.", "2024-12-20", "late.example")
    canada, iran = b.entity("Canada"), b.entity("Iran")
    b.event("SANCTION", "imposed", canada, iran)
    b.analysis.events[-1].time = EventTime("in 2024", "2024")
    store.add(b.analysis, outlet="late.example")
    joined = [c for c in store.events().to_dicts() if c["reports"] == 2]
    assert len(joined) == 1 and "late.example" in joined[0]["outlets"]  # days apart they still join


def test_claims_group_only_by_what_they_say(store):
    for text, outlet in (("Speaking to farmers in Yuma on Friday, Senator Ruth Alvarez said she would vote for "
                          "the border bill.", "a.example"),
                         ("Senator Ruth Alvarez said she opposes the trade deal with Canada.", "b.example"),
                         ("In a radio interview, the Arizona Democrat Ruth Alvarez said she would vote for the "
                          "border bill next week.", "c.example")):
        b = _story(text, "2025-03-03", outlet)
        alvarez = b.entity("Ruth Alvarez", "person", "USA")
        b.claim("Ruth Alvarez", "said", text.split("said ")[1].rstrip("."), entity=alvarez)
        store.add(b.analysis, outlet=outlet)
    by_outlet = {c["outlet"]: c for c in store.claims().to_dicts()}
    assert by_outlet["a.example"]["cluster"] == by_outlet["c.example"]["cluster"]
    assert by_outlet["b.example"]["cluster"] != by_outlet["a.example"]["cluster"]
    assert by_outlet["a.example"]["independent_sources"] == 2 and by_outlet["b.example"]["independent_sources"] == 1


# -- dates ---------------------------------------------------------------------------------------


def test_undated_items_are_never_given_the_ingest_day_and_are_left_out_of_windows(store):
    dated = _strike(STRIKE, "2025-03-04", "wire.example", 12)
    undated = _story("Rebels seized the border post of Adre, witnesses said.", None, "blog.example")
    rebels, post = undated.entity("Rebels", "group", "TCD"), undated.entity("Adre", "place", "TCD")
    undated.event("COERCE", "seized", rebels, post)
    store.add(dated.analysis, outlet="wire.example")
    store.add(undated.analysis, outlet="blog.example")
    everything = store.events().to_dicts()
    assert len(everything) == 2
    assert {c["first_reported"] for c in everything} == {"2025-03-04", None}
    window = store.events(since="2025-01-01").to_dicts()
    assert [c["type"] for c in window] == ["ASSAULT"] and window.undated == 1
    assert store.events(until="2025-03").to_dicts() and store.events(until="2025-02").to_dicts() == []
    assert {r["first_seen"] for r in store.entities().to_dicts() if r["name"] in ("Rebels", "Adre")} == {None}
