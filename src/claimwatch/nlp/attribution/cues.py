"""The words that signal attribution: reporting verbs, reporting nouns, hearsay adverbs.

General English resources (after the verb classes of PARC/PolNeAR and Levin's "verbs of
communication" and "verbs of cognition"): every entry is a verb or noun whose clausal
complement is something its subject says, thinks, shows or wants. Lemmas, lower case.
"""

from __future__ import annotations

#: Verbs of saying: their complement is a statement of the subject.
SPEECH_VERBS = frozenset(
    """
    say tell announce note suggest argue claim warn emphasize emphasise stress indicate report confirm deny
    insist add acknowledge admit assert explain write tweet post state declare predict reveal recall conclude
    contend maintain allege charge complain concede reply respond answer ask wonder question caution observe
    remark mention speculate hint imply testify signal forecast counter retort joke quip boast brag lament
    highlight underscore repeat reiterate promise pledge vow threaten assure reassure remind inform urge
    demand recommend propose disclose divulge affirm reaffirm proclaim announce concur disagree agree
    advise caution cite estimate calculate project guarantee swear attest certify assert opine muse
    scoff snap shout yell whisper exclaim grumble protest object accuse blame insinuate contend surmise
    explain elaborate clarify specify stipulate relay recount describe characterize acknowledge
    """.split()
)

#: Verbs of thinking, knowing, perceiving and showing: their complement is what the subject
#: believes or what the evidence shows.
COGNITION_VERBS = frozenset(
    """
    believe think estimate know feel guess doubt realize realise understand reckon figure assume suppose
    suspect recognize recognise fear worry hope expect find show demonstrate prove see learn discover
    judge consider deem presume imagine trust bet sense notice conclude acknowledge anticipate
    """.split()
)

#: Verbs of wanting and deciding, whose `to` complement is the subject's intention ("X plans to").
INTENTION_VERBS = frozenset(
    """
    want plan intend hope expect promise pledge vow threaten refuse decline decide seek aim wish prefer
    vow urge
    """.split()
)

#: Verbs of judging someone or something: their object (with its predicate) is what the subject
#: holds about it ("called the plan a failure", "accused X of Y", "endorsed X").
EVALUATION_VERBS = frozenset(
    """
    call describe accuse criticize criticise praise endorse blame dismiss oppose reject denounce condemn
    blast slam mock cite propose label brand hail applaud
    """.split()
)

#: Verbs whose object is whom they address, not what they say ("told reporters").
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "reassure", "urge", "advise", "thank"})

#: Verbs of asking, whose "if"/"whether" clause is the question asked ("asked if C").
QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire", "enquire", "query"})
#: Reporting verbs that take a particle, with it ("point out").
PARTICLE_VERBS = frozenset({("point", "out"), ("make", "clear"), ("spell", "out"), ("lay", "out")})

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | EVALUATION_VERBS | {verb for verb, _ in PARTICLE_VERBS}

#: Nouns naming a statement or a belief: "the claim that X", "reports of X", "his view that X".
CUE_NOUNS = frozenset(
    """
    report claim statement assertion allegation belief view fear hope warning announcement suggestion
    argument evidence indication sign testimony accusation promise pledge assurance prediction estimate
    rumor rumour speculation contention insistence acknowledgment acknowledgement admission denial
    confirmation notion idea opinion assessment conclusion finding suspicion concern worry expectation
    charge threat remark comment
    """.split()
)

#: Verbs of feeling whose object is the one who feels ("the ruling angered farmers", "the result
#: surprised no one"): Levin's (1993) "amuse" class (31.1), less the members with a common sense that
#: is not a feeling ("concern", "interest", "move", "strike", "touch", "threaten"). The object holds the
#: attitude, the subject is what it is about.
EXPERIENCER_VERBS = frozenset(
    """
    alarm alienate amaze amuse anger annoy antagonize appal appall astonish astound baffle bewilder bother
    calm charm cheer comfort confuse delight demoralize depress dishearten disappoint disgust dismay
    disturb embarrass embolden encourage energize enrage exasperate excite frighten frustrate galvanize
    gratify horrify humiliate impress infuriate inspire intimidate intrigue irk irritate mystify offend
    outrage perplex placate please puzzle rattle reassure relieve roil sadden satisfy scare shock sicken
    spook startle stun surprise terrify thrill trouble unnerve unsettle upset vex worry
    """.split()
)

#: Nouns whose only sense is that something is being said by someone unnamed ("reports of shelling",
#: "rumours that C"): the hearsay claims of war and crisis reporting.
HEARSAY_NOUNS = frozenset({"report", "rumor", "rumour"})

#: Adverbs by which the writer passes on hearsay without naming its source.
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "ostensibly"})

#: Common nouns that stand for a source without naming it ("officials said", "reports indicate").
UNNAMED_SOURCE_NOUNS = frozenset(
    """
    report analyst expert official source spokesman spokeswoman spokesperson evidence observer critic
    diplomat investigator researcher scientist study survey poll data witness resident authority
    """.split()
)

#: Personal pronouns that refer back to a person.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Pronouns of the speaker themselves (in quotes) or the outlet; never resolved.
OTHER_PRONOUNS = frozenset({"i", "we", "you", "they", "it", "one", "who", "which", "that"})
