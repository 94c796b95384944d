"""Training the cue model: on a tiny hand-written PolNeAR-style folder, and loading the shipped model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from claimwatch.nlp.attribution.cue_model import MODEL_PATH, CueModel, load_model
from claimwatch.nlp.attribution.rerank import (
    AMOUNTS,
    DESCRIPTORS,
    ENCODED,
    ENCODING_WEIGHT,
    FEATURE_NAMES,
    CueRates,
    Reranker,
    competition_features,
    describe,
    fit_reranker,
    prefer_readings,
)
from claimwatch.training.attribution import fit, train

TEXT = ("The mayor said that the bridge would reopen in May. Engineers believe the river rose too fast.\n"
        "The council voted on Tuesday. Residents complained that the roads were closed.\n")


def _ann(text: str, items: list[tuple[str, str, str]]) -> str:
    lines, n = [], 1
    for e, (source, cue, content) in enumerate(items, 1):
        refs = []
        for role, phrase in (("Source", source), ("Cue", cue), ("Content", content)):
            start = text.index(phrase)
            lines.append(f"T{n}\t{role} {start} {start + len(phrase)}\t{phrase}")
            refs.append(f"{role}:T{n}")
            n += 1
        lines.append(f"E{e}\tAttribution:T{n - 2} " + " ".join(refs))
    return "\n".join(lines) + "\n"


def _corpus(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    gold = [("The mayor", "said", "that the bridge would reopen in May"),
            ("Engineers", "believe", "the river rose too fast"),
            ("Residents", "complained", "that the roads were closed")]
    for name in ("a1", "a2"):
        (root / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        (root / "attributions" / f"{name}_x.ann").write_text(_ann(TEXT, gold), encoding="utf-8")
    return root


def test_train_writes_a_model_that_separates_cues(tmp_path):
    out = tmp_path / "model.json"
    summary = train(_corpus(tmp_path / "corpus"), out)
    assert summary["candidates"] > summary["positives"] >= 6
    model = CueModel.from_dict(json.loads(out.read_text()))
    assert model.probability(["lemma=say", "config=ccomp"]) > model.probability(["lemma=vote", "config=prep_on"])


def test_train_is_deterministic_and_ships_a_second_stage(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    train(corpus, first)
    train(corpus, second)
    assert first.read_text() == second.read_text()
    data = json.loads(first.read_text())
    assert data["rerank"]["features"] == list(FEATURE_NAMES)
    assert CueModel.from_dict(data).rerank is not None


def test_train_command(tmp_path):
    from claimwatch.cli.train import app

    out = tmp_path / "m.json"
    result = CliRunner().invoke(app, ["attribution", str(_corpus(tmp_path / "c")), "--out", str(out), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert out.exists() and '"model": "attribution"' in result.output


def test_fit_is_deterministic():
    examples = [(["a", "b"], 1), (["a", "c"], 0), (["b"], 1), (["c"], 0)] * 3
    assert fit(examples).weights == fit(examples).weights


def test_shipped_model_knows_reporting_verbs():
    from claimwatch.model import Document
    from claimwatch.nlp.attribution.proposals import candidates
    from claimwatch.nlp.pipeline import load_pipeline
    from claimwatch.nlp.state import DocState

    load_model.cache_clear()
    model = load_model(MODEL_PATH)
    text = "The minister said that the talks had failed. The minister walked to the car."
    doc = load_pipeline()(text)
    scored = [(doc[item.cue[0]].text, model.probability(candidate.to_features()))
              for item, candidate in candidates(doc, DocState(Document(text=text)))]
    said = [p for cue, p in scored if cue == "said"]
    walked = [p for cue, p in scored if cue == "walked"]
    assert said and walked
    assert min(said) >= model.threshold > max(walked)


def test_shipped_model_has_a_second_stage_that_prefers_the_best_reading_of_a_cue():
    load_model.cache_clear()
    rerank = load_model(MODEL_PATH).rerank
    assert isinstance(rerank, Reranker) and rerank.ranker is not None
    # One cue (tokens 1-2) with two readings of its content: the better-scored reading wins.
    values = [{"kind": "verb", "lemma": "say", "config": "ccomp", "lex": "speech", "cside": "after"}] * 2
    probabilities = rerank.probabilities([(1, 2), (1, 2)], [(3, 9), (3, 20)], np.array([2.0, 0.5]), values)
    assert probabilities[0] > probabilities[1]


def test_competition_features_see_competitors():
    # Candidate 0 reports tokens 3-20, which hold candidate 1's cue (token 10) and its content 11-15.
    x = competition_features([(1, 2), (10, 11), (1, 2)], [(3, 20), (11, 15), (3, 8)], [1.0, 2.0, -1.0])
    names = {name: i for i, name in enumerate(FEATURE_NAMES)}
    assert x.shape == (3, len(FEATURE_NAMES))
    assert x[0, names["margin"]] == 0.0 and x[2, names["margin"]] == -2.0 and x[2, names["rank"]] == 1
    assert x[0, names["inner_best"]] == 2.0 and x[2, names["inner_best"]] == -10.0
    assert x[1, names["outer_best"]] == 1.0 and x[0, names["outer_best"]] == -10.0


def _synthetic_groups(n: int, seed: int) -> tuple[list, np.ndarray]:
    """`n` one-candidate Docs whose label follows the first-stage logit, half of them "said"."""
    rng = np.random.default_rng(seed)
    groups, labels = [], []
    for i in range(n):
        logit = rng.normal() * 2
        config = "ccomp" if i % 2 else "dobj"
        groups.append(([(1, 2)], [(3, 3 + i % 7)], np.array([logit]), [{"config": config, "clen": f"{1 + i % 5}"}]))
        labels.append(float(logit + 0.3 * rng.normal() > 0))
    return groups, np.array(labels)


def test_fit_reranker_is_deterministic_and_learns_the_logit():
    groups, labels = _synthetic_groups(400, 0)
    first, second = fit_reranker(groups, labels, 0.5), fit_reranker(groups, labels, 0.5)
    assert first.trees == second.trees
    low = ([(1, 2)], [(3, 6)], np.array([-3.0]), [{"config": "ccomp"}])
    high = ([(1, 2)], [(3, 6)], np.array([3.0]), [{"config": "ccomp"}])
    assert first.probabilities(*low)[0] < 0.2 < 0.8 < first.probabilities(*high)[0]


def test_descriptors_are_read_from_the_first_stage_features():
    values, amounts = describe({"kind": "verb", "config": "ccomp", "config_clen": "ccomp|8", "clen": "8", "cdist": "3"})
    assert values[DESCRIPTORS.index("config")] == "ccomp" and values[DESCRIPTORS.index("subj")] == ""
    assert amounts[AMOUNTS.index("clen")] == 8.0 and amounts[AMOUNTS.index("cdist")] == 3.0
    assert np.isnan(amounts[AMOUNTS.index("csents")])


def test_reranker_round_trips_and_rejects_another_feature_set():
    groups, labels = _synthetic_groups(200, 1)
    rerank = fit_reranker(groups, labels, 0.45)
    assert rerank.categories["config"] == ["ccomp", "dobj"]  # each seen 100 times, above MIN_CATEGORY
    again = Reranker.from_dict(json.loads(json.dumps(rerank.to_dict())))
    group = groups[0]
    assert again.threshold == 0.45 and list(again.probabilities(*group)) == list(rerank.probabilities(*group))
    # A value never seen in training (config "quote_after") is scored, as one more unknown value.
    assert 0.0 < again.probabilities(group[0], group[1], group[2], [{"config": "quote_after"}])[0] < 1.0
    stale = dict(rerank.to_dict(), descriptors=["kind"])
    with pytest.raises(ValueError, match="retrain"):
        Reranker.from_dict(stale)


def test_cue_rates_count_each_value_and_smooth_toward_the_base_rate():
    said = [{"lemma": "say", "lemma_config": "say|ccomp"}] * 30
    values = said + [{"lemma": "vote", "lemma_config": "vote|dobj"}] * 30
    rates = CueRates.count(values, np.array([1] * 30 + [0] * 30))
    assert rates.base == 0.5 and rates.counts["lemma"]["say"] == [30, 30]
    say, vote, unseen = rates.columns([{"lemma": "say", "lemma_config": "say|ccomp"},
                                       {"lemma": "vote", "lemma_config": "vote|dobj"}, {"lemma": "shrug"}])
    names = list(ENCODED)
    assert say[2 * names.index("lemma")] == pytest.approx((30 + 0.5 * ENCODING_WEIGHT) / (30 + ENCODING_WEIGHT))
    assert unseen[0] == pytest.approx(0.5)
    assert say[0] > unseen[0] > vote[0]
    assert unseen[1] == 0.0 and say[1] == pytest.approx(np.log1p(30))
    again = CueRates.from_dict(json.loads(json.dumps(rates.to_dict())))
    assert list(again.columns([{"lemma": "say", "lemma_config": "say|ccomp"}])[0]) == list(say)
    with pytest.raises(ValueError, match="retrain"):
        CueRates.from_dict(dict(rates.to_dict(), names=["lemma"]))


def test_the_trees_learn_a_words_rate_from_out_of_fold_rates():
    # The first stage's logit says nothing; whether a candidate is a cue depends on its lemma alone, which
    # the trees see only through the training rates.
    rng = np.random.default_rng(5)
    groups, labels = [], []
    for i in range(400):
        lemma = ("say", "vote")[i % 2]
        groups.append(([(1, 2)], [(3, 6)], np.array([rng.normal()]), [{"lemma": lemma, "config": "ccomp"}]))
        labels.append(float(lemma == "say" and rng.random() < 0.9))
    labels = np.array(labels)
    # each half of the groups reads the rates counted on the other half
    other = [CueRates.count([g[3][0] for g in groups[a:b]], labels[a:b]) for a, b in ((200, 400), (0, 200))]
    rerank = fit_reranker(groups, labels, 0.5, [other[n // 200] for n in range(len(groups))])
    said = rerank.probabilities([(1, 2)], [(3, 6)], np.array([0.0]), [{"lemma": "say", "config": "ccomp"}])[0]
    voted = rerank.probabilities([(1, 2)], [(3, 6)], np.array([0.0]), [{"lemma": "vote", "config": "ccomp"}])[0]
    assert said > 0.7 > 0.2 > voted
    assert rerank.rates.counts["lemma"]["say"][1] == 200  # the model keeps the rates of all the groups


def test_a_reranker_saved_before_the_rates_says_to_retrain():
    groups, labels = _synthetic_groups(100, 6)
    data = fit_reranker(groups, labels, 0.5).to_dict()
    del data["rates"]
    with pytest.raises(ValueError, match="retrain"):
        Reranker.from_dict(data)


def test_a_model_saved_compressed_loads_the_same_and_its_bytes_do_not_change(tmp_path):
    from claimwatch.nlp.attribution.cue_model import save_model

    model = fit([(["a", "b"], 1), (["a", "c"], 0), (["b"], 1), (["c"], 0)] * 3)
    packed, plain = tmp_path / "m.json.gz", tmp_path / "m.json"
    save_model(model, packed)
    first = packed.read_bytes()
    save_model(model, packed)
    save_model(model, plain)
    assert packed.read_bytes() == first and first[:2] == b"\x1f\x8b"  # gzip, with no time stamp in it
    assert load_model(packed).weights == load_model(plain).weights == model.weights


def test_a_missing_lightgbm_is_an_error_that_says_how_to_install_it(monkeypatch):
    import sys

    from claimwatch.nlp import boosting

    groups, labels = _synthetic_groups(100, 2)
    data = fit_reranker(groups, labels, 0.5).to_dict()
    monkeypatch.setitem(sys.modules, "lightgbm", None)  # what a failed import looks like
    monkeypatch.setattr(boosting, "_library", lambda: None)  # … and its shared library missing too
    with pytest.raises(RuntimeError, match="libgomp1"):
        Reranker.from_dict(data)
    with pytest.raises(RuntimeError, match="libgomp1"):
        fit_reranker(groups, labels, 0.5)


def test_prefer_readings_moves_a_cues_probability_to_the_ranked_first_reading():
    # Cue (1, 2) has three readings; cue (7, 8) one. The ranker prefers the second reading of the first.
    cues = [(1, 2), (1, 2), (1, 2), (7, 8)]
    chosen = prefer_readings(cues, np.array([0.8, 0.3, 0.5, 0.6]), np.array([0.1, 2.0, -1.0, 5.0]))
    assert chosen[1] == 0.8 and max(chosen[0], chosen[2]) < 0.8 and chosen[2] == 0.5
    assert chosen[3] == 0.6  # a cue with one reading keeps its probability


def _reading_groups(n: int, seed: int) -> tuple[list, np.ndarray]:
    """`n` Docs with one cue of two readings, "ccomp" and "dobj", equally scored by the first stage;
    the "ccomp" reading is the right one in 9 Docs of 10."""
    rng = np.random.default_rng(seed)
    groups, labels = [], []
    for _ in range(n):
        right = "ccomp" if rng.random() < 0.9 else "dobj"
        logit = rng.normal()
        groups.append(([(1, 2), (1, 2)], [(3, 9), (3, 5)], np.array([logit, logit]),
                       [{"config": "ccomp", "clen": "6"}, {"config": "dobj", "clen": "2"}]))
        labels.extend([float(right == "ccomp"), float(right == "dobj")])
    return groups, np.array(labels)


def test_fit_reranker_learns_which_reading_of_a_cue_is_right():
    groups, labels = _reading_groups(300, 3)
    rerank = fit_reranker(groups, labels, 0.5)
    assert rerank.ranker is not None
    _, reading_scores = rerank.scores(*groups[0])
    assert reading_scores[0] > reading_scores[1]
    again = Reranker.from_dict(json.loads(json.dumps(rerank.to_dict())))
    assert list(again.scores(*groups[0])[1]) == list(reading_scores)


def test_without_cues_of_several_readings_there_is_no_ranker():
    groups, labels = _synthetic_groups(200, 4)  # one candidate per Doc
    rerank = fit_reranker(groups, labels, 0.5)
    assert rerank.ranker is None and rerank.scores(*groups[0])[1] is None
