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

from claimwatch.nlp.token_table import TokenTable, token_table

#: Subordinators that introduce but do not belong to a content ("that", "as" …); "whether" and
#: "if" stay, since they make the content a question.
_DROPPED_MARKS = frozenset({"as", "because", "since", "while", "although", "though", "so"})
_EDGE_DEPS = frozenset({"punct", "cc"})
_OPENING = "“\"«"
#: Characters that may close a quotation (a straight mark may also open one).
_CLOSING = "”»\""
#: Tokens that may open a quotation (a straight mark may also close one; backing off over it is harmless).
_OPENERS = frozenset({"“", "\"", "«", "''", "``"})
#: Tokens that may close a quotation; two apostrophes stand for a straight double quote.
CLOSERS = frozenset({"”", "\"", "''", "»"})
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
    punct = token_table(doc).is_punct
    return all(punct[i] for i in range(start, end))


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut punctuation, whitespace (paragraph breaks), conjunctions and a leading complementizer off
    both ends of [start, end)."""
    table = token_table(doc)  # trim runs for every reading of every candidate: no Token objects
    while start < end and _cut_before(table, start):
        start += 1
    while end > start and _cut_after(table, end - 1):
        end -= 1
    return start, end


def _cut_before(table: TokenTable, i: int) -> bool:
    dep = table.dep[i]
    return (dep in _EDGE_DEPS or table.is_punct[i] or table.is_space[i]
            or (dep == "mark" and table.lower[i] in _DROPPED_MARKS))


def _cut_after(table: TokenTable, i: int) -> bool:
    return table.is_punct[i] or table.is_space[i] or table.dep[i] == "cc"


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
            elif ch in _CLOSING:
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
        if char == 0 or (text[char - 1] not in _CLOSING and text[char - 2:char] != "''"):
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
        while char < len(text) and text[char] in " ,.;:?!":
            char += 1
        return char < len(text) and (text[char] in _CLOSING or text[char:char + 2] == "''")

    def inside(self, token: Token) -> bool:
        """Whether a token lies within a quotation (not on its marks)."""
        quote = self.containing(token.idx)
        return quote is not None and quote[0] < token.idx


#: Dependents by which a clause, not a part of the attribution phrase, hangs on a cue.
_CLAUSAL = frozenset({"ccomp", "conj", "parataxis", "xcomp", "advcl", "csubj", "dep", "acl", "relcl", "pcomp"})


def split_around(doc: Doc, content: tuple[int, int], cue: tuple[int, int], cue_token: Token,
                 quotes: QuoteIndex) -> list[tuple[int, int]] | None:
    """The pieces of a content that an attribution phrase interrupts ('"A," he said, "B."',
    'A, officials said, B', 'A, according to X, B'): the content less the cue and the words hanging
    on it (its source, "in an interview", "to reporters"), never crossing into a quotation; one piece
    when the phrase ends or opens the content ('"A," he said' cut to its sentence). None when the cue
    does not lie inside the content."""
    start, end = content
    if not (start <= cue[0] and cue[1] <= end):
        return None
    lo, hi = cue
    while lo > start and in_attribution_phrase(doc[lo - 1], cue_token, quotes):
        lo -= 1
    hi = attribution_phrase_end(doc, hi, end, cue_token, quotes)
    pieces = [p for p in (trim(doc, start, lo), trim(doc, hi, end)) if p[0] < p[1]]
    return pieces or None


def in_attribution_phrase(token: Token, cue_token: Token, quotes: QuoteIndex) -> bool:
    """Whether a token belongs to the attribution phrase of `cue_token`: punctuation outside
    quotations, or a word that hangs on the cue other than through a clause."""
    if token.is_punct:
        quote = quotes.containing(token.idx)
        return quote is None or quote[0] == token.idx or token.idx >= quote[1] - 1
    if quotes.inside(token):
        return False
    table = token_table(token.doc)
    node, cue = token.i, cue_token.i
    for _ in range(12):
        head = table.head[node]
        if head == node:
            return False
        if head == cue:
            return table.dep[node] not in _CLAUSAL
        node = head
    return False


def attribution_phrase_end(doc: Doc, start: int, limit: int, cue_token: Token, quotes: QuoteIndex) -> int:
    """Where the attribution phrase that goes on from token `start` ends, before `limit`: at the
    first token outside it, or at the opening mark of a quotation that follows a break ('he said,
    "B."'). A quoted title inside the phrase ('he told "Meet the Press" on Sunday') belongs to it."""
    at = start
    while at < limit and not doc[at].is_space and in_attribution_phrase(doc[at], cue_token, quotes):
        quote = quotes.containing(doc[at].idx)
        if quote is not None and quote[0] == doc[at].idx:
            if at == start or _follows_break(quotes.text, quote[0]):
                return at
            title = doc.char_span(quote[0], quote[1], alignment_mode="expand")
            if title is None:
                return at
            at = title.end
            continue
        at += 1
    return at


def quote_after_phrase(doc: Doc, cue: tuple[int, int], cue_token: Token, quotes: QuoteIndex) -> int | None:
    """'"A," he said, "B."': where a quotation opening right after the attribution phrase of a cue
    ends (a token index), when one does in the same paragraph; else None."""
    at = attribution_phrase_end(doc, cue[1], len(doc), cue_token, quotes)
    if at >= len(doc):
        return None
    quote = quotes.containing(doc[at].idx)
    if quote is None or quote[0] != doc[at].idx:
        return None
    span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
    return trim(doc, span.start, span.end)[1] if span is not None and len(span) > 1 else None


def _follows_break(text: str, char: int) -> bool:
    """Whether punctuation that ends a phrase (a comma, colon, dash or full stop, maybe with a
    closing quotation mark) comes right before character `char`, spaces aside."""
    before = text[max(0, char - 12):char].rstrip()  # a few characters: not a copy of the text so far
    return before.rstrip(_CLOSING + "'").endswith((",", ":", ";", ".", "-", "—", "–"))


def line_breaks(doc: Doc, text: str) -> list[int]:
    """Indices of the tokens that end a line (a newline in them or right after them), in order;
    `text` is the Doc's text. Found from the newlines of the text, not by visiting every token."""
    if "\n" not in text:
        return []
    from spacy.attrs import IDX

    starts = doc.to_array(IDX).tolist()
    found: list[int] = []
    at = text.find("\n")
    while at >= 0:
        token = bisect.bisect_right(starts, at) - 1
        if token >= 0 and (not found or found[-1] != token):
            found.append(token)
        at = text.find("\n", at + 1)
    return found


def clip_to_line(doc: Doc, breaks: list[int], content: tuple[int, int], at: int) -> tuple[int, int]:
    """A content cut to the line (paragraph) of token `at`, its cue: news paragraphs are units of
    attribution, and a content that runs past one is a sentence split the parser missed. A cue that
    ends its paragraph with a colon ('X said:') introduces the next paragraph: the content is cut to that."""
    between = doc[at + 1:content[0]]
    if content[0] > at and any(t.text == ":" for t in between) and any("\n" in t.text_with_ws for t in between) \
            and all(t.is_space or t.is_quote or t.text == ":" for t in between):
        at = content[0]
    n = bisect.bisect_left(breaks, at)
    start = breaks[n - 1] + 1 if n > 0 else 0
    if n < len(breaks):
        b = breaks[n]
        end = b if doc[b].is_space else b + 1
    else:
        end = len(doc)
    return trim(doc, max(content[0], start), min(content[1], end))
