"""Events: PLOVER type and mode, actor, target, place, time and counts."""

from __future__ import annotations

from spacy.tokens import Doc

from claimwatch.nlp.state import DocState


def code_events(doc: Doc, state: DocState) -> None:
    """Add the events of the Doc to `state.events`."""
