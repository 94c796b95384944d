"""The arguments of an event trigger, read off the dependency parse.

Who acts (subject, passive agent, possessor of an event noun, the subject of a controlling verb
in "plans to send"), who undergoes or receives it (object, passive subject, recipient and
beneficiary prepositions), where (a locative preposition attached to the trigger or its
destination, not any place the sentence names), when (a time expression attached to the
trigger's clause) and how many (dead, injured, personnel).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimwatch.model import Entity, Quantity, Time
from claimwatch.nlp.entities.actors import resolve_actor
from claimwatch.nlp.entities.places import PLACE_NOUNS
from claimwatch.nlp.events.memory import quantities_at, quantities_within, times_within
from claimwatch.nlp.events.plover_lexicon import lexicon
from claimwatch.nlp.events.vocabulary import (
    BORDER_NOUNS,
    COMPASS_WORDS,
    EVENT_PLACE_PREPS,
    MULTIPLIERS,
    NUMBER_WORDS,
    RELATIVE_PRONOUNS,
    SETTING_PREPS,
)
from claimwatch.nlp.state import DocState
from claimwatch.nlp.words import whole

#: Entity types that are places: a locative object that resolves to one is where the event is.
PLACE_TYPES = frozenset({"place", "country", "location", "gpe", "loc"})


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: frozenset[str] | set[str]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs of `token`'s prepositional children in `preps`; "agent" counts as "by",
    and a preposition the parser labels "dative" ("sent troops to X") counts as itself."""
    found = []
    for child in token.children:
        word = child.lower_
        if child.dep_ == "agent":
            word = "by"
        elif child.dep_ != "prep" and not (child.dep_ == "dative" and child.pos_ == "ADP"):
            continue
        if word not in preps:
            continue
        for pobj in child.children:
            if pobj.dep_ in ("pobj", "pcomp"):
                found.append((word, pobj))
    return found


def is_passive(verb: Token) -> bool:
    """A passive verb, or a participle modifying a noun ("shells expended by X"); not a clause of
    its own under a noun ("reports that it had sent troops"), which has its subject."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    )


def controller(verb: Token) -> Token | None:
    """The verb whose subject is also `verb`'s subject: "North Korea plans to send" → plans;
    "troops sent to fight" (purpose clause) → sent; a conjoined verb shares its head's subject."""
    if verb.dep_ in ("xcomp", "conj") or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                      for c in verb.children)):
        if verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            return verb.head
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return verb.head.head  # "benefits in supporting both" → the governing clause
    return None


def actor_phrase(verb: Token) -> Token | None:
    """The phrase that does what `verb` says."""
    seen, raised = 0, False
    while verb is not None and seen < 4:
        seen += 1
        if is_passive(verb):
            agents = [p for w, p in prep_objects(verb, {"by"})]
            if agents:
                return agents[0]
            if verb.dep_ == "acl":  # "shells expended by X": no agent means no actor here
                return None
            if raised:  # "X is expected to travel to Y to meet Z": X will meet
                return next(iter(children(verb, "nsubjpass")), None)
        else:
            subjects = children(verb, "nsubj", "csubj")
            if subjects:
                subj = subjects[0]
                if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return verb.head
                return subj
            if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return verb.head  # "advisers working with X"
        nxt = controller(verb)
        if nxt is None or is_passive(verb):
            return None
        raised = verb.dep_ == "xcomp"
        if nxt.dep_ != "ROOT" and any(c.dep_ == "dobj" for c in nxt.children) and verb.dep_ == "xcomp":
            return children(nxt, "dobj")[0]  # object control: "urged Germany to send"
        verb = nxt
    return None


#: Right-hand dependents that are not part of what a noun phrase denotes ("Russia, South Korea's
#: agency said" misparsed as an apposition; "troops in Ukraine"; relative clauses).
OUTSIDE_PHRASE = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "prep", "parataxis", "dep"})


def core_phrase(head: Token) -> Span:
    """The noun phrase of `head` without what follows it except "of" complements: the words
    that say who the phrase denotes ("small elements of the X military", not "... in Y")."""
    end = head.i
    for child in head.rights:
        if child.dep_ in OUTSIDE_PHRASE and not (child.dep_ == "prep" and child.lower_ not in SETTING_PREPS):
            break
        end = child.right_edge.i
    return head.doc[head.left_edge.i:end + 1]


