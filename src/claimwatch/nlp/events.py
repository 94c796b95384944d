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
from claimwatch.nlp import event_args as args
from claimwatch.nlp.actors import resolve_actor
from claimwatch.nlp.certainty import assess_certainty, event_modality
from claimwatch.nlp.event_counts import size_of, tolls
from claimwatch.nlp.plover import SPEECH_ACTS, Trigger, assault_mode, classify, lexicon, object_class, transfer_type
from claimwatch.nlp.state import DocState

CERTAINTY_ORDER: dict[str, int] = {"certain": 3, "probable": 2, "possible": 1, "unknown": 0}
#: Types whose recipient later mentions of the same happening tend to leave out.
INHERITS_TARGET = frozenset({"AID", "MOBILIZE", "COOPERATE"})
#: Verbs of purpose under a deployment or transfer: "sent troops to fight for X".
PURPOSE_HOSTS = frozenset({"AID", "MOBILIZE", "COOPERATE"})
PURPOSE_TYPES = frozenset({"ASSAULT", "COOPERATE", "AID", "SUPPORT"})
CAMEO_ROOTS = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "ACCUSE": "11", "REQUEST": "10", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18",
}
#: Types where "X and Y <verb>" makes Y the partner of X.
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
CONVENTIONAL_FORCE = frozenset({"aerial", "heavy-weapons", "firearms", "drone"})
#: What a promise can hold that makes it a threat ("vowed to retaliate", "pledged to punish").
CONFLICT_CONTENT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
#: PLOVER 3.1/3.2/3.4: future meetings and support are AGREE; announced future retreats are CONCEDE.
FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "RETREAT": "CONCEDE"}
#: Material events worth keeping even when no named actor or target takes part ("police fired tear gas").
MATERIAL_CONFLICT = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
#: Prepositions of a transferred or affected thing that name who it is for or aimed at ("aid to X").
OBJECT_TARGET_PREPS = frozenset({"to", "for", "toward", "towards", "into", "on", "against"})


def code_events(doc: Doc, state: DocState) -> None:
    """Add the events of the Doc to `state.events`."""
    candidates = lexicon().candidate_lemmas
    for sent in doc.sents:
        triggers: dict[int, Trigger] = {}
        for token in sent:
            if token.pos_ in ("VERB", "NOUN") and token.lemma_.lower() in candidates:
                found = classify(token)
                if found is not None:
                    triggers[token.i] = found
        if not triggers:
            continue
        plan = _merge(triggers)
        for trigger in triggers.values():
            if trigger.token.i in plan.dropped:
                continue
            event = _build(trigger, plan, state)
            if event is not None:
                state.events.append(event)


class _Plan:
    """How the triggers of one sentence combine: which are dropped, and what they give others."""

    def __init__(self) -> None:
        self.dropped: set[int] = set()
        self.modes: dict[int, str] = {}  # speech act -> mode from its content
        self.tolls: dict[int, list[Token]] = {}  # ASSAULT trigger -> folded kill/wound verbs
        self.purposes: dict[int, list[Token]] = {}  # transfer trigger -> purpose verbs
        self.denied: set[int] = set()
        self.contents: dict[int, Trigger] = {}  # speech act -> the event it is about
        self.retyped: dict[int, str] = {}  # promise whose content is conflict -> THREATEN


def _governing_trigger(token: Token, triggers: dict[int, Trigger], hops: int = 4) -> tuple[Token | None, str]:
    """The nearest trigger above `token`, through prepositions, partitives and clause links,
    with the dependency by which the chain left `token`."""
    node, first_dep = token, token.dep_
    for _ in range(hops):
        if node.head.i == node.i:
            return None, first_dep
        node = node.head
        if node.i in triggers:
            return node, first_dep
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "pcomp"):
            return None, first_dep
    return None, first_dep


