"""Readings of a verb cue's content taken from the phrases around it rather than from a rule.

The rules (verb_claims.py, readings.py) each give a verb its likeliest content. When the parse or the
rule misses, what the verb reports is still usually one phrase of its clause ("warned of [an attack]",
"praised X [for Y]"). argument_readings proposes those phrases, each named by its path in the parse,
and the cue model learns from PolNeAR which of them are reports for which verbs.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.nlp.attribution.contents import trim
from claimwatch.nlp.attribution.phrase_cues import Found

#: The dependents of a verb that may be what it reports, and inside a prepositional or object phrase the
#: phrases that may be (a preposition's object; a prepositional phrase or clause on the object). The
#: paths whose readings were almost never gold on PolNeAR train are left out: the subject (18 of 4,343
#: readings that are not the source), a bare noun of time ("said Monday": 38 of 2,264), the indirect
#: object, the agent, a preposition's own preposition, the clause a complement hangs on.
_ARGUMENT_DEPS = frozenset({"dobj", "prep", "advcl", "conj", "ccomp", "xcomp", "oprd"})
_NESTED_DEPS = {"prep": frozenset({"pobj", "pcomp"}), "dobj": frozenset({"prep", "acl", "relcl"})}
#: How a verb may hang on the clause it comments on.
_GOVERNING_DEPS = frozenset({"advcl", "acl", "xcomp", "conj", "parataxis"})


def argument_readings(verb: Token, found: Found, subject: Token | None, sentence: tuple[int, int],
                      known: list[tuple[int, int]]) -> list[tuple[Found, str]]:
    """Every phrase of the verb's clause that could be what it reports, by its path in the parse: a
    dependent ("dobj", "advcl", "conj" …), a phrase inside one ("prep_pobj": "warned of [an attack]";
    "dobj_relcl") or the clause the verb itself hangs on ("head_advcl"). The rules pick one
    reading per configuration; these are the others, named by their path, for the cue model to weigh
    (PolNeAR train: 87% of the gold contents that no rule reading matched are one such phrase).
    Readings are cut to the verb's `sentence` (a token range); those whose content a rule already gives
    (`known`) or that hold the source (`subject`) are left out."""
    doc = verb.doc
    phrases: list[tuple[Token, str]] = []
    for child in verb.children:
        if child.dep_ in _ARGUMENT_DEPS:
            phrases.append((child, child.dep_))
        inner = _NESTED_DEPS.get(child.dep_, frozenset())
        phrases.extend((g, f"{child.dep_}_{g.dep_}") for g in child.children if g.dep_ in inner)
    if verb.dep_ in _GOVERNING_DEPS and verb.head.i != verb.i:
        phrases.append((verb.head, "head_" + verb.dep_))
    readings = []
    seen = set(known)
    for phrase, path in phrases:
        start, end = trim(doc, max(phrase.left_edge.i, sentence[0]), min(phrase.right_edge.i + 1, sentence[1]))
        if start >= end or (start, end) in seen or (start <= verb.i < end and phrase.i != verb.head.i):
            continue
        if subject is not None and start <= subject.i < end:
            continue
        seen.add((start, end))
        readings.append((Found(found.source, found.cue, (start, end), phrase, verb), "arg_" + path))
    return readings
