"""How long `polgraph stats` takes as the graph grows, stage by stage.

A synthetic graph stands in for a corpus (random actors, reports on random days), so the
figures measure the analysis alone, not the extraction:

    .venv/bin/python bench/analysis_scale.py [ACTORS ...]
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from typing import Any

import networkx as nx

from polgraph.graph.analysis import centrality, communities, dyads
from polgraph.graph.events import events

REPORTS_PER_ACTOR = 4


def synthetic(actors: int, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for n in range(actors):
        graph.add_node(f"e{n}", name=f"Actor {n}", type="PERSON")
    for n in range(actors * REPORTS_PER_ACTOR):
        source, target = rng.randrange(actors), rng.randrange(actors)
        graph.add_edge(
            f"e{source}",
            f"e{target}",
            key=f"r{n}",
            id=f"r{n}",
            type="CRITICIZE",
            cameo="111",
            goldstein=-2.0,
            polarity=-1,
            modality="asserted",
            date=f"2025-06-{rng.randrange(1, 29):02d}",
            article_id=f"a{n // 3}",
        )
    return graph


def timed(label: str, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = work()
    print(f"  {label:<12} {time.perf_counter() - start:8.2f} s", flush=True)
    return result


def main(sizes: list[int]) -> None:
    for actors in sizes:
        graph = synthetic(actors)
        print(f"{actors} actors, {graph.number_of_edges()} reports")
        found = timed("events", lambda g=graph: events(g))
        print(f"  {'':<12} {len(found)} events")
        timed("centrality", lambda g=graph, f=found: centrality(g, f))
        timed("communities", lambda g=graph, f=found: communities(g, f))
        timed("dyads", lambda g=graph, f=found: dyads(g, f))


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [500, 2000, 5000])
