"""How many: the dead and injured of an attack, the personnel of a deployment or protest.

Counts are read from the phrases that fill the event's roles (victims of "killed"/"wounded",
the deployed forces, the protesters), through the quantities component where it found the
number, else from the number word itself.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.model import Quantity
from claimwatch.nlp.events.args import children, count_of, is_passive, is_person_unit, prep_objects
from claimwatch.nlp.events.plover_lexicon import Trigger, lexicon
from claimwatch.nlp.events.vocabulary import TOLL_NOUNS
from claimwatch.nlp.state import DocState


def count(phrase: Token | None, state: DocState, quantities: list[Quantity]) -> tuple[float | None, str]:
    if phrase is None:
        return None, ""
    value, unit, found = count_of(phrase, state)
    quantities.extend(q for q in found if q not in quantities)
    return value, unit


def victims_of(verb: Token) -> Token | None:
    if is_passive(verb) and verb.dep_ != "acl":
        found = children(verb, "nsubjpass")
        return found[0] if found else None
    if verb.dep_ == "acl":
        return verb.head
    found = children(verb, "dobj")
    if found:
        return found[0]
    if verb.lemma_.lower() == "die":
        found = children(verb, "nsubj")
        return found[0] if found else None
    return None


def tolls(
    trigger: Trigger, folded: list[Token], state: DocState, quantities: list[Quantity]
) -> tuple[float | None, float | None, Token | None]:
    """Dead and injured: the victims of the trigger if it is a harm verb, of the kill/wound
    clauses folded into it, of the verb an event noun is the setting of ("died in the attack"),
    or the toll an event noun is counted by (toll_of)."""
    lex = lexicon()
    verbs = [trigger.token] + folded
    if trigger.nominal:
        host = trigger.token.head
        while host.dep_ in ("prep", "pobj") and host.head.i != host.i:
            host = host.head
        if host.pos_ == "VERB":
            verbs.append(host)
    dead = injured = None
    victims: Token | None = None
    if trigger.nominal:
        dead, injured = toll_of(trigger.token, state, quantities)
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "dobj") for c in verb.children):
            lemma = "kill"  # "shot dead"
        if lemma not in lex.death_words and lemma not in lex.injury_words:
            continue
        phrase = victims_of(verb)
        victims = victims or phrase
        value, _ = count(phrase, state, quantities)
        if value is None:
            continue
        if lemma in lex.death_words and dead is None:
            dead = value
        elif lemma in lex.injury_words and injured is None:
            injured = value
    return dead, injured, victims


def toll_of(noun: Token, state: DocState, quantities: list[Quantity]) -> tuple[float | None, float | None]:
    """The dead (or injured) an event noun's toll gives: "the death toll from the strike rose to
    14", "the toll of the attacks reached 30", "the injury toll stood at 12"."""
    toll = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("from", "of", "in") else None
    if toll is None or toll.lemma_.lower() not in TOLL_NOUNS or toll.dep_ not in ("nsubj", "nsubjpass"):
        return None, None
    verb = toll.head
    numbers = children(verb, "dobj", "attr") + [p for _, p in prep_objects(verb, {"to", "at"})]
    for number in numbers:
        value, _ = count(number, state, quantities)
        if value is not None:
            injury = any(c.lemma_.lower() in lexicon().injury_words for c in toll.children if c.dep_ == "compound")
            return (None, value) if injury else (value, None)
    return None, None


#: Types whose size is how many people they fall on: those arrested or expelled (COERCE), pardoned or
#: amnestied (CONCEDE), sanctioned (SANCTION); and those a release frees (RETREAT of mode release).
AFFECTED_COUNT_TYPES = frozenset({"COERCE", "CONCEDE", "SANCTION"})
_AFFECTED_PREPS = frozenset({"for", "to", "on", "against"})


def prep_objects_of(token: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of the token's prepositions among `preps`."""
    return [p for _, p in prep_objects(token, preps)]


def size_of(trigger: Trigger, type_: str, mode: str | None, theme: Token | None, state: DocState,
            quantities: list[Quantity]) -> float | None:
    """The personnel count of a deployed, mobilized or protesting group, or how many people an arrest, a
    pardon, a sanction or a release falls on, for an event of `type_` and `mode` (the event's, which may
    differ from its trigger's). People beat units: "four brigades, totaling 12,000 soldiers" is 12,000."""
    token = trigger.token
    phrases: list[Token] = []
    if theme is not None:
        phrases.append(theme)
    affected = type_ in AFFECTED_COUNT_TYPES or (type_ == "RETREAT" and mode == "release")
    if affected:  # "arrested 40 people", "pardoned 18 prisoners", "an amnesty for 5,800 prisoners"
        if trigger.nominal:
            phrases.extend(prep_objects_of(token, _AFFECTED_PREPS))
            if token.dep_ == "dobj":  # "granted amnesty to 3,700 prisoners": the light verb holds them
                phrases.extend(prep_objects_of(token.head, _AFFECTED_PREPS))
        else:  # "pardoned 18 prisoners", "granted amnesty to 3,700 prisoners"
            phrases.extend(children(token, "dobj", "nsubjpass") + prep_objects_of(token, _AFFECTED_PREPS))
    if type_ == "PROTEST" and not trigger.nominal:
        phrases.extend(children(token, "nsubj"))
    if type_ == "MOBILIZE" and not trigger.nominal:
        phrases.extend(children(token, "dobj", "nsubjpass"))
    if trigger.nominal:
        phrases.extend(p for _, p in prep_objects(token, {"of"}))
    for holder in [token] + ([theme] if theme is not None else []):
        for clause in children(holder, "advcl", "acl", "relcl"):  # "totaling 12,000 soldiers"
            phrases.extend(children(clause, "dobj", "attr"))
        for appos in children(holder, "appos"):
            phrases.append(appos)
    best: tuple[int, float] | None = None
    for phrase in phrases:
        value, unit = count(phrase, state, quantities)
        if value is None:
            continue
        rank = 0 if is_person_unit(unit) else 1
        if affected and rank:
            continue  # those arrested, pardoned or freed are people: "sanctions on 80 firms" counts no one
        if best is None or rank < best[0]:
            best = (rank, value)
    return best[1] if best else None
