"""The Phoenix actor and agent dictionaries (PETRARCH2) read into claimwatch's gazetteer tables.

People with their country and the dated terms of their roles (leaders.tsv's columns), armed and
non-state groups with country and sector (organizations.tsv's columns), agent nouns with the sector
they give (claimwatch.training.dictionaries writes them to lexicons/entities_phoenix_*.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from claimwatch.training.cameo_verbs import strip_comment

SECTORS = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "COP": "police",
    "SPY": "military", "JUD": "government", "LEG": "government", "PTY": "opposition",
    "INS": "rebels", "UAF": "paramilitary", "IGO": "igo", "NGO": "ngo", "MED": "media",
    "BUS": "business", "CVL": "civilians", "REF": "civilians", "LAB": "civilians",
}
#: Phoenix codes of actors with no country of their own.
STATELESS = {"IGO", "NGO", "IMG", "MNC", "UIS", "IRC"}


_ROLE = re.compile(r"\[([A-Z~]{3,})(?:\s+([<>]?\d{6,8})(?:-(\d{6,8}))?)?\]")


def _day(raw: str | None) -> str:
    """A Phoenix date (YYMMDD or YYYYMMDD) as ISO; two-digit years are 19xx above 30."""
    if not raw:
        return ""
    raw = raw.lstrip("<>")
    if len(raw) == 6:
        year = int(raw[:2])
        raw = ("19" if year > 30 else "20") + raw
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


@dataclass
class PhoenixActor:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str]] = field(default_factory=list)  # (code, start, end)


def _phrase(raw: str) -> str:
    """`SERGEY_V._LAVROV_` → "Sergey V. Lavrov"."""
    words = [w for w in raw.strip().strip("+").strip("_").split("_") if w]
    return " ".join(w.capitalize() if w.isalpha() else w.title() for w in words)


def read_actors(path: Path) -> list[PhoenixActor]:
    """The actors of a Phoenix .actors file: a name line, `+` alias lines, and `[CODE dates]` roles,
    on the name line or on lines of their own."""
    actors: list[PhoenixActor] = []
    current: PhoenixActor | None = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        body, _ = strip_comment(raw)
        if not body:
            continue
        roles = [(m.group(1), m.group(2) or "", m.group(3) or "") for m in _ROLE.finditer(body)]
        text = _ROLE.sub("", body).strip()
        if body.startswith("+") and current is not None:
            current.aliases.append(_phrase(text))
        elif text and not raw[:1].isspace():
            current = PhoenixActor(_phrase(text))
            actors.append(current)
        if current is not None:
            current.roles.extend(roles)
    return actors


def _terms(roles: list[tuple[str, str, str]]) -> tuple[str | None, str]:
    """The country and the `sector:START..END|…` terms of an actor's roles (leaders.tsv's format)."""
    country = None
    terms = []
    for code, start, end in roles:
        code = code.lstrip("~")
        head, rest = code[:3], code[3:6]
        if head in STATELESS:
            continue
        country = country or head
        sector = SECTORS.get(rest[:3])
        if sector is None:
            continue
        begin, finish = (_day(start), _day(end)) if not start.startswith(">") and not start.startswith("<") else (
            (_day(start), "") if start.startswith(">") else ("", _day(start)))
        terms.append(f"{sector}:{begin}..{finish}")
    return country, "|".join(terms)


#: Head nouns of organisations: the country dictionary lists bodies ("Defense Intelligence
#: Agency") among its people, and a body is no person.
ORGANISATION_WORDS = frozenset({
    "agency", "army", "assembly", "association", "authority", "bank", "board", "bureau", "cabinet",
    "command", "commission", "committee", "company", "congress", "corporation", "council", "court",
    "department", "directorate", "embassy", "federation", "force", "forces", "front", "government",
    "group", "guard", "institute", "league", "ministry", "movement", "navy", "office", "organization",
    "organisation", "parliament", "party", "police", "senate", "service", "union", "university",
})


def _name_like(name: str) -> bool:
    """A full name safe to match in running text: two words or more, each of three letters or
    more or an initial ("Sergey V. Lavrov"); "In Tam" or "So Khun" would match ordinary words."""
    words = name.split()
    if {w.lower() for w in words} & ORGANISATION_WORDS:
        return False
    return len(words) > 1 and all(len(w) >= 3 or (len(w) == 2 and w.endswith(".")) for w in words)


def compile_actors(files: list[Path], known_countries: set[str], licence: str) -> list[str]:
    """leaders.tsv-style rows for every Phoenix person with a country: canonical name,
    aliases of at least two words (a surname alone, even one no other actor has, is too often
    someone else's first name: "Abbas"), country, no QID, terms."""
    actors = [a for path in files for a in read_actors(path)]
    rows = ["# " + line for line in (
        "People of the Phoenix country actor dictionary (PETRARCH2), with country and dated roles.",
        "Generated by claimwatch.training.dictionaries from ../shared/data/cameo: do not edit.",
        "Columns as leaders.tsv: canonical name, other names, country (alpha3), wikidata QID, terms.",
        *licence.splitlines())]
    seen: set[str] = set()
    for actor in actors:
        country, terms = _terms(actor.roles)
        if country not in known_countries or not _name_like(actor.name):
            continue
        others = [a for a in dict.fromkeys(actor.aliases)
                  if a.lower() != actor.name.lower() and "," not in a and "\t" not in a
                  and _name_like(a)]
        key = actor.name.lower()
        if key in seen:
            continue
        seen.add(key)
        rows.append("\t".join([actor.name, ",".join(others), country, "", terms]))
    return rows


def compile_groups(path: Path, known_countries: set[str], licence: str) -> list[str]:
    """organizations.tsv-style rows (kind, names, country, sector, QID) for the armed and non-state
    groups of Phoenix.MilNonState that belong to one country."""
    rows = ["# " + line for line in (
        "Armed and non-state groups of the Phoenix MilNonState dictionary (PETRARCH2), with country and sector.",
        "Generated by claimwatch.training.dictionaries from ../shared/data/cameo: do not edit.",
        "Columns as organizations.tsv: kind, names (comma-separated), country (alpha3), sector, wikidata QID.",
        *licence.splitlines())]
    seen: set[str] = set()
    for actor in read_actors(path):
        country, terms = _terms(actor.roles)
        if country not in known_countries or not terms:
            continue
        sector = terms.split(":")[0]
        names = [n for n in dict.fromkeys([actor.name, *actor.aliases])
                 if "," not in n and n.lower() not in seen and len(n) > 3]
        seen.update(n.lower() for n in names)
        if names:
            rows.append("\t".join(["org", ",".join(names), country, sector, ""]))
    return rows


def compile_agents(path: Path, licence: str) -> list[str]:
    """Agent nouns with the sector their Phoenix code gives (`POLICE [~COP]` → police)."""
    macros: dict[str, list[str]] = {}
    rows = ["# " + line for line in (
        "Agent nouns of the Phoenix agents dictionary (PETRARCH2) and the sector each gives its actor.",
        "Generated by claimwatch.training.dictionaries from ../shared/data/cameo: do not edit.",
        "Columns: the noun phrase, lower case; the sector.", *licence.splitlines())]
    seen: set[str] = set()
    for raw in path.read_text(encoding="latin-1").splitlines():
        body, _ = strip_comment(raw)
        macro = re.match(r"^(!\w+!)\s*=\s*(.+)$", body)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        match = _ROLE.search(body)
        if not match:
            continue
        sector = SECTORS.get(match.group(1).lstrip("~")[:3])
        phrase = body[:match.start()].strip()
        if not sector or not phrase:
            continue
        forms = [phrase]
        for name, words in macros.items():
            if name in phrase:
                forms = [phrase.replace(name, w) for w in words]
        for form in forms:
            text = form.replace("_", " ").strip().lower()
            if text and text not in seen and "!" not in text:
                seen.add(text)
                rows.append(f"{text}\t{sector}")
    return rows
