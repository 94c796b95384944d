"""LightGBM, which both learned layers (attribution's second stage, the predicates' factuality) use."""

from __future__ import annotations

from types import ModuleType


def lightgbm_module() -> ModuleType:
    """LightGBM, or an error that says how to get it: its wheel needs the system's OpenMP runtime."""
    try:
        import lightgbm
    except (ImportError, OSError) as err:
        raise RuntimeError(f"claimwatch's learned models need LightGBM, which failed to load ({err}): "
                           "`pip install lightgbm`, and on Debian or Ubuntu `apt install libgomp1`") from err
    return lightgbm
