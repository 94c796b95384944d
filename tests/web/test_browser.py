"""The web UI in a real browser (Debian's chromium, headless, through Playwright): every page
loads with no script error and no CSP violation; events list → cluster → document with the claim
highlights and the claim panel; the graph and the timeline draw; and documents carrying
<script>, onerror= and javascript: payloads run nothing. Screenshots go to each test's tmp folder."""

from __future__ import annotations

import httpx
import pytest
from sample_store import IMG, SCRIPT, TOKEN, XSS_OUTLET, XSS_TITLE

PAGES = [("/", "Event clusters"), ("/documents", "Documents"), ("/entities", "Actors"),
         ("/contradictions", "Contradictions"), ("/search?q=Iran", "Search"), ("/timeline?about=Iran", "Timeline"),
         ("/analyze", "Analyze a text"), ("/graph", "Actor graph")]

HOSTILE_PAGE = """<!doctype html><html><head>
<title>Troops cross the border &lt;script&gt;window.pwned=5;alert(5)&lt;/script&gt;
&lt;img src=x onerror=alert(6)&gt;</title>
<meta property="og:site_name" content="&lt;img src=x onerror=alert(7)&gt;">
<meta property="article:published_time" content="2024-06-04">
</head><body><article><h1>Troops cross the border &lt;script&gt;window.pwned=5;alert(5)&lt;/script&gt;</h1>
<p>Turkish troops crossed the border into northern Iraq on Monday, &lt;script&gt;window.pwned=8&lt;/script&gt;
officials in Erbil said, and the defence ministry said that about 300 soldiers took part in the operation.</p>
<p>Local officials said &lt;img src=x onerror="window.pwned=9;alert(9)"&gt; that the villages near Zakho were empty.</p>
<p><a href="javascript:window.pwned=10;alert(10)">More</a> <img src="x" onerror="window.pwned=11"></p>
<script>window.pwned=12;alert(12)</script>
</article></body></html>"""


def shot(page, name: str) -> None:
    page.page.screenshot(path=str(page.shots / f"{name}.png"), full_page=True)


