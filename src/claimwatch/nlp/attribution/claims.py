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
(proposals.candidates), and the learned cue model decides which candidate, if any, is a cue.
Every sentence (or main clause) that none of these covers is the author's own claim.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from spacy.tokens import Doc, Token

from claimwatch import config
from claimwatch.model import Claim, Source, TextSpan
from claimwatch.nlp.attribution.candidate import Candidate
from claimwatch.nlp.attribution.contents import trim
from claimwatch.nlp.attribution.cue_model import CueModel, load_model, sigmoid
from claimwatch.nlp.attribution.cues import CUE_VERBS, HEARSAY_NOUNS, SPEECH_VERBS
from claimwatch.nlp.attribution.layout_cues import layout_claims
from claimwatch.nlp.attribution.phrase_cues import VERBAL, Found
from claimwatch.nlp.attribution.proposals import candidates
from claimwatch.nlp.attribution.rerank import prefer_readings
from claimwatch.nlp.attribution.sources import link_pronouns
from claimwatch.nlp.attribution.stated import stated_at
from claimwatch.nlp.attribution.voice import is_author_inference
from claimwatch.nlp.certainty import assess_certainty
from claimwatch.nlp.certainty.hedges import CONFIRMATION_VERBS, REFUSAL_VERBS
from claimwatch.nlp.state import DocState

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def attribute_claims(doc: Doc, state: DocState, model: CueModel | None = None) -> None:
    """Add the claims of the Doc to `state.claims`, in text order of their contents: the candidates
    the cue model rates likely enough, one per cue and per content, and the author's own claims."""
    model = model or load_model()
    cands = list(candidates(doc, state))
    if config.ACCURATE:  # imported, and its tagger loaded, only in the accurate mode
        from claimwatch.nlp.attribution.accurate import accurate_scores

        probabilities, threshold = accurate_scores(doc, model, cands, _always_cue)
    else:
        probabilities, threshold = _probabilities(model, cands)
    scored = [(p, item) for p, (item, _) in zip(probabilities, cands, strict=True)]
    # the layout's attributions first: a credit line or a speaker label is surer than any verb inside its quote
    found = _dedupe(layout_claims(doc, state) +
                    [item for p, item in sorted(scored, key=lambda pair: -pair[0]) if p >= threshold])
    found.sort(key=lambda item: item.cue or item.content)
    _borrow_sources(found)
    for item in found:
        if is_author_inference(item.cue_token):  # "This indicates that C": the article's own conclusion
            item.source = Source(None, None, "author")
    found.extend(_author_claims(doc, found))
    _emit(doc, state, found)


def _probabilities(model: CueModel, cands: list[tuple[Found, Candidate]]) -> tuple[list[float], float]:
    """How likely each candidate is a cue, and the threshold to apply: the first stage's own
    probabilities, or, when the model has a second stage, those rescored against their competitors,
    with each cue's probability on the reading its ranker prefers. Cues that are cues whatever the
    model says (_always_cue) count as certain."""
    forced = np.array([_always_cue(candidate) for _, candidate in cands], dtype=bool)
    logits, named = model.first_stage(candidate for _, candidate in cands)
    if model.rerank is None:
        first = np.array([sigmoid(logit) for logit in logits])
        return np.where(forced, 1.0, first).tolist(), model.threshold
    logits = np.array(logits)
    cues = [item.cue or item.content for item, _ in cands]
    contents = [item.content for item, _ in cands]
    values = [dict(pairs) for pairs in named]
    probabilities, reading_scores = model.rerank.scores(cues, contents, logits, values, forced)
    probabilities = np.where(forced, 1.0, probabilities)
    if reading_scores is not None:
        probabilities = prefer_readings(cues, probabilities, reading_scores)
    return probabilities.tolist(), model.rerank.threshold


#: Kinds of cue that are cues whatever the learned model says: "according to" (369 of its 419 candidates in
#: PolNeAR train are gold cues).
#: The nouns of hearsay (cues.HEARSAY_NOUNS) are too: a news corpus on another topic rarely annotates them,
#: but they are the typical claim of war reporting. Other reporting nouns and the hearsay adverbs are left
#: to the model, which does better on them than forcing them (docs/attribution.md).
_ALWAYS_KINDS = frozenset({"according"})
#: Kinds of subject that name a source: a named entity or a proper noun.
_NAMED_SUBJECTS = frozenset({"ent_PERSON", "ent_ORG", "ent_GPE", "ent_NORP", "propn"})


def _always_cue(candidate: Candidate) -> bool:
    """Whether a candidate is a cue whatever the model says: see _ALWAYS_KINDS and _named_speaker_after;
    never one inside a quotation (the words of a quoted speaker)."""
    if candidate.config == "inverted":
        return _named_speaker_after(candidate)
    if candidate.in_quote:
        return False
    return (candidate.kind in _ALWAYS_KINDS or (candidate.kind == "noun" and candidate.lemma in HEARSAY_NOUNS)
            or _refusal_to_confirm(candidate))


def _refusal_to_confirm(candidate: Candidate) -> bool:
    """'declined to comment on reports that C', 'refused to confirm C': the source's answer to a report,
    which war reporting gives as often as a confirmation and which certainty reads as one not given
    (certainty.denials)."""
    return (candidate.kind == "verb" and candidate.dep == "xcomp" and candidate.lemma in CONFIRMATION_VERBS
            and candidate.head_lemma in REFUSAL_VERBS and candidate.content_side == "after")


def _named_speaker_after(candidate: Candidate) -> bool:
    """'C, South Korea's agency announced.': a verb of saying after its content with a named source,
    which the parser misread as hanging off the content. PolNeAR's parses give this configuration too
    rarely for the model to learn it (57 candidates in train, 4 of them verbs of saying, none of them
    with a named source): a rule decides it."""
    return (candidate.lemma in SPEECH_VERBS and candidate.subject_kind in _NAMED_SUBJECTS
            and not candidate.in_quote)


def _dedupe(found: list[Found]) -> list[Found]:
    """One claim per cue and per content, the likelier first, and no report counted twice:
    - a cue that is not a verb of saying and lies inside the content of a likelier claim is a word of
      that claim ("X said the army refused to withdraw"); a verb of saying there is a nested report
      ("X said Y claimed C") and stays;
    - the other way round, a cue that is not a verb of saying and whose content holds the cue of a
      likelier claim frames that report ("continued to express concern about C", "express" the likelier);
    - two cues whose contents mostly agree are one report ("issued a statement saying C": "statement"
      and "saying", both with C): a content that shares half its tokens (F1 of the token ranges) with a
      likelier one, neither cue inside the other's content, is dropped.
    Each rule was kept for what it gained in cross-validation on PolNeAR train (docs/attribution.md)."""
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
    if subject is None and verb.dep_ == "xcomp":  # "the ministry declined to comment": the subject of its head
        subject = next((c for c in verb.head.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subject.left_edge.i, found.cue[1]) if subject is not None else None


def _emit(doc: Doc, state: DocState, found: list[Found]) -> None:
    """Turn what was found into Claims: ids and order by content, pronouns linked, stated_at."""
    claims: list[tuple[int, Claim]] = []
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
            stated_at=stated_at(item.cue_token, state),
        )
        claims.append((content_span[0], claim))
    by_source = sorted((c for _, c in claims if c.source.span), key=lambda c: c.source.span)
    link_pronouns(by_source, state, doc)
    for _, claim in sorted(claims, key=lambda pair: pair[0]):
        claim.id = state.new_id("c")
        state.claims.append(claim)


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)
