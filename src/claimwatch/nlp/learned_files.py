"""How the shipped models are stored: JSON, gzip-compressed when the name ends in .gz, byte for byte the
same for the same model (sorted keys, no time stamp), so that retraining can be checked with `cmp`."""

from __future__ import annotations

import gzip
import json
from pathlib import Path


def read_model_json(path: Path) -> dict:
    raw = path.read_bytes()
    return json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)


def read_model_bytes(path: Path, what: str, train_command: str) -> bytes:
    """The bytes of a shipped binary model; a missing file says which model it is and how to train one."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no {what} (train one with `{train_command}`)")
    return path.read_bytes()


def write_model_json(data: dict, path: Path) -> None:
    encoded = json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(encoded, mtime=0) if path.suffix == ".gz" else encoded)
