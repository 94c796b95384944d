"""Names of persons and organisations as entities: cleaning what spaCy's NER marks (titles before
a name, possessive endings, quote fragments) and keying it so that every mention of one actor
reaches one entity. The word lists (titles, name particles, words that are no surname …) are the
entities_*.tsv lexicons; places are in places.py.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimwatch.model import Entity
from claimwatch.nlp.entities.gazetteer import Entry, squash
from claimwatch.nlp.entities.scan import DocScan
from claimwatch.nlp.lexicons import word_list, word_set, word_table
from claimwatch.nlp.state import DocState

#: Titles and roles written before a name; they are not part of it.
TITLES = word_set("entities_titles.tsv")
#: Lowercase words that belong inside names ("Osama bin Laden", "Ursula von der Leyen").
PARTICLES = word_set("entities_name_particles.tsv")
#: What is left of an organisation's name that only says "its armed forces": a mention of the country.
GENERIC_MILITARY = frozenset(squash(phrase) for phrase in word_list("entities_generic_military.tsv"))
#: Last words that make a "person" spaCy found a company or a thing named after someone ("Patriot Coal",
#: "the Clinton Plan"): organisation designators and words for plans and laws, rarely a surname.
NOT_SURNAMES = frozenset(row[0] for row in word_table("entities_not_surnames.tsv"))
#: Of those, the words that name no actor at all (a plan, a law): such a "person" is dropped.
THINGS_NAMED_AFTER_PEOPLE = frozenset(row[0] for row in word_table("entities_not_surnames.tsv")
                                      if row[1:] == ("no_actor",))
#: Single words spaCy calls an organisation that name none on their own ("the Federal mine",
#: "secretary of State", "Justice is on the ballot").
GENERIC_ORG_WORDS = word_set("entities_generic_org_words.tsv")
#: Titles that give the person's sector ("Kenyan President X": government; "Russian General X": military);
#: "" for a title that gives a nationality but no sector (an analyst).
TITLE_SECTORS: dict[str, str] = {title: "" if sector == "-" else sector
                                 for title, sector in word_table("entities_title_sectors.tsv")}
#: Words before a title that change its sector ("rebel leader", "police chief", "defence minister": the
#: gazetteer codes defence ministers as military, PLOVER's MIL for the defence ministry).
TITLE_MODIFIER_SECTORS: dict[str, str] = dict(word_table("entities_title_modifier_sectors.tsv"))
#: Words before "General" that make it a civil office ("Attorney General", "Secretary-General").
CIVIL_GENERALS = word_set("entities_civil_generals.tsv")
#: Words before a title that say its holder no longer holds it.
OUT_OF_OFFICE = word_set("entities_out_of_office.tsv")
#: Tokens a walk from a title back to the country modifier may cross ("Chief of the General Staff").
_TITLE_WALK = 6
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


def is_thing_named_after_person(tokens: list[Token]) -> bool:
    """Whether a multi-word "person" ends in an organisation or plan word: "Patriot Coal"."""
    return len(tokens) > 1 and tokens[-1].text.lower() in NOT_SURNAMES


def title_country_sector(scan: DocScan, tokens: list[Token]) -> tuple[Entry | None, str | None]:
    """The country and sector that the title before a name gives its person: "Kenyan President X",
    "Ukraine's defence minister X", "the Russian Chief of the General Staff X" (and the same after
    the name as an apposition: "X, Kenya's president,"). (None, None) where no title is there."""
    doc = scan.doc
    i = tokens[0].i - 1
    while i >= 0 and doc[i].text in ("-", ","):  # "President-elect", titles set off by commas are appositions
        i -= 1
    for j in range(i, max(-1, i - 4), -1):  # "Secretary of State X", "Minister for Foreign Affairs X"
        if doc[j].lower_.rstrip(".") in TITLE_SECTORS:
            country, sector = _country_before_title(scan, j)
            return country or _country_after_name(scan, tokens), sector
        if not (doc[j].text[:1].isupper() or doc[j].lower_ in ("of", "for", "the")):
            break
    for other in tokens[-1].children:  # "X, Kenya's president, said"
        if other.dep_ == "appos" and other.lower_ in TITLE_SECTORS:
            return _country_before_title(scan, other.i)
    head = tokens[-1]
    if head.dep_ == "appos" and head.head.lower_ in TITLE_SECTORS:  # "Kenya's president, X, said"
        return _country_before_title(scan, head.head.i)
    return None, None


def _country_after_name(scan: DocScan, tokens: list[Token]) -> Entry | None:
    """"King Abdullah of Jordan", "Crown Prince X of Saudi Arabia": a titled name's country after "of"."""
    after = tokens[-1].i + 1
    if after + 1 < len(scan.doc) and scan.doc[after].lower_ == "of":
        return scan.country_at.get(after + 1)
    return None


