"""Input enumeration: folders, URL lists, feeds, WARC archives; and the fetcher's safety rules."""

from __future__ import annotations

import io

import httpx
import pytest

from claimwatch.errors import InputError
from claimwatch.ingest.fetch import Fetcher
from claimwatch.ingest.sources import RawInput, SourceFailure, count_inputs, iter_inputs

PAGE = b"<html><head><title>Port shelled</title></head><body><p>Rebels shelled the port.</p></body></html>"


def _public(monkeypatch):
    """Every host resolves to a public address (tests never touch the network)."""
    monkeypatch.setattr("claimwatch.ingest.fetch._blocked_address", lambda host: None)


def _fetcher(handler, **kwargs) -> Fetcher:
    return Fetcher(transport=httpx.MockTransport(handler), **kwargs)


def test_folders_recursively_skipping_hidden(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One story.")
    (tmp_path / "two.txt").write_text("Another story.")
    (tmp_path / ".hidden").write_text("never")
    items = list(iter_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert [i.data for i in items if isinstance(i, RawInput)] == [b"One story.", b"Another story."]
    assert [(f.error) for f in items if isinstance(f, SourceFailure)] == ["no such file or folder"]
    assert count_inputs([str(tmp_path)]) == 2


def test_url_list_is_fetched(tmp_path, monkeypatch):
    _public(monkeypatch)
    urls = tmp_path / "urls.txt"
    urls.write_text("# today's reading\nhttps://news.example/a\n\nhttps://news.example/missing\n")
    fetcher = _fetcher(lambda req: httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})
                       if req.url.path == "/a" else httpx.Response(404))
    items = list(iter_inputs([str(urls)], fetcher))
    assert isinstance(items[0], RawInput) and items[0].url == "https://news.example/a" and items[0].data == PAGE
    assert isinstance(items[1], SourceFailure) and "HTTP 404" in items[1].error


def test_only_http_and_public_addresses(monkeypatch):
    fetcher = _fetcher(lambda req: httpx.Response(200, content=PAGE))
    with pytest.raises(InputError, match="only http"):
        fetcher.get("file:///etc/passwd")
    with pytest.raises(InputError, match="non-public"):
        fetcher.get("http://127.0.0.1/admin")
    assert _fetcher(lambda req: httpx.Response(200, content=PAGE), allow_private=True).get(
        "http://127.0.0.1/x").data == PAGE


def test_redirects_are_checked_and_size_is_limited(monkeypatch):
    def handler(req):
        if req.url.host == "news.example":
            return httpx.Response(302, headers={"location": "http://10.0.0.5/internal"})
        return httpx.Response(200, content=PAGE)

    monkeypatch.setattr("claimwatch.ingest.fetch._blocked_address",
                        lambda host: "private" if host.startswith("10.") else None)
    with pytest.raises(InputError, match="private"):
        _fetcher(handler).get("https://news.example/a")
    big = _fetcher(lambda req: httpx.Response(200, content=b"x" * 5000), max_bytes=1000)
    with pytest.raises(InputError, match="larger than"):
        big.get("https://news.example/big")


def test_feed_entries_embedded_or_fetched(tmp_path, monkeypatch):
    _public(monkeypatch)
    long_text = "<p>" + "The ministry said the talks would resume next week. " * 40 + "</p>"
    feed = tmp_path / "feed.xml"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Talks to resume</title><link>https://news.example/talks</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description><![CDATA[{long_text}]]></description></item>
<item><title>Port shelled</title><link>https://news.example/port</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate><description>Short teaser</description></item>
</channel></rss>""")
    fetched = []
    fetcher = _fetcher(lambda req: fetched.append(str(req.url)) or httpx.Response(200, content=PAGE))
    full, teaser = list(iter_inputs([str(feed)], fetcher))
    assert full.published == "2024-03-05" and b"talks would resume" in full.data  # full text: not fetched
    assert teaser.data == PAGE and teaser.published == "2024-03-06"
    assert fetched == ["https://news.example/port"]


def test_warc_responses(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, status, ctype, body in [("https://news.example/a", "200 OK", "text/html", PAGE),
                                         ("https://news.example/gone", "404 Not Found", "text/html", b"gone"),
                                         ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG")]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    [item] = list(iter_inputs([str(path)]))
    assert item.url == "https://news.example/a" and item.data == PAGE
