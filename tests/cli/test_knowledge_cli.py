"""The knowledge commands print what `claimwatch.Store` answers: JSON Lines, JSON, CSV, tables, graphs."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from claimwatch.cli.knowledge import app
from claimwatch.knowledge import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "knowledge"))
from knowledge_corpus import store_file  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return store_file(tmp_path_factory.mktemp("kb") / "kb.db")


def _jsonl(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_events_as_json_lines_with_the_contract_fields(db):
    [aid] = _jsonl(["events", "--db", db, "--about", "Iran", "--type", "AID", "--format", "jsonl"])
    for key in ("cluster", "type", "actor", "target", "location", "first_reported", "reports", "outlets",
                "independent_sources", "denials", "size", "dead", "evidence"):
        assert key in aid
    assert (aid["reports"], aid["independent_sources"], aid["denials"]) == (6, 3, 1)
    assert {"document", "outlet", "claim", "text"} <= set(aid["evidence"][0])


def test_min_sources_and_contradictions(db):
    assert [e["type"] for e in _jsonl(["events", "--db", db, "--min-sources", "2", "--format", "jsonl"])] == [
        "AID", "ASSAULT"]
    kinds = sorted(c["kind"] for c in _jsonl(["contradictions", "--db", db, "--format", "jsonl"]))
    assert kinds == ["number", "polarity", "retraction"]


def test_claims_csv_and_json(db):
    result = runner.invoke(app, ["claims", "--db", db, "--about", "Iran", "--min-sources", "3", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"document", "outlet", "cluster", "independent_sources", "source.text"} <= set(rows[0])
    result = runner.invoke(app, ["entities", "--db", db, "--format", "json"])
    assert any(e["country"] == "SYR" for e in json.loads(result.stdout))


def test_table_on_a_terminal(db):
    result = runner.invoke(app, ["events", "--db", db, "--format", "table"])
    assert result.exit_code == 0 and "AID" in result.stdout and "events (3)" in result.stdout


def test_graph_exports(db, tmp_path):
    out = tmp_path / "g.graphml"
    assert runner.invoke(app, ["graph", "--db", db, "--export", "graphml", "-o", str(out)]).exit_code == 0
    graph = nx.read_graphml(out)
    assert graph.has_edge("country:IRN", "country:SYR")
    gexf = tmp_path / "g.gexf"
    assert runner.invoke(app, ["graph", "--db", db, "--until", "2024-03-07", "--export", "gexf",
                               "-o", str(gexf)]).exit_code == 0
    assert not nx.read_gexf(gexf).has_edge("country:TUR", "country:IRQ")
    edges = _jsonl(["graph", "--db", db, "--format", "jsonl"])
    assert {(e["actor"]["key"], e["type"], e["target"]["key"]) for e in edges} >= {
        ("country:IRN", "AID", "country:SYR"), ("country:TUR", "ASSAULT", "country:IRQ")}


def test_errors_are_one_line_and_nonzero(db, tmp_path):
    result = runner.invoke(app, ["events", "--db", db, "--since", "last week"])
    assert result.exit_code == 2 and "not a date" in result.output
    result = runner.invoke(app, ["graph", "--db", db, "--export", "dot"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["events", "--db", "mysql+nodriver://x/y"])
    assert result.exit_code == 2 and "cannot open store" in result.output


def test_ingest_dates_undated_files_with_published(tmp_path):
    (tmp_path / "a.txt").write_text("Rebels said on Monday that they had attacked an army base near the border.\n")
    db = str(tmp_path / "dated.db")
    bad = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--published", "last week"])
    assert bad.exit_code == 2 and "not an ISO date" in bad.output
    ok = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--published", "2025-02-03", "--format", "json"])
    assert ok.exit_code == 0, ok.output
    [doc] = Store(db).documents()
    assert doc["published"] == "2025-02-03"


def test_ingest_with_a_metadata_table_and_copies_from_other_outlets(tmp_path):
    story = ("Rebel fighters attacked an army base near the border town of Adre in Chad on Monday, killing four "
             "soldiers, officials said.\n")
    corpus_dir = tmp_path / "texts"
    corpus_dir.mkdir()
    (corpus_dir / "wire.txt").write_text(story)
    (corpus_dir / "reprint.txt").write_text(story)  # the same text, published by another outlet
    (corpus_dir / "undated.txt").write_text("Witnesses said soldiers had left the garrison at Geneina.\n")
    table = tmp_path / "meta.csv"
    table.write_text("file,published,outlet\nwire.txt,2025-02-03,wire.example\nreprint.txt,2025-02-04,daily.example\n")
    db = str(tmp_path / "kb.db")
    result = runner.invoke(app, ["ingest", str(corpus_dir), "--db", db, "--metadata", str(table), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["stored"] == 3 and summary["copies"] == 1 and summary["analysed"] == 2
    docs = {d["outlet"]: d for d in Store(db).documents()}
    # one text, two publications: the one stored second is the copy (the files are read in name order)
    assert docs["wire.example"]["copy_of"] == docs["daily.example"]["id"]
    [cluster] = Store(db).events().to_dicts()
    assert cluster["reports"] == 2 and cluster["copies"] == 1 and cluster["independent_sources"] == 1
    assert (docs["wire.example"]["published"], docs["daily.example"]["published"]) == ("2025-02-03", "2025-02-04")
    assert docs[None]["published"] is None  # no date of its own and none in the table: undated
    again = runner.invoke(app, ["ingest", str(corpus_dir), "--db", db, "--metadata", str(table), "--format", "json"])
    assert json.loads(again.stdout)["duplicates"] == 3
    bad = runner.invoke(app, ["ingest", str(corpus_dir), "--db", db, "--metadata", str(tmp_path / "none.tsv")])
    assert bad.exit_code == 2 and "no such file" in bad.output


def test_graph_at_country_level_and_the_undated_count(db):
    edges = _jsonl(["graph", "--db", db, "--level", "country"])
    assert {(e["actor"]["key"], e["type"], e["target"]["key"]) for e in edges} >= {
        ("country:IRN", "AID", "country:SYR"), ("country:TUR", "ASSAULT", "country:IRQ")}
    bad = runner.invoke(app, ["graph", "--db", db, "--level", "planet"])
    assert bad.exit_code == 2
    result = runner.invoke(app, ["events", "--db", db, "--since", "2024-03-08", "--format", "jsonl"])
    assert result.exit_code == 0 and "undated" not in result.stderr
