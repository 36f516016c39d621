from __future__ import annotations

import math

import networkx as nx
import pytest

from polgraph.graph.layout import SPACING, spread_layout


def test_layout_places_every_node_apart_and_repeatably() -> None:
    graph = nx.barabasi_albert_graph(400, 2, seed=1)
    pos = spread_layout(graph)
    assert set(pos) == set(graph)
    assert pos == spread_layout(graph)
    nearest = [min(math.dist(p, q) for q in pos.values() if q != p) for p in pos.values()]
    assert min(nearest) > 0
    assert sorted(nearest)[len(nearest) // 2] == pytest.approx(SPACING)


def test_neighbours_end_up_closer_than_strangers() -> None:
    graph = nx.connected_caveman_graph(12, 8)
    pos = spread_layout(graph)

    def dist(u: int, v: int) -> float:
        return math.dist(pos[u], pos[v])

    neighbours = [dist(u, v) for u, v in graph.edges()]
    nodes = list(graph)
    strangers = [dist(u, v) for u in nodes[::5] for v in nodes[::7] if not graph.has_edge(u, v)]
    assert sum(neighbours) / len(neighbours) < 0.5 * sum(strangers) / len(strangers)
    assert max(neighbours) < 20 * SPACING


def test_layout_of_nothing_and_of_one() -> None:
    assert spread_layout(nx.Graph()) == {}
    assert spread_layout(nx.path_graph(1)) == {0: (0.0, 0.0)}
