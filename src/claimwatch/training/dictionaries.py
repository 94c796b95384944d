"""Compile the field's event-coding dictionaries into claimwatch's lexicons, once.

`python -m claimwatch.training.dictionaries ../shared/data` (or `make lexicons`) reads
PETRARCH2's CAMEO verb dictionary and the Phoenix actor and agent dictionaries (data/cameo/, MIT
licence) with the CAMEO→PLOVER crosswalk (data/plover/), and writes:

- `events_cameo_verbs.json`: each verb lemma (and particle verb, "bring out") with its PLOVER
  type and mode when it stands alone, and its patterns: the subject, object and prepositional
  nouns that give it another type ("dismiss * CHARGES" → REJECT is no ACCUSE);
- `entities_phoenix_people.tsv`: people with their country and the dated terms of their roles,
  in the columns of leaders.tsv;
- `entities_phoenix_groups.tsv`: armed and non-state groups with country and sector, in the
  columns of organizations.tsv;
- `entities_phoenix_agents.tsv`: agent nouns ("police", "rebels") and the sector they give.

Each output opens with the licence notice of its source. Nothing reads ../shared at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

LEXICONS = Path(__file__).resolve().parent.parent / "nlp" / "lexicons"

#: Phoenix sector codes (the three letters after the country) → claimwatch's sectors. Codes not
#: here (ELI elites, BUS business, MED media, EDU, REL, …) give no sector of a state's apparatus.
SECTORS = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "COP": "police",
    "SPY": "military", "JUD": "government", "LEG": "government", "PTY": "opposition",
    "INS": "rebels", "UAF": "paramilitary", "IGO": "igo", "NGO": "ngo", "MED": "media",
    "BUS": "business", "CVL": "civilians", "REF": "civilians", "LAB": "civilians",
}
#: Phoenix codes of actors with no country of their own.
STATELESS = {"IGO", "NGO", "IMG", "MNC", "UIS", "IRC"}


@dataclass
class VerbEntry:
    """One verb of the CAMEO dictionary: its default code and the patterns that refine it."""

    code: str | None
    patterns: list[dict] = field(default_factory=list)


@dataclass
class CameoVerbs:
    """The parsed verb dictionary: lemma (or "verb particle") → entry."""

    verbs: dict[str, VerbEntry]
    licence: str


def read_licence(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip()


def _strip_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.strip(), comment.strip()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """`&NAME` followed by `+WORD` lines → NAME: the head words (lower case, last word of a phrase)."""
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        body, _ = _strip_comment(raw)
        if body.startswith("&"):
            current = body[1:].rstrip("_")
            synsets[current] = []
        elif body.startswith("+") and current is not None:
            synsets[current].append(_head_word(body[1:]))
        elif body:
            current = None
    return synsets


def _head_word(phrase: str) -> str:
    """The last word of an underscored phrase, lower case, without CAMEO's no-plural mark."""
    words = [w for w in phrase.strip("_").replace("+", "").split("_") if w]
    return words[-1].lower() if words else ""


_CODE = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{[^}]*\}")


def _code(text: str) -> str | None:
    """The first CAMEO code in `[...]`; `---` (no event) is None."""
    match = _CODE.search(text)
    if not match:
        return None
    code = match.group(1).split(":")[0].strip()
    return code if code and code != "---" and code.isdigit() else None


def _verb_key(word: str) -> str | None:
    """`FIND` → "find"; `+BRING_OUT` → "bring out"; a compound with its verb last (`WIRE_+TAP`) is
    left out: the parser rarely sees it as one verb."""
    word = word.strip().rstrip("_")
    if not word or not word[0].isalpha() and word[0] != "+":
        return None
    parts = word.split("_")
    if len(parts) == 1:
        return parts[0].lstrip("+").lower() or None
    if not parts[0].startswith("+"):
        return None
    return " ".join(p.lstrip("+").lower() for p in parts if p)


