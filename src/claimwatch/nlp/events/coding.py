"""Events: PLOVER type and mode, actor, target, place, time and counts.

Per sentence: find trigger words (plover.classify), merge the ones that name one happening
(an event noun that is the subject or instrument of an event verb, "killing"/"wounding" clauses
that give a strike its toll, the purpose clause of a deployment), drop what a speech act embeds
("threatened to strike" is one THREATEN event), then read each event's arguments from the parse
(event_args) and link it to the innermost claim whose content holds it, so that the source's
certainty carries to the event.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimwatch.model import Certainty, Claim, Entity, Event, EventTime, Polarity, Quantity, TextSpan
from claimwatch.nlp.certainty.assess import assess_certainty, event_modality
from claimwatch.nlp.doctext import doc_length
from claimwatch.nlp.events import args, roles
from claimwatch.nlp.events.counts import size_of, tolls
from claimwatch.nlp.events.memory import claims_holding, quantities_within
from claimwatch.nlp.events.merge import MergePlan, merge_triggers
from claimwatch.nlp.events.plover import classify
from claimwatch.nlp.events.plover_lexicon import Trigger, lexicon
from claimwatch.nlp.events.plover_rules import assault_mode, object_class, transfer_type
from claimwatch.nlp.state import DocState

CERTAINTY_ORDER: dict[str, int] = {"certain": 3, "probable": 2, "possible": 1, "unknown": 0}
CAMEO_ROOTS = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "ACCUSE": "11", "REQUEST": "10", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18",
}
CONVENTIONAL_FORCE = frozenset({"aerial", "heavy-weapons", "firearms", "drone"})
#: PLOVER 3.1/3.2/3.4: future meetings and support are AGREE; announced future retreats are CONCEDE.
FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "RETREAT": "CONCEDE"}
#: Material events worth keeping even when no named actor or target takes part ("police fired tear gas").
MATERIAL_CONFLICT = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})


def code_events(doc: Doc, state: DocState) -> None:
    """Add the events of the Doc to `state.events`."""
    candidates = lexicon().candidate_lemmas
    for sent in doc.sents:
        triggers: dict[int, Trigger] = {}
        for token in sent:
            if token.pos_ in ("VERB", "NOUN") and token.lemma_.lower() in candidates:
                found = classify(token)
                if found is not None and not (found.transfer and roles.moves_nothing(token)):
                    triggers[token.i] = found
        if not triggers:
            continue
        plan = merge_triggers(triggers)
        for trigger in triggers.values():
            if trigger.token.i in plan.dropped:
                continue
            event = _build(trigger, plan, state)
            if event is not None:
                state.events.append(event)


def _build(trigger: Trigger, plan: MergePlan, state: DocState) -> Event | None:
    token = trigger.token
    type_, mode = plan.retyped.get(token.i, trigger.type), plan.modes.get(token.i, trigger.mode)
    governors = [] if trigger.nominal else roles.controlling_verbs(token)
    host_verb = roles.noun_host_verb(token) if trigger.nominal else None
    actor = roles.actor_of(trigger, state)
    if actor is None and host_verb is not None:  # "X will hold a round of talks", "X claimed the bombing"
        actor = args.entity_of(args.actor_phrase(host_verb), state)
    symmetric = type_ in roles.SYMMETRIC and not trigger.nominal
    partners = roles.split_adjectival_subject(token, state) if symmetric else None
    if partners is not None:
        actor = partners[0]
    quantities: list[Quantity] = []
    theme: Token | None = None
    target: Entity | None = None
    if trigger.transfer:
        theme = roles.theme_of(token)
        target, real_theme = roles.recipient_of(token, theme, plan.purposes.get(token.i, []), state, actor)
        theme = real_theme or theme
        if actor is None:  # "X troops were deployed": forces move for their state
            actor = roles.forces_actor(token, theme, state, target)
        decided = transfer_type(token, object_class(theme) if theme is not None else None, target is not None)
        if decided is None and theme is not None and theme.lemma_.lower() in lexicon().nouns:
            decided = lexicon().nouns[theme.lemma_.lower()]  # "granted an amnesty": the noun names the event
            if target is None:
                target, _ = roles.target_of(Trigger(token, decided[0], decided[1]), state, actor)
        if decided is None:
            return None
        type_, mode = decided
        if target is None and type_ == "MOBILIZE":
            target, _ = roles.target_of(Trigger(token, type_, mode), state, actor)
    else:
        target, phrase = roles.target_of(trigger, state, actor)
        content = plan.contents.get(token.i)
        if target is None and content is not None:  # "threatened to attack X" is a threat to X
            target, _ = roles.target_of(content, state, actor)
        if type_ == "MOBILIZE" and not trigger.nominal:
            theme = next(iter(args.children(token, "dobj", "nsubjpass")), None)
        elif type_ == "RETREAT" and mode != "release" and not trigger.nominal:  # "X troops were withdrawn"
            theme = next((t for t in args.children(token, "dobj", "nsubjpass") if object_class(t) == "personnel"),
                         None)
        if actor is None and theme is not None:  # "X troops are stationed in Y": forces act for their state
            actor = roles.forces_actor(token, theme, state, target)
        if type_ == "ASSAULT" and mode is None:
            mode = assault_mode(token)
    deploys = roles.deploys_forces(trigger, type_, theme)
    place = args.location(token, state, destination=deploys)
    if place is None and type_ == "ASSAULT":  # "a drone strike on a building in X killed ..."
        for noun in args.children(token, "nsubj", "nsubjpass"):
            if noun.lemma_.lower() in lexicon().nouns:
                place = args.location(noun, state)
    if partners is not None and target is None:
        target = partners[1]
    if target is None and not trigger.nominal:
        target = roles.object_target(token, type_, state, actor)
    if target is None and deploys:  # forces put in a place abroad are aimed at its country
        target = roles.place_target(place, actor, state)
    if target is None and actor is not None and type_ in roles.INHERITS_TARGET:
        target = roles.inherited_target(actor, type_, state)
    if target is not None and actor is not None and target.id == actor.id:
        target = None  # an event is not done to oneself: deployed forces' own state is no target
    dead = injured = None
    if actor is None and type_ == "PROTEST":  # "teachers in X went on strike": X's people protest
        subject = args.actor_phrase(host_verb if host_verb is not None else token) if not trigger.nominal else None
        for _, pobj in args.prep_objects(subject, {"in", "across", "from"}) if subject is not None else []:
            actor = args.place_of(pobj, state)
    if type_ == "ASSAULT":
        dead, injured, victims = tolls(trigger, plan.tolls.get(token.i, []), state, quantities)
        if target is None:  # unnamed victims: their country, else the place it happened
            target = args.entity_of(victims, state, actor) or (place if place is not None and (
                actor is None or place.id != actor.id) else None)
    size = size_of(trigger, theme, state, quantities) if type_ in ("MOBILIZE", "AID", "PROTEST", "RETREAT") else None
    if theme is not None and not quantities:
        lo, hi = state.span((token.doc[theme.left_edge.i].idx, theme.right_edge.idx + len(theme.right_edge.text)))
        quantities.extend(quantities_within(state, lo, hi))
    if actor is None and target is None and dead is None and injured is None and size is None and not (
        type_ in MATERIAL_CONFLICT and (place is not None or roles.group_subject(token, host_verb))
    ):
        return None
    modality = event_modality(host_verb if host_verb is not None else token)
    if modality == "planned" and type_ in FUTURE_TYPES:
        type_, mode = FUTURE_TYPES[type_], None
    span = state.span(token)
    claim = _claim_of(span, state, {state.span(g) for g in governors})
    negated = _negated(token, governors) or token.i in plan.denied
    certainty, polarity = _factuality(token, claim, negated, state)
    time = args.time_of(token, state, governors)
    cameo = CAMEO_ROOTS.get(type_)
    if type_ == "ASSAULT" and mode in CONVENTIONAL_FORCE:
        cameo = "19"
    if type_ == "ACCUSE" and mode == "investigate":
        cameo = "09"
    return Event(
        id=state.new_id("v"),
        type=type_,
        mode=mode,
        trigger=_trigger_span(token, state),
        actor=actor.id if actor else None,
        target=target.id if target else None,
        location=place.id if place else None,
        time=EventTime(time.text, time.value) if time else None,
        modality=modality,
        quantities=[q.id for q in quantities],
        dead=args.as_number(dead),
        injured=args.as_number(injured),
        size=args.as_number(size),
        claim=claim.id if claim else None,
        certainty=certainty,
        polarity=polarity,
        cameo=cameo,
    )


def _claim_of(span: tuple[int, int], state: DocState, governor_spans: set[tuple[int, int]]) -> Claim | None:
    """The innermost claim whose content holds the trigger (inside one of its pieces, not in the
    "he said" cut out between them). A claim cued by the verb that
    controls the trigger ("X plans | to send") is the event's own modality, not a report of it."""
    inside = [c for c in claims_holding(state, span)
              if c.content.covers(span) and not (c.cue is not None and tuple(c.cue.span) in governor_spans)]
    return min(inside, key=lambda c: c.content.span[1] - c.content.span[0]) if inside else None


