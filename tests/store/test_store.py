"""The store on SQLite and PostgreSQL: round trip, idempotence, atomic writes, search, migrations."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from claimwatch.model import Analysis, Claim, Document, Entity, Event, Quantity, Source, TextSpan, Time
from claimwatch.store import SQLStore, resolve_url
from claimwatch.store.migrate import upgrade

TEXT = ("Rebels shelled the port city on Friday, killing at least 14 civilians, the governor said. "
        "The army denied that its positions were hit.")


def _analysis(text: str = TEXT) -> Analysis:
    doc = Document(text=text, published="2023-05-12", url="https://news.example/a", title="Port shelled")
    rebels = Entity("e1", "Rebels", "group", mentions=[(0, 6)])
    claim = Claim("c1", Source("the governor", (71, 83), "unnamed"), TextSpan("said", (84, 88)),
                  TextSpan(text[:69], (0, 69)), stated_at="2023-05-12")
    quantity = Quantity("q1", "at least 14 civilians", (48, 69), 14, "civilians", "lower")
    event = Event("v1", "ASSAULT", TextSpan("shelled", (7, 14)), actor="e1", quantities=["q1"], dead=14, claim="c1")
    time = Time("t1", "on Friday", (30, 39), "2023-05-12")
    return Analysis(doc, [rebels], [claim], [event], [quantity], [time])


@pytest.fixture
def store(db_url):
    s = SQLStore(db_url)
    yield s
    s.close()


def test_round_trip_keeps_the_whole_analysis(store):
    analysis = _analysis()
    assert store.add(analysis, outlet="news.example")
    assert store.analysis(analysis.document.id) == analysis
    [row] = store.table("events")
    assert (row["type"], row["trigger_start"], row["trigger_end"], row["dead"]) == ("ASSAULT", 7, 14, 14)
    [doc] = store.documents()
    assert doc["outlet"] == "news.example" and doc["analysis_version"] == analysis.version


def test_same_document_twice_changes_nothing(store):
    assert store.add(_analysis())
    assert not store.add(_analysis(), outlet="other.example")
    assert [store.count(t) for t in ("documents", "entities", "mentions", "claims", "events", "quantities",
                                     "times")] == [1, 1, 1, 1, 1, 1, 1]


def test_a_failed_write_leaves_nothing_of_the_document(store, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(SQLStore, "_remember_input", staticmethod(broken))  # the last step of a write
    with pytest.raises(RuntimeError):
        store.add(_analysis(), raw_hash="sha256:x")
    assert [store.count(t) for t in ("documents", "entities", "claims", "events")] == [0, 0, 0, 0]
    assert store.search("governor") == []


def test_full_text_search(store):
    store.add(_analysis())
    store.add(_analysis("A quiet day in the capital, officials said."))
    [hit] = store.search("shelled civilians")  # both words, in title or text
    assert hit["document_id"] == _analysis().document.id
    [claim] = store.search("civilians", kind="claims")
    assert claim["claim_id"] == "c1"
    assert store.search("") == []


def test_inputs_are_remembered_for_resuming(store):
    analysis = _analysis()
    store.add(analysis, raw_hash="sha256:raw", name="a.html")
    assert store.known_inputs() == {"sha256:raw": (analysis.document.id, "a.html")}
    store.remember_input("sha256:other", analysis.document.id)
    assert set(store.known_inputs()) == {"sha256:raw", "sha256:other"}


def test_migrations_are_idempotent_and_complete(store):
    upgrade(store.engine)  # a second upgrade is a no-op
    tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "entities", "mentions", "claims", "events", "quantities", "times", "inputs",
            "alembic_version"} <= tables


def test_resolve_url(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMWATCH_DB", raising=False)
    assert resolve_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    monkeypatch.setenv("CLAIMWATCH_DB", "sqlite:////tmp/y.db")
    assert resolve_url() == "sqlite:////tmp/y.db"