def _expand(token: str, synsets: dict[str, list[str]]) -> list[str]:
    if token.startswith("&"):
        return synsets.get(token[1:].rstrip("_"), [])
    word = _head_word(token)
    return [word] if word else []


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> dict | None:
    """`- PRE * POST (PREP NOUN) [CODE]` → {"code", "subject", "object", "preps"}; None when the
    pattern cannot be read. Markers of source, target and skipped words ($ + % ^) are dropped."""
    code_match = _CODE.search(body)
    if not code_match:
        return None
    text = body[1:code_match.start()].strip()
    if "*" not in text:
        return None
    pre, _, post = text.partition("*")
    preps: list[list] = []

    def take_preps(part: str) -> str:
        for group in re.findall(r"\(([^)]*)\)", part):
            words = _BRACES.sub(lambda m: m.group(0).split()[-1].rstrip("}"), group).split()
            words = [w for w in words if w not in ("+", "$", "%", "^")]
            if words:
                nouns = _expand(words[-1], synsets) if len(words) > 1 else []
                preps.append([words[0].lower(), sorted(set(nouns))])
        return re.sub(r"\([^)]*\)", " ", part)

    def heads(part: str) -> list[str]:
        part = _BRACES.sub(lambda m: m.group(0)[1:-1].split()[-1] if m.group(0)[1:-1].split() else "", part)
        words = [w for w in part.split() if w not in ("+", "$", "%", "^") and w.strip("+$%^")]
        return sorted(set(_expand(words[-1].strip("+$%^"), synsets))) if words else []

    pre, post = take_preps(pre), take_preps(post)
    pattern = {"code": _code(body[code_match.start():]), "subject": heads(pre), "object": heads(post),
               "preps": preps}
    if not (pattern["subject"] or pattern["object"] or pattern["preps"]):
        return None
    return pattern


def read_verbs(path: Path) -> CameoVerbs:
    """The verb blocks of CAMEO.2.0.txt: every verb with its code (its own, else its block's) and
    the patterns of its block. A pattern whose comment names one verb of the block applies to
    that verb only: that is the verb it was written for."""
    text = path.read_text(encoding="latin-1")
    lines = text.splitlines()
    licence = "\n".join(line[1:].strip() for line in lines if line.startswith("#"))
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line), len(lines))
    synsets = read_synsets(lines[:start])
    verbs: dict[str, VerbEntry] = {}
    block_code: str | None = None
    block_verbs: dict[str, str] = {}  # surface name in comments → key

    inherited: dict[str, str] = {}  # verb key → the block it took its code from
    block_name = ""
    for raw in lines[start + 1:end]:
        if raw.startswith("---"):
            block_code = _code(raw)
            block_name = raw.strip("- ").split("[")[0].strip().upper()
            block_verbs = {}
            continue
        body, comment = _strip_comment(raw)
        if not body:
            continue
        if body.startswith("-"):
            pattern = parse_pattern(body, synsets)
            if pattern is None:
                continue
            named = block_verbs.get(comment.split()[0].upper()) if comment else None
            for key in ([named] if named else set(block_verbs.values())):
                verbs[key].patterns.append(pattern)
            continue
        word = _BRACES.sub("", body).split("[")[0].split()
        if not word:
            continue
        key = _verb_key(word[0])
        if key is None:
            continue
        own = _code(body) if "[" in body else None
        entry = verbs.setdefault(key, VerbEntry(own or block_code))
        if own:
            entry.code = own
        elif key not in inherited and entry.code == block_code:
            inherited[key] = block_name
        block_verbs[word[0].lstrip("+").split("_")[0].upper()] = key
        block_verbs[word[0].lstrip("+").upper()] = key
    # A block named by one of its own verbs groups that verb's synonyms, which share its code; a
    # block with another name ("OVERSEE_MANAGE", "MEET_PEOPLE") groups a field of loosely related
    # verbs ("lead", "face"), whose code only holds with the block's patterns.
    headed = {name for name in set(inherited.values()) if _verb_key(name) in verbs}
    for key, name in inherited.items():
        if name not in headed:
            verbs[key].code = None
    return CameoVerbs(verbs, licence)


