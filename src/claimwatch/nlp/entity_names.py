"""Names of persons, organisations and places as entities: cleaning what spaCy's NER marks
(titles before a name, possessive endings, quote fragments) and keying it so that every
mention of one actor reaches one entity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimwatch.model import Entity, Span
from claimwatch.nlp.gazetteer import Place, squash
from claimwatch.nlp.state import DocState

if TYPE_CHECKING:
    from claimwatch.nlp.entities import _Scan

#: Titles and roles written before a name; they are not part of it.
TITLES = frozenset(
    "mr mrs ms miss dr prof professor president vice prime minister chancellor secretary general gen lt col "
    "colonel major maj capt captain sgt sergeant admiral adm commander cmdr marshal lieutenant brigadier "
    "sen senator rep representative gov governor mayor king queen prince princess sheikh emir pope cardinal "
    "bishop rabbi imam judge justice chief deputy ambassador spokesman spokeswoman spokesperson analyst expert "
    "director chairman chairwoman leader premier foreign defense defence military former acting sir lord lady "
    "dame st saint".split()
)
#: Lowercase words that belong inside names ("Osama bin Laden", "Ursula von der Leyen").
PARTICLES = frozenset("al el bin ibn bint abu de da di do dos das du van von der den la le del ben ter".split())
#: What is left of an organisation's name that only says "its armed forces": a mention of the country.
GENERIC_MILITARY = frozenset(
    squash(p) for p in (
        "army", "navy", "air force", "air forces", "military", "armed forces", "forces", "troops", "marines",
        "marine corps", "coast guard", "national guard", "ground forces", "special forces", "defense forces",
        "defence forces", "aerospace forces", "border guard", "border guards", "army and navy",
    )
)
_POSSESSIVE = ("'s", "’s", "'", "’")
_PRONOUNS = frozenset("i we our my his her their your its us me".split())


def person_name_tokens(ent: SpacySpan) -> list[Token]:
    """The tokens of the name itself: "Military analyst Bruce Bechtol's" → Bruce Bechtol."""
    tokens = [t for t in ent if t.text not in _POSSESSIVE and not (t.is_punct and t.text not in "-.")]
    start = 0
    for k, token in enumerate(tokens):
        word = token.text.lower().rstrip(".")
        hyphenated = k > 0 and tokens[k - 1].text == "-" and not tokens[k - 1].whitespace_  # "Cho Han-bum"
        if ((token.text[:1].islower() and word not in PARTICLES) or word in TITLES) and not hyphenated:
            start = k + 1
    name = tokens[start:]
    while name and (name[-1].text in "-." or name[-1].text.lower() in PARTICLES):
        name.pop()
    if not name or not name[0].text[:1].isupper() or any(t.like_num or t.text.lower() in _PRONOUNS for t in name):
        return []
    return name


def add_person(state: DocState, tokens: list[Token]) -> Entity | None:
    """A person mention; a lone surname joins the person the text already named in full."""
    if not tokens:
        return None
    doc = tokens[0].doc
    span = doc[tokens[0].i:tokens[-1].i + 1]
    key = "person:" + squash(span.text)
    found = state.entities.get(key)
    name = found.name if found else span.text
    entity = state.entities.add(key, state.span(span), name=name, type="person")
    if len(tokens) > 1:
        state.entities.alias(key, "person:" + squash(tokens[-1].text))
        state.entities.alias(key, "person:" + squash(tokens[0].text))  # "Hillary" after "Hillary Clinton"
    return entity


def add_place(state: DocState, span: Span, place: Place) -> Entity:
    """A place mention, keyed by its geonames id, with its country and coordinates."""
    key = f"place:{place.geonames}" if place.geonames else "place:" + squash(place.name)
    entity = state.entities.add(key, span, name=place.name, type="place", country=place.country)
    entity.geonames = place.geonames
    entity.latitude, entity.longitude = place.latitude, place.longitude
    return entity


def add_org(scan: _Scan, ent: SpacySpan) -> Entity | None:
    """An organisation ent; its country comes from a modifier ("South Korea's", "Russian", "of Ukraine"),
    which is itself a mention of the country. A bare "the Russian Army" is a mention of Russia."""
    doc, state = scan.doc, scan.state
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ == "the":
        start += 1
    country, demonym_start = None, None
    while start < end and start in scan.country_at:  # the modifier inside the ent
        country = scan.country_at[start]
        if demonym_start is None:
            demonym_start = start
        start += 1
    if start < end and doc[start].text in _POSSESSIVE:
        start, demonym_start = start + 1, None
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    core = doc[start:end]
    if _garbage(core) or any(scan.claimed[i] and doc[i - 1].lower_ != "of" for i in range(start, end)):
        return None
    if country is None:
        country = _modifier_before(scan, ent.start) or next(
            (scan.country_at[i] for i in range(start, end) if i in scan.country_at), None)
    if country is not None and squash(core.text) in GENERIC_MILITARY:
        state.entities.add(country.key, state.span(core), name=country.name, type="country",
                           country=country.country, wikidata=country.wikidata)
        return None
    plain_key = "org:" + squash(core.text)
    name = doc[demonym_start:end].text if demonym_start is not None else core.text
    if country is None:
        return state.entities.add(plain_key, state.span(core), name=name, type="organization")
    entity = state.entities.add(f"{plain_key}|{country.country}", state.span(core), name=name,
                                type="organization", country=country.country)
    state.entities.alias(f"{plain_key}|{country.country}", plain_key)
    return entity


def _modifier_before(scan: _Scan, start: int):
    """A country named just before the ent: "South Korea's [National Intelligence Service]"."""
    if start >= 2 and scan.doc[start - 1].text in _POSSESSIVE and start - 2 in scan.country_at:
        return scan.country_at[start - 2]
    return scan.country_at.get(start - 1)


def _garbage(core: SpacySpan) -> bool:
    """What spaCy's small model calls an organisation but is not one: a quote fragment, a title
    ("A Disaster of Our Own"), a number, lowercase words."""
    first = core[0]
    ordinal = first.text[:1].isdigit() and len(core) > 1 and core[1].text[:1].isupper()  # "the 11th Corps"
    return (
        not (first.text[:1].isupper() or ordinal)
        or first.lower_ in ("a", "an")
        or any(t.lower_ in _PRONOUNS for t in core)
        or all(t.like_num or t.is_punct for t in core)
        or (len(core) == 1 and first.pos_ not in ("PROPN", "NOUN"))  # "Federal", "Justice"
        or any(t.text in ('"', "“", "”") for t in core)
    )
