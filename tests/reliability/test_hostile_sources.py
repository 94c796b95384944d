"""Hostile sources, served by HTTP servers the tests start on 127.0.0.1: entity-expansion bombs in
feeds, gzip bombs in responses and WARC records, redirects and names that lead to private or
loopback addresses, endless and trickling responses, huge headers. Each is refused with its reason
(one line in the ingest summary) and the run goes on."""

from __future__ import annotations

import gzip
import io
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimwatch.batch.ingest import ingest
from claimwatch.errors import InputError
from claimwatch.ingest import fetch
from claimwatch.ingest.fetch import Fetcher
from claimwatch.ingest.sources import SourceFailure, iter_inputs
from claimwatch.knowledge import KnowledgeBase

PAGE = (b"<html><head><title>Port shelled</title></head><body><article><p>Rebels shelled the port of Esk "
        b"on Monday, killing four people, officials said.</p></article></body></html>")
BOMB_FEED = (b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
             + b"".join(b'<!ENTITY lol%d "%s">\n' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
                        for n in range(1, 10))
             + b']>\n<rss version="2.0"><channel><title>t</title><item><title>&lol9;</title>'
               b"<description>&lol9;</description></item></channel></rss>")


def _gzip_bomb(size: int) -> bytes:
    """`size` zero bytes gzipped: about a thousandth of that on the wire."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        block = bytes(1024 * 1024)
        for _ in range(size // len(block)):
            gz.write(block)
    return out.getvalue()


Route = Callable[[BaseHTTPRequestHandler], None]


def _send(handler: BaseHTTPRequestHandler, body: bytes, **headers: str) -> None:
    handler.send_response(200)
    for name, value in {"Content-Type": "text/html", "Content-Length": str(len(body)), **headers}.items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    """Headers, then a byte every 0.1 s, forever: each read is quick, the whole never ends."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(600):
        handler.wfile.write(b"x")
        handler.wfile.flush()
        time.sleep(0.1)


def _slow_headers(handler: BaseHTTPRequestHandler) -> None:
    """The status line and headers, one byte every 0.1 s."""
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" * 100:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(0.1)


