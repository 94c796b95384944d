"""Attribution: who asserts what, with which cue, and where the content begins and ends.

claims.py is the component. proposals.py offers every word to the rules, which propose candidates
with their readings of the content (verb_claims.py for verbs, phrase_cues.py for "according to",
hearsay adverbs and reporting nouns, frame_cues.py for headline colons, "in a statement" and stance
nouns; readings.py and clause_readings.py for the other readings). candidate.py describes each as
the typed Candidate the learned cue model reads (cue_model.py, trained on PolNeAR by
`claimwatch train attribution`); its second stage (rerank.py) weighs each against its competitors
to decide which are cues. sources.py finds and links sources, contents.py bounds contents and
quotations. The word lists are data files (nlp/lexicons/attribution_*.tsv) named in cues.py; what
was tried and why the settings are what they are is in docs/attribution.md.
"""

from claimwatch.nlp.attribution.claims import attribute_claims

__all__ = ["attribute_claims"]
