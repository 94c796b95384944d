"""The shipped JSON Schema of the data contract: built from model.py, and kept by real analyses."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest

import claimwatch
from claimwatch.contract import SCHEMA_FILE, build_schema, schema
from claimwatch.model import Analysis, Document
from claimwatch.nlp.state import DocState

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from contract_check import contract_problems  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "border-offensive.txt"


def test_shipped_schema_is_what_model_py_builds() -> None:
    """After a change to model.py: `python -m claimwatch.contract` regenerates the file."""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == build_schema()
    jsonschema.Draft202012Validator.check_schema(schema())


def test_schema_has_the_vocabularies_of_the_design() -> None:
    defs = schema()["$defs"]
    assert defs["Claim"]["properties"]["certainty"]["enum"] == ["certain", "probable", "possible", "unknown"]
    assert defs["Claim"]["properties"]["polarity"]["enum"] == ["positive", "negative"]
    assert defs["Source"]["properties"]["kind"]["enum"] == ["named", "unnamed", "author"]
    assert defs["Event"]["properties"]["modality"]["enum"] == ["actual", "planned", "hypothetical"]
    assert defs["Quantity"]["properties"]["bound"]["enum"] == ["exact", "lower", "upper", "approximate"]
    assert "ASSAULT" in defs["Event"]["properties"]["type"]["enum"]
    span = defs["Time"]["properties"]["span"]
    assert span["minItems"] == span["maxItems"] == 2 and span["items"]["type"] == "integer"


def test_every_analysis_of_the_suite_is_checked() -> None:
    """conftest.py wraps the one place analyses are made, so every analyze test validates its output."""
    assert DocState.to_analysis.__name__ == "checked"


def test_a_real_analysis_keeps_the_contract(nlp) -> None:
    analysis = claimwatch.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2025-03-14").to_dict()
    assert analysis["claims"] and analysis["events"] and contract_problems(analysis) == []


def test_an_unanalysed_document_keeps_the_contract() -> None:
    analysis = Analysis(Document("Правительство объявило о новых мерах.", language="ru"), analysed=False)
    assert contract_problems(analysis.to_dict()) == []


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("claims", 0, "certainty"), "likely", "is not one of"),
    (("times", 0, "span"), [3], "is too short"),
    (("times", 0, "span"), [5, 9999], "outside the text"),
])
def test_a_broken_analysis_is_caught(nlp, path, value, expected) -> None:
    analysis = claimwatch.analyze("The ministry said on Monday that the talks had failed.",
                                  published="2024-10-24").to_dict()
    target = analysis
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert any(expected in p for p in contract_problems(analysis))
