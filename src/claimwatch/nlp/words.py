"""Small word constants and helpers that several components share, defined once."""

from __future__ import annotations

import re

#: Month names and their usual abbreviations → month number.
MONTHS: dict[str, int] = {
    **{name: n for n, name in enumerate(
        "january february march april may june july august september october november december".split(), 1)},
    **{abbr: n for n, abbr in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    "sept": 9,
}
#: Weekday names → Monday = 0.
WEEKDAYS: dict[str, int] = {name: n for n, name in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
#: A word of letters (any script), for splitting text into words.
WORD = re.compile(r"[^\W\d_]+")


def whole(value: float) -> int | float:
    """An int where the number is whole (12.0 → 12), else the number: how figures are shown."""
    return int(value) if float(value).is_integer() else value
