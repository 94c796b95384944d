"""`claimwatch bench store`: a synthetic store built from a few analysed texts, its rows in JSON
(what is measured is not checked: no timings in tests)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from claimwatch.cli import app
from claimwatch.knowledge import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "knowledge"))
from knowledge_corpus import store_file  # noqa: E402

runner = CliRunner()

TEXTS = {
    "wire_2024-03-04_talks.txt": "Russian and Ukrainian officials met in Istanbul on Monday, the foreign ministry "
                                 "said. Maria Okafor, the mediator, said the talks would resume next week.",
    "post_2024-03-05_strike.txt": "Turkish jets struck a village in northern Iraq on Tuesday, killing 12 people, "
                                  "local officials said.",
    "herald_2024-03-06_aid.txt": "Iran has sent 3,000 soldiers to Syria to support government forces, two "
                                 "officials said on Wednesday.",
}


def test_bench_store_builds_and_times_each_size(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in TEXTS.items():
        (texts / name).write_text(text)
    args = ["bench", "store", "--documents", "4", "--documents", "9", "--texts", str(texts), "--base", "3",
            "--cache", str(tmp_path / "cache"), "--repeat", "1", "--batch", "4", "--about", "Iran",
            "--db", str(tmp_path / "bench.db"), "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert [row["documents"] for row in report["rows"]] == [4, 9]
    assert {"ingest docs/s", "KB/doc", "events --about", "claims", "graph"} <= set(report["rows"][0])
    assert list((tmp_path / "cache").glob("*.jsonl"))  # the analyses are kept for the next run
    again = runner.invoke(app, args)  # the same store is not written twice
    assert again.exit_code == 2 and "not empty" in again.output


def test_bench_store_needs_sizes(tmp_path):
    result = runner.invoke(app, ["bench", "store"])
    assert result.exit_code == 2


def test_bench_db_times_the_five_whole_store_queries(tmp_path):
    db = store_file(tmp_path / "news.db")
    result = runner.invoke(app, ["bench", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{"):])
    with Store(db) as store:
        expected = {"events": len(store.events()), "claims": len(store.claims()),
                    "contradictions": len(store.contradictions()), "graph": len(store.graph_edges()),
                    "entities": len(store.entities())}
    assert {row["query"]: row["records"] for row in report["rows"]} == expected
    assert expected["events"] and expected["contradictions"]  # the corpus answers each query


def test_bench_db_refuses_a_store_that_does_not_exist(tmp_path):
    result = runner.invoke(app, ["bench", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2 and "no store at" in result.stderr
    assert not (tmp_path / "missing.db").exists()
