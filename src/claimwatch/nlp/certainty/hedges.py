"""Lexicons of commitment: modal auxiliaries, hedges, and the verbs that embed a proposition.

General English resources after FactBank (Saurí & Pustejovsky 2009) and the implicative /
factive verb classes of Karttunen (1971) and Nairn, Condoravdi & Karttunen (2006). Each entry
says what the word does to the commitment of whoever uses it to the event it governs, so every
entry stands on its own; nothing here comes from a particular article.

Values are certainty levels (`certain` > `probable` > `possible` > `unknown`); a `NEG_` table
marks words that turn what they embed negative.
"""

from __future__ import annotations

from claimwatch.model import Certainty

#: The order of strength: a source's commitment is the weakest level along the way.
RANK: dict[str, int] = {"unknown": 0, "possible": 1, "probable": 2, "certain": 3}

#: Modal auxiliaries on the event's own verb ("may have been deployed").
#: "will"/"shall" are not here: a future is event modality (planned), not doubt.
MODAL_AUX: dict[str, Certainty] = {
    "may": "possible", "might": "possible", "could": "possible", "can": "possible",
    "should": "probable", "ought": "probable", "must": "probable",
    "would": "possible", "ca": "possible",
}

#: Adverbs (and adverbial phrases' heads) that hedge or boost the clause they modify.
HEDGE_ADVERBS: dict[str, Certainty] = {
    "probably": "probable", "likely": "probable", "apparently": "probable", "presumably": "probable",
    "reportedly": "probable", "allegedly": "probable", "supposedly": "probable", "seemingly": "probable",
    "purportedly": "probable", "ostensibly": "probable", "evidently": "probable", "mostly": "certain",
    "possibly": "possible", "perhaps": "possible", "maybe": "possible", "conceivably": "possible",
    "potentially": "possible", "theoretically": "possible", "hypothetically": "possible",
    "certainly": "certain", "definitely": "certain", "surely": "certain", "undoubtedly": "certain",
    "clearly": "certain", "indeed": "certain", "actually": "certain",
}

#: Predicative adjectives that qualify an embedded event: "is likely to remain", "it is possible that".
HEDGE_ADJECTIVES: dict[str, Certainty] = {
    "likely": "probable", "probable": "probable", "unlikely": "probable", "improbable": "probable",
    "expected": "probable",
    "possible": "possible", "conceivable": "possible", "plausible": "possible", "able": "possible",
    "certain": "certain", "sure": "certain", "clear": "certain", "evident": "certain", "obvious": "certain",
    "true": "certain", "bound": "certain",
    "unclear": "unknown", "uncertain": "unknown", "unknown": "unknown", "doubtful": "unknown",
    "unsure": "unknown", "ready": "unknown", "eager": "unknown", "keen": "unknown",
    "determined": "unknown", "prepared": "unknown", "due": "unknown", "set": "unknown", "poised": "unknown",
    "free": "unknown", "reluctant": "unknown", "willing": "possible", "unable": "certain", "impossible": "certain",
}
#: Of those, the ones about how likely the proposition is (not about the subject's readiness or
#: ability): on a copula they hedge the clause itself ("the number is likely to rise").
EPISTEMIC_ADJECTIVES = frozenset({"likely", "probable", "unlikely", "improbable", "possible", "conceivable",
                                  "plausible", "impossible", "unclear", "uncertain", "doubtful"})
#: Of those, the ones that assert the opposite ("unlikely to win" → probably not).
NEG_ADJECTIVES = frozenset({"unlikely", "improbable", "unable", "impossible"})

#: Nouns that hedge the clause they introduce: "there is a chance that …", "evidence suggests".
HEDGE_NOUNS: dict[str, Certainty] = {
    "possibility": "possible", "chance": "possible", "risk": "possible", "danger": "possible",
    "likelihood": "probable", "probability": "probable", "prospect": "possible",
    "speculation": "possible", "rumor": "possible", "rumour": "possible",
    # wishes and open questions commit to nothing
    "question": "unknown", "fear": "unknown", "hope": "unknown", "wish": "unknown", "desire": "unknown",
    "dream": "unknown", "need": "unknown",
    # plans, requests, offers and efforts: the event may follow
    "threat": "possible", "plan": "possible", "proposal": "possible", "attempt": "possible", "effort": "possible",
    "bid": "possible", "call": "possible", "request": "possible", "offer": "possible", "demand": "possible",
    "order": "possible", "goal": "possible", "aim": "possible", "push": "possible", "campaign": "possible",
    "move": "possible", "willingness": "possible", "readiness": "possible", "ability": "possible",
    "capacity": "possible", "vote": "possible", "way": "possible", "opportunity": "possible", "right": "possible",
    "authority": "possible", "power": "possible", "talk": "possible", "negotiation": "possible",
    "discussion": "possible", "consultation": "possible", "permission": "possible", "option": "possible",
    # a commitment has been made
    "decision": "probable", "agreement": "probable", "deal": "probable", "promise": "probable",
    "pledge": "probable", "intention": "probable", "intent": "probable", "commitment": "probable",
}

