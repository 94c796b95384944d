"""A test client over the sample store (SQLite, one per module), with a write token set."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_store  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = sample_store.build(tmp_path_factory.mktemp("api") / "api.db")
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    with sample_store.client_for(store) as c:
        yield c
