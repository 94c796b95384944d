"""HTML pages → main text and metadata, with trafilatura (the best-scoring open extractor).

Detection is cheap and conservative: a page is HTML when it opens like one (doctype, <html>,
<head>, <body>, <article>, …) or when known tags are dense enough that it cannot be prose that
merely mentions a tag. trafilatura is imported only when a page is HTML: it costs ~0.3 s to import.

The page's date is only what its markup declares (meta tags, JSON-LD, microdata, a marked `<time>`):
trafilatura's date comes from htmldate, which even in its fast mode (`extensive_search=False`) reads
dates out of the `<title>`, the `<h1>` and bare dates in the body text, and a wrong date moves every
relative time of the analysis. So htmldate runs in fast mode (it cannot be switched off) and its
answer is not used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from claimwatch.errors import InputError
from claimwatch.ingest.dates import parse_date_value

#: What a page or fragment opens with (after whitespace and comments).
_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|article|meta|title|div|p|section)\b",
    re.IGNORECASE | re.DOTALL,
)
#: Structural tags that prose practically never contains verbatim.
_STRUCTURE = re.compile(r"<(?:html|head|body|article)\b[^<>]*>", re.IGNORECASE)
#: Tags of ordinary HTML markup, for the density test.
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|h[1-6]|ul|ol|li|table|tr|td|th|img|em|strong|b|i|u|section|header|footer|nav|"
    r"main|aside|figure|figcaption|blockquote|script|style|meta|link|title|time|iframe|noscript|form|input|button)"
    r"\b[^<>]*>",
    re.IGNORECASE,
)
_SNIFF_CHARS = 65536
#: Density test: at least this many tags, covering at least this share of the characters.
_MIN_TAGS = 3
_MIN_TAG_SHARE = 0.03

#: htmldate's cheapest settings: its date is discarded (see the module's docstring).
_HTMLDATE_FAST = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
#: meta name/property/itemprop values that declare the publication date, most specific first.
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article:published", "article.published",
    "article:published_date", "article:post_date", "og:published_time", "og:pubdate", "og:publish_date",
    "datepublished", "date_published", "rnews:datepublished", "og:datepublished", "article:publicationdate",
    "citation_publication_date", "dc.date.issued", "dcterms.issued", "dc.date.publication", "publication_date",
    "publication-date", "publish_date", "publish-date", "publishdate", "published_date", "published-date",
    "published_time", "parsely-pub-date", "sailthru.date", "originalpublicationdate", "article_date_original",
    "pubdate", "dc.date", "dcterms.date", "dc:date", "citation_date", "dc.date.created", "dcterms.created",
    "dc.created", "dc:created", "datecreated", "date_created", "article.created", "date",
)
_META_RANK = {key: rank for rank, key in enumerate(_PUBLISHED_META)}
#: JSON-LD @type values of an article (others, such as WebPage, are used only when no article has a date).
_ARTICLE_TYPE = re.compile(r"article|posting|report|story", re.IGNORECASE)
#: class tokens that mark a <time> as the publication date, or as a later one.
_MODIFIED_CLASS = re.compile(r"updated|modified", re.IGNORECASE)
_PUBLISHED_CLASS = re.compile(r"(?:^|\s)(?:published|date-published|entry-date|pubdate|publish-date)(?:\s|$)", re.I)


def looks_like_html(text: str) -> bool:
    """True when `text` is an HTML page or fragment rather than plain text."""
    if _HTML_START.match(text):
        return True
    sample = text[:_SNIFF_CHARS]
    if _STRUCTURE.search(sample):
        return True
    tags = _TAG.findall(sample)
    return len(tags) >= _MIN_TAGS and sum(map(len, tags)) >= _MIN_TAG_SHARE * len(sample.strip())


@dataclass
class ExtractedPage:
    """The article of a page: its main text and the metadata the page gives."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site_name: str | None = None
    url: str | None = None