def _factuality(token: Token, claim: Claim | None, negated: bool, state: DocState) -> tuple[Certainty, Polarity]:
    """The event's certainty: the source's commitment carries to what it reports, lowered by
    the words between the cue and the trigger ("said ... may have been deployed"); negative if
    the trigger or its claim negates it."""
    cue = None
    if claim is not None and claim.cue is not None:
        lo, hi = claim.cue.span[0] - state.offset, claim.cue.span[1] - state.offset
        cue_span = token.doc.char_span(lo, hi, alignment_mode="expand") if 0 <= lo < doc_length(token.doc) else None
        if cue_span is not None and len(cue_span):
            cue = cue_span.root
    certainty, polarity = assess_certainty(token, cue)
    if negated:
        polarity = "negative"
    if claim is not None:
        if CERTAINTY_ORDER[claim.certainty] < CERTAINTY_ORDER[certainty]:
            certainty = claim.certainty
        if claim.polarity == "negative" and cue is None:
            polarity = "negative"
    return certainty, polarity


#: Verbs that say their complement did not happen ("failed to", "avoided condemning", "refrained from").
NOT_DOING_VERBS = frozenset({"fail", "refrain", "stop", "cease", "avoid", "neglect", "omit", "abstain", "desist",
                             "forgo", "forego", "decline", "refuse"})


def _negated(token: Token, governors: list[Token]) -> bool:
    for node in [token] + governors:
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
    if any(g.lemma_.lower() in NOT_DOING_VERBS for g in governors):
        return True
    head = token.head  # "avoided condemning", "refrained from criticizing": not a controlling verb of the parse
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "from":
        head = head.head
    elif token.dep_ not in ("xcomp", "dobj"):
        return False
    return head.i != token.i and head.lemma_.lower() in NOT_DOING_VERBS


def _trigger_span(token: Token, state: DocState) -> TextSpan:
    span = state.span(token)
    return TextSpan(state.text_of(span), span)