#: Verbs taking a clause ("that …"): how strongly the subject commits to it.
CLAUSE_VERBS: dict[str, Certainty] = {
    # assertives and factives: the subject presents the clause as a fact
    **dict.fromkeys(
        "say tell announce report state add note declare confirm reveal disclose explain insist stress emphasize "
        "reiterate testify write show prove demonstrate find establish conclude acknowledge admit concede know "
        "realize realise learn discover notice recognize recognise remember see regret recall argue maintain "
        "assert affirm warn describe inform point observe notify assure hear understand agree complain charge "
        "accuse blame remind certify verify document record indicate tweet post mention publish reply respond "
        "answer comment boast brag vow pledge promise swear guarantee".split(),
        "certain",
    ),
    # weaker commitment: belief, inference, estimate
    **dict.fromkeys(
        "believe think suggest estimate suspect assume presume reckon feel consider allege claim predict forecast "
        "project anticipate signal imply hint calculate expect seem appear figure sense "
        "judge trust contend theorize surmise infer gather deduce".split(),
        "probable",
    ),
    # speculation
    **dict.fromkeys("speculate guess suppose imagine hypothesize hypothesise fantasize dream".split(), "possible"),
    # the clause is demanded, proposed or arranged: it may follow
    **dict.fromkeys(
        "demand urge request propose recommend order require ensure plan intend insist arrange".split(), "possible"
    ),
    # the clause is asked, wished, feared or examined, not asserted
    **dict.fromkeys(
        "ask wonder question inquire enquire investigate examine probe check debate discuss decide determine "
        "hope fear worry wish want pray prefer study test explore review evaluate assess".split(),
        "unknown",
    ),
}
# Verbs whose clause is rejected: the subject commits to its negation with this strength.
for _verb, _level in {
    "deny": "certain", "reject": "certain", "dismiss": "certain", "refute": "certain", "rebut": "certain",
    "disavow": "certain", "dispute": "probable", "contest": "probable", "doubt": "probable",
    "challenge": "probable",
}.items():
    CLAUSE_VERBS[_verb] = _level  # type: ignore[assignment]
NEG_CLAUSE_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "disavow", "dispute", "contest", "doubt",
                              "challenge"})

#: Factive verbs: what they embed is presupposed true even when they are negated or hedged.
FACTIVE_VERBS = frozenset(
    "know realize realise regret learn discover notice remember reveal recognize recognise acknowledge admit "
    "forget find understand resent".split()
)
#: Verbs whose negation is read in the clause: "does not believe that X" → probably not X.
NEG_RAISING = frozenset("believe think expect suppose seem appear imagine reckon anticipate feel".split())

#: Verbs of the cue of a claim that weaken commitment on their own. A cue not listed is taken
#: as an assertion (certain): "said", "announced", "according to".
CUE_STRENGTH: dict[str, Certainty] = dict(CLAUSE_VERBS)
CUE_STRENGTH.update({"accord": "certain", "according": "certain", "deny": "certain", "reject": "certain"})
# A source that "promises", "warns" or "plans" commits to an intention, and "ask" to nothing.

#: Verbs taking an infinitive ("to …", or "-ing"): what follows for the embedded event.
#: certain: it happened (implicatives: "managed to", "was forced to"); NEG_: it did not
#: ("failed to", "refused to"); unknown: it is intended, wanted, tried — not yet a fact.
XCOMP_VERBS: dict[str, Certainty] = {
    **dict.fromkeys(
        "manage continue begin start keep proceed resume succeed happen remember dare get help force compel "
        "oblige go end finish stop cease quit forget fail refuse decline neglect avoid omit prevent "
        "bother hesitate cause make let".split(),
        "certain",
    ),
    **dict.fromkeys("seem appear tend prove".split(), "probable"),
    **dict.fromkeys(
        # a plan, arrangement, request or effort is under way: the event may well follow
        "plan intend aim seek try attempt threaten offer propose prepare need ask urge order demand call tell "
        "allow permit encourage persuade convince invite lobby push press strive struggle work fight vote move "
        "choose elect opt arrange schedule set consider contemplate recommend suggest require authorize authorise "
        "approve enable empower instruct direct advise warn remind beg volunteer apply hurry rush race scramble "
        "design budget bid campaign have".split(),
        "possible",
    ),
    **dict.fromkeys(
        # only a wish, a feeling or a discussion: nothing is committed
        "want hope wish like love hate prefer dread fear mean wait discuss debate dream long yearn".split(),
        "unknown",
    ),
}
XCOMP_VERBS.update({"agree": "certain", "decide": "certain", "promise": "certain", "pledge": "certain",
                    "vow": "certain", "expect": "probable",
                    "fail": "certain", "refuse": "certain", "decline": "certain", "neglect": "certain",
                    "avoid": "certain", "omit": "certain", "forget": "certain", "prevent": "certain",
                    "stop": "certain", "cease": "certain", "quit": "certain", "hesitate": "certain"})
