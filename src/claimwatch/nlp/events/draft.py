"""An event while it is being coded, and the steps that fill it in, one decision each.

`coding.build_event` runs the steps in a fixed order: later steps read what earlier ones decided
(the place a deployment puts forces decides its target; the victims of an attack stand in for a
target nobody named). Each step reads the parse around the trigger and writes one or two fields
of the draft, so that it can be run and tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from claimwatch.model import Entity, Quantity
from claimwatch.nlp.entities.actors import SECTOR_NOUNS, country_of_place
from claimwatch.nlp.events import args, parties, roles, targets
from claimwatch.nlp.events.counts import size_of, tolls
from claimwatch.nlp.events.memory import quantities_within
from claimwatch.nlp.events.merge import MergePlan
from claimwatch.nlp.events.plover_lexicon import Trigger, lexicon
from claimwatch.nlp.events.plover_rules import assault_mode, object_class, transfer_type
from claimwatch.nlp.events.roles import SYMMETRIC
from claimwatch.nlp.state import DocState

#: Material events worth keeping even when no named actor or target takes part ("police fired tear gas").
MATERIAL_CONFLICT = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
#: Types whose size (how many people take part or are moved) is read.
SIZED_TYPES = frozenset({"MOBILIZE", "AID", "PROTEST", "RETREAT", "COERCE", "CONCEDE", "SANCTION"})
#: Prepositions by which the subject of a protest names where the protesters are from ("teachers in X").
PROTESTER_PLACE_PREPS = frozenset({"in", "across", "from"})


@dataclass
class EventDraft:
    """What is known of one event so far. `type` and `mode` start as the trigger's (or what the
    sentence's merge plan gave it) and may be settled later by what a transfer moves."""

    trigger: Trigger
    type: str
    mode: str | None
    #: Verbs that control the trigger's subject ("plans" in "plans to send").
    governors: list[Token] = field(default_factory=list)
    #: The verb an event noun is the business of ("held talks").
    host_verb: Token | None = None
    actor: Entity | None = None
    target: Entity | None = None
    #: "Iranian and Saudi diplomats met": (actor, partner) from the adjectives.
    partners: tuple[Entity, Entity] | None = None
    #: What a transfer or deployment moves.
    theme: Token | None = None
    place: Entity | None = None
    #: Whether the event puts forces somewhere.
    deploys: bool = False
    dead: float | None = None
    injured: float | None = None
    size: float | None = None
    quantities: list[Quantity] = field(default_factory=list)

    @property
    def token(self) -> Token:
        return self.trigger.token

    @property
    def clause_verb(self) -> Token:
        """The verb whose clause says how the event is reported: an event noun's host verb, else the trigger."""
        return self.host_verb if self.host_verb is not None else self.trigger.token


def start_draft(trigger: Trigger, plan: MergePlan) -> EventDraft:
    """The draft of a trigger: its type and mode (as the merge plan may have changed them), its
    controlling verbs, and for an event noun the verb it is the business of."""
    token = trigger.token
    return EventDraft(
        trigger=trigger,
        type=plan.retyped.get(token.i, trigger.type),
        mode=plan.modes.get(token.i, trigger.mode),
        governors=[] if trigger.nominal else roles.controlling_verbs(token),
        host_verb=roles.noun_host_verb(token) if trigger.nominal else None,
    )


def find_actor(draft: EventDraft, state: DocState) -> None:
    """Who does it: the trigger's subject or agent, an event noun's possessor, else the subject of
    the verb an event noun is the business of ("X will hold a round of talks", "X claimed the bombing")."""
    draft.actor = roles.actor_of(draft.trigger, state)
    if draft.actor is None and draft.host_verb is not None:
        draft.actor = args.entity_of(args.actor_phrase(draft.host_verb), state)


