"""The short cuts of the analysis give what the long ways gave: the gazetteer's cache, the first stage's
score from named features, the predicates read off the Doc's arrays, the ranker run only where it counts."""

from __future__ import annotations

import numpy as np
import pytest

from claimwatch.nlp.attribution.cue_model import CueModel, load_model
from claimwatch.nlp.attribution.rerank import prefer_readings
from claimwatch.nlp.entities import gazetteer as gazetteer_module


def test_the_gazetteer_read_from_its_cache_is_the_one_built(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMWATCH_CACHE", str(tmp_path))
    gazetteer_module.gazetteer.cache_clear()
    try:
        first = gazetteer_module.gazetteer()  # built and written
        written = list(tmp_path.glob("gazetteer-*.pickle"))
        gazetteer_module.gazetteer.cache_clear()
        second = gazetteer_module.gazetteer()  # read
    finally:
        gazetteer_module.gazetteer.cache_clear()
    assert len(written) == 1 and second is not first
    assert second.phrases == first.phrases and list(second.phrases) == list(first.phrases)
    assert second.countries == first.countries and second.places == first.places
    assert second.alternate_places == first.alternate_places and second.lowercase_starts == first.lowercase_starts


def test_a_stale_or_broken_gazetteer_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMWATCH_CACHE", str(tmp_path))
    (tmp_path / "gazetteer-old.pickle").write_bytes(b"built from other tables")
    path = gazetteer_module._gazetteer_cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle")
    gazetteer_module.gazetteer.cache_clear()
    try:
        gaz = gazetteer_module.gazetteer()
    finally:
        gazetteer_module.gazetteer.cache_clear()
    assert gaz.countries["FRA"].name == "France"
    assert [p.name for p in tmp_path.glob("gazetteer-*.pickle")] == [path.name]


def test_the_cache_key_follows_the_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMWATCH_CACHE", str(tmp_path))
    before = gazetteer_module._gazetteer_cache_path()
    monkeypatch.setattr(gazetteer_module, "_TABLES", gazetteer_module._TABLES[:-1])
    assert gazetteer_module._gazetteer_cache_path() != before


def test_the_score_of_named_features_is_the_score_of_their_spelling():
    model = load_model()
    named = [("kind", "verb"), ("lemma", "say"), ("config", "ccomp"), ("lemma_config", "say|ccomp"),
             ("lemma", "no-such-word-anywhere")]
    spelled = [f"{name}={value}" for name, value in named]
    assert model.named_logit(named) == model.logit(spelled)
    assert model.named_logit(named) == model.named_logit(named)  # the second time from the pairs' cache


def test_a_candidates_score_from_its_blocks_is_its_score_from_all_its_features(nlp):
    from claimwatch.model import Document
    from claimwatch.nlp.attribution.proposals import candidates
    from claimwatch.nlp.state import DocState

    text = ("The minister said the talks would resume on Monday, officials said. \"We are ready,\" she told "
            "reporters, adding that the army had withdrawn. According to the agency, the border stayed shut.")
    doc = nlp(text)
    model = load_model()
    cands = [c for _, c in candidates(doc, DocState(Document(text), None))]
    assert len({c.cue_key() for c in cands}) < len(cands)  # some cue has several readings, which share its block
    for c in cands + cands:  # the second time from the cue sums' cache
        key = c.cue_key()
        assert c.cue_values(key) + c.reading_values() == c.named_values()
        assert model.blocks_logit(key, c.cue_values(key), c.reading_values()) == pytest.approx(
            model.named_logit(c.named_values()), abs=1e-12)


def test_the_pairs_cache_stays_bounded(monkeypatch):
    model = CueModel({"a=1": 0.5}, 0.0)
    monkeypatch.setattr(type(model._pairs), "MAX_PAIRS", 3)
    for n in range(10):
        model.named_logit([("b", str(n))])
    assert len(model._pairs) <= 3 and model.named_logit([("a", "1")]) == 0.5


def test_a_cue_whose_readings_were_not_ranked_keeps_its_probabilities():
    cues = [(1, 2), (1, 2), (5, 6), (5, 6)]
    chosen = prefer_readings(cues, np.array([0.2, 0.3, 0.7, 0.6]), np.array([np.nan, np.nan, 0.0, 1.0]))
    assert chosen[0] == 0.2 and chosen[1] == 0.3  # not ranked: as the trees gave them
    assert chosen[3] == 0.7 and chosen[2] < 0.7  # ranked: the best probability on the ranker's first


def test_the_predicates_read_off_the_arrays_are_those_of_every_token():
    from claimwatch.nlp.certainty.predicates import _possible_predicates, is_predicate
    from claimwatch.nlp.pipeline import load_pipeline

    doc = load_pipeline()("Troops may have been deployed, officials said, and the talks failed. "
                          "The rebels are willing to talk; the bridge is closed after the bombing.")
    assert [i for i in _possible_predicates(doc) if is_predicate(doc[i])] == [t.i for t in doc if is_predicate(t)]