#: Of those, the ones that say the embedded event did not happen.
NEG_XCOMP_VERBS = frozenset({"fail", "refuse", "decline", "neglect", "avoid", "omit", "forget", "prevent", "stop",
                             "cease", "quit", "hesitate"})
#: Passive forms that report rather than cause: "is expected to", "is believed to have", "is said to".
PASSIVE_XCOMP: dict[str, Certainty] = {
    "expect": "probable", "believe": "probable", "think": "probable", "say": "probable", "report": "probable",
    "suppose": "possible", "rumor": "possible", "rumour": "possible", "estimate": "probable",
    "know": "certain", "force": "certain", "compel": "certain", "oblige": "certain", "see": "certain",
    "allege": "probable", "feared": "possible", "fear": "possible", "suspect": "probable", "project": "probable",
    "schedule": "probable", "set": "probable", "slate": "probable", "due": "probable", "plan": "possible",
    "ask": "unknown", "urge": "unknown", "order": "unknown", "tell": "unknown", "allow": "unknown",
    "permit": "unknown", "require": "unknown", "encourage": "unknown", "invite": "unknown", "authorize": "unknown",
    "design": "possible", "intend": "possible", "prepare": "possible", "mean": "possible", "use": "possible",
}

#: Verbs of future or intention heading an infinitive: the event is planned.
PLANNING_VERBS = frozenset(
    "plan intend aim prepare want seek hope expect schedule set agree decide promise pledge vow threaten "
    "propose offer mean strive try attempt arrange wish".split()
)
#: Adverbial-clause markers that make the clause a condition (hypothetical) or an open question.
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest", "provided", "providing", "suppose", "supposing",
                               "assuming", "once"})
#: Adverbial-clause markers of purpose: the clause is intended, not (yet) factual.
PURPOSE_MARKS = frozenset({"so", "lest"})
#: Markers after which the clause is presupposed true ("after the attack", "because they left").
FACTIVE_MARKS = frozenset({"because", "after", "since", "as", "while", "when", "although", "though", "whereas",
                           "despite", "now", "whilst"})
#: Markers after which the clause has not happened (yet).
NONFACTIVE_MARKS = frozenset({"until", "till"})

#: Words that negate the clause they attach to.
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nowhere", "nobody", "nothing", "none",
                      "hardly", "barely", "scarcely", "without"})
#: Subjects or objects that negate the event ("nobody was hurt", "no one died").
NEGATIVE_ARGUMENTS = frozenset({"nobody", "nothing", "none", "noone", "neither"})

#: Adjectives on an event noun: "a possible attack", "the alleged strike", "a planned offensive".
NOUN_HEDGES: dict[str, Certainty] = {
    **dict.fromkeys(("possible", "potential", "rumored", "rumoured"), "possible"),
    **dict.fromkeys(("alleged", "suspected", "reported", "apparent", "presumed", "likely", "probable", "purported",
                     "supposed", "expected", "anticipated"), "probable"),
    **dict.fromkeys(("planned", "proposed", "future", "pending", "prospective", "upcoming", "intended", "threatened",
                     "scheduled", "hypothetical", "would-be", "next"), "unknown"),
}
#: Verbs whose object is wanted, sought or planned rather than done ("seek a deal", "call for talks").
INTENT_OBJECT_VERBS = frozenset(
    "want plan seek propose demand request urge need threaten promise pledge expect consider discuss debate "
    "prepare offer hope await fear envisage contemplate push advocate favor favour oppose negotiate order "
    "recommend suggest schedule".split()
)
#: Of those, the ones only wished or discussed: nothing is committed.
WISH_OBJECT_VERBS = frozenset(
    "want hope await fear envisage contemplate consider discuss debate favor favour oppose".split()
)
#: Heads after which "for" introduces a purpose: what follows is sought, not done.
FOR_PURPOSE_HEADS = frozenset(
    "call push press plead appeal ask reward wait hope bid search look prepare pressure pray compete vote "
    "campaign lobby negotiate apply argue fight demand need plan proposal request reward opportunity room "
    "chance time responsibility preparation support".split()
)
#: Verbs whose object does not take place ("prevented an attack", "called off the strike").
NEG_OBJECT_VERBS = frozenset("prevent avoid avert cancel block forestall deny".split())
#: Verbs that say their subject event takes place: their modality is the subject's too.
LIGHT_VERBS = frozenset("happen occur take begin start continue end come follow break erupt resume".split())
