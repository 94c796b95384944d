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
Each rule gives a verb its likeliest content; the phrases of the verb's clause (its object, a
prepositional phrase, an adverbial clause …) are proposed beside it as other readings
(clause_readings.argument_readings), and the learned cue model decides which candidate, if any, is a cue.
Every sentence (or main clause) that none of these covers is the author's own claim.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator

import numpy as np
from spacy.tokens import Doc, Token

from claimwatch.model import Claim, Source, TextSpan
from claimwatch.nlp.attribution.clause_readings import argument_readings
from claimwatch.nlp.attribution.contents import QuoteIndex, clip_to_line, line_breaks, split_around, trim
from claimwatch.nlp.attribution.cue_model import (
    CueModel,
    boundary_features,
    content_features,
    features,
    lexical_features,
    load_model,
    placement_features,
)
from claimwatch.nlp.attribution.cues import (
    CUE_NOUNS,
    CUE_VERBS,
    HEARSAY_ADVERBS,
    HEARSAY_NOUNS,
    INTENTION_VERBS,
    SPEECH_VERBS,
)
from claimwatch.nlp.attribution.frame_cues import (
    adjective_claim,
    colon_claim,
    intention_claim,
    perspective_claim,
    stance_claim,
    statement_claim,
)
from claimwatch.nlp.attribution.phrase_cues import VERBAL, Found, according_claim, hearsay_claim, noun_claim
from claimwatch.nlp.attribution.readings import verb_readings
from claimwatch.nlp.attribution.rerank import prefer_readings
from claimwatch.nlp.attribution.sources import link_pronouns
from claimwatch.nlp.attribution.verb_claims import bare_verb, object_readings, verb_claim
from claimwatch.nlp.certainty import assess_certainty
from claimwatch.nlp.doctext import doc_text
from claimwatch.nlp.state import DocState

