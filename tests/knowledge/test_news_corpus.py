"""Cross-document truth end to end: the pages of tests/knowledge/news (written for these tests in
the HTML of news sites: see its README.md) go through the whole pipeline into a store."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.batch.ingest import ingest
from claimwatch.ingest.metadata import read_metadata_table
from claimwatch.knowledge import Store

NEWS = Path(__file__).resolve().parent / "news"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("news") / "news.db"
    s = Store(db)
    pages = sorted(str(p) for p in NEWS.iterdir() if p.suffix in (".html", ".txt"))
    summary = ingest(pages, s, metadata=read_metadata_table(NEWS / "metadata.tsv"))
    assert summary.failed == [] and summary.stored == len(pages)
    yield s
    s.close()


def _by_file(store: Store) -> dict[str, dict]:
    table = read_metadata_table(NEWS / "metadata.tsv")
    url_to_file = {meta.url: name for name, meta in table.rows.items()}
    return {url_to_file[d["url"]]: d for d in store.documents()}


def _cluster_of(store: Store, file: str, **filters) -> dict:
    doc = _by_file(store)[file]["id"]
    found = [c for c in store.events(**filters).to_dicts() if any(e["document"] == doc for e in c["evidence"])]
    return max(found, key=lambda c: c["reports"])


def test_dates_only_as_declared(store):
    docs = _by_file(store)
    assert docs["horizoninstitute-deployment-1.html"]["published"] is None  # a year in its headline only
    assert docs["cairoledger-meetings-1.html"]["published"] == "2025-03-04"  # its dateline
    assert docs["northwire-wire-brief.txt"]["published"] == "2025-03-12"  # the metadata table
    assert docs["meridiantimes-strike-2.html"]["published"] == "2025-03-07"
    assert all(d["published"] is None or d["published"].startswith("2025-03") for d in docs.values())


def test_copies_are_stored_with_their_outlets(store):
    docs = _by_file(store)
    families = {}
    for name, d in docs.items():
        families.setdefault(d["copy_of"] or d["id"], set()).add(name)
    copied = sorted(sorted(f) for f in families.values() if len(f) > 1)
    assert copied == [["feedhub-deployment-1.html", "northwire-deployment-1.html"],
                      ["feedhub-strike-1.html", "lakeshorecourier-strike-1.html", "northwire-strike-1.html"]]
    assert {d["outlet"] for d in docs.values()} >= {"feedhub.example", "northwire.example", "lakeshorecourier.example"}


def test_the_strike_is_one_cluster_with_independent_sources_and_the_denial_apart(store):
    strike = _cluster_of(store, "northwire-strike-1.html", type="ASSAULT")
    outlets = set(strike["outlets"])
    assert {"northwire.example", "feedhub.example", "lakeshorecourier.example", "meridiantimes.example",
            "atlasworld.example"} <= outlets
    # the wire story and its two copies count once; the state broadcaster's denial never affirms
    assert strike["independent_sources"] == 3
    assert strike["copies"] == 2
    assert strike["dead"]["min"] == 9 and strike["dead"]["max"] >= 12


def test_the_strike_numbers_disagree_between_outlets_and_the_meridian_revised_its_own(store):
    strike = _cluster_of(store, "northwire-strike-1.html", type="ASSAULT")
    rows = [c for c in store.contradictions().to_dicts() if c["cluster"] == strike["cluster"]]
    number = next(c for c in rows if c["kind"] == "number" and c["field"] == "dead")
    values = {(r["outlet"], r["value"]) for r in number["reports"]}
    assert ("meridiantimes.example", 14) in values  # the Meridian by its latest figure
    assert any(v == 12 for _o, v in values)
    assert all(r["text"] for r in number["reports"])
    revision = next(c for c in rows if c["kind"] == "revision" and c["field"] == "dead")
    assert [(r["outlet"], r["value"]) for r in revision["reports"]][:1] == [("meridiantimes.example", 14)]
    assert ("meridiantimes.example", 9) in [(r["outlet"], r["value"]) for r in revision["reports"]]
    assert [r["published"] for r in revision["reports"]] == sorted((r["published"] for r in revision["reports"]),
                                                                   reverse=True)
    polarity = next(c for c in rows if c["kind"] == "polarity")
    assert {r["outlet"] for r in polarity["reports"] if r["value"] == "negative"} == {"snbc.example"}
    assert any(r["value"] == "positive" for r in polarity["reports"])


def test_the_deployment_in_paraphrase_is_one_happening_with_a_number_contradiction(store):
    deployment = _cluster_of(store, "saheltribune-deployment-1.html")
    assert {"northwire.example", "atlasworld.example", "saheltribune.example"} <= set(deployment["outlets"])
    assert deployment["independent_sources"] >= 3
    assert deployment["size"] == {"min": 2000, "max": 3000}
    number = [c for c in store.contradictions().to_dicts()
              if c["cluster"] == deployment["cluster"] and c["kind"] == "number"]
    assert number and {r["value"] for r in number[0]["reports"]} == {2000, 3000}


def test_two_meetings_a_week_apart_never_share_a_cluster(store):
    docs = _by_file(store)
    first = {docs[f]["id"] for f in ("northwire-meetings-1.html", "cairoledger-meetings-1.html")}
    second = {docs[f]["id"] for f in ("atlasworld-meetings-1.html", "addisherald-meetings-1.html")}
    for cluster in store.events(type="CONSULT").to_dicts():
        documents = {e["document"] for e in cluster["evidence"]}
        assert not (documents & first and documents & second)
    meeting = _cluster_of(store, "cairoledger-meetings-1.html", type="CONSULT")
    assert {e["document"] for e in meeting["evidence"]} == first


def test_officials_of_one_state_are_distinct_actors(store):
    people = {r["name"]: r for r in store.entities().to_dicts() if r["type"] == "person"}
    officials = ["Eleanor Vantreight", "Darnell Quisby", "Harriet Pembleworth"]
    assert all(name in people for name in officials)
    assert len({people[name]["id"] for name in officials}) == 3
    assert not any(people[name]["id"].startswith("country:") for name in officials)
    assert people["Eleanor Vantreight"]["documents"] >= 3
    assert "Vantreight" in people["Eleanor Vantreight"]["aliases"] or people["Eleanor Vantreight"]["mentions"] > 3


def test_the_local_stories_stay_out_of_the_conflict_clusters(store):
    docs = _by_file(store)
    local = {docs[f]["id"] for f in ("lakeshorecourier-local-1.html", "lakeshorecourier-local-2.html")}
    for cluster in store.events().to_dicts():
        if {e["document"] for e in cluster["evidence"]} & local:
            assert cluster["reports"] == 1 and cluster["dead"] is None and cluster["size"] is None


def test_a_window_leaves_the_undated_page_out_and_counts_it(store):
    undated_page = _by_file(store)["horizoninstitute-deployment-1.html"]["id"]
    window = store.events(since="2025-03-01", until="2025-03-31").to_dicts()
    undated_only = [c for c in store.events().to_dicts() if {e["document"] for e in c["evidence"]} == {undated_page}]
    assert undated_only and window.undated == len(undated_only)
    assert not any(c["cluster"] in {u["cluster"] for u in undated_only} for c in window)
    assert store.events(since="2025-04-01").to_dicts().undated == len(undated_only)
