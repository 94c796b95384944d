"""How the event triggers of one sentence combine into happenings.

An event noun that is the subject or object of an event verb names the verb's own happening
("the strike killed"); "killing"/"wounding" clauses give a strike its toll; the purpose clause of
a deployment ("sent troops to fight for X") says whom it is for; and what a speech act embeds is
its content ("threatened to strike" is one THREATEN event), not a separate event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from claimwatch.nlp.events.plover_lexicon import SPEECH_ACTS, Trigger, lemma_of, lexicon
from claimwatch.nlp.events.roles import theme_of

#: Verbs of purpose under a deployment or transfer: "sent troops to fight for X".
PURPOSE_HOSTS = frozenset({"AID", "MOBILIZE", "COOPERATE"})
PURPOSE_TYPES = frozenset({"ASSAULT", "COOPERATE", "AID", "SUPPORT"})
#: What a promise can hold that makes it a threat ("vowed to retaliate", "pledged to punish").
CONFLICT_CONTENT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
#: Dependencies by which a speech act holds what it is about ("threatened to strike", "denied attacking").
CONTENT_DEPS = frozenset({"xcomp", "pcomp", "dobj", "pobj", "advcl", "ccomp"})
#: What a protest can hold that is the protest itself: its demand, its denunciation, its chants.
PROTEST_CONTENT = frozenset({"PROTEST", "ACCUSE", "REQUEST", "REJECT", "THREATEN"})
#: Dependencies by which an event noun is a verb's own happening ("the strike killed", "launched an attack").
OWN_HAPPENING_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})


@dataclass
class MergePlan:
    """How the triggers of one sentence combine: which are dropped, and what they give others."""

    dropped: set[int] = field(default_factory=set)
    modes: dict[int, str] = field(default_factory=dict)  # speech act -> mode from its content
    tolls: dict[int, list[Token]] = field(default_factory=dict)  # ASSAULT trigger -> folded kill/wound verbs
    purposes: dict[int, list[Token]] = field(default_factory=dict)  # transfer trigger -> purpose verbs
    denied: set[int] = field(default_factory=set)
    contents: dict[int, Trigger] = field(default_factory=dict)  # speech act -> the event it is about
    retyped: dict[int, str] = field(default_factory=dict)  # promise whose content is conflict -> THREATEN


@dataclass(frozen=True)
class TriggerLink:
    """A trigger and the nearest trigger above it in the parse (its host), with the dependency
    by which the chain from the trigger up to the host left the trigger."""

    trigger: Trigger
    host: Trigger
    dep: str

    @property
    def i(self) -> int:
        return self.trigger.token.i

    @property
    def host_i(self) -> int:
        return self.host.token.i


def _governing_trigger(token: Token, triggers: dict[int, Trigger], hops: int = 4) -> tuple[Token | None, str]:
    """The nearest trigger above `token`, through prepositions, partitives and clause links,
    with the dependency by which the chain left `token`. A light verb stands for the event noun
    it carries ("carried out air strikes, killing 46": the strikes govern the killing)."""
    node, first_dep = token, token.dep_
    for _ in range(hops):
        if node.head.i == node.i:
            return None, first_dep
        node = node.head
        if node.i in triggers:
            return node, first_dep
        carried = _carried_event(node, triggers)
        if carried is not None and carried.i != token.i:
            return carried, first_dep
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "pcomp"):
            return None, first_dep
    return None, first_dep


def _carried_event(verb: Token, triggers: dict[int, Trigger]) -> Token | None:
    """The event noun a light verb carries as its object ("carried out strikes", "held talks")."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in lexicon().light_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i in triggers and triggers[c.i].nominal), None)


def merge_triggers(triggers: dict[int, Trigger]) -> MergePlan:
    """Which triggers of a sentence are dropped into others, and what they give them. Each
    trigger under another is folded by the first rule of FOLDS that applies to the pair."""
    plan = MergePlan()
    drop_threat_conditions(triggers, plan)
    for trigger in triggers.values():
        host, dep = _governing_trigger(trigger.token, triggers)
        if host is None:
            continue
        link = TriggerLink(trigger, triggers[host.i], dep)
        any(fold(link, plan) for fold in FOLDS)
    _chain_tolls(plan)
    return plan


def fold_speech_content(link: TriggerLink, plan: MergePlan) -> bool:
    """What a speech act embeds is its content, not an event of its own ("threatened to strike"
    is one THREATEN event, whose mode the content gives); "denied attacking" keeps the attack,
    negated; "condemned the attack" keeps it too. A promise of conflict is a threat."""
    trigger, host = link.trigger, link.host
    if not (host.type in SPEECH_ACTS and link.host_i not in plan.dropped and link.dep in CONTENT_DEPS) or (
        link.dep == "ccomp" and host.type not in ("THREATEN", "REQUEST")
    ):
        return False
    if host.token.lemma_.lower() == "deny":
        plan.denied.add(link.i)  # "denied attacking": the attack stays, negated
        return True
    if host.type == "SUPPORT" and trigger.nominal and trigger.type == "AGREE" and link.dep in OWN_HAPPENING_DEPS:
        plan.dropped.add(link.i)  # "signed a peace agreement": the signing is the agreement's happening
        return True
    if host.type in ("ACCUSE", "SUPPORT") and trigger.nominal:
        return True  # "condemned the attack": the attack happened and is an event of its own
    plan.contents.setdefault(link.host_i, trigger)
    if host.type == "AGREE" and trigger.type in CONFLICT_CONTENT:
        plan.retyped.setdefault(link.host_i, "THREATEN")  # "vowed to retaliate" is a threat, not a pledge
    table = lexicon().threat_modes if plan.retyped.get(link.host_i) == "THREATEN" else table_for(host)
    mode = table.get(trigger.type)
    if mode and (host.type in ("THREATEN", "REQUEST", "REJECT") or link.host_i in plan.retyped):
        plan.modes.setdefault(link.host_i, mode)
    plan.dropped.add(link.i)
    return True


