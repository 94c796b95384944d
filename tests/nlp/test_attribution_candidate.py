"""The typed candidate the cue model reads, its feature strings, and the attribution lexicons."""

from __future__ import annotations

import dataclasses

import pytest

from claimwatch.model import Document
from claimwatch.nlp.attribution.candidate import Candidate
from claimwatch.nlp.attribution.claims import _always_cue
from claimwatch.nlp.attribution.cues import (
    CUE_VERBS,
    HEARSAY_NOUNS,
    PARTICLE_VERBS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
)
from claimwatch.nlp.attribution.proposals import candidates
from claimwatch.nlp.lexicons import read_text
from claimwatch.nlp.pipeline import load_pipeline
from claimwatch.nlp.state import DocState


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def described(nlp, text: str) -> list[tuple[str, str, Candidate]]:
    """(cue, content, candidate) of every candidate of a text."""
    doc = nlp(text)
    return [(doc[item.cue[0]:item.cue[1]].text, doc[item.content[0]:item.content[1]].text, candidate)
            for item, candidate in candidates(doc, DocState(Document(text=text)))]


def test_a_reporting_verb_is_described_by_typed_facts(nlp):
    found = described(nlp, "Maria Lopez said that the harbour was closed.")
    (said,) = [c for cue, content, c in found if cue == "said" and content == "that the harbour was closed"]
    assert (said.kind, said.config, said.lemma, said.subject_kind) == ("verb", "ccomp", "say", "ent_PERSON")
    assert said.in_quote is False and said.has_that is True and said.negated is False
    assert said.content_side == "after" and said.content_length == 5 and said.subject_lemma == "Lopez".lower()


def test_features_spell_the_facts_once_each_in_a_fixed_order(nlp):
    for _cue, _content, candidate in described(nlp, 'The agency said on Monday: "We will not reopen the port."'):
        features = candidate.to_features()
        names = [f.split("=", 1)[0] for f in features]
        assert len(names) == len(set(names))
        assert names[:5] == ["kind", "lemma", "lower", "subj", "lex"]  # the cue's own facts first (cue_values)
        assert names[len(candidate.cue_values())] == "config"
        assert candidate.values() == dict(f.split("=", 1) for f in features)
        assert f"lemma_config={candidate.lemma}|{candidate.config}" in features
        assert f"quote={candidate.in_quote}" in features


def test_always_cue_reads_the_candidates_fields(nlp):
    found = described(nlp, "The ministry said that the talks had failed.")
    said = next(c for cue, _content, c in found if cue == "said")
    assert not _always_cue(said)
    assert _always_cue(dataclasses.replace(said, kind="according"))
    assert not _always_cue(dataclasses.replace(said, kind="according", in_quote=True))
    assert _always_cue(dataclasses.replace(said, kind="noun", lemma="rumour"))
    inverted = dataclasses.replace(said, config="inverted", subject_kind="ent_ORG")
    assert _always_cue(inverted) and not _always_cue(dataclasses.replace(inverted, subject_kind="noun"))


def test_attribution_lexicons_are_data_files_that_say_what_they_hold():
    assert "say" in SPEECH_VERBS and "believe" in CUE_VERBS and ("point", "out") in PARTICLE_VERBS
    assert HEARSAY_NOUNS == {"report", "rumor", "rumour"} and "poll" in STATEMENT_NOUNS
    for name in ("attribution_speech_verbs.tsv", "attribution_particle_verbs.tsv"):
        assert read_text(name).startswith("# ")
