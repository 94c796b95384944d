"""Times: dates and relative expressions, resolved against the publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from claimwatch.nlp.state import DocState


def find_times(doc: Doc, state: DocState) -> None:
    """Add every time expression of the Doc to `state.times`."""
