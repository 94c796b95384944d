"""The certainty lexicons as data: every file reads, every level is one the rules know, and the
words the rules single out (negating, epistemic) are in the tables they qualify."""

from importlib import resources

import pytest

from claimwatch.nlp.certainty import event_nouns, hedges
from claimwatch.nlp.lexicons import word_table

LEVEL_FILES = [
    "certainty_modal_auxiliaries.tsv", "certainty_hedge_adverbs.tsv", "certainty_hedge_adjectives.tsv",
    "certainty_hedge_nouns.tsv", "certainty_event_noun_modifiers.tsv", "certainty_clause_verbs.tsv",
    "certainty_infinitive_verbs.tsv", "certainty_passive_verbs.tsv",
]


def test_every_certainty_file_starts_with_a_comment_and_is_read():
    folder = resources.files("claimwatch.nlp.lexicons")
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith("certainty_"))
    assert set(LEVEL_FILES) <= set(names)
    for name in names:
        assert folder.joinpath(name).read_text(encoding="utf-8").startswith("# "), name
        assert word_table(name), name


@pytest.mark.parametrize("name", LEVEL_FILES)
def test_levels_are_certainty_levels_and_words_are_listed_once(name):
    rows = word_table(name)
    assert all(row[1] in hedges.RANK for row in rows)
    words = [row[0] for row in rows]
    assert len(words) == len(set(words)), name


def test_negating_and_epistemic_words_belong_to_the_table_they_qualify():
    assert hedges.NEG_CLAUSE_VERBS <= set(hedges.CLAUSE_VERBS)
    assert hedges.NEG_XCOMP_VERBS <= set(hedges.XCOMP_VERBS)
    assert hedges.EPISTEMIC_ADJECTIVES | hedges.NEG_ADJECTIVES <= set(hedges.HEDGE_ADJECTIVES)
    assert hedges.WISH_OBJECT_VERBS <= hedges.INTENT_OBJECT_VERBS


def test_a_few_entries_read_as_the_rules_expect():
    assert hedges.CLAUSE_VERBS["deny"] == "certain" and "deny" in hedges.NEG_CLAUSE_VERBS
    assert hedges.CLAUSE_VERBS["believe"] == "probable" and "believe" in hedges.NEG_RAISING
    assert hedges.XCOMP_VERBS["fail"] == "certain" and "fail" in hedges.NEG_XCOMP_VERBS
    assert hedges.CUE_STRENGTH["according"] == "certain"
    assert {"if", "lest"} <= hedges.CONDITIONAL_MARKS and "lest" in hedges.PURPOSE_MARKS
    assert "scheduled" in hedges.PLANNED_ADJECTIVES and "pledge" in hedges.PLAN_NOUNS


def test_event_nouns_listed_suffixed_or_excluded():
    assert event_nouns.is_event_noun("attack")  # listed
    assert event_nouns.is_event_noun("deployment")  # a nominalisation
    assert not event_nouns.is_event_noun("government")  # a nominalisation that names a thing
    assert not event_nouns.is_event_noun("table")
    assert not event_nouns.EVENT_NOUNS & event_nouns.NOT_EVENTS
