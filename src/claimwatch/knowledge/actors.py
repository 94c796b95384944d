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


class StoredActors:
    """The stored actors as resolution asks for them (by key, by full name, by surname), each
    question asked of the store once per transaction: a batch's documents name the same actors
    again and again, and a query per entity was a tenth of an ingest. Actors written or given a
    QID through it are kept up to date; it lives no longer than its transaction (`conn`), so what
    another writer commits later is read by the next batch."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._by_key: dict[str, Actor | None] = {}
        self._named: dict[tuple[str, str | None], list[Actor]] = {}
        self._surnamed: dict[tuple[str, str], list[Actor]] = {}

    def by_key(self, key: str) -> Actor | None:
        if key not in self._by_key:
            row = derived.actor_row(self.conn, key)
            self._by_key[key] = _actor(row) if row is not None else None
        return self._by_key[key]

    def named(self, folded: str, type: str | None) -> list[Actor]:
        if (folded, type) not in self._named:
            self._named[(folded, type)] = [_actor(r) for r in derived.actors_named(self.conn, folded, type)]
        return self._named[(folded, type)]

    def with_surname(self, surname: str, type: str) -> list[Actor]:
        if (surname, type) not in self._surnamed:
            self._surnamed[(surname, type)] = [_actor(r) for r in derived.actors_with_surname(self.conn, surname, type)]
        return self._surnamed[(surname, type)]

    def insert(self, rows: list[dict[str, Any]]) -> None:
        derived.insert_actors(self.conn, rows)
        for r in rows:
            actor = Actor(r["name"], r["type"], r["country"], r["wikidata"], r["key"], r["sector"])
            self._by_key[actor.key] = actor
            if (r["folded"], r["type"]) in self._named:
                self._named[(r["folded"], r["type"])].append(actor)
            if r["surname"] is not None and (r["surname"], r["type"]) in self._surnamed:
                self._surnamed[(r["surname"], r["type"])].append(actor)

    def set_wikidata(self, key: str, wikidata: str) -> None:
        derived.set_actor_wikidata(self.conn, key, wikidata)
        if self._by_key.get(key) is not None:
            self._by_key[key] = replace(self._by_key[key], wikidata=wikidata)
        for lists in (self._named, self._surnamed):
            for found in lists.values():
                found[:] = [replace(a, wikidata=wikidata) if a.key == key else a for a in found]


def _stored_by_name(stored: StoredActors, entity: Entity, folded: str) -> Actor | None:
    found = [a for a in stored.named(folded, entity.type) if _fits(entity.country, a.country)]
    found.sort(key=lambda a: (a.country != entity.country, a.key))  # the same country first
    return found[0] if found else None


def _stored_by_surname(stored: StoredActors, entity: Entity, word: str) -> Actor | None:
    """The one stored person whose full name ends with this word, or None when none or several."""
    found = [a for a in stored.with_surname(word, "person") if _fits(entity.country, a.country)]
    return found[0] if len({a.key for a in found}) == 1 else None


def _in_document_surnames(entities: list[Entity]) -> dict[str, Entity]:
    """A surname → the one full-named person of this document that ends with it."""
    owners: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.type == "person" and (word := _surname(normalize_name(e.name))):
            owners[word].append(e)
    return {word: found[0] for word, found in owners.items()
            if len({normalize_name(e.name) for e in found}) == 1}


def resolve_actors(conn: Connection, analysis: Analysis, stored: StoredActors | None = None) -> dict[str, Actor]:
    """Entity id → its actor, storing new actors and which actor each entity is."""
    stored = stored if stored is not None and stored.conn is conn else StoredActors(conn)
    doc_id = analysis.document.id
    full_named = _in_document_surnames(analysis.entities)
    known: dict[str, Actor] = {}
    new_actors: dict[str, dict[str, Any]] = {}
    resolved: dict[str, Actor] = {}
    # full names first, so that a bare surname in the same document finds the full name's actor
    order = sorted(analysis.entities, key=lambda e: len(normalize_name(e.name).split()) < 2)
    for entity in order:
        actor = _resolve(stored, entity, full_named, resolved, known)
        resolved[entity.id] = actor
        if actor.key not in known:
            known[actor.key] = actor
            if stored.by_key(actor.key) is None:
                folded = normalize_name(actor.name)
                new_actors[actor.key] = {
                    "key": actor.key, "name": actor.name, "folded": folded[:255], "type": actor.type,
                    "country": actor.country, "wikidata": actor.wikidata, "sector": actor.sector,
                    "surname": _surname(folded) if actor.type == "person" else None}
    stored.insert(list(new_actors.values()))
    derived.insert_entity_actors(conn, doc_id, {eid: a.key for eid, a in resolved.items()})
    return resolved


def _resolve(stored: StoredActors, entity: Entity, full_named: dict[str, Entity], resolved: dict[str, Actor],
             known: dict[str, Actor]) -> Actor:
    own = Actor(entity.name, entity.type, entity.country, entity.wikidata, sector=entity.sector)
    if own.key.startswith("country:"):
        return known.get(own.key) or own
    folded = normalize_name(entity.name)
    if own.key.startswith("wd:"):
        if own.key in known or stored.by_key(own.key) is not None:
            return known.get(own.key) or own
        # stored by name before its QID was known: that actor, now with its QID
        found = _stored_by_name(stored, entity, folded)
        if found is not None and found.wikidata is None:
            stored.set_wikidata(found.key, entity.wikidata)
            return replace(found, wikidata=entity.wikidata)
        return own
    if entity.type == "person" and len(folded.split()) == 1:
        owner = full_named.get(folded)
        if owner is not None and owner.id in resolved:
            return resolved[owner.id]
        if found := _stored_by_surname(stored, entity, folded):
            return found
    found = _stored_by_name(stored, entity, folded)
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


def state_actor(conn: Connection, code: str, stored: StoredActors | None = None) -> Actor:
    """The actor of a state by its ISO code, stored if it is not yet."""
    stored = stored if stored is not None and stored.conn is conn else StoredActors(conn)
    key = "country:" + code
    found = stored.by_key(key)
    if found is not None:
        return found
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    name = (getattr(country, "common_name", None) or country.name) if country else code
    actor = Actor(name, "country", code, None, key)
    stored.insert([{"key": key, "name": name, "folded": normalize_name(name), "type": "country",
                    "country": code, "wikidata": None, "sector": None, "surname": None}])
    return actor