def _merge(triggers: dict[int, Trigger]) -> _Plan:
    lex = lexicon()
    plan = _Plan()
    for i, trigger in triggers.items():
        token = trigger.token
        host, dep = _governing_trigger(token, triggers)
        if host is None:
            continue
        host_trigger = triggers[host.i]
        lemma = token.lemma_.lower()
        if host_trigger.type in SPEECH_ACTS and host.i not in plan.dropped and dep in (
            "xcomp", "pcomp", "dobj", "pobj", "advcl", "ccomp"
        ) and not (dep == "ccomp" and host_trigger.type not in ("THREATEN", "REQUEST")):
            if host.lemma_.lower() == "deny":
                plan.denied.add(i)  # "denied attacking": the attack stays, negated
                continue
            if host_trigger.type in ("ACCUSE", "SUPPORT") and trigger.nominal:
                continue  # "condemned the attack": the attack happened and is an event of its own
            plan.contents.setdefault(host.i, trigger)
            if host_trigger.type == "AGREE" and trigger.type in CONFLICT_CONTENT:
                plan.retyped.setdefault(host.i, "THREATEN")  # "vowed to retaliate" is a threat, not a pledge
            table = lex.threat_modes if plan.retyped.get(host.i) == "THREATEN" else table_for(host_trigger)
            mode = table.get(trigger.type)
            if mode and (host_trigger.type in ("THREATEN", "REQUEST", "REJECT") or host.i in plan.retyped):
                plan.modes.setdefault(host.i, mode)
            plan.dropped.add(i)
        elif trigger.nominal and not host_trigger.nominal and (
            host_trigger.type == trigger.type or dep in ("dobj", "nsubj", "nsubjpass", "attr")
        ):
            plan.dropped.add(i)  # the noun names the verb's own happening ("the strike killed")
            if trigger.type == "ASSAULT" and host_trigger.type == "ASSAULT" and trigger.mode:
                plan.modes.setdefault(host.i, trigger.mode)
        elif (trigger.type == "ASSAULT" and host_trigger.type == "ASSAULT" and not trigger.nominal
              and dep == "advcl" and host.lemma_.lower() in lex.death_words | lex.injury_words
              and host.i not in plan.dropped):
            plan.dropped.add(host.i)  # "two soldiers were wounded when X opened fire": one attack, with its toll
            plan.tolls.setdefault(i, []).append(host)
        elif host_trigger.type == "ASSAULT" and not trigger.nominal and (
            lemma in lex.death_words or lemma in lex.injury_words
        ):
            plan.dropped.add(i)
            plan.tolls.setdefault(host.i, []).append(token)
        elif (host_trigger.type in PURPOSE_HOSTS or host_trigger.transfer) and trigger.type in PURPOSE_TYPES and (
            dep in ("advcl", "xcomp") and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children)
        ):
            plan.dropped.add(i)
            plan.purposes.setdefault(host.i, []).append(token)
    return plan


def table_for(host: Trigger) -> dict[str, str]:
    lex = lexicon()
    return lex.threat_modes if host.type == "THREATEN" else lex.request_modes


def _governors(verb: Token) -> list[Token]:
    """Verbs that control the trigger's subject ("plans" in "plans to send")."""
    chain, node = [], verb
    while node.dep_ == "xcomp" and node.head.i != node.i and len(chain) < 3:
        node = node.head
        chain.append(node)
    return chain


def _theme(verb: Token) -> Token | None:
    """What a transfer verb moves: its object, or the subject of its passive."""
    deps = ("nsubjpass",) if args.is_passive(verb) and verb.dep_ != "acl" else ("dobj",)
    found = args.children(verb, *deps)
    if not found and verb.dep_ == "acl" and args.is_passive(verb):
        return verb.head  # "troops sent to X"
    return found[0] if found else None


