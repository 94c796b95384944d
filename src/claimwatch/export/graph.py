"""The actor graph as GraphML or GEXF (Gephi): attributes that are objects or lists are
written as JSON strings, missing values as empty strings, as both formats need scalars."""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

import networkx as nx

FORMATS = ("graphml", "gexf")


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def exportable(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the graph whose attributes every format can write."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for src, dst, key, data in graph.edges(keys=True, data=True):
        out.add_edge(src, dst, key=key, **{k: _scalar(v) for k, v in data.items()})
    return out


def write_graph(graph: nx.MultiDiGraph, fmt: str, target: str | Path | BinaryIO) -> None:
    """Write the graph as `graphml` or `gexf` to a path or a binary stream."""
    graph = exportable(graph)
    if fmt == "graphml":
        nx.write_graphml(graph, target)
    elif fmt == "gexf":
        nx.write_gexf(graph, target)
    else:
        raise ValueError(f"unknown graph format {fmt!r}: use one of {', '.join(FORMATS)}")
