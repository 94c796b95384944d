"""Uses of trigger words that name no new event, or another one, in political news.

Event words are often used for something other than an event that happens: an agreement named
as a thing ("withdrew from the Paris agreement", "the Iran nuclear deal"), a harm verb used of
words ("Trump attacked McCain", "it hit the senator, saying ..."), a threat as a description
("climate change is a threat to homes"), a warning that only predicts ("warned that prices would
rise"), an opinion ("agreed that the rules are outdated"), talk without a partner ("went on to
discuss the polls"), a rally a candidate speaks at, or a rehearsal of violence ("simulated an
attack"). Each rule here reads the parse around one trigger and says what it really is.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.nlp.events.plover_lexicon import lemma_of, lexicon
from claimwatch.nlp.events.vocabulary import (
    CONTEST_WORDS,
    CRITICISM_HARM_VERBS,
    EXISTING_AGREEMENT_VERBS,
    FRAME_NOUNS,
    MAKING_AGREEMENT_VERBS,
    NATURAL_HAZARDS,
    PARTNER_ROLES,
    PERSON_PRONOUNS,
    POTENTIAL_NOUNS,
    RALLY_HOST_VERBS,
    REFLEXIVES,
    REHEARSAL_VERBS,
    SPEAKER_PRONOUNS,
    SPEECH_VERBS,
    THREAT_OBJECTS,
    VERBAL_MODIFIERS,
    WH_WORDS,
)

# The word lists these rules read are data (lexicons/events_usage.json); the parser's entity
# labels and the PLOVER types they test stay here.
#: Entity labels by which a name identifies an agreement ("the Paris agreement").
NAME_TYPES = frozenset({"GPE", "ORG", "NORP", "LOC", "EVENT", "LAW", "FAC", "PERSON", "DATE"})
#: Subjects that make a harm verb physical: states, peoples, places.
STATE_TYPES = frozenset({"GPE", "NORP", "LOC", "FAC"})
#: Event types whose trigger, warned of, makes a warning a threat ("warned of strikes").
FORCE_TYPES = frozenset({"ASSAULT", "SANCTION", "COERCE"})


def _governor(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition ("pulled out of the deal")."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "pobj") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "prt", "agent") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ == "prt":
        return head.head.head
    return None


def names_existing_agreement(noun: Token) -> bool:
    """"Withdrew from the Paris agreement", "joined the treaty", "the Iran nuclear deal": an
    agreement noun that names an existing thing, not the act of agreeing. It does when a verb
    treats it as existing, or when a name identifies it and no verb makes it ("signed the
    Paris agreement" is still an act of signing)."""
    if noun.dep_ in ("attr", "oprd"):
        return True  # "it was a good deal for X": a description
    if _within_mention(noun):
        return True
    verb = _governor(noun)
    verb_lemma = lemma_of(verb) if verb is not None else None
    if verb_lemma in EXISTING_AGREEMENT_VERBS:
        return True
    if verb_lemma in MAKING_AGREEMENT_VERBS:
        return False
    named = any(c.dep_ in ("compound", "amod", "nmod", "poss") and c.ent_type_ in NAME_TYPES and c.i < noun.i
                for c in noun.subtree)
    return named or noun.ent_type_ in ("LAW", "EVENT", "ORG")


def _within_mention(noun: Token) -> bool:
    """"As part of the deal", "under the agreement", "the terms of the accord": a definite
    agreement referred to as a frame for something else."""
    if noun.dep_ != "pobj" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    prep = noun.head
    return prep.lower_ == "under" or (prep.lower_ == "of" and prep.head.pos_ == "NOUN"
                                      and lemma_of(prep.head) in FRAME_NOUNS)


def is_question(verb: Token) -> bool:
    """"Asked how the war would end", "asked Clinton about her emails", "asking yourself": asking
    a question is no PLOVER REQUEST (a demand that someone do something)."""
    kids = list(verb.children)
    if not any(c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass", "dative") or (c.dep_ == "prep" and c.lower_ == "for")
               for c in kids):
        return True  # '"What is the plan?" Graham asked.'
    for child in kids:
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ == "dobj" and (child.lower_.endswith("self") or child.lower_.endswith("selves")
                                     or lemma_of(child) == "question"):
            return True
        if child.dep_ == "ccomp" and any(g.lower_ in WH_WORDS and g.i < child.i for g in child.subtree):
            return True
    return False


def is_criticism(verb: Token) -> bool:
    """"Trump attacked McCain", "an ad hitting Trump for not paying taxes", "the paper hit Clinton,
    saying ...": a harm verb whose object is a named person (or a person pronoun), that names no
    weapon, and whose subject is neither a state nor armed or anonymous people ("gunmen", "a man",
    "police"), is verbal criticism (PLOVER ACCUSE 'disapprove'), not violence; so is one that
    gives a reason ("for not paying") or is followed by what was said."""
    kids = list(verb.children)
    if any(c.dep_ == "prep" and c.lower_ in ("with", "by") for c in kids):
        return False  # "hit him with a bottle": an instrument makes it physical
    if any(c.dep_ in ("advcl", "xcomp") and lemma_of(c) in SPEECH_VERBS and c.tag_ == "VBG" for c in kids):
        return True
    if lemma_of(verb) not in CRITICISM_HARM_VERBS:
        return False
    lex = lexicon()
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if verb.dep_ == "acl" and not subjects:
        subjects = [verb.head]  # "an ad hitting Trump"
    subjects += [c for s in subjects for c in s.conjuncts]
    if not subjects or any(s.ent_type_ in STATE_TYPES or lemma_of(s) in lex.group_actors
                           or lemma_of(s) in lex.person_units for s in subjects):
        return False
    objects = [c for c in kids if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(p.dep_ == "pcomp" for p in c.children) for c in kids):
        return bool(objects)  # "attacked allies for not paying": a reproach
    personal_subject = any(s.ent_type_ == "PERSON" or s.pos_ == "PRON" or lemma_of(s) in lex.speech_words
                           or (s.pos_ in ("PROPN", "NOUN") and not s.ent_type_) for s in subjects)
    return any(o.ent_type_ == "PERSON" or o.lower_ in PERSON_PRONOUNS
               or (personal_subject and o.pos_ == "PROPN" and o.ent_type_ in ("ORG", "")) for o in objects)


def is_descriptive_threat(noun: Token) -> bool:
    """"X is a threat to Y", "a threat on the U.S.": a threat noun as a description, with nobody
    making it (no possessor, no "by"/"from", no verb issuing it) names no act of threatening."""
    if noun.dep_ in ("attr", "oprd") or (noun.dep_ == "pobj" and noun.head.lower_ == "as"):
        return True
    if any(c.dep_ == "poss" for c in noun.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in noun.children):
        return False
    verb = _governor(noun)
    return verb is None or lemma_of(verb) not in lexicon().light_verbs


def is_potential(token: Token) -> bool:
    """"Any chance of threatening the United States": the act is a capability, not done."""
    head = token.head
    return token.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and lemma_of(head.head) in POTENTIAL_NOUNS


def is_prediction(verb: Token) -> bool:
    """"Trump warned that Mexico would pay", "warned voters that X would happen", "warned of a
    recession": a warning that states what will happen, not what the warner will do, is a
    prediction, not a threat. It stays a threat when the speaker says what it itself will do
    ("warned that it would retaliate", "that his country would strike"), names a sanction or
    force ("warned X of serious consequences"), or warns someone off ("warned X against")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return not any(_speaker_acts(clause) for clause in clauses)
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    warned_of = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "against")
                 for p in c.children if p.dep_ in ("pobj", "pcomp")]
    return bool(warned_of) and not any(_names_force(p) for p in warned_of)


def _speaker_acts(clause: Token) -> bool:
    for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in SPEAKER_PRONOUNS:
            return True
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
            return True
    return any(_names_force(word) for word in clause.subtree)


def _names_force(word: Token) -> bool:
    lemma = lemma_of(word)
    lex = lexicon()
    return lemma in THREAT_OBJECTS or lex.verbs.get(lemma, ("",))[0] in FORCE_TYPES or lex.nouns.get(
        lemma, ("",))[0] in FORCE_TYPES


def is_opinion(verb: Token) -> bool:
    """"Agreed that the rules should change", "do not agree with Trump": agreeing with a statement
    or a person is an opinion; PLOVER AGREE is agreeing to do something ("agreed to", "agreed on",
    "agreed with X to/on ...")."""
    kids = list(verb.children)
    if any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")) for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "prep" and g.lower_ in ("on", "to")
                                                          for p in c.children for g in p.children) for c in kids):
        return False  # "agreed with Egypt on a ceasefire" (the "on" attached to the partner)
    return any(c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "with") for c in kids)


def lacks_partner(verb: Token) -> bool:
    """"Went on to discuss the polls", "meet for the first debate": consultation (PLOVER CONSULT)
    needs someone consulted: a "with"/"between" partner, a met actor as object, a conjoined or
    plural subject. Meeting for a contest is no consultation."""
    kids = list(verb.children)
    for prep in kids:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            if any(lemma_of(p) in CONTEST_WORDS or any(lemma_of(q) in CONTEST_WORDS for q in p.subtree)
                   for p in prep.children):
                return True
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "amongst") for c in kids):
        return False
    if any(c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or c.pos_ == "PROPN"
                                 or lemma_of(c) in PARTNER_ROLES) for c in kids):
        return False
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.conjuncts or s.tag_ in ("NNS", "NNPS") or s.lower_ in ("we", "they") for s in subjects):
        return False
    if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return lacks_partner(verb.head) and not _governs_meeting(verb.head)
    return True


def _governs_meeting(verb: Token) -> bool:
    """"Called an emergency meeting to discuss": the discussion is that meeting's."""
    return any(c.dep_ == "dobj" and lexicon().nouns.get(lemma_of(c), ("",))[0] == "CONSULT" for c in verb.children)


def speaker_rally(noun: Token) -> bool:
    """"X said during a rally in Y", "speaking at a rally, X ...", "X has held rallies in Y": a rally
    that a named person speaks at or holds is a campaign event (PLOVER 3.12 PROTEST is collective
    action carried out as protest). A rally "against" something stays a protest."""
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in noun.children):
        return False
    if noun.dep_ == "dobj" and lemma_of(noun.head) in RALLY_HOST_VERBS:
        return _person_subject(noun.head)
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "during"):
        return False
    verb = noun.head.head
    return _person_subject(verb) or (verb.dep_ in ("advcl", "xcomp") and _person_subject(verb.head))


