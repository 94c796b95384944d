"""Who a claim comes from: the source phrase of a cue, its kind, and the entity it names.

A source is the noun phrase that says or thinks something. Its text is the phrase without
trailing appositions and relative clauses ("Brandon Smith, an expert on X," is "Brandon
Smith"), so that it reads as a name. Pronouns keep their text ("he") and are linked to the
person they most likely stand for: the last person source of a claim or person mentioned as a
subject; role nouns ("the general") to the person given that title (link_pronouns).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimwatch.model import Claim, Entity, Source
from claimwatch.nlp.attribution.contents import CLOSERS
from claimwatch.nlp.attribution.cues import PERSON_PRONOUNS, SPEECH_VERBS, UNNAMED_SOURCE_NOUNS
from claimwatch.nlp.lexicons import word_set
from claimwatch.nlp.state import DocState

#: Right-hand dependents that end a source phrase: what follows them describes the source.
_PHRASE_ENDS = frozenset({"appos", "relcl", "acl", "punct", "parataxis", "advcl", "ccomp", "dep"})
_NAMED_ENT_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_SPEAKER_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "you"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def agent_of(verb: Token) -> Token | None:
    """The object of a passive verb's "by" phrase ("reported by the agency"), if any."""
    return next((agent for c in verb.children if c.dep_ == "agent" and (agent := _object_of(c)) is not None), None)


