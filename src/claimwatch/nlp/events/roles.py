"""Who takes part in an event: actor, recipient and what a transfer moves (the target: targets.py).

Each role is read off the parse around the trigger (args.py), with the rules that differ by
event type: transfers find a recipient, symmetric events a partner, forces moved with nobody
named act for their own state.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.model import Entity
from claimwatch.nlp.entities.actors import country_of_place
from claimwatch.nlp.events import args
from claimwatch.nlp.events.plover_lexicon import Trigger, lemma_of, lexicon
from claimwatch.nlp.events.plover_rules import object_class
from claimwatch.nlp.events.vocabulary import BORDER_NOUNS, DEPLOYMENT_NOUNS
from claimwatch.nlp.state import DocState

#: Types where "X and Y <verb>" makes Y the partner of X.
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def controlling_verbs(verb: Token) -> list[Token]:
    """Verbs that control the trigger's subject ("plans" in "plans to send")."""
    chain, node = [], verb
    while node.dep_ == "xcomp" and node.head.i != node.i and len(chain) < 3:
        node = node.head
        chain.append(node)
    return chain


def theme_of(verb: Token) -> Token | None:
    """What a transfer verb moves: its object, the subject of its passive, or the forces that are
    the subject of a motion verb used without an object ("troops moved into X")."""
    deps = ("nsubjpass",) if args.is_passive(verb) and verb.dep_ != "acl" else ("dobj",)
    found = args.children(verb, *deps)
    if not found and verb.dep_ == "acl" and args.is_passive(verb):
        return verb.head  # "troops sent to X"
    if not found and not args.is_passive(verb) and verb.lemma_.lower() in lexicon().motion:
        subject = args.actor_phrase(verb)
        if subject is not None and object_class(subject) == "personnel":
            return subject
    return found[0] if found else None


def moves_nothing(verb: Token) -> bool:
    """Whether a motion verb moves something that is no forces, goods or money ("moved the embassy",
    "relocated its headquarters", "moved the summit to X": an event noun moved is rescheduled, and
    stands as its own event): then it names no event, nor hosts a purpose or serves as the content
    of a speech act ("pledged to relocate the embassy" is no pledge of a transfer).
    An unknown or pronoun object ("moved them") leaves it open; "deploy" names a deployment
    whatever it moves (plover_rules.transfer_type)."""
    lemma = verb.lemma_.lower()
    if lemma not in lexicon().motion or lemma == "deploy":
        return False
    theme = theme_of(verb)
    if theme is None or theme.pos_ in ("PRON", "NUM"):
        return False
    things = [theme] + [p for _, p in args.prep_objects(verb, {"with"})]
    return not any(object_class(t) is not None for t in things)


def recipient_of(verb: Token, theme: Token | None, purposes: list[Token], state: DocState,
               actor: Entity | None) -> tuple[Entity | None, Token | None]:
    """Who receives a transfer: a dative, "to/for X", "provide X with Y", the beneficiary of a
    purpose clause ("to fight for X"), or the one a participle says uses the object ("shells
    used by X"). Returns the recipient and, for "provide X with Y", the real theme Y."""
    for purpose in purposes:  # "to fight for X", "to help X"
        for _, pobj in args.prep_objects(purpose, {"for"}):
            found = args.entity_of(pobj, state, actor)
            if found:
                return found, None
        for obj in args.children(purpose, "dobj"):
            found = args.entity_of(obj, state, actor)
            if found:
                return found, None
    for dative in args.children(verb, "dative"):
        found = args.entity_of(dative, state, actor)
        if found:
            return found, None
    for _, pobj in args.prep_objects(verb, {"to", "for"}):
        if pobj.lemma_.lower() in BORDER_NOUNS:
            continue  # "sent troops to the X border": a destination facing X, not a recipient (object_target)
        found = args.entity_of(pobj, state, actor, loose=False)
        if found:
            return found, None
    if theme is not None:
        with_objects = [p for _, p in args.prep_objects(verb, {"with"})]
        if with_objects:  # "provided Ukraine with tanks"
            found = args.entity_of(theme, state, actor)
            if found:
                return found, with_objects[0]
        holders = [theme] + [p for _, p in args.prep_objects(theme, {"of"})]
        for holder in holders:
            for _, pobj in args.prep_objects(holder, {"for", "to"}):
                found = args.entity_of(pobj, state, actor)
                if found:
                    return found, None
            for acl in args.children(holder, "acl", "relcl"):  # "shells expended by the X army"
                for _, agent in args.prep_objects(acl, {"by"}):
                    found = args.entity_of(agent, state, actor)
                    if found:
                        return found, None
    return None, None


