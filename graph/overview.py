"""What a page opens on: actors ranked by PageRank over events, and their communities.

A corpus names thousands of actors, most of them in no relation; a picture of all of them
is a hairball. The page opens on the few hundred that matter most and tells communities
apart, so a reader sees the story first and reaches everyone else by search.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx

from polgraph.graph.analysis import LOUVAIN_SEED
from polgraph.graph.bundle import Bundle

OVERVIEW_ACTORS = 300
"""How many actors the page opens on: as many as a screen can label legibly."""

OVERVIEW_LEVELS = (100, 300, 1000)
"""The steps of the page's "actors" control, before "all"."""


def event_graph(nodes: Iterable[Hashable], bundles: list[Bundle]) -> nx.Graph:
    """Actors joined by the number of events between them, either way: forty outlets
    retelling one story weigh as one, so repetition cannot make an actor central."""
    graph = nx.Graph()
    # Sorted: Louvain's answer depends on the order it visits nodes in.
    graph.add_nodes_from(sorted(nodes, key=str))
    for bundle in bundles:
        if bundle.source == bundle.target:
            continue
        weight = len(bundle.supports)
        if graph.has_edge(bundle.source, bundle.target):
            graph[bundle.source][bundle.target]["weight"] += weight
        else:
            graph.add_edge(bundle.source, bundle.target, weight=weight)
    return graph


def ranks(graph: nx.Graph) -> dict[Hashable, float]:
    """PageRank over events: an actor matters for what they do and for what is done to them."""
    if graph.number_of_nodes() == 0:
        return {}
    return nx.pagerank(graph, weight="weight")


def communities(graph: nx.Graph) -> dict[Hashable, int]:
    """Louvain community per actor (0 the largest), as `polgraph stats` finds them; actors
    in no community of two or more are left out. A fixed seed gives the same picture."""
    connected = graph.subgraph([n for n in graph if graph.degree(n)])
    if not connected.number_of_edges():
        return {}
    found = nx.community.louvain_communities(connected, weight="weight", seed=LOUVAIN_SEED)
    groups = sorted(
        (group for group in found if len(group) > 1),
        key=lambda g: (-len(g), min(str(n) for n in g)),
    )
    return {node: number for number, group in enumerate(groups) for node in group}