def _country_before_title(scan: DocScan, title: int) -> tuple[Entry | None, str | None]:
    doc = scan.doc
    title_word = doc[title].lower_.rstrip(".")
    sector = TITLE_SECTORS[title_word] or None
    before = doc[title - 2] if title >= 2 and doc[title - 1].text == "-" else doc[title - 1] if title else None
    if title_word == "general" and before is not None and before.lower_ in CIVIL_GENERALS:
        sector = "government"  # "Attorney General", "Secretary-General"
    for i in range(title - 1, max(-1, title - 1 - _TITLE_WALK), -1):
        if i in scan.country_at:
            if any(doc[j].lower_ in OUT_OF_OFFICE for j in range(max(0, i - 2), i)):  # "former U.S. envoy"
                sector = None
            return scan.country_at[i], sector
        word = doc[i].lower_.rstrip(".")
        if word in OUT_OF_OFFICE:
            sector = None  # "a retired Belgian general": the country, but no longer its military
        elif word in TITLE_MODIFIER_SECTORS and sector == "government":
            sector = TITLE_MODIFIER_SECTORS[word]
        elif title_word == "leader" and sector == "government" and word not in TITLE_SECTORS \
                and doc[i].text not in _POSSESSIVE:
            sector = None  # "party leader", "Hamas leader": not the country's government
        if not (word in TITLE_SECTORS or doc[i].text in _POSSESSIVE or word in ("of", "the", "-", "and")
                or doc[i].pos_ in ("ADJ", "NOUN", "PROPN")) or (doc[i].ent_type_ == "PERSON" and word not in TITLES):
            break
    return None, None


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


def add_titled_person(scan: DocScan, tokens: list[Token]) -> None:
    """A person, with the country and sector of a title before the name ("Kenyan President X")
    where the gazetteer does not know them (a known leader's own terms are not overridden)."""
    entity = add_person(scan.state, tokens)
    if entity is None or (entity.country and entity.sector):
        return
    country, sector = title_country_sector(scan, tokens)
    if country is not None:
        entity.country = entity.country or country.country
        entity.sector = entity.sector or sector


def igo_body_end(scan: DocScan, entry: Entry, end: int) -> int:
    """The end of an IGO's sub-body that spaCy marks as one organisation and the gazetteer does
    not know ("the UN Human Rights Council", "the EU Foreign Affairs Council"), else 0."""
    ent = scan.ent_of[end - 1]
    if entry.sector != "igo" or ent is None or ent.label_ != "ORG" or ent.end <= end:
        return 0
    rest = scan.doc[end:ent.end]
    if not rest[-1].text[:1].isupper() or any(  # a title: "NATO Secretary General X" is no body
            t.lower_ in TITLES or not (t.text[:1].isupper() or t.lower_ in ("of", "for", "on", "and", "-"))
            for t in rest):
        return 0
    return ent.end


def add_igo_body(scan: DocScan, start: int, end: int) -> None:
    """A sub-body of an IGO is an organisation of its own (country None, sector igo): the actor
    graph groups by entity, and what the Security Council does is not what the General Assembly does."""
    span = scan.doc[start:end]
    scan.state.entities.add("org:" + squash(span.text), scan.state.span(span), name=span.text,
                            type="organization", sector="igo")
    scan.claim(start, end)


def add_org(scan: DocScan, ent: SpacySpan) -> Entity | None:
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


def _modifier_before(scan: DocScan, start: int) -> Entry | None:
    """A country named just before the ent: "South Korea's [National Intelligence Service]"."""
    if start >= 2 and scan.doc[start - 1].text in _POSSESSIVE and start - 2 in scan.country_at:
        return scan.country_at[start - 2]
    return scan.country_at.get(start - 1)


def _garbage(core: SpacySpan) -> bool:
    """What spaCy's small model calls an organisation but is not one: a quote fragment, a title
    ("A Disaster of Our Own"), a number, lowercase words."""
    first = core[0]
    before = first.nbor(-1) if first.i >= 2 else None
    if before is not None and before.lower_ in ("of", "for") and before.nbor(-1).lower_ in TITLE_SECTORS:
        return True  # part of a title: "Secretary of State", "Minister for Defence"
    ordinal = first.text[:1].isdigit() and len(core) > 1 and core[1].text[:1].isupper()  # "the 11th Corps"
    return (
        not (first.text[:1].isupper() or ordinal)
        or first.lower_ in ("a", "an")
        or any(t.lower_ in _PRONOUNS for t in core)
        or all(t.like_num or t.is_punct for t in core)
        or (len(core) == 1 and (first.pos_ not in ("PROPN", "NOUN") or first.lower_ in GENERIC_ORG_WORDS))
        or any(t.text in ('"', "“", "”") for t in core)
    )
