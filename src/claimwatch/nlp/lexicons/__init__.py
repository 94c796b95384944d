"""The word lists of the nlp components, as data files in this folder, read through one cached loader.

- `word_set("hedges.txt")`: a plain list, one entry a line; a line starting with `#` is a comment.
- `word_table("countries.tsv")`: rows of tab-separated columns (comments and blank lines skipped).
- `json_data("plover_triggers.json")`: a JSON document.

Each file says at its top what its entries are and where they come from; code keeps only the rules.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """The text of a lexicon file of this folder."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    """The lines that are entries: not blank, not a comment (a line whose first character is `#`)."""
    return [line.rstrip("\n") for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")]


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of a one-entry-a-line list, stripped."""
    return frozenset(line.strip() for line in _lines(name))


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of a one-entry-a-line list, in file order (where order matters)."""
    return tuple(line.strip() for line in _lines(name))


@cache
def word_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated table, each a tuple of stripped cells."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


@cache
def json_data(name: str) -> Any:
    """A JSON lexicon."""
    return json.loads(read_text(name))
