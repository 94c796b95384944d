"""Which nouns denote events ("the attack", "talks", "the bombing"), for the predicates layer.

A noun is an event noun when its lemma is listed here, or when it is a nominalisation of a
verb (-tion, -sion, -ment, -ance, -ing, -al …) that is not on the list of common nominalisations
that name things, places or groups instead ("government", "nation", "building").
"""

from __future__ import annotations

#: Event nouns that carry no derivational suffix (zero-derived or Latinate), common in news.
EVENT_NOUNS = frozenset(
    """
    attack war sale loss offer return gain bid blast battle talk death decline rally order trip threat murder
    increase growth effort attempt visit response purchase change takeover merger campaign request protest flight
    appeal strike search crisis use support struggle drop dispute raid fire crash clash fight arrest trial vote
    deal ban rise fall cut move plan report call claim charge meeting summit election coup invasion occupation
    siege ceasefire truce airstrike offensive assault ambush massacre genocide riot uprising revolt rebellion
    march boycott sanction embargo blockade withdrawal retreat advance surrender capture release escape rescue
    evacuation explosion earthquake flood storm hurricane disaster accident collapse outbreak epidemic pandemic
    injury damage destruction incident event operation mission exercise drill test launch tour speech interview
    statement decision ruling verdict conviction indictment inquiry probe hearing lawsuit suit settlement payment
    loan aid donation transfer delivery shipment export import trade contract treaty pact accord agreement
    dialogue conference debate discussion negotiation deployment reform recovery slump surge jump plunge boom
    recession default bankruptcy layoff hike rebound upturn downturn buyout split spinoff sell-off selloff
    ouster resignation dismissal appointment nomination inauguration funeral wedding burial birth marriage
    divorce abortion killing slaying homicide suicide kidnapping abduction hijacking bombing shooting shelling
    stabbing beating torture execution rape theft robbery fraud bribery scandal leak hack breach cyberattack
    veto approval denial refusal proposal arrival departure removal renewal survival betrayal dismissal
    referral disposal rejection objection warning promise pledge commitment demand threat win victory defeat
    loss setback success failure breakthrough delay postponement cancellation suspension halt shutdown
    closure lockdown curfew quarantine relief bailout rescue stimulus purchase acquisition investment
    spending financing funding lending borrowing earning trading offering restructuring
    result bomb control ceremony manhunt entry broadcast performance process work access concern buy close step
    tragedy effect venture violence assistance impact crime act transplant flow conflict travel turmoil shortage
    boost update preview finish glitch trouble problem fear worry
    """.split()
)

#: Nominalisations that mostly name a thing, group, place or state rather than an event.
NOT_EVENTS = frozenset(
    """
    government department parliament apartment document equipment moment element environment instrument
    monument segment sentiment compartment basement pavement supplement fragment garment ornament regiment
    nation station position population question region version television condition organization
    organisation institution administration foundation corporation association federation coalition
    commission division opinion religion location information tradition generation section direction
    relation relationship portion nutrition ration emotion notion mention motion caution fiction function
    dimension pension mansion tension passion session profession provision vision edition addition
    reputation situation jurisdiction infrastructure constitution legislation delegation congregation
    corporation union minister administration committee
    thing something nothing anything everything morning evening king ring spring building ceiling string
    wing sibling clothing pudding offspring lightning duckling ending beginning feeling meaning setting
    painting housing lodging belongings surroundings wording heading ceiling
    individual official national international rival animal capital hospital terminal signal material
    potential criminal local council principal professional general total journal manual interval
    appliance alliance audience conference evidence experience difference science sentence
    balance distance finance insurance province residence influence intelligence independence presence
    patience essence existence absence silence confidence preference reference significance importance
    allowance instance maintenance circumstance acceptance appearance
    """.split()
) - EVENT_NOUNS

_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ing", "al", "ure", "age", "ery")


def is_event_noun(lemma: str) -> bool:
    """Whether a common noun (by its lowercased lemma) denotes an event."""
    if lemma in EVENT_NOUNS:
        return True
    if lemma in NOT_EVENTS or len(lemma) < 6:
        return False
    if lemma.endswith(("tion", "sion", "ment", "ing")):
        return True
    return False
