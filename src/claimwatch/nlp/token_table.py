"""The parse of a Doc as plain lists, read once per Doc.

`doc[i]` makes a new Token object on every call, and each of its attributes (`head`, `dep_`,
`left_edge`) another object or string lookup. The attribution rules ask the same few questions of the
same tokens for every reading of every candidate, over a million times in a hundred articles; a
TokenTable answers them from lists built in one pass over the Doc.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

_KEY = ("claimwatch", "token_table")


@dataclass(frozen=True)
class TokenTable:
    """Per token of one Doc, by index: its head's index (its own for a root), dependency label, the
    first and last token of its subtree, whether it is punctuation or whitespace, and its lower case."""

    head: list[int]
    dep: list[str]
    left_edge: list[int]
    right_edge: list[int]
    is_punct: list[bool]
    is_space: list[bool]
    lower: list[str]


def token_table(doc: Doc) -> TokenTable:
    """The Doc's TokenTable, built on first use and kept in `doc.user_data` (a Doc is parsed once and
    not changed after; a table of another length, from a Doc changed since, is built again)."""
    table = doc.user_data.get(_KEY)
    if table is None or len(table.head) != len(doc):
        tokens = list(doc)
        table = TokenTable(
            head=[t.head.i for t in tokens],
            dep=[t.dep_ for t in tokens],
            left_edge=[t.left_edge.i for t in tokens],
            right_edge=[t.right_edge.i for t in tokens],
            is_punct=[t.is_punct for t in tokens],
            is_space=[t.is_space for t in tokens],
            lower=[t.lower_ for t in tokens],
        )
        doc.user_data[_KEY] = table
    return table
