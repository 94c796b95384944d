"""claimwatch: who asserts what in the news, how sure, what happened to whom — and who else says so."""

from __future__ import annotations

from claimwatch.errors import ClaimwatchError, InputError
from claimwatch.model import Analysis, Document

__version__ = "0.1.0"
__all__ = ["analyze", "extract", "Store", "Analysis", "Document", "ClaimwatchError", "InputError"]


def extract(text_or_html: str, published: str | None = None, url: str | None = None) -> Document:
    """The document alone: clean text, metadata and excluded boilerplate, without the NLP."""
    from claimwatch.ingest import document_from_text

    return document_from_text(text_or_html, published=published, url=url)


def analyze(text_or_html: str, published: str | None = None, url: str | None = None) -> Analysis:
    """The whole analysis of one article (plain text or an HTML page), as typed objects.

    `published` (ISO date) anchors relative times such as "today"; `.to_json()` on the result
    gives the JSON of the data contract.
    """
    from claimwatch.nlp.pipeline import analyze_document

    return analyze_document(extract(text_or_html, published=published, url=url))


def __getattr__(name: str):
    # `claimwatch.Store` without importing SQLAlchemy for those who only analyse.
    if name == "Store":
        from claimwatch.knowledge import Store

        return Store
    raise AttributeError(f"module 'claimwatch' has no attribute {name!r}")
