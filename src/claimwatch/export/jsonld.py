"""Claims as schema.org `Claim` objects in JSON-LD, the shape fact-checkers' tools read (ClaimReview
points at such Claims): the claim's text, its author (the source), where it appeared (the
publication's URL, outlet and date) — and beside them what claimwatch adds, under its own terms:
reports, independent sources, denials and the contradictions of the claim's cluster."""

from __future__ import annotations

from typing import Any

from claimwatch.export.bundle import Bundle

#: schema.org, and claimwatch's own terms (`cw:`) for the corroboration schema.org has no words for.
CONTEXT: dict[str, Any] = {"@vocab": "https://schema.org/", "cw": "urn:claimwatch:terms:"}
AUTHOR_TYPES = {"person": "Person", "organization": "Organization", "group": "Organization",
                "country": "Country", "place": "Place", "city": "City"}


def _author(source: dict[str, Any]) -> dict[str, Any] | None:
    entity = source.get("entity")
    if entity:
        out = {"@type": AUTHOR_TYPES.get(entity.get("type") or "", "Thing"), "name": entity.get("name")}
        if entity.get("wikidata"):
            out["sameAs"] = f"https://www.wikidata.org/wiki/{entity['wikidata']}"
        return out
    if source.get("text"):
        return {"@type": "Thing", "name": source["text"]}
    return None


def claim_object(claim: dict[str, Any], bundle: Bundle, events: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One claim as a schema.org Claim with claimwatch's corroboration beside it."""
    appearance: dict[str, Any] = {"@type": "NewsArticle", "identifier": claim["document"]}
    if claim.get("url"):
        appearance["url"] = claim["url"]
    if claim.get("published"):
        appearance["datePublished"] = claim["published"]
    if claim.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": claim["outlet"]}
    out: dict[str, Any] = {"@type": "Claim", "@id": f"urn:claimwatch:claim:{claim['document']}:{claim['claim']}",
                           "text": claim["content"], "appearance": [appearance], "firstAppearance": appearance}
    author = _author(claim.get("source") or {})
    if author:
        out["author"] = author
    date = claim.get("stated_at") or claim.get("published")
    if date:
        out["datePublished"] = date
    event = events.get(claim.get("cluster") or "")
    out.update({"cw:cluster": claim.get("cluster"), "cw:certainty": claim.get("certainty"),
                "cw:polarity": claim.get("polarity"), "cw:reports": claim.get("reports"),
                "cw:independentSources": claim.get("independent_sources"),
                "cw:denials": event["denials"] if event else None,
                "cw:contradictions": [{"cw:kind": c["kind"], "cw:field": c["field"],
                                       "cw:values": [r.get("value") for r in c["reports"]],
                                       "cw:outlets": [r.get("outlet") for r in c["reports"]]}
                                      for c in bundle.contradictions_of(claim.get("cluster") or "")]})
    return out


def claims_document(bundle: Bundle) -> dict[str, Any]:
    """Every claim of the bundle in one JSON-LD document (`@graph`)."""
    events = {e["cluster"]: e for e in bundle.events}
    return {"@context": CONTEXT, "@graph": [claim_object(c, bundle, events) for c in bundle.claims]}
