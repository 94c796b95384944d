"""Concurrent writers and faults: two ingests into one SQLite store at once, a PostgreSQL
connection dropped mid-document, a full disk. In each, nothing is lost or doubled, the store stays
whole and readable, the error is one clear line, and running the same command again completes it.
(The kill -9 case is tests/batch/test_ingest.py.)"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from claimwatch.batch.ingest import ingest
from claimwatch.knowledge import KnowledgeBase
from claimwatch.store import StoreError

TOWNS = ["Esk", "Arden", "Brill", "Carrow", "Dunmore", "Elston", "Fenwick", "Garth", "Holm", "Ivel", "Jarrow",
         "Kelso"]


def _story(n: int, town: str) -> str:
    return (f"Rebels attacked an army post near {town} on Monday, killing {n + 2} soldiers, officials said. "
            f"The defence ministry said {100 + n} troops had been sent to {town}.\n")


def _corpus(root: Path, indices: range) -> Path:
    """A folder of small distinct texts, one per town index."""
    root.mkdir(parents=True, exist_ok=True)
    for n in indices:
        (root / f"{n:02d}.txt").write_text(_story(n, TOWNS[n]))
    return root


def _cmd(corpus: Path, db: Path | str) -> list[str]:
    return [sys.executable, "-m", "claimwatch", "ingest", str(corpus), "--db", str(db), "--format", "json"]


def _assert_whole(store: KnowledgeBase, expected: int) -> None:
    """Every document once, each with exactly the rows of its stored analysis, no derived row twice."""
    docs = store.documents()
    assert len(docs) == expected == len({d["id"] for d in docs})
    claims = Counter(r["document_id"] for r in store.table("claims"))
    events = Counter(r["document_id"] for r in store.table("events"))
    mentions = Counter(r["document_id"] for r in store.table("mentions"))
    for doc in docs:
        analysis = store.analysis(doc["id"])
        assert claims[doc["id"]] == len(analysis.claims) and events[doc["id"]] == len(analysis.events)
        assert mentions[doc["id"]] == sum(len(e.mentions) for e in analysis.entities)
    for table in ("claim_bands", "reports", "entity_actors", "claim_groups"):  # derived: no row twice
        rows = [tuple(sorted(r.items())) for r in store.table(table)]
        assert len(rows) == len(set(rows)), table
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            indexed = conn.exec_driver_sql("SELECT count(*), count(DISTINCT document_id) FROM documents_fts").one()
        assert tuple(indexed) == (expected, expected)

def test_two_ingests_into_one_sqlite_store_at_once(tmp_path):
    """Overlapping folders, two processes, one fresh store: the shared texts are stored once."""
    first = _corpus(tmp_path / "a", range(0, 8))
    second = _corpus(tmp_path / "b", range(4, 12))
    db = tmp_path / "kb.db"
    procs = [subprocess.Popen(_cmd(corpus, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for corpus in (first, second)]
    outs = [p.communicate(timeout=180) for p in procs]
    for proc, (_out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
    _assert_whole(KnowledgeBase(db), len(TOWNS))


def _fail_once_for(store: KnowledgeBase, monkeypatch, town: str, drop) -> list[str]:
    """Make the connection drop (by `drop(conn)`) while the document about `town` is being written,
    after its rows are inserted and before the commit."""
    real = store._derive
    dropped: list[str] = []

    def derive(conn, analysis, outlet, copy_of):
        real(conn, analysis, outlet, copy_of)
        if town in analysis.document.text:
            dropped.append(analysis.document.id)
            drop(conn)

    monkeypatch.setattr(store, "_derive", derive)
    return dropped


def _terminate_backend(conn) -> None:
    """The server ends this session, as when PostgreSQL is stopped mid-transaction."""
    conn.exec_driver_sql("SELECT pg_terminate_backend(pg_backend_pid())")
    conn.exec_driver_sql("SELECT 1")


def _close_sqlite(conn) -> None:
    conn.connection.dbapi_connection.close()
    conn.exec_driver_sql("SELECT 1")


@pytest.mark.slow
def test_a_connection_lost_mid_document_leaves_a_whole_store_and_a_rerun_completes_it(db_url, tmp_path,
                                                                                       monkeypatch):
    corpus = _corpus(tmp_path / "news", range(0, 6))
    store = KnowledgeBase(db_url)
    drop = _terminate_backend if store.dialect == "postgresql" else _close_sqlite
    dropped = _fail_once_for(store, monkeypatch, TOWNS[3], lambda conn: drop(conn))
    monkeypatch.setattr("claimwatch.store.sqlstore.RETRIES", 1)  # no retry: the run stops on the error
    with pytest.raises(StoreError, match="lost the connection to the store.*run the same command again"):
        ingest([str(corpus)], store, workers=1)
    assert dropped and not store.has(dropped[0])  # nothing of the document whose transaction broke
    assert store.count() == 3
    _assert_whole(store, 3)
    monkeypatch.undo()
    store = KnowledgeBase(db_url)
    again = ingest([str(corpus)], store, workers=1)
    assert again.stored == 3 and not again.failed
    _assert_whole(store, 6)


def test_a_dropped_connection_is_retried_once_and_nothing_is_lost(db_url, tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "news", range(0, 3))
    store = KnowledgeBase(db_url)
    drop = _terminate_backend if store.dialect == "postgresql" else _close_sqlite
    dropped = _fail_once_for(store, monkeypatch, TOWNS[1], lambda conn: None if dropped[1:] else drop(conn))
    summary = ingest([str(corpus)], store, workers=1)
    assert summary.stored == 3 and not summary.failed and len(dropped) == 2  # the write, then its retry
    _assert_whole(store, 3)


def _limit_file_size(limit: int) -> None:
    """In the child: files may not grow past `limit` bytes (EFBIG, not SIGXFSZ), as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_fails_cleanly_and_a_later_run_completes(tmp_path):
    corpus = _corpus(tmp_path / "news", range(0, 12))
    db = tmp_path / "kb.db"
    KnowledgeBase(db).close()  # the empty store; then room for a few documents only
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    limit = db.stat().st_size + 48 * 1024
    # one document a write (a batch of all twelve fits in the room left), so that the disk fills mid-run
    env = {**os.environ, "CLAIMWATCH_BATCH_SIZE": "1"}
    full = subprocess.run(_cmd(corpus, db), capture_output=True, text=True, timeout=120, env=env,
                          preexec_fn=lambda: _limit_file_size(limit))
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr
    assert "the store is full" in full.stderr and "run the same command again" in full.stderr
    store = KnowledgeBase(db)
    partial = store.count()
    assert partial < len(TOWNS)
    _assert_whole(store, partial)
    store.close()
    rerun = subprocess.run(_cmd(corpus, db), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    _assert_whole(KnowledgeBase(db), len(TOWNS))

