"""Actors as PLOVER codes them: the entity (country + sector) behind a noun phrase."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimwatch.model import Entity
from claimwatch.nlp.state import DocState


def resolve_actor(phrase: Span | Token, state: DocState) -> Entity | None:
    """The actor a noun phrase denotes ("North Korean troops" → North Korea), or None."""
    if isinstance(phrase, Token):
        phrase = phrase.doc[phrase.left_edge.i:phrase.right_edge.i + 1]
    found = state.entities.mentions_in(state.span(phrase))
    return found[-1][1] if found else None