def fold_protest_purpose(link: TriggerLink, plan: MergePlan) -> bool:
    """"Marched to protest against X", "rallied to demand Y", "chanting slogans": what a protest is
    for, and how it is voiced, are the protest itself (PLOVER 3.12: its topic is not coded apart)."""
    trigger, host = link.trigger, link.host
    if host.type != "PROTEST" or trigger.type not in PROTEST_CONTENT or trigger.nominal:
        return False
    if link.dep not in ("advcl", "xcomp", "conj", "ccomp"):
        return False
    plan.dropped.add(link.i)
    return True


def drop_threat_conditions(triggers: dict[int, Trigger], plan: MergePlan) -> None:
    """"Threatened to close the strait if the US joined the strikes": the condition of a threat is
    part of the threat, not an event that happened."""
    threats = [t.token for t in triggers.values() if t.type == "THREATEN"]
    for trigger in triggers.values():
        token = trigger.token
        if any(threat.is_ancestor(token) and in_condition(token, threat) for threat in threats):
            plan.dropped.add(token.i)


def in_condition(token: Token, host: Token) -> bool:
    """Whether `token` lies in an if/unless clause (or an inverted "should X …") below `host`."""
    node = token
    while node.i != host.i and node.head.i != node.i:
        if node.dep_ == "advcl" and (any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children)
                                     or any(c.dep_ == "aux" and c.lower_ == "should" and c.i < node.i
                                            and not any(s.dep_ == "nsubj" and s.i < c.i for s in node.children)
                                            for c in node.children)):
            return True
        node = node.head
    return False


def fold_noun_into_verb(link: TriggerLink, plan: MergePlan) -> bool:
    """An event noun that is a verb's subject or object, or of the verb's own type, names the
    verb's own happening ("the strike killed"); an attack noun gives the verb its weapon."""
    trigger, host = link.trigger, link.host
    if not (trigger.nominal and not host.nominal and (host.type == trigger.type or link.dep in OWN_HAPPENING_DEPS)):
        return False
    plan.dropped.add(link.i)
    if trigger.type == "ASSAULT" and host.type == "ASSAULT" and trigger.mode:
        plan.modes.setdefault(link.host_i, trigger.mode)
    return True


def fold_toll_clause_host(link: TriggerLink, plan: MergePlan) -> bool:
    """"Two soldiers were wounded when X opened fire": the attack in the when-clause is the event,
    and the harm verb above it its toll."""
    trigger, host = link.trigger, link.host
    lex = lexicon()
    if not (trigger.type == "ASSAULT" and host.type == "ASSAULT" and not trigger.nominal and link.dep == "advcl"
            and host.token.lemma_.lower() in lex.death_words | lex.injury_words and link.host_i not in plan.dropped):
        return False
    plan.dropped.add(link.host_i)
    plan.tolls.setdefault(link.i, []).append(host.token)
    return True


def fold_toll_into_attack(link: TriggerLink, plan: MergePlan) -> bool:
    """"Struck X, killing five": a killing or wounding verb under an attack gives it its toll."""
    trigger, host = link.trigger, link.host
    lex = lexicon()
    lemma = trigger.token.lemma_.lower()
    if not (host.type == "ASSAULT" and not trigger.nominal and (lemma in lex.death_words or lemma in lex.injury_words)):
        return False
    plan.dropped.add(link.i)
    plan.tolls.setdefault(link.host_i, []).append(trigger.token)
    return True


def fold_purpose(link: TriggerLink, plan: MergePlan) -> bool:
    """"Sent troops to fight for X": the purpose clause of a deployment or transfer says whom it is
    for. "Moved to support X" moves nothing, so its purpose stays an event."""
    trigger, host = link.trigger, link.host
    token = trigger.token
    if not ((host.type in PURPOSE_HOSTS or host.transfer) and trigger.type in PURPOSE_TYPES and (
        link.dep in ("advcl", "xcomp") and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children)
    ) and not (host.transfer and theme_of(host.token) is None)):
        return False
    plan.dropped.add(link.i)
    plan.purposes.setdefault(link.host_i, []).append(token)
    return True


#: The ways a trigger folds into the trigger above it, tried in this order.
FOLDS: tuple[Callable[[TriggerLink, MergePlan], bool], ...] = (
    fold_speech_content, fold_protest_purpose, fold_noun_into_verb,
    fold_toll_clause_host, fold_toll_into_attack, fold_purpose,
)


def _chain_tolls(plan: MergePlan) -> None:
    """A toll verb coordinated with another ("killing 14 and wounding 30") was folded into that
    verb; it belongs to the attack the first one was folded into."""
    owner = {verb.i: attack for attack, verbs in plan.tolls.items() for verb in verbs}
    for folded in [i for i in plan.tolls if i in owner]:
        attack, seen = owner[folded], {folded}
        while attack in owner and attack not in seen:
            seen.add(attack)
            attack = owner[attack]
        if attack not in seen:
            plan.tolls.setdefault(attack, []).extend(plan.tolls.pop(folded))


def table_for(host: Trigger) -> dict[str, str]:
    """The modes a threat or a request gives the event it is about."""
    lex = lexicon()
    return lex.threat_modes if host.type == "THREATEN" else lex.request_modes