def extract_page(html: str, *, url: str | None = None, name: str = "input") -> ExtractedPage:
    """Main text and metadata of an HTML page, with trafilatura's default (balanced) settings.

    Comments are left out: they are not the article. When trafilatura finds no article (a bare
    fragment, a page of links), the page's whole visible text is used instead, so that a short
    fragment still gives its text; a page with no text at all is an InputError. `date` is the
    date the markup declares (`declared_date`), else None.
    """
    import trafilatura
    from trafilatura.utils import load_html

    if not _STRUCTURE.search(html[:_SNIFF_CHARS]) and not re.search(r"<!doctype", html[:1024], re.IGNORECASE):
        html = f"<html><body>{html}</body></html>"  # lxml's parser in trafilatura wants a document, not a fragment
    tree = load_html(html)
    declared = declared_date(tree) if tree is not None else None
    result = trafilatura.bare_extraction(
        tree if tree is not None else html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=dict(_HTMLDATE_FAST),
    )
    text = (result.text or "").strip() if result is not None else ""
    if not text:
        text = (trafilatura.html2txt(html) or "").strip()
    if not text:
        raise InputError(f"{name}: HTML page without text")
    if result is None:
        return ExtractedPage(text=text, url=url, date=declared)
    return ExtractedPage(
        text=text,
        title=result.title or None,
        author=result.author or None,
        date=declared,
        site_name=result.sitename or None,
        url=result.url or url,
    )


def declared_date(tree: HtmlElement) -> str | None:
    """The publication date a page's markup declares, as an ISO date at the precision given, else None.

    Read, in this order: meta tags (article:published_time, og:, Dublin Core, itemprop=datePublished,
    …), JSON-LD `datePublished` (an article's before another node's), microdata `datePublished` on
    any element, and a `<time datetime>` marked as the publication date (`pubdate`, a class such as
    "published") or standing in a `<header>`. Modification dates are never taken, and neither is
    anything from the title, the headline or the running text.
    """
    return _meta_date(tree) or _json_ld_date(tree) or _microdata_date(tree) or _time_date(tree)


def _meta_date(tree: HtmlElement) -> str | None:
    best: tuple[int, str] | None = None
    for meta in tree.iterfind(".//meta"):
        value = meta.get("content") or meta.get("datetime")
        if not value:
            continue
        for attribute in ("property", "name", "itemprop"):  # not http-equiv: a saved Date header is the fetch time
            key = (meta.get(attribute) or "").strip().lower()
            rank = _META_RANK.get(key)
            if rank is not None and (best is None or rank < best[0]):
                parsed = parse_date_value(value)
                if parsed:
                    best = (rank, parsed)
    return best[1] if best else None


def _json_ld_date(tree: HtmlElement) -> str | None:
    fallback = None
    for script in tree.xpath('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content(), strict=False)
        except ValueError:
            continue
        for node in _json_ld_nodes(data):
            value = node.get("datePublished") or node.get("dateCreated")
            parsed = parse_date_value(value) if isinstance(value, str) else None
            if not parsed:
                continue
            types = node.get("@type", "")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and _ARTICLE_TYPE.search(t) for t in types):
                return parsed
            fallback = fallback or parsed
    return fallback


def _json_ld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """The top-level nodes of a JSON-LD block (with its @graph and mainEntity), not nested works such
    as the items of a list or the page an article is part of: those carry other works' dates."""
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_nodes(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):
            if key in data:
                yield from _json_ld_nodes(data[key])


def _microdata_date(tree: HtmlElement) -> str | None:
    for element in tree.xpath(".//*[not(self::meta)][@itemprop]"):
        if "datepublished" in (element.get("itemprop") or "").lower().split():
            value = element.get("datetime") or element.get("content") or element.text_content()
            parsed = parse_date_value(value) if value else None
            if parsed:
                return parsed
    return None


def _time_date(tree: HtmlElement) -> str | None:
    in_header = None
    for element in tree.iterfind(".//time"):
        value = element.get("datetime")
        if not value:
            continue
        marked = element.get("pubdate") is not None or _PUBLISHED_CLASS.search(element.get("class") or "")
        if marked:
            parsed = parse_date_value(value)
            if parsed:
                return parsed
        elif in_header is None and not _MODIFIED_CLASS.search(element.get("class") or ""):
            if any(ancestor.tag == "header" for ancestor in element.iterancestors()):
                in_header = parse_date_value(value)
    return in_header
