"""A Doc's TokenTable holds what its tokens say, and is built once per Doc."""

from __future__ import annotations

from claimwatch.nlp.token_table import token_table


def test_the_table_holds_each_tokens_parse(nlp):
    doc = nlp("The minister, who arrived late, said the talks would resume.\n\nNobody objected.")
    table = token_table(doc)
    for token in doc:
        i = token.i
        assert table.head[i] == token.head.i and table.dep[i] == token.dep_
        assert table.left_edge[i] == token.left_edge.i and table.right_edge[i] == token.right_edge.i
        assert table.is_punct[i] == token.is_punct and table.is_space[i] == token.is_space
        assert table.lower[i] == token.lower_
    assert any(table.is_space) and any(table.is_punct)


def test_the_table_is_built_once_per_doc(nlp):
    doc = nlp("Rebels said they had taken the town.")
    assert token_table(doc) is token_table(doc)
    assert token_table(nlp("Rebels said so.")) is not token_table(doc)
