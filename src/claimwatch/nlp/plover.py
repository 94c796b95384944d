"""The PLOVER trigger lexicon: which words name which kind of event, and with which mode.

The entries come from the PLOVER manual's category definitions and the verb phrases of the
CAMEO→PLOVER crosswalk (../shared/data/plover/); they live in lexicons/plover_triggers.json so
that each one can be read and justified on its own. A few verbs need their context to decide:
transfer verbs ("send", "supply", "deploy") take type and mode from what is transferred and
whether there is a recipient (PLOVER: military assistance "including arms and personnel" is AID,
moving forces with no beneficiary is MOBILIZE); "work/operate/fight with|alongside X" is
cooperation, not violence; "strike" by workers is a PROTEST.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

LEXICON_PATH = Path(__file__).parent / "lexicons" / "plover_triggers.json"

#: PLOVER types that are speech acts: what they embed is their content, not a separate event.
SPEECH_ACTS = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE", "AGREE", "SUPPORT"})
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class Trigger:
    """A word that names an event: its PLOVER type and mode, and whether it is a transfer verb
    whose type is only settled once its theme and recipient are known."""

    token: Token
    type: str
    mode: str | None
    nominal: bool = False
    transfer: bool = False


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
        self.trigger_lemmas = frozenset(self.verbs) | self.transfer | self.with_partner | {
            k.split()[0] for k in self.phrasal
        }
        self.candidate_lemmas = self.trigger_lemmas | frozenset(self.nouns)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    return Lexicon(json.loads(LEXICON_PATH.read_text(encoding="utf-8")))


AID_MODIFIERS = {
    "military": "military", "defense": "military", "defence": "military", "security": "military",
    "lethal": "military", "arms": "military", "weapon": "military",
    "humanitarian": "humanitarian", "medical": "humanitarian", "food": "humanitarian",
    "emergency": "humanitarian", "relief": "humanitarian",
    "economic": "economic", "financial": "economic", "budget": "economic", "development": "economic",
    "fiscal": "economic",
}


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def object_class(noun: Token) -> str | None:
    """What a transferred thing is: personnel, military (materiel), humanitarian, economic, asylum
    or aid. Partitives and counters ("half of the shells", "four brigades of infantry") look
    through "of" to the thing counted when the head itself says nothing."""
    lex = lexicon()
    cls = lex.object_class.get(_lemma(noun))
    if cls is None:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        cls = lex.object_class.get(_lemma(pobj))
    if cls == "aid":
        return aid_mode(noun) or "aid"
    if cls is None:
        for child in noun.children:  # "air defense systems", "military equipment"
            if child.dep_ in ("compound", "amod") and AID_MODIFIERS.get(_lemma(child)) == "military":
                return "military"
    return cls


def aid_mode(noun: Token) -> str | None:
    """The mode an aid noun's modifiers give it ("military aid", "humanitarian assistance")."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound"):
            mode = AID_MODIFIERS.get(_lemma(child))
            if mode:
                return mode
    return None


def assault_mode(trigger: Token) -> str | None:
    """The PLOVER ASSAULT mode from the weapon a strike names ("missile strikes", "air raid",
    "attacked with drones")."""
    lex = lexicon()
    words = [trigger] + [c for c in trigger.children if c.dep_ in ("compound", "amod", "nmod")]
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "by"):
            words.extend(p for p in prep.children if p.dep_ == "pobj")
    for word in words:
        mode = lex.assault_instrument.get(_lemma(word))
        if mode:
            return mode
    return None


def transfer_type(verb: Token, theme_class: str | None, has_recipient: bool) -> tuple[str, str | None] | None:
    """Type and mode of a transfer verb ("send", "deploy", "supply") from what it moves and
    whether anyone receives it. Sending forces to a beneficiary is military AID; moving forces
    or weapons with nobody to receive them is MOBILIZE; goods and money are AID with the mode
    of the goods. Transfers of unknown things ("gave a speech") are no event."""
    lemma = _lemma(verb)
    mobilizing = lemma in ("deploy", "dispatch", "send", "station", "airlift")
    if theme_class == "personnel":
        if has_recipient:
            return "AID", "military"
        return ("MOBILIZE", "troops") if mobilizing else ("AID", "military")
    if theme_class == "military":
        if lemma == "deploy" and not has_recipient:
            return "MOBILIZE", "weapons"
        return "AID", "military"
    if theme_class in ("humanitarian", "economic", "asylum", "military"):
        return "AID", theme_class
    if theme_class == "aid":
        return "AID", None
    if lemma == "deploy":
        return "MOBILIZE", None
    return None


