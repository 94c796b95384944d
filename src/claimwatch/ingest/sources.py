"""What `claimwatch ingest SOURCE...` reads: files, folders (recursively), URL lists, RSS/Atom
feeds and WARC archives, each enumerated into raw inputs (bytes, a name, a URL, a date) that
`document_from_bytes` turns into Documents. Failures are yielded with their reason, never raised,
so that one bad source never stops a run."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimwatch import config
from claimwatch.errors import InputError
from claimwatch.ingest.fetch import Fetcher

WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
#: A feed entry whose embedded content is at least this long is a full-text feed: no fetch.
FULL_TEXT_CHARS = 1500
#: A file or archived page past this size is refused before it is read (the one input limit of config).
MAX_FILE_BYTES = config.MAX_INPUT_BYTES


@dataclass
class RawInput:
    data: bytes
    name: str
    url: str | None = None
    published: str | None = None


@dataclass
class SourceFailure:
    name: str
    error: str


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _is_feed(head: bytes) -> bool:
    lowered = head[:4096].lower()
    return any(marker in lowered for marker in FEED_MARKERS)


#: A line of a URL list that is not a URL is at most this many words (a mistyped URL, a stray note):
#: a file with longer lines is prose that happens to hold a URL.
URL_LIST_JUNK_WORDS = 3


def _url_list_lines(data: bytes) -> list[tuple[int, str]]:
    """(line number, line) of the lines that are not blank or `#` comments."""
    lines = data.decode("utf-8", "replace").splitlines()
    return [(n, ln.strip()) for n, ln in enumerate(lines, 1) if ln.strip() and not ln.strip().startswith("#")]


def _is_url_list(head: bytes) -> bool:
    """Mostly lines that start with a URL, and the others short: one mistyped line must not turn a URL
    list into an article (it is reported and skipped instead)."""
    lines = [ln for _n, ln in _url_list_lines(head[:8192])][:50]
    urls = sum(1 for ln in lines if is_url(ln.split()[0]))
    junk_is_short = all(len(ln.split()) <= URL_LIST_JUNK_WORDS for ln in lines if not is_url(ln.split()[0]))
    return urls > 0 and urls * 2 >= len(lines) and junk_is_short


def _url_of_line(line: str) -> str | None:
    """The line's URL (its first word) when it is a well-formed http(s) URL with a host, else None."""
    from urllib.parse import urlsplit

    word = line.split()[0]
    try:
        parts = urlsplit(word)
        return word if parts.scheme in ("http", "https") and parts.hostname and parts.port != 0 else None
    except ValueError:  # a bad port, an unclosed IPv6 bracket
        return None


def _from_url_list(data: bytes, name: str, fetcher: Fetcher | None) -> Iterator[RawInput | SourceFailure]:
    """Each URL of the list fetched in order; each malformed line reported (`name:line`) and skipped."""
    for number, line in _url_list_lines(data):
        url = _url_of_line(line)
        if url is None:
            yield SourceFailure(f"{name}:{number}", f"not a URL: {line[:120]!r}")
        else:
            yield from _from_url(url, fetcher)