def read_crosswalk(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code → (PLOVER type, mode) from CAMEO2PLOVER; two-digit roots that name two types
    ("08") are left to their three-digit codes."""
    table: dict[str, tuple[str, str | None]] = {}
    roots: dict[str, set[str]] = defaultdict(set)
    for raw in path.read_text(encoding="utf-8").splitlines():
        body, _ = _strip_comment(raw)
        code, sep, rest = body.partition(":")
        if not sep or not code.strip().isdigit():
            continue
        fields = [f.strip() for f in rest.split(",")]
        type_ = fields[0].upper()
        mode = fields[1].replace(" ", "") if len(fields) > 1 and fields[1] else None
        code = code.strip()
        if len(code) == 2:
            roots[code].add(type_)
        else:
            table[code] = (type_, mode or None)
    for code, types in roots.items():
        if len(types) == 1:
            table.setdefault(code, (types.pop(), None))
    return table


def plover_of(code: str | None, crosswalk: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The PLOVER (type, mode) of a CAMEO code, by its longest prefix in the crosswalk; codes the
    crosswalk leaves out (01 statements, 02 appeals) are no event."""
    while code:
        if code in crosswalk:
            return crosswalk[code]
        code = code[:-1]
    return None


def compile_verbs(verbs: CameoVerbs, crosswalk: dict[str, tuple[str, str | None]]) -> dict:
    """The JSON lexicon: per verb its default reading and its patterns, as PLOVER readings."""
    out: dict[str, dict] = {}
    for key, entry in sorted(verbs.verbs.items()):
        default = plover_of(entry.code, crosswalk)
        patterns = []
        for pattern in entry.patterns:
            reading = plover_of(pattern["code"], crosswalk)
            patterns.append({"subject": pattern["subject"], "object": pattern["object"],
                             "preps": pattern["preps"], "reading": list(reading) if reading else None,
                             "cameo": pattern["code"]})
        if default is None and not any(p["reading"] for p in patterns):
            continue
        out[key] = {"reading": list(default) if default else None, "cameo": entry.code, "patterns": patterns}
    return {
        "about": ("CAMEO verbs and patterns of PETRARCH2's CAMEO.2.0.txt, coded in PLOVER through "
                  "CAMEO2PLOVER-2021. Generated by claimwatch.training.dictionaries: do not edit."),
        "licence": _mit_notice(verbs.licence),
        "verbs": out,
    }


def _mit_notice(header: str) -> str:
    start = header.find("The MIT License")
    return header[start:].strip() if start >= 0 else header


# --- Phoenix actors and agents ---------------------------------------------------------------

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
        body, _ = _strip_comment(raw)
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
        body, _ = _strip_comment(raw)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimwatch.training.dictionaries",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the shared data folder (holding cameo/ and plover/)")
    parser.add_argument("--out", type=Path, default=LEXICONS, help="where the lexicons go (default: the package's)")
    args = parser.parse_args(argv)
    cameo, plover = args.data / "cameo", args.data / "plover"
    for needed in (cameo / "CAMEO.2.0.txt", plover / "CAMEO2PLOVER-2021.txt", cameo / "LICENSE"):
        if not needed.exists():
            print(f"error: {needed} is missing; pass the folder that holds cameo/ and plover/", file=sys.stderr)
            return 2
    licence = read_licence(cameo / "LICENSE")
    verbs = read_verbs(cameo / "CAMEO.2.0.txt")
    lexicon = compile_verbs(verbs, read_crosswalk(plover / "CAMEO2PLOVER-2021.txt"))
    (args.out / "events_cameo_verbs.json").write_text(json.dumps(lexicon, indent=1, sort_keys=True) + "\n")
    countries = {line.split("\t")[0] for line in (LEXICONS / "countries.tsv").read_text().splitlines()
                 if line and not line.startswith("#")}
    people = compile_actors([cameo / "Phoenix.Countries.actors.txt"], countries, licence)
    (args.out / "entities_phoenix_people.tsv").write_text("\n".join(people) + "\n")
    groups = compile_groups(cameo / "Phoenix.MilNonState.actors.txt", countries, licence)
    (args.out / "entities_phoenix_groups.tsv").write_text("\n".join(groups) + "\n")
    agents = compile_agents(cameo / "Phoenix.agents.txt", licence)
    (args.out / "entities_phoenix_agents.tsv").write_text("\n".join(agents) + "\n")
    print(f"{len(lexicon['verbs'])} verbs → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
