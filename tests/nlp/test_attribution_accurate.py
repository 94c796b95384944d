"""The accurate mode of attribution (config.ACCURATE): the two taggers, their columns, and the switch."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from claimwatch import config
from claimwatch.corpora.polnear import Attribution
from claimwatch.model import Document
from claimwatch.nlp.attribution.accurate import ACCURATE_COLUMNS, TAGGER_COLUMNS, accurate_columns, tagger_columns
from claimwatch.nlp.attribution.claims import attribute_claims
from claimwatch.nlp.attribution.context_tagger import CONTEXT_TAGGER_PATH, ContextTagger, load_context_tagger
from claimwatch.nlp.attribution.cue_tagger import TAGGER_PATH, TokenProbabilities, load_tagger, tagger_from_bytes
from claimwatch.nlp.state import DocState
from claimwatch.training.cue_tagger import token_labels


def _reported(nlp, text: str, accurate: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    monkeypatch.setattr(config, "ACCURATE", accurate)
    state = DocState(Document(text=text))
    attribute_claims(nlp(text), state)
    return [(c.cue.text if c.cue else "", c.content.text) for c in state.claims if c.source.kind != "author"]


def test_token_labels_give_each_token_its_role(nlp) -> None:
    text = "The harbour master said the ferry would sail."
    doc = nlp(text)
    gold = [Attribution(source=[(0, 17)], cue=[(18, 22)], content=[(23, 44)])]
    labels = token_labels(doc, 0, gold)
    assert labels == ["SRC", "SRC", "SRC", "CUE", "CON", "CON", "CON", "CON", "O"]
    # a piece that starts further into the article reads the same spans shifted
    assert token_labels(doc, 100, [Attribution(cue=[(118, 122)], content=[(123, 144)])])[3] == "CUE"


def test_tagger_columns_read_cue_and_content_probabilities() -> None:
    probabilities = TokenProbabilities(cue=np.array([0.0, 0.9, 0.1, 0.0, 0.7, 0.0]),
                                       source=np.array([0.8, 0.0, 0.0, 0.0, 0.0, 0.0]),
                                       content=np.array([0.0, 0.0, 0.9, 0.8, 0.1, 0.6]))
    [row] = tagger_columns(probabilities, [(1, 2)], [(2, 5)])
    values = dict(zip(TAGGER_COLUMNS, row, strict=True))
    assert values["cue_max"] == pytest.approx(0.9)
    assert values["content_mean"] == pytest.approx((0.9 + 0.8 + 0.1) / 3)
    assert values["content_edges"] == pytest.approx(0.1)  # its last token is unlikely content: it runs over
    assert values["outside"] == pytest.approx(0.6)  # the token after it is likely content: it stops short
    assert values["inner_cue"] == pytest.approx(0.7)  # a likely cue inside the content
    assert values["source_near"] == pytest.approx(0.8)


def test_tagger_reads_a_parsed_doc_without_changing_it(nlp) -> None:
    doc = nlp("The committee chair insisted on Tuesday that the audit was complete.")
    tags, deps = [t.tag_ for t in doc], [t.dep_ for t in doc]
    probabilities = load_tagger().probabilities(doc)
    assert len(probabilities) == len(doc)
    assert [t.tag_ for t in doc] == tags and [t.dep_ for t in doc] == deps
    total = probabilities.cue + probabilities.source + probabilities.content
    assert (total <= 1.0 + 1e-6).all()
    assert int(np.argmax(probabilities.cue)) == 3  # "insisted"


def test_tagger_file_reads_back_to_the_same_tagger(nlp) -> None:
    tagger = load_tagger()
    again = tagger_from_bytes(tagger.to_bytes())
    doc = nlp("Residents complained that the water tasted of rust.")
    assert np.allclose(tagger.probabilities(doc).cue, again.probabilities(doc).cue)
    assert TAGGER_PATH.read_bytes() == tagger.to_bytes()  # the shipped file is what the tagger writes


def test_default_mode_never_loads_the_tagger() -> None:
    """The default analysis stays as fast as before: neither the tagger's module nor the transformer's
    is even imported."""
    script = ("import sys\nfrom claimwatch.model import Document\n"
              "from claimwatch.nlp.pipeline import analyze_document\n"
              "result = analyze_document(Document(text='The mayor said the bridge would reopen in May.'))\n"
              "assert result.claims\n"
              "print(sorted(m for m in sys.modules if m.endswith(('cue_tagger', 'attribution.accurate', 'nlp.context', "
              "'factuality_context', 'onnxruntime'))))")
    env = {k: v for k, v in os.environ.items() if k != "CLAIMWATCH_ACCURATE"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    env["CLAIMWATCH_ACCURATE"] = "1"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert "claimwatch.nlp.attribution.cue_tagger" in out.stdout
    assert "claimwatch.nlp.certainty.factuality_context" in out.stdout


def test_switch_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "ACCURATE", False)
    monkeypatch.setenv("CLAIMWATCH_ACCURATE", "0")  # recorded, so the variable use_accurate sets is undone after
    config.use_accurate()
    assert config.ACCURATE and os.environ["CLAIMWATCH_ACCURATE"] == "1"


def test_accurate_mode_finds_a_declaration_the_default_misses(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The former ambassador had declared the ceasefire a failure weeks before it collapsed."
    assert _reported(nlp, text, False, monkeypatch) == []
    [(cue, content)] = _reported(nlp, text, True, monkeypatch)
    assert cue == "declared" and content.startswith("the ceasefire a failure")


def test_accurate_mode_reads_the_whole_object_of_an_attack(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default's trees take the "as" phrase alone; with the tagger's content probabilities the reading
    ranker takes what was called reckless with it."""
    text = "The senator attacked the governor's budget as reckless and unfair to rural towns."
    assert _reported(nlp, text, False, monkeypatch) == [("attacked", "as reckless and unfair to rural towns")]
    assert _reported(nlp, text, True, monkeypatch) == [
        ("attacked", "the governor's budget as reckless and unfair to rural towns")]


