"""LightGBM, which both learned layers (attribution's second stage, the predicates' factuality) use, and
how both turn categorical inputs into the codes its trees split on."""

from __future__ import annotations

import ctypes
import importlib.util
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import numpy as np


def lightgbm_module() -> ModuleType:  # training only: the analysis evaluates trees with Trees
    """LightGBM, or an error that says how to get it: its wheel needs the system's OpenMP runtime."""
    try:
        import lightgbm
    except (ImportError, OSError) as err:
        raise RuntimeError(f"claimwatch's learned models need LightGBM, which failed to load ({err}): "
                           "`pip install lightgbm`, and on Debian or Ubuntu `apt install libgomp1`") from err
    return lightgbm


def known_values(rows: Iterable[Sequence[str]], names: Sequence[str], minimum: int) -> dict[str, list[str]]:
    """Per categorical input (`names`, the columns of `rows`), the values seen at least `minimum` times,
    sorted: the values the trees will know; rarer ones share one code."""
    counts: dict[str, Counter] = {name: Counter() for name in names}
    for values in rows:
        for name, value in zip(names, values, strict=True):
            counts[name][value] += 1
    return {name: sorted(v for v, n in counts[name].items() if n >= minimum) for name in names}


def value_codes(categories: dict[str, list[str]], names: Sequence[str]) -> dict[str, dict[str, int]]:
    """Each known value's code: i + 1 for the i-th of its input in `categories`; 0 stays for any other."""
    return {name: {v: i + 1 for i, v in enumerate(categories.get(name, []))} for name in names}


#: LightGBM's C API constants (c_api.h): 64-bit floats, row-major rows, the normal prediction.
_FLOAT64, _ROW_MAJOR, _NORMAL_PREDICTION = 1, 1, 0
#: The same prediction settings as Booster.predict(rows, num_threads=1) passes.
_PREDICT_PARAMETERS = b"num_threads=1"


@lru_cache(maxsize=1)
def _library() -> ctypes.CDLL | None:
    """LightGBM's shared library, loaded without its Python package; None where it cannot be found or
    loaded (then Trees falls back to the package, which says how to install what is missing)."""
    try:
        spec = importlib.util.find_spec("lightgbm")  # finds the package without running its __init__
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for name in ("lib/lib_lightgbm.so", "lib/lib_lightgbm.dylib", "lib/lib_lightgbm.dll", "lib_lightgbm.so"):
            path = Path(folder) / name
            if path.is_file():
                try:
                    return _declare(ctypes.CDLL(str(path)))
                except (OSError, AttributeError):
                    return None
    return None


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """The argument and result types of the few C functions Trees calls."""
    handle = ctypes.c_void_p
    lib.LGBM_GetLastError.restype = ctypes.c_char_p
    lib.LGBM_BoosterLoadModelFromString.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int),
                                                    ctypes.POINTER(handle)]
    lib.LGBM_BoosterGetNumFeature.argtypes = [handle, ctypes.POINTER(ctypes.c_int)]
    lib.LGBM_BoosterPredictForMat.argtypes = [
        handle, ctypes.c_void_p, ctypes.c_int, ctypes.c_int32, ctypes.c_int32, ctypes.c_int, ctypes.c_int,
        ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int64), ctypes.c_void_p]
    lib.LGBM_BoosterFree.argtypes = [handle]
    return lib


class Trees:
    """Gradient-boosted trees from LightGBM's text format (Booster.model_to_string), for prediction.

    The analysis calls LightGBM's shared library directly, through its C API, rather than its Python
    package: importing the package imports SciPy and narwhals, a fifth of a second of every process's
    start for nothing the prediction needs. The library is the one the package loads and the call the
    one Booster.predict makes, so the predictions are LightGBM's, bit for bit. (Trees evaluated in
    numpy gave the same predictions but took four times as long on a document's few hundred rows.)
    Where the library cannot be loaded on its own, the package's Booster does the work."""

    def __init__(self, model: str) -> None:
        self.model = model
        self._lib = _library()
        self._booster = None
        self._handle = ctypes.c_void_p()
        if self._lib is None:
            self._booster = lightgbm_module().Booster(model_str=model)
            self.num_features = self._booster.num_feature()
            return
        iterations = ctypes.c_int()
        self._check(self._lib.LGBM_BoosterLoadModelFromString(model.encode("utf-8"), ctypes.byref(iterations),
                                                               ctypes.byref(self._handle)))
        features = ctypes.c_int()
        self._check(self._lib.LGBM_BoosterGetNumFeature(self._handle, ctypes.byref(features)))
        self.num_features = features.value

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """What Booster.predict(rows, num_threads=1) gives: one prediction per row of `rows`."""
        if self._booster is not None:
            return self._booster.predict(rows, num_threads=1)
        x = np.ascontiguousarray(rows, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.num_features:
            raise ValueError(f"the trees read rows of {self.num_features} features, not {x.shape[1:]}")
        out = np.empty(x.shape[0], dtype=np.float64)
        if not len(x):
            return out
        written = ctypes.c_int64()
        self._check(self._lib.LGBM_BoosterPredictForMat(
            self._handle, x.ctypes.data, _FLOAT64, x.shape[0], x.shape[1], _ROW_MAJOR, _NORMAL_PREDICTION,
            0, -1, _PREDICT_PARAMETERS, ctypes.byref(written), out.ctypes.data))
        if written.value != len(out):
            raise RuntimeError(f"LightGBM wrote {written.value} predictions for {len(out)} rows")
        return out

    def _check(self, status: int) -> None:
        if status != 0:
            raise RuntimeError(f"LightGBM: {self._lib.LGBM_GetLastError().decode('utf-8', 'replace')}")

    def __del__(self) -> None:
        if getattr(self, "_lib", None) is not None and self._handle:
            self._lib.LGBM_BoosterFree(self._handle)
            self._handle = ctypes.c_void_p()

    def __reduce__(self) -> tuple:
        # A handle means nothing in another process: send the model's text and load it there.
        return (Trees, (self.model,))
