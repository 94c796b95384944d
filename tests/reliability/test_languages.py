"""Any language in, nothing lost: every language is read and stored; only English is analysed, and
short texts are judged on what they show (a one-sentence French text is not English)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import claimwatch
from claimwatch.batch.ingest import ingest
from claimwatch.cli import app
from claimwatch.errors import InputError
from claimwatch.ingest.language import detect_language
from claimwatch.knowledge import KnowledgeBase

SHORT_FOREIGN = {
    "fr": "Le président a annoncé une réforme des retraites mardi.",
    "de": "Die Regierung hat am Dienstag neue Hilfen für die Landwirte angekündigt.",
    "es": "El gobierno anunció nuevas medidas económicas el martes.",
    "ru": "Правительство объявило о новых мерах в среду.",
    "ko": "정부는 수요일 새로운 경제 조치를 발표했다.",
}
HEADLINES = ["Biden meets Xi in San Francisco", "Russia launches massive drone attack on Kyiv",
             "Israel strikes Gaza", "Fed holds rates steady", "Merkel visits Paris", "Oil prices surge",
             "Earthquake kills 12 in Turkey", "UN chief calls for ceasefire in Gaza",
             "The army said it had withdrawn from the town."]
RUSSIAN = ("Министерство обороны России заявило в понедельник, что войска заняли ещё один населённый пункт "
           "на востоке Украины. Украинские военные эти сведения не подтвердили.")


@pytest.mark.parametrize(("code", "text"), SHORT_FOREIGN.items())
def test_short_foreign_texts_are_not_english(code: str, text: str) -> None:
    guess = detect_language(text)
    assert guess.code == code and not guess.english


@pytest.mark.parametrize("text", HEADLINES)
def test_short_english_headlines_are_english(text: str) -> None:
    assert detect_language(text).english


def test_short_unsure_texts_say_so() -> None:
    assert not detect_language("Israel strikes Gaza").sure
    assert detect_language(SHORT_FOREIGN["ru"]).sure


@pytest.mark.parametrize("code", ["fr", "ru", "ko"])
def test_extract_reads_any_language(code: str) -> None:
    document = claimwatch.extract(SHORT_FOREIGN[code])
    assert document.language == code and document.text == SHORT_FOREIGN[code]


def test_extract_command_reads_a_russian_page(tmp_path) -> None:
    page = tmp_path / "ru.html"
    page.write_text(f"<html><head><title>Новости</title></head><body><article><p>{RUSSIAN}</p></article>"
                    "</body></html>", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(page), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"language": "ru"' in result.stdout and "Министерство" in result.stdout


def test_analyze_refuses_another_language_with_one_line(tmp_path, nlp) -> None:
    with pytest.raises(InputError, match=r"^input: not English \(looks like fr\)$"):
        claimwatch.analyze(SHORT_FOREIGN["fr"])
    text = tmp_path / "fr.txt"
    text.write_text(SHORT_FOREIGN["fr"], encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(text), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {text}: not English (looks like fr)"


def test_ingest_stores_other_languages_unanalysed_and_searchable(tmp_path, nlp) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (corpus / "en.txt").write_text("The defence ministry said on Monday that 300 soldiers had been sent to "
                                   "the border, officials in the capital told reporters.", encoding="utf-8")
    store = KnowledgeBase(tmp_path / "kb.db")
    summary = ingest([str(corpus)], store)
    assert (summary.stored, summary.unanalysed, summary.failed) == (2, 1, [])
    assert summary.to_dict()["unanalysed"] == 1
    ru = next(d for d in store.documents() if d["language"] == "ru")
    stored = store.analysis(ru["id"])
    assert stored is not None and not stored.analysed and stored.document.text == RUSSIAN
    assert stored.entities == stored.claims == stored.events == []
    assert [hit["document_id"] for hit in store.search("Министерство")] == [ru["id"]]
    again = ingest([str(corpus)], store)  # a re-run skips it like any stored document
    assert (again.stored, again.duplicates) == (0, 2)
    store.close()
