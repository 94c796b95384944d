"""Context rules for triggers whose event type depends on more than the word.

Transfer verbs ("send", "supply", "deploy") take type and mode from what is transferred and
whether there is a recipient (PLOVER: military assistance "including arms and personnel" is AID,
moving forces with no beneficiary is MOBILIZE); some verbs read by their object ("blocked the
resolution" is a veto, "blocked the road" a restriction); "work/operate/fight with|alongside X" is
cooperation, not violence; "strike" by workers is a PROTEST; a campaign rally is no protest.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from claimwatch.nlp.events.plover_lexicon import lemma_of, lexicon

#: Participles by which a vehicle carries what is transferred ("ships loaded with rice").
CARRYING_WORDS = frozenset({"carry", "load", "laden", "packed", "fill"})


def object_class(noun: Token) -> str | None:
    """What a transferred thing is: personnel, military (materiel), humanitarian, economic, asylum
    or aid. Partitives and counters ("half of the shells", "four brigades of infantry") look
    through "of" to the thing counted when the head itself says nothing."""
    lex = lexicon()
    cls = lex.object_class.get(lemma_of(noun))
    if cls is None:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        cls = lex.object_class.get(lemma_of(pobj))
    if cls is None:  # "two ships loaded with rice and medicines", "planes carrying tents"
        for clause in noun.children:
            if clause.dep_ == "acl" and lemma_of(clause) in CARRYING_WORDS:
                carried = [c for c in clause.children if c.dep_ == "dobj"] + [
                    p for c in clause.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
                cls = next((lex.object_class[lemma_of(c)] for c in carried if lemma_of(c) in lex.object_class), None)
    if cls == "aid":
        return aid_mode(noun) or "aid"
    if cls is None:
        for child in noun.children:  # "air defense systems", "military equipment"
            if child.dep_ in ("compound", "amod") and lex.aid_modifiers.get(lemma_of(child)) == "military":
                return "military"
    return cls


def aid_mode(noun: Token) -> str | None:
    """The mode an aid noun's modifiers give it ("military aid", "humanitarian assistance")."""
    modifiers = lexicon().aid_modifiers
    for child in noun.children:
        if child.dep_ in ("amod", "compound"):
            mode = modifiers.get(lemma_of(child))
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
        mode = lex.assault_instrument.get(lemma_of(word))
        if mode:
            return mode
    return None


def transfer_type(verb: Token, theme_class: str | None, has_recipient: bool) -> tuple[str, str | None] | None:
    """Type and mode of a transfer verb ("send", "deploy", "supply") from what it moves and
    whether anyone receives it. Sending forces to a beneficiary is military AID; moving forces
    or weapons with nobody to receive them is MOBILIZE; goods and money are AID with the mode
    of the goods. Transfers of unknown things ("gave a speech") are no event."""
    lemma = lemma_of(verb)
    motion = lemma in lexicon().motion
    mobilizing = motion or lemma in ("dispatch", "send", "station", "airlift", "transfer")
    if theme_class == "personnel":
        if has_recipient:
            return "AID", "military"
        return ("MOBILIZE", "troops") if mobilizing else ("AID", "military")
    if theme_class == "military":
        if motion and not has_recipient:  # "moved tanks to the border": positioning, not a supply
            return "MOBILIZE", "weapons"
        return "AID", "military"
    if theme_class in ("humanitarian", "economic", "asylum", "military"):
        return "AID", theme_class
    if theme_class == "aid":
        return "AID", None
    if lemma == "deploy":
        return "MOBILIZE", None
    return None


def _partner_phrase(token: Token) -> bool:
    """A "with"/"alongside" phrase that names a partner, not an instrument ("drills with X", not
    "exercises with nuclear weapons")."""
    lex = lexicon()
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in lex.partner_preps:
            if any(p.dep_ == "pobj" and lex.object_class.get(lemma_of(p)) != "military" for p in prep.children):
                return True
    return False


