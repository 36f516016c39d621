from __future__ import annotations

import subprocess
import sys

import networkx as nx

from polgraph.graph.overview import communities, ranks


def two_cliques() -> nx.Graph:
    """Two cliques joined by one edge, and a minor actor tied to each side."""
    graph = nx.Graph()
    for offset in (0, 10):
        for u in range(offset, offset + 5):
            for v in range(u + 1, offset + 5):
                graph.add_edge(f"n{u}", f"n{v}", weight=3)
    graph.add_edge("n0", "n10", weight=1)
    graph.add_edge("minor", "n12", weight=2)
    graph.add_edge("minor", "n1", weight=1)
    graph.add_node("alone")
    return graph


def test_communities_split_the_cliques_and_leave_out_the_lonely() -> None:
    graph = two_cliques()
    found = communities(graph, ranks(graph))
    assert found["n0"] != found["n10"]
    assert len({found[f"n{i}"] for i in range(5)}) == 1
    assert "alone" not in found


def test_actors_past_the_limit_join_their_strongest_neighbours_community() -> None:
    graph = two_cliques()
    scores = ranks(graph)
    found = communities(graph, scores, limit=10)
    assert "minor" not in sorted(graph, key=lambda n: -scores[n])[:10]
    assert found["minor"] == found["n12"]


def test_communities_do_not_depend_on_the_hash_seed() -> None:
    code = (
        "from polgraph.graph.overview import communities, ranks;"
        "from polgraph.graph.synthetic import synthetic_graph;"
        "from polgraph.graph.bundle import bundle_edges;"
        "from polgraph.graph.overview import event_graph;"
        "g = synthetic_graph(300, 700, seed=2); w = event_graph(g, bundle_edges(g));"
        "print(sorted(communities(w, ranks(w)).items()))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
