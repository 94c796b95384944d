"""Entities and actor resolution: spaCy NER plus the gazetteer."""

from __future__ import annotations

from spacy.tokens import Doc

from claimwatch.nlp.state import DocState


def resolve_entities(doc: Doc, state: DocState) -> None:
    """Add every entity mention of the Doc to `state.entities`."""
