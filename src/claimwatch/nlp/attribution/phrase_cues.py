"""Attribution cued by phrases rather than verbs: "according to X", hearsay adverbs, reporting nouns.

These are the cues whose source is not the subject of a verb: "C, according to X" (X),
"X reportedly did C" (nobody named), "reports of C" / "his claim that C" (the reports, him).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimwatch.model import Source
from claimwatch.nlp.attribution.contents import clause_range, trim
from claimwatch.nlp.attribution.cues import CUE_VERBS, OF_CONTENT_NOUNS, UNNAMED_SOURCE_NOUNS
from claimwatch.nlp.attribution.sources import make_source
from claimwatch.nlp.state import DocState

#: The parts of speech of a verb (spaCy tags a reporting "be"/"have" as AUX).
VERBAL = frozenset({"VERB", "AUX"})


@dataclass
class Found:
    """A claim found in the Doc before it gets its id: token ranges of the Doc."""

    source: Source
    cue: tuple[int, int] | None
    content: tuple[int, int]
    content_head: Token
    cue_token: Token | None
    #: Where an attribution phrase interrupts the content: its pieces, in order (see contents.split_around).
    pieces: list[tuple[int, int]] | None = None


def according_claim(token: Token, state: DocState) -> Found | None:
    """'C, according to X' / 'According to X, C'."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    head = token.head
    while head.pos_ not in VERBAL and head.dep_ != "ROOT" and head.head != head:
        head = head.head
    sent = token.sent
    if trim(token.doc, sent.start, token.left_edge.i)[0] >= token.left_edge.i or \
            trim(token.doc, token.right_edge.i + 1, sent.end)[0] >= sent.end:
        head = sent.root  # "…, according to X." at either end of the sentence covers all of it
    cue_end = to.i + 1
    content = clause_range(head, (token.left_edge.i, token.right_edge.i + 1))
    return Found(make_source(source, state), (token.i, cue_end), content, head, token)


def hearsay_claim(adverb: Token) -> Found | None:
    """'X reportedly did C': an unnamed source for the clause."""
    head = adverb.head
    content = clause_range(head)
    return Found(Source(None, None, "unnamed"), (adverb.i, adverb.i + 1), content, head, adverb)


def noun_claim(noun: Token, state: DocState) -> Found | None:
    """'reports of C', 'the claim that C', 'his view that C'."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "appos") and child.pos_ in VERBAL:
            if child.lemma_.lower() in CUE_VERBS:
                return None  # "reports indicating that C": the verb is the cue
            if has_mark(child, "that"):
                return Found(noun_source(noun, state), (noun.i, noun.i + 1), clause_range(child), child, noun)
    if noun.lemma_.lower() in OF_CONTENT_NOUNS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
        if pobj is not None:
            return Found(noun_source(noun, state), (noun.i, noun.i + 1), clause_range(pobj), pobj, noun)
    return None


def noun_source(noun: Token, state: DocState) -> Source:
    """Who holds a reported statement: its possessor ("his claim"), else the noun itself when it
    names a kind of source ("reports"), else nobody named."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return make_source(owner, state)
    if noun.lemma_.lower() in UNNAMED_SOURCE_NOUNS:  # the noun and its modifiers, not what it reports
        span = state.span((noun.left_edge.idx, noun.idx + len(noun.text)))
        return Source(state.text_of(span), span, "unnamed")
    return Source(None, None, "unnamed")


def has_mark(verb: Token, word: str) -> bool:
    """Whether a clause is introduced by `word` ("that", "as")."""
    return any(c.dep_ == "mark" and c.lower_ == word for c in verb.children)
