"""PolNeAR scoring: reading BRAT files and matching predicted claims to gold attributions."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.corpora.polnear import Attribution, choose_annotations, read_ann, word_spans
from claimwatch.evaluation.polnear import AttributionTally, match, report

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

TEXT = "The mayor said the road would reopen soon. Critics, however, doubt it."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123456789

ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 41\tthe road would reopen soon\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 43 50\tCritics\n"
    "T6\tCue 61 66\tdoubt\n"
    "T7\tContent 52 59;67 69\thowever\nit\n"  # a discontinuous span whose text runs over a line
    "T8\tAttribution 61 66\tdoubt\n"
    "E2\tAttribution-no-source:T8 Content:T7 Cue:T6 Source:T5\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "article.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "article_bbbb.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "article_aaaa.ann").write_text(ANN.split("T5")[0], encoding="utf-8")
    return tmp_path


def test_read_ann_links_roles_and_keeps_discontinuous_pieces(corpus):
    gold = read_ann(corpus / "attributions" / "article_bbbb.ann")
    assert [(a.source, a.cue, a.content) for a in gold] == [
        ([(0, 9)], [(10, 14)], [(15, 41)]),
        ([(43, 50)], [(61, 66)], [(52, 59), (67, 69)]),
    ]
    assert TEXT[15:41] == "the road would reopen soon"


def test_one_annotator_per_article_chosen_deterministically(corpus):
    assert choose_annotations(corpus) == {"article": corpus / "attributions" / "article_aaaa.ann"}


def test_match_needs_overlapping_cue_and_half_the_content_words():
    words = word_spans(TEXT)
    gold = [Attribution([(0, 9)], [(10, 14)], [(15, 41)])]
    close = Attribution([(4, 9)], [(10, 14)], [(19, 41)])  # "road would reopen soon": F1 0.89
    wrong_cue = Attribution([(0, 9)], [(61, 66)], [(15, 41)])
    too_short = Attribution([(0, 9)], [(10, 14)], [(37, 41)])  # "soon": F1 0.33
    assert match(words, gold, [close]) == [(gold[0], close)]
    assert match(words, gold, [wrong_cue]) == []
    assert match(words, gold, [too_short]) == []
    assert len(match(words, gold, [close, close])) == 1  # each gold attribution matched at most once


def test_tally_scores_tokens_attributions_and_sources():
    gold = [Attribution([(0, 9)], [(10, 14)], [(15, 41)]), Attribution([(43, 50)], [(61, 66)], [(67, 69)])]
    pred = [Attribution([(4, 9)], [(10, 14)], [(15, 41)]), Attribution([], [(52, 59)], [(61, 69)])]
    tally = AttributionTally()
    tally.add(TEXT, gold, pred)
    result = report(tally, 1)
    assert result.metrics["attribution_precision"] == 0.5
    assert result.metrics["attribution_recall"] == 0.5
    assert result.metrics["cue_token_f1"] == 0.5  # "said" right, "however" wrong, "doubt" missed
    assert result.metrics["source_token_precision"] == 1.0  # "mayor"
    assert result.metrics["source_token_recall"] == pytest.approx(1 / 3)  # of "The", "mayor", "Critics"
    assert tally.matched_source == 1
    assert result.summary[-1] == "attribution F1 0.5000"


def test_polnear_dev_folder_reads_when_present():
    dev = SHARED / "data" / "polnear" / "dev"
    if not dev.exists():
        pytest.skip("../shared/data/polnear is absent")
    chosen = choose_annotations(dev)
    assert len(chosen) >= 80
    name, path = sorted(chosen.items())[0]
    text = (dev / "text" / f"{name}.txt").read_text(encoding="utf-8")
    gold = read_ann(path)
    assert gold and all(0 <= s < e <= len(text) for a in gold for s, e in a.content)


def test_discontinuous_predicted_content_is_scored_by_its_pieces():
    from claimwatch.evaluation.polnear import predicted
    from claimwatch.model import Claim, Source, TextSpan

    # "Critics, however, doubt it.": content pieces "Critics" and "it" around the cue
    pieces = [(43, 50), (67, 69)]
    claim = Claim("c1", Source("however", (52, 59), "unnamed"), TextSpan("doubt", (61, 66)),
                  TextSpan("Critics … it", (43, 69), pieces))
    (attribution,) = predicted([claim])
    assert attribution.content == pieces
    tally = AttributionTally()
    tally.add(TEXT, [Attribution([(52, 59)], [(61, 66)], pieces)], [attribution])
    assert report(tally, 1).metrics["content_token_precision"] == 1.0  # "doubt" in the hull is not content


def test_tally_counts_pronoun_sources_matched_with_their_pronoun():
    text = "He said the dam would hold. She said the road was shut."
    gold = [Attribution([(0, 2)], [(3, 7)], [(8, 26)]), Attribution([(28, 31)], [(32, 36)], [(37, 54)])]
    pred = [Attribution([(0, 2)], [(3, 7)], [(8, 26)]), Attribution([(0, 2)], [(32, 36)], [(37, 54)])]
    tally = AttributionTally()
    tally.add(text, gold, pred)
    assert (tally.pronoun_gold, tally.pronoun_matched_source) == (2, 1)  # "She" was not the second's source
    assert report(tally, 1).metrics["pronoun_source_recall"] == 0.5
