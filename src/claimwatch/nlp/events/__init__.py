"""Events coded in PLOVER: type and mode, actor, target, place, time, modality and counts.

coding.py is the component: per trigger it fills an EventDraft step by step (draft.py) and
links the event to the claim that reports it (factuality.py). plover*.py hold the trigger
lexicon and the rules that read a trigger in its context; args.py, roles.py and counts.py find
the event's arguments; merge.py joins nouns with the verbs they name; memory.py indexes what
earlier sentences found. The word lists are data: lexicons/plover_triggers.json and
lexicons/events_*, named and typed in vocabulary.py.
"""

from claimwatch.nlp.events.coding import code_events

__all__ = ["code_events"]
