"""`claimwatch timeline` (printed and drawn), `graph --plot`, and `analyze --format csv`."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimwatch.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "knowledge"))
from knowledge_corpus import store_file  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return store_file(tmp_path_factory.mktemp("kb") / "kb.db")


def _ok(args: list[str]):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result


def test_timeline_counts_events_reports_and_sources(db):
    weeks = json.loads(_ok(["timeline", "--db", db, "--by", "week", "--format", "json"]).stdout)
    assert [(w["period"], w["events"]) for w in weeks] == [("2024-W10", 3)]
    [week] = weeks
    # AID 6 reports (3 sources), ASSAULT 3 (2: the retraction is no source), AGREE 1 (1)
    assert (week["reports"], week["independent_sources"]) == (6 + 3 + 1, 3 + 2 + 1)
    days = json.loads(_ok(["timeline", "--db", db, "--about", "Iran", "--format", "json"]).stdout)
    assert [d["period"] for d in days] == ["2024-03-04", "2024-03-05", "2024-03-06"]
    assert days[0]["independent_sources"] == 3 and days[1]["events"] == 0  # quiet days are filled
    pair = list(csv.DictReader(io.StringIO(_ok(["timeline", "--db", db, "--dyad", "Turkey", "Iraq", "--by",
                                                "month", "--format", "csv"]).stdout)))
    assert [(r["period"], r["events"], r["types.ASSAULT"]) for r in pair] == [("2024-03", "1", "1")]
    assert json.loads(_ok(["timeline", "--db", db, "--type", "AGREE", "--format", "json"]).stdout)[0]["events"] == 1


@pytest.mark.parametrize("name", ["t.png", "t.svg"])
def test_timeline_and_graph_plots(db, tmp_path, name):
    out = tmp_path / name
    _ok(["timeline", "--db", db, "--plot", str(out)])
    assert out.stat().st_size > 1000
    graph = tmp_path / ("g" + name)
    _ok(["graph", "--db", db, "--level", "country", "--plot", str(graph)])
    head = graph.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if name.endswith(".png") else b"<svg" in graph.read_bytes()[:2000]


def test_a_plot_needs_png_or_svg(db, tmp_path):
    result = runner.invoke(app, ["timeline", "--db", db, "--plot", str(tmp_path / "t.pdf")])
    assert result.exit_code == 2 and ".png or .svg" in result.output


def test_analyze_format_csv_writes_claims_and_events(tmp_path, monkeypatch):
    from knowledge_corpus import Builder

    b = Builder("Iran sent 3,000 soldiers to Syria, two officials said.", "2024-03-04", "wire.example")
    iran, syria = b.entity("Iran"), b.entity("Syria")
    c = b.claim("two officials", "said", "Iran sent 3,000 soldiers to Syria", kind="unnamed")
    b.event("AID", "sent", iran, syria, claim=c, size=3000)
    monkeypatch.setattr("claimwatch.batch.workers.analyze_parallel",
                        lambda docs, workers: ((b.analysis, name) for _doc, name in docs))
    source = tmp_path / "a.txt"
    source.write_text(b.doc.text)
    result = runner.invoke(app, ["analyze", str(source), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["kind"] for r in rows] == ["claim", "event"]
    assert rows[0]["content"] == "Iran sent 3,000 soldiers to Syria" and rows[1]["actor"] == "Iran"
    assert rows[1]["type"] == "AID" and rows[1]["size"] == "3000"