def split_partners(draft: EventDraft, state: DocState) -> None:
    """"Iranian and Saudi diplomats met", "Kenya and the UAE signed a partnership", "Chinese and
    Indian troops completed their disengagement": in an event done together the first party acts
    and the other is its partner, the target unless another is named."""
    if draft.type not in parties.PARTNER_TYPES:
        return
    verb = draft.clause_verb if draft.trigger.nominal else draft.token
    if draft.trigger.nominal and draft.host_verb is None:
        return
    if draft.type not in SYMMETRIC and any(_names_a_party(obj) for obj in args.children(verb, "dobj")):
        return  # "X and Y support the government": both back a third party, not each other
    draft.partners = parties.split_adjectival_subject(verb, state) or parties.split_conjoined_subject(verb, state)
    if draft.partners is not None:
        draft.actor = draft.partners[0]


def _names_a_party(phrase: Token) -> bool:
    """Whether a noun phrase names someone rather than something: a name, a person's pronoun, or a noun
    that gives an actor its sector ("the government", "the rebels")."""
    return (phrase.pos_ in ("PROPN", "PRON") and phrase.lower_ not in ("it", "this", "that")
            or phrase.lemma_.lower() in SECTOR_NOUNS)


def read_transfer_roles(draft: EventDraft, plan: MergePlan, state: DocState) -> None:
    """What a transfer verb moves and who receives it ("provided Ukraine with tanks": Ukraine
    receives tanks); forces moved with nobody said to move them act for their own state."""
    token = draft.token
    theme = roles.theme_of(token)
    draft.target, real_theme = roles.recipient_of(token, theme, plan.purposes.get(token.i, []), state, draft.actor)
    draft.theme = real_theme or theme
    if draft.actor is None:  # "X troops were deployed": forces move for their state
        draft.actor = roles.forces_actor(token, draft.theme, state, draft.target)
    actor, target = draft.actor, draft.target
    if actor is not None and target is not None and actor.country and target.country == actor.country:
        draft.target = None  # "deployed soldiers to its own province": a deployment, not aid to anyone
    elif target is not None and target.type == "place" and not target.country:
        draft.target = None  # a place of no known country is a destination, not a party helped


def settle_transfer_type(draft: EventDraft, state: DocState) -> bool:
    """The type and mode of a transfer from what it moves and whether anyone receives it
    (plover_rules.transfer_type); an event noun moved names its own event ("granted an amnesty").
    False when the transfer is no event ("gave a speech")."""
    token, theme = draft.token, draft.theme
    decided = transfer_type(token, object_class(theme) if theme is not None else None, draft.target is not None)
    nouns = lexicon().nouns
    if decided is None and theme is not None and theme.lemma_.lower() in nouns:
        decided = nouns[theme.lemma_.lower()]  # "granted an amnesty": the noun names the event
        if draft.target is None:
            draft.target, _ = targets.target_of(Trigger(token, decided[0], decided[1]), state, draft.actor)
    if decided is None:
        return False
    draft.type, draft.mode = decided
    if draft.target is None and draft.type == "MOBILIZE":
        draft.target, _ = targets.target_of(Trigger(token, draft.type, draft.mode), state, draft.actor)
    return True


def moved_forces(draft: EventDraft) -> Token | None:
    """What a deployment or a pull-back verb moves ("X troops were withdrawn"); a release moves no forces."""
    if draft.trigger.nominal:
        return None
    moved = args.children(draft.token, "dobj", "nsubjpass")
    if draft.type == "MOBILIZE":
        return next(iter(moved), None)
    if draft.type == "RETREAT" and draft.mode != "release":
        return next((t for t in moved if object_class(t) == "personnel"), None)
    return None


