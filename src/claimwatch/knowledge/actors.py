"""Resolve a new document's entities to the store's actors, at ingest.

A full name is the actor stored under the same name and type (and a compatible country); a
bare surname ("Doe") is the one person of the document, else of the store, whose full name ends
with it, and stays an actor of its own when several do. The resolution is made against what is
stored when the document arrives: a surname resolved to the only "… Doe" then is not moved when a
second "… Doe" comes later.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy.engine import Connection

from claimwatch.knowledge.identity import Actor, base_key, normalize_name
from claimwatch.model import Analysis, Entity
from claimwatch.store import derived


def _surname(folded: str) -> str | None:
    words = folded.split()
    return words[-1] if len(words) > 1 else None


def _fits(country: str | None, other: str | None) -> bool:
    return country is None or other is None or country == other


def _actor(row: Any) -> Actor:
    return Actor(row.name, row.type, row.country, row.wikidata, row.key, row.sector)


def _stored_by_name(conn: Connection, entity: Entity, folded: str) -> Actor | None:
    rows = [r for r in derived.actors_named(conn, folded, entity.type) if _fits(entity.country, r.country)]
    rows.sort(key=lambda r: (r.country != entity.country, r.key))  # the same country first
    return _actor(rows[0]) if rows else None


def _stored_by_surname(conn: Connection, entity: Entity, word: str) -> Actor | None:
    """The one stored person whose full name ends with this word, or None when none or several."""
    rows = [r for r in derived.actors_with_surname(conn, word, "person") if _fits(entity.country, r.country)]
    return _actor(rows[0]) if len({r.key for r in rows}) == 1 else None


def _in_document_surnames(entities: list[Entity]) -> dict[str, Entity]:
    """A surname → the one full-named person of this document that ends with it."""
    owners: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.type == "person" and (word := _surname(normalize_name(e.name))):
            owners[word].append(e)
    return {word: found[0] for word, found in owners.items()
            if len({normalize_name(e.name) for e in found}) == 1}


def resolve_actors(conn: Connection, analysis: Analysis) -> dict[str, Actor]:
    """Entity id → its actor, storing new actors and which actor each entity is."""
    doc_id = analysis.document.id
    full_named = _in_document_surnames(analysis.entities)
    known: dict[str, Actor] = {}
    new_actors: dict[str, dict[str, Any]] = {}
    resolved: dict[str, Actor] = {}
    # full names first, so that a bare surname in the same document finds the full name's actor
    order = sorted(analysis.entities, key=lambda e: len(normalize_name(e.name).split()) < 2)
    for entity in order:
        actor = _resolve(conn, entity, full_named, resolved, known)
        resolved[entity.id] = actor
        if actor.key not in known:
            known[actor.key] = actor
            if derived.actor_row(conn, actor.key) is None:
                folded = normalize_name(actor.name)
                new_actors[actor.key] = {
                    "key": actor.key, "name": actor.name, "folded": folded[:255], "type": actor.type,
                    "country": actor.country, "wikidata": actor.wikidata, "sector": actor.sector,
                    "surname": _surname(folded) if actor.type == "person" else None}
    derived.insert_actors(conn, list(new_actors.values()))
    derived.insert_entity_actors(conn, doc_id, {eid: a.key for eid, a in resolved.items()})
    return resolved


def _resolve(conn: Connection, entity: Entity, full_named: dict[str, Entity], resolved: dict[str, Actor],
             known: dict[str, Actor]) -> Actor:
    own = Actor(entity.name, entity.type, entity.country, entity.wikidata, sector=entity.sector)
    if own.key.startswith("country:"):
        return known.get(own.key) or own
    folded = normalize_name(entity.name)
    if own.key.startswith("wd:"):
        if own.key in known or derived.actor_row(conn, own.key) is not None:
            return known.get(own.key) or own
        # stored by name before its QID was known: that actor, now with its QID
        found = _stored_by_name(conn, entity, folded)
        if found is not None and found.wikidata is None:
            derived.set_actor_wikidata(conn, found.key, entity.wikidata)
            return replace(found, wikidata=entity.wikidata)
        return own
    if entity.type == "person" and len(folded.split()) == 1:
        owner = full_named.get(folded)
        if owner is not None and owner.id in resolved:
            return resolved[owner.id]
        if found := _stored_by_surname(conn, entity, folded):
            return found
    found = _stored_by_name(conn, entity, folded)
    if found is not None:
        return found
    return known.get(own.key) or Actor(entity.name, entity.type, entity.country, entity.wikidata,
                                       base_key(entity.name, entity.type, entity.country, None), entity.sector)


def actor_names(conn: Connection) -> dict[str, Counter[str]]:
    """Actor key → how often each entity name was resolved to it (for the name shown)."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for key, name in derived.actor_entity_names(conn):
        names[key][name] += 1
    return names


def load_actors(conn: Connection, keys: list[str] | None = None) -> dict[str, Actor]:
    """The stored actors of these keys (every one when `keys` is None), by key."""
    return {r.key: _actor(r) for r in derived.actor_rows(conn, keys)}


def state_actor(conn: Connection, code: str) -> Actor:
    """The actor of a state by its ISO code, stored if it is not yet."""
    key = "country:" + code
    row = derived.actor_row(conn, key)
    if row is not None:
        return _actor(row)
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    name = (getattr(country, "common_name", None) or country.name) if country else code
    actor = Actor(name, "country", code, None, key)
    derived.insert_actors(conn, [{"key": key, "name": name, "folded": normalize_name(name), "type": "country",
                                  "country": code, "wikidata": None, "sector": None, "surname": None}])
    return actor
