"""The author's own inferences: "This revelation indicates that C", "…, highlighting C".

A verb of showing or meaning whose subject points back at what the text has just told ("this", "which",
"these findings": a demonstrative on a noun of what was told, lexicons/attribution_inference_subjects.tsv),
or a participle of such a verb hanging on such a clause, is the article drawing a conclusion: the claim is
the author's, not an unnamed source's. A subject that is a source or a person ("this report", "these
voters") or "it" (as often a report or an organisation as the text) keeps the claim with that source: on
PolNeAR dev, the rule with those subjects took 7 claims from the sources, 5 of them gold attributions.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.nlp.lexicons import word_set

#: Verbs of showing and meaning (lexicons/attribution_inference_verbs.tsv).
INFERENCE_VERBS = word_set("attribution_inference_verbs.tsv")
#: Nouns of what was told, which a demonstrative makes point back at the text.
INFERENCE_SUBJECTS = word_set("attribution_inference_subjects.tsv")
#: Pronouns that point back at what the text has just told.
_ANAPHORS = frozenset({"this", "that", "which"})
#: Demonstratives that make a noun of what was told point back at it.
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})


def is_author_inference(verb: Token | None) -> bool:
    """Whether the claim cued by `verb` is the author's own inference (see the module)."""
    for _ in range(3):
        if verb is None or verb.lemma_.lower() not in INFERENCE_VERBS:
            return False
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return _points_back(subject)
        if verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head  # "…, highlighting C": the clause it hangs on decides
    return False


def _points_back(subject: Token) -> bool:
    """'this', 'which', 'this revelation', 'these findings'; not a person, a name or a source."""
    if subject.ent_type_ in _NAMED or subject.pos_ == "PROPN":
        return False
    if subject.pos_ == "PRON" or subject.tag_ == "WDT":
        return subject.lower_ in _ANAPHORS and not _relative_to_person(subject)
    return subject.lemma_.lower() in INFERENCE_SUBJECTS and any(
        c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in subject.children)


def _relative_to_person(pronoun: Token) -> bool:
    """'which' / 'that' of a relative clause on a name or a person ("the minister, who …" is not this)."""
    if pronoun.lower_ == "this" or pronoun.head.dep_ != "relcl":
        return False
    antecedent = pronoun.head.head
    return antecedent.ent_type_ in _NAMED or antecedent.pos_ == "PROPN"
