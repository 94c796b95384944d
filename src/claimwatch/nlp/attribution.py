"""Attribution: who asserts what, with which cue.

Dependency rules over the parse, one pass over the tokens:
- a reporting verb ("say", "believe", "point out") with a clausal complement: the complement
  is the content, the subject the source ("X said that C", "C, X said");
- a reporting verb in a parenthetical or an "as" clause ("C, he notes, C"; "As experts note, C"):
  the clause it hangs on is the content;
- "according to X", C: X is the source of the clause;
- hearsay adverbs ("reportedly", "allegedly"): an unnamed source for the clause;
- reporting nouns ("reports of X", "the claim that C", "his view that C");
- "X said:" followed by a quotation: the quotation.
Every sentence (or main clause) that none of these covers is the author's own claim.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimwatch.model import Claim, Source, TextSpan
from claimwatch.nlp.certainty import assess_certainty
from claimwatch.nlp.contents import QuoteIndex, clause_range, trim
from claimwatch.nlp.cues import (
    ADDRESSEE_VERBS,
    CUE_NOUNS,
    CUE_VERBS,
    EVALUATION_VERBS,
    HEARSAY_ADVERBS,
    INTENTION_VERBS,
    PARTICLE_VERBS,
    SPEECH_VERBS,
)
from claimwatch.nlp.phrase_cues import Found, according_claim, has_mark, hearsay_claim, noun_claim
from claimwatch.nlp.sources import link_pronouns, make_source, phrase_bounds, subject_of
from claimwatch.nlp.state import DocState

_VERBAL = frozenset({"VERB", "AUX"})
_CLAUSAL = frozenset({"ccomp"})
_VERB_CUES = CUE_VERBS | INTENTION_VERBS
_PARTICLE_ONLY = frozenset(verb for verb, _ in PARTICLE_VERBS)
_NOMINAL = frozenset({"NOUN", "PROPN"})
_MODIFIERS = frozenset({"poss", "compound", "case", "det", "amod"})
_OTHER_CLAUSES = frozenset({"advcl", "conj", "xcomp", "parataxis"})

def attribute_claims(doc: Doc, state: DocState) -> None:
    """Add the claims of the Doc to `state.claims`, in text order of their contents."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    quotes = QuoteIndex(doc, state.document.text[state.offset:state.offset + end])
    found: list[Found] = []
    for token in doc:
        lower = token.lower_
        if quotes.inside(token):
            continue  # what a quoted speaker says or thinks is part of their quotation
        if token.pos_ in _VERBAL and token.lemma_.lower() in _VERB_CUES:
            item = _verb_claim(token, state, quotes)
        elif lower == "according":
            item = according_claim(token, state)
        elif lower in HEARSAY_ADVERBS and token.dep_ == "advmod":
            item = hearsay_claim(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in CUE_NOUNS:
            item = noun_claim(token, state)
        else:
            continue
        if item is not None and item.content[0] < item.content[1]:
            found.append(item)
    found = _dedupe(found)
    found.extend(_author_claims(doc, found))
    _emit(doc, state, found)


def _verb_claim(verb: Token, state: DocState, quotes: QuoteIndex) -> Found | None:
    """A claim cued by a reporting verb, if the verb has something to report."""
    lemma = verb.lemma_.lower()
    cue = _cue_range(verb)
    complement = next((c for c in verb.children if c.dep_ in _CLAUSAL), None)
    if complement is None and lemma in INTENTION_VERBS:
        complement = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if lemma not in CUE_VERBS and complement is None:
        return None
    if lemma in _PARTICLE_ONLY and not any((lemma, c.lower_) in PARTICLE_VERBS for c in verb.rights):
        return None  # "point" is a cue only as "point out"
    subject = subject_of(verb)
    if subject is None and complement is None:
        inverted = _inverted(verb)
        if inverted is not None:
            source_head, content = inverted
            return Found(make_source(source_head, state), cue, content, verb.head, verb)
    if complement is not None:
        content = clause_range(complement)
        head = complement
    elif verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and has_mark(verb, "as")):
        # "C, he notes, C" / "As experts note, C": the content is the clause the cue hangs on
        head = verb.head
        content = clause_range(head, (verb.left_edge.i, verb.right_edge.i + 1))
    else:
        quote = _following_quote(verb, quotes) or _preceding_quote(verb, quotes) or _object(verb)
        if quote is None:
            return None
        content, head = quote
    content = quotes.widen(*content, cue)
    if _may_continue(verb, content, cue, quotes, head):
        continued = quotes.continued(verb.sent.end)
        if continued > verb.sent.end:
            content = (content[0], continued)
    if subject is None:
        return None
    return Found(make_source(subject, state), cue, content, head, verb)


