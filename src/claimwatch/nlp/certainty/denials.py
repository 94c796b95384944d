"""Denials and refusals to confirm: claims whose source rejects the content or will not stand behind it.

The walk up the parse (factuality.py) reads "denied that C" as a rejection of C, but some of the commonest
ways news reports a denial put the content where the walk does not see the rejection:
- a refusal to confirm: "did not immediately confirm that C", "declined to comment on reports that C",
  "refused to confirm C": the source does not commit to C, and the claim is the opposite of a confirmation
  (negative, uncommitted);
- a label: "called the reports a fabrication", "dismissed the claims as baseless": the source says C is false;
- a rejecting verb through the noun of the report: "refuted claims that C", "rejected reports that C".
The words are in lexicons/certainty_denials.tsv (read by hedges.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.nlp.certainty import hedges
from claimwatch.nlp.certainty.modality import Fact, is_negator

#: A refusal to confirm: no commitment, on the side of "not".
NOT_CONFIRMED: Fact = (0, -1)
#: A denial: certain, negative.
DENIED: Fact = (3, -1)
_LABEL_DEPS = frozenset({"oprd", "attr", "acomp", "xcomp", "ccomp", "advcl"})


def denial(content_head: Token, cue: Token | None) -> Fact | None:
    """The source's commitment when its claim is a denial or a refusal to confirm (NOT_CONFIRMED, DENIED);
    None when it is neither and the walk's reading stands."""
    if cue is None:
        return None
    lemma = cue.lemma_.lower()
    if lemma in hedges.CONFIRMATION_VERBS and (_negated(cue) or _refused(cue)):
        return NOT_CONFIRMED
    if lemma in hedges.LABELLING_VERBS and _labelled_false(cue):
        return DENIED
    if lemma in hedges.NEG_CLAUSE_VERBS and _through_report_noun(content_head, cue):
        return DENIED
    return None


def _negated(verb: Token) -> bool:
    return any(is_negator(c) for c in verb.children)


def _refused(verb: Token) -> bool:
    """'declined to comment', 'refused to confirm', 'would not be drawn to confirm'."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.i != verb.i and head.lemma_.lower() in hedges.REFUSAL_VERBS


def _labelled_false(verb: Token) -> bool:
    """Whether the verb labels its object false: a predicate of the object ("a fabrication", "false"),
    or an "as" phrase ("as baseless", "as lies"), whose word or modifier is a word of falsity."""
    labels = [c for c in verb.children if c.dep_ in _LABEL_DEPS]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        labels.extend(prep.children)
    return any(is_false_word(label) or any(is_false_word(m) for m in label.children if m.dep_ in ("amod", "compound"))
               for label in labels)


def is_false_word(token: Token) -> bool:
    """A word that says something is false ("fabrication", "baseless", "lies")."""
    return token.lemma_.lower() in hedges.FALSITY_WORDS or token.lower_ in hedges.FALSITY_WORDS


def _through_report_noun(content_head: Token, verb: Token) -> bool:
    """'refuted claims that C': the content is the report noun the verb takes as its object, or that noun's
    clause."""
    noun = content_head.head if content_head.dep_ in ("acl", "ccomp", "appos") else content_head
    return (noun.lemma_.lower() in hedges.REPORT_NOUNS and noun.dep_ in ("dobj", "pobj")
            and (noun.head.i == verb.i or (noun.head.dep_ == "prep" and noun.head.head.i == verb.i)))