def _object_of(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, borrowed from the verb it is coordinated with or depends on when it
    has none ("…, adding that", "reports have surfaced indicating that")."""
    seen = 0
    while seen < 4:
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return _antecedent(child)
            if child.dep_ == "agent" and (agent := _object_of(child)) is not None:  # "it was reported by X"
                return agent
        if verb.dep_ in ("conj", "xcomp") and verb.head != verb:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ == "advcl" and verb.head != verb:
            return _governing_speaker(verb)
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in UNNAMED_SOURCE_NOUNS:
            return verb.head  # "reports indicating that"
        if verb.dep_ == "relcl":  # "Smith, who said that …": the relative pronoun stands for its head
            return verb.head
        return None
    return None


def _governing_speaker(participle: Token) -> Token | None:
    """The subject of "…, adding that": the main verb's subject, if it is someone who can say things.
    A verb of saying hanging on a verb of saying shares its speaker whatever the noun ("the agency said,
    warning that"); one the parser hung inside the reported clause ("said that C would happen, saying
    that") belongs to the verb of saying that reports the clause."""
    head = participle.head
    subject = subject_of(head)
    saying = participle.lemma_.lower() in SPEECH_VERBS
    if subject is not None and (_can_speak(subject) or saying and head.lemma_.lower() in SPEECH_VERBS):
        return subject
    if saying and head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS:
        return subject_of(head.head)
    return None


def _can_speak(token: Token) -> bool:
    """Whether a noun phrase head can be the source of a statement: a name, a person pronoun, or
    a noun for a kind of source ("reports", "officials")."""
    return (token.pos_ == "PROPN" or token.ent_type_ in _NAMED_ENT_TYPES or token.lower_ in _SPEAKER_PRONOUNS
            or token.lemma_.lower() in UNNAMED_SOURCE_NOUNS)


def _antecedent(token: Token) -> Token:
    """A relative pronoun's antecedent ("Smith, who said" → Smith); any other token itself."""
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token indices [start, end) of the source phrase headed by `head`."""
    start, end = head.left_edge.i, head.i + 1
    for child in head.rights:
        if child.dep_ in _PHRASE_ENDS:
            break
        end = child.right_edge.i + 1
    start = _after_folded_quotation(head.doc, start, head.i)
    while start < head.i and head.doc[start].is_punct:
        start += 1
    return start, end


def _within_line(doc: Doc, start: int, end: int, head: int) -> tuple[int, int]:
    """[start, end) cut to the line of the head. The parse can join the last words of a headline to the
    subject of the paragraph below it; the source a reader is shown never runs over a line break. (The
    candidates' readings keep the parse's phrase: the cue model learned from those.)"""
    for i in range(head - 1, start - 1, -1):
        if "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(head + 1, end):
        if "\n" in doc[i].text:
            end = i
            break
    return start, end


def _after_folded_quotation(doc: Doc, start: int, head: int) -> int:
    """Where a source phrase starts when the parse has folded the quotation before it into it
    ('"C," Jane Doe, 69, told'): after the last closing mark between `start` and the head that a
    comma touches; `start` when there is none."""
    for i in range(head - 1, start - 1, -1):
        if doc[i].text in CLOSERS and (
                (i > 0 and doc[i - 1].text == ",") or (i + 1 < len(doc) and doc[i + 1].text == ",")):
            return i + 1
    return start


def subject_source(subject: Token | None, state: DocState) -> Source:
    """The Source of a claim whose source is the subject `subject`, or an unnamed one when there is none."""
    return make_source(subject, state) if subject is not None else Source(None, None, "unnamed")


def make_source(head: Token, state: DocState) -> Source:
    """The Source of a claim whose source phrase is headed by `head`. Pronouns are linked
    later, by `link_pronouns`, once the claims before them are known."""
    doc = head.doc
    start, end = _within_line(doc, *phrase_bounds(head), head.i)
    span = state.span((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    text = state.text_of(span)
    if head.pos_ == "PRON":
        lower = head.lower_
        return Source(text, span, "named" if lower in PERSON_PRONOUNS or lower in ("i", "we") else "unnamed")
    entity = state.entities.at(state.span(head)) or state.entities.at(span)
    named = head.pos_ == "PROPN" or head.ent_type_ in _NAMED_ENT_TYPES or (entity is not None and _is_name(head))
    return Source(text, span, "named" if named else "unnamed", entity.id if entity and named else None)


def source_of_name(doc: Doc, start: int, end: int, state: DocState) -> Source:
    """The Source written as the name in tokens [start, end) where the layout, not the parse, says who
    speaks (a credit line, a transcript's speaker label): named, with the entity it is a mention of."""
    span = state.span((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    entity = state.entities.at(span)
    return Source(state.text_of(span), span, "named", entity.id if entity is not None else None)


def _is_name(head: Token) -> bool:
    return head.is_title or head.is_upper


def link_pronouns(claims: list[Claim], state: DocState, doc: Doc | None = None) -> None:
    """Link each person-pronoun source ("he notes") to the person it most likely stands for, each role
    noun ("the general said") to the person who was given that title, and each definite description
    ("the ministry said") to the organisation it shortens. `claims` are in text order of their sources;
    those already in `state.claims` come before them; `doc` is the parse they come from.

    A pronoun goes to the later of the last person who was the source of a claim and the last person
    mentioned as the subject of a clause (the speaker of "Gen. X met President Y. … he said" is the
    general, not the president he met); only where neither is found, to the nearest person mentioned."""
    last_person: tuple[int, str] | None = None  # (start, entity id) of the last person source seen
    for claim in reversed(state.claims):
        found = _person_of(claim.source, state)
        if found:
            last_person = found
            break
    for claim in claims:
        source = claim.source
        if source.span and source.text and source.text.lower() in PERSON_PRONOUNS and source.entity is None:
            best = _pronoun_antecedent(source.span[0], last_person, state, doc)
            source.entity = best[1] if best else None
            continue
        if source.span and source.text and source.entity is None and (holder := _role_holder(source, state)):
            source.entity, source.kind = holder[1], "named"
            last_person = (source.span[0], holder[1])
            continue
        if source.span and source.text and source.entity is None:
            described = _described_organisation(source, state)
            if described is not None:
                source.entity, source.kind = described.id, "named"
                continue
        found = _person_of(source, state)
        if found:
            last_person = found


#: How far back a definite description ("the ministry") looks for the organisation it names.
DESCRIPTION_WINDOW = 3000
#: Titles and roles written before a person's name ("Gen.", "President", "spokesman").
_TITLES = word_set("entities_titles.tsv")
#: How many characters around a person's mention may hold the title it is given ("Gen. X", "X, the general,").
_TITLE_BEFORE, _TITLE_AFTER = 30, 80
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _pronoun_antecedent(at: int, last_person: tuple[int, str] | None, state: DocState,
                        doc: Doc | None) -> tuple[int, str] | None:
    """(start, entity id) of the person a pronoun at character `at` stands for: the later of the last
    person source (`last_person`) and the last person mentioned as a subject; else the nearest person."""
    nearest = None
    for span, entity in reversed(state.entities.mentions_in((max(0, at - DESCRIPTION_WINDOW), at))):
        if entity.type != "person":
            continue
        nearest = nearest or (span[0], entity.id)
        if doc is None or _mentioned_as_subject(span, state, doc):
            subject = (span[0], entity.id)
            return subject if last_person is None or subject[0] > last_person[0] else last_person
    return last_person or nearest


def _mentioned_as_subject(span: tuple[int, int], state: DocState, doc: Doc) -> bool:
    """Whether the mention at character `span` of the document is the subject of its clause in `doc`."""
    start, end = span[0] - state.offset, span[1] - state.offset
    if start < 0 or end > doc[-1].idx + len(doc[-1].text):
        return False
    words = doc.char_span(start, end, alignment_mode="expand")
    return words is not None and len(words) > 0 and words.root.dep_ in _SUBJECT_DEPS


def _role_holder(source: Source, state: DocState) -> tuple[int, str] | None:
    """'The general said …' after "Gen. Mark Daley": a role noun ("the general", "the spokesman") stands for
    the nearest person mentioned before it with that title before the name ("Gen." is short for it) or in
    an apposition after it ("Mark Daley, the army's top general,")."""
    words = source.text.lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _TITLES:
        return None
    role = words[1]
    text = state.document.text
    at = source.span[0]
    for span, entity in reversed(state.entities.mentions_in((max(0, at - DESCRIPTION_WINDOW), at))):
        if entity.type != "person":
            continue
        before = text[max(0, span[0] - _TITLE_BEFORE):span[0]].lower().replace(".", " ").split()
        after = text[span[1]:min(at, span[1] + _TITLE_AFTER)]
        titled = bool(before) and (before[-1] == role or (len(before[-1]) >= 3 and role.startswith(before[-1])))
        if titled or (after.startswith(",") and role in after.split(",")[1].lower().split()):
            return span[0], entity.id
    return None


def _described_organisation(source: Source, state: DocState) -> Entity | None:
    """'The ministry said …' after "Turkey's Defence Ministry": a definite description whose head
    noun ends the name of an organisation mentioned shortly before stands for that organisation."""
    words = source.text.lower().split()
    if len(words) != 2 or words[0] != "the" or not words[1].isalpha():
        return None
    head = words[1]
    at = source.span[0]
    for _span, entity in reversed(state.entities.mentions_in((max(0, at - DESCRIPTION_WINDOW), at))):
        if entity.type == "organization" and entity.name.lower().split()[-1] == head:
            return entity
    return None


def _person_of(source: Source, state: DocState) -> tuple[int, str] | None:
    if source.kind != "named" or not source.span or not source.entity:
        return None
    entity = state.entities.at(source.span)
    if entity is None or entity.id != source.entity or entity.type != "person":
        return None
    return source.span[0], entity.id
