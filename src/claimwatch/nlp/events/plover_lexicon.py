"""The PLOVER trigger lexicon: which words name which kind of event, and with which mode.

The entries come from the PLOVER manual's category definitions and the verb phrases of the
CAMEO→PLOVER crosswalk (../shared/data/plover/); they live in lexicons/plover_triggers.json so
that each one can be read and justified on its own. This module reads them once into sets and
dicts; `plover` looks words up in them and `plover_rules` decides what context must settle.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from claimwatch.nlp.lexicons import json_data, word_set, word_table

#: PLOVER types that are speech acts: what they embed is their content, not a separate event.
SPEECH_ACTS = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE", "AGREE", "SUPPORT"})


@dataclass(frozen=True)
class Trigger:
    """A word that names an event: its PLOVER type and mode, and whether it is a transfer verb
    whose type is only settled once its theme and recipient are known; `dictionary` marks a verb
    read by CAMEO's dictionary rather than our own lexicon."""

    token: Token
    type: str
    mode: str | None
    nominal: bool = False
    transfer: bool = False
    dictionary: bool = False


class Lexicon:
    """The JSON lexicon, turned into sets and dicts once."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.verbs: dict[str, tuple[str, str | None]] = {k: tuple(v) for k, v in data["verbs"].items()}
        #: None marks a multiword use that is no event ("seized on a claim", "sign up").
        self.phrasal: dict[str, tuple[str, str | None] | None] = {
            k: (tuple(v) if v else None) for k, v in data["phrasal"].items()
        }
        self.nouns: dict[str, tuple[str, str | None]] = {k: tuple(v) for k, v in data["nouns"].items()}
        self.with_partner = frozenset(data["with_partner"])
        self.partner_preps = frozenset(data["partner_preps"])
        self.transfer = frozenset(data["transfer"])
        #: Transfer verbs that also move forces on their own ("troops moved into X").
        self.motion = frozenset(data.get("motion", ()))
        self.object_class = {w: cls for cls, words in data["object_classes"].items() for w in words}
        self.assault_instrument = {w: m for m, words in data["assault_instruments"].items() for w in words}
        self.threat_modes: dict[str, str] = data["threat_modes"]
        self.request_modes: dict[str, str] = data["request_modes"]
        self.protest_subjects = frozenset(data["protest_subjects"])
        self.protest_strike_modifiers: dict[str, str] = data["protest_strike_modifiers"]
        self.person_units = frozenset(data["person_units"])
        self.death_words = frozenset(data["death_words"])
        self.injury_words = frozenset(data["injury_words"])
        self.plan_verbs = frozenset(data["plan_verbs"])
        self.light_verbs = frozenset(data["light_verbs"])
        self.object_readings: dict[str, list[list[Any]]] = {
            k: v for k, v in data.get("object_readings", {}).items() if k != "about"}
        self.speech_words = frozenset(data.get("speech_words", ()))
        self.group_actors = frozenset(data.get("group_actors", ()))
        self.rally_not_protest = frozenset(data.get("rally_not_protest", ()))
        self.rally_subjects = frozenset(data.get("rally_subjects", ())) | self.protest_subjects
        self.withdraw_from_institutions = frozenset(data.get("withdraw_from_institutions", ()))
        self.protest_as_accusation_verbs = frozenset(data.get("protest_as_accusation_verbs", ()))
        #: Modifiers that give an aid noun or a transferred thing its mode ("military aid").
        self.aid_modifiers: dict[str, str] = {
            k: v for k, v in data.get("aid_modifiers", {}).items() if k != "about"}
        #: Nouns of activities that, done jointly, are cooperation ("a joint patrol"), and the words that say so.
        self.joint_activity_nouns = frozenset(data.get("joint_activity_nouns", ()))
        self.joint_markers = frozenset(data.get("joint_markers", ()))
        #: Verbs of gathering: a protest only when protesters gather or they gather against someone.
        self.gathering_verbs = frozenset(data.get("gathering_verbs", ()))
        #: Trade measures ("export controls", "import bans") are sanctions.
        self.trade_measure_nouns = frozenset(data.get("trade_measure_nouns", ()))
        self.trade_words = frozenset(data.get("trade_words", ()))
        #: Nouns that carry a transfer ("a package of weapons for X", "a shipment of grain").
        self.transfer_nouns = frozenset(data.get("transfer_nouns", ()))
        self.trigger_lemmas = frozenset(self.verbs) | frozenset(self.object_readings) | self.transfer \
            | self.with_partner | {
            k.split()[0] for k in self.phrasal
        }
        self.candidate_lemmas = self.trigger_lemmas | frozenset(self.nouns) | self.joint_activity_nouns \
            | self.transfer_nouns | self.trade_measure_nouns
        self.known_lemmas = self.candidate_lemmas | self.light_verbs | self.plan_verbs
        #: Verbs our lexicons give another role (plans, light verbs, cues of claims and beliefs,
        #: implicatives): CAMEO's dictionary codes some of them ("plan" as an agreement), but here
        #: they carry or report the event their complement names.
        self.not_for_dictionary = self.plan_verbs | self.light_verbs | word_set("attribution_speech_verbs.tsv") \
            | word_set("attribution_cognition_verbs.tsv") \
            | frozenset(row[0] for row in word_table("certainty_infinitive_verbs.tsv"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    return Lexicon(json_data("plover_triggers.json"))


def lemma_of(token: Token) -> str:
    """The lower-cased lemma, the form the lexicon is keyed by. The small model cuts some past
    forms of verbs in silent e wrongly ("staged" → "stag", "pledged" → "pledg"): where the lemma
    plus "e" is a word the lexicon knows and the form is that plus "d", that is the lemma."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.lower_ == lemma + "ed" and lemma + "e" in lexicon().known_lemmas:
        return lemma + "e"
    return lemma
