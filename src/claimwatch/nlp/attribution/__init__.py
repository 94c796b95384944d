"""Attribution: who asserts what, with which cue, and where the content begins and ends.

claims.py is the component: rules propose candidates (verb_claims.py for verbs, phrase_cues.py
for "according to", hearsay adverbs and reporting nouns, frame_cues.py for headline colons,
"in a statement" and stance nouns), the learned cue model (cue_model.py, trained on PolNeAR by
`claimwatch train attribution`) scores them and its second stage (rerank.py) weighs each against
its competitors to decide which are cues, sources.py finds and links sources,
contents.py bounds contents and quotations; cues.py holds the lexicons.
"""

from claimwatch.nlp.attribution.claims import attribute_claims

__all__ = ["attribute_claims"]
