"""The word lists of event coding, read once from the data files lexicons/events_*.json and *.tsv.

The entries live in the files, each list with a note on what it holds; this module gives them
names and types. The trigger lexicon itself (plover_triggers.json) is read by plover_lexicon.
"""

from __future__ import annotations

from claimwatch.nlp.lexicons import json_data, word_table


def _words(file: str, key: str) -> frozenset[str]:
    return frozenset(json_data(file)[key]["words"])


def _values(file: str, key: str) -> dict[str, int]:
    return dict(json_data(file)[key]["values"])


_USAGE = "events_usage.json"
_ARGUMENTS = "events_arguments.json"
_COUNTS = "events_counts.json"

# Uses of trigger words that name no new event (plover_usage).
EXISTING_AGREEMENT_VERBS = _words(_USAGE, "existing_agreement_verbs")
MAKING_AGREEMENT_VERBS = _words(_USAGE, "making_agreement_verbs")
POTENTIAL_NOUNS = _words(_USAGE, "potential_nouns")
REHEARSAL_VERBS = _words(_USAGE, "rehearsal_verbs")
CRITICISM_HARM_VERBS = _words(_USAGE, "criticism_harm_verbs")
SPEECH_VERBS = _words(_USAGE, "speech_verbs")
PERSON_PRONOUNS = _words(_USAGE, "person_pronouns")
SPEAKER_PRONOUNS = _words(_USAGE, "speaker_pronouns")
PARTNER_ROLES = _words(_USAGE, "partner_roles")
RALLY_HOST_VERBS = _words(_USAGE, "rally_host_verbs")
THREAT_OBJECTS = _words(_USAGE, "threat_objects")
FRAME_NOUNS = _words(_USAGE, "frame_nouns")
WH_WORDS = _words(_USAGE, "wh_words")
VERBAL_MODIFIERS = _words(_USAGE, "verbal_modifiers")
REFLEXIVES = _words(_USAGE, "reflexives")
CONTEST_WORDS = _words(_USAGE, "contest_words")
NATURAL_HAZARDS = _words(_USAGE, "natural_hazards")

# The words that decide an event's arguments (args, roles, coding).
#: Where an event happens: "struck targets in X", "clashes along the border". Not the
#: PLACE_PREPOSITIONS of entities/places.py, which say after which words a capital is the city.
EVENT_PLACE_PREPS = _words(_ARGUMENTS, "event_place_preps")
#: Prepositions whose object is a noun's setting, not part of who it denotes ("troops in X",
#: "fighters from X"): the place prepositions and those of time and origin. "On" stays part of
#: the phrase: "a ban on X journalists" names X.
SETTING_PREPS = (EVENT_PLACE_PREPS - {"on"}) | _words(_ARGUMENTS, "setting_preps")
COMPASS_WORDS = _words(_ARGUMENTS, "compass_words")
BORDER_NOUNS = _words(_ARGUMENTS, "border_nouns")
TARGET_PREPS = _words(_ARGUMENTS, "target_preps")
PARTNER_PREPS = _words(_ARGUMENTS, "partner_preps")
RELATIVE_PRONOUNS = _words(_ARGUMENTS, "relative_pronouns")
OBJECT_TARGET_PREPS = _words(_ARGUMENTS, "object_target_preps")
OFFER_NOUNS = _words(_ARGUMENTS, "offer_nouns")
DEPLOYMENT_NOUNS = _words(_ARGUMENTS, "deployment_nouns")
NOT_DOING_VERBS = _words(_ARGUMENTS, "not_doing_verbs")

#: Number words read off the parse when the quantities component found no number. Kept apart from
#: quantities/numbers.py on purpose: vague plurals count double here ("dozens" = 24), a lower bound there.
NUMBER_WORDS = _values(_COUNTS, "number_words")
MULTIPLIERS = _values(_COUNTS, "multipliers")
TOLL_NOUNS = _words(_COUNTS, "toll_nouns")

#: PLOVER type → CAMEO root code.
CAMEO_ROOTS: dict[str, str] = {plover: cameo for plover, cameo in word_table("events_cameo.tsv")}
