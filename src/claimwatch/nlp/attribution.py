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

from collections.abc import Iterator

from spacy.tokens import Doc

from claimwatch.model import Claim, Source, TextSpan
from claimwatch.nlp.certainty import assess_certainty
from claimwatch.nlp.contents import QuoteIndex, trim
from claimwatch.nlp.cue_model import CueModel, features, load_model
from claimwatch.nlp.cues import CUE_NOUNS, CUE_VERBS, HEARSAY_ADVERBS, INTENTION_VERBS
from claimwatch.nlp.phrase_cues import Found, according_claim, hearsay_claim, noun_claim
from claimwatch.nlp.sources import link_pronouns
from claimwatch.nlp.state import DocState
from claimwatch.nlp.verb_claims import verb_claim

_VERBAL = frozenset({"VERB", "AUX"})
_VERB_CUES = CUE_VERBS | INTENTION_VERBS
_NOUN_CLAUSES = frozenset({"acl", "ccomp", "appos"})


def attribute_claims(doc: Doc, state: DocState, model: CueModel | None = None) -> None:
    """Add the claims of the Doc to `state.claims`, in text order of their contents: the candidates
    the cue model rates likely enough, one per cue and per content, and the author's own claims."""
    model = model or load_model()
    cands = list(candidates(doc, state))
    scored = [(model.probability(feats), item) for item, feats in cands]
    scored = [(1.0 if _always_cue(feats) else p, item) for (p, item), (_, feats) in zip(scored, cands, strict=True)]
    found = _dedupe([item for p, item in sorted(scored, key=lambda pair: -pair[0]) if p >= model.threshold])
    found.sort(key=lambda item: item.cue or item.content)
    found.extend(_author_claims(doc, found))
    _emit(doc, state, found)


#: Candidates that are cues whatever the learned model says: the unambiguous hearsay markers
#: ("according to", "reportedly") and the nouns of reports with their reported clause ("reports of C",
#: "the claim that C"), which a news corpus on another topic may rarely annotate.
_ALWAYS = frozenset({"kind=according", "kind=adverb", "kind=noun"})


def _always_cue(feats: list[str]) -> bool:
    return feats[0] in _ALWAYS and "quote=False" in feats and (feats[0] != "kind=noun" or feats[1][6:] in CUE_NOUNS)


def candidates(doc: Doc, state: DocState) -> Iterator[tuple[Found, list[str]]]:
    """Every word that could cue an attribution, with the claim it would cue and its features."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    quotes = QuoteIndex(doc, state.document.text[state.offset:state.offset + end])
    for token in doc:
        pos = token.pos_
        if token.lower_ == "according":
            item, config, kind, subject = according_claim(token, state), "according", "according", None
        elif pos == "VERB" or (pos == "AUX" and token.lemma_.lower() in _VERB_CUES):
            found = verb_claim(token, state, quotes)
            if found is None:
                continue
            item, config, subject = found
            kind = "verb"
        elif token.lower_ in HEARSAY_ADVERBS and token.dep_ == "advmod":
            item, config, kind, subject = hearsay_claim(token), "hearsay", "adverb", None
        elif pos == "NOUN" and (token.lemma_.lower() in CUE_NOUNS
                                or any(c.dep_ in _NOUN_CLAUSES for c in token.children)):
            item, config, kind, subject = noun_claim(token, state), "noun", "noun", None
        else:
            continue
        if item is None or item.content[0] >= item.content[1]:
            continue
        yield item, features(token, kind, config, subject, quotes.inside(token))


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
