"""The attribute ruler matched by table (nlp/attribute_index.py) gives what spaCy's own Matcher gives,
so the parts of speech, morphology and lemmas of the pipeline are those of the model as shipped."""

from __future__ import annotations

import spacy

from claimwatch import config
from claimwatch.nlp.attribute_index import IndexedMatcher, index_attribute_ruler

# Written to touch the ruler's rarer rules: contractions, "gonna", "let's", "y'all", "ain't", dialect
# spellings, an expletive subject, "do" as a main verb, determiners used as pronouns, spaces.
TEXTS = [
    "We're gonna win, and y'all ain't gonna stop us, he said. Let's go!",
    "There is nothin' they can do about it.  That was what I'd have said.\n\nI told you it was over.",
    "She didn't do it; they did, and those who did it have to answer for that.",
    "Officials said on Monday that the talks, which had stalled since March, would resume in Geneva.",
    "C'mon, I got ta go, said the commander, whose troops were gotta-be-there by noon.",
    "It is what it is: the ceasefire is holding, but both sides have accused each other of violations.",
]


def _stock():
    return spacy.load(config.SPACY_MODEL)


def test_the_indexed_matcher_finds_what_the_matcher_finds():
    nlp = _stock()
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = IndexedMatcher(ruler)
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(TEXTS))
    for doc in docs:
        expected = sorted(ruler.matcher(doc, allow_missing=True))
        assert expected, "every text has tagged tokens the ruler maps"
        assert sorted(indexed(doc, allow_missing=True)) == expected


def test_the_pipeline_annotates_as_the_stock_pipeline_does(nlp):
    stock = _stock()
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, IndexedMatcher)
    assert not isinstance(stock.get_pipe("attribute_ruler").matcher, IndexedMatcher)
    for ours, theirs in zip(nlp.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in ours] == \
            [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in theirs]


def test_indexing_twice_keeps_one_index():
    nlp = _stock()
    index_attribute_ruler(nlp)
    first = nlp.get_pipe("attribute_ruler").matcher
    index_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler").matcher is first
    assert len(first) == len(first._original)  # the ruler's own questions still reach its Matcher
