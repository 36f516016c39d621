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
control shows it. `--sigma DIR` also draws every actor in a relation with sigma.js 2 on
graphology (WebGL), the renderer the page would move to, from the same page data: DIR
holds `sigma.min.js` and `graphology.umd.min.js` (e.g. from `npm pack sigma@2 graphology`).
That page is a measurement, not the product: it only draws, filters and zooms.
`--compare N` draws an N-actor graph three ways in the same run: laid
out in Python with physics off, physics polishing the Python layout, and physics from
random positions (what pyvis does).
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from polgraph.graph.browser import open_page
from polgraph.graph.draw import page_data, page_html, script_json
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


SIGMA_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';">
<style>html,body{margin:0;height:100%}#graph{position:absolute;inset:0}</style></head>
<body><div id="graph"></div>
<script type="application/json" id="polgraph-data">@@DATA@@</script>
<script>@@GRAPHOLOGY@@</script><script>@@SIGMA@@</script>
<script>
"use strict";
var DATA = JSON.parse(document.getElementById("polgraph-data").textContent);
var STYLE = DATA.style;
var graph = new graphology.MultiDirectedGraph();
DATA.nodes.forEach(function (n) {
  if (!n.degree) return;
  graph.addNode(n.id, { x: n.x, y: n.y, label: n.name, size: 2 + 40 * Math.sqrt(n.score),
    color: STYLE.communities[n.community] || STYLE.other_community });
});
DATA.edges.forEach(function (e) {
  var colour = e.negated ? STYLE.negated : e.structural ? STYLE.structural
    : STYLE.polarity[String(e.polarity)];
  graph.addEdgeWithKey(e.id, e.from, e.to, { size: 1, color: colour });
});
var polgraph = { data: DATA, ready: false, readyAt: null, firstDraw: null,
  state: { to: DATA.dates[DATA.dates.length - 1] } };
var renderer = new Sigma.Sigma(graph, document.getElementById("graph"),
  { labelRenderedSizeThreshold: 8 });
// sigma draws in its constructor: the graph is on the canvas once it returns.
polgraph.firstDraw = polgraph.readyAt = performance.now();
polgraph.ready = true;
// The page's date filter, on sigma: hide relations outside the window, then idle actors.
polgraph.applyFilters = function () {
  var live = new Set();
  DATA.edges.forEach(function (e) {
    var shown = e.supports.some(function (s) {
      return s.ev.some(function (ev) { return !ev.d || ev.d <= polgraph.state.to; });
    });
    graph.setEdgeAttribute(e.id, "hidden", !shown);
    if (shown) { live.add(e.from); live.add(e.to); }
  });
  graph.forEachNode(function (id) { graph.setNodeAttribute(id, "hidden", !live.has(id)); });
};
// What the vis benchmark calls, for the same measurements.
var network = {
  once: function (name, done) { renderer.once("afterRender", done); },
  redraw: function () { renderer.refresh(); },
  getScale: function () { return 1 / renderer.getCamera().getState().ratio; },
  moveTo: function (view) { renderer.getCamera().setState({ ratio: 1 / view.scale }); },
};
var nodes = { length: graph.order };
var edges = { length: graph.size };
</script></body></html>"""


def sigma_page(data: dict[str, Any], scripts: Path) -> str:
    """The page data drawn by sigma.js on graphology: the WebGL side of the comparison."""
    parts = {
        "DATA": script_json(data),
        "GRAPHOLOGY": (scripts / "graphology.umd.min.js").read_text(encoding="utf-8"),
        "SIGMA": (scripts / "sigma.min.js").read_text(encoding="utf-8"),
    }
    return re.sub(r"@@([A-Z]+)@@", lambda m: parts[m.group(1)], SIGMA_PAGE)


def measure_sigma(nodes: int, edges: int, folder: Path, scripts: Path) -> dict[str, float]:
    graph = synthetic_graph(nodes, edges, seed=1)
    started = time.perf_counter()
    data = page_data(graph, title="bench", overview=None)
    prepared = time.perf_counter()
    path = folder / f"bench-{nodes}-sigma.html"
    path.write_text(sigma_page(data, scripts), encoding="utf-8")
    figures = {"page data s": prepared - started, "html MB": path.stat().st_size / 1e6}
    figures.update(browser_figures(path))
    return figures


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
    parser.add_argument("--sigma", type=Path, metavar="DIR", help="also draw all with sigma.js")
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
        if args.sigma:
            report(
                f"{size}, every actor in a relation, sigma.js 2 + graphology (WebGL)",
                measure_sigma(args.nodes, args.edges, folder, args.sigma),
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
