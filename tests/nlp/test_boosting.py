"""Trees (claimwatch.nlp.boosting): LightGBM's predictions without importing its Python package."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from claimwatch.nlp import boosting
from claimwatch.nlp.boosting import Trees, lightgbm_module

_PARAMETERS = {"num_leaves": 15, "min_data_in_leaf": 5, "learning_rate": 0.1, "seed": 0, "deterministic": True,
               "force_row_wise": True, "num_threads": 1, "verbose": -1, "cat_smooth": 1.0}


def _data(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Rows with two numbers (one often missing) and a category code; a label that depends on all three."""
    rng = np.random.default_rng(seed)
    n = 600
    x = np.column_stack([rng.normal(size=n), rng.normal(size=n), rng.integers(0, 12, size=n).astype(float)])
    x[rng.random(n) < 0.2, 1] = np.nan
    y = (x[:, 0] + np.nan_to_num(x[:, 1], nan=1.0) + (x[:, 2] % 3 == 0) > 0.5).astype(float)
    return x, y


def _model(objective: str, **extra: object) -> tuple[str, np.ndarray]:
    lightgbm = lightgbm_module()
    x, y = _data()
    data = lightgbm.Dataset(x, y, categorical_feature=[2], **extra)
    booster = lightgbm.train(dict(_PARAMETERS, objective=objective), data, num_boost_round=30)
    return booster.model_to_string(), x


def _probe_rows() -> np.ndarray:
    """Rows the trees have not seen, with missing values, unknown and negative category codes."""
    x, _ = _data(seed=1)
    x[:5, 0] = np.nan
    x[5:10, 2] = [-1.0, 40.0, np.nan, 0.0, 1e9]
    return x


@pytest.mark.parametrize("objective", ["binary", "regression"])
def test_trees_predict_what_lightgbm_predicts_bit_for_bit(objective):
    model, _ = _model(objective)
    rows = _probe_rows()
    expected = lightgbm_module().Booster(model_str=model).predict(rows, num_threads=1)
    assert np.array_equal(Trees(model).predict(rows), expected)


def test_trees_of_a_ranker_predict_what_lightgbm_predicts():
    model, _ = _model("lambdarank", group=[6] * 100)
    rows = _probe_rows()
    expected = lightgbm_module().Booster(model_str=model).predict(rows, num_threads=1)
    assert np.array_equal(Trees(model).predict(rows), expected)


def test_trees_take_no_rows_and_refuse_rows_of_another_width():
    model, _ = _model("binary")
    trees = Trees(model)
    assert trees.predict(np.zeros((0, 3))).shape == (0,)
    with pytest.raises(ValueError, match="3 features"):
        trees.predict(np.zeros((2, 4)))


def test_trees_travel_to_another_process_as_their_model_text():
    model, x = _model("binary")
    trees = Trees(model)
    copy = pickle.loads(pickle.dumps(trees))
    assert copy.model == model and np.array_equal(copy.predict(x), trees.predict(x))


def test_without_the_shared_library_the_package_predicts(monkeypatch):
    model, x = _model("binary")
    expected = Trees(model).predict(x)
    monkeypatch.setattr(boosting, "_library", lambda: None)
    assert np.array_equal(Trees(model).predict(x), expected)


def test_the_analysis_loads_its_models_without_importing_lightgbm():
    import subprocess
    import sys

    code = ("import sys\n"
            "from claimwatch.nlp.attribution.cue_model import load_model\n"
            "from claimwatch.nlp.certainty.factuality_model import load_factuality_model\n"
            "load_model(); load_factuality_model()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lightgbm', 'scipy')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