def _endless(handler: BaseHTTPRequestHandler) -> None:
    """Data as fast as the client reads it, with no length: only the size limit stops it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    chunk = b"<p>more</p>" * 6000
    for _ in range(100_000):
        handler.wfile.write(chunk)


def _huge_headers(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    for n in range(4000):
        handler.send_header(f"X-Filler-{n}", "y" * 500)
    handler.end_headers()
    handler.wfile.write(PAGE)


def _redirect(location: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return route


class _Server:
    """A threaded HTTP server on a free port of `host`; `routes` maps a path to its behaviour."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.hits.append(self.path)
                route = server.routes.get(self.path)
                try:
                    if route is None:
                        self.send_error(404)
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
                    pass

            def log_message(self, *_args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[_Server]:
    srv = _Server()
    srv.routes.update({
        "/page": lambda h: _send(h, PAGE),
        "/bomb.rss": lambda h: _send(h, BOMB_FEED, **{"Content-Type": "application/rss+xml"}),
        "/gzip-bomb": lambda h: _send(h, _GZIP_BOMB, **{"Content-Encoding": "gzip"}),
        "/page.gz": lambda h: _send(h, gzip.compress(PAGE), **{"Content-Encoding": "gzip"}),
        "/trickle": _trickle, "/slow-headers": _slow_headers, "/endless": _endless,
        "/huge-headers": _huge_headers,
    })
    yield srv
    srv.close()


_GZIP_BOMB = _gzip_bomb(64 * 1024 * 1024)  # 64 MiB of zeros in about 64 KiB


def _local(**kwargs: float) -> Fetcher:
    """A fetcher allowed to reach the test servers on 127.0.0.1, with short limits."""
    return Fetcher(allow_private=True, **{"timeout": 5.0, "total_timeout": 1.5, **kwargs})


def _refusal(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(InputError) as caught:
        fetcher.get(url)
    return str(caught.value)


def test_the_test_server_serves_plain_and_gzipped_pages(server):
    fetcher = _local()
    assert fetcher.get(server.base + "/page").data == PAGE
    assert fetcher.get(server.base + "/page.gz").data == PAGE


def test_a_feed_with_an_entity_expansion_bomb_is_refused_unparsed(server, tmp_path):
    feed = tmp_path / "bomb.rss"
    feed.write_bytes(BOMB_FEED)
    for items in (list(iter_inputs([str(feed)], None)), list(iter_inputs([server.base + "/bomb.rss"], _local()))):
        [failure] = items
        assert isinstance(failure, SourceFailure) and "declares XML entities" in failure.error


def test_a_gzip_bomb_stops_at_the_size_limit(server):
    start = time.monotonic()
    assert "decompresses to more than 1048576 bytes" in _refusal(_local(max_bytes=1024 * 1024),
                                                                 server.base + "/gzip-bomb")
    assert "decompresses to more than" in _refusal(_local(), server.base + "/gzip-bomb")  # the default 10 MiB
    assert time.monotonic() - start < 5


def test_a_gzip_bomb_in_a_warc_record_is_refused(tmp_path, monkeypatch):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    monkeypatch.setattr("claimwatch.ingest.sources.MAX_FILE_BYTES", 1024 * 1024)
    archive = tmp_path / "bomb.warc.gz"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, encoding in (("https://news.example/bomb", _gzip_bomb(16 * 1024 * 1024), "gzip"),
                                    ("https://news.example/page", PAGE, None)):
            headers = [("Content-Type", "text/html"), ("Content-Length", str(len(body)))]
            headers += [("Content-Encoding", encoding)] if encoding else []
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
    bomb, page = list(iter_inputs([str(archive)]))
    assert isinstance(bomb, SourceFailure) and bomb.error == "larger than 1048576 bytes"
    assert page.data == PAGE  # the records after the bomb are read


def test_trickling_and_endless_responses_stop_at_the_total_time_or_size_limit(server):
    for path in ("/trickle", "/slow-headers"):
        start = time.monotonic()
        assert "took longer than the total limit of 1.5s" in _refusal(_local(), server.base + path)
        assert time.monotonic() - start < 3
    assert "larger than 1048576 bytes" in _refusal(_local(max_bytes=1024 * 1024), server.base + "/endless")


def test_huge_headers_are_refused(server):
    assert _refusal(_local(), server.base + "/huge-headers").endswith("response headers too large")


def test_redirects_to_private_or_loopback_addresses_are_refused_on_every_hop(server, monkeypatch):
    """127.0.0.1 stands for the public internet here; every other non-public address stays refused.
    A second server on 127.0.0.2 proves the redirect target is never reached."""
    real = fetch._non_public
    monkeypatch.setattr(fetch, "_non_public", lambda address: address != "127.0.0.1" and real(address))
    inner = _Server("127.0.0.2")
    inner.routes["/admin"] = lambda h: _send(h, b"secret")
    try:
        targets = {"/to-loopback": inner.base + "/admin", "/to-loopback-2": "http://127.1.2.3:9/admin",
                   "/to-metadata": "http://169.254.169.254/latest/meta-data/", "/to-private": "http://10.0.0.5/",
                   "/to-v6-loopback": "http://[::1]:9/", "/to-mapped": "http://[::ffff:127.0.0.2]:9/",
                   "/hop": server.base + "/to-loopback"}
        for path, location in targets.items():
            server.routes[path] = _redirect(location)
        fetcher = Fetcher(timeout=5.0, total_timeout=5.0)  # private addresses not allowed
        assert fetcher.get(server.base + "/page").data == PAGE
        for path in targets:
            assert "non-public address" in _refusal(fetcher, server.base + path), path
        assert inner.hits == []
    finally:
        inner.close()


def test_a_name_checked_public_but_connecting_to_loopback_is_refused_at_connect_time(server, monkeypatch):
    """DNS rebinding: the name looked public when checked, and resolves to loopback at the connection."""
    monkeypatch.setattr(fetch, "_blocked_address", lambda host: None)
    message = _refusal(Fetcher(timeout=5.0, total_timeout=5.0), server.base.replace("127.0.0.1", "localhost")
                       + "/page")
    assert "connects to the non-public address" in message and "--allow-private" in message
    assert server.hits == []


def test_an_ingest_refuses_each_hostile_source_with_one_line_and_goes_on(server, tmp_path):
    feed = tmp_path / "bomb.rss"
    feed.write_bytes(BOMB_FEED)
    urls = [server.base + p for p in ("/gzip-bomb", "/trickle", "/huge-headers", "/endless", "/page")]
    store = KnowledgeBase(tmp_path / "kb.db")
    summary = ingest([str(feed), *urls], store, fetcher=_local(max_bytes=1024 * 1024))
    assert summary.stored == 1 and store.count() == 1
    errors = dict(summary.failed)
    assert "declares XML entities" in errors[str(feed)]
    assert "decompresses to more than" in errors[urls[0]]
    assert "total limit" in errors[urls[1]]
    assert "response headers too large" in errors[urls[2]]
    assert "larger than" in errors[urls[3]]
    assert all("\n" not in error for error in errors.values())


def test_inflate_is_bounded_per_step():
    """However well a chunk compresses, one step of decoding yields at most _INFLATE_STEP bytes."""
    bomb = zlib.compress(bytes(8 * 1024 * 1024))
    steps = fetch._inflate(iter([bomb]), "deflate")
    assert all(len(step) <= fetch._INFLATE_STEP for step in steps)
