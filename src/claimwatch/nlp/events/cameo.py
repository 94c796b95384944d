"""CAMEO's verb dictionary over the dependency parse: the field's coverage under our own rules.

lexicons/events_cameo_verbs.json is compiled from PETRARCH2's CAMEO.2.0.txt by
claimwatch.training.dictionaries. Each verb has the PLOVER reading it has alone and patterns
whose subject, object or prepositional nouns give it another ("dismiss * CHARGES" is a
rejection, "stocks * declined" no event). A pattern's nouns are matched against the verb's
dependents here, not against word order as PETRARCH's phrase-structure matcher does.

Only verbs our own lexicon does not know are read here (plover.classify_verb): where both know
a verb, ours has been checked against news sentences, the dictionary against 1990s wire text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from claimwatch.nlp.lexicons import json_data

Reading = tuple[str, str | None]

#: Dependents that hold a verb's "post-verb nouns": its object and complements.
OBJECT_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "xcomp", "dative", "nsubjpass"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


@dataclass(frozen=True)
class Pattern:
    """One CAMEO pattern: the head lemmas its subject, object and prepositions must have (an empty
    set asks for nothing), and its reading (None: no event)."""

    subject: frozenset[str]
    object: frozenset[str]
    preps: tuple[tuple[str, frozenset[str]], ...]
    reading: Reading | None

    @property
    def weight(self) -> int:
        """How much the pattern asks: the more, the more specific."""
        return bool(self.subject) + bool(self.object) + sum(1 + bool(nouns) for _, nouns in self.preps)


@dataclass(frozen=True)
class CameoVerb:
    reading: Reading | None
    patterns: tuple[Pattern, ...]


def _reading(raw: list | None) -> Reading | None:
    return (raw[0], raw[1]) if raw else None


@lru_cache(maxsize=1)
def cameo_verbs() -> dict[str, CameoVerb]:
    """The compiled dictionary, keyed by lemma or "lemma particle"; read once per process."""
    verbs: dict[str, CameoVerb] = {}
    for key, entry in json_data("events_cameo_verbs.json")["verbs"].items():
        patterns = tuple(
            Pattern(frozenset(p["subject"]), frozenset(p["object"]),
                    tuple((prep, frozenset(nouns)) for prep, nouns in p["preps"]), _reading(p["reading"]))
            for p in entry["patterns"])
        verbs[key] = CameoVerb(_reading(entry["reading"]), tuple(sorted(patterns, key=lambda p: -p.weight)))
    return verbs


@lru_cache(maxsize=1)
def cameo_lemmas() -> frozenset[str]:
    """The verbs (first words of particle verbs) the dictionary has a reading or pattern for."""
    return frozenset(key.split()[0] for key in cameo_verbs())


def _words(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def _matches(pattern: Pattern, verb: Token) -> bool:
    if pattern.subject and not any(
            c.dep_ in SUBJECT_DEPS and _words(c) & pattern.subject for c in verb.children):
        return False
    if pattern.object and not any(
            c.dep_ in OBJECT_DEPS and _words(c) & pattern.object for c in verb.children):
        return False
    for prep, nouns in pattern.preps:
        found = [c for c in verb.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep]
        if not found:
            return False
        if nouns and not any(_words(p) & nouns for c in found for p in c.children if p.dep_ == "pobj"):
            return False
    return True


def cameo_reading(verb: Token) -> Reading | None:
    """The PLOVER (type, mode) the dictionary gives this verb in its sentence: its particle verb's
    entry when it has one ("bring out"), the most specific pattern that matches, else the verb's
    own reading; None where the dictionary codes no event."""
    verbs = cameo_verbs()
    lemma = verb.lemma_.lower()
    entry = None
    for child in verb.children:
        if child.dep_ == "prt":
            entry = verbs.get(f"{lemma} {child.lower_}")
            if entry:
                break
    entry = entry or verbs.get(lemma)
    if entry is None:
        return None
    for pattern in entry.patterns:
        if _matches(pattern, verb):
            return pattern.reading
    return entry.reading
