"""Boilerplate that extractors leave in the text, found as excluded spans (the text never changes).

Three kinds, all decided line by line with cheap surface cues (ingest runs before any parse):

- *promotional lines* anywhere: share/subscribe/follow/click-here lines, cookie notices,
  advertisement labels, copyright lines, "Read more: …" links to other articles. A line must be
  short and open with the cue, so a sentence of the article that mentions subscribers stays.
- *trailing headlines*: the lines after the article's last paragraph that are headlines of other
  pages — short, capitalised, no closing sentence punctuation — and share no name and few content
  words with the article. The article's own last paragraph ends like a sentence or shares its
  words with the article, so it stays.
- *labelled blocks* anywhere: a label ("Related:", "More stories", "You may also like") and the
  headline-shaped lines right after it, related to the article or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimwatch.ingest.language import ENGLISH_FUNCTION_WORDS
from claimwatch.model import Excluded

UNRELATED_HEADLINES = "unrelated trailing headlines"
RELATED_BLOCK = "related-articles block"
SHARE_LINE = "share/subscribe line"
RELATED_LINK = "related-article link"
COOKIE_NOTICE = "cookie notice"
ADVERTISEMENT = "advertisement label"
COPYRIGHT = "copyright line"
CREDIT = "credit line"

_SOCIAL = r"(?:facebook|twitter|x|instagram|whatsapp|linkedin|telegram|youtube|tiktok|threads|bluesky|reddit|" \
          r"pinterest|mastodon|flipboard|google news|email|e-mail|rss)"
_LEAD = r"^[\s\W_]{0,3}"  # bullets, arrows, icons' leftovers before the words

#: (reason, pattern matched case-insensitively against one stripped line).
_PROMO_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (reason, re.compile(_LEAD + pattern, re.IGNORECASE))
    for reason, pattern in [
        (SHARE_LINE, r"(?:share|tweet|e-?mail|print|save)(?: (?:this|the))? (?:article|story|post|page|video)\b"),
        (SHARE_LINE, rf"(?:share|post)(?: it)? (?:on|via|to|with) {_SOCIAL}\b"),
        (SHARE_LINE, rf"(?:follow|find|like|join|connect with|watch) (?:us|me|@\w+)\b.{{0,80}}\b{_SOCIAL}\b"),
        (SHARE_LINE, r"follow (?:us|me|@\w+)$"),
        (SHARE_LINE, rf"follow\b.{{0,60}}\bon {_SOCIAL}\b"),
        (SHARE_LINE, r"subscribe(?: now| today| here)?\b(?: to| for|$|\W)"),
        (SHARE_LINE, r"sign up(?: now| today| here)?(?: for| to)\b.{0,80}\b(?:newsletter|alerts?|updates|e-?mails?|"
                     r"briefing|digest)\b"),
        (SHARE_LINE, r"(?:get|receive|want)\b.{0,60}\b(?:newsletter|in your inbox|delivered to your inbox)\b"),
        (SHARE_LINE, r"(?:our|the|a) (?:free |daily |weekly |morning |evening )*newsletter\b"),
        (SHARE_LINE, r"click here\b"),
        (SHARE_LINE, r"(?:download|get|install) (?:our|the) (?:free |new )?(?:\w+ )?app\b"),
        (SHARE_LINE, r"(?:support|donate to) (?:our|independent) journalism\b"),
        (RELATED_LINK, r"(?:read|see|watch|listen)(?: (?:more|also|next|now))?\s*[:|»›>\-–—]"),
        (RELATED_LINK, r"(?:related|also read|more on this(?: story)?|recommended|don'?t miss)\s*[:|»›>\-–—]"),
        (COOKIE_NOTICE, r".{0,60}\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies|"
                        r"cookie (?:policy|settings|preferences|consent))\b"),
        (ADVERTISEMENT, r"(?:advertisement|advertising|sponsored(?: content)?|ad|"
                        r"(?:the )?(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|"
                        r"continue reading (?:below|the main story)|scroll to continue(?: with content)?)\W*$"),
        (CREDIT, r"(?:additional |staff )?(?:reporting|writing|editing|compiled|translated|translation|"
                 r"contributing|research)(?: by\b|:)"),
        (CREDIT, r"(?:graphics|video|photos?|story|text) by\b"),
        (COPYRIGHT, r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|[A-Z])"),
        (COPYRIGHT, r".{0,80}\ball rights reserved\W*$"),
    ]
]
#: Promotional lines are short; a longer line that opens with a cue is a sentence of the article.
_PROMO_MAX_WORDS = 30

#: Labels that open a block of links to other articles.
_BLOCK_LABEL = re.compile(
    _LEAD + r"(?:related(?: articles| stories| news| content| coverage| posts| reading)?|"
    r"more (?:stories|news|articles|headlines|to read|from \S.{0,40}|on \S.{0,40}|like this)|"
    r"read (?:more|next|also)|also read|recommended(?: for you| stories| reading)?|"
    r"you (?:may|might) also (?:like|enjoy)|"
    r"trending(?: now| stories| news)?|most (?:read|popular|viewed|shared)|popular(?: now| stories)?|top stories|"
    r"latest(?: news| stories| headlines)?|editor'?s picks|what to read next|in other news|around the web)\W*$",
    re.IGNORECASE,
)

_HEADLINE_MAX_WORDS = 20
_TITLE_CASE_SHARE = 0.9
_HEADLINE_MAX_CHARS = 160
#: The article before trailing headlines must be at least this long, or nothing is trailing.
_MIN_BODY_WORDS = 30
#: A headline sharing this share of its content words (and at least two) with the article is related.
_RELATED_SHARE = 0.5

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_CAPITALISED = re.compile(r"(?<![.!?:\"“”'‘’\s])[ \t]+([A-Z][\w\-]*)")
_STOP = ENGLISH_FUNCTION_WORDS | frozenset(
    "a an the in on at to for is was as by so no he her all also over under will new how says i".split()
)


@dataclass
class _Line:
    start: int
    end: int  # stripped: no surrounding whitespace, no newline
    text: str


def find_boilerplate(text: str) -> list[Excluded]:
    """Excluded spans of `text`: promotional lines and trailing headlines of other articles, in order."""
    lines = [line for line in _lines(text) if line.text]
    promo = {i: reason for i, line in enumerate(lines) if (reason := promo_reason(line.text))}
    blocks: list[Excluded] = []
    for span, reason in sorted(_labelled_blocks(lines, promo) + _trailing_blocks(text, lines, promo)):
        if blocks and span[0] <= blocks[-1].span[1]:  # overlapping blocks are one block, the first one's reason
            blocks[-1].span = (blocks[-1].span[0], max(blocks[-1].span[1], span[1]))
        else:
            blocks.append(Excluded(span=span, reason=reason))
    inside = [(b.span[0], b.span[1]) for b in blocks]
    lines_apart = [
        Excluded(span=(lines[i].start, lines[i].end), reason=reason)
        for i, reason in promo.items()
        if not any(a <= lines[i].start and lines[i].end <= b for a, b in inside)
    ]
    return sorted(blocks + lines_apart, key=lambda e: e.span)


def promo_reason(line: str) -> str | None:
    """Why a stripped line is promotional boilerplate, or None when it is not."""
    if len(line.split()) > _PROMO_MAX_WORDS:
        return None
    return next((reason for reason, pattern in _PROMO_PATTERNS if pattern.match(line)), None)


def is_headline_shaped(line: str) -> bool:
    """Short, opening with a capital, not closed like a sentence: the shape of a headline or label."""
    words = line.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS or len(line) > _HEADLINE_MAX_CHARS:
        return False
    first = next((ch for ch in line if ch.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    end = line.rstrip("\"'”’)]»› ")
    if end.endswith(("...", "…")):
        return True  # a teaser cut short
    if end.endswith("."):
        return is_title_case(line)  # some sites end every headline with a period; prose is never Title Case
    return not end.endswith((",", ";", ":"))


def is_title_case(line: str) -> bool:
    """Nearly every word of four letters or more capitalised, as in headlines written In Title Case."""
    long_words = [w for w in _WORD.findall(line) if len(w) >= 4]
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return len(long_words) >= 3 and capitalised >= _TITLE_CASE_SHARE * len(long_words)


def _lines(text: str) -> Iterator[_Line]:
    for match in re.finditer(r"[^\r\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        start = match.start() + (len(raw) - len(raw.lstrip()))
        yield _Line(start, start + len(stripped), stripped)


def _content_words(text: str) -> set[str]:
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    return {w[:-2] if w.endswith("'s") else w.rstrip("'") for w in words} - _STOP


def _proper_names(text: str) -> set[str]:
    """Words written with a capital inside a sentence (names), lowercased; sentence-initial capitals are
    left out because every sentence has one."""
    return {w.lower() for w in _CAPITALISED.findall(text)} - _STOP


def _labelled_blocks(lines: list[_Line], promo: dict[int, str]) -> list[tuple[tuple[int, int], str]]:
    """A label ("Related:", "More stories") and the headline-shaped lines right after it, anywhere in the text."""
    blocks = []
    for i, line in enumerate(lines):
        if not _BLOCK_LABEL.match(line.text):
            continue
        last = i
        while last + 1 < len(lines) and (last + 1 in promo or is_headline_shaped(lines[last + 1].text)):
            last += 1
        while last > i and last in promo:
            last -= 1  # a promotional line after the block keeps its own reason
        if last > i:
            blocks.append(((line.start, lines[last].end), RELATED_BLOCK))
    return blocks


def _trailing_blocks(text: str, lines: list[_Line], promo: dict[int, str]) -> list[tuple[tuple[int, int], str]]:
    """The spans of the trailing headline block(s) and their reasons."""
    run: list[int] = []  # trailing lines that are headline-shaped or promotional, last first
    for i in range(len(lines) - 1, -1, -1):
        if i in promo or is_headline_shaped(lines[i].text):
            run.append(i)
        else:
            break
    run.reverse()
    headlines = [i for i in run if i not in promo]
    if not headlines:
        return []
    body = text[: lines[run[0]].start] if run[0] > 0 else ""
    if len(_WORD.findall(body)) < _MIN_BODY_WORDS:
        return []
    words, names = _content_words(body), _proper_names(body)
    first = None  # the earliest line from which every trailing headline is unrelated
    for n in range(len(run) - 1, -1, -1):
        i = run[n]
        if i in promo:
            continue
        if _related(lines[i].text, words, names):
            break
        first = n
    if first is None:
        return []
    kept = [i for i in run[first:] if i not in promo]
    if len(kept) == 1 and lines[kept[0]].text.rstrip("\"'”’)]»› ").endswith("."):
        return []  # one Title Case sentence is no list of headlines: it may be the article's own
    return [((lines[run[first]].start, lines[run[-1]].end), UNRELATED_HEADLINES)]


def _related(headline: str, body_words: set[str], body_names: set[str]) -> bool:
    """Does a headline speak of the article: a name of the article, or a good share of its words?"""
    own = _content_words(headline)
    if own & body_names:
        return True
    shared = own & body_words
    return len(shared) >= 2 and len(shared) >= _RELATED_SHARE * len(own)
