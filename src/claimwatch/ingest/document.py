"""Bytes or a string → Document: decoding, HTML extraction, boilerplate, language.

Plain text is kept exactly as decoded, so that every span indexes the input the user gave; an
HTML page becomes the main text trafilatura extracts, with the page's metadata. Boilerplate is
recorded as excluded spans, never cut out.

`published` is only ever a date someone declared, never one guessed from running text or a headline
(relative times are resolved against it): the user's date, else the page's metadata (HTML only), else
the URL's (the `url` given, then the page's canonical URL), else the opening dateline's, else None.
"""

from __future__ import annotations

from claimwatch.errors import InputError
from claimwatch.ingest.boilerplate import find_boilerplate
from claimwatch.ingest.dates import date_from_dateline, date_from_url, is_iso_date
from claimwatch.ingest.decoding import check_size, decode_bytes
from claimwatch.ingest.html import extract_page, looks_like_html
from claimwatch.ingest.language import detect_language
from claimwatch.model import Document


def document_from_bytes(
    data: bytes, *, published: str | None = None, url: str | None = None, name: str = "input"
) -> Document:
    """A Document from the raw bytes of a file or a response; see `document_from_text`."""
    return document_from_text(decode_bytes(data, name), published=published, url=url, name=name)


def document_from_text(
    text: str, *, published: str | None = None, url: str | None = None, name: str = "input"
) -> Document:
    """A Document from a string that is plain text or an HTML page (told apart by its markup).

    Any language is read (`language` says which; only English is analysed). Raises InputError (message
    starting with `name`) for empty or oversized input, a malformed `published`, or an HTML page
    without text.
    """
    check_size(len(text), name, unit="characters")
    if not text.strip():
        raise InputError(f"{name}: empty input")
    published = check_published(published, name)
    if looks_like_html(text):
        page = extract_page(text, url=url, name=name)
        document = Document(
            text=page.text,
            url=url or page.url,
            title=page.title,
            author=page.author,
            published=published or page.date or _url_date(url, page.url) or date_from_dateline(page.text),
            site_name=page.site_name,
        )
    else:
        document = Document(text=text, url=url, published=published or _url_date(url) or date_from_dateline(text))
    document.language = detect_language(document.text).code
    document.excluded = find_boilerplate(document.text)
    return document


def check_published(published: str | None, name: str) -> str | None:
    """The user's publication date as given, once it is known to be an ISO date (YYYY[-MM[-DD]] or longer)."""
    if published is None or not published.strip():
        return None
    published = published.strip()
    if not is_iso_date(published):
        raise InputError(f"{name}: published date {published!r} is not an ISO date (YYYY-MM-DD)")
    return published


def _url_date(*urls: str | None) -> str | None:
    """The date the first of `urls` with one declares in its path."""
    for url in urls:
        found = date_from_url(url) if url else None
        if found:
            return found
    return None
