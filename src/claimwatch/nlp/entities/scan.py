"""What the entity passes over one Doc know as they go: which tokens a mention has claimed, which
tokens name a country, which surnames the text gives in full.

One `DocScan` is made per Doc by `resolve_entities` and handed to the passes (resolve.py) and to the
helpers that add persons, organisations (names.py) and places (places.py), so that none of them
reaches into another module's private state.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimwatch.nlp.entities.gazetteer import Entry, Gazetteer, gazetteer, squash
from claimwatch.nlp.state import DocState


class DocScan:
    """The state of the entity passes over one Doc."""

    def __init__(self, doc: Doc, state: DocState) -> None:
        self.doc = doc
        self.state = state
        self.gaz: Gazetteer = gazetteer()
        self.texts: list[str] = [t.text for t in doc]
        self.lowers: list[str] = [t.lower_ for t in doc]
        #: token index → the spaCy ent it lies in
        self.ent_of: list[SpacySpan | None] = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        #: 1 where a token belongs to a mention already recorded: later passes leave it alone
        self.claimed = bytearray(len(doc))
        #: token index → the country it mentions
        self.country_at: dict[int, Entry] = {}
        #: surnames of the full person names of this Doc → the full name (squashed): a leader's bare
        #: surname is not trusted when the text names someone else with it ("John Harris … Harris said")
        self.surnames: dict[str, str] = {
            squash(ent[-1].text): squash(ent.text)
            for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text[:1].isupper()
        }

    def claim(self, start: int, end: int) -> None:
        """Mark the tokens start … end-1 as part of a recorded mention."""
        self.claimed[start:end] = b"\x01" * (end - start)

    def any_claimed(self, span: SpacySpan) -> bool:
        """Whether a token of the span is already part of a recorded mention."""
        return any(self.claimed[span.start:span.end])
