"""Attribution: who asserts what, with which cue."""

from __future__ import annotations

from spacy.tokens import Doc

from claimwatch.nlp.state import DocState


def attribute_claims(doc: Doc, state: DocState) -> None:
    """Add the claims of the Doc to `state.claims`."""
