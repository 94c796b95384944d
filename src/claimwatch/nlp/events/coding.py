"""Events: PLOVER type and mode, actor, target, place, time and counts.

Per sentence: find trigger words (plover.classify), merge the ones that name one happening
(an event noun that is the subject or instrument of an event verb, "killing"/"wounding" clauses
that give a strike its toll, the purpose clause of a deployment), drop what a speech act embeds
("threatened to strike" is one THREATEN event), then read each event's arguments from the parse
into an EventDraft, one step each (draft.py), and link it to the innermost claim whose content
holds it, so that the source's certainty carries to the event (factuality.py).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimwatch import config
from claimwatch.model import Claim, Entity, Event, EventTime, TextSpan
from claimwatch.nlp.certainty.assess import EventModality, event_modality
from claimwatch.nlp.events import args, roles
from claimwatch.nlp.events.cameo import cameo_lemmas
from claimwatch.nlp.events.draft import (
    EventDraft,
    fall_back_target,
    find_actor,
    find_place,
    protest_actor_from_place,
    read_action_roles,
    read_size,
    read_tolls,
    read_transfer_roles,
    settle_transfer_type,
    split_partners,
    start_draft,
    worth_keeping,
)
from claimwatch.nlp.events.factuality import claim_of, factuality, is_negated
from claimwatch.nlp.events.merge import MergePlan, merge_triggers
from claimwatch.nlp.events.plover import classify
from claimwatch.nlp.events.plover_lexicon import Trigger, lemma_of, lexicon
from claimwatch.nlp.events.plover_usage import is_running_total
from claimwatch.nlp.events.vocabulary import CAMEO_ROOTS
from claimwatch.nlp.state import DocState

#: ASSAULT modes that are CAMEO 19 (fight with conventional force) rather than 18 (assault).
CONVENTIONAL_FORCE = frozenset({"aerial", "heavy-weapons", "firearms", "drone"})
#: PLOVER 3.1/3.2/3.4: future meetings and support are AGREE; announced future retreats are CONCEDE.
FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "RETREAT": "CONCEDE"}


def code_events(doc: Doc, state: DocState) -> None:
    """Add the events of the Doc to `state.events`."""
    for sent in doc.sents:
        triggers = find_triggers(sent)
        if not triggers:
            continue
        plan = merge_triggers(triggers)
        built: list[tuple[Token, Event]] = []
        for trigger in triggers.values():
            if trigger.token.i in plan.dropped:
                continue
            event = build_event(trigger, plan, state)
            if event is not None and not repeats_conjunct(trigger.token, event, built):
                built.append((trigger.token, event))
                state.events.append(event)


def repeats_conjunct(token: Token, event: Event, built: list[tuple[Token, Event]]) -> bool:
    """"Praised the vote and congratulated the winner", "seized the plane and detained its crew":
    a verb conjoined with one that made an event of the same type between the same parties adds
    no happening of its own."""
    for other_token, other in built:
        conjoined = (token.dep_ == "conj" and token.head.i == other_token.i) or (
            other_token.dep_ == "conj" and other_token.head.i == token.i)
        if conjoined and (other.type, other.actor, other.target) == (event.type, event.actor, event.target):
            return True
        if conjoined and other.type == event.type and other.actor == event.actor and (
                event.target is None or event.target == event.actor or other.target is None):
            return True  # the second names no other party ("... and detained its crew")
    return False


def find_triggers(sent: Span) -> dict[int, Trigger]:
    """The event triggers of a sentence by token index; a motion verb that moves nothing that
    matters ("moved the embassy") is none, nor a dictionary verb that only carries an event noun."""
    candidates = lexicon().candidate_lemmas
    triggers: dict[int, Trigger] = {}
    for token in sent:
        if token.pos_ in ("VERB", "NOUN") and (
                (lemma := lemma_of(token)) in candidates or config.EVENT_DICTIONARY and lemma in cameo_lemmas()):
            found = classify(token)
            if found is not None and not (found.transfer and roles.moves_nothing(token)):
                triggers[token.i] = found
    return {i: t for i, t in triggers.items() if not (t.dictionary and _governs_own_noun(t.token, triggers))}


def _governs_own_noun(verb: Token, triggers: dict[int, Trigger]) -> bool:
    """A dictionary verb whose object or prepositional object is one of our event nouns ("imposed
    sanctions", "announced a package of military aid"): the noun names the event, the verb only carries it."""
    for trigger in triggers.values():
        if not trigger.nominal or trigger.dictionary:
            continue
        noun = trigger.token
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # "a package of aid": the package carries the aid
        if noun.head == verb and noun.dep_ in ("dobj", "nsubjpass", "attr"):
            return True
        if noun.dep_ == "pobj" and noun.head.head == verb:
            return True
    return False


def build_event(trigger: Trigger, plan: MergePlan, state: DocState) -> Event | None:
    """The event of one trigger, or None when it has too little to stand as one (draft.worth_keeping)
    or sums up a conflict's course ("has killed thousands since 2023")."""
    if not trigger.nominal and is_running_total(trigger.token):
        return None
    draft = start_draft(trigger, plan)
    find_actor(draft, state)
    split_partners(draft, state)
    if trigger.transfer:
        read_transfer_roles(draft, plan, state)
        if not settle_transfer_type(draft, state):
            return None
    else:
        read_action_roles(draft, plan, state)
    find_place(draft, state)
    fall_back_target(draft, state)
    protest_actor_from_place(draft, state)
    read_tolls(draft, plan, state)
    read_size(draft, state)
    if not worth_keeping(draft):
        return None
    return finish_event(draft, plan, state)


def planned_type(type_: str, mode: str | None, modality: EventModality) -> tuple[str, str | None]:
    """What a planned event is: a future meeting or support is an agreement, an announced
    withdrawal a concession (PLOVER 3.1/3.2/3.4); other types keep their type and mode."""
    if modality == "planned" and type_ in FUTURE_TYPES:
        return FUTURE_TYPES[type_], None
    return type_, mode


#: Types whose act, said of oneself as what one would do, is a threat (PLOVER 2.3: THREATEN is
#: ASSAULT + hypothetical; a single category is returned).
THREAT_CONTENT = frozenset({"ASSAULT", "COERCE", "SANCTION"})


def is_own_threat(type_: str, modality: EventModality, actor: Entity | None, claim: Claim | None,
                  state: DocState) -> bool:
    """"Moscow would strike Kyiv if …", a minister said: force that a party says it would use on a
    condition is a threat by that party, not an attack; "X said it would impose controls" with no
    condition announces a planned measure."""
    if type_ not in THREAT_CONTENT or modality != "hypothetical" or actor is None or claim is None:
        return False
    source = state.entities.by_id(claim.source.entity) if claim.source.entity else None
    return source is not None and (source.id == actor.id or (source.country is not None
                                                             and source.country == actor.country))


def cameo_code(type_: str, mode: str | None) -> str | None:
    """The CAMEO root of a PLOVER type; attacks with conventional weapons are 19 (fight) and
    investigations 09 (investigate) rather than their type's root."""
    if type_ == "ASSAULT" and mode in CONVENTIONAL_FORCE:
        return "19"
    if type_ == "ACCUSE" and mode == "investigate":
        return "09"
    return CAMEO_ROOTS.get(type_)


def finish_event(draft: EventDraft, plan: MergePlan, state: DocState) -> Event:
    """The Event of a finished draft: its modality (which may retype a planned event), the claim
    that reports it, certainty and polarity, and its time."""
    token = draft.token
    modality = event_modality(draft.clause_verb)
    type_, mode = planned_type(draft.type, draft.mode, modality)
    claim = claim_of(state.span(token), state, {state.span(g) for g in draft.governors})
    if is_own_threat(type_, modality, draft.actor, claim, state):
        type_, mode = "THREATEN", lexicon().threat_modes.get(type_)
    negated = is_negated(token, draft.governors) or token.i in plan.denied
    certainty, polarity = factuality(token, claim, negated, state)
    time = args.time_of(token, state, draft.governors)
    return Event(
        id=state.new_id("v"),
        type=type_,
        mode=mode,
        trigger=_trigger_span(token, state),
        actor=draft.actor.id if draft.actor else None,
        target=draft.target.id if draft.target else None,
        location=draft.place.id if draft.place else None,
        time=EventTime(time.text, time.value) if time else None,
        modality=modality,
        quantities=[q.id for q in draft.quantities],
        dead=args.as_number(draft.dead),
        injured=args.as_number(draft.injured),
        size=args.as_number(draft.size),
        claim=claim.id if claim else None,
        certainty=certainty,
        polarity=polarity,
        cameo=cameo_code(type_, mode),
    )


def _trigger_span(token: Token, state: DocState) -> TextSpan:
    span = state.span(token)
    return TextSpan(state.text_of(span), span)
