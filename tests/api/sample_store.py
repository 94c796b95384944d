"""The store the API and browser tests read: the hand-built news corpus of tests/knowledge (an AID
cluster with copies, a number contradiction and a denial; a retracted ASSAULT; an AGREE) and one
document whose title, URL, outlet, entity names and claims carry script, onerror= and javascript:
payloads, so that every page shows them — as text."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from claimwatch.knowledge import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "knowledge"))
from knowledge_corpus import Builder, corpus  # noqa: E402

SCRIPT = "<script>window.pwned=1;alert(1)</script>"
IMG = '<img src=x onerror="window.pwned=2;alert(2)">'
JS_URL = "javascript:window.pwned=3;alert(3)"
XSS_TITLE = f"Breaking {SCRIPT} {IMG}"
TOKEN = "test-token-123"  # the write token of the test servers
XSS_OUTLET = 'evil.example"><svg onload=alert(4)>'


def xss_document() -> Builder:
    """A hostile document: every field a page shows is a payload."""
    text = (f"{IMG} struck Syria on Monday, {SCRIPT} said. Officials in Damascus condemned the attack. "
            f'<a href="{JS_URL}">Read more</a>')
    b = Builder(text, "2024-06-03", "evil.example")
    b.doc.title, b.doc.url = XSS_TITLE, JS_URL
    attacker = b.entity(IMG, "person")
    syria = b.entity("Syria")
    claim = b.claim(SCRIPT, "said", f"{IMG} struck Syria on Monday")
    b.event("ASSAULT", "struck", attacker, syria, claim=claim)
    return b


def build(db: str | Path) -> Store:
    """A fresh store at `db` (a path or a database URL) with the corpus and the hostile document."""
    store = Store(db)
    for b in corpus():
        store.add(b.analysis, outlet=b.outlet)
    hostile = xss_document()
    store.add(hostile.analysis, outlet=XSS_OUTLET)
    return store


def client_for(store: Store, **settings):
    """A TestClient of the app over an open store (problem details, not exceptions, for server errors)."""
    from claimwatch.api import Settings, create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette prefers httpx2 for its TestClient
        from fastapi.testclient import TestClient

    settings.setdefault("token", TOKEN)
    return TestClient(create_app(Settings(**settings), store=store), raise_server_exceptions=False)
