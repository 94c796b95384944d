"""An ingest run end to end, with the real NLP, over a small corpus written for the test:
stored once, syndicated copies found, re-runs skip everything, two workers store the same."""

from __future__ import annotations

import json

import pytest

from claimwatch.batch.ingest import ingest
from claimwatch.knowledge import Store

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
    json.dumps(store.events().to_dicts())  # every query result is JSON as it is
    json.dumps(store.claims().to_dicts())
    assert store.entities().to_dicts()


def test_two_workers_store_the_same_documents(corpus, tmp_path):
    one, two = Store(tmp_path / "one.db"), Store(tmp_path / "two.db")
    ingest([str(corpus)], one, workers=1)
    summary = ingest([str(corpus)], two, workers=2)
    assert summary.stored == 4 and not summary.failed
    assert one.document_ids() == two.document_ids()
    assert [one.count(t) for t in ("claims", "events", "entities")] == [two.count(t) for t in
                                                                        ("claims", "events", "entities")]


def test_an_ingest_killed_midway_resumes_to_every_document_exactly_once(tmp_path):
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    towns = ["Esk", "Arden", "Brill", "Carrow", "Dunmore", "Elston", "Fenwick", "Garth", "Holm", "Ivel",
             "Jarrow", "Kelso", "Lorn", "Marden", "Nairn", "Orton", "Penrith", "Quarry", "Rowan", "Selby"]
    corpus = tmp_path / "news"
    corpus.mkdir()
    for n, town in enumerate(towns):
        (corpus / f"{n:02d}.txt").write_text(
            f"Rebels attacked an army post near {town} on Monday, killing {n + 2} soldiers, officials said. "
            f"The defence ministry said {100 + n} troops had been sent to the area.\n")
    db = tmp_path / "kb.db"
    cmd = [sys.executable, "-m", "claimwatch", "ingest", str(corpus), "--db", str(db), "--format", "jsonl"]
    # one document a parse batch, so that documents are stored one by one and the kill lands between them
    env = {**os.environ, "CLAIMWATCH_BATCH_SIZE": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 3:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    assert 3 <= stored < len(towns), "the run was not stopped midway"
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    store = Store(db)
    docs = store.documents()
    assert len(docs) == len(towns) == len({d["id"] for d in docs})
    for doc in docs:  # every document whole: its tables agree with its stored analysis
        analysis = store.analysis(doc["id"])
        assert sum(1 for r in store.table("claims") if r["document_id"] == doc["id"]) == len(analysis.claims)
        assert sum(1 for r in store.table("events") if r["document_id"] == doc["id"]) == len(analysis.events)
