import json

from claimwatch.model import Analysis, Claim, Document, Excluded, Source, TextSpan, content_id


def test_document_id_is_the_content_hash():
    assert Document(text="abc").id == content_id("abc")
    assert Document(text="abc").id != Document(text="abd").id


def test_included_regions_skip_excluded_spans():
    doc = Document(text="0123456789", excluded=[Excluded((6, 10), "x"), Excluded((2, 3), "y")])
    assert doc.included_regions() == [(0, 2), (3, 6)]
    assert doc.is_excluded((7, 9))
    assert not doc.is_excluded((1, 4))


def test_to_json_has_the_contract_fields_with_spans_as_lists():
    claim = Claim("c1", Source("Officials", (0, 9), "unnamed"), TextSpan("said", (10, 14)), TextSpan("x", (15, 16)))
    out = json.loads(Analysis(Document(text="Officials said x"), claims=[claim]).to_json())
    assert set(out) >= {"document", "entities", "claims", "events", "quantities", "times"}
    assert out["claims"][0]["source"] == {"text": "Officials", "span": [0, 9], "kind": "unnamed", "entity": None}
    assert out["claims"][0]["cue"]["span"] == [10, 14]
    assert out["document"]["excluded"] == []
