"""No silent failures: a query on a missing store, an unknown event type, level or format, and a
malformed line of a URL list each say so (and exit non-zero where a command is run)."""

from __future__ import annotations

import httpx
import pytest
from typer.testing import CliRunner

from claimwatch.cli import app
from claimwatch.ingest.fetch import Fetcher
from claimwatch.ingest.sources import RawInput, SourceFailure, iter_inputs
from claimwatch.knowledge import KnowledgeBase
from claimwatch.model import EVENT_TYPES

runner = CliRunner()
PAGE = b"<html><head><title>Port shelled</title></head><body><p>Rebels shelled the port.</p></body></html>"


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "kb.db"
    KnowledgeBase(path).close()
    return path


@pytest.mark.parametrize("verb", [["events"], ["claims"], ["entities"], ["contradictions"], ["graph"],
                                  ["timeline"], ["export", "csv"]])
def test_a_query_on_a_missing_store_says_so(tmp_path, verb) -> None:
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, [*verb, "--db", str(missing)])
    assert result.exit_code == 2
    assert f"no store at {missing}" in result.stderr
    assert not missing.exists()  # and it is not created


def test_ingest_still_creates_a_store(tmp_path) -> None:
    (tmp_path / "none").mkdir()
    result = runner.invoke(app, ["ingest", str(tmp_path / "none"), "--db", str(tmp_path / "new.db")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new.db").exists()


@pytest.mark.parametrize("verb", ["events", "timeline"])
def test_an_unknown_event_type_is_refused_with_the_valid_list(store_path, verb) -> None:
    result = runner.invoke(app, [verb, "--db", str(store_path), "--type", "FOO"])
    assert result.exit_code == 2
    assert "unknown event type 'FOO'" in result.stderr and ", ".join(EVENT_TYPES) in result.stderr


def test_a_known_event_type_in_any_case_is_accepted(store_path) -> None:
    result = runner.invoke(app, ["events", "--db", str(store_path), "--type", "assault", "--format", "jsonl"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args", [["events", "--format", "xml"], ["graph", "--level", "planet"],
                                  ["graph", "--export", "dot"], ["timeline", "--by", "year"]])
def test_unknown_choices_are_refused_with_the_valid_list(store_path, args) -> None:
    result = runner.invoke(app, [*args, "--db", str(store_path)])
    assert result.exit_code == 2
    assert "Invalid value" in result.output and "is not one of" in result.output


def test_each_malformed_line_of_a_url_list_is_reported_and_skipped(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("claimwatch.ingest.fetch._blocked_address", lambda host: None)
    urls = tmp_path / "urls.txt"
    urls.write_text("# reading list\nhttps://news.example/a\nhtps//news.example/b\n\nhttp://[::1\n"
                    "https://news.example/c  a note\nnews.example/d\n")
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    items = list(iter_inputs([str(urls)], Fetcher(transport=httpx.MockTransport(handler))))
    fetched = [i.url for i in items if isinstance(i, RawInput)]
    failures = [(f.name, f.error) for f in items if isinstance(f, SourceFailure)]
    assert fetched == ["https://news.example/a", "https://news.example/c"]
    assert failures == [(f"{urls}:3", "not a URL: 'htps//news.example/b'"), (f"{urls}:5", "not a URL: 'http://[::1'"),
                        (f"{urls}:7", "not a URL: 'news.example/d'")]


def test_prose_with_a_url_is_still_an_article(tmp_path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Rebels shelled the port on Monday, officials said.\nhttps://news.example/a\n"
                       "The army said it would respond to the attack within days.\n")
    [item] = list(iter_inputs([str(article)]))
    assert isinstance(item, RawInput) and item.name == str(article)
