"""HTML pages: told apart from plain text, main text and metadata extracted with trafilatura."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.errors import InputError
from claimwatch.ingest import document_from_bytes, document_from_text, read_document
from claimwatch.ingest.html import looks_like_html

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "\n  <!-- saved page -->\n<html lang='en'><head><title>T</title></head></html>",
        "<article><h1>Floods</h1><p>Rivers rose.</p></article>",
        "<p>Rivers rose on Monday.</p>\n<p>Thousands left their homes.</p>\n<p>More rain is expected.</p>",
        "Saved from the web\n<div class='story'><p>Rivers rose.</p><p>People fled.</p><br></div>",
    ],
)
def test_html_is_recognised(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the river rose by 2 metres. Flows > 300 m3/s were recorded, and < 5 people were hurt.",
        "The <b> tag was mentioned once in an article about web design, in passing, among many other words "
        "that make up ordinary prose about the history of the internet and its early browsers.",
        "A plain article.\n\nWith paragraphs.\n",
    ],
)
def test_plain_text_is_not_taken_for_html(text: str) -> None:
    assert not looks_like_html(text)


def test_page_text_and_metadata() -> None:
    doc = read_document(FIXTURES / "flood-news.html")
    assert doc.text.startswith("More than 4,000 residents were evacuated")
    assert "<p>" not in doc.text and "Sport" not in doc.text  # markup and navigation are gone
    assert doc.title == "Floods force thousands from homes in river valley"
    assert doc.author == "Maria Lopez"
    assert doc.published == "2023-03-14"
    assert doc.site_name == "The Valley Courier"
    assert doc.url == "https://valleycourier.example/news/floods-force-thousands"
    assert doc.language == "en"


def test_date_from_json_ld() -> None:
    doc = read_document(FIXTURES / "market-news.html")
    assert (doc.published, doc.author, doc.site_name) == ("2023-07-27", "Priya Raman", "Harbour Business Times")


def test_users_published_date_and_url_win() -> None:
    doc = read_document(FIXTURES / "flood-news.html", published="2023-03-15", url="https://example.org/a")
    assert doc.published == "2023-03-15"
    assert doc.url == "https://example.org/a"


def test_html_string_from_the_python_api_is_extracted() -> None:
    html = (FIXTURES / "ceasefire-news.html").read_text(encoding="utf-8")
    doc = document_from_text(html)
    assert doc.title == "Ceasefire talks stall as shelling resumes near border"
    assert "\nNegotiators from Veloria and Marenland failed" in doc.text
    assert "<p>" not in doc.text and "Opinion" not in doc.text


def test_html_in_a_legacy_encoding() -> None:
    html = (
        "<html><head><meta charset='windows-1252'><title>Caf\u00e9 fire</title></head><body><article>"
        + "<p>The caf\u00e9 on the corner of the main square burned down on Sunday night, the fire brigade "
        "said. No one was hurt, but the owner said the damage would cost \u201cat least a year\u201d to repair.</p>" * 3
        + "</article></body></html>"
    )
    doc = document_from_bytes(html.encode("cp1252"), name="page.html")
    assert "caf\u00e9 on the corner" in doc.text and "\u201cat least a year\u201d" in doc.text


def test_fragment_too_small_for_an_article_still_gives_its_text() -> None:
    doc = document_from_text("<p>Troops crossed the river at dawn, the army said.</p>")
    assert doc.text == "Troops crossed the river at dawn, the army said."


def test_page_without_text_is_refused() -> None:
    with pytest.raises(InputError, match=r"^page\.html: HTML page without text"):
        document_from_text("<html><head><title></title></head><body><div></div></body></html>", name="page.html")