def test_both_modes_agree_on_a_plain_report(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The harbour master said on Friday that the ferry would sail at noon."
    assert _reported(nlp, text, True, monkeypatch) == _reported(nlp, text, False, monkeypatch)
    assert _reported(nlp, text, True, monkeypatch)[0][0] == "said"


def test_the_context_tagger_reads_the_transformers_vectors_of_a_doc(nlp) -> None:
    doc = nlp("The committee chair insisted on Tuesday that the audit was complete.")
    tagger = load_context_tagger()
    probabilities = tagger.probabilities(doc)
    assert len(probabilities) == len(doc)
    total = probabilities.cue + probabilities.source + probabilities.content
    assert (total <= 1.0 + 1e-6).all()
    assert int(np.argmax(probabilities.cue)) == 3  # "insisted"
    assert CONTEXT_TAGGER_PATH.read_bytes() == tagger.to_bytes()  # the shipped file is what the tagger writes
    again = ContextTagger.from_bytes(tagger.to_bytes())
    assert np.allclose(again.probabilities(doc).content, probabilities.content)


def test_the_accurate_columns_are_both_taggers_columns_side_by_side() -> None:
    first = TokenProbabilities(cue=np.array([0.9, 0.0, 0.0]), source=np.zeros(3), content=np.array([0.0, 0.8, 0.7]))
    second = TokenProbabilities(cue=np.array([0.2, 0.0, 0.0]), source=np.zeros(3), content=np.array([0.0, 0.4, 0.3]))
    [row] = accurate_columns((first, second), [(0, 1)], [(1, 3)])
    values = dict(zip(ACCURATE_COLUMNS, row, strict=True))
    assert len(row) == 2 * len(TAGGER_COLUMNS)
    assert values["cue_max"] == pytest.approx(0.9) and values["context_cue_max"] == pytest.approx(0.2)
    assert values["content_mean"] == pytest.approx(0.75) and values["context_content_mean"] == pytest.approx(0.35)
