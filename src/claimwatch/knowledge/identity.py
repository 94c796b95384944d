"""Who is who across documents: one key per actor, and matching a user's `--about` to entities.

Entity ids are local to a document (`e1`); across documents an actor is its Wikidata QID when
known, else its country for country-level actors (PLOVER codes actors by country and sector,
so "Pyongyang" and "North Korean troops" act for the same side), else its normalized name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_ARTICLE = re.compile(r"^(the)\s+", re.I)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Actor:
    name: str
    type: str | None = None
    country: str | None = None
    wikidata: str | None = None

    @property
    def key(self) -> str:
        if self.country:
            return "country:" + self.country
        if self.wikidata:
            return "wd:" + self.wikidata
        return "name:" + normalize_name(self.name)

    def to_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "type": self.type, "country": self.country, "wikidata": self.wikidata}


def normalize_name(name: str) -> str:
    return _SPACE.sub(" ", _ARTICLE.sub("", name.strip())).casefold()


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
    """`--about ACTOR`: a name (word match), a Wikidata QID, or a country (name or ISO code)."""

    def __init__(self, query: str, known: list[Actor] | None = None) -> None:
        """`known` actors named exactly like the query lend it their country ("North Korea" → PRK)."""
        self.query = query.strip()
        self.folded = normalize_name(self.query)
        self.pattern = re.compile(r"(?<!\w)" + re.escape(self.folded) + r"(?!\w)")
        self.qid = self.query.upper() if re.fullmatch(r"[Qq]\d+", self.query) else None
        self.country = country_code(self.query)
        if self.country is None and known:
            same = [a.country for a in known if a.country and a.type == "country"
                    and normalize_name(a.name) == self.folded]
            self.country = same[0] if same else None

    def matches(self, actor: Actor | None) -> bool:
        if actor is None:
            return False
        if self.qid:
            return actor.wikidata == self.qid
        if self.country and actor.country == self.country:
            return True
        return bool(self.pattern.search(normalize_name(actor.name)))

    def in_text(self, text: str) -> bool:
        return bool(self.pattern.search(text.casefold()))
