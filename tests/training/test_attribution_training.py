"""Training the cue model: on a tiny hand-written PolNeAR-style folder, and loading the shipped model."""

from __future__ import annotations

import json
import time
from pathlib import Path

from typer.testing import CliRunner

from claimwatch.nlp.attribution.cue_model import MODEL_PATH, CueModel, load_model
from claimwatch.training.attribution import fit, train

TEXT = ("The mayor said that the bridge would reopen in May. Engineers believe the river rose too fast.\n"
        "The council voted on Tuesday. Residents complained that the roads were closed.\n")


def _ann(text: str, items: list[tuple[str, str, str]]) -> str:
    lines, n = [], 1
    for e, (source, cue, content) in enumerate(items, 1):
        refs = []
        for role, phrase in (("Source", source), ("Cue", cue), ("Content", content)):
            start = text.index(phrase)
            lines.append(f"T{n}\t{role} {start} {start + len(phrase)}\t{phrase}")
            refs.append(f"{role}:T{n}")
            n += 1
        lines.append(f"E{e}\tAttribution:T{n - 2} " + " ".join(refs))
    return "\n".join(lines) + "\n"


def _corpus(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    gold = [("The mayor", "said", "that the bridge would reopen in May"),
            ("Engineers", "believe", "the river rose too fast"),
            ("Residents", "complained", "that the roads were closed")]
    for name in ("a1", "a2"):
        (root / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        (root / "attributions" / f"{name}_x.ann").write_text(_ann(TEXT, gold), encoding="utf-8")
    return root


def test_train_writes_a_model_that_separates_cues(tmp_path):
    out = tmp_path / "model.json"
    summary = train(_corpus(tmp_path / "corpus"), out)
    assert summary["candidates"] > summary["positives"] >= 6
    model = CueModel.from_dict(json.loads(out.read_text()))
    assert model.probability(["lemma=say", "config=ccomp"]) > model.probability(["lemma=vote", "config=prep_on"])


def test_train_command(tmp_path):
    from claimwatch.cli.train import app

    out = tmp_path / "m.json"
    result = CliRunner().invoke(app, ["attribution", str(_corpus(tmp_path / "c")), "--out", str(out), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert out.exists() and '"model": "attribution"' in result.output


def test_fit_is_deterministic():
    examples = [(["a", "b"], 1), (["a", "c"], 0), (["b"], 1), (["c"], 0)] * 3
    assert fit(examples).weights == fit(examples).weights


def test_shipped_model_loads_fast_and_knows_reporting_verbs():
    load_model.cache_clear()
    began = time.perf_counter()
    model = load_model(MODEL_PATH)
    assert time.perf_counter() - began < 0.5
    said = ["kind=verb", "lemma=say", "config=ccomp", "subj=propn", "quote=False", "lex=speech",
            "lex_config=speech|ccomp"]
    walked = ["kind=verb", "lemma=walk", "config=prep_to", "subj=propn", "quote=False", "lex=other"]
    assert model.probability(said) >= model.threshold > model.probability(walked)
