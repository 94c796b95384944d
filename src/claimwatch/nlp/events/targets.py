"""Whom an event is done to: its target, read off the trigger's arguments, its object's phrases, the
condition of a threat, the maker of an offer, or an earlier event of the same actor.

roles.py finds the other parties (actor, recipient, moved forces); draft.py decides which of these
readings an event takes, in order.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.model import Entity
from claimwatch.nlp.events import args
from claimwatch.nlp.events.memory import memory_of
from claimwatch.nlp.events.plover_lexicon import Trigger, lexicon
from claimwatch.nlp.events.roles import SYMMETRIC
from claimwatch.nlp.events.vocabulary import (
    BORDER_NOUNS,
    OBJECT_TARGET_PREPS,
    OFFER_NOUNS,
    PARTNER_PREPS,
    TARGET_PREPS,
)
from claimwatch.nlp.state import DocState

#: Types whose recipient later mentions of the same happening tend to leave out.
INHERITS_TARGET = frozenset({"AID", "MOBILIZE", "COOPERATE"})
#: Earlier events whose target a later mention inherits.
TARGET_SOURCES = INHERITS_TARGET | {"SUPPORT"}


def target_of(trigger: Trigger, state: DocState, actor: Entity | None) -> tuple[Entity | None, Token | None]:
    """Who undergoes the event, and the phrase that names them."""
    token, type_ = trigger.token, trigger.type
    candidates: list[Token] = []
    if trigger.nominal:
        preps = {"on", "against", "of", "to", "for", "with", "between", "upon", "at"}
        if type_ in ("MOBILIZE", "RETREAT"):
            preps -= {"of"}
        if type_ in SYMMETRIC:
            preps -= {"on", "of", "for", "at", "upon"}  # "talks on Gaza": the topic, not the partner
        for word, pobj in args.prep_objects(token, preps):
            candidates.extend(pobj.conjuncts if word == "between" else [pobj])
    else:
        # What a deployment or a pull-back moves (its object, or its passive subject: "X troops were
        # stationed in Y") is the actor's own forces, never its target.
        moves_forces = type_ in ("MOBILIZE", "RETREAT") and trigger.mode != "release"
        if moves_forces:
            pass
        elif args.is_passive(token) and token.dep_ != "acl":
            candidates.extend(args.children(token, "nsubjpass"))
        elif token.dep_ == "acl" and args.is_passive(token):
            candidates.append(token.head)  # "soldiers killed in the strike"
        if not moves_forces and type_ != "PROTEST":
            candidates.extend(args.children(token, "dobj", "dative"))
        preps = set(TARGET_PREPS)
        if type_ in ("CONSULT", "COOPERATE", "AGREE"):
            preps |= PARTNER_PREPS
        if type_ in ("AID", "SUPPORT", "REQUEST", "MOBILIZE", "CONCEDE"):
            preps |= {"to", "for"}
        if type_ in ("ACCUSE", "REQUEST"):
            preps |= {"on", "upon", "from"}
        candidates.extend(p for _, p in args.prep_objects(token, preps))
        if type_ in SYMMETRIC:  # "X and Y agreed": Y is X's partner
            for subject in args.children(token, "nsubj"):
                candidates.extend(subject.conjuncts)
        for subject in args.children(token, "nsubj", "nsubjpass"):
            if subject.lemma_.lower() in lexicon().nouns:  # "the strike on X killed", "a deal between X and Y"
                for word, pobj in args.prep_objects(subject, {"on", "against", "of", "upon", "between"}):
                    candidates.extend(pobj.conjuncts if word == "between" else [pobj])
    about_event = type_ in ("ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN")
    answers_offer = type_ in ("AGREE", "REJECT")
    for phrase in candidates:
        found = None
        if answers_offer and phrase.lemma_.lower() in OFFER_NOUNS:  # "accepted an invitation from X"
            found = args.possessor_actor(phrase, state) or _offered_from(token, state)
            found = None if found is not None and actor is not None and found.id == actor.id else found
        if found is None and about_event and phrase.lemma_.lower() in lexicon().nouns:
            found = args.possessor_actor(phrase, state)  # "condemned X's attack" accuses X
            found = None if found is not None and actor is not None and found.id == actor.id else found
        found = found or args.entity_of(phrase, state, actor)
        if found is not None:
            return found, phrase
    return None, (candidates[0] if candidates else None)


#: Words that open the condition of a threat ("if X goes ahead", "unless X withdraws", "should X join").
_CONDITION_MARKS = frozenset({"if", "unless", "should"})


def threatened_party(verb: Token, state: DocState, actor: Entity | None) -> Entity | None:
    """Whom a threat that names no object is aimed at: the subject of its condition ("would retaliate
    if X went ahead", "should X join"), else the subject of what it warns will happen ("warned that X
    would face a blow"); never the one who threatens."""
    clauses = [c for c in verb.subtree if c.dep_ in ("ccomp", "xcomp") or c.i == verb.i]
    conditions = [c for clause in clauses for c in clause.children if c.dep_ == "advcl"
                  and any(m.lower_ in _CONDITION_MARKS and m.dep_ in ("mark", "aux", "advmod") and m.i < c.i
                          for m in c.children)]
    subjects = [s for c in conditions for s in args.children(c, "nsubj", "nsubjpass")]
    subjects += [s for c in clauses if c.dep_ == "ccomp" for s in args.children(c, "nsubj", "nsubjpass")]
    for subject in subjects:
        found = args.entity_of(subject, state, actor, loose=False)
        if found is not None:
            return found
    return None


def _offered_from(verb: Token, state: DocState) -> Entity | None:
    """Who an offer came from where the parse hangs "from X" on the verb ("accepted an invitation
    from X to visit")."""
    for _, pobj in args.prep_objects(verb, {"from"}):
        found = args.entity_of(pobj, state)
        if found is not None:
            return found
    return None


def inherited_target(actor: Entity, type_: str, state: DocState) -> Entity | None:
    """Follow-up mentions of one deployment or supply line omit its recipient ("the troops ...
    later, the country plans to send four more brigades"): take the target of the most recent
    earlier event in the document with the same actor, when that event is cooperative too.
    state.events holds every earlier event of the document, so it is the document's memory."""
    memory = memory_of(state)
    target = memory.last_target(state.events, actor.id, TARGET_SOURCES)
    return memory.entity(state, target) if target else None


def object_target(verb: Token, type_: str, state: DocState, actor: Entity | None) -> Entity | None:
    """A target named on what the verb acts on: "promised aid to X", "suspended aid to X", "opened an
    investigation into X", "sent warships toward X", "massed troops near the X border"."""
    preps = set(OBJECT_TARGET_PREPS)
    verb_preps = {"toward", "towards", "into", "near", "along", "at"}
    if type_ == "MOBILIZE":
        preps |= {"near", "along", "at"}
    if type_ in ("AGREE", "COOPERATE", "SANCTION", "AID"):
        verb_preps.add("to")  # "promised X to Y", "extradited X to Y", "suspended aid to Y"
    if type_ == "SANCTION":
        preps.add("from")
        verb_preps.add("from")  # "recalled its ambassador from X"
    holders = args.children(verb, "dobj") + [verb]
    for holder in holders:
        for word, pobj in args.prep_objects(holder, preps):
            if holder is verb and word not in verb_preps:
                continue
            if word in ("near", "along", "at") and pobj.lemma_.lower() not in BORDER_NOUNS:
                continue
            found = args.entity_of(pobj, state, actor)
            if found is not None:
                return found
    return None
