"""An HTML page's date is the one its markup declares, else its URL's or dateline's, never its text's."""

from __future__ import annotations

from claimwatch.ingest import document_from_text

BODY = (
    "<p>The European Union said on Tuesday it would spend more on defence next year, officials said. The "
    "plan was agreed by ministers after long talks in Brussels and will be reviewed in the spring.</p>"
    "<p>Critics said the plan was too modest. It was first proposed in March 2023 and revised on 2023-05-12, "
    "and the vote is set for <time datetime='2026-01-15'>mid-January</time>.</p>"
)


def page(head: str = "", body: str = BODY, headline: str = "EU unveils plans for 2025", header: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{headline}</title>{head}</head><body><article>"
        f"<header><h1>{headline}</h1>{header}</header>{body}</article>"
        "<footer>© 2024 Example News</footer></body></html>"
    )


def test_headline_year_and_body_dates_do_not_date_the_page() -> None:
    doc = document_from_text(page())
    assert "Critics said" in doc.text
    assert doc.published is None  # not 2025-01-01 from the headline, nor a date from the body


def test_date_in_the_headline_is_not_the_pages() -> None:
    assert document_from_text(page(headline="Ceasefire of March 3, 2024 collapses")).published is None


def test_article_published_time() -> None:
    head = (
        '<meta property="article:published_time" content="2024-10-24T08:00:00+09:00">'
        '<meta property="article:modified_time" content="2024-10-26T08:00:00+09:00">'
    )
    assert document_from_text(page(head)).published == "2024-10-24"


def test_json_ld_date_published_of_the_article() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Example News", "datePublished": "2001-01-01"},'
        '{"@type": "NewsArticle", "headline": "EU unveils plans for 2025",'
        ' "datePublished": "2024-11-02T10:00:00Z", "dateModified": "2024-11-05T10:00:00Z"}]}</script>'
    )
    assert document_from_text(page(head)).published == "2024-11-02"


def test_microdata_and_marked_time_elements() -> None:
    itemprop = '<span itemprop="datePublished" content="2024-07-09">9 July</span>'
    assert document_from_text(page(header=itemprop)).published == "2024-07-09"
    in_header = '<time datetime="2024-05-12T10:00">12 May</time>'
    assert document_from_text(page(header=in_header)).published == "2024-05-12"
    updated = '<time class="updated" datetime="2024-05-14">14 May</time>'
    assert document_from_text(page(header=updated)).published is None


def test_declared_year_keeps_its_precision() -> None:
    assert document_from_text(page('<meta name="date" content="2024">')).published == "2024"


def test_page_metadata_wins_over_canonical_url() -> None:
    canonical = '<link rel="canonical" href="https://news.example/2020/02/03/eu-plans">'
    assert document_from_text(page(canonical)).published == "2020-02-03"
    meta = '<meta property="article:published_time" content="2020-02-04">'
    doc = document_from_text(page(meta + canonical))
    assert (doc.published, doc.url) == ("2020-02-04", "https://news.example/2020/02/03/eu-plans")


def test_url_argument_then_dateline() -> None:
    datelined = "<p>BRUSSELS, March 3, 2025 (Reuters) — The European Union said on Tuesday it would spend more.</p>"
    assert document_from_text(page(body=datelined + BODY)).published == "2025-03-03"
    doc = document_from_text(page(body=datelined + BODY), url="https://news.example/2025/03/02/eu")
    assert doc.published == "2025-03-02"
    doc = document_from_text(page(body=datelined + BODY), url="https://news.example/2025/03/02/eu", published="2025")
    assert doc.published == "2025"
