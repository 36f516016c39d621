"""How fast a big graph's page becomes usable, redraws after a filter, and what it holds.

    python bench/draw.py [--nodes 5000] [--edges 15000] [--all] [--compare 1500]

Every figure is taken in headless Chromium (vis-network, the page's renderer) from the
moment of navigation:
- first usable: the page has drawn its graph and answers the reader (`polgraph.readyAt`);
- filter redraw: the date window is halved and the canvas drawn again, input to pixels;
- zoom frame: one zoom step redrawn, the mean of a few (a page that freezes on pan and
  zoom shows here);
- JS heap: what the page's JavaScript holds once drawn (Chromium's JSHeapUsedSize).

By default the page opens as `polgraph draw` writes it. `--all` also measures the same
graph opened on every actor in a relation, as the "all" step of the page's actors
control shows it. `--compare N` draws an N-actor graph three ways in the same run: laid
out in Python with physics off, physics polishing the Python layout, and physics from
random positions (what pyvis does).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from polgraph.graph.browser import open_page
from polgraph.graph.draw import page_data, page_html
from polgraph.graph.synthetic import synthetic_graph

FILTER_REDRAW_JS = """async () => {
    const t = performance.now();
    polgraph.state.to = polgraph.data.dates[Math.floor(polgraph.data.dates.length / 2)];
    polgraph.applyFilters();
    await new Promise((done) => { network.once("afterDrawing", done); network.redraw(); });
    return performance.now() - t;
}"""

ZOOM_FRAME_JS = """async () => {
    const steps = [1.25, 1.25, 0.8, 0.8, 1.1];
    const t = performance.now();
    for (const factor of steps) {
        await new Promise((done) => {
            network.once("afterDrawing", done);
            network.moveTo({ scale: network.getScale() * factor });
        });
    }
    return (performance.now() - t) / steps.length;
}"""


def browser_figures(path: Path) -> dict[str, float]:
    """The page's own timings, a filter redraw, a zoom frame and its JS heap."""
    with open_page(path) as (page, log):
        ready = page.evaluate("[polgraph.firstDraw, polgraph.readyAt, nodes.length, edges.length]")
        filter_ms = page.evaluate(FILTER_REDRAW_JS)
        zoom_ms = page.evaluate(ZOOM_FRAME_JS)
        session: Any = page.context.new_cdp_session(page)
        session.send("Performance.enable")
        metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
        if log.errors:
            raise RuntimeError(f"page errors: {log.errors}")
    return {
        "drawn actors": ready[2],
        "drawn edges": ready[3],
        "first draw s": ready[0] / 1000,
        "first usable s": ready[1] / 1000,
        "filter redraw s": filter_ms / 1000,
        "zoom frame s": zoom_ms / 1000,
        "JS heap MB": metrics["JSHeapUsedSize"] / 1e6,
    }


def measure(nodes: int, edges: int, folder: Path, name: str, **options: Any) -> dict[str, float]:
    graph = synthetic_graph(nodes, edges, seed=1)
    started = time.perf_counter()
    data = page_data(graph, title="bench", **options)
    prepared = time.perf_counter()
    path = folder / f"bench-{nodes}-{name}.html"
    path.write_text(page_html(data), encoding="utf-8")
    figures = {
        "page data s": prepared - started,
        "html MB": path.stat().st_size / 1e6,
    }
    figures.update(browser_figures(path))
    return figures


def report(title: str, figures: dict[str, float]) -> None:
    print(title)
    for name, value in figures.items():
        print(f"  {name:<16} {value:10.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--all", action="store_true", help="also open on every actor")
    parser.add_argument("--compare", type=int, default=0, metavar="N")
    args = parser.parse_args()
    size = f"{args.nodes:,} actors / {args.edges:,} relations"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report(
            f"{size}, the page as drawn (vis-network; browser times from navigation)",
            measure(args.nodes, args.edges, folder, "default"),
        )
        if args.all:
            report(
                f"{size}, opened on every actor in a relation (vis-network)",
                measure(args.nodes, args.edges, folder, "all", overview=None),
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
                figures = measure(args.compare, edges, folder, str(len(usable)), **options)
                report(f"{args.compare:,} actors, {mode}", figures)
                usable[mode] = figures["page data s"] + figures["first usable s"]
            fastest = min(usable.values())
            print("time to a usable page (page data + browser until ready):")
            for mode, seconds in usable.items():
                print(f"  {mode:<42} {seconds:7.1f} s  {seconds / fastest:5.1f}x")


if __name__ == "__main__":
    main()
