"""Every export read back by its own ecosystem's reader: followthemoney's model, pyarrow (and DuckDB),
a GeoJSON check, the GDELT column layout, schema.org Claim fields; a contradiction and an
independent-source count survive each."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimwatch.cli import app
from claimwatch.knowledge import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "knowledge"))
from knowledge_corpus import Builder, corpus  # noqa: E402

runner = CliRunner()
AID_SOURCES = 3  # the AID Iran → Syria cluster: 6 reports, 3 independent sources, 1 denial (the corpus)


def _protest_in_aleppo() -> Builder:
    """An event at a place with coordinates (the hand-built corpus has none)."""
    b = Builder("Protesters rallied in Aleppo on Friday against rising prices, local media said.", "2024-03-08",
                "herald.example")
    aleppo = b.entity("Aleppo", "place", "SYR")
    place = b.analysis.entity(aleppo)
    place.latitude, place.longitude, place.geonames = 36.20124, 37.16117, 170063
    c = b.claim("local media", "said", "Protesters rallied in Aleppo on Friday against rising prices",
                kind="unnamed")
    b.event("PROTEST", "rallied", None, None, claim=c, location=aleppo)
    return b


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb") / "kb.db"
    store = Store(path)
    for b in [*corpus(), _protest_in_aleppo()]:
        store.add(b.analysis, outlet=b.outlet)
    store.close()
    return str(path)


def _export(db: str, *args: str) -> str:
    result = runner.invoke(app, ["export", *args, "--db", db])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ftm_entities_validate_against_the_model(db, tmp_path):
    from followthemoney import model

    out = tmp_path / "x.ftm.json"
    _export(db, "ftm", "-o", str(out))
    entities = [json.loads(line) for line in out.read_text().splitlines()]
    ids = {e["id"] for e in entities}
    for data in entities:
        proxy = model.get_proxy(data, cleaned=False)
        for name in proxy.schema.required:
            assert proxy.get(name), (data, name)
        for prop, values in proxy.itervalues():
            assert prop.type.validate(values), (prop, values)
            if prop.type.name == "entity":
                assert values in ids  # every link points at an exported entity
    by_schema = {}
    for e in entities:
        by_schema.setdefault(e["schema"], []).append(e)
    assert {"PublicBody", "Organization", "Article", "Event", "Documentation", "Note", "Address"} <= set(by_schema)
    iran = next(e for e in by_schema["PublicBody"] if e["properties"]["name"] == ["Iran"])
    assert iran["properties"]["country"] == ["ir"]
    aid = next(e for e in by_schema["Event"] if "AID" in e["properties"]["name"][0])
    assert f"independent sources: {AID_SOURCES}" in aid["properties"]["summary"][0]
    assert iran["id"] in aid["properties"]["involved"]
    assert any(n["properties"]["entity"] == [aid["id"]] and "number" in n["properties"]["name"][0]
               for n in by_schema["Note"])
    aleppo = next(e for e in by_schema["Address"] if e["properties"]["full"] == ["Aleppo"])
    assert aleppo["properties"]["latitude"] == ["36.20124"]


def test_gdelt_tsv_has_61_typed_columns(db, tmp_path):
    from claimwatch.export.gdelt import columns

    text = _export(db, "gdelt", "--header")
    lines = text.splitlines()
    header, rows = lines[0].split("\t"), [line.split("\t") for line in lines[1:]]
    assert len(header) == 61 and header[0] == "GLOBALEVENTID" and header[-1] == "SOURCEURL"
    assert header == columns() and rows
    for row in rows:
        assert len(row) == 61
        cell = dict(zip(header, row, strict=True))
        int(cell["GLOBALEVENTID"])
        assert len(cell["SQLDATE"]) == 8 and cell["SQLDATE"].isdigit()
        assert cell["MonthYear"] == cell["SQLDATE"][:6] and cell["Year"] == cell["SQLDATE"][:4]
        float(cell["FractionDate"])
        assert cell["GoldsteinScale"] == cell["AvgTone"] == cell["DATEADDED"] == ""  # unknown: left empty
        for name in ("NumMentions", "NumSources", "NumArticles"):
            int(cell[name])
    aid = next(dict(zip(header, r, strict=True)) for r in rows if r[header.index("EventRootCode")] == "07")
    assert (aid["Actor1Name"], aid["Actor1CountryCode"], aid["Actor1Code"]) == ("Iran", "IRN", "IRN")
    assert (aid["Actor2CountryCode"], aid["EventCode"], aid["QuadClass"]) == ("SYR", "070", "2")
    assert (aid["NumSources"], aid["NumArticles"]) == (str(AID_SOURCES), "6")
    assert aid["SQLDATE"] == "20240304" and aid["SOURCEURL"].startswith("https://")
    protest = next(dict(zip(header, r, strict=True)) for r in rows if r[header.index("EventRootCode")] == "14")
    assert (float(protest["ActionGeo_Lat"]), float(protest["ActionGeo_Long"])) == (36.20124, 37.16117)
    assert protest["ActionGeo_FullName"] == "Aleppo" and protest["Actor1Name"] == ""
    assert len(_export(db, "gdelt").splitlines()) == len(rows)  # no header without --header


def test_parquet_tables_load_with_pyarrow_and_duckdb(db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    _export(db, "parquet", "-o", str(tmp_path))
    tables = {name: pq.read_table(tmp_path / f"{name}.parquet")
              for name in ("events", "reports", "claims", "entities", "contradictions")}
    events = tables["events"]
    assert events.schema.field("independent_sources").type == pa.int64()
    assert events.schema.field("happened_from").type == pa.date32()
    assert events.schema.field("latitude").type == pa.float64()
    rows = events.to_pylist()
    aid = next(r for r in rows if r["type"] == "AID")
    assert (aid["independent_sources"], aid["denials"], aid["contradictions"]) == (AID_SOURCES, 1, 2)
    assert tables["reports"].num_rows == sum(r["reports"] for r in rows)
    kinds = set(tables["contradictions"].column("kind").to_pylist())
    assert kinds == {"number", "polarity", "retraction"}
    assert tables["claims"].schema.field("published").type == pa.date32()
    duckdb = pytest.importorskip("duckdb")
    found = duckdb.sql(f"SELECT e.type, count(*) FROM '{tmp_path}/reports.parquet' r JOIN "
                       f"'{tmp_path}/events.parquet' e USING (cluster) WHERE e.independent_sources = {AID_SOURCES} "
                       "GROUP BY e.type").fetchall()
    assert found == [("AID", 6)]


def test_csv_tables(db, tmp_path):
    _export(db, "csv", "-o", str(tmp_path))
    with (tmp_path / "events.csv").open() as f:
        events = list(csv.DictReader(f))
    aid = next(r for r in events if r["type"] == "AID")
    assert (aid["independent_sources"], aid["contradictions"]) == (str(AID_SOURCES), "2")
    with (tmp_path / "contradictions.csv").open() as f:
        assert {r["kind"] for r in csv.DictReader(f)} == {"number", "polarity", "retraction"}


def test_geojson_points_at_places(db):
    collection = json.loads(_export(db, "geojson"))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["type"] == "Feature" and feature["geometry"] == {"type": "Point",
                                                                    "coordinates": [37.16117, 36.20124]}
    props = feature["properties"]
    assert (props["type"], props["place"], props["date"], props["independent_sources"]) == (
        "PROTEST", "Aleppo", "2024-03-08", 1)
    assert props["contradictions"] == 0 and props["evidence_url"].startswith("https://herald.example/")


def test_jsonld_schema_org_claims(db):
    document = json.loads(_export(db, "jsonld"))
    assert document["@context"]["@vocab"] == "https://schema.org/"
    claims = document["@graph"]
    for claim in claims:
        assert claim["@type"] == "Claim" and claim["text"] and claim["datePublished"]
        assert claim["author"]["name"]
        assert all(a["url"].startswith("https://") and a["datePublished"] for a in claim["appearance"])
    aid = [c for c in claims if "3,000 soldiers" in c["text"]]
    assert aid and all(c["cw:independentSources"] == AID_SOURCES and c["cw:denials"] == 1 for c in aid)
    assert {x["cw:kind"] for x in aid[0]["cw:contradictions"]} == {"number", "polarity"}
    denial = next(c for c in claims if c["author"]["name"] == "Iran's foreign ministry")
    assert denial["author"]["@type"] == "Organization" and denial["cw:polarity"] == "negative"


def test_export_filters_and_errors(db, tmp_path):
    text = _export(db, "gdelt", "--about", "Turkey")
    assert len(text.splitlines()) == 1
    result = runner.invoke(app, ["export", "gdelt", "--db", db, "--since", "soon"])
    assert result.exit_code == 2 and "not a date" in result.output