def test_every_page_loads_without_errors(server, page):
    p = page.page
    for path, heading in PAGES:
        response = p.goto(server.url + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert heading in p.locator("h1").first.inner_text(), path
    p.goto(server.url + "/graph")
    p.wait_for_function("() => window.claimwatchGraph && window.claimwatchGraph.nodes().length > 0")
    p.goto(server.url + "/docs")
    p.wait_for_selector(".opblock", timeout=20_000)
    assert p.locator(".opblock").count() == 12
    shot(page, "docs")
    p.goto(server.url + "/no-such-page")
    assert "no such page" in p.locator("p.error").inner_text()
    assert page.errors == [] or all("404" in e for e in page.errors), page.errors


def test_events_to_cluster_to_document_with_highlights(server, page):
    p = page.page
    p.goto(server.url + "/?order=oldest")
    assert p.locator("table.events tbody tr").count() == 4
    shot(page, "events")
    p.locator("a.cluster-link", has_text="AID").first.click()
    p.wait_for_url("**/clusters/**")
    assert "Iran → Syria" in p.locator("h1").inner_text()
    stats = p.locator(".stats").inner_text()
    assert "3\nindependent sources" in stats and "2\ncopies" in stats and "1\ndenials" in stats
    assert p.locator(".contradictions .contradiction").count() == 2  # the number, the denial
    assert p.locator("tr.denial").count() == 1 and p.locator("td.contested").count() >= 1
    assert "copy of wire.example" in p.locator("table.reports").inner_text()
    shot(page, "cluster")

    p.locator("tr", has_text="observer.example").locator("a").first.click()
    p.wait_for_url("**/documents/**")
    article = p.locator("#article")
    assert article.locator(".hl-source").first.inner_text() == "a military analyst in Beirut"
    assert article.locator(".hl-cue").first.inner_text() == "according to"
    assert "".join(article.locator(".hl-content").all_inner_texts()) == (
        "Iran has sent 2,000 soldiers to Syria to support government forces")
    looks = p.evaluate("""() => ['hl-source', 'hl-cue', 'hl-content'].map(c => {
        const s = getComputedStyle(document.querySelector('#article .' + c));
        return [s.color, s.backgroundColor, s.fontWeight, s.fontStyle, s.borderBottomStyle].join('|'); })""")
    assert len(set(looks)) == 3, looks
    detail = p.locator("#claim-c1")
    assert detail.is_hidden()
    article.locator(".hl-content").first.click()
    assert detail.is_visible()
    text = detail.inner_text()
    assert "certain" in text and "positive" in text and "AID" in text and "Iran" in text
    assert article.locator(".selected").count() >= 1
    shot(page, "document")
    assert page.errors == [], page.errors


def test_graph_draws_filters_and_explains_an_edge(server, page):
    p = page.page
    p.goto(server.url + "/graph")
    p.wait_for_function("() => window.claimwatchGraph && window.claimwatchGraph.edges().length === 4")
    p.evaluate("() => { window.claimwatchGraph.edges().filter(e => e.data('label') === 'AID')[0].emit('tap'); }")
    info = p.locator("#graph-info").inner_text()
    assert "Iran → Syria" in info and "5 reports, 3 independent sources, 1 denial" in info
    shot(page, "graph")
    p.goto(server.url + "/graph?type=AGREE&since=2024-03")
    p.wait_for_function("() => window.claimwatchGraph && window.claimwatchGraph.edges().length === 1")
    p.goto(server.url + "/graph?since=garbage")
    assert "not a date" in p.locator("p.error").inner_text()
    assert all("400" in e for e in page.errors), page.errors


def test_timeline_for_an_actor_and_a_pair(server, page):
    p = page.page
    p.goto(server.url + "/timeline?about=Iran&interval=day")
    assert p.locator("svg.chart rect.bar").count() == 3
    assert "2 event clusters" in p.locator("p.count").inner_text()
    shot(page, "timeline")
    p.goto(server.url + "/timeline?about=Turkey&other=Iraq&interval=week")
    assert "involving both Turkey and Iraq" in p.locator("p.count").inner_text()
    assert page.errors == [], page.errors


def test_analyze_page_shows_the_analysis(server, page):
    p = page.page
    p.goto(server.url + "/analyze")
    p.fill("textarea[name=text]", "Turkey has sent 500 commandos to the Syrian border, the defence ministry said "
                                  "on Wednesday.")
    p.fill("input[name=published]", "2025-03-12")
    p.click("form.analyze button[type=submit]")
    p.wait_for_selector("#article .hl-source")
    assert "the defence ministry" in p.locator("#article .hl-source").first.inner_text()
    p.locator("#article .hl-content").first.click()
    assert "MOBILIZE" in p.locator(".claim-detail:not([hidden])").inner_text() or \
        p.locator(".claim-detail:not([hidden])").count() == 1
    shot(page, "analyze")
    assert page.errors == [], page.errors


def _nothing_ran(page, where: str) -> None:
    p = page.page
    assert p.evaluate("() => window.pwned") is None, where
    assert page.dialogs == [], (where, page.dialogs)
    assert p.locator("main img, main svg[onload], [onerror], [onload]").count() == 0, where
    assert p.locator('a[href^="javascript" i]').count() == 0, where
    assert p.locator("script:not([src])").count() == 0, where
    assert page.errors == [], (where, page.errors)


def test_hostile_documents_run_nothing(server, page):
    r = httpx.post(server.url + "/api/documents", json={"html": HOSTILE_PAGE, "url": "javascript:alert(13)"},
                   headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
    assert r.status_code == 201, r.text
    ingested = r.json()["documents"][0]
    docs = httpx.get(server.url + "/api/documents?limit=100").json()["items"]
    built = next(d["id"] for d in docs if d["outlet"] == XSS_OUTLET)
    cluster = next(e["cluster"] for e in httpx.get(server.url + "/api/events?type=ASSAULT").json()["items"]
                   if e["actor"] and e["actor"]["name"] == IMG)
    p = page.page
    for path in (f"/documents/{built}", f"/documents/{ingested}", "/?order=newest", f"/clusters/{cluster}",
                 "/entities", "/documents", "/search?q=pwned", "/search?q=pwned&kind=claims", "/graph",
                 f"/timeline?about={httpx.QueryParams({'a': IMG})['a']}", "/contradictions"):
        p.goto(server.url + path)
        if path == "/graph":
            p.wait_for_function("() => window.claimwatchGraph && window.claimwatchGraph.nodes().length > 0")
            p.evaluate("() => { window.claimwatchGraph.nodes().forEach(n => n.emit('tap')); }")
        _nothing_ran(page, path)
    p.goto(server.url + f"/documents/{built}")
    assert p.locator("h1.doc-title").inner_text() == XSS_TITLE  # shown, as text
    assert SCRIPT in p.locator("#article").inner_text()
    p.locator("#article .hl-content").first.click()
    assert IMG in p.locator(".claim-detail:not([hidden])").inner_text()
    _nothing_ran(page, "a click on the hostile claim")
    shot(page, "hostile-document")
    p.goto(server.url + f"/documents/{ingested}")
    assert "<script>window.pwned=5" in p.locator("h1.doc-title").inner_text()
    assert "javascript:alert(13)" in p.locator(".meta").inner_text()  # the URL, not a link
    p.goto(server.url + "/analyze")
    p.fill("textarea[name=text]", HOSTILE_PAGE)
    p.click("form.analyze button[type=submit]")
    p.wait_for_selector("#article")
    _nothing_ran(page, "the analyze page")


@pytest.mark.parametrize("path", ["/api/events", "/static/app.js", "/"])
def test_headers_of_a_real_server(server, path):
    r = httpx.get(server.url + path)
    assert r.headers["content-security-policy"].startswith("default-src 'self'")
    assert r.headers["x-content-type-options"] == "nosniff"