def read_action_roles(draft: EventDraft, plan: MergePlan, state: DocState) -> None:
    """Target, moved forces and weapon of an event that is no transfer: a threat to attack X is a
    threat to X; forces stationed or withdrawn with nobody named act for their own state."""
    token = draft.token
    draft.target, _ = targets.target_of(draft.trigger, state, draft.actor)
    if draft.target is None and draft.host_verb is not None:  # "received X's king for talks"
        for obj in args.children(draft.host_verb, "dobj"):
            if obj.i != token.i:
                draft.target = draft.target or args.entity_of(obj, state, draft.actor)
    content = plan.contents.get(token.i)
    if draft.target is None and content is not None:  # "threatened to attack X" is a threat to X
        draft.target, _ = targets.target_of(content, state, draft.actor)
    if draft.target is None and draft.type == "THREATEN":
        draft.target = targets.threatened_party(token, state, draft.actor)
    draft.theme = moved_forces(draft)
    if draft.actor is None and draft.theme is not None:  # "X troops are stationed in Y": forces act for their state
        draft.actor = roles.forces_actor(token, draft.theme, state, draft.target)
    if draft.type == "ASSAULT" and draft.mode is None:
        draft.mode = assault_mode(token)


def find_place(draft: EventDraft, state: DocState) -> None:
    """Where it happens (args.location); where forces are put, their destination. An attack
    whose event-noun subject names the place: "a drone strike on a building in X killed ...".
    Else the story's dateline ("KHARTOUM, March 3 -")."""
    draft.deploys = roles.deploys_forces(draft.trigger, draft.type, draft.theme)
    draft.place = args.location(draft.token, state, destination=draft.deploys)
    if draft.place is None and draft.host_verb is not None:  # "staged demonstrations across X"
        draft.place = args.location(draft.host_verb, state)
    if draft.place is None and draft.type == "ASSAULT":
        for noun in args.children(draft.token, "nsubj", "nsubjpass"):
            if noun.lemma_.lower() in lexicon().nouns:
                draft.place = args.location(noun, state)
    token = draft.token
    if draft.place is None and draft.trigger.nominal and token.dep_ in ("nsubj", "nsubjpass") \
            and token.head.pos_ == "VERB":
        draft.place = args.location(token.head, state)  # "protests erupted in X", "fighting spread to X"
    if draft.place is None and not draft.trigger.nominal:  # a noun's own phrases were read by location()
        draft.place = args.place_within(token, state)
    if draft.place is None and token.dep_ == "advcl" and token.tag_ == "VBG":
        # "a bomb exploded in X, killing four": the participle tells what the clause it hangs on did, there
        draft.place = args.location(token.head, state) or args.place_within(token.head, state)
    if draft.place is None:
        draft.place = args.dateline_place(token.doc, state)


def fall_back_target(draft: EventDraft, state: DocState) -> None:
    """A target the trigger's own arguments did not name: the partner of a symmetric event, one
    named on the object ("promised aid to X"), the country forces are put in, the recipient
    of the same actor's earlier deployment or supply (targets.inherited_target)."""
    token, actor = draft.token, draft.actor
    if draft.partners is not None and draft.target is None:
        draft.target = draft.partners[1]
    if draft.target is None and not draft.trigger.nominal:
        draft.target = targets.object_target(token, draft.type, state, actor)
    if draft.target is None and draft.deploys:  # forces put in a place abroad are aimed at its country
        draft.target = parties.place_target(draft.place, actor, state)
    if draft.target is None and actor is not None and draft.type in targets.INHERITS_TARGET:
        draft.target = targets.inherited_target(actor, draft.type, state)
    if draft.target is None and draft.type == "RETREAT":  # "pulled back from the Lebanese town of X"
        left = draft.place or args.place_within(token, state, preps=args.EVENT_PLACE_PREPS | {"from"})
        draft.target = parties.place_target(left, actor, state)
    if draft.type in parties.DOMESTIC_TYPES and draft.actor is None:
        draft.actor = actor = parties.domestic_actor(draft.place, state)
    if draft.target is None and draft.type in parties.DOMESTIC_TYPES:
        draft.target = parties.domestic_target(draft.place, actor, state)
    drop_self_target(draft)