def has_partner(verb: Token) -> bool:
    """"Fought alongside X", "worked together", "jointly rescued": the verb names joint action."""
    markers = lexicon().joint_markers
    return _partner_phrase(verb) or any(c.dep_ == "advmod" and c.lower_ in markers for c in verb.children)


def is_joint(noun: Token) -> bool:
    """"Joint exercises", "a coordinated operation", "drills with X": what is done together is cooperation."""
    markers = lexicon().joint_markers
    return any(c.lower_ in markers for c in noun.children if c.dep_ in ("amod", "advmod", "compound")) or \
        _partner_phrase(noun)


def struck_by_workers(verb: Token) -> bool:
    """"Teachers struck" (no object) is a labour strike, not an attack."""
    lex = lexicon()
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and lemma_of(c) in lex.protest_subjects for c in verb.children)


def _objects(verb: Token) -> list[Token]:
    """What a verb acts on: its direct objects, or its passive subjects."""
    deps = ("nsubjpass",) if any(c.dep_ == "auxpass" for c in verb.children) else ("dobj",)
    found = [c for c in verb.children if c.dep_ in deps]
    return found + [c for f in found for c in f.conjuncts]


def _names_person(noun: Token) -> bool:
    return (lemma_of(noun) in lexicon().person_units or noun.ent_type_ in ("PERSON", "NORP")
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
    lemmas = {lemma_of(o) for o in objects}
    for reading in readings:
        if reading[0] == "else":
            if reading[1] == "none":
                infinitive = any(c.dep_ == "xcomp" for c in verb.children) and not objects
                return None if infinitive else False  # "offered to mediate" (but not "offered X a platform to ...")
            if reading[1] == "person":
                return None if any(_names_person(o) for o in objects) else False
            continue
        if lemmas & set(reading[0]):
            return (reading[1], reading[2]) if reading[1] else False
    return None


def leaves_institution(verb: Token) -> bool:
    """"Withdrew from the treaty", "pulled out of the talks": leaving an agreement or a body is
    PLOVER SANCTION 'withdraw', not a military RETREAT."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in ("from", "of", "out"):
            nodes = [child] + [c for c in child.children if c.dep_ == "prep"]
            for node in nodes:
                for pobj in node.children:
                    if pobj.dep_ == "pobj" and lemma_of(pobj) in lex.withdraw_from_institutions:
                        return True
    return False


def used_in_speech(verb: Token) -> bool:
    """A harm verb used of words: "attacked X in a speech", "hit X in an interview", "X as reckless"."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "on", "at"):
            if any(p.dep_ == "pobj" and lemma_of(p) in lex.speech_words for p in child.children):
                return True
    return False


def subject_of(verb: Token) -> Token:
    """The subject of a verb, through a relative pronoun ("protesters who blocked")."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return child
    return verb


def rally_is_protest(verb: Token) -> bool:
    """"Protesters rallied against X" is a demonstration; "stocks rallied", "rallied behind the
    candidate" are not."""
    lex = lexicon()
    if any(c.dep_ == "prep" and c.lower_ in ("behind", "around", "to") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("against", "outside") for c in verb.children):
        return True
    subject = subject_of(verb)
    return subject != verb and lemma_of(subject) in lex.rally_subjects


def gathered_to_protest(verb: Token) -> bool:
    """"Protesters gathered outside the consulate", "crowds assembled against the law": people
    gathering is a protest when protesters gather or they gather against someone; "fans gathered
    outside the stadium" is not."""
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children):
        return True
    subject = subject_of(verb)
    return subject != verb and lemma_of(subject) in lexicon().protest_subjects


def campaign_rally(noun: Token) -> bool:
    """A campaign rally ("the candidate's rally", "an election rally") is no PROTEST (PLOVER 3.12:
    collective action carried out as protest)."""
    lex = lexicon()
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and lemma_of(child) in lex.rally_not_protest:
            return True
        if child.dep_ == "poss" and (child.ent_type_ == "PERSON" or lemma_of(child) in ("candidate", "nominee")):
            return True
    return False
