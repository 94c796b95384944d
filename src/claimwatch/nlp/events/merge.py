"""How the event triggers of one sentence combine into happenings.

An event noun that is the subject or object of an event verb names the verb's own happening
("the strike killed"); "killing"/"wounding" clauses give a strike its toll; the purpose clause of
a deployment ("sent troops to fight for X") says whom it is for; and what a speech act embeds is
its content ("threatened to strike" is one THREATEN event), not a separate event.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.nlp.events.plover_lexicon import SPEECH_ACTS, Trigger, lexicon
from claimwatch.nlp.events.roles import theme_of

#: Verbs of purpose under a deployment or transfer: "sent troops to fight for X".
PURPOSE_HOSTS = frozenset({"AID", "MOBILIZE", "COOPERATE"})
PURPOSE_TYPES = frozenset({"ASSAULT", "COOPERATE", "AID", "SUPPORT"})
#: What a promise can hold that makes it a threat ("vowed to retaliate", "pledged to punish").
CONFLICT_CONTENT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})


class MergePlan:
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


def merge_triggers(triggers: dict[int, Trigger]) -> MergePlan:
    """Which triggers of a sentence are dropped into others, and what they give them."""
    lex = lexicon()
    plan = MergePlan()
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
        ) and not (host_trigger.transfer and theme_of(host) is None):  # "moved to support X" moves nothing
            plan.dropped.add(i)
            plan.purposes.setdefault(host.i, []).append(token)
    _chain_tolls(plan)
    return plan


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
