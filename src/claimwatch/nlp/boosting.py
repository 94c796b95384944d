"""LightGBM, which both learned layers (attribution's second stage, the predicates' factuality) use, and
how both turn categorical inputs into the codes its trees split on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from types import ModuleType


def lightgbm_module() -> ModuleType:
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