_VERB_CUES = CUE_VERBS | INTENTION_VERBS
_NOUN_CLAUSES = frozenset({"acl", "ccomp", "appos"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def attribute_claims(doc: Doc, state: DocState, model: CueModel | None = None) -> None:
    """Add the claims of the Doc to `state.claims`, in text order of their contents: the candidates
    the cue model rates likely enough, one per cue and per content, and the author's own claims."""
    model = model or load_model()
    cands = list(candidates(doc, state))
    probabilities, threshold = _probabilities(model, cands)
    scored = [(p, item) for p, (item, _) in zip(probabilities, cands, strict=True)]
    found = _dedupe([item for p, item in sorted(scored, key=lambda pair: -pair[0]) if p >= threshold])
    found.sort(key=lambda item: item.cue or item.content)
    _borrow_sources(found)
    found.extend(_author_claims(doc, found))
    _emit(doc, state, found)


def _probabilities(model: CueModel, cands: list[tuple[Found, list[str]]]) -> tuple[list[float], float]:
    """How likely each candidate is a cue, and the threshold to apply: the first stage's own
    probabilities, or, when the model has a second stage, those rescored against their competitors,
    with each cue's probability on the reading its ranker prefers. Cues that are cues whatever the
    model says (_always_cue) count as certain."""
    forced = np.array([_always_cue(feats) for _, feats in cands], dtype=bool)
    if model.rerank is None:
        first = np.array([model.probability(feats) for _, feats in cands])
        return np.where(forced, 1.0, first).tolist(), model.threshold
    logits = np.array([model.logit(feats) for _, feats in cands])
    cues = [item.cue or item.content for item, _ in cands]
    contents = [item.content for item, _ in cands]
    features = [feats for _, feats in cands]
    probabilities, reading_scores = model.rerank.scores(cues, contents, logits, features)
    probabilities = np.where(forced, 1.0, probabilities)
    if reading_scores is not None:
        probabilities = prefer_readings(cues, probabilities, reading_scores)
    return probabilities.tolist(), model.rerank.threshold


#: Candidates that are cues whatever the learned model says: "according to" (PolNeAR train: 369 of 419
#: candidates are gold cues) and the nouns of hearsay (cues.HEARSAY_NOUNS), which a news corpus on
#: another topic rarely annotates but which are the typical claim of war reporting. Other reporting
#: nouns and the hearsay adverbs are left to the model: forced, they were gold in only 108 of 315 and 22
#: of 81 candidates ("signs of progress", "evidence of", "apparently"); nested 5-fold CV on train gave
#: attribution F1 .7125 with the model's word on them against .7095 forced.
_ALWAYS = frozenset({"kind=according"})


def _always_cue(feats: list[str]) -> bool:
    if feats[3] == "config=inverted":
        return _named_speaker_after(feats)
    if "quote=False" not in feats:
        return False
    return feats[0] in _ALWAYS or (feats[0] == "kind=noun" and feats[1][6:] in HEARSAY_NOUNS)


def _named_speaker_after(feats: list[str]) -> bool:
    """'C, South Korea's agency announced.': a verb of saying after its content with a named source,
    which the parser misread as hanging off the content. PolNeAR's parses give this configuration too
    rarely for the model to learn it (57 candidates in train, 4 of them verbs of saying, none of them
    with a named source): a rule decides it."""
    return feats[1][6:] in SPEECH_VERBS and feats[4] in _NAMED_SUBJECTS and "quote=False" in feats


_NAMED_SUBJECTS = frozenset({"subj=ent_PERSON", "subj=ent_ORG", "subj=ent_GPE", "subj=ent_NORP", "subj=propn"})


def candidates(doc: Doc, state: DocState) -> Iterator[tuple[Found, list[str]]]:
    """Every word that could cue an attribution, with the claim it would cue and its features; a cue
    with several readings of its content ("praised X" / "praised X for Y") comes once per reading."""
    quotes = QuoteIndex(doc, doc_text(doc, state))
    breaks = line_breaks(doc, quotes.text)
    starts = [sent.start for sent in doc.sents]
    for token in doc:
        proposed = _propose(token, state, quotes)
        if proposed is None:
            continue
        item, config, kind, subject = proposed
        readings = [(item, config)]
        if config == "dobj":
            readings.extend(object_readings(token, item, state))
        n = bisect.bisect_right(starts, token.i)
        sent_start, sent_end = starts[n - 1], starts[n] if n < len(starts) else len(doc)
        if kind == "verb":
            if config != "none":
                readings.extend(verb_readings(token, item, config, sent_end, quotes))
            readings.extend(argument_readings(token, item, subject, (sent_start, sent_end),
                                              [r.content for r, _ in readings]))
        if item.content[1] > sent_end or item.content[0] < sent_start:  # the quotation goes on: or does it?
            inside = trim(doc, max(item.content[0], sent_start), min(item.content[1], sent_end))
            if inside[0] < inside[1]:
                readings.append((Found(item.source, item.cue, inside, item.content_head, item.cue_token),
                                 config + "_sent"))
        for reading, reading_config in readings:
            if reading.cue is not None:
                reading.content = clip_to_line(doc, breaks, reading.content, reading.cue[0])
                if reading.pieces is not None:
                    reading.pieces = _clip_pieces(doc, reading.pieces, reading.content)
            if reading.content[0] >= reading.content[1]:
                continue
            if reading.pieces is None and reading.cue is not None and reading.cue_token is not None:
                reading.pieces = split_around(doc, reading.content, reading.cue, reading.cue_token, quotes)
                if reading.pieces is not None and len(reading.pieces) == 1:
                    reading.content, reading.pieces = reading.pieces[0], None
            first, last = reading.content[0], reading.content[1] - 1
            sents = min(3, bisect.bisect_right(starts, last) - bisect.bisect_right(starts, first) + 1)
            end = (reading.pieces or [reading.content])[-1][1]
            yield reading, (
                features(token, kind, reading_config, subject, quotes.inside(token))
                + content_features(reading.content, reading.cue, reading.pieces is not None, sents,
                                   quotes.inside(doc[first]), reading_config)
                + boundary_features(doc, (first, end), reading_config)
                + lexical_features(doc, reading.content, token, subject)
                + placement_features(token, reading.content, (sent_start, sent_end), reading_config)
            )


def _clip_pieces(doc: Doc, pieces: list[tuple[int, int]], bounds: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The pieces of a content that lie within its (clipped) bounds; None when fewer than two remain."""
    kept = [p for a, b in pieces if (p := trim(doc, max(a, bounds[0]), min(b, bounds[1])))[0] < p[1]]
    return kept if len(kept) > 1 else None


def _propose(token: Token, state: DocState, quotes: QuoteIndex) -> tuple[Found, str, str, Token | None] | None:
    """The claim `token` would cue if it were a cue: (claim, configuration, kind of cue, subject)."""
    pos = token.pos_
    if token.lower_ == "according":
        item, config, kind, subject = according_claim(token, state), "according", "according", None
    elif pos == "VERB" or (pos == "AUX" and token.lemma_.lower() in _VERB_CUES):
        item, config, subject = verb_claim(token, state, quotes) or bare_verb(token, state)
        kind = "verb"
    elif token.lower_ in HEARSAY_ADVERBS and token.dep_ == "advmod":
        item, config, kind, subject = hearsay_claim(token), "hearsay", "adverb", None
    elif pos == "NOUN" and (token.lemma_.lower() in CUE_NOUNS or any(c.dep_ in _NOUN_CLAUSES for c in token.children)):
        item, config, kind, subject = noun_claim(token, state), "noun", "noun", None
        if item is None and (framed := intention_claim(token, state) or stance_claim(token, state)) is not None:
            (item, config, subject), kind = framed, "stance"
    elif pos == "NOUN" and (framed := stance_claim(token, state)) is not None:
        (item, config, subject), kind = framed, "stance"
    elif pos == "ADJ" and (framed := adjective_claim(token, state)) is not None:
        (item, config, subject), kind = framed, "adjective"
    elif token.text == ":" and (framed := colon_claim(token, state)) is not None:
        (item, config, subject), kind = framed, "colon"
    elif token.lower_ == "in" and token.dep_ == "prep" and (framed := statement_claim(token, state)) is not None:
        (item, config, subject), kind = framed, "statement"
    elif token.lower_ in ("for", "to") and token.dep_ == "prep" and (framed := perspective_claim(token, state)):
        (item, config, subject), kind = framed, "perspective"
    else:
        return None
    return (item, config, kind, subject) if item is not None else None


def _dedupe(found: list[Found]) -> list[Found]:
    """One claim per cue and per content, the likelier first, and no report counted twice:
    - a cue that is not a verb of saying and lies inside the content of a likelier claim is a word of
      that claim ("X said the army refused to withdraw"); a verb of saying there is a nested report
      ("X said Y claimed C") and stays (PolNeAR never nests attributions; nested 5-fold CV attribution
      F1 .7140 against .7125, dropping all of them .7142);
    - the other way round, a cue that is not a verb of saying and whose content holds the cue of a
      likelier claim frames that report ("continued to express concern about C", "express" the likelier)
      (.7347 against .7330 with the trees at 0.425; dropping such outer verbs of saying too .7342);
    - two cues whose contents mostly agree are one report ("issued a statement saying C": "statement"
      and "saying", both with C): a content that shares half its tokens (F1 of the token ranges) with a
      likelier one, neither cue inside the other's content, is dropped (.7330 against .7316; at
      overlap .3 to .6 all within .0002)."""
    seen_cues: set[tuple[int, int]] = set()
    seen_contents: set[tuple[int, int]] = set()
    kept: list[Found] = []
    for item in found:
        if item.cue in seen_cues or item.content in seen_contents:
            continue
        if not _reports_speech(item) and _nests_with(item, kept):
            continue
        if any(_same_report(item, other) for other in kept):
            continue
        if item.cue is not None:
            seen_cues.add(item.cue)
        seen_contents.add(item.content)
        kept.append(item)
    return kept


#: The content overlap (token F1) from which two cues report one thing: the evaluation's own criterion for
#: a content matching another.
_SAME_REPORT_OVERLAP = 0.5


def _same_report(item: Found, other: Found) -> bool:
    """Whether two claims report the same thing by two cues: their contents overlap with token F1 of
    at least one half, and neither cue lies inside the other's content (that is a nested report)."""
    if item.cue is None or other.cue is None:
        return False
    if _inside(item.cue, [other.content]) or _inside(other.cue, [item.content]):
        return False
    shared = min(item.content[1], other.content[1]) - max(item.content[0], other.content[0])
    total = (item.content[1] - item.content[0]) + (other.content[1] - other.content[0])
    return shared > 0 and 2 * shared >= total * _SAME_REPORT_OVERLAP


def _nests_with(item: Found, kept: list[Found]) -> bool:
    """Whether the cue of `item` lies inside a kept claim's content (any of its pieces), or a kept
    claim's cue inside the content of `item`."""
    if item.cue is None:
        return False
    pieces = item.pieces or [item.content]
    return any(_inside(item.cue, other.pieces or [other.content])
               or (other.cue is not None and _inside(other.cue, pieces)) for other in kept)


def _reports_speech(item: Found) -> bool:
    return item.cue_token is not None and item.cue_token.lemma_.lower() in CUE_VERBS


def _inside(span: tuple[int, int], pieces: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in pieces)


def _borrow_sources(found: list[Found]) -> None:
    """'C, the ministry said, warning that D': a verb of saying with no subject of its own that hangs
    on (or is conjoined with) another cue says D in the voice of that cue's source, whichever rule
    found that source (its subject, or the noun phrase of an inverted "C, X said")."""
    by_cue = {item.cue_token.i: item for item in found if item.cue_token is not None}
    for item in found:
        verb = item.cue_token
        if verb is None or item.source.span is not None or verb.dep_ not in ("advcl", "conj"):
            continue
        if verb.lemma_.lower() not in SPEECH_VERBS or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        governing = by_cue.get(verb.head.i) or _preceding_sibling_cue(verb, found)
        if governing is not None and governing.source.span is not None and governing.source.kind != "author":
            item.source = dataclasses.replace(governing.source)


def _preceding_sibling_cue(verb: Token, found: list[Found]) -> Found | None:
    """'C, X said on Thursday, warning that D' parsed with both verbs hanging off C: the cue just
    before the participle, on the same head, is the one it continues."""
    siblings = [item for item in found if item.cue_token is not None and item.cue_token.head.i == verb.head.i
                and item.cue_token.i < verb.i and item.cue_token.i != verb.head.i]
    return max(siblings, key=lambda item: item.cue_token.i) if siblings else None


def _author_claims(doc: Doc, found: list[Found]) -> list[Found]:
    """The outlet's own claims: each sentence none of `found` touches, or the part of a sentence
    before the attributions in it when its main verb is not itself reported."""
    covered = sorted(r for f in found for r in (f.content, f.cue, _speaker_range(f)) if r is not None)
    result = []
    at = 0
    for sent in doc.sents:
        while at < len(covered) and covered[at][1] <= sent.start:
            at += 1
        inside = [r for r in covered[at:] if r[0] < sent.end and r[1] > sent.start]
        root = sent.root
        if not any(t.pos_ in VERBAL for t in sent):
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


def _speaker_range(found: Found) -> tuple[int, int] | None:
    """The tokens from a cue verb's own subject to the cue ("… and the army said"): part of the
    attribution, so an author's claim before it ends before the subject (and the "and" that joins them)."""
    verb = found.cue_token
    if verb is None or found.cue is None:
        return None
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subject.left_edge.i, found.cue[1]) if subject is not None else None


def _emit(doc: Doc, state: DocState, found: list[Found]) -> None:
    """Turn what was found into Claims: ids and order by content, pronouns linked, stated_at."""
    claims: list[tuple[int, Claim]] = []
    published = state.published.isoformat() if state.published else None
    for item in found:
        content_span = state.span((doc[item.content[0]].idx, _end_char(doc, item.content[1])))
        content = TextSpan(state.text_of(content_span), content_span)
        if item.pieces:
            pieces = [state.span((doc[a].idx, _end_char(doc, b))) for a, b in item.pieces]
            content = TextSpan(" … ".join(state.text_of(p) for p in pieces), content_span, pieces)
        cue = None
        if item.cue is not None:
            cue_span = state.span((doc[item.cue[0]].idx, _end_char(doc, item.cue[1])))
            cue = TextSpan(state.text_of(cue_span), cue_span)
        certainty, polarity = assess_certainty(item.content_head, item.cue_token)
        claim = Claim(
            id="",
            source=item.source,
            cue=cue,
            content=content,
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