def phrasal_key(verb: Token) -> tuple[str, str | None] | None | bool:
    """A multiword trigger: a verb with its particle, preposition or light object; False when
    the multiword use is known to be no event."""
    lex = lexicon()
    lemma = _lemma(verb)
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod"):
            if child.dep_ == "prep" and any(p.ent_type_ in ("DATE", "TIME") for p in child.children):
                continue  # "called X on Friday" is no "call on"
            for key in (f"{lemma} {child.lower_}", f"{lemma} {_lemma(child)}"):
                if key in lex.phrasal:
                    return lex.phrasal[key] or False
            if child.dep_ == "prep":  # "went on strike", "put on alert"
                for pobj in child.children:
                    hit = lex.phrasal.get(f"{lemma} {child.lower_} {_lemma(pobj)}")
                    if hit:
                        return hit
    return None


def _partner(verb: Token) -> bool:
    lex = lexicon()
    return any(c.dep_ == "prep" and c.lower_ in lex.partner_preps for c in verb.children) or any(
        c.dep_ == "advmod" and c.lower_ == "together" for c in verb.children
    )


def classify(token: Token) -> Trigger | None:
    """The trigger `token` is, or None. Cheap for non-triggers: one set look-up."""
    lex = lexicon()
    lemma = _lemma(token)
    if token.pos_ in VERB_POS:
        if lemma not in lex.trigger_lemmas:
            return None
        phrase = phrasal_key(token)
        if phrase is False:
            return None
        if phrase:
            if phrase[0] == "RETREAT" and phrase[1] == "withdraw" and _leaves_institution(token):
                return Trigger(token, "SANCTION", "withdraw")  # "pulled out of the deal"
            return Trigger(token, phrase[0], phrase[1])
        if lemma in lex.with_partner and _partner(token):
            mode = "military" if lemma in ("fight", "train", "serve", "exercise", "drill") else None
            return Trigger(token, "COOPERATE", mode)
        if lemma in lex.transfer:
            return Trigger(token, "AID", None, transfer=True)
        hit = lex.verbs.get(lemma)
        if hit is None:
            return None
        if lemma == "strike" and _struck_by_workers(token):
            return Trigger(token, "PROTEST", "strike")
        if lemma in lex.object_readings:
            reading = object_reading(token, lex.object_readings[lemma])
            if reading is False:
                return None
            if reading is not None:
                hit = reading
            if hit == ("COERCE", "restrict") and _lemma(_subject(token)) in lex.protest_subjects:
                return Trigger(token, "PROTEST", "obstruct")  # "protesters blocked a highway"
        if lemma == "rally" and not _rally_is_protest(token):
            return None
        if hit[0] == "RETREAT" and hit[1] == "withdraw" and _leaves_institution(token):
            return Trigger(token, "SANCTION", "withdraw")
        if hit[0] == "ASSAULT" and _in_speech(token):
            return Trigger(token, "ACCUSE", "disapprove")  # "attacked his rival in a speech"
        if hit[0] == "ASSAULT":
            return Trigger(token, "ASSAULT", hit[1] or assault_mode(token))
        return Trigger(token, hit[0], hit[1])
    if token.pos_ in NOUN_POS and token.pos_ == "NOUN":
        hit = lex.nouns.get(lemma)
        if hit is None:
            return None
        if lemma == "strike":
            for child in token.children:
                mode = lex.protest_strike_modifiers.get(_lemma(child))
                if mode and child.dep_ in ("amod", "compound", "poss"):
                    return Trigger(token, "PROTEST", mode, nominal=True)
        if lemma == "rally" and _campaign_rally(token):
            return None
        if hit[0] == "PROTEST" and token.dep_ == "dobj" and _lemma(token.head) in lex.protest_as_accusation_verbs:
            return Trigger(token, "ACCUSE", "disapprove", nominal=True)  # "lodged a protest": diplomatic (PLOVER)
        if lemma in ("aid", "assistance"):
            return Trigger(token, "AID", aid_mode(token), nominal=True)
        if hit[0] == "ASSAULT":
            return Trigger(token, "ASSAULT", hit[1] or assault_mode(token), nominal=True)
        if hit[0] == "MOBILIZE" and lemma in ("exercise", "drill", "maneuver", "manoeuvre") and _joint(token):
            return Trigger(token, "COOPERATE", "military", nominal=True)  # joint exercises are cooperation
        return Trigger(token, hit[0], hit[1], nominal=True)
    return None