def _inverted(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """'C, South Korea's agency announced today.' parsed with the source hanging off the content:
    the noun phrase right before a sentence-final cue is its source, the clause before it the content."""
    doc = verb.doc
    if verb.dep_ not in ("advcl", "conj", "parataxis") or verb.head.i > verb.i or verb.i == 0:
        return None
    before = doc[verb.i - 1]
    if before.pos_ not in _NOMINAL:
        return None
    start, _ = phrase_bounds(before)
    if start > 0 and doc[start - 1].text == "'s" or doc[start].dep_ == "case":
        return None
    while start > 0 and doc[start - 1].dep_ in _MODIFIERS and doc[start - 1].head.i >= start - 1:
        start -= 1
    content = trim(doc, verb.head.left_edge.i, start)
    if content[1] - content[0] < 3:
        return None
    return before, content


def _may_continue(verb: Token, content: tuple[int, int], cue: tuple[int, int], quotes: QuoteIndex,
                  head: Token) -> bool:
    """Whether the quotation after the cue's sentence still belongs to this content: the content
    is a clause that ends the sentence or a quotation before the cue, and nothing else (", adding
    that …") follows the cue in its sentence."""
    if head.dep_ in ("dobj", "oprd", "attr", "pobj"):
        return False
    if any(c.dep_ in _OTHER_CLAUSES and c.i > cue[1] for c in verb.children):
        return False
    sent_end = trim(verb.doc, verb.sent.start, verb.sent.end)[1]
    return (content[1] <= cue[0] and quotes.ends_quotation(content[1])) or content[1] >= sent_end


def _cue_range(verb: Token) -> tuple[int, int]:
    """The cue's tokens: the verb, and its particle for phrasal reporting verbs ("points out")."""
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ in ("prt", "acomp") and (verb.lemma_.lower(), child.lower_) in PARTICLE_VERBS:
            end = child.i + 1
    return verb.i, end


def _following_quote(verb: Token, quotes: QuoteIndex) -> tuple[tuple[int, int], Token] | None:
    """'X said: "C"': a quotation opening right after the verb (and a colon or comma)."""
    doc = verb.doc
    at = verb.i + 1
    while at < len(doc) and at <= verb.i + 3 and doc[at].is_punct and doc[at].text in ":,":
        at += 1
    if at >= len(doc) or at == verb.i + 1:
        return None
    quote = quotes.containing(doc[at].idx)
    if quote is None or quote[0] != doc[at].idx:
        return None
    span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
    if span is None:
        return None
    start, end = trim(doc, span.start, span.end)
    if start >= end:
        return None
    return (start, end), span.root


def _preceding_quote(verb: Token, quotes: QuoteIndex) -> tuple[tuple[int, int], Token] | None:
    """'"C," X told reporters': a quotation that ends right before the verb and its subject."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    first = min(verb.i, subject.left_edge.i) if subject is not None and subject.i < verb.i else verb.i
    found = quotes.preceding(first)
    if found is None or found[0] >= found[1]:
        return None
    return found, verb.doc[found[0]:found[1]].root


def _object(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """'X announced his resignation', 'X called the plan "a failure"': the object and what
    is predicated of it, for verbs whose object is what they report."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS and lemma not in EVALUATION_VERBS:
        return None  # "saw the crowd" is perception, not a report
    if lemma in ADDRESSEE_VERBS:
        parts = [c for c in verb.rights if c.dep_ in ("xcomp", "oprd")]
        if parts:
            parts += [c for c in verb.rights if c.dep_ == "dobj"]
    else:
        parts = [c for c in verb.rights if c.dep_ in ("dobj", "oprd", "xcomp", "attr")]
        if not parts:  # "called for X", "pointed to X"
            parts = [p for c in verb.rights if c.dep_ == "prep" and c.i == verb.i + 1
                     for p in c.children if p.dep_ == "pobj"]
    if not parts:
        return None
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    head = min(parts, key=lambda p: p.i)
    start, end = trim(verb.doc, start, end)
    return ((start, end), head) if start < end else None


def _dedupe(found: list[Found]) -> list[Found]:
    """One claim per cue and per content: the first rule that found it wins."""
    seen_cues: set[tuple[int, int]] = set()
    seen_contents: set[tuple[int, int]] = set()
    kept = []
    for item in found:
        if item.cue in seen_cues or item.content in seen_contents:
            continue
        if item.cue is not None:
            seen_cues.add(item.cue)
        seen_contents.add(item.content)
        kept.append(item)
    return kept


def _author_claims(doc: Doc, found: list[Found]) -> list[Found]:
    """The outlet's own claims: each sentence none of `found` touches, or the part of a sentence
    before the attributions in it when its main verb is not itself reported."""
    covered = sorted(r for f in found for r in (f.content, f.cue) if r is not None)
    result = []
    at = 0
    for sent in doc.sents:
        while at < len(covered) and covered[at][1] <= sent.start:
            at += 1
        inside = [r for r in covered[at:] if r[0] < sent.end and r[1] > sent.start]
        root = sent.root
        if not any(t.pos_ in _VERBAL for t in sent):
            continue
        if not inside:
            start, end = trim(doc, sent.start, sent.end)
        else:
            first = min(r[0] for r in inside)
            if any(r[0] <= root.i < r[1] for r in inside) or first <= sent.start + 2:
                continue
            start, end = trim(doc, sent.start, first)
            if not start <= root.i < end:
                continue
        if end - start >= 3:
            result.append(Found(Source(None, None, "author"), None, (start, end), root, None))
    return result


def _emit(doc: Doc, state: DocState, found: list[Found]) -> None:
    """Turn what was found into Claims: ids and order by content, pronouns linked, stated_at."""
    claims: list[tuple[int, Claim]] = []
    published = state.published.isoformat() if state.published else None
    for item in found:
        content_span = state.span((doc[item.content[0]].idx, _end_char(doc, item.content[1])))
        cue = None
        if item.cue is not None:
            cue_span = state.span((doc[item.cue[0]].idx, _end_char(doc, item.cue[1])))
            cue = TextSpan(state.text_of(cue_span), cue_span)
        certainty, polarity = assess_certainty(item.content_head, item.cue_token)
        claim = Claim(
            id="",
            source=item.source,
            cue=cue,
            content=TextSpan(state.text_of(content_span), content_span),
            certainty=certainty,
            polarity=polarity,
            stated_at=_stated_at(item, content_span, state) or published,
        )
        claims.append((content_span[0], claim))
    by_source = sorted((c for _, c in claims if c.source.span), key=lambda c: c.source.span)
    link_pronouns(by_source, state)
    for _, claim in sorted(claims, key=lambda pair: pair[0]):
        claim.id = state.new_id("c")
        state.claims.append(claim)


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def _stated_at(item: Found, content_span: tuple[int, int], state: DocState) -> str | None:
    """The time the cue verb itself carries ("announced today"), outside the content."""
    if item.cue_token is None or not state.times:
        return None
    verb = item.cue_token
    lo, hi = state.span((verb.left_edge.idx, _end_char(verb.doc, verb.right_edge.i + 1)))
    for time in state.times:
        start, end = time.span
        if lo <= start and end <= hi and (end <= content_span[0] or start >= content_span[1]) and time.value:
            return time.value
    return None
