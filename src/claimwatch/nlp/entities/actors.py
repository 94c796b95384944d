"""Actors as PLOVER codes them: the entity (country + sector) behind a noun phrase.

Design choice: the actor of "North Korean troops" is the North Korea *country entity* itself, and
the sector ("military") is told apart by `sector_of`. Country entities carry no sector, so that
every phrase about one country links to one node of the actor graph ("North Korean troops",
"Pyongyang", "the Korean People's Army" all → North Korea); an event that needs the sector reads
`sector_of(phrase, state)`. Organisations and persons stay their own entities (the Wagner Group,
Kim Jong Un) with their own country and, where the gazetteer knows it, a sector that depends on
the article's date (a leader out of office has none).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimwatch.model import Entity
from claimwatch.nlp.lexicons import word_set, word_table
from claimwatch.nlp.state import DocState

#: Dependents left of a head noun that belong to the actor's name ("Sudanese government forces").
_LEFT_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "npadvmod"})
#: Head nouns that only count or group: the actor is in their "of" phrase ("a unit of Russian troops").
_GROUP_NOUNS = word_set("entities_group_nouns.tsv")

#: Head nouns (lemmas) and the sector they give their actor ("troops" military, "residents" civilians):
#: ours first, then the one-word agents of the Phoenix dictionary ("gendarme", "sharecropper").
SECTOR_NOUNS: dict[str, str] = {
    **{noun: sector for noun, sector in word_table("entities_phoenix_agents.tsv") if " " not in noun},
    **dict(word_table("entities_sector_nouns.tsv")),
}
#: Modifiers that say who the forces are when the head noun only says "forces"/"troops".
SECTOR_MODIFIERS: dict[str, str] = dict(word_table("entities_sector_modifiers.tsv"))


def _head(phrase: Span | Token) -> Token:
    return phrase if isinstance(phrase, Token) else phrase.root


def _core(head: Token) -> list[Token]:
    """The head noun, its left modifiers, and its "of" phrase: the words that name the actor."""
    tokens = [head]
    for child in head.children:
        if child.i < head.i and child.dep_ in _LEFT_DEPS:
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    tokens.extend(_core(obj))
    return tokens


def _of_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((obj for obj in child.children if obj.dep_ == "pobj"), None)
    return None


def resolve_actor(phrase: Span | Token, state: DocState) -> Entity | None:
    """The actor a noun phrase (or its head token) denotes, or None.

    "Kim Jong Un", "the Wagner Group", "Beijing" (as metonym) → the entity the head names;
    "North Korean troops", "Ukraine's missile strikes", "a unit of Russian soldiers" → the country
    entity of the modifier (an organisation or person modifier wins over a country one:
    "Wagner fighters" → the Wagner Group); "the rebels" → None (no entity; see `sector_of`).
    """
    head = _head(phrase)
    own = state.entities.at(state.span(head))
    if own is not None:
        return own
    core = sorted(set(_core(head)), key=lambda t: t.i)
    found: list[Entity] = []
    for token in core:
        entity = state.entities.at(state.span(token))
        if entity is not None and entity not in found:
            found.append(entity)
    if not found:
        origin = _origin(head, state)
        return country_of_place(origin, state) if origin is not None else None
    named = [e for e in found if e.type in ("organization", "person", "group")]
    return named[-1] if named else country_of_place(found[-1], state)


#: Prepositions that tell where people without a named nationality are from ("families in X").
_CIVILIAN_ORIGIN_PREPS = frozenset({"in", "from", "of"})


def _origin(head: Token, state: DocState) -> Entity | None:
    """The country or place an actor named without nationality comes from: civilians where they live
    ("displaced families in northern Ethiopia", "refugees from Sudan"), anyone where a relative clause
    says they came from ("forces that attacked from Belgorod"). Armed forces *in* a place are not
    of it ("Russian troops in Syria"), so only civilians take "in"."""
    civilian = SECTOR_NOUNS.get(head.lemma_.lower()) == "civilians" or SECTOR_NOUNS.get(head.lower_) == "civilians"
    preps = [c for c in head.children if c.dep_ == "prep" and civilian and c.lower_ in _CIVILIAN_ORIGIN_PREPS]
    for clause in head.children:
        if clause.dep_ in ("relcl", "acl") and clause.pos_ == "VERB":
            preps += [c for c in clause.children if c.dep_ == "prep" and c.lower_ == "from"]
    for prep in preps:
        for word in prep.subtree:  # the whole phrase: "in northern X" is often misattached
            if word.pos_ == "PROPN":
                entity = state.entities.at(state.span(word))
                if entity is not None and entity.type in ("country", "place") and entity.country:
                    return entity
    return None


def country_of_place(entity: Entity, state: DocState) -> Entity:
    """A place that says who an actor is ("Donetsk residents") stands for its country where the text
    names that country too (the actor graph then has one node for it); else the place itself, which
    carries its country."""
    if entity.type != "place" or not entity.country:
        return entity
    return state.entities.get(f"country:{entity.country}") or entity


def sector_of(phrase: Span | Token, state: DocState | None = None) -> str | None:
    """The PLOVER-style sector a phrase gives its actor: "troops" → military, "government" →
    government, "police" → police, "rebels" → rebels, "residents"/"ethnic Albanians" → civilians.
    Without a sector noun, the sector of the entity the phrase names (given `state`), else None.
    """
    head = _head(phrase)
    if head.lemma_.lower() in _GROUP_NOUNS or head.lower_ in _GROUP_NOUNS:
        head = _of_object(head) or head
    sector = SECTOR_NOUNS.get(head.lemma_.lower()) or SECTOR_NOUNS.get(head.lower_)
    for child in head.children:
        if child.i < head.i and child.dep_ in ("compound", "amod"):
            modifier = SECTOR_MODIFIERS.get(child.lemma_.lower())
            if modifier and (sector in (None, "military") or modifier == "civilians"):
                if not (modifier == "government" and sector == "military"):  # "government forces": military
                    sector = modifier
    if state is not None:
        entity = resolve_actor(phrase, state)
        # an organisation knows its own sector better than a generic noun ("Wagner fighters": paramilitary)
        if entity is not None and entity.sector and (sector is None or entity.type == "organization"):
            sector = entity.sector
    return sector
