"""The read endpoints: the CLI's filters, the knowledge contract's rows, paging, problem details."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from sample_store import IMG, build, client_for


def _ids(client, path):
    return client.get(path).json()["items"]


def test_events_rows_paging_and_total(client):
    r = client.get("/api/events", params={"limit": 2})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["total"] == 4 and r.headers["X-Total-Count"] == "4"
    assert (body["limit"], body["offset"], len(body["items"])) == (2, 0, 2)
    rest = client.get("/api/events", params={"limit": 2, "offset": 2}).json()["items"]
    assert {e["cluster"] for e in body["items"]}.isdisjoint({e["cluster"] for e in rest})
    aid = body["items"][0]
    assert (aid["type"], aid["reports"], aid["independent_sources"], aid["copies"], aid["denials"]) == (
        "AID", 6, 3, 2, 1)
    assert aid["size"] == {"min": 2000, "max": 3000}
    assert {"document", "outlet", "published", "copy_of", "text", "polarity"} <= set(aid["evidence"][0])


def test_event_filters_like_the_cli(client):
    assert [e["type"] for e in _ids(client, "/api/events?about=Iran")] == ["AID", "AGREE"]
    assert [e["type"] for e in _ids(client, "/api/events?type=assault")] == ["ASSAULT", "ASSAULT"]
    assert [e["type"] for e in _ids(client, "/api/events?min_sources=2")] == ["AID", "ASSAULT"]
    assert [e["type"] for e in _ids(client, "/api/events?since=2024-03-09&until=2024-03")] == ["ASSAULT"]
    assert [e["type"] for e in _ids(client, "/api/events?about=&type=")] == ["AID", "AGREE", "ASSAULT", "ASSAULT"]
    newest = _ids(client, "/api/events?order=newest")
    assert newest[0]["first_reported"] == "2024-06-03"
    assert _ids(client, "/api/events?order=sources")[0]["independent_sources"] == 3


def test_one_cluster_with_its_contradictions(client):
    aid = _ids(client, "/api/events?type=AID")[0]
    r = client.get(f"/api/events/{aid['cluster']}").json()
    assert sorted(c["kind"] for c in r["contradictions"]) == ["number", "polarity"]
    assert client.get("/api/events/nope").status_code == 404


@pytest.mark.parametrize("path, detail", [
    ("/api/events?since=garbage", "not a date"),
    ("/api/claims?until=2024-13-45", "not a date"),
    ("/api/timeline?dyad=Iran", "two actors"),
    ("/api/events?type=AID&order=sideways", None),
])
def test_bad_filters_are_problem_details(client, path, detail):
    r = client.get(path)
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert set(body) == {"type", "title", "status", "detail"} and body["status"] == r.status_code
    if detail:
        assert r.status_code == 400 and detail in body["detail"]
    else:
        assert r.status_code == 422


def test_validation_404_and_csp_everywhere(client):
    assert client.get("/api/events?limit=0").status_code == 422
    assert client.get("/api/events?limit=501").status_code == 422
    missing = client.get("/api/documents/sha256:nothing")
    assert missing.status_code == 404 and missing.json()["title"] == "Not Found"
    assert client.get("/api/nothing").json()["status"] == 404
    assert client.get("/api/events?about=%00").status_code == 400
    for path in ("/api/events", "/", "/static/style.css", "/api/nothing", "/nothing", "/openapi.json", "/docs"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "object-src 'none'" in csp and "unsafe-inline" not in csp


def test_claims_entities_contradictions(client):
    claims = client.get("/api/claims", params={"about": "Iran", "min_sources": 3}).json()
    assert claims["total"] >= 3 and all(c["independent_sources"] >= 3 for c in claims["items"])
    assert {"document", "claim", "source", "cue", "content", "cluster"} <= set(claims["items"][0])
    assert [c["outlet"] for c in _ids(client, "/api/claims?source=military+analyst")] == ["observer.example"]
    entities = _ids(client, "/api/entities?type=country")
    assert {"Iran", "Syria"} <= {e["name"] for e in entities[:2]} and all(e["type"] == "country" for e in entities)
    assert [e["name"] for e in _ids(client, "/api/entities?type=person")] == [IMG]
    kinds = sorted(c["kind"] for c in _ids(client, "/api/contradictions"))
    assert kinds == ["number", "polarity", "retraction"]
    assert [c["kind"] for c in _ids(client, "/api/contradictions?kind=retraction")] == ["retraction"]


def test_graph_json_filters_and_downloads(client):
    g = client.get("/api/graph").json()
    assert g["level"] == "actor" and g["total_edges"] == len(g["edges"]) == 4
    edge = next(e for e in g["edges"] if e["type"] == "AID")
    assert (edge["actor"]["name"], edge["target"]["name"], edge["reports"], edge["denials"]) == ("Iran", "Syria", 5, 1)
    assert {n["id"] for n in g["nodes"]} >= {edge["actor"]["key"], edge["target"]["key"]}
    assert [e["type"] for e in client.get("/api/graph?type=agree").json()["edges"]] == ["AGREE"]
    assert len(client.get("/api/graph?limit=1").json()["edges"]) == 1
    assert client.get("/api/graph?level=country").json()["level"] == "country"
    assert client.get("/api/graph?since=2024-06").json()["total_edges"] == 1
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        r = client.get(f"/api/graph?format={fmt}&type=AID")
        assert r.status_code == 200 and f".{fmt}" in r.headers["content-disposition"]
        assert reader(io.BytesIO(r.content)).number_of_edges() == 1


def test_document_text_metadata_analysis(client):
    docs = client.get("/api/documents", params={"limit": 100}).json()
    assert docs["total"] == 11 and docs["items"][0]["published"] == "2024-06-03"
    wire = next(d for d in docs["items"] if d["outlet"] == "wire.example")
    r = client.get(f"/api/documents/{wire['id']}").json()
    assert r["text"].startswith("Iran has sent 3,000 soldiers") and r["outlet"] == "wire.example"
    assert r["analysis"]["document"]["text"] == r["text"]
    assert r["analysis"]["claims"][0]["source"]["text"] == "two officials"
    assert len(r["clusters"]) == 1


def test_search_documents_and_claims(client):
    hits = client.get("/api/search", params={"q": "trade agreement"}).json()
    assert len(hits["items"]) == 1 and hits["items"][0]["document_id"].startswith("sha256:")
    claims = client.get("/api/search", params={"q": "military analyst", "kind": "claims"}).json()["items"]
    assert claims and claims[0]["source"] == "a military analyst in Beirut"
    assert len(client.get("/api/search", params={"q": "Iran", "limit": 2, "offset": 1}).json()["items"]) == 2
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": '"*) OR ('}).status_code == 200


def test_timeline_per_day_week_month_actor_and_pair(client):
    day = client.get("/api/timeline", params={"about": "Iran", "interval": "day"}).json()
    assert [(b["period"], b["events"]) for b in day["buckets"]] == [
        ("2024-03-04", 1), ("2024-03-05", 0), ("2024-03-06", 1)]
    week = client.get("/api/timeline", params={"interval": "week"}).json()
    assert week["buckets"][0]["period"] == "2024-W10" and week["total"] == 4
    assert week["buckets"][0]["types"] == {"AID": 1, "AGREE": 1, "ASSAULT": 1}
    month = client.get("/api/timeline", params={"interval": "month", "type": "ASSAULT"}).json()
    assert [(b["period"], b["events"]) for b in month["buckets"]] == [
        ("2024-03", 1), ("2024-04", 0), ("2024-05", 0), ("2024-06", 1)]
    pair = client.get("/api/timeline", params={"dyad": "Turkey,Iraq"}).json()
    assert pair["dyad"] == ["Turkey", "Iraq"] and pair["total"] == 1
    assert client.get("/api/timeline", params={"dyad": "Turkey,Iran"}).json()["total"] == 0


def test_the_same_answers_on_every_database(db_url):
    """SQLite, and PostgreSQL where a server is reachable (CI starts one)."""
    store = build(db_url)
    try:
        with client_for(store) as c:
            assert c.get("/api/events").json()["total"] == 4
            aid = c.get("/api/events?type=AID").json()["items"][0]
            assert (aid["independent_sources"], aid["denials"]) == (3, 1)
            doc = aid["evidence"][0]["document"]
            assert c.get(f"/api/documents/{doc}").json()["id"] == doc
            assert c.get("/api/search?q=agreement").json()["items"]
            assert c.get("/api/timeline?about=Iran&interval=week").json()["total"] == 2
            assert c.get("/api/graph?format=gexf").status_code == 200
            assert c.get("/").status_code == 200
    finally:
        store.close()
