"""Which words the rules propose as attribution cues, with which readings of their content.

Every token is offered to the rules in turn (_propose): a verb to verb_claims.py, "according to",
hearsay adverbs and reporting nouns to phrase_cues.py, colons, "in a statement", stance nouns and
adjectives to frame_cues.py. A rule that takes it gives a Proposal: the likeliest content, the
configuration that found it, the kind of cue and its subject. The other readings of the content
(readings.py, clause_readings.py, verb_claims.object_readings) are added beside it; each reading,
clipped to the cue's line and split around an attribution phrase that interrupts it, becomes one
candidate, described for the cue model (candidate.describe_candidate), which decides which are cues.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.attrs import LOWER, POS
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from claimwatch.nlp.attribution.candidate import Candidate, cue_facts, describe_candidate
from claimwatch.nlp.attribution.clause_readings import argument_readings
from claimwatch.nlp.attribution.contents import QuoteIndex, clip_to_line, line_breaks, split_around, trim
from claimwatch.nlp.attribution.cues import CUE_NOUNS, CUE_VERBS, HEARSAY_ADVERBS, INTENTION_VERBS
from claimwatch.nlp.attribution.frame_cues import (
    adjective_claim,
    colon_claim,
    intention_claim,
    perspective_claim,
    stance_claim,
    statement_claim,
)
from claimwatch.nlp.attribution.phrase_cues import Found, according_claim, hearsay_claim, noun_claim
from claimwatch.nlp.attribution.readings import verb_readings
from claimwatch.nlp.attribution.verb_claims import bare_verb, object_readings, verb_claim
from claimwatch.nlp.doctext import doc_text
from claimwatch.nlp.state import DocState

Range = tuple[int, int]
#: A reading of a cue's content and the name of the configuration that found it.
Reading = tuple[Found, str]

_VERB_CUES = CUE_VERBS | INTENTION_VERBS
_NOUN_CLAUSES = frozenset({"acl", "ccomp", "appos"})


@dataclass(frozen=True)
class Proposal:
    """What a rule proposes for one cue word: the claim it would cue, the configuration that found its
    content, the kind of cue (Candidate.kind) and the cue's subject (None when it has none)."""

    found: Found
    config: str
    kind: str
    subject: Token | None


def candidates(doc: Doc, state: DocState) -> Iterator[tuple[Found, Candidate]]:
    """Every word that could cue an attribution, with the claim it would cue and its description for the
    cue model; a cue with several readings of its content ("praised X" / "praised X for Y") comes once per
    reading."""
    quotes = QuoteIndex(doc, doc_text(doc, state))
    breaks = line_breaks(doc, quotes.text)
    starts = [sent.start for sent in doc.sents]
    for i in _proposable(doc):
        token = doc[i]
        proposal = _propose(token, state, quotes)
        if proposal is None:
            continue
        n = bisect.bisect_right(starts, token.i)
        sentence = (starts[n - 1], starts[n] if n < len(starts) else len(doc))
        facts = None  # read once for all the cue's readings
        for reading, config in _readings(token, proposal, sentence, state, quotes):
            if not _fit_to_line(doc, reading, breaks, quotes):
                continue
            first, last = reading.content[0], reading.content[1] - 1
            sentences = bisect.bisect_right(starts, last) - bisect.bisect_right(starts, first) + 1
            facts = facts or cue_facts(token, proposal.kind, proposal.subject, sentence, quotes)
            yield reading, describe_candidate(token, proposal.kind, config, proposal.subject, reading, sentence,
                                              sentences, quotes, facts)


def _readings(token: Token, proposal: Proposal, sentence: Range, state: DocState,
              quotes: QuoteIndex) -> list[Reading]:
    """The proposed content and its other readings: an object's wider and inner readings, a verb's
    alternative readings (readings.verb_readings) and the phrases of its clause
    (clause_readings.argument_readings), and the content cut to the cue's sentence where it runs past it."""
    found, config = proposal.found, proposal.config
    readings = [(found, config)]
    if config == "dobj":
        readings.extend(object_readings(token, found, state))
    sent_start, sent_end = sentence
    if proposal.kind == "verb":
        if config != "none":
            readings.extend(verb_readings(token, found, config, sent_end, quotes))
        readings.extend(argument_readings(token, found, proposal.subject, sentence, [r.content for r, _ in readings]))
    if found.content[1] > sent_end or found.content[0] < sent_start:  # the quotation goes on: or does it?
        inside = trim(token.doc, max(found.content[0], sent_start), min(found.content[1], sent_end))
        if inside[0] < inside[1]:
            readings.append((Found(found.source, found.cue, inside, found.content_head, found.cue_token),
                             config + "_sent"))
    return readings


