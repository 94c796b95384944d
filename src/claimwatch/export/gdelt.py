"""Event clusters as GDELT 2.0 Events rows (tab-separated, no quoting, GDELT's 61 columns in order),
for scripts written against GDELT.

Only what claimwatch knows is filled; every other cell is left empty, never guessed:
- GLOBALEVENTID: the cluster id's hex digits as an integer (stable across exports of one store).
- SQLDATE/MonthYear/Year/FractionDate: the first day the event happened (its own date, else its
  first publication's), as GDELT writes them.
- Actor1/2: name; CountryCode and, for a state, Code: the ISO 3166-1 alpha-3 code (CAMEO's country
  codes are these three letters).
- EventCode/EventBaseCode/EventRootCode: the CAMEO code of the events (nlp's PLOVER→CAMEO
  crosswalk), a root `07` written as its unspecified code `070`; QuadClass follows from the root.
- NumMentions: reports; NumSources: independent sources; NumArticles: documents.
- ActionGeo: the place's name and coordinates where the gazetteer has them; type 1 for a country.
  GDELT's geography codes are FIPS and its feature ids GNS, which claimwatch does not have.
- SOURCEURL: the URL of the first evidence. DATEADDED (when GDELT saw it) has no equivalent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any, TextIO

from claimwatch.export.bundle import Bundle


@cache
def columns() -> list[str]:
    """The 61 column names of a GDELT 2.0 event record (export/gdelt_columns.json)."""
    return json.loads((files("claimwatch.export") / "gdelt_columns.json").read_text("utf-8"))["columns"]


def quad_class(root: str) -> int | None:
    """CAMEO root → GDELT QuadClass: 1 verbal cooperation (01–05), 2 material cooperation (06–09),
    3 verbal conflict (10–14), 4 material conflict (15–20)."""
    if not root.isdigit():
        return None
    n = int(root)
    return 1 if 1 <= n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4 if n <= 20 else None


def _actor(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    if not actor:
        return {}
    country = actor.get("country")
    state = actor.get("type") == "country" and country
    return {f"{prefix}Code": country if state else None, f"{prefix}Name": actor.get("name"),
            f"{prefix}CountryCode": country}


def _when(day: date) -> dict[str, Any]:
    fraction = day.year + (day.timetuple().tm_yday - 1) / (366 if day.year % 4 == 0 else 365)
    return {"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": day.year,
            "FractionDate": f"{fraction:.4f}"}


def gdelt_row(event: dict[str, Any]) -> dict[str, Any]:
    """One cluster's cells by column name (what is unknown is absent)."""
    row: dict[str, Any] = {"GLOBALEVENTID": int(event["cluster"].lstrip("k"), 16)}
    happened = event.get("happened") or [event.get("first_reported")]
    if happened[0]:
        row.update(_when(date.fromisoformat(happened[0][:10])))
    row.update(_actor("Actor1", event.get("actor")))
    row.update(_actor("Actor2", event.get("target")))
    cameo = event.get("cameo")
    if cameo:
        code = cameo if len(cameo) > 2 else cameo + "0"
        row.update({"EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
                    "QuadClass": quad_class(code[:2])})
    row.update({"NumMentions": event.get("mentions", event["reports"]), "NumSources": event["independent_sources"],
                "NumArticles": event["reports"]})
    place = event.get("location")
    if place:
        row["ActionGeo_FullName"] = place.get("name")
        if place.get("type") == "country":
            row["ActionGeo_Type"] = 1
        if event.get("latitude") is not None:
            row["ActionGeo_Lat"], row["ActionGeo_Long"] = event["latitude"], event["longitude"]
    evidence = event.get("evidence") or []
    if evidence and evidence[0].get("url"):
        row["SOURCEURL"] = evidence[0]["url"]
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # no tab or newline may break a row


def write_gdelt(bundle: Bundle | Iterable[dict[str, Any]], stream: TextIO, *, header: bool = False) -> int:
    """Write the events as GDELT 2.0 TSV rows (with the column names first when `header`); returns the rows."""
    events = bundle.events if isinstance(bundle, Bundle) else list(bundle)
    names = columns()
    if header:
        stream.write("\t".join(names) + "\n")
    for event in events:
        row = gdelt_row(event)
        stream.write("\t".join(_cell(row.get(name)) for name in names) + "\n")
    return len(events)
