"""The factuality corpus reader and scorer on a tiny CoNLL file, and on the shared UW/MEANTIME dev sets if present."""

from pathlib import Path

import pytest

from claimwatch.corpora.factuality import SENTENCES_PER_DOCUMENT, build_documents, read_conll
from claimwatch.evaluation.factuality import evaluate, mae, pearson

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

# index, word, score, POS, head, dep, lemma — as in the unified factuality files
FIXTURE = """\
0\tRebels\t_\tNNS\t1\tnsubj\trebel
1\tattacked\t3.0\tVBD\t1\tROOT\tattack
2\tthe\t_\tDT\t3\tdet\tthe
3\tconvoy\t_\tNN\t1\tdobj\tconvoy
4\t.\t_\t.\t1\tpunct\t.

0\tThe\t_\tDT\t1\tdet\tthe
1\tarmy\t_\tNN\t3\tnsubj\tarmy
2\tdid\t_\tVBD\t3\taux\tdo
3\tnot\t_\tRB\t4\tneg\tnot
4\tretreat\t-3.0\tVB\t4\tROOT\tretreat
5\t.\t_\t.\t4\tpunct\t.

0\tThe\t_\tDT\t1\tdet\tthe
1\ttroops\t_\tNNS\t3\tnsubjpass\ttroop
2\tmay\t_\tMD\t3\taux\tmay
3\tleave\t1.0\tVB\t3\tROOT\tleave
4\t.\t_\t.\t3\tpunct\t.
"""


def test_pearson_and_mae():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert mae([1, 2], [2, 4]) == pytest.approx(1.5)


def test_documents_keep_gold_token_offsets(tmp_path):
    path = tmp_path / "dev.conll"
    path.write_text(FIXTURE)
    documents, gold = build_documents(read_conll(path))
    assert len(documents) == 1 and len(gold) == 3
    for token in gold:
        start, end = token.span
        assert documents[0].text[start:end] == token.word
    assert documents[0].text.splitlines()[1] == "The army did not retreat ."


def test_documents_hold_a_fixed_number_of_sentences_and_gold_tokens_point_into_their_own():
    sentences = [[("Troops", "_"), ("left", "3.0"), (".", "_")]] * (SENTENCES_PER_DOCUMENT + 1)
    documents, gold = build_documents(sentences)
    assert [len(d.text.splitlines()) for d in documents] == [SENTENCES_PER_DOCUMENT, 1]
    assert gold[-1].document == 1 and documents[1].text[slice(*gold[-1].span)] == "left"


def test_scores_a_tiny_file(tmp_path):
    path = tmp_path / "dev.conll"
    path.write_text(FIXTURE)
    report = evaluate(tmp_path)
    [row] = report.rows
    assert row["coverage"] == pytest.approx(1.0)
    assert row["r"] == pytest.approx(1.0)  # 3, -3, 1 predicted exactly
    assert row["mae"] == pytest.approx(0.0)
    assert report.summary[0].startswith(f"{tmp_path.name} dev: coverage 1.00, r 1.00, MAE 0.00")


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "data" / "factuality" / "uw" / "dev.conll").exists(),
                    reason="../shared/data/factuality (UW dev) is not present")
def test_uw_dev_correlation_stays_above_the_measured_floor():
    report = evaluate(SHARED / "data" / "factuality" / "uw" / "dev.conll")
    assert report.rows[0]["coverage"] > 0.9
    assert report.rows[0]["r"] > 0.68
