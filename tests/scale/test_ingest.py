"""An ingest run end to end, with the real NLP, over a small corpus written for the test:
stored once, syndicated copies found, re-runs skip everything, two workers store the same."""

from __future__ import annotations

import json

import pytest

from claimwatch.knowledge import Store
from claimwatch.scale.ingest import ingest

WIRE = ("Government forces recaptured the river town of Esk on Tuesday after three days of fighting, the "
        "defence ministry said in a statement. At least 40 fighters were killed, according to the ministry, "
        "which said the road to the coast was open again. Aid groups said hundreds of families had fled the "
        "town and urged both sides to let convoys through.")
STORIES = {
    "wire/esk.txt": WIRE,
    "courier/esk-reprint.txt": "Morning Courier - World\n\n" + WIRE,
    "herald/esk.txt": ("The army says it has retaken Esk. A ministry spokesman told reporters that dozens of "
                       "fighters died in the battle for the town, while residents described heavy shelling."),
    "herald/budget.txt": ("Parliament approved the budget on Thursday by a narrow margin, after the finance "
                          "minister promised to raise pensions next year, officials said."),
}


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "news"
    for name, text in STORIES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_ingest_stores_each_document_once_and_resumes(corpus, tmp_path):
    store = Store(tmp_path / "kb.db")
    first = ingest([str(corpus)], store, workers=1)
    assert (first.stored, first.duplicates, first.failed, first.copies) == (4, 0, [], 1)
    docs = {d["id"]: d for d in store.documents()}
    [copy] = [d for d in docs.values() if d["copy_of"]]
    # the first stored of the two is the original (here the reprint: courier/ sorts before wire/)
    pair = {store.analysis(copy["id"]).document.text, store.analysis(copy["copy_of"]).document.text}
    assert pair == {WIRE, STORIES["courier/esk-reprint.txt"]}
    again = ingest([str(corpus), str(corpus / "wire" / "esk.txt")], store, workers=1)
    assert (again.stored, again.duplicates, again.analysed) == (0, 5, 0)
    # the normalized tables agree with the stored analysis, document by document
    for doc_id in docs:
        analysis = store.analysis(doc_id)
        assert sum(1 for r in store.table("claims") if r["document_id"] == doc_id) == len(analysis.claims)
        assert sum(1 for r in store.table("entities") if r["document_id"] == doc_id) == len(analysis.entities)
    json.dumps(store.events())  # every query result is JSON as it is
    json.dumps(store.claims())
    assert store.entities()


def test_two_workers_store_the_same_documents(corpus, tmp_path):
    one, two = Store(tmp_path / "one.db"), Store(tmp_path / "two.db")
    ingest([str(corpus)], one, workers=1)
    summary = ingest([str(corpus)], two, workers=2)
    assert summary.stored == 4 and not summary.failed
    assert one.document_ids() == two.document_ids()
    assert [one.count(t) for t in ("claims", "events", "entities")] == [two.count(t) for t in
                                                                        ("claims", "events", "entities")]
