"""When a claim was stated (`Claim.stated_at`): from its reporting clause, else the dateline, else publication.

A time counts for the statement only when it modifies the cue itself ("announced on Friday", "said
in an interview on Tuesday"): it hangs on the cue through adjuncts alone (prepositions, their objects,
bare noun-phrase adverbials). A date inside the content ("the town fell in 2009") is what is reported, and
a date inside the source phrase ("the commander, who led the 2009 offensive, said") describes the
speaker; neither is when the words were said. Without such a time, the statement is dated by the
article's opening dateline ("LONDON, March 3, 2016 —"), else by its publication date.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from claimwatch.ingest.dates import date_from_dateline
from claimwatch.nlp.state import DocState

#: Dependencies through which a time modifies the verb it hangs on (not its subject or its clause).
_ADJUNCT_DEPS = frozenset({"prep", "pobj", "npadvmod", "advmod", "tmod", "nummod", "compound", "amod", "det",
                           "quantmod", "nmod", "appos", "cc", "conj"})


def stated_at(verb: Token | None, state: DocState) -> str | None:
    """The date of a claim cued by `verb`: a time of the state that modifies the verb (see the module),
    else the document's dateline, else its publication date (None when it has none)."""
    if verb is not None:
        lo, hi = state.span((verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)))
        for time in state.times:  # only a time within the verb's phrase can hang on it
            if time.value and lo <= time.span[0] and time.span[1] <= hi and _modifies(verb, time.span, state):
                return time.value
    dateline = _dateline(state.document.text)
    if dateline:
        return dateline
    return state.published.isoformat() if state.published else None


@lru_cache(maxsize=8)
def _dateline(text: str) -> str | None:
    """The date of the dateline opening `text` (read once per document, not once per claim)."""
    return date_from_dateline(text)


def _modifies(verb: Token, span: tuple[int, int], state: DocState) -> bool:
    """Whether the time at character `span` (of the document) hangs on `verb` through adjuncts only."""
    doc = verb.doc
    start, end = span[0] - state.offset, span[1] - state.offset
    if start < 0 or end > doc[-1].idx + len(doc[-1].text):
        return False
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    token = words.root
    for _ in range(8):
        if token.head.i == verb.i:
            return token.dep_ in _ADJUNCT_DEPS
        if token.dep_ not in _ADJUNCT_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return False
