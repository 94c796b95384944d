"""Copy families' first publications, kept as publications are stored: the same credit as reading
every member of each family, for copies published before or after their original, written in one
batch or many, and filled in for a store written before they were kept."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import delete

from claimwatch.knowledge import Incoming, Store
from claimwatch.knowledge.publications import load_documents
from claimwatch.store import derived, schema

sys.path.insert(0, str(Path(__file__).resolve().parent))
from knowledge_corpus import WIRE_BODY, Builder, corpus  # noqa: E402


def _wire_copy(header: str, published: str, outlet: str) -> Builder:
    return Builder(header + WIRE_BODY, published, outlet)


def _items() -> list[Incoming]:
    """The corpus (its wire story first published on 2024-03-04 by wire.example), then a copy of the
    wire story published after it and one published before it."""
    items = [Incoming(b.analysis, b.outlet) for b in corpus()]
    for header, published, outlet in (("Late pickup\n\n", "2024-03-08", "late.example"),
                                      ("From the archive\n\n", "2024-03-02", "archive.example")):
        items.append(Incoming(_wire_copy(header, published, outlet).analysis, outlet))
    return items


def _credit(store: Store) -> dict[str, str | None]:
    with store.engine.connect() as conn:
        return {doc_id: doc.origin_outlet for doc_id, doc in load_documents(conn).items()}


@pytest.mark.parametrize("batch", [1, 3, 100])
def test_each_publication_is_credited_to_its_familys_first_outlet(db_url, batch):
    store = Store(db_url)
    items = _items()
    for at in range(0, len(items), batch):
        store.add_many(items[at:at + batch])
    credit = _credit(store)
    wire = {d["id"] for d in store.documents() if d["outlet"] in {"wire.example", "late.example"}}
    assert len(wire) == 2 and {credit[doc_id] for doc_id in wire} == {"archive.example"}
    assert credit[next(d["id"] for d in store.documents() if d["outlet"] == "tribune.example")] == "tribune.example"
    with store.engine.connect() as conn:  # read for a few publications, from the kept firsts
        for doc_id in credit:
            assert load_documents(conn, [doc_id])[doc_id].origin_outlet == credit[doc_id]
    store.close()


def test_a_store_written_before_the_firsts_were_kept_gets_them_when_opened(db_url):
    store = Store(db_url)
    store.add_many(_items())
    before = (_credit(store), store.events().to_dicts(), store.contradictions().to_dicts())
    with store.engine.connect() as conn:
        kept = derived.family_firsts(conn, {d["copy_of"] or d["id"] for d in store.documents()})
    with store.engine.begin() as conn:
        conn.execute(delete(schema.copy_families))
        # read without them, a few publications' credit comes from their families' members
        assert {doc_id: doc.origin_outlet for doc_id, doc in load_documents(conn, list(before[0])).items()} \
            == before[0]
    store.close()
    store = Store(db_url)
    with store.engine.connect() as conn:
        assert derived.family_firsts(conn, set(kept)) == kept
    assert (_credit(store), store.events().to_dicts(), store.contradictions().to_dicts()) == before
    store.rebuild_knowledge()
    with store.engine.connect() as conn:
        assert derived.family_firsts(conn, set(kept)) == kept
    store.close()