def _joint(noun: Token) -> bool:
    lex = lexicon()
    return any(c.lower_ in ("joint", "combined") for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ in lex.partner_preps for c in noun.children)


def _struck_by_workers(verb: Token) -> bool:
    lex = lexicon()
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and _lemma(c) in lex.protest_subjects for c in verb.children)


def _objects(verb: Token) -> list[Token]:
    """What a verb acts on: its direct objects, or its passive subjects."""
    deps = ("nsubjpass",) if any(c.dep_ == "auxpass" for c in verb.children) else ("dobj",)
    found = [c for c in verb.children if c.dep_ in deps]
    return found + [c for f in found for c in f.conjuncts]


def _names_person(noun: Token) -> bool:
    return (_lemma(noun) in lexicon().person_units or noun.ent_type_ in ("PERSON", "NORP")
            or noun.lower_ in ("him", "her", "them", "me", "us", "himself", "herself", "themselves"))


def object_reading(verb: Token, readings: list[list[Any]]) -> tuple[str, str | None] | None | bool:
    """The reading of a verb whose event type depends on what it acts on: "attacked the budget"
    is criticism (ACCUSE), "blocked the resolution" a veto (REJECT) but "blocked access" censorship
    and "blocked the road" a restriction, "recalled its ambassador" a SANCTION, "expelled migrants"
    a deportation (COERCE), and "beat" is violence only when people are beaten ("beat Barcelona 3-1"
    is sport). Returns (type, mode), None to keep the default reading, or False for no event."""
    objects = _objects(verb)
    objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj"]  # "expelled dozens of migrants"
    lemmas = {_lemma(o) for o in objects}
    for reading in readings:
        if reading[0] == "else":
            if reading[1] == "none":
                return False
            if reading[1] == "person":
                return None if any(_names_person(o) for o in objects) else False
            continue
        if lemmas & set(reading[0]):
            return reading[1], reading[2]
    return None


def _leaves_institution(verb: Token) -> bool:
    """"Withdrew from the treaty", "pulled out of the talks": leaving an agreement or a body is
    PLOVER SANCTION 'withdraw', not a military RETREAT."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in ("from", "of", "out"):
            nodes = [child] + [c for c in child.children if c.dep_ == "prep"]
            for node in nodes:
                for pobj in node.children:
                    if pobj.dep_ == "pobj" and _lemma(pobj) in lex.withdraw_from_institutions:
                        return True
    return False


def _in_speech(verb: Token) -> bool:
    """A harm verb used of words: "attacked X in a speech", "hit X in an interview", "X as reckless"."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "on", "at"):
            if any(p.dep_ == "pobj" and _lemma(p) in lex.speech_words for p in child.children):
                return True
    return False


def _subject(verb: Token) -> Token:
    """The subject of a verb, through a relative pronoun ("protesters who blocked")."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return child
    return verb


def _rally_is_protest(verb: Token) -> bool:
    """"Protesters rallied against X" is a demonstration; "stocks rallied", "rallied behind the
    candidate" are not."""
    lex = lexicon()
    if any(c.dep_ == "prep" and c.lower_ in ("behind", "around", "to") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("against", "outside") for c in verb.children):
        return True
    subject = _subject(verb)
    return subject is not verb and _lemma(subject) in lex.rally_subjects


def _campaign_rally(noun: Token) -> bool:
    """A campaign rally ("the candidate's rally", "an election rally") is no PROTEST (PLOVER 3.12:
    collective action carried out as protest)."""
    lex = lexicon()
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and _lemma(child) in lex.rally_not_protest:
            return True
        if child.dep_ == "poss" and (child.ent_type_ == "PERSON" or _lemma(child) in ("candidate", "nominee")):
            return True
    return False