def entity_of(
    phrase: Token | None, state: DocState, exclude: Entity | None = None, loose: bool = True
) -> Entity | None:
    """The actor a phrase denotes, if it is not `exclude` (an event is not done to oneself).
    A phrase whose head names nobody may name them in its complement ("a ban on X journalists",
    "the border with X"); a bare place ("struck Kharkiv") stands for itself."""
    if phrase is None:
        return None
    entity = resolve_actor(core_phrase(phrase), state)
    if entity is None and (phrase.pos_ == "NUM" or phrase.lower_ in NUMBER_WORDS):
        for _, pobj in prep_objects(phrase, {"of"}):  # "thousands of Kenyans": who the number counts
            entity = entity or resolve_actor(core_phrase(pobj), state)
    if entity is None and loose:
        for child in phrase.children:
            if child.dep_ == "prep" and child.lower_ not in SETTING_PREPS and child.lower_ != "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        entity = entity or resolve_actor(core_phrase(pobj), state)
    if entity is None and loose:
        entity = place_of(phrase, state)
    if entity is None or (exclude is not None and entity.id == exclude.id):
        return None
    return entity


def possessor_actor(noun: Token, state: DocState) -> Entity | None:
    """Who does what an event noun names: "Ukraine's missile strikes", "Russian strikes",
    "strikes by Israel", "aid from Japan"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return entity_of(child, state)
    for _, pobj in prep_objects(noun, {"by", "from"}):
        found = entity_of(pobj, state)
        if found is not None:
            return found
    for clause in children(noun, "acl"):  # "a strike called by the unions"
        for _, pobj in prep_objects(clause, {"by"}):
            found = entity_of(pobj, state)
            if found is not None:
                return found
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
            found = resolve_actor(child, state)
            if found is not None and (found.type or "").lower() != "place":
                return found  # a place before the noun is its setting: "the Gaza ceasefire", "Darfur fighting"
    return None


def instrument_actor(verb: Token, state: DocState) -> Entity | None:
    """A passive harm verb's actor from the event noun it happened in: "killed in X's strikes",
    "died in a Russian attack" (also through a partitive: "in one of X's strikes")."""
    lex = lexicon()
    for _, pobj in prep_objects(verb, {"in", "during", "by"}):
        nouns = [pobj] + [p for _, p in prep_objects(pobj, {"of"})]
        for noun in nouns:
            if noun.lemma_.lower() in lex.nouns:
                found = possessor_actor(noun, state)
                if found is not None:
                    return found
    return None


def place_of(phrase: Token, state: DocState) -> Entity | None:
    """The place or country a locative object names itself: its head or a name compounded with
    it ("the Kursk region"), or what it is part of ("the outskirts of X"); a possessor only of a place
    noun ("in X's Y province"): "in X's strikes" says who struck, not where."""
    # the narrower name first: "the Pakistani city of X" is in X, "X's Y region" in Y, both in a country
    words = [phrase] + [p for _, p in prep_objects(phrase, {"of"})]
    words += [c for c in phrase.children if c.dep_ in ("compound", "amod")]
    if phrase.lemma_.lower() in PLACE_NOUNS:
        words += [c for c in phrase.children if c.dep_ == "poss"]
    for word in words:
        entity = state.entities.at(state.span(word))
        if entity is not None and (entity.type or "").lower() in PLACE_TYPES:
            return entity
    return None


#: Dependencies that start another clause: a place inside one is not this event's. A participle
#: on a noun ("a school sheltering families in X") still describes the event's own phrase.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj"})


def place_within(trigger: Token, state: DocState, hops: int = 6,
                 preps: frozenset[str] = EVENT_PLACE_PREPS) -> Entity | None:
    """The nearest place named inside the event's own phrases ("hit a school in Gaza City",
    "an ambush on a convoy in northern Burkina Faso"), not in another clause."""
    frontier = [trigger]
    for _ in range(hops):
        nxt: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in CLAUSE_DEPS or child.dep_ == "punct":
                    continue
                if child.dep_ == "pobj" and node.lower_ in preps:  # "in X", not "with X's envoy"
                    place = place_of(child, state)
                    if place is not None:
                        return place
                nxt.append(child)
        frontier = nxt
    return None


#: Words after which a story's opening place names are its dateline ("KHARTOUM, March 3 (Reuters) -").
DATELINE_ENDS = frozenset({",", "(", "-", "—", "–"})


def dateline_place(doc: Doc, state: DocState) -> Entity | None:
    """The place of a wire story's dateline: the capitalised place name (at most four words) that
    opens the text before a comma, bracket or dash. The events of the story happen there unless
    their sentence names another place."""
    for end, token in enumerate(doc[:5]):
        if token.text in DATELINE_ENDS:
            if end == 0 or not all(t.is_upper or not t.is_alpha for t in doc[:end]):
                return None
            entity = state.entities.at(state.span(doc[:end]))
            return entity if entity is not None and (entity.type or "").lower() in PLACE_TYPES else None
    return None


def location(trigger: Token, state: DocState, preps: frozenset[str] = EVENT_PLACE_PREPS,
             destination: bool = False) -> Entity | None:
    """The place of the event: a locative preposition on the trigger, or on the destination or
    object it governs ("deployed to the front lines in X"). Where forces move (`destination`),
    a place they move to is where the event puts them ("moved troops to X's Y region" → Y).
    Time phrases are skipped."""
    frontier = [trigger]
    for depth in range(2):
        nxt = []
        for head in frontier:
            for word, pobj in prep_objects(head, preps | {"to", "from"} if depth == 0 else preps):
                if pobj.ent_type_ in ("DATE", "TIME"):
                    continue
                if word in preps or (destination and depth == 0 and word == "to"
                                     and pobj.lemma_.lower() not in BORDER_NOUNS):
                    found = place_of(pobj, state)
                    if found is not None:
                        return found
                nxt.append(pobj)
            for direction in head.children:
                if direction.lower_ in COMPASS_WORDS and direction.dep_ in ("advmod", "npadvmod", "amod"):
                    for _, pobj in prep_objects(direction, {"of"}):
                        found = place_of(pobj, state)
                        if found is not None:
                            return found
            if depth == 0:
                nxt.extend(children(head, "dobj"))
        frontier = nxt
    return None


def time_of(trigger: Token, state: DocState, governors: list[Token]) -> Time | None:
    """A time expression attached to the trigger (or to a verb that controls it): the first verb
    or event noun above the time's words is the trigger itself."""
    doc = trigger.doc
    if not state.times:
        return None
    lo, hi = state.span(doc[trigger.sent.start:trigger.sent.end])
    heads = {trigger.i} | {g.i for g in governors}
    for time in times_within(state, lo, hi):
        token = _token_at(doc, time.span[0] - state.offset)
        if token is None:
            continue
        node = token
        for _ in range(8):
            if node.i in heads:
                return time
            if node.head.i == node.i or (node.i != token.i and node.pos_ in ("VERB", "AUX")):
                break
            node = node.head
    return None


