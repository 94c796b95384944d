"""Shared fixtures: the spaCy pipeline (loaded once), the shared data folder, and a fresh database
(SQLite, and PostgreSQL where a server is reachable) for the store and knowledge tests."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from claimwatch.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a skip when this checkout has no ../shared beside it."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"needs the shared corpora at {data} (absent in this checkout)")
    return data


PG_URL = os.environ.get("CLAIMWATCH_TEST_PG_URL", "postgresql://claimwatch:claimwatch@localhost/claimwatch_test")


def _pg_schema_url() -> tuple[str, str]:
    """A fresh schema on the test server, so that tests never see each other's rows."""
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg (pip install 'psycopg[binary]')")
    schema = "t_" + uuid.uuid4().hex[:12]
    try:
        with psycopg.connect(PG_URL, connect_timeout=3, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL at {PG_URL} (run .ci/services or set CLAIMWATCH_TEST_PG_URL): {exc}")
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", schema


def _drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh empty database: a SQLite file, or a schema on the PostgreSQL test server."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    url, schema = _pg_schema_url()
    yield url
    _drop_schema(schema)


@pytest.fixture(autouse=True, scope="session")
def _every_analysis_keeps_the_contract():
    """Every analysis made in this process during the tests is checked against the shipped JSON Schema
    and its spans against its text (tests/contract_check.py): a broken analysis fails the test that
    made it."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from claimwatch.nlp.state import DocState
    from contract_check import assert_keeps_contract

    original = DocState.to_analysis

    def checked(self):
        analysis = original(self)
        assert_keeps_contract(analysis.to_dict())
        return analysis

    DocState.to_analysis = checked
    yield
    DocState.to_analysis = original
