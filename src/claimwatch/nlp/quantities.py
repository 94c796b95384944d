"""Quantities: numbers in digits and words, with bounds and the counted noun as unit."""

from __future__ import annotations

from spacy.tokens import Doc

from claimwatch.nlp.state import DocState


def find_quantities(doc: Doc, state: DocState) -> None:
    """Add every quantity of the Doc to `state.quantities`."""
