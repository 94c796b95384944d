"""Attribution that the page's layout makes, with no verb: credit lines and transcript turns.

Two conventions of news pages attribute speech by punctuation alone, and the parse of their
fragments gives the verb rules nothing to hold on to:

- a credit line: a quotation followed, on its line, by a dash and the speaker's name
  ("“We will not leave.” ― Amira Haddad"), as quoted readers, epigraphs and embedded posts are
  credited ("— Name (@handle) date");
- a transcript turn: a paragraph opened by the speaker's name in capitals and a colon
  ("SMITH: We did not agree to that."), as interview transcripts are printed, a turn running up to
  the next speaker's. Only a run of turns counts (at least `MIN_TURNS`, by at least two speakers),
  so that a lone "UPDATE:" or "WATCH:" is not taken for a speaker.

The dash or the colon is the cue; the source is the name as written (linked to an entity where the
entity table has one).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimwatch.nlp.attribution.contents import trim
from claimwatch.nlp.attribution.phrase_cues import Found
from claimwatch.nlp.attribution.sources import source_of_name
from claimwatch.nlp.state import DocState

#: Quotation marks that close a quotation, and dashes that introduce a credit.
_CLOSING = "”\"’'»"
_OPENING = "“\"‘«”"  # a paragraph-initial ” opens a quotation in some outlets' typesetting
_DASHES = "―—–"
#: A name in a credit: capitalised words (initials, particles, hyphens), up to six, then an optional
#: handle or date, to the end of the line.
_NAME = r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|da|del|van|von|der|la|le|bin|al-?\w*)){0,5})"
_CREDIT = re.compile(
    rf"(?P<close>[{_CLOSING}])[ \t]*(?P<dash>[{_DASHES}]|--)[ \t]*{_NAME}[ \t]*(?:\([^)\n]*\))?[^\n]{{0,40}}$",
    re.MULTILINE)
#: A speaker label: one to three words in capitals (with periods, apostrophes, hyphens), a colon.
_TURN = re.compile(r"^[ \t]*[\"“']?(?P<name>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]*){0,2})(?P<colon>:)[ \t]+\S",
                   re.MULTILINE)
MIN_TURNS = 3


def layout_claims(doc: Doc, state: DocState) -> list[Found]:
    """The credit lines and transcript turns of the Doc, as claims found (token ranges)."""
    text = doc.text  # rebuilt from the tokens on every access: read once
    return [*_credited_quotes(doc, state, text), *_transcript_turns(doc, state, text)]


def _credited_quotes(doc: Doc, state: DocState, text: str) -> list[Found]:
    found = []
    for match in _CREDIT.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        close = match.start("close")
        first = len(text[line_start:close]) - len(text[line_start:close].lstrip())
        if text[line_start + first:line_start + first + 1] in _OPENING:  # the line is the quotation, inner
            start = line_start  # quotes and all
        else:  # a quotation at the end of a line of the article's own words
            opening = max(text.rfind(mark, line_start, close) for mark in _OPENING)
            start = opening if opening >= line_start else line_start
        name_start, name_end = match.span("name")
        if text[name_end - 1] == "." and name_end - name_start > 2 and text[name_end - 3] != " ":
            name_end -= 1  # the sentence's full stop, not an initial's
        claim = _found(doc, state, (start, close + 1), match.span("dash"), (name_start, name_end))
        if claim is not None:
            found.append(claim)
    return found


def _transcript_turns(doc: Doc, state: DocState, text: str) -> list[Found]:
    turns = [m for m in _TURN.finditer(text) if any(ch.isalpha() for ch in m.group("name"))]
    if len(turns) < MIN_TURNS or len({m.group("name") for m in turns}) < 2:
        return []
    found = []
    for match, following in zip(turns, [*turns[1:], None], strict=True):
        if following is not None:  # a turn runs over its paragraphs up to the next speaker's
            end = text.rfind("\n", match.end(), following.start())
        else:  # the last one: its own paragraph (what follows a transcript is the article's again)
            end = text.find("\n", match.end())
        claim = _found(doc, state, (match.end("colon"), len(text) if end < 0 else end), match.span("colon"),
                       match.span("name"))
        if claim is not None:
            found.append(claim)
    return found


def _found(doc: Doc, state: DocState, content: tuple[int, int], cue: tuple[int, int],
           name: tuple[int, int]) -> Found | None:
    """A claim from character ranges; None where they do not fall on distinct tokens."""
    cue_span = doc.char_span(*cue, alignment_mode="expand")
    name_span = doc.char_span(*name, alignment_mode="expand")
    content_span = doc.char_span(*content, alignment_mode="expand")
    if not (cue_span and name_span and content_span):
        return None
    start, end = content_span.start, content_span.end
    if cue_span.start >= start:  # a credit after its quotation ("”―" may be one token)
        end = min(end, cue_span.start)
    else:  # a turn's colon before what is said
        start = max(start, cue_span.end)
    start, end = trim(doc, start, end)
    if end - start < 2 or name_span.start < cue_span.end and name_span.end > cue_span.start:
        return None
    head = doc[start:end].root
    return Found(source_of_name(doc, name_span.start, name_span.end, state), (cue_span.start, cue_span.end),
                 (start, end), head, cue_span[0])
