"""The export as FollowTheMoney entities (JSON lines), built with the `followthemoney` library so
that each validates against its model and Aleph's tools (`ftm`, `alephclient`) load it:

- actors: Person, Organization (organisations and groups), PublicBody (states), LegalEntity
  (anyone else), with their country, Wikidata id and the names seen; places as Address with
  their coordinates;
- publications as Article (title is not known here: the outlet, URL and date are);
- event clusters as Event: the involved actors, the place, the days, the evidence articles as
  proof, and a summary with the reports, independent sources and denials;
- each claim as a Documentation linking its article to its source (role "source", the claim's
  text as summary); each contradiction as a Note on its Event.

Ids are derived from claimwatch's own keys, so two exports of one store give the same ids.
The library is imported here only: other commands do not pay for loading its model.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimwatch.export.bundle import Bundle

SCHEMATA = {"person": "Person", "organization": "Organization", "group": "Organization", "country": "PublicBody",
            "place": "Address", "city": "Address", "region": "Address", "location": "Address"}
PREFIX = "claimwatch"


class _Builder:
    """Entities made once each, by claimwatch key."""

    def __init__(self) -> None:
        from followthemoney import model

        self.model = model
        self.made: dict[str, Any] = {}

    def make(self, schema: str, *key: str) -> Any:
        proxy = self.model.make_entity(schema)
        proxy.make_id(PREFIX, *key)
        return proxy

    def actor(self, actor: dict[str, Any], summary: dict[str, Any] | None = None,
              coordinates: tuple[float, float] | None = None) -> Any:
        """The entity of an actor (its contract dict), made the first time it is seen."""
        key = actor.get("key") or actor.get("id")
        found = self.made.get(key)
        if found is None:
            schema = SCHEMATA.get(actor.get("type") or "", "LegalEntity")
            found = self.make(schema, "actor", key)
            found.add("full" if schema == "Address" else "name", actor.get("name"))
            found.add("country", actor.get("country"))
            found.add("wikidataId", actor.get("wikidata"), quiet=True)
            self.made[key] = found
        if summary:
            found.add("alias", [a for a in summary.get("aliases") or [] if a != actor.get("name")], quiet=True)
        if coordinates and found.schema.name == "Address":
            # as text: the library's number cleaning would round a float to two decimals (~1 km)
            found.add("latitude", repr(coordinates[0]))
            found.add("longitude", repr(coordinates[1]))
        return found

    def article(self, record: dict[str, Any]) -> Any:
        key = "doc:" + record["document"]
        found = self.made.get(key)
        if found is None:
            found = self.make("Article", "document", record["document"])
            found.add("sourceUrl", record.get("url"))
            found.add("publisher", record.get("outlet"))
            found.add("publishedAt", record.get("published"))
            found.add("title", record.get("title"), quiet=True)
            self.made[key] = found
        return found


def _event(b: _Builder, e: dict[str, Any], bundle: Bundle) -> Iterator[Any]:
    event = b.make("Event", "event", e["cluster"])
    actor, target, place = e.get("actor"), e.get("target"), e.get("location")
    name = f"{e['type']}: {(actor or {}).get('name') or '?'} → {(target or {}).get('name') or '?'}"
    event.add("name", name)
    event.add("recordId", e["cluster"])
    event.add("keywords", e["types"])
    happened = e.get("happened") or [e.get("first_reported"), e.get("last_reported")]
    event.add("startDate", happened[0])
    event.add("endDate", happened[1])
    event.add("summary", f"reports: {e['reports']}; independent sources: {e['independent_sources']}; "
                         f"denials: {e['denials']}; outlets: {', '.join(e['outlets'])}")
    for party in (actor, target):
        if party:
            entity = b.actor(party)
            if entity.schema.is_a("LegalEntity"):
                event.add("involved", entity.id)
    if place:
        coordinates = (e["latitude"], e["longitude"]) if e.get("latitude") is not None else None
        event.add("location", place.get("name"))
        event.add("country", place.get("country"))
        entity = b.actor(place, coordinates=coordinates)
        if entity.schema.name == "Address":
            event.add("addressEntity", entity.id)
    for ev in e["evidence"]:
        article = b.article(ev)
        event.add("proof", article.id)
        if ev.get("url"):
            event.add("sourceUrl", ev["url"])
    yield event
    for i, c in enumerate(bundle.contradictions_of(e["cluster"])):
        note = b.make("Note", "contradiction", e["cluster"], str(i))
        note.add("name", f"contradiction ({c['kind']}, {c['field']})")
        note.add("entity", event.id)
        note.add("description", "; ".join(f"{r.get('outlet') or r.get('document')}: {r.get('value')}"
                                           for r in c["reports"]))
        yield note


def _claim(b: _Builder, c: dict[str, Any]) -> Any | None:
    """A claim as Documentation of its source in its article; None when the source is no actor."""
    source = (c.get("source") or {}).get("entity")
    if not source:
        return None
    entity = b.actor(source)
    link = b.make("Documentation", "claim", c["document"], c["claim"])
    link.add("document", b.article(c).id)
    link.add("entity", entity.id)
    link.add("role", "source")
    link.add("summary", c["content"])
    link.add("date", c.get("stated_at") or c.get("published"))
    link.add("description", f"reports: {c['reports']}; independent sources: {c['independent_sources']}; "
                            f"certainty: {c['certainty']}; polarity: {c['polarity']}")
    return link


def ftm_entities(bundle: Bundle) -> list[dict[str, Any]]:
    """Every entity of the export as FollowTheMoney JSON ({"id", "schema", "properties"})."""
    b = _Builder()
    for summary in bundle.entities:
        b.actor(summary, summary)
    out: list[Any] = []
    for e in bundle.events:
        out.extend(_event(b, e, bundle))
    for c in bundle.claims:
        link = _claim(b, c)
        if link is not None:
            out.append(link)
    return [p.to_dict() for p in (*b.made.values(), *out)]
