"""Certainty and polarity: how committed a source is to what it says (after FactBank)."""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.model import Certainty, Polarity


def assess_certainty(content_head: Token, cue: Token | None = None) -> tuple[Certainty, Polarity]:
    """The source's commitment to the proposition headed by `content_head`, reported with `cue`."""
    return "certain", "positive"