def _is_database(path: Path) -> bool:
    """A SQLite file or its journal: a store kept beside the corpus (`ingest .` with ./claimwatch.db)."""
    if path.name.endswith(("-wal", "-shm", "-journal")):
        return True
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder, sorted, skipping hidden files and folders and SQLite stores."""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts) and not _is_database(path):
            yield path


def count_inputs(sources: list[str]) -> int | None:
    """How many inputs the sources hold, when that is known without reading them (files and folders only)."""
    total = 0
    for source in sources:
        path = Path(source)
        if is_url(source) or str(path).endswith(WARC_SUFFIXES):
            return None
        if path.is_dir():
            total += sum(1 for _ in _walk(path))
        else:
            total += 1
    return total


def iter_inputs(sources: list[str], fetcher: Fetcher | None = None) -> Iterator[RawInput | SourceFailure]:
    """Every input of every source, in order."""
    for source in sources:
        if is_url(source):
            yield from _from_url(source, fetcher)
            continue
        path = Path(source)
        if not path.exists():
            yield SourceFailure(source, "no such file or folder")
        elif path.is_dir():
            for file in _walk(path):
                yield from _from_file(file, fetcher)
        else:
            yield from _from_file(path, fetcher)


def _from_file(path: Path, fetcher: Fetcher | None) -> Iterator[RawInput | SourceFailure]:
    name = str(path)
    if name.lower().endswith(WARC_SUFFIXES):
        yield from _from_warc(path)
        return
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            yield SourceFailure(name, f"larger than {MAX_FILE_BYTES} bytes")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield SourceFailure(name, f"cannot read: {exc.strerror}")
        return
    if _is_feed(data):
        yield from _from_feed(data, name, fetcher)
    elif _is_url_list(data):
        yield from _from_url_list(data, name, fetcher)
    else:
        yield RawInput(data, name)


def _from_url(url: str, fetcher: Fetcher | None) -> Iterator[RawInput | SourceFailure]:
    if fetcher is None:
        yield SourceFailure(url, "fetching is off")
        return
    try:
        page = fetcher.get(url)
    except InputError as exc:
        yield SourceFailure(url, str(exc))
        return
    if "xml" in page.content_type or "rss" in page.content_type or "atom" in page.content_type \
            or _is_feed(page.data):
        yield from _from_feed(page.data, url, fetcher)
    else:
        yield RawInput(page.data, url, url=page.url)


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _declares_entities(data: bytes) -> bool:
    """Whether the feed declares XML entities: the way to an entity-expansion bomb ("billion laughs")
    or an external entity. No real feed needs one, and feedparser's fallback parser is not hardened
    against them, so such a feed is refused before any parser sees it. The whole body is searched
    (a comment can hide the DOCTYPE's place); in entries' text a declaration would be escaped."""
    return re.search(rb"<!ENTITY", data, re.IGNORECASE) is not None


def _from_feed(data: bytes, name: str, fetcher: Fetcher | None) -> Iterator[RawInput | SourceFailure]:
    """Each entry: its embedded text when the feed carries the full text, else its linked page."""
    import feedparser

    if _declares_entities(data):
        yield SourceFailure(name, "feed refused: it declares XML entities (a possible entity-expansion bomb)")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        yield SourceFailure(name, "a feed without entries" if feed.get("version") else "neither a feed nor text")
        return
    for n, entry in enumerate(feed.entries):
        link, published = entry.get("link"), _entry_date(entry)
        embedded = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        label = link or f"{name}#{n + 1}"
        if link and fetcher is not None and len(embedded) < FULL_TEXT_CHARS:
            try:
                page = fetcher.get(link)
                yield RawInput(page.data, link, url=page.url, published=published)
                continue
            except InputError as exc:
                if not embedded:
                    yield SourceFailure(link, str(exc))
                    continue
        if not embedded:
            yield SourceFailure(label, "feed entry without text or fetchable link")
            continue
        title = entry.get("title")
        html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{embedded}</article>"
                f"</body></html>") if title else embedded
        yield RawInput(html.encode("utf-8"), label, url=link, published=published)


def _from_warc(path: Path) -> Iterator[RawInput | SourceFailure]:
    """The successful HTML/text responses of a WARC (or WARC.gz) archive."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                http = record.http_headers
                if http is None or not http.get_statuscode().startswith("2"):
                    continue
                ctype = (http.get_header("Content-Type") or "").lower()
                if ctype and not ctype.startswith(("text/html", "application/xhtml", "text/plain")):
                    continue
                data = record.content_stream().read(MAX_FILE_BYTES + 1)
                if len(data) > MAX_FILE_BYTES:
                    yield SourceFailure(url or str(path), f"larger than {MAX_FILE_BYTES} bytes")
                    continue
                yield RawInput(data, url or str(path), url=url)
    except Exception as exc:  # a truncated or corrupt archive: keep what came before
        yield SourceFailure(str(path), f"unreadable WARC: {type(exc).__name__}: {exc}")