def _token_at(doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def count_of(noun: Token, state: DocState) -> tuple[float | None, str, list[Quantity]]:
    """How many of `noun` there are ("six soldiers", "over 12,000 troops", "thousands of
    protesters"), the counted word's lemma, and the quantities found for it."""
    counted = noun
    for _, pobj in prep_objects(noun, {"of"}):
        if noun.pos_ == "NUM" or noun.lemma_.lower() in NUMBER_WORDS:
            counted = pobj  # "thousands of protesters", "dozens of soldiers"
    doc = noun.doc
    left = doc[noun.left_edge.i]
    lo, hi = state.span((left.idx, noun.idx + len(noun.text)))
    quantities = quantities_within(state, lo, hi)
    if counted.i != noun.i:
        quantities = quantities or quantities_at(state, noun.idx + state.offset)
    if quantities:
        return float(quantities[-1].value), counted.lemma_.lower(), quantities
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    if noun.pos_ == "NUM" or (counted.i != noun.i):
        numbers = [noun]
    for number in numbers:
        value = parse_number(number)
        if value is not None:
            return value, counted.lemma_.lower(), []
    return None, counted.lemma_.lower(), []


def parse_number(number: Token) -> float | None:
    """The value of a number token with its multiplier ("12,000", "six", "3 million")."""
    text = number.lower_.replace(",", "")
    value: float | None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        value = float(text)
    else:
        value = NUMBER_WORDS.get(text)
    if value is None:
        return None
    for child in number.children:
        if child.dep_ in ("compound", "nummod", "quantmod") and child.lower_ in MULTIPLIERS:
            value *= MULTIPLIERS[child.lower_]
    if number.head.lower_ in MULTIPLIERS and number.head.dep_ == "nummod":
        value *= MULTIPLIERS[number.head.lower_]
    return value


def as_number(value: float | None) -> int | float | None:
    """A count as the Event shows it: an int where whole, None where unknown."""
    return None if value is None else whole(value)


def is_person_unit(lemma: str) -> bool:
    return lemma in lexicon().person_units
