"""Sentence case for title-case lines, so that the parser reads headlines as it reads prose.

Headlines and subheads are often set in Title Case ("Senator Rejects Claims On Budget") or in capitals.
The tagger, trained on prose, then takes every capitalised word for a proper noun, and the parse of the
line falls apart: the verb is not a verb, so no cue is found there. A truecaser that decides each word's
case from how the same document writes it elsewhere is the usual remedy. The document's own prose is the
best evidence there is: a name is written capitalised in mid-sentence, a common word in lower case.

Only the case of letters changes, one character for one, so every offset into the text the parser sees
is an offset into the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

#: A word: letters, with an apostrophe's ending ("Clinton's", "Don't"), or initials with full stops ("U.S.").
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)?")
_POSSESSIVE = re.compile(r"['’]s$")
#: Characters after which a capital starts a sentence and says nothing about the word.
_SENTENCE_OPENERS = frozenset(".!?:;\"“‘'([—–\n")
#: A line is set in title case (or capitals) when at least this share of its words of four letters or
#: more after the first begins with a capital (a line of prose with many names still has its verbs) ...
TITLE_SHARE = 0.9
#: ... and it has at least this many such words: shorter lines say too little to tell.
MIN_LONG_WORDS = 3
#: A title line is recased only when at least this share of its capitalised words occur in the prose: a
#: list of names, a byline or a link to another story shares few words with the article, and its
#: casing would be guessed rather than read.
MIN_SEEN_SHARE = 0.5
#: An abbreviation's full stop ("Mr.", "Sen.", "U.S.") does not end the sentence: a capitalised word of at
#: most this many letters before a full stop is taken for one.
ABBREVIATION_LETTERS = 4
_LAST_WORD = re.compile(r"([^\W\d_]+)\.$")


def _is_title_line(words: list[str]) -> bool:
    long = [w for w in words[1:] if len(w) >= 4]
    return len(long) >= MIN_LONG_WORDS and sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


@dataclass
class CasingEvidence:
    """How the document's prose (its lines not in title case) writes each word, by its lower-case form."""

    lower: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)  # in mid-sentence only
    capitals: Counter[str] = field(default_factory=Counter)  # all capitals, two letters or more

    def add_line(self, line: str, words: list[re.Match[str]]) -> None:
        """Count the words of one line (`words`: its _WORD matches)."""
        for match in words:
            word, key = match.group(), _key(match.group())
            if word.islower():
                self.lower[key] += 1
            elif len(word) > 1 and word.isupper():
                self.capitals[key] += 1
            elif word[0].isupper() and not _opens_sentence(line, match.start()):
                self.capitalised[key] += 1

    def seen(self, key: str) -> bool:
        return bool(self.lower[key] or self.capitalised[key] or self.capitals[key])


def _key(word: str) -> str:
    """How the evidence files a word: in lower case, a possessive's ending taken off."""
    return _POSSESSIVE.sub("", word.lower())


def _opens_sentence(line: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence. It looks back only past the spaces and at most one
    short word: a copy of the line so far for every word made long lines cost quadratic time."""
    i = start - 1
    while i >= 0 and line[i].isspace():
        i -= 1
    if i < 0:
        return True
    # A longer word before the full stop is cut at ABBREVIATION_LETTERS + 1 letters: too long either way.
    if line[i] == "." and (m := _LAST_WORD.search(line, max(0, i - ABBREVIATION_LETTERS - 1), i + 1)):
        word = m.group(1)
        return not (word[0].isupper() and len(word) <= ABBREVIATION_LETTERS)
    return line[i] in _SENTENCE_OPENERS


def _inner_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return not word.isupper() and any(c.isupper() for c in letters[1:])


def _lowered(word: str) -> str:
    """The word in lower case, letter for letter (a letter whose lower case is longer stays)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)


def _as_title(word: str) -> str:
    return word[0] + _lowered(word[1:])


def _recased(word: str, evidence: CasingEvidence, shouting: bool) -> str:
    """The word as the prose would write it in mid-sentence. A word the prose never uses is taken for a
    common word, as most words are; in a line of mixed case, capitals the prose never explains are kept
    (an acronym)."""
    key = _key(word)
    if not evidence.seen(key):
        return word if (word.isupper() and len(word) > 1 and not shouting) else _lowered(word)
    low, cap, caps = evidence.lower[key], evidence.capitalised[key], evidence.capitals[key]
    if caps >= max(low, cap):
        return word
    if cap >= low:
        return _as_title(word) if word.isupper() else word
    return _lowered(word)


def sentence_case_titles(text: str) -> str:
    """The text with its title-case lines in sentence case, from the casing of the rest of the text;
    the same length, and the same text wherever no line is in title case."""
    lines = text.split("\n")
    words = [list(_WORD.finditer(line)) for line in lines]
    titled = [_is_title_line([m.group() for m in w]) for w in words]
    if not any(titled):
        return text
    evidence = CasingEvidence()
    for line, line_words, is_title in zip(lines, words, titled, strict=True):
        if not is_title:
            evidence.add_line(line, line_words)
    out = []
    for line, line_words, is_title in zip(lines, words, titled, strict=True):
        out.append(_sentence_case(line, line_words, evidence) if is_title else line)
    return "\n".join(out)


def _sentence_case(line: str, matches: list[re.Match[str]], evidence: CasingEvidence) -> str:
    capitalised = [_key(m.group()) for m in matches[1:] if m.group()[0].isupper()]
    if sum(evidence.seen(w) for w in capitalised) < MIN_SEEN_SHARE * len(capitalised):
        return line
    long = [m.group() for m in matches if len(m.group()) >= 4]
    shouting = sum(w.isupper() for w in long) > len(long) / 2
    pieces, at = [], 0
    for n, match in enumerate(matches):
        word = match.group()
        if not word[0].isupper() or _inner_capitals(word):
            continue  # lower case already, or a name by its form ("McCain", "iPhone")
        new = _recased(word, evidence, shouting)
        if n == 0 or _opens_sentence(line, match.start()):
            new = word[0] + new[1:]  # a sentence's first word keeps its capital
        pieces.append(line[at:match.start()])
        pieces.append(new)
        at = match.end()
    pieces.append(line[at:])
    return "".join(pieces)
