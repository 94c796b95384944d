"""The attribute ruler's rules matched by table lookup instead of spaCy's general Matcher.

en_core_web_sm's `attribute_ruler` maps fine-grained tags (and a few words) to parts of speech,
morphology and lemmas with 179 rules, nearly all of one token ("tagged VBZ, lower case 'is'"). spaCy
runs them through its Matcher, a state machine stepped for every rule at every token: about a tenth
of the whole parse. `IndexedMatcher` gives the same matches by testing each distinct combination of a
token's values once (a text repeats the same few thousand) and remembering which rules it starts;
a rule of several tokens then checks the tokens that follow. Patterns it cannot read (operators
such as "OP", attributes other than those of _ATTRIBUTES) go to a Matcher of those alone. It returns
what the Matcher it replaces returns, so spaCy's own `AttributeRuler.match` and `set_annotations`
apply the rules as before; `tests/nlp/test_attribute_index.py` compares the two over real text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import product
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import StringStore
from spacy.tokens import Doc

#: The token attributes the rules may test, by their name in a Matcher pattern, and their columns.
_ATTRIBUTES = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_NAMES = list(_ATTRIBUTES)
_COLUMNS = list(_ATTRIBUTES.values())
_MEMO_SIZE = 200_000

Row = tuple[int, ...]
#: One token of a pattern: a test of a token's values (a row of _COLUMNS).
TokenTest = Callable[[Row], bool]
Match = tuple[int, int, int]


class IndexedMatcher:
    """What an AttributeRuler's Matcher answers (`(rule key, start, end)` for every match), with the
    rules tested once per distinct token. Anything else asked of it goes to the Matcher it replaces."""

    def __init__(self, ruler: Any) -> None:
        self._original = ruler.matcher
        strings = ruler.vocab.strings
        self._residual = Matcher(ruler.vocab, validate=False)
        #: (rule key, the tests of the pattern's first token, those of the tokens after it)
        self._patterns: list[tuple[int, TokenTest, list[TokenTest]]] = []
        first_specs: list[dict[str, Any]] = []
        for index, rule in enumerate(ruler.patterns):
            key = strings.add(str(index))  # the key AttributeRuler.add gives rule `index`
            for pattern in rule["patterns"]:
                tests = [_token_test(spec, strings) for spec in pattern]
                if not tests or any(test is None for test in tests):
                    self._residual.add(key, [pattern])
                else:
                    self._patterns.append((key, tests[0], tests[1:]))  # type: ignore[arg-type]
                    first_specs.append(pattern[0])
        self._has_residual = len(self._residual) > 0
        # Most first tokens test values for equality (or IN a list): those patterns are found by looking
        # the row up, per set of columns tested; the others are tested one by one.
        self._tables: dict[tuple[int, ...], dict[Row, list[int]]] = {}
        self._tested: list[int] = []
        for n, first_spec in enumerate(first_specs):
            choices = _equality_choices(first_spec, strings)
            if choices is None:
                self._tested.append(n)
                continue
            columns = tuple(sorted(choices))
            table = self._tables.setdefault(columns, {})
            for values in product(*(choices[c] for c in columns)):
                table.setdefault(values, []).append(n)
        #: The patterns each combination of values seen starts (indexes into _patterns).
        self._memo: dict[Row, tuple[int, ...]] = {}

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False, **kwargs: Any) -> Any:
        if as_spans or kwargs:
            return self._original(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        memo = self._memo
        if len(memo) > _MEMO_SIZE:
            memo.clear()
        rows = list(map(tuple, doc.to_array(_COLUMNS).tolist()))
        matches: list[Match] = []
        for i, row in enumerate(rows):
            started = memo.get(row)
            if started is None:
                started = memo[row] = self._started_by(row)
            for n in started:
                key, _, rest = self._patterns[n]
                end = i + 1 + len(rest)
                if end <= len(rows) and all(test(rows[i + 1 + k]) for k, test in enumerate(rest)):
                    matches.append((key, i, end))
        if self._has_residual:
            matches.extend(self._residual(doc, allow_missing=allow_missing))
        return matches

    def _started_by(self, row: Row) -> tuple[int, ...]:
        """The patterns (indexes into _patterns) whose first token a token of these values matches."""
        found: list[int] = []
        for columns, table in self._tables.items():
            found.extend(table.get(tuple([row[c] for c in columns]), ()))
        found.extend(n for n in self._tested if self._patterns[n][1](row))
        return tuple(sorted(found))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)

    def __len__(self) -> int:
        return len(self._original)


def _token_test(spec: dict[str, Any], strings: StringStore) -> TokenTest | None:
    """The test of one token of a pattern, over a row of _COLUMNS: each attribute equal to a value, IN or
    NOT_IN a list, or matching a REGEX (as the Matcher reads them); None for a token it cannot read."""
    checks: list[Callable[[Row], bool]] = []
    for name, value in spec.items():
        name = name.upper()
        if name not in _ATTRIBUTES:
            return None
        check = _attribute_check(_NAMES.index(name), name == "IS_SPACE", value, strings)
        if check is None:
            return None
        checks.append(check)
    if not checks:
        return None
    return lambda row: all(check(row) for check in checks)


def _equality_choices(spec: dict[str, Any], strings: StringStore) -> dict[int, list[int]] | None:
    """For a pattern token that only tests attributes for a value or IN a list, the codes each tested
    column may hold; None for any other."""
    choices: dict[int, list[int]] = {}
    for name, value in spec.items():
        name = name.upper()
        if isinstance(value, dict):
            if set(value) != {"IN"}:
                return None
            value = value["IN"]
        codes = [_code(v, name == "IS_SPACE", strings) for v in (value if isinstance(value, list) else [value])]
        if any(c is None for c in codes):
            return None
        choices[_NAMES.index(name)] = [c for c in codes if c is not None]
    return choices


def _code(value: Any, flag: bool, strings: StringStore) -> int | None:
    """A pattern's value as `Doc.to_array` holds it: a flag's 0 or 1, a string's hash; None for other values."""
    if flag:
        return int(value) if isinstance(value, bool) else None
    return strings.add(value) if isinstance(value, str) else None


def _attribute_check(column: int, flag: bool, value: Any, strings: StringStore) -> Callable[[Row], bool] | None:
    if not isinstance(value, dict):
        wanted = _code(value, flag, strings)
        return None if wanted is None else (lambda row: row[column] == wanted)
    if len(value) != 1:
        return None
    (op, argument), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(argument, list):
        codes = [_code(v, flag, strings) for v in argument]
        if any(c is None for c in codes):
            return None
        allowed = frozenset(codes)
        return (lambda row: row[column] in allowed) if op == "IN" else (lambda row: row[column] not in allowed)
    if op == "REGEX" and isinstance(argument, str) and not flag:
        search = re.compile(argument).search
        return lambda row: search(strings[row[column]]) is not None
    return None


def index_attribute_ruler(nlp: Language) -> None:
    """Give the pipeline's attribute ruler, if it has one, an IndexedMatcher (once)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler.matcher, IndexedMatcher):
        ruler.matcher = IndexedMatcher(ruler)
