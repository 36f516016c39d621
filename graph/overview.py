"""What a page opens on: actors ranked by PageRank over events, and their communities.

A corpus names thousands of actors, most of them in no relation; a picture of all of them
is a hairball. The page opens on the few hundred that matter most and tells communities
apart, so a reader sees the story first and reaches everyone else by search.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

import networkx as nx

from polgraph.graph.analysis import LOUVAIN_SEED
from polgraph.graph.bundle import Bundle

OVERVIEW_ACTORS = 300
"""How many actors the page opens on: as many as a screen can label legibly."""

OVERVIEW_LEVELS = (100, 300, 1000)
"""The steps of the page's "actors" control, before "all"."""

COMMUNITY_ACTORS = 2000
"""Louvain runs on this many of the most important actors; the rest join a neighbour's."""


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


def communities(
    graph: nx.Graph, scores: Mapping[Hashable, float], limit: int = COMMUNITY_ACTORS
) -> dict[Hashable, int]:
    """Louvain community per actor (0 the largest), as `polgraph stats` finds them; actors
    in no community of two or more are left out. A fixed seed gives the same picture.

    Louvain runs on the `limit` most important actors (networkx's takes minutes on 20,000);
    every other actor joins the community of the neighbour it shares most events with,
    taken most important first, so one who only ever met a president sits in theirs.
    """
    ranked = sorted(
        (n for n in graph if graph.degree(n)), key=lambda n: (-scores.get(n, 0.0), str(n))
    )
    core = sorted(ranked[:limit], key=str)
    if not core:
        return {}
    # Louvain keeps nodes in sets, and so do subgraph views: with string ids their order,
    # and so the communities, would change with each process's hash seed. Integers hash
    # to themselves.
    index = {n: i for i, n in enumerate(core)}
    numbered = nx.Graph()
    numbered.add_nodes_from(range(len(core)))
    numbered.add_weighted_edges_from(
        (index[u], index[v], w)
        for u, v, w in graph.edges(core, data="weight")
        if u in index and v in index
    )
    found = nx.community.louvain_communities(numbered, weight="weight", seed=LOUVAIN_SEED)
    groups = sorted(
        (sorted(group) for group in found if len(group) > 1), key=lambda g: (-len(g), g[0])
    )
    result = {core[i]: number for number, group in enumerate(groups) for i in group}
    for node in ranked[limit:]:
        best = max(
            (other for other in graph[node] if other in result),
            key=lambda o: (graph[node][o]["weight"], scores.get(o, 0.0), str(o)),
            default=None,
        )
        if best is not None:
            result[node] = result[best]
    return result
