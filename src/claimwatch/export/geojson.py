"""Events that happened at a known place, as a GeoJSON FeatureCollection (RFC 7946) for QGIS or a
web map: a Point at the place's coordinates ([longitude, latitude], WGS84) and the event's
type, parties, days, counts, cluster, independent sources and a link to the evidence.
Events whose place has no coordinates have no Feature: a map cannot show them."""

from __future__ import annotations

from typing import Any

from claimwatch.export.bundle import Bundle


def _name(actor: dict[str, Any] | None) -> str | None:
    return actor.get("name") if actor else None


def feature(event: dict[str, Any], contradictions: int = 0) -> dict[str, Any] | None:
    """One event as a Feature, or None without coordinates."""
    if event.get("latitude") is None or event.get("longitude") is None:
        return None
    happened = event.get("happened") or [None, None]
    evidence = event.get("evidence") or []
    return {"type": "Feature", "id": event["cluster"],
            "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
            "properties": {
                "cluster": event["cluster"], "type": event["type"], "cameo": event.get("cameo"),
                "actor": _name(event.get("actor")), "actor_country": (event.get("actor") or {}).get("country"),
                "target": _name(event.get("target")), "target_country": (event.get("target") or {}).get("country"),
                "place": _name(event.get("location")), "geonames": event.get("geonames"),
                "date": happened[0], "date_to": happened[1], "first_reported": event.get("first_reported"),
                "last_reported": event.get("last_reported"), "reports": event["reports"],
                "independent_sources": event["independent_sources"], "denials": event["denials"],
                "contradictions": contradictions,
                "evidence_url": evidence[0].get("url") if evidence else None,
                "evidence_text": evidence[0].get("text") if evidence else None}}


def feature_collection(bundle: Bundle) -> dict[str, Any]:
    """The FeatureCollection of the bundle's events that have a place with coordinates."""
    features = [f for e in bundle.events
                if (f := feature(e, len(bundle.contradictions_of(e["cluster"])))) is not None]
    return {"type": "FeatureCollection", "features": features}