def _recipient(verb: Token, theme: Token | None, purposes: list[Token], state: DocState,
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


def _target(trigger: Trigger, state: DocState, actor: Entity | None) -> tuple[Entity | None, Token | None]:
    """Who undergoes the event, and the phrase that names them."""
    token, type_ = trigger.token, trigger.type
    candidates: list[Token] = []
    if trigger.nominal:
        preps = {"on", "against", "of", "to", "for", "with", "between", "upon", "at"}
        if type_ in ("MOBILIZE", "RETREAT"):
            preps -= {"of"}
        for word, pobj in args.prep_objects(token, preps):
            candidates.extend(pobj.conjuncts if word == "between" else [pobj])
    else:
        if args.is_passive(token) and token.dep_ != "acl":
            candidates.extend(args.children(token, "nsubjpass"))
        elif token.dep_ == "acl" and args.is_passive(token):
            candidates.append(token.head)  # "soldiers killed in the strike"
        if type_ not in ("MOBILIZE", "RETREAT", "PROTEST") or trigger.mode == "release":
            candidates.extend(args.children(token, "dobj", "dative"))
        preps = set(args.TARGET_PREPS)
        if type_ in ("CONSULT", "COOPERATE", "AGREE"):
            preps |= args.PARTNER_PREPS
        if type_ in ("AID", "SUPPORT", "REQUEST", "MOBILIZE", "CONCEDE"):
            preps |= {"to", "for"}
        if type_ in ("ACCUSE", "REQUEST"):
            preps |= {"on", "upon", "from"}
        candidates.extend(p for _, p in args.prep_objects(token, preps))
        if type_ in SYMMETRIC:  # "X and Y agreed": Y is X's partner
            for subject in args.children(token, "nsubj"):
                candidates.extend(subject.conjuncts)
    about_event = type_ in ("ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN")
    for phrase in candidates:
        found = None
        if about_event and phrase.lemma_.lower() in lexicon().nouns:
            found = args.possessor_actor(phrase, state)  # "condemned X's attack" accuses X
            found = None if found is not None and actor is not None and found.id == actor.id else found
        found = found or args.entity_of(phrase, state, actor)
        if found is not None:
            return found, phrase
    return None, (candidates[0] if candidates else None)


def _actor(trigger: Trigger, state: DocState) -> Entity | None:
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
        if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in lexicon().light_verbs:
            return args.entity_of(args.actor_phrase(token.head), state)  # "X launched an attack"
        return None
    phrase = args.actor_phrase(token)
    found = args.entity_of(phrase, state)
    if found is None and phrase is not None and phrase.lower_ in ("it", "they") and token.dep_ == "ccomp":
        found = args.entity_of(args.actor_phrase(token.head), state)  # "X announced it would withdraw"
    if found is None and args.is_passive(token):
        found = args.instrument_actor(token, state)
    return found


def _negated(token: Token, governors: list[Token]) -> bool:
    for node in [token] + governors:
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
    return any(g.lemma_.lower() in ("fail", "refrain", "stop", "cease") for g in governors)


def _claim_of(span: tuple[int, int], claims: list[Claim], governor_spans: set[tuple[int, int]]) -> Claim | None:
    """The innermost claim whose content holds the trigger. A claim cued by the verb that
    controls the trigger ("X plans | to send") is the event's own modality, not a report of it."""
    inside = [c for c in claims if c.content.span[0] <= span[0] and span[1] <= c.content.span[1]
              and not (c.cue is not None and tuple(c.cue.span) in governor_spans)]
    return min(inside, key=lambda c: c.content.span[1] - c.content.span[0]) if inside else None


def _factuality(token: Token, claim: Claim | None, negated: bool, state: DocState) -> tuple[Certainty, Polarity]:
    """The event's certainty: the source's commitment carries to what it reports, lowered by
    the words between the cue and the trigger ("said ... may have been deployed"); negative if
    the trigger or its claim negates it."""
    cue = None
    if claim is not None and claim.cue is not None:
        lo, hi = claim.cue.span[0] - state.offset, claim.cue.span[1] - state.offset
        cue_span = token.doc.char_span(lo, hi, alignment_mode="expand") if 0 <= lo < len(token.doc.text) else None
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


def _inherit_target(actor: Entity, type_: str, state: DocState) -> Entity | None:
    """Follow-up mentions of one deployment or supply line omit its recipient ("the troops ...
    later, the country plans to send four more brigades"): take the target of the most recent
    earlier event in the document with the same actor, when that event is cooperative too.
    state.events holds every earlier event of the document, so it is the document's memory."""
    for earlier in reversed(state.events):
        if earlier.actor == actor.id and earlier.target and earlier.type in INHERITS_TARGET | {"SUPPORT"}:
            return _by_id(state, earlier.target)
    return None


def _by_id(state: DocState, entity_id: str) -> Entity | None:
    return next((e for e in state.entities.all() if e.id == entity_id), None)


def _build(trigger: Trigger, plan: _Plan, state: DocState) -> Event | None:
    token = trigger.token
    type_, mode = plan.retyped.get(token.i, trigger.type), plan.modes.get(token.i, trigger.mode)
    governors = [] if trigger.nominal else _governors(token)
    host_verb = _noun_host_verb(token) if trigger.nominal else None
    actor = _actor(trigger, state)
    if actor is None and host_verb is not None:  # "X will hold a round of talks", "X claimed the bombing"
        actor = args.entity_of(args.actor_phrase(host_verb), state)
    partners = _split_adjectival_subject(token, state) if type_ in SYMMETRIC and not trigger.nominal else None
    if partners is not None:
        actor = partners[0]
    quantities: list[Quantity] = []
    theme: Token | None = None
    target: Entity | None = None
    if trigger.transfer:
        theme = _theme(token)
        target, real_theme = _recipient(token, theme, plan.purposes.get(token.i, []), state, actor)
        theme = real_theme or theme
        if actor is None and theme is not None and args.is_passive(token) and object_class(theme) == "personnel":
            actor = args.entity_of(theme, state, target)  # "X troops were deployed": forces move for their state
        decided = transfer_type(token, object_class(theme) if theme is not None else None, target is not None)
        if decided is None and theme is not None and theme.lemma_.lower() in lexicon().nouns:
            decided = lexicon().nouns[theme.lemma_.lower()]  # "granted an amnesty": the noun names the event
            if target is None:
                target, _ = _target(Trigger(token, decided[0], decided[1]), state, actor)
        if decided is None:
            return None
        type_, mode = decided
        if target is None and type_ == "MOBILIZE":
            target, _ = _target(Trigger(token, type_, mode), state, actor)
    else:
        target, phrase = _target(trigger, state, actor)
        content = plan.contents.get(token.i)
        if target is None and content is not None:  # "threatened to attack X" is a threat to X
            target, _ = _target(content, state, actor)
        if type_ == "MOBILIZE" and not trigger.nominal:
            theme = next(iter(args.children(token, "dobj", "nsubjpass")), None)
        if type_ == "ASSAULT" and mode is None:
            mode = assault_mode(token)
    if partners is not None and target is None:
        target = partners[1]
    if target is None and not trigger.nominal:
        target = _object_target(token, type_, state, actor)
    if target is None and actor is not None and type_ in INHERITS_TARGET:
        target = _inherit_target(actor, type_, state)
    dead = injured = None
    place = args.location(token, state)
    if place is None and type_ == "ASSAULT":  # "a drone strike on a building in X killed ..."
        for noun in args.children(token, "nsubj", "nsubjpass"):
            if noun.lemma_.lower() in lexicon().nouns:
                place = args.location(noun, state)
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
        quantities.extend(q for q in state.quantities if lo <= q.span[0] and q.span[1] <= hi)
    if actor is None and target is None and dead is None and injured is None and size is None and not (
        type_ in MATERIAL_CONFLICT and (place is not None or _group_subject(token, host_verb))
    ):
        return None
    modality = event_modality(host_verb if host_verb is not None else token)
    if modality == "planned" and type_ in FUTURE_TYPES:
        type_, mode = FUTURE_TYPES[type_], None
    span = state.span(token)
    claim = _claim_of(span, state.claims, {state.span(g) for g in governors})
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


def _trigger_span(token: Token, state: DocState) -> TextSpan:
    span = state.span(token)
    return TextSpan(state.text_of(span), span)


def _noun_host_verb(noun: Token) -> Token | None:
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
        if node.head.lemma_.lower() in light or (node.i != noun.i and node.lemma_.lower() == "responsibility"):
            return node.head
    return None


def _split_adjectival_subject(verb: Token, state: DocState) -> tuple[Entity, Entity] | None:
    """"Iranian and Saudi diplomats met": the first adjective's country acts, the second is its partner."""
    for subject in args.children(verb, "nsubj"):
        for mod in subject.children:
            if mod.dep_ == "amod" and mod.conjuncts:
                first = resolve_actor(mod, state)
                second = resolve_actor(mod.conjuncts[0], state)
                if first is not None and second is not None and first.id != second.id:
                    return first, second
    return None


def _object_target(verb: Token, type_: str, state: DocState, actor: Entity | None) -> Entity | None:
    """A target named on what the verb acts on: "promised aid to X", "suspended aid to X", "opened an
    investigation into X", "sent warships toward X", "massed troops near the X border"."""
    preps = set(OBJECT_TARGET_PREPS)
    verb_preps = {"toward", "towards", "into", "near", "along", "at"}
    if type_ == "MOBILIZE":
        preps |= {"near", "along", "at"}
    if type_ in ("AGREE", "COOPERATE", "SANCTION", "AID"):
        verb_preps.add("to")  # "promised X to Y", "extradited X to Y", "suspended aid to Y"
    if type_ == "SANCTION":
        preps.add("from")
        verb_preps.add("from")  # "recalled its ambassador from X"
    holders = args.children(verb, "dobj") + [verb]
    for holder in holders:
        for word, pobj in args.prep_objects(holder, preps):
            if holder is verb and word not in verb_preps:
                continue
            if word in ("near", "along", "at") and pobj.lemma_.lower() not in ("border", "frontier", "coast"):
                continue
            found = args.entity_of(pobj, state, actor)
            if found is not None:
                return found
    return None


def _group_subject(token: Token, host_verb: Token | None) -> bool:
    """Whether people act without a name: "protesters blocked", "police fired", "the army imposed"."""
    verb = host_verb if host_verb is not None else token
    phrase = args.actor_phrase(verb) if verb.pos_ in ("VERB", "AUX") else None
    return phrase is not None and phrase.lemma_.lower() in lexicon().group_actors
