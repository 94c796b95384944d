"""Certainty and polarity (after FactBank): how committed a source is to what it says.

assess.py answers for a claim or an event; factuality.py walks the parse for the author's
view of any predicate; modality.py reads what one word does to an event, with the words that
weaken, negate or embed (the certainty_*.tsv files of claimwatch/nlp/lexicons/, named by hedges.py);
factuality_model.py weighs the walk with trees learned from the factuality corpora;
predicates.py is the component that adds the `predicates` layer.
"""

from claimwatch.nlp.certainty.assess import assess_certainty, cue_strength, event_modality
from claimwatch.nlp.certainty.predicates import assess_predicates

__all__ = ["assess_certainty", "cue_strength", "event_modality", "assess_predicates"]