def _fit_to_line(doc: Doc, reading: Found, breaks: list[int], quotes: QuoteIndex) -> bool:
    """Cut a reading (in place) to the line of its cue and split it into pieces around an attribution
    phrase that interrupts it ('"A," he said, "B."'); False when nothing of it is left."""
    if reading.cue is not None:
        reading.content = clip_to_line(doc, breaks, reading.content, reading.cue[0])
        if reading.pieces is not None:
            reading.pieces = _clip_pieces(doc, reading.pieces, reading.content)
    if reading.content[0] >= reading.content[1]:
        return False
    if reading.pieces is None and reading.cue is not None and reading.cue_token is not None:
        reading.pieces = split_around(doc, reading.content, reading.cue, reading.cue_token, quotes)
        if reading.pieces is not None and len(reading.pieces) == 1:
            reading.content, reading.pieces = reading.pieces[0], None
    return True


def _clip_pieces(doc: Doc, pieces: list[Range], bounds: Range) -> list[Range] | None:
    """The pieces of a content that lie within its (clipped) bounds; None when fewer than two remain."""
    kept = [p for a, b in pieces if (p := trim(doc, max(a, bounds[0]), min(b, bounds[1])))[0] < p[1]]
    return kept if len(kept) > 1 else None


#: The parts of speech and the words (lower case) of every token _propose may take: each of its rules asks
#: for one or the other first.
_PROPOSABLE_POS = frozenset({VERB, AUX, NOUN, ADJ})
_PROPOSABLE_WORDS = frozenset({"according", ":", "in", "for", "to"}) | HEARSAY_ADVERBS


def _proposable(doc: Doc) -> list[int]:
    """The tokens _propose may take, read off the Doc's arrays: most words are none of them, and making a
    Token object of every word to ask costs more than the asking."""
    words = {doc.vocab.strings[word] for word in _PROPOSABLE_WORDS}  # the hashes, as the array holds them
    return [i for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist())
            if pos in _PROPOSABLE_POS or lower in words]


def _propose(token: Token, state: DocState, quotes: QuoteIndex) -> Proposal | None:
    """The claim `token` would cue if it were a cue, by the first rule that takes a word like it; None
    when no rule does or the rule finds nothing."""
    pos = token.pos_
    if token.lower_ == "according":
        return _proposal(according_claim(token, state), "according", "according")
    if pos == "VERB" or (pos == "AUX" and token.lemma_.lower() in _VERB_CUES):
        found, config, subject = verb_claim(token, state, quotes) or bare_verb(token, state)
        return Proposal(found, config, "verb", subject)
    if token.lower_ in HEARSAY_ADVERBS and token.dep_ == "advmod":
        return _proposal(hearsay_claim(token), "hearsay", "adverb")
    if pos == "NOUN" and (token.lemma_.lower() in CUE_NOUNS or any(c.dep_ in _NOUN_CLAUSES for c in token.children)):
        found = noun_claim(token, state)
        if found is None and (framed := intention_claim(token, state) or stance_claim(token, state)) is not None:
            return _framed(framed, "stance")
        return _proposal(found, "noun", "noun")
    if pos == "NOUN" and (framed := stance_claim(token, state)) is not None:
        return _framed(framed, "stance")
    if pos == "ADJ" and (framed := adjective_claim(token, state)) is not None:
        return _framed(framed, "adjective")
    if token.text == ":" and (framed := colon_claim(token, state)) is not None:
        return _framed(framed, "colon")
    if token.lower_ == "in" and token.dep_ == "prep" and (framed := statement_claim(token, state)) is not None:
        return _framed(framed, "statement")
    if token.lower_ in ("for", "to") and token.dep_ == "prep" and (framed := perspective_claim(token, state)):
        return _framed(framed, "perspective")
    return None


def _proposal(found: Found | None, config: str, kind: str) -> Proposal | None:
    """The proposal of a phrase rule, which gives no subject; None when it found nothing."""
    return Proposal(found, config, kind, None) if found is not None else None


def _framed(framed: tuple[Found, str, Token | None], kind: str) -> Proposal:
    """The proposal of a frame rule (frame_cues.py), which gives its claim, configuration and subject."""
    found, config, subject = framed
    return Proposal(found, config, kind, subject)
