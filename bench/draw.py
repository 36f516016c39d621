"""How long a big graph takes to draw: writing the page, then the browser until it responds.

    python bench/draw.py [--nodes 5000] [--edges 15000] [--compare 1500]

`--compare N` also draws an N-actor graph three ways in the same run: laid out in Python
with physics off (what polgraph does above 1,000 actors), physics polishing the Python
layout (what it does from 100), and physics from random positions (what pyvis does).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from polgraph.graph.browser import open_page
from polgraph.graph.draw import page_data, page_html
from polgraph.graph.synthetic import synthetic_graph


def measure(
    nodes: int, edges: int, folder: Path, *, physics_max_nodes: int, seed_min_nodes: int = 100
) -> dict[str, float]:
    graph = synthetic_graph(nodes, edges, seed=1)
    started = time.perf_counter()
    data = page_data(
        graph,
        title="bench",
        physics_max_nodes=physics_max_nodes,
        seed_min_nodes=seed_min_nodes,
    )
    prepared = time.perf_counter()
    path = folder / f"bench-{nodes}-{physics_max_nodes}-{seed_min_nodes}.html"
    path.write_text(page_html(data), encoding="utf-8")
    written = time.perf_counter()
    with open_page(path) as (page, log):
        page_times = page.evaluate(
            "[polgraph.firstDraw, polgraph.readyAt, performance.timing.domContentLoadedEventEnd"
            " - performance.timing.navigationStart]"
        )
        filter_ms = page.evaluate(
            """() => {
                const t = performance.now();
                polgraph.state.to = polgraph.data.dates[Math.floor(polgraph.data.dates.length / 2)];
                polgraph.applyFilters();
                return performance.now() - t;
            }"""
        )
        if log.errors:
            raise RuntimeError(f"page errors: {log.errors}")
    return {
        "drawn edges": len(data["edges"]),
        "page data s": prepared - started,
        "html write s": written - prepared,
        "html MB": path.stat().st_size / 1e6,
        "DOM loaded s": page_times[2] / 1000,
        "first draw s": page_times[0] / 1000,
        "ready s": page_times[1] / 1000,
        "date filter s": filter_ms / 1000,
        "precomputed": float(data["precomputed"]),
    }


def report(title: str, figures: dict[str, float]) -> None:
    print(title)
    for name, value in figures.items():
        print(f"  {name:<14} {value:10.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--compare", type=int, default=0, metavar="N")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report(
            f"{args.nodes:,} actors / {args.edges:,} relations, precomputed layout "
            "(browser times from navigation start)",
            measure(args.nodes, args.edges, folder, physics_max_nodes=0),
        )
        if args.compare:
            edges = args.compare * args.edges // args.nodes
            modes = {
                "precomputed, physics off": {"physics_max_nodes": 0},
                "physics polishing the precomputed layout": {"physics_max_nodes": args.compare},
                "physics from random positions": {
                    "physics_max_nodes": args.compare,
                    "seed_min_nodes": args.compare + 1,
                },
            }
            usable = {}
            for mode, options in modes.items():
                figures = measure(args.compare, edges, folder, **options)
                report(f"{args.compare:,} actors, {mode}", figures)
                usable[mode] = figures["page data s"] + figures["ready s"]
            fastest = min(usable.values())
            print("time to a usable page (page data + browser until ready):")
            for mode, seconds in usable.items():
                print(f"  {mode:<42} {seconds:7.1f} s  {seconds / fastest:5.1f}x")


if __name__ == "__main__":
    main()
