"""Who is who across documents: the actor an entity is, and matching a user's `--about`.

Entity ids are local to a document (`e1`). Across documents a state is keyed by its ISO code;
any other actor by its Wikidata QID where known, else by its full name, type and country
(`person:jane doe:USA`). Nothing but a state is ever keyed by its country: two officials of one
state are two actors, and only `graph --level country` rolls them up to their state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_ARTICLE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")
_SPACE = re.compile(r"\s+")

#: Entity types that are places: a place inside a state is compatible with the state itself.
PLACE_TYPES = frozenset({"place", "city", "region", "location"})


@dataclass(frozen=True)
class Actor:
    """An actor across documents; `key` is its identity in the store."""

    name: str
    type: str | None = None
    country: str | None = None
    wikidata: str | None = None
    key: str = ""
    sector: str | None = None

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", base_key(self.name, self.type, self.country, self.wikidata))

    @property
    def is_state(self) -> bool:
        return self.type == "country" and self.country is not None

    def to_dict(self) -> dict[str, str | None]:
        return {"key": self.key, "name": self.name, "type": self.type, "country": self.country,
                "wikidata": self.wikidata}


def normalize_name(name: str) -> str:
    """The name as compared: without a leading "the" or a trailing possessive, spaces collapsed, case-folded."""
    folded = _SPACE.sub(" ", _ARTICLE.sub("", name.strip())).casefold()
    return _POSSESSIVE.sub("", folded).strip()


def base_key(name: str, type: str | None, country: str | None, wikidata: str | None) -> str:
    """The key an actor gets when nothing stored already names it (a state's ISO code is as
    unique as its QID, and every mention of a state has the code, not always the QID)."""
    if type == "country" and country:
        return "country:" + country
    if wikidata:
        return "wd:" + wikidata
    key = f"{type or 'other'}:{normalize_name(name)}"
    return f"{key}:{country}" if country else key


def state_key(actor: Actor | None) -> str | None:
    """The key of the state an actor belongs to (itself, for a state)."""
    if actor is None or actor.country is None:
        return None
    return "country:" + actor.country


def compatible(a: Actor | None, b: Actor | None) -> bool:
    """Whether two reports' actors can be the same party: the same actor, one unknown, or a state
    and someone or somewhere of that state ("Syria" and "Damascus", "Iran" and "Iranian forces")."""
    if a is None or b is None or a.key == b.key:
        return True
    return _rolls_up(a, b) or _rolls_up(b, a)


def _rolls_up(state: Actor, other: Actor) -> bool:
    return state.is_state and other.country == state.country


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Names, demonyms and other names of countries as the news uses them → alpha-3, from the
    NLP lexicon (claimwatch/nlp/lexicons/countries.tsv), so that "Turkey" and "Turkish" agree."""
    from importlib.resources import files

    names: dict[str, str] = {}
    try:
        lines = (files("claimwatch.nlp") / "lexicons" / "countries.tsv").read_text("utf-8").splitlines()
    except (FileNotFoundError, ModuleNotFoundError):
        return names
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        code = cols[0].strip()
        for col in (cols[1:2] + cols[3:6]):
            for name in col.split(","):
                if name.strip() and name.strip() != "-":
                    names.setdefault(normalize_name(name), code)
    return names


@lru_cache(maxsize=1024)
def country_code(query: str) -> str | None:
    """ISO alpha-3 of a country name, demonym or code ("Turkey", "Turkish", "TUR"), if it is one."""
    import pycountry

    q = query.strip()
    if len(q) == 3 and q.isalpha() and q.isupper():
        return q
    if code := _country_names().get(normalize_name(q)):
        return code
    try:
        return pycountry.countries.lookup(q).alpha_3
    except LookupError:
        return None


class ActorQuery:
    """`--about ACTOR`: a name (word match), a Wikidata QID, an actor key, or a country (name or
    ISO code), which matches the state and everyone and everywhere of it."""

    def __init__(self, query: str) -> None:
        self.query = query.strip()
        self.folded = normalize_name(self.query)
        self.pattern = re.compile(r"(?<!\w)" + re.escape(self.folded) + r"(?!\w)")
        self.qid = self.query.upper() if re.fullmatch(r"[Qq]\d+", self.query) else None
        self.key = self.query if re.match(r"^(wd|country|person|organization|place|group|other):", self.query) \
            else None
        self.country = None if (self.qid or self.key) else country_code(self.query)

    def matches(self, actor: Actor | None) -> bool:
        if actor is None:
            return False
        if self.key:
            return actor.key == self.key
        if self.qid:
            return actor.wikidata == self.qid
        if self.country and actor.country == self.country:
            return True
        return bool(self.pattern.search(normalize_name(actor.name)))

    def in_text(self, text: str) -> bool:
        return bool(self.pattern.search(text.casefold()))
