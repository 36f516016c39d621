from __future__ import annotations

import math
import statistics

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
    assert statistics.median(nearest) == pytest.approx(SPACING)


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


def test_pinned_nodes_stay_and_the_others_settle_near_their_neighbours() -> None:
    graph = nx.connected_caveman_graph(10, 6)
    hubs = [node for node in graph if node % 6 == 0]
    placed = spread_layout(graph.subgraph(hubs).copy())
    pos = spread_layout(graph, fixed=placed)
    assert all(pos[hub] == placed[hub] for hub in hubs)
    assert set(pos) == set(graph)
    free = [node for node in graph if node % 6]
    nearest_hub = [min(hubs, key=lambda hub: math.dist(pos[node], pos[hub])) for node in free]
    own = sum(hub == node - node % 6 for node, hub in zip(free, nearest_hub, strict=True))
    assert own > 0.3 * len(free), "a random placement would give a tenth"
