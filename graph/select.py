"""Cutting a graph down to what one picture should show, as pure functions on networkx graphs.

Every function returns a new graph and leaves its input alone, so `polgraph draw` can chain
them in any order and a notebook user can reuse the same graph for several pictures.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

import networkx as nx

from polgraph.ingest.records import relation_type


class SelectionError(ValueError):
    """A criterion that cannot be applied (unknown actor, bad date); the message says which."""


@dataclass(frozen=True, slots=True)
class Cut:
    """How much a selection step removed, so the caller can tell the user plainly."""

    step: str
    nodes: int
    relations: int

    def note(self) -> str:
        return f"{self.step}: cut {self.nodes:,} actors and {self.relations:,} relations"


def _cut(step: str, before: nx.MultiDiGraph, after: nx.MultiDiGraph) -> Cut:
    return Cut(
        step=step,
        nodes=before.number_of_nodes() - after.number_of_nodes(),
        relations=before.number_of_edges() - after.number_of_edges(),
    )


def find_actors(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Node ids whose name or an alias is `name`, ignoring case; else those containing it.

    Exact matches win so "Trump" does not also pull in "Trump Organization" when an actor
    is called exactly that.
    """
    wanted = name.casefold().strip()
    exact: list[str] = []
    partial: list[str] = []
    for node, attrs in graph.nodes(data=True):
        names = [str(attrs.get("name") or node), *(attrs.get("aliases") or [])]
        folded = [n.casefold() for n in names]
        if wanted in folded:
            exact.append(node)
        elif any(wanted in n for n in folded):
            partial.append(node)
    return exact or partial


def ego(graph: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """Everyone within `depth` relations of the actor, in either direction."""
    if depth < 0:
        raise SelectionError(f"depth must be 0 or more, not {depth}")
    centres = find_actors(graph, name)
    if not centres:
        raise SelectionError(f"no actor named {name!r} in the graph")
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return graph.subgraph(keep).copy()


def _parse_date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise SelectionError(f"{what} {value!r} is not a date like 2025-06-07") from None


def filter_relations(
    graph: nx.MultiDiGraph,
    *,
    since: str | None = None,
    until: str | None = None,
    quad_classes: Collection[int] | None = None,
    relation_types: Collection[str] | None = None,
    modalities: Collection[str] | None = None,
) -> nx.MultiDiGraph:
    """Keep the relations matching every given criterion, and the actors they still join.

    A dated window drops undated relations: nothing says they happened inside it.
    Actors left without any relation are dropped too, or a date window would show
    everyone ever mentioned floating unconnected.
    """
    start = _parse_date(since, "--since")
    end = _parse_date(until, "--until")
    types = {relation_type(t) for t in relation_types} if relation_types else None
    quads = set(quad_classes) if quad_classes else None
    modes = set(modalities) if modalities else None
    if start is None and end is None and types is None and quads is None and modes is None:
        return graph.copy()
    result = nx.MultiDiGraph(**graph.graph)
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        day = attrs.get("date")
        if (start or end) and not day:
            continue
        if start and day < start:
            continue
        if end and day > end:
            continue
        if types is not None and attrs.get("type") not in types:
            continue
        if quads is not None and attrs.get("quad_class") not in quads:
            continue
        if modes is not None and attrs.get("modality") not in modes:
            continue
        for node in (source, target):
            if node not in result:
                result.add_node(node, **graph.nodes[node])
        result.add_edge(source, target, key=key, **attrs)
    return result


def min_mentions(graph: nx.MultiDiGraph, count: int) -> nx.MultiDiGraph:
    """Drop actors mentioned fewer than `count` times: one-off names clutter a picture."""
    keep = [n for n, attrs in graph.nodes(data=True) if int(attrs.get("mentions") or 0) >= count]
    return graph.subgraph(keep).copy()


def importance(graph: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank over actors, relations counted in both directions.

    Undirected because an actor matters both for what they do and for what is done to them;
    weighted by instances so a relation reported ten times pulls harder than a passing one.
    """
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for source, target in graph.edges():
        if source == target:
            continue
        weight = simple.get_edge_data(source, target, {"weight": 0})["weight"]
        simple.add_edge(source, target, weight=weight + 1)
    return nx.pagerank(simple, weight="weight")


def top_actors(
    graph: nx.MultiDiGraph, max_nodes: int, scores: dict[str, float] | None = None
) -> nx.MultiDiGraph:
    """The `max_nodes` most important actors and the relations among them."""
    if max_nodes < 1:
        raise SelectionError(f"--max-nodes must be at least 1, not {max_nodes}")
    if graph.number_of_nodes() <= max_nodes:
        return graph.copy()
    scores = scores if scores is not None else importance(graph)
    ranked = sorted(graph, key=lambda n: (-scores.get(n, 0.0), str(n)))
    return graph.subgraph(ranked[:max_nodes]).copy()


@dataclass(frozen=True, slots=True)
class Criteria:
    """Everything `polgraph draw` can ask for; None means "do not filter on this"."""

    focus: str | None = None
    depth: int = 1
    since: str | None = None
    until: str | None = None
    min_mentions: int | None = None
    quad_classes: tuple[int, ...] = ()
    relation_types: tuple[str, ...] = ()


def select(graph: nx.MultiDiGraph, criteria: Criteria) -> tuple[nx.MultiDiGraph, list[Cut]]:
    """Apply the criteria in the order that keeps the most meaning, and report every cut.

    Relations are filtered before the ego network so "Musk's feud since June" follows only
    June's relations. Ranking by importance (`top_actors`) belongs after all of these, on
    what is left; `render(max_nodes=...)` does it.
    """
    steps: list[Cut] = []
    current = graph

    def step(name: str, after: nx.MultiDiGraph) -> None:
        nonlocal current
        cut = _cut(name, current, after)
        if cut.nodes or cut.relations:
            steps.append(cut)
        current = after

    step(
        "relation filters",
        filter_relations(
            current,
            since=criteria.since,
            until=criteria.until,
            quad_classes=criteria.quad_classes or None,
            relation_types=criteria.relation_types or None,
        ),
    )
    if criteria.min_mentions is not None:
        step(
            f"--min-mentions {criteria.min_mentions}", min_mentions(current, criteria.min_mentions)
        )
    if criteria.focus is not None:
        step(
            f"--focus {criteria.focus} --depth {criteria.depth}",
            ego(current, criteria.focus, criteria.depth),
        )
    return current, steps
