"""Ingest on a Dask cluster (`--dask`): a LocalCluster stores the same as the local runner, on SQLite and
PostgreSQL; a worker killed mid-ingest leaves every document stored exactly once; a re-run skips all."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest

from claimwatch.batch.dask_runner import parse_scheduler
from claimwatch.batch.ingest import ingest
from claimwatch.errors import ClaimwatchError
from claimwatch.knowledge import Store

distributed = pytest.importorskip("distributed")

NEWS = {
    "esk.txt": ("Government forces recaptured the river town of Esk on Tuesday after three days of fighting, the "
                "defence ministry said. At least 40 fighters were killed, according to the ministry."),
    "arden.txt": ("Rebels attacked an army post near Arden on Monday, killing five soldiers, officials said. The "
                  "defence ministry said 200 troops had been sent to the area."),
    "budget.txt": ("Parliament approved the budget on Thursday by a narrow margin, after the finance minister "
                   "promised to raise pensions next year, officials said."),
    "talks.txt": ("The foreign ministers of both countries met in Geneva on Friday and agreed to resume peace "
                  "talks next month, a spokesman said."),
    "protest.txt": ("Thousands of people protested in the capital on Saturday against rising fuel prices, and "
                    "police arrested 12 demonstrators, witnesses said."),
    "aid.txt": ("The United Nations said on Sunday it had delivered food aid to 30,000 people in the north, "
                "where the government accused rebels of blocking convoys."),
}


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "news"
    root.mkdir()
    for name, text in NEWS.items():
        (root / name).write_text(text)
    return root


def _contents(store: Store) -> dict[str, set]:
    """What a store holds, row by row, without its row ids and times."""
    return {
        "documents": {(d["id"], d["copy_of"]) for d in store.documents()},
        "events": {(r["document_id"], r["type"], r["trigger_text"], r["trigger_start"], r["actor"], r["target"],
                    r["certainty"]) for r in store.table("events")},
        "claims": {(r["document_id"], r["source_text"], r["cue_text"], r["content_start"], r["content_end"],
                    r["certainty"]) for r in store.table("claims")},
        "entities": {(r["document_id"], r["name"], r["type"]) for r in store.table("entities")},
        "analyses": {(d["id"], json.dumps(store.analysis(d["id"]).to_dict(), sort_keys=True))
                     for d in store.documents()},
    }


@pytest.fixture(scope="module")
def local_contents(tmp_path_factory):
    """The local runner's store of the corpus, the reference."""
    root = tmp_path_factory.mktemp("ref")
    (root / "news").mkdir()
    for name, text in NEWS.items():
        (root / "news" / name).write_text(text)
    store = Store(root / "kb.db")
    summary = ingest([str(root / "news")], store, workers=1)
    assert summary.stored == len(NEWS) and not summary.failed
    contents = _contents(store)
    store.close()
    return contents


def test_scheduler_specs():
    assert parse_scheduler("local") == 2
    assert parse_scheduler("local:3") == 3
    assert parse_scheduler("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    for bad in ("local:0", "local:x", ""):
        with pytest.raises(ClaimwatchError):
            parse_scheduler(bad)


def test_a_local_cluster_stores_what_the_local_runner_stores(corpus, db_url, local_contents):
    store = Store(db_url)
    summary = ingest([str(corpus)], store, dask="local:2")
    assert (summary.stored, summary.analysed, summary.failed) == (len(NEWS), len(NEWS), [])
    contents = _contents(store)
    assert contents["events"] and contents["claims"]  # the comparison compares something
    assert contents == local_contents
    again = ingest([str(corpus)], store, dask="local:1")
    assert (again.stored, again.duplicates, again.analysed) == (0, len(NEWS), 0)
    store.close()


def test_a_worker_killed_mid_ingest_leaves_every_document_stored_once(tmp_path, local_contents):
    towns = ["Esk", "Arden", "Brill", "Carrow", "Dunmore", "Elston", "Fenwick", "Garth", "Holm", "Ivel",
             "Jarrow", "Kelso"]
    corpus = tmp_path / "news"
    corpus.mkdir()
    for name, text in NEWS.items():
        (corpus / name).write_text(text)
    for n, town in enumerate(towns):
        (corpus / f"{n:02d}.txt").write_text(
            f"Rebels attacked an army post near {town} on Monday, killing {n + 2} soldiers, officials said.\n")
    total = len(NEWS) + len(towns)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        killed: list[int] = []

        def kill_a_busy_worker() -> None:
            """SIGKILL the first worker seen running a task (its first task loads the model: seconds)."""
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not killed:
                for address, keys in client.processing().items():
                    if keys and address in pids:
                        os.kill(pids[address], signal.SIGKILL)
                        killed.append(pids[address])
                        return
                time.sleep(0.01)

        killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
        killer.start()
        store = Store(tmp_path / "kb.db")
        summary = ingest([str(corpus)], store, dask=cluster.scheduler_address)
        killer.join(timeout=5)
    assert killed, "no worker was killed"
    assert (summary.stored, summary.failed) == (total, [])
    docs = store.documents()
    assert len(docs) == len({d["id"] for d in docs}) == total
    for doc in docs:  # every document whole, its rows once: the tables agree with its stored analysis
        analysis = store.analysis(doc["id"])
        assert sum(1 for r in store.table("claims") if r["document_id"] == doc["id"]) == len(analysis.claims)
        assert sum(1 for r in store.table("events") if r["document_id"] == doc["id"]) == len(analysis.events)
    # the six news stories are stored as the local runner stores them
    contents = _contents(store)
    ours = {d for d, _ in local_contents["documents"]}
    assert {k: {r for r in rows if r[0] in ours} for k, rows in contents.items()} == local_contents
    store.close()
