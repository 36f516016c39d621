"""The interactive HTML page of a graph, drawn with pyvis."""

from __future__ import annotations

import html
from pathlib import Path

import networkx as nx
from pyvis.network import Network


def render(graph: nx.MultiDiGraph, path: Path, *, title: str = "polgraph") -> Path:
    net = Network(directed=True, height="800px", width="100%", cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        net.add_node(node, label=data.get("name", node), title=html.escape(data.get("type") or ""))
    for source, target, data in graph.edges(data=True):
        net.add_edge(source, target, label=data.get("type"), title=html.escape(data["sentence"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(net.generate_html(name=path.name), encoding="utf-8")
    return path
