"""Parties an event's own arguments do not name, known from the sentence's shape or its place.

"Kenya and Tanzania signed" and "Iranian and Saudi diplomats met" name two partners in one subject;
a government's measure with no one named falls on its own country; forces moved into a place of
another country are aimed at it. draft.py asks these after the trigger's own arguments (roles.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.model import Entity
from claimwatch.nlp.entities.actors import country_of_place, resolve_actor
from claimwatch.nlp.events import args
from claimwatch.nlp.events.roles import SYMMETRIC
from claimwatch.nlp.state import DocState

#: Types in which parties named together act with each other: one is the other's partner
#: (signing a partnership, a mutual disengagement), unlike "X and Y attacked Z".
PARTNER_TYPES = SYMMETRIC | {"SUPPORT", "RETREAT"}
#: Acts of a government on its own people when no one else is named (PLOVER codes them country → country).
DOMESTIC_TYPES = frozenset({"CONCEDE", "COERCE"})


def split_adjectival_subject(verb: Token, state: DocState) -> tuple[Entity, Entity] | None:
    """"Iranian and Saudi diplomats met": the first adjective's country acts, the second is its partner."""
    for subject in args.children(verb, "nsubj"):
        for mod in subject.children:
            if mod.dep_ == "amod" and mod.conjuncts:
                first = resolve_actor(mod, state)
                second = resolve_actor(mod.conjuncts[0], state)
                if first is not None and second is not None and first.id != second.id:
                    return first, second
    return None


def split_conjoined_subject(verb: Token, state: DocState) -> tuple[Entity, Entity] | None:
    """"Kenya and the United Arab Emirates signed": the first conjunct acts, the next is its partner."""
    for subject in args.children(verb, "nsubj"):
        for other in subject.conjuncts:
            first, second = args.entity_of(subject, state, loose=False), args.entity_of(other, state, loose=False)
            if first is not None and second is not None and first.id != second.id:
                return first, second
    return None


def domestic_actor(place: Entity | None, state: DocState) -> Entity | None:
    """Who imposes a measure no one is said to impose ("a curfew was imposed in X's state of Y",
    "dozens were arrested in Z"): the authorities of the country it happens in."""
    if place is None or not place.country:
        return None
    return country_of_place(place, state)


def domestic_target(place: Entity | None, actor: Entity | None, state: DocState) -> Entity | None:
    """The country a government's measure falls on when no one is named: that of the place it
    happens in ("a curfew was imposed in the Indian state of X"), else the actor's own ("pardoned
    18 people")."""
    if place is not None and place.country:
        return country_of_place(place, state)
    if actor is not None and actor.country:
        return state.entities.get(f"country:{actor.country}") or actor
    return None


def place_target(place: Entity | None, actor: Entity | None, state: DocState) -> Entity | None:
    """The target of forces put in a place when the sentence names none: the country the place is
    in ("X troops are stationed in Y's Z province" → Y; the place itself, which carries its country,
    where the text names no such country entity). Forces moved within their own country, or
    whose state is unknown, have no target from the place."""
    if place is None or actor is None or not place.country:
        return None
    if place.id == actor.id or (actor.country is not None and place.country == actor.country):
        return None
    return country_of_place(place, state)