def drop_self_target(draft: EventDraft) -> None:
    """An event is not done to oneself: deployed forces' own state is no target, nor is a place
    of their own country they are moved to ("deployed troops to Manipur")."""
    target, actor = draft.target, draft.actor
    if target is None or actor is None:
        return
    if draft.type in parties.DOMESTIC_TYPES:
        return  # a government's measure on its own people is coded country → country (PLOVER)
    if target.id == actor.id or (draft.type in ("MOBILIZE", "AID") and target.type == "place"
                                 and actor.country is not None and target.country == actor.country):
        draft.target = None


def protest_actor_from_place(draft: EventDraft, state: DocState) -> None:
    """"Teachers in X went on strike": with no named actor, X's people protest; where only the
    place of the protest is known ("protests erupted in X's capital"), its country's people do,
    and a protest that names no other target is against their own government (PLOVER codes
    domestic dissent country → country)."""
    if draft.type != "PROTEST":
        return
    if draft.actor is not None:
        _against_own_government(draft, state)
        return
    subject = args.actor_phrase(draft.clause_verb) if not draft.trigger.nominal else None
    for _, pobj in args.prep_objects(subject, PROTESTER_PLACE_PREPS) if subject is not None else []:
        draft.actor = args.place_of(pobj, state)
    place = draft.actor or draft.place
    if place is None or not place.country:
        return
    country = country_of_place(place, state)
    draft.actor = country
    if draft.target is None:
        draft.target = country


def _against_own_government(draft: EventDraft, state: DocState) -> None:
    """"Thousands of Xs rallied in X's capital to demand ...": protesters of a known country who name
    no other target protest against their own government, coded country → country (PLOVER); not
    where the protest is abroad ("Xs rallied outside Y's embassy in Z")."""
    actor = draft.actor
    if draft.target is not None or actor is None or not actor.country:
        return
    if draft.place is not None and draft.place.country and draft.place.country != actor.country:
        return
    draft.target = parties.domestic_target(None, actor, state)


def read_tolls(draft: EventDraft, plan: MergePlan, state: DocState) -> None:
    """The dead and injured of an attack; unnamed victims stand for its target through their
    country, else the place it happened (unless that is the attacker's own)."""
    if draft.type != "ASSAULT":
        return
    draft.dead, draft.injured, victims = tolls(draft.trigger, plan.tolls.get(draft.token.i, []), state,
                                               draft.quantities)
    if draft.target is None:
        place, actor = draft.place, draft.actor
        draft.target = args.entity_of(victims, state, actor) or (
            place if place is not None and (actor is None or place.id != actor.id) else None)


def read_size(draft: EventDraft, state: DocState) -> None:
    """How many people a deployment, supply, protest or pull-back involves, and the quantities
    written inside what it moves ("1,500 tons of aid")."""
    if draft.type in SIZED_TYPES:
        draft.size = size_of(draft.trigger, draft.type, draft.mode, draft.theme, state, draft.quantities)
    theme = draft.theme
    if theme is not None and not draft.quantities:
        doc = draft.token.doc
        lo, hi = state.span((doc[theme.left_edge.i].idx, theme.right_edge.idx + len(theme.right_edge.text)))
        draft.quantities.extend(quantities_within(state, lo, hi))


def worth_keeping(draft: EventDraft) -> bool:
    """An event needs a named party or a count; material conflict ("police fired tear gas") is
    kept with a place or acting people instead. A verb read by CAMEO's dictionary needs both an
    actor and a target, as in PETRARCH: the dictionary codes broad verbs ("came", "led") that only
    name an interaction between two parties."""
    if draft.trigger.dictionary:
        return (draft.actor is not None and draft.target is not None) or draft.dead is not None \
            or draft.injured is not None
    if any(part is not None for part in (draft.actor, draft.target, draft.dead, draft.injured, draft.size)):
        return True
    return draft.type in MATERIAL_CONFLICT and (
        draft.place is not None or roles.group_subject(draft.token, draft.host_verb))
