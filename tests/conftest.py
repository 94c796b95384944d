"""Shared fixtures: the spaCy pipeline (loaded once) and the shared data folder."""

from __future__ import annotations

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
