"""Publication dates only from what declares one (URL, dateline, the user), never from running text."""

from __future__ import annotations

import pytest

from claimwatch.ingest import document_from_text
from claimwatch.ingest.dates import date_from_dateline, date_from_url, is_iso_date, parse_date_value

BODY = (
    "Officials said the talks would resume next week after a pause of several days. The delegations met "
    "for several hours on Tuesday and agreed to keep the channel open, a spokesman said.\n"
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2025/03/04/talks-resume", "2025-03-04"),
        ("https://news.example/world/2025/mar/04/talks-resume", "2025-03-04"),
        ("https://news.example/2025-03-04/talks", "2025-03-04"),
        ("https://news.example/news/2025-03-04-talks-resume.html", "2025-03-04"),
        ("https://news.example/a/20250304/talks", "2025-03-04"),
        ("https://news.example/2025/03/04", "2025-03-04"),
        ("https://news.example/2025/03/talks-resume", "2025-03"),
        ("https://news.example/2025/03/", "2025-03"),
    ],
)
def test_date_from_url(url: str, expected: str) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/2025/",  # a year alone may be a topic ("plans for 2025")
        "https://news.example/topics/2025-plans",
        "https://news.example/2025/13/04/talks",  # no month 13
        "https://news.example/2025/02/30/talks",  # no 30 February, and no falling back to 2025-02
        "https://news.example/1889/03/04/talks",  # an implausible year
        "https://news.example/article/12345678",  # an id
        "https://news.example/search?date=2025-03-04",  # only the path is read
        "not a url",
    ],
)
def test_no_date_from_url(url: str) -> None:
    assert date_from_url(url) is None


@pytest.mark.parametrize(
    "text",
    [
        "CAIRO, March 3, 2025 (Reuters) — Egypt said on Monday",
        "KYIV, Ukraine, 3 March 2025 - Russian drones struck",
        "WASHINGTON (AP) March 3, 2025 — The Senate voted",
        "March 3, 2025 — Officials said",
        "NEW YORK, Mar. 3, 2025 /PRNewswire/ -- Acme Corp said",
        "LONDON, Monday, 3rd March 2025: Ministers met",
        "BEIRUT, 2025-03-03 — Israeli strikes",
        "Talks resume in Cairo\n\nCAIRO, March 3, 2025 (Reuters) — Egypt said",  # after a headline line
        "\ufeff  CAIRO, MARCH 3, 2025 — Egypt said",
    ],
)
def test_date_from_dateline(text: str) -> None:
    assert date_from_dateline(text + " talks would go on.\n\n" + BODY) == "2025-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL, Oct 24 (Reuters) - South Korea said on Thursday it expected talks in 2025.",  # no year
        "Officials said on March 3, 2025 - a day before the vote - that talks would resume.",  # running text
        "The talks on March 3, 2025 — the first in a year — failed.",
        "EU unveils plans for 2025\n\nThe European Union said on Tuesday it would spend more.",
        "Protests erupt, March 3, 2025\n\nThousands marched.",  # a headline, not a dateline
        "A short headline\nThe story begins here. CAIRO, March 3, 2025 — later text.",
        "PARIS, February 30, 2025 — no such day.",
        "x" * 300 + "\nCAIRO, March 3, 2025 (Reuters) — far from the opening.",
    ],
)
def test_no_date_from_anything_but_a_dateline(text: str) -> None:
    assert date_from_dateline(text) is None


def test_dateline_reads_only_the_opening() -> None:
    text = BODY + "\nCAIRO, March 3, 2025 (Reuters) — a second story pasted below.\n"
    assert date_from_dateline(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-24T08:00:00+09:00", "2024-10-24"),  # the publisher's own day, not shifted to UTC
        ("2024", "2024"),  # the precision given, never 2024-01-01
        ("2024-10", "2024-10"),
        ("2024/10/24", "2024-10-24"),
        ("20241024", "2024-10-24"),
        ("Thu, 24 Oct 2024 08:00:00 GMT", "2024-10-24"),
        ("October 24, 2024", "2024-10-24"),
        ("1700000000", None),  # a timestamp or an id
        ("October 2024", None),
        ("2024-13", None),
        ("0000-00-00", None),
        ("soon", None),
    ],
)
def test_parse_date_value(value: str, expected: str | None) -> None:
    assert parse_date_value(value) == expected


def test_is_iso_date() -> None:
    assert all(map(is_iso_date, ["2024", "2024-10", "2024-10-24", "2024-10-24T08:00:00+00:00", "2024-10-24 08:00"]))
    assert not any(map(is_iso_date, ["2024-13", "2024-02-30", "24/10/2024", "October 2024", ""]))


# --- precedence in a plain-text Document -----------------------------------------------------------
DATELINED = "CAIRO, March 3, 2025 (Reuters) — Egypt said talks would resume.\n\n" + BODY


def test_plain_text_without_a_declared_date_is_undated() -> None:
    text = "EU unveils plans for 2025\n\n" + BODY + "The budget for 2025 was agreed on March 3, 2024.\n"
    assert document_from_text(text).published is None


def test_plain_text_dateline_dates_the_document() -> None:
    assert document_from_text(DATELINED).published == "2025-03-03"


def test_plain_text_url_date_wins_over_the_dateline() -> None:
    doc = document_from_text(DATELINED, url="https://news.example/2025/03/02/talks")
    assert doc.published == "2025-03-02"


def test_users_date_wins_over_url_and_dateline() -> None:
    doc = document_from_text(DATELINED, url="https://news.example/2025/03/02/talks", published="2025-03-05")
    assert doc.published == "2025-03-05"
