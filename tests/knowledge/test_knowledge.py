"""The knowledge across documents on a corpus with known answers (see knowledge_corpus.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimwatch.knowledge import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from knowledge_corpus import corpus  # noqa: E402


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    for b in corpus():
        assert s.add(b.analysis, outlet=b.outlet)
    yield s
    s.close()


def _cluster(store, type_):
    [cluster] = store.events(type=type_).to_dicts()
    return cluster


def test_syndicated_copies_point_to_the_original(store):
    docs = {d["outlet"]: d for d in store.documents()}
    wire = docs["wire.example"]["id"]
    assert docs["daily.example"]["copy_of"] == wire
    assert docs["gazette.example"]["copy_of"] == wire
    assert docs["herald.example"]["copy_of"] is None  # same event, written apart: not a copy


def test_event_cluster_counts_independent_sources_and_denials(store):
    aid = _cluster(store, "AID")
    assert aid["reports"] == 6
    assert aid["independent_sources"] == 3  # wire (x3 copies), herald, observer
    assert aid["denials"] == 1
    assert aid["size"] == {"min": 2000, "max": 3000}
    assert aid["actor"]["country"] == "IRN" and aid["target"]["country"] == "SYR"
    assert aid["first_reported"] == "2024-03-04"
    assert len(aid["outlets"]) == 6
    assert {e["outlet"] for e in aid["evidence"]} >= {"tribune.example", "observer.example"}


def test_unrelated_events_stay_apart(store):
    assert sorted(c["type"] for c in store.events().to_dicts()) == ["AGREE", "AID", "ASSAULT"]
    assert [c["type"] for c in store.events(about="Turkey").to_dicts()] == ["ASSAULT"]
    assert {c["type"] for c in store.events(about="IRN").to_dicts()} == {"AID", "AGREE"}
    assert [c["type"] for c in store.events(min_sources=3).to_dicts()] == ["AID"]
    assert store.events(since="2024-03-11", type="AGREE").to_dicts() == []


def test_number_contradiction_shows_both_sides_once_per_origin(store):
    [number] = [c for c in store.contradictions().to_dicts() if c["kind"] == "number"]
    assert number["field"] == "size"
    values = sorted(r["value"] for r in number["reports"])
    assert values == [2000, 3000, 3000]  # the wire story once (not its copies), herald, observer
    assert all(r["text"] for r in number["reports"])


def test_denial_by_another_party_is_a_polarity_contradiction(store):
    [polarity] = [c for c in store.contradictions().to_dicts() if c["kind"] == "polarity"]
    assert polarity["type"] == "AID"
    denials = [r for r in polarity["reports"] if r["value"] == "negative"]
    assert [r["outlet"] for r in denials] == ["tribune.example"]
    assert any(r["value"] == "positive" for r in polarity["reports"])


def test_a_source_taking_back_its_report_is_a_retraction(store):
    [retraction] = [c for c in store.contradictions().to_dicts() if c["kind"] == "retraction"]
    assert retraction["type"] == "ASSAULT"
    outlets = [(r["outlet"], r["value"]) for r in retraction["reports"]]
    assert ("post.example", "positive") in outlets and ("post.example", "negative") in outlets
    assult = _cluster(store, "ASSAULT")
    assert assult["independent_sources"] == 2 and assult["denials"] == 1


def test_claims_about_an_actor_with_their_cluster(store):
    claims = store.claims(about="Iran").to_dicts()
    assert claims and all(c["cluster"] for c in claims)
    assert {c["independent_sources"] for c in claims if c["outlet"] == "observer.example"} == {3}
    assert all(c["independent_sources"] >= 3 for c in store.claims(about="Iran", min_sources=3).to_dicts())
    assert [c["outlet"] for c in store.claims(source="Kurdish").to_dicts()] == ["ledger.example"]
    assert {c["outlet"] for c in store.claims(about="Iran", since="2024-03-06").to_dicts()} == {"herald.example"}
    [denial] = store.claims(source="foreign ministry").to_dicts()  # made by Iran, about what Iran did not do
    assert denial["polarity"] == "negative" and denial["source"]["entity"]["country"] == "IRN"


def test_entities_across_documents(store):
    iran = next(e for e in store.entities().to_dicts() if e["country"] == "IRN")
    assert iran["documents"] == 7 and "Iran" in iran["aliases"]
    assert iran["id"] == "country:IRN" and iran["mentions"] >= 7
    assert iran["first_seen"] == "2024-03-04"


def test_actor_graph_with_window(store):
    graph = store.graph()
    edge = graph.get_edge_data("country:IRN", "country:SYR", key="AID")
    assert edge["reports"] == 5 and edge["independent_sources"] == 3 and edge["denials"] == 1
    assert (edge["first_seen"], edge["last_seen"]) == ("2024-03-04", "2024-03-06")
    assert edge["certainty"] == {"certain": 5}
    assert graph.has_edge("country:TUR", "country:IRQ", key="ASSAULT")
    later = store.graph(since="2024-03-08")
    assert not later.has_edge("country:IRN", "country:SYR") and later.has_edge("country:TUR", "country:IRQ")


def test_adding_again_changes_nothing(store):
    before = (store.count(), store.count("claims"), store.count("events"))
    for b in corpus():
        assert not store.add(b.analysis, outlet=b.outlet)
    assert (store.count(), store.count("claims"), store.count("events")) == before


def test_full_text_search_over_documents_and_claims(store):
    hits = store.search("retracted")
    assert len(hits) == 1
    claim_hits = store.search("intelligence source", kind="claims")
    assert [h["claim_id"] for h in claim_hits] == ["c1"]
    assert store.search('"unbalanced quote') == []


def test_copies_are_found_against_signatures_stored_earlier(db_url):
    wire, copy, *_ = corpus()
    with Store(db_url) as first:
        first.add(wire.analysis, outlet=wire.outlet)
    with Store(db_url) as later:  # a new process: the index comes from the stored signatures
        later.add(copy.analysis, outlet=copy.outlet)
        assert {d["outlet"]: d["copy_of"] for d in later.documents()}["daily.example"] == wire.doc.id


def test_queries_answer_typed_records_that_give_the_contract_json(store):
    from claimwatch.knowledge.clusters import EventCluster
    from claimwatch.knowledge.records import ActorSummary, ClaimRecord, Contradiction, Edge

    [aid] = store.events(type="AID")
    assert isinstance(aid, EventCluster) and aid.independent_sources() == 3 and aid.denials() == 1
    assert aid.to_dict()["independent_sources"] == 3
    assert all(isinstance(c, Contradiction) for c in store.contradictions())
    assert {c.kind for c in store.contradictions()} == {"number", "polarity", "retraction"}
    claim = store.claims(about="Iran")[0]
    assert isinstance(claim, ClaimRecord) and claim.to_dict()["claim"] == claim.claim.id
    iran = next(a for a in store.entities() if a.actor.key == "country:IRN")
    assert isinstance(iran, ActorSummary) and iran.documents == 7
    edge = store.graph_edges()[0]
    assert isinstance(edge, Edge) and edge.to_dict()["type"] == edge.type
