"""The bounds of what is attributed: clause spans over the parse, trimmed, and widened to whole quotes.

A content is a clause of the parse: the complement of a cue verb, or the clause a
parenthetical ("…, he said, …"), an "as X note" or an "according to X" hangs on, less that
attribution phrase itself. It is a contiguous token range with the complementizer "that" and
the surrounding punctuation cut off. A direct quote often runs over several sentences while the
parse sees one, so a content that ends or starts inside a quotation grows to the whole quotation.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

#: Subordinators that introduce but do not belong to a content ("that", "as" …); "whether" and
#: "if" stay, since they make the content a question.
_DROPPED_MARKS = frozenset({"as", "because", "since", "while", "although", "though", "so"})
_EDGE_DEPS = frozenset({"punct", "cc"})
_OPENING = "“\"«"
#: Tokens that may open a quotation (a straight mark may also close one; backing off over it is harmless).
_OPENERS = frozenset({"“", "\"", "«", "''", "``"})
#: Quotation marks; two apostrophes ('') stand for a straight double quote in some newswire text.
_QUOTE_CHARS = re.compile(r"''|[“”\"«»]")


def clause_range(head: Token, without: tuple[int, int] | None = None) -> tuple[int, int]:
    """Token range [start, end) of the clause headed by `head`, less the range `without` where it
    lies at either end of the clause (a phrase inside the clause is kept, for a range is contiguous)."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if without is not None:
        cut_start, cut_end = without
        if cut_start <= start or _only_punct(doc, start, cut_start):
            start = max(start, cut_end)
        elif cut_end >= end or _only_punct(doc, cut_end, end):
            end = min(end, cut_start)
    return trim(doc, start, end)


def _only_punct(doc: Doc, start: int, end: int) -> bool:
    return all(doc[i].is_punct for i in range(start, end))


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut punctuation, conjunctions and a leading complementizer off both ends of [start, end)."""
    while start < end and (doc[start].dep_ in _EDGE_DEPS or doc[start].is_punct
                           or (doc[start].dep_ == "mark" and doc[start].lower_ in _DROPPED_MARKS)):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def quotations(text: str) -> list[tuple[int, int]]:
    """Character ranges [start, end) of the quotations of a text, marks included. Curly quotes pair
    by direction; straight ones in turn; a quotation never runs past the end of its paragraph."""
    found: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        opened: int | None = None
        for m in _QUOTE_CHARS.finditer(paragraph):
            ch, at = m.group(), offset + m.start()
            if ch == "''":
                ch = '"'
            if opened is None:
                if ch in _OPENING:
                    opened = at
            elif ch in "”»\"":
                found.append((opened, offset + m.end()))
                opened = None
            elif ch in "“«":
                opened = at
        if opened is not None:  # an unclosed quote runs to the end of its paragraph (it goes on in the next)
            found.append((opened, offset + len(paragraph)))
        offset += len(paragraph) + 1
    return found


class QuoteIndex:
    """The quotations of one Doc, for widening contents to whole quotations."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt from the tokens on every access
        self.ranges = quotations(self.text)
        self.starts = [r[0] for r in self.ranges]

    def containing(self, char: int) -> tuple[int, int] | None:
        at = bisect.bisect_right(self.starts, char) - 1
        if at >= 0 and self.ranges[at][0] <= char < self.ranges[at][1]:
            return self.ranges[at]
        return None

    def widen(self, start: int, end: int, cue: tuple[int, int]) -> tuple[int, int]:
        """Token range [start, end) grown to the whole quotation it starts or ends inside, unless
        that quotation would swallow the cue."""
        if start >= end:
            return start, end
        doc = self.doc
        first_char, last_char = doc[start].idx, doc[end - 1].idx
        cue_chars = (doc[cue[0]].idx, doc[cue[1] - 1].idx + 1)
        for char in (first_char, last_char):
            quote = self.containing(char)
            if quote is None or (quote[0] < cue_chars[1] and cue_chars[0] < quote[1]):
                continue
            span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
            if span is not None and len(span):
                start, end = min(start, span.start), max(end, span.end)
        return trim(doc, start, end)

    def continued(self, end: int) -> int:
        """Where the speaker's quotation goes on after the cue's sentence: '"A," she said. "B. C."'
        — the end of the quotations that directly follow token `end` in the same paragraph."""
        doc, text = self.doc, self.text
        new_end = end
        while end > 0 and (doc[end - 1].is_space or doc[end - 1].text in _OPENERS):
            end -= 1  # a sentence may end with the paragraph break or the next quotation's opening mark
        char = doc[end - 1].idx + len(doc[end - 1].text) if end > 0 else 0
        while True:
            gap_end = char
            while gap_end < len(text) and text[gap_end] in " .,;:":
                gap_end += 1
            quote = self.containing(gap_end)
            if quote is None or quote[0] != gap_end or "\n" in text[char:gap_end]:
                return new_end
            span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
            if span is None:
                return new_end
            new_end, char = span.end, quote[1]

    def preceding(self, start: int) -> tuple[int, int] | None:
        """The quotation that ends right before token `start` ('"C," X said.'), as a token range."""
        doc, text = self.doc, self.text
        char = doc[start].idx
        while char > 0 and text[char - 1] in " ,":
            char -= 1
        if char == 0 or (text[char - 1] not in "”\"»" and text[char - 2:char] != "''"):
            return None
        quote = self.containing(char - 1)
        if quote is None:
            return None
        span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
        return trim(doc, span.start, span.end) if span is not None else None

    def ends_quotation(self, end: int) -> bool:
        """Whether a closing quotation mark comes right after token range end `end`."""
        doc, text = self.doc, self.text
        char = doc[end - 1].idx + len(doc[end - 1].text)
        while char < len(text) and text[char] in " ,.;:":
            char += 1
        return char < len(text) and (text[char] in "”\"»" or text[char:char + 2] == "''")

    def inside(self, token: Token) -> bool:
        """Whether a token lies within a quotation (not on its marks)."""
        quote = self.containing(token.idx)
        return quote is not None and quote[0] < token.idx
