"""Times: dates and relative expressions, resolved against the publication date.

Candidates are spaCy's DATE entities (and TIME ones that name a day part: "this morning"),
plus a short pattern list for what the small model misses ("on Monday", "two days ago",
"Oct. 3"). Each candidate is resolved by `dates.resolve` at the precision its text gives;
expressions that name no point in time ("in recent weeks", "for years") are kept with
value None, and entity spans that are not times at all (ages, "between 3 and 5") are dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimwatch.model import Time
from claimwatch.nlp.doctext import doc_text
from claimwatch.nlp.lexicons import word_list
from claimwatch.nlp.state import DocState
from claimwatch.nlp.times.dates import MONTH_NAMES, regex_alternatives, resolve
from claimwatch.nlp.words import WEEKDAYS

_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
#: What the small model often misses; every alternative names a point or period of time.
_PATTERNS = re.compile(
    rf"\b(?:today|yesterday|tomorrow|tonight|last night"
    rf"|(?:last|this|next|earlier this|later this) (?:week|weekend|month|year)"
    rf"|{_NUMBER} (?:days?|weeks?|months?|years?|decades?) ago"
    rf"|(?:(?:last|this|next|on) )?(?:{'|'.join(WEEKDAYS)})"
    rf"|(?:{MONTH_NAMES})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?(?!\d)"
    rf"|\d{{1,2}} (?:{MONTH_NAMES})(?: \d{{4}})?"
    rf"|(?:{MONTH_NAMES}) \d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)
#: A time expression names at least one of these (a month, a weekday, a word of times_cue_words.tsv, a year in
#: digits); spaCy's DATE spans without any are not times.
_CUE = re.compile(
    rf"\b(?:{MONTH_NAMES}|{'|'.join(WEEKDAYS)}|{regex_alternatives(word_list('times_cue_words.tsv'))})\b"
    rf"|\b1\d{{3}}\b|\b20\d{{2}}\b|\b\d0s\b|\d{{4}}-\d{{2}}",
    re.IGNORECASE,
)
_IS_AGE = re.compile(r"[- ](?:years?|months?|weeks?|days?)[- ]old\b|\bof age\b|\baged?\b", re.IGNORECASE)
_DAY_PART = re.compile(r"\b(?:morning|afternoon|evening|night|tonight)\b", re.IGNORECASE)


def _candidates(doc: Doc, text: str) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Character spans (Doc coordinates) of time expressions, overlaps merged; each with the
    pattern matches inside it, to fall back on when the merged whole does not resolve."""
    ents = [(e.start_char, e.end_char) for e in doc.ents
            if e.label_ == "DATE" or (e.label_ == "TIME" and _DAY_PART.search(e.text))]
    found = [m.span() for m in _PATTERNS.finditer(text)]
    merged: list[tuple[list[int], list[tuple[int, int]]]] = []
    for start, end in sorted(ents + found):
        if merged and start < merged[-1][0][1]:
            merged[-1][0][1] = max(merged[-1][0][1], end)
        else:
            merged.append(([start, end], []))
        if (start, end) in found:
            merged[-1][1].append((start, end))
    return [((s, e), parts) for (s, e), parts in merged]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop conjunctions and punctuation that spaCy's spans sometimes carry at their edges."""
    piece = text[start:end]
    lead = re.match(r"^(?:(?:and|or)\b|[,\s])*", piece, re.IGNORECASE)
    tail = re.search(r"(?:\s*(?:\band|\bor|,|;))*\s*$", piece, re.IGNORECASE)
    new_start = start + (lead.end() if lead else 0)
    new_end = start + (tail.start() if tail else len(piece))
    return (new_start, new_end) if new_end > new_start else (start, end)


def find_times(doc: Doc, state: DocState) -> None:
    """Add every time expression of the Doc to `state.times`."""
    text = doc_text(doc, state)
    for (start, end), parts in _candidates(doc, text):
        start, end = _trimmed(text, start, end)
        piece = text[start:end]
        if not _CUE.search(piece) or _IS_AGE.search(piece):
            continue
        value = resolve(piece, state.published)
        if value is None and parts and parts != [(start, end)]:
            resolved = [(s, e, resolve(text[s:e], state.published)) for s, e in parts]
            if any(v for _, _, v in resolved):  # "today that 2023": the parts, not the whole
                for s, e, v in resolved:
                    _add(state, text, s, e, v)
                continue
        _add(state, text, start, end, value)


def _add(state: DocState, text: str, start: int, end: int, value: str | None) -> None:
    state.times.append(Time(id=state.new_id("t"), text=text[start:end], span=state.span((start, end)), value=value))
