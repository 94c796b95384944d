"""POST /api/analyze (nothing stored) and POST /api/documents (the bearer token; stored), with their
limits: body size (413), analysis time (503), URLs (http(s) only, bounded)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sample_store import TOKEN, client_for

ARTICLE = ("Turkey has sent 500 commandos to reinforce its positions along the Syrian border, the defence ministry "
           "said on Wednesday. Officials in Damascus denied that any Turkish troops had crossed the frontier.")
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def pipeline(nlp):
    """The spaCy pipeline loaded once before any timing-sensitive request."""
    return nlp


def test_analyze_answers_the_data_contract_and_stores_nothing(client, store, pipeline):
    before = store.count()
    r = client.post("/api/analyze", json={"text": ARTICLE, "published": "2025-03-12"})
    assert r.status_code == 200
    analysis = r.json()
    assert set(analysis) >= {"document", "entities", "claims", "events", "quantities", "times"}
    assert analysis["document"]["published"] == "2025-03-12"
    assert any(c["source"]["text"] and "ministry" in c["source"]["text"] for c in analysis["claims"])
    assert store.count() == before
    page = client.post("/api/analyze", json={"html": f"<html><head><title>Border</title></head><body><article>"
                                                     f"<p>{ARTICLE}</p></article></body></html>"})
    assert page.status_code == 200 and page.json()["document"]["title"] == "Border"


@pytest.mark.parametrize("body", [{}, {"text": "a", "html": "<p>a</p>"}, {"published": "2024-01-01"},
                                  {"text": ARTICLE, "published": "yesterday"}, {"text": "   "},
                                  {"text": ARTICLE, "extra": 1}])
def test_analyze_refuses_what_it_cannot_read(client, body, pipeline):
    r = client.post("/api/analyze", json=body)
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["detail"]


def test_body_size_limit_on_length_and_on_a_stream(store):
    with client_for(store, max_body_bytes=2000) as c:
        r = c.post("/api/analyze", json={"text": "x" * 5000})
        assert r.status_code == 413 and "--max-body" in r.json()["detail"]
        assert r.headers["content-type"] == "application/problem+json"

        def chunks():
            for _ in range(10):
                yield b"x" * 500

        streamed = c.post("/api/analyze", content=chunks(), headers={"Content-Type": "application/json"})
        assert streamed.status_code == 413
        form = c.post("/analyze", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert form.status_code == 413 and "text/html" in form.headers["content-type"]


def test_analysis_time_limit(store, pipeline):
    with client_for(store, analysis_timeout_s=0.001) as c:
        r = c.post("/api/analyze", json={"text": ARTICLE * 20})
        assert r.status_code == 503 and "--analysis-timeout" in r.json()["detail"]
        assert r.headers["Retry-After"]
        c.app.state.service._pool.shutdown(wait=True)  # the late analysis ends before the next test


def test_writes_need_a_configured_token(store):
    with client_for(store, token="") as c:
        r = c.post("/api/documents", json={"text": ARTICLE})
        assert r.status_code == 403
        assert "--token" in r.json()["detail"] and "CLAIMWATCH_TOKEN" in r.json()["detail"]
    with client_for(store) as c:
        missing = c.post("/api/documents", json={"text": ARTICLE})
        assert missing.status_code == 401 and missing.headers["WWW-Authenticate"].startswith("Bearer")
        wrong = c.post("/api/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401


def test_a_document_is_stored_once_and_readable(tmp_path, pipeline):
    import sample_store

    store = sample_store.build(tmp_path / "w.db")
    try:
        with client_for(store) as c:
            body = {"text": ARTICLE, "published": "2025-03-12", "outlet": "ledger.example"}
            r = c.post("/api/documents", json=body, headers=AUTH)
            assert r.status_code == 201, r.text
            result = r.json()
            assert (result["stored"], result["duplicates"], result["failed"]) == (1, 0, [])
            doc = c.get(f"/api/documents/{result['documents'][0]}").json()
            assert doc["outlet"] == "ledger.example" and doc["text"] == ARTICLE
            assert c.get("/api/events", params={"about": "Turkey", "since": "2025"}).json()["total"] >= 1
            again = c.post("/api/documents", json=body, headers=AUTH)
            assert again.status_code == 200 and again.json()["duplicates"] == 1
            copy = c.post("/api/documents", json={**body, "outlet": "other.example"}, headers=AUTH).json()
            assert copy["stored"] == 1
            assert c.get(f"/api/documents/{copy['documents'][0]}").json()["copy_of"] == result["documents"][0]
            french = {"text": "Le gouvernement a annoncé mardi que les négociations reprendraient la semaine "
                              "prochaine à Genève, selon un communiqué du ministère des Affaires étrangères.",
                      "outlet": "quotidien.example"}
            kept = c.post("/api/documents", json=french, headers=AUTH)
            assert kept.status_code == 201 and kept.json()["unanalysed"] == 1  # stored, not lost
            stored = c.get(f"/api/documents/{kept.json()['documents'][0]}").json()
            assert stored["text"] == french["text"]
            assert c.post("/api/analyze", json={"text": french["text"]}).status_code == 422  # still not analysed
    finally:
        store.close()


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        body = (f"<html><head><title>Commandos</title><meta property='article:published_time' "
                f"content='2025-03-12'></head><body><article><p>{ARTICLE}</p></article></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


def test_urls_are_fetched_checked_and_bounded(tmp_path, pipeline):
    import sample_store

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/2025/03/12/commandos.html"
    store = sample_store.build(tmp_path / "u.db")
    try:
        with client_for(store) as c:  # private addresses are refused by default
            r = c.post("/api/documents", json={"urls": [url]}, headers=AUTH).json()
            assert r["stored"] == 0 and "non-public" in r["failed"][0]["error"]
            for bad in (["/etc/passwd"], ["file:///etc/passwd"], ["ftp://example.org/x"]):
                assert c.post("/api/documents", json={"urls": bad}, headers=AUTH).status_code == 422
            assert c.post("/api/documents", json={"urls": []}, headers=AUTH).status_code == 422
            many = c.post("/api/documents", json={"urls": [url] * 30}, headers=AUTH)
            assert many.status_code == 413
        with client_for(store, allow_private=True) as c:
            r = c.post("/api/documents", json={"urls": [url]}, headers=AUTH)
            assert r.status_code == 201 and r.json()["stored"] == 1
            doc = c.get(f"/api/documents/{r.json()['documents'][0]}").json()
            assert doc["title"] == "Commandos" and doc["url"] == url
    finally:
        store.close()
        server.shutdown()
