"""The learned factuality model: its rounding, its inputs, training on a tiny hand-written corpus, the shipped model."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimwatch.nlp.certainty.factuality import FactualityWalker
from claimwatch.nlp.certainty.factuality_model import (
    CATEGORIES,
    MODEL_PATH,
    NUMBERS,
    FactualityModel,
    describe_event,
    fit_factuality_model,
    learned_fact,
    load_factuality_model,
    save_factuality_model,
    to_fact,
)
from claimwatch.nlp.pipeline import load_pipeline
from claimwatch.training.factuality import corpus_files, train

#: Sentences of a tiny corpus in the unified factuality format, with a gold score on each event.
SENTENCES = [
    [("Rebels", "_"), ("attacked", "3.0"), ("the", "_"), ("convoy", "_"), (".", "_")],
    [("The", "_"), ("party", "_"), ("hopes", "3.0"), ("to", "_"), ("win", "0.4"), ("seats", "_"), (".", "_")],
    [("Police", "_"), ("did", "_"), ("not", "_"), ("arrest", "-3.0"), ("anyone", "_"), (".", "_")],
    [("Troops", "_"), ("may", "_"), ("cross", "1.0"), ("the", "_"), ("river", "_"), (".", "_")],
]


def _write_conll(path: Path, copies: int = 12) -> Path:
    lines = []
    for _ in range(copies):
        for sentence in SENTENCES:
            lines.extend(f"{i}\t{word}\t{score}\tX\t0\tdep\t{word.lower()}" for i, (word, score) in enumerate(sentence))
            lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_scores_round_to_the_nearest_level_after_the_stretch():
    assert to_fact(2.8) == (3, 1)
    assert to_fact(1.0) == (1, 1)
    assert to_fact(-2.0) == (2, -1)
    assert to_fact(-0.2) == (0, 1)  # an uncommitted event has no polarity to deny


def test_the_rules_keep_a_negation_the_trees_lean_towards():
    assert learned_fact((3, -1), -1.1) == (3, -1)  # the trees' "probably not" is the rules' "certainly not"
    assert learned_fact((3, 1), 1.2) == to_fact(1.2)


def test_a_negation_the_trees_see_no_sign_of_is_theirs_to_read():
    assert learned_fact((3, -1), 2.9) == (3, 1)
    assert learned_fact((2, -1), 0.3) == (0, 1)


def test_describe_event_reads_the_governors_and_auxiliaries(nlp):
    doc = nlp("The party plans to win seats.")
    numbers, values = describe_event(doc[4], FactualityWalker())
    assert len(numbers) == len(NUMBERS) and len(values) == len(CATEGORIES)
    named = dict(zip(CATEGORIES, values, strict=True))
    assert named["lemma"] == "win" and named["gov1"] == "plan" and named["aux"] == "to"


def test_describe_event_reads_a_modal_governor_a_condition_and_the_tense(nlp):
    doc = nlp("If the talks fail, the army would try to cross the river.")
    walker = FactualityWalker()
    cross = dict(zip(NUMBERS, describe_event(doc[10], walker)[0], strict=True))
    assert cross["gov1_modal"] == 1.0 and cross["conditional"] == 0.0  # the consequence, not the condition
    fail = dict(zip(NUMBERS, describe_event(doc[3], walker)[0], strict=True))
    assert fail["conditional"] == 1.0
    doc = nlp("The army crossed the river and the talks failed.")
    numbers, values = describe_event(doc[2], FactualityWalker())
    named = dict(zip(NUMBERS, numbers, strict=True))
    assert named["gov1_modal"] == 0.0 and named["conditional"] == 0.0
    assert dict(zip(CATEGORIES, values, strict=True))["tense"] == "Past"


def test_fitted_trees_learn_from_the_words_and_round_trip(tmp_path):
    hoped = ([3.0, 1.0, 3.0, 3.0, 1.0, 3.0, 1.0, 0.0, 2.0, 0.0, 0.0],
             ["VERB", "VB", "xcomp", "win", "hope", "ROOT", "VERB", "-", "-", "-", "to", "-", "-", "-"])
    done = ([3.0, 1.0, 3.0, 3.0, 1.0, 3.0, 1.0, 0.0, 1.0, 0.0, 0.0],
            ["VERB", "VBD", "ROOT", "win", "-", "-", "-", "-", "-", "-", "-", "-", "Past", "-"])
    model = fit_factuality_model([hoped] * 40 + [done] * 40, [0.5] * 40 + [3.0] * 40)
    low, high = model.scores([hoped, done])
    assert low < 1.5 < high
    path = tmp_path / "factuality.json.gz"
    save_factuality_model(model, path)
    again = load_factuality_model(path)
    assert list(again.scores([hoped, done])) == [low, high]


def test_a_model_for_other_inputs_says_to_retrain():
    with pytest.raises(ValueError, match="claimwatch train factuality"):
        FactualityModel.from_dict({"numbers": ["rank"], "categories": {}, "trees": ""})


def test_train_on_a_corpus_folder_writes_a_model_that_loads(tmp_path):
    _write_conll(tmp_path / "corpora" / "tiny" / "train.conll")
    out = tmp_path / "model.json.gz"
    summary = train(tmp_path / "corpora", out)
    assert summary["events"] == 5 * 12  # the scored tokens of SENTENCES, twelve times
    model = load_factuality_model(out)
    assert isinstance(model, FactualityModel) and len(model.categories["lemma"]) >= 1


def test_corpus_files_accepts_a_file_a_corpus_or_a_folder_of_corpora(tmp_path):
    a = _write_conll(tmp_path / "all" / "a" / "train.conll", 1)
    b = _write_conll(tmp_path / "all" / "b" / "train.conll", 1)
    assert corpus_files(tmp_path / "all") == [a, b]
    assert corpus_files(tmp_path / "all" / "a") == [a]
    assert corpus_files(a) == [a]
    assert corpus_files(tmp_path) == []


def test_cli_training_without_train_conll_is_a_one_line_error(tmp_path):
    from claimwatch.cli import app

    result = CliRunner().invoke(app, ["train", "factuality", str(tmp_path)])
    assert result.exit_code != 0
    assert "train.conll" in result.output


def test_the_shipped_model_loads():
    model = load_factuality_model(MODEL_PATH)
    assert set(model.categories) == set(CATEGORIES)