def _person_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children)


def is_verbal_attack(noun: Token) -> bool:
    """"Trump's attacks on Machado", "personal attacks": an attack noun aimed at a named person
    with no weapon named, or called personal or verbal, is criticism (PLOVER ACCUSE), as with
    the verb (is_criticism)."""
    if any(lemma_of(c) in VERBAL_MODIFIERS for c in noun.children if c.dep_ in ("amod", "compound")):
        return True
    if any(c.dep_ in ("amod", "compound", "nmod") for c in noun.children):
        return False  # "knife attack", "terrorist attack": the modifier says what kind
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
        p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children) for c in noun.children)


def is_self_harm(verb: Token) -> bool:
    """"Veterans killing themselves", "shot himself": self-harm is no political violence."""
    return any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children)


def is_natural_harm(verb: Token) -> bool:
    """"An earthquake struck", "bridges destroyed by floods": harm done by nature is no attack."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and lemma_of(child) in NATURAL_HAZARDS and child.dep_ == "nsubj":
            return True
        if child.dep_ == "agent" and any(lemma_of(p) in NATURAL_HAZARDS for p in child.children):
            return True
    if verb.dep_ == "acl":  # "bridges destroyed by floods"
        return any(c.dep_ == "agent" and any(lemma_of(p) in NATURAL_HAZARDS for p in c.children)
                   for c in verb.children)
    return False


def is_rehearsal(noun: Token) -> bool:
    """"Simulated an attack on X": a rehearsed act is an exercise, not the act."""
    verb = _governor(noun)
    return verb is not None and lemma_of(verb) in REHEARSAL_VERBS


def is_running_total(verb: Token) -> bool:
    """"The war has killed tens of thousands since 2023", "fighting has displaced millions since
    it began": a present perfect with "since" sums up a conflict's course; it is background, not
    one event that happened."""
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children)
    if verb.pos_ != "VERB" or not perfect:
        return False
    return any(c.lower_ == "since" for c in verb.children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children) for c in verb.children)
