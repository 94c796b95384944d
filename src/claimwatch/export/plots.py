"""Pictures of the knowledge with matplotlib (the Agg backend: files, no display): a timeline of
events, reports and independent sources per period, and the actor graph. matplotlib is imported
inside the functions only, so that commands which draw nothing start as fast as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

FORMATS = (".png", ".svg")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def check_path(path: str | Path) -> Path:
    """The path, if it ends in .png or .svg (matplotlib picks the format by it)."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ValueError(f"{path}: a plot is written as .png or .svg")
    return path


def plot_timeline(data: dict[str, Any], path: str | Path, title: str = "") -> Path:
    """Bars of events per period, with lines of reports and independent sources on a second axis."""
    path = check_path(path)
    plt = _pyplot()
    buckets = data["buckets"]
    labels = [b["period"] for b in buckets]
    x = range(len(buckets))
    fig, ax = plt.subplots(figsize=(max(8.0, 0.35 * len(buckets) + 3), 4.8), dpi=120)
    ax.bar(x, [b["events"] for b in buckets], color="#8fb3d9", label="events (clusters)")
    ax.set_ylabel("events")
    other = ax.twinx()
    other.plot(x, [b["reports"] for b in buckets], color="#c0392b", marker="o", ms=3, label="reports")
    other.plot(x, [b["independent_sources"] for b in buckets], color="#27ae60", marker="s", ms=3,
               label="independent sources")
    other.set_ylabel("reports, independent sources")
    step = max(1, len(labels) // 20)
    ax.set_xticks(list(x)[::step], labels[::step], rotation=45, ha="right", fontsize=8)
    handles = ax.get_legend_handles_labels()[0] + other.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], loc="upper left", fontsize=8)
    note = f"{data['total']} events" + (f", {data['undated']} undated left out" if data.get("undated") else "")
    ax.set_title(f"{title or 'Events'} per {data['interval']} — {note}", fontsize=11)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def _collapsed(graph: nx.MultiDiGraph, top: int) -> nx.DiGraph:
    """One weighted edge per pair (reports over all types), the `top` most reported pairs only."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for src, dst, data in graph.edges(data=True):
        if src == dst:
            continue
        edge = pairs.setdefault((src, dst), {"reports": 0, "types": set()})
        edge["reports"] += int(data.get("reports") or 0)
        edge["types"].add(data.get("type"))
    kept = sorted(pairs.items(), key=lambda kv: (-kv[1]["reports"], kv[0]))[:top]
    out = nx.DiGraph()
    for (src, dst), edge in kept:
        for node in (src, dst):
            out.add_node(node, label=graph.nodes[node].get("label") or node)
        out.add_edge(src, dst, **edge)
    return out


def plot_graph(graph: nx.MultiDiGraph, path: str | Path, title: str = "", top: int = 25) -> Path:
    """The actor graph's most reported pairs: node size by reports, edge width by reports."""
    path = check_path(path)
    plt = _pyplot()
    g = _collapsed(graph, top)
    fig, ax = plt.subplots(figsize=(11, 8.5), dpi=120)
    ax.set_axis_off()
    if g.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no edges", ha="center", va="center")
    else:
        weight = {n: sum(d["reports"] for *_e, d in g.in_edges(n, data=True)) +
                  sum(d["reports"] for *_e, d in g.out_edges(n, data=True)) for n in g}
        pos = nx.kamada_kawai_layout(g.to_undirected()) if g.number_of_nodes() > 2 else nx.circular_layout(g)
        most = max(d["reports"] for *_e, d in g.edges(data=True))
        nx.draw_networkx_nodes(g, pos, ax=ax, node_color="#8fb3d9", edgecolors="#34495e",
                               node_size=[150 + 900 * weight[n] / max(weight.values()) for n in g])
        nx.draw_networkx_edges(g, pos, ax=ax, edge_color="#7f8c8d", arrows=True, arrowsize=12,
                               width=[0.8 + 4 * d["reports"] / most for *_e, d in g.edges(data=True)],
                               connectionstyle="arc3,rad=0.08", node_size=600)
        nx.draw_networkx_labels(g, pos, ax=ax, labels={n: g.nodes[n]["label"] for n in g}, font_size=8)
        nx.draw_networkx_edge_labels(g, pos, ax=ax, font_size=6, font_color="#555555",
                                     edge_labels={(s, d): "/".join(sorted(t for t in e["types"] if t))
                                                  for s, d, e in g.edges(data=True)})
    shown = f"{g.number_of_edges()} of {graph.number_of_edges()} edges, most reported first"
    ax.set_title(f"{title or 'Actor graph'} — {shown}", fontsize=11)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