def actor_of(trigger: Trigger, state: DocState) -> Entity | None:
    """Who does what the trigger names: its subject or agent, an event noun's possessor."""
    token = trigger.token
    if trigger.nominal:
        found = args.possessor_actor(token, state)
        if found is not None:
            return found
        for _, pobj in args.prep_objects(token, {"between"}):  # "talks between X and Y": X acts, Y is the partner
            return args.entity_of(pobj, state)
        if trigger.type in ("MOBILIZE", "RETREAT", "AID"):
            for _, pobj in args.prep_objects(token, {"of"}):  # "the deployment of X troops"
                found = args.entity_of(pobj, state)
                if found is not None:
                    return found
        if token.dep_ in ("dobj", "nsubjpass") and lemma_of(token.head) in lexicon().light_verbs:
            phrase = args.actor_phrase(token.head)  # "X launched an attack", "X said it would impose controls"
            found = args.entity_of(phrase, state)
            return found or (_speaker_itself(token.head, phrase, state) if phrase is not None else None)
        return None
    phrase = args.actor_phrase(token)
    if phrase is not None and phrase.lemma_.lower() in lexicon().nouns:
        # "The strike on X killed nine", "Y's shelling of X killed": the event noun that does the
        # harm has its actor in its possessor or "by" phrase; its "on"/"of" phrase is the target.
        return args.possessor_actor(phrase, state)
    found = None
    if phrase is not None and args.prep_objects(phrase, {"by", "from"}):
        found = args.possessor_actor(phrase, state)  # "rocket fire from X on Y wounded": X acts, Y is hit
    found = found or args.entity_of(phrase, state)
    if found is None and phrase is not None:
        found = _speaker_itself(token, phrase, state)
    if found is None and phrase is not None:
        found = _placed_agent(phrase, state)
    if found is None and args.is_passive(token):
        found = args.instrument_actor(token, state)
    if found is None and args.is_passive(token) and trigger.mode in ("deport", "expel"):
        found = _country_named_in(token, {"from"}, state)  # "X were deported from Y": Y expels them
    if found is None and args.is_passive(token):
        for subject in args.children(token, "nsubjpass"):  # "a deal between X and Y was signed": X acts
            for _, pobj in args.prep_objects(subject, {"between"}):
                found = found or args.entity_of(pobj, state, loose=False)
    return found


def _country_named_in(token: Token, preps: set[str], state: DocState) -> Entity | None:
    """The country of the first place that one of `token`'s prepositional phrases names."""
    for _, pobj in args.prep_objects(token, preps):
        place = args.place_of(pobj, state)
        if place is not None and place.country:
            return country_of_place(place, state)
    return None


def _placed_agent(phrase: Token, state: DocState) -> Entity | None:
    """"Police in Hong Kong", "officials in X": an unnamed agent placed in a country or a place
    of one acts for that country."""
    return _country_named_in(phrase, {"in", "from"}, state)


def _speaker_itself(verb: Token, phrase: Token, state: DocState) -> Entity | None:
    """"X announced it would withdraw", "X rejected reports that it had sent troops", "X did not
    confirm that its jets had struck": a pronoun subject (or its possessor) in a clause that X's
    verb, or a report noun that X's verb governs, embeds is X speaking of itself. Not "It is
    moving troops, X said": a speaker after the pronoun only reports."""
    pronoun = phrase.lower_ in ("it", "they", "he", "she") or any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in phrase.children)
    if not pronoun:
        return None
    governing = None
    if verb.dep_ == "ccomp":
        governing = verb.head
    elif verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN" and verb.head.dep_ in ("dobj", "nsubjpass"):
        governing = verb.head.head
    if governing is None or governing.pos_ not in ("VERB", "AUX"):
        return None
    speaker = args.actor_phrase(governing)
    return args.entity_of(speaker, state) if speaker is not None and speaker.i < phrase.i else None


def noun_host_verb(noun: Token) -> Token | None:
    """The verb an event noun is the business of: "held (a round of) talks", "announced a package
    of aid", "arrived for talks", "claimed responsibility for the bombing"."""
    node = noun
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in ("of", "for"):
            node = node.head.head
            if node.pos_ in ("VERB", "AUX"):
                return node if node.head.i != node.i or node.dep_ == "ROOT" else None
            continue
        break
    if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ == "VERB":
        light = lexicon().light_verbs
        if lemma_of(node.head) in light or (node.i != noun.i and node.lemma_.lower() == "responsibility"):
            return node.head
    return None


def group_subject(token: Token, host_verb: Token | None) -> bool:
    """Whether people act without a name: "protesters blocked", "police fired", "the army imposed"."""
    verb = host_verb if host_verb is not None else token
    phrase = args.actor_phrase(verb) if verb.pos_ in ("VERB", "AUX") else None
    return phrase is not None and phrase.lemma_.lower() in lexicon().group_actors


def deploys_forces(trigger: Trigger, type_: str, theme: Token | None) -> bool:
    """Whether the event puts forces somewhere: a deployment or a transfer of personnel (and, for
    MOBILIZE, of weapons). Drills, call-ups and transfers of goods are not."""
    if theme is not None:
        moved = object_class(theme)
        return moved == "personnel" or (type_ == "MOBILIZE" and moved == "military")
    return type_ == "MOBILIZE" and trigger.nominal and trigger.token.lemma_.lower() in DEPLOYMENT_NOUNS


def forces_actor(verb: Token, theme: Token | None, state: DocState, target: Entity | None) -> Entity | None:
    """Forces moved with nobody said to move them move for their own state: "X troops were
    stationed in Y", "X troops were withdrawn", "reluctance to send more X troops" → X. A sender
    the sentence names but that resolves to no actor ("militias sent X fighters") is not replaced."""
    if theme is None or object_class(theme) != "personnel":
        return None
    if not args.is_passive(verb) and args.actor_phrase(verb) is not None:
        return None
    return args.entity_of(theme, state, target)
