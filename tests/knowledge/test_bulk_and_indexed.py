"""Bulk writes and indexed reads give what one-by-one writes and whole-store reads give: a batch
stores the same documents and knowledge as adding them one at a time, and `--about` read through
the indexes finds the same clusters as filtering every cluster."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from claimwatch.knowledge import Incoming, Store
from claimwatch.knowledge.base import _about
from claimwatch.knowledge.identity import ActorQuery, normalize_name
from claimwatch.store import derived

sys.path.insert(0, str(Path(__file__).resolve().parent))
from knowledge_corpus import WIRE_BODY, Builder, corpus  # noqa: E402


def _items() -> list[Incoming]:
    """The corpus, then a repeat of its first document (a duplicate) and the same text from another
    outlet (a further publication), both inside the batch."""
    docs = corpus()
    items = [Incoming(b.analysis, b.outlet) for b in docs]
    first = docs[0].analysis
    items.append(Incoming(first, docs[0].outlet))
    reprint = replace(first, document=replace(first.document, url="https://reprint.example/x"))
    items.append(Incoming(reprint, "reprint.example"))
    return items


def _graph(store: Store) -> list[dict]:
    """The graph's edges, evidence in a fixed order (the store's row order is not part of it)."""
    edges = store.graph_edges().to_dicts()
    for edge in edges:
        edge["evidence"] = sorted(edge["evidence"], key=lambda e: (e["document"], e["event"]))
    return edges


def _knowledge(store: Store) -> dict:
    docs = sorted((d["id"], d["outlet"], d["url"], d["copy_of"], d["published"]) for d in store.documents())
    return {"documents": docs, "events": store.events().to_dicts(), "claims": store.claims().to_dicts(),
            "contradictions": store.contradictions().to_dicts(), "entities": store.entities().to_dicts(),
            "graph": _graph(store), "counts": {t: store.count(t) for t in (
                "entities", "mentions", "claims", "events", "quantities", "reports", "claim_groups", "claim_bands",
                "actors", "actor_words", "entity_actors")}}


@pytest.mark.parametrize("batch", [1, 3, 100])
def test_a_batch_stores_what_one_document_at_a_time_stores(db_url, tmp_path, batch):
    one = Store(tmp_path / "one.db")
    flags_one = [one.add(i.analysis, outlet=i.outlet) for i in _items()]
    bulk = Store(db_url)
    items = _items()
    flags_bulk = [flag for at in range(0, len(items), batch) for flag in bulk.add_many(items[at:at + batch])]
    assert flags_bulk == flags_one == [True] * 10 + [False, True]
    assert _knowledge(bulk) == _knowledge(one)
    one.close()
    bulk.close()


def test_a_failed_batch_leaves_nothing_and_the_next_one_is_whole(db_url, monkeypatch):
    store = Store(db_url)
    items = _items()

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    with monkeypatch.context() as patched:
        patched.setattr(Store, "_remember_input", staticmethod(broken))  # the last step of a batch
        with pytest.raises(RuntimeError):
            store.add_many(items)
    assert [store.count(t) for t in ("documents", "reports", "actors")] == [0, 0, 0]
    assert store.add_many(items) == [True] * 10 + [False, True]
    assert store.count() == 11
    store.close()


@pytest.mark.parametrize("about", ["Iran", "IRN", "Syria", "Turkey", "iran's foreign ministry", "foreign ministry",
                                   "country:IRQ", "Q794", "'s", "nobody"])
def test_about_through_the_indexes_is_the_same_as_filtering_every_cluster(db_url, about):
    store = Store(db_url)
    store.add_many([Incoming(b.analysis, b.outlet) for b in corpus()])
    query = ActorQuery(about)
    expected = [c.to_dict() for c in store.event_clusters() if store._involves(c, query)]
    assert store.events(about).to_dicts() == expected
    everything = store.contradictions().to_dicts()
    clusters = {c["cluster"] for c in expected}
    assert store.contradictions(about).to_dicts() == [c for c in everything if c["cluster"] in clusters]
    store.close()


@pytest.mark.parametrize("about", ["Iran", "IRN", "Syria", "Turkey", "Turkish jets", "country:IRQ", "Aleppo",
                                   "northern Iraq", "'s", "nobody"])
def test_claims_about_through_the_indexes_are_those_of_filtering_every_claim(db_url, about, monkeypatch):
    store = Store(db_url)
    store.add_many([*_items(), *(Incoming(b.analysis, b.outlet) for b in corpus())])
    found = store.claims(about).to_dicts()
    rows, sources = store._all_claims()
    monkeypatch.setattr(store, "_claims_about", lambda query: ([cr for cr in rows if _about(cr, query)], sources))
    assert found == store.claims(about).to_dicts()
    if about not in ("nobody", "'s"):
        assert found, about
    store.close()


def test_every_actor_is_found_by_the_words_of_its_name(db_url):
    store = Store(db_url)
    store.add_many([Incoming(b.analysis, b.outlet) for b in corpus()])
    with store.engine.connect() as conn:
        for row in derived.actor_rows(conn):
            for word in derived.name_words(normalize_name(row.name)):
                assert row.key in derived.actor_keys_with_word(conn, word)
    store.close()


def test_the_stored_json_is_the_contract_json():
    import json

    from claimwatch.store.codec import analysis_from_dict, analysis_json

    for b in corpus():
        stored = analysis_json(b.analysis)
        assert json.loads(stored) == json.loads(b.analysis.to_json())
        assert analysis_from_dict(json.loads(stored)) == b.analysis


def test_a_value_the_fast_json_does_not_take_is_stored_all_the_same():
    import json

    from claimwatch.store.codec import analysis_json

    b = corpus()[0]
    b.analysis.quantities[0].value = 2**70  # past 64 bits
    assert json.loads(analysis_json(b.analysis))["quantities"][0]["value"] == 2**70


def test_a_newer_analysis_is_read_without_the_fields_it_adds_and_left_as_it_was():
    import copy
    import json

    from claimwatch.store.codec import analysis_from_dict

    b = corpus()[0]
    newer = json.loads(b.analysis.to_json())
    newer["claims"][0]["confidence"] = 0.9  # a field of a later version
    newer["document"]["section"] = "world"
    before = copy.deepcopy(newer)
    assert analysis_from_dict(newer) == b.analysis
    assert newer == before


def test_copies_found_through_the_stored_bands_are_those_of_a_signature_index(db_url):
    from sqlalchemy import delete, select

    from claimwatch.knowledge import dedup
    from claimwatch.store import schema

    store = Store(db_url)
    store.add_many(_items())
    index = dedup.CopyIndex()
    index.load(store.signatures())
    signatures = [dedup.from_bytes(data) for _id, _copy_of, data in store.signatures()]
    assert signatures and all(store._original_of(mh, dedup.CopyIndex()) == index.original_of(mh)
                              for mh in signatures)
    assert {d["copy_of"] for d in store.documents() if d["copy_of"]}  # the wire story's reprints
    with store.engine.begin() as conn:  # a store from before the bands: they are made when it is opened
        before = sorted(conn.execute(select(schema.copy_bands)).all())
        conn.execute(delete(schema.copy_bands))
    store.close()
    store = Store(db_url)
    with store.engine.connect() as conn:
        assert sorted(conn.execute(select(schema.copy_bands)).all()) == before
    store.close()


@pytest.mark.parametrize("batch", [1, 4])
def test_kept_contradictions_are_those_computed_from_every_cluster(db_url, batch):
    from sqlalchemy import delete

    from claimwatch.knowledge.contradictions import contradictions
    from claimwatch.store import schema

    store = Store(db_url)
    items = _items()
    for at in range(0, len(items), batch):
        store.add_many(items[at:at + batch])
    expected = [c.to_dict() for c in contradictions(store.event_clusters())]
    assert {c["kind"] for c in expected} >= {"number", "polarity", "retraction"}
    assert store.contradictions().to_dicts() == expected
    with store.engine.begin() as conn:  # a store from before they were kept: filled when it is opened
        conn.execute(delete(schema.cluster_contradictions))
        conn.execute(delete(schema.knowledge_state))
    store.close()
    store = Store(db_url)
    assert store.contradictions().to_dicts() == expected
    store.rebuild_knowledge()
    assert store.contradictions().to_dicts() == expected
    store.close()


def test_a_batch_whose_document_another_writer_stored_first_is_written_again_one_by_one(tmp_path, monkeypatch):
    items = _items()[:3]
    path = tmp_path / "shared.db"
    first = Store(path)
    assert first.add_many(items[:1]) == [True]
    late = Store(path)
    # the late writer checked before the first one wrote: it does not know the document is stored
    monkeypatch.setattr(late, "stored_ids", lambda ids: set())
    assert late.add_many(items) == [False, True, True]
    reference = Store(tmp_path / "alone.db")
    reference.add_many(items)
    assert _knowledge(late) == _knowledge(reference)
    first.close()
    late.close()
    reference.close()


def test_a_store_from_before_integer_claim_bands_gets_the_same_bands_and_groups(db_url):
    """Migration 0005 numbers the grouped claims and empties claim_bands; opening the knowledge
    writes the bands again, the same as ingest wrote them."""
    from alembic import command
    from sqlalchemy import select

    from claimwatch.store import schema
    from claimwatch.store.migrate import alembic_config, upgrade

    quotes = []
    for i, outlet in enumerate(("a.example", "b.example", "c.example")):
        doc = Builder(f"Maria Okafor said the ceasefire talks would resume in Geneva next week ({i}).",
                      "2024-03-04", outlet)
        doc.claim("Maria Okafor", "said", "the ceasefire talks would resume in Geneva next week")
        quotes.append(Incoming(doc.analysis, outlet))
    store = Store(db_url)
    store.add_many([*_items(), *quotes])
    expected = _knowledge(store)

    def rows(table) -> list[tuple]:
        with store.engine.connect() as conn:
            return sorted(tuple(r) for r in conn.execute(select(table)))

    bands, groups = rows(schema.claim_bands), rows(schema.claim_groups)
    clusters = [cluster for _doc, _claim, cluster, _number in groups]
    assert bands and len(set(clusters)) < len(clusters)  # the quote's three claims are one group
    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    upgrade(store.engine)
    assert rows(schema.claim_bands) == [] and rows(schema.claim_groups) == groups
    store.close()
    store = Store(db_url)
    # the same bands, each set of words of a group banded once (by whichever of its claims is read first)
    assert sorted({band for band, _ in rows(schema.claim_bands)}) == sorted({band for band, _ in bands})
    assert len(rows(schema.claim_bands)) == len(bands)
    assert _knowledge(store) == expected
    store.close()


def test_clusters_do_not_depend_on_how_many_reports_are_kept_in_memory(tmp_path):
    """Candidates found in memory and candidates read from the store count alike, also when reading
    the missing ones drops others from memory."""
    from claimwatch.knowledge.clusters import ReportCache

    items = _items()
    small = Store(tmp_path / "small.db")
    small._reports = ReportCache(size=1)
    for item in items:
        small.add_many([item])
    big = Store(tmp_path / "big.db")
    for item in items:
        big.add_many([item])
    assert _knowledge(small) == _knowledge(big)
    small.close()
    big.close()


@pytest.mark.parametrize("published", ["2024-03-01", "2024-03-09"])
def test_a_copy_keeps_the_contradictions_of_its_family_right_whenever_it_was_published(db_url, published):
    """A copy published before every publication of its text makes its outlet the text's first: here
    the outlet whose own figure disagrees with the family's, which then are one source's figures (the
    wire story is first published on 2024-03-04)."""
    from claimwatch.knowledge.contradictions import contradictions

    store = Store(db_url)
    store.add_many([Incoming(b.analysis, b.outlet) for b in corpus()])
    before = store.contradictions().to_dicts()
    # the wire story again, read without its event: the copy joins none of the family's clusters
    archive = Builder("Archive of the wire — filed late\n\n" + WIRE_BODY, published, "observer.example")
    archive.entity("Iran"), archive.entity("Syria")
    store.add_many([Incoming(archive.analysis, archive.outlet)])
    assert store.documents([archive.analysis.document.id])[0]["copy_of"]  # a copy of the wire story
    after = store.contradictions().to_dicts()
    assert after == [c.to_dict() for c in contradictions(store.event_clusters())]
    assert (after != before) == (published < "2024-03-04")
    store.close()
