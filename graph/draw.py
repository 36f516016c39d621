"""The graph as one self-contained, interactive HTML page.

pyvis's own page loads Bootstrap from a CDN, renders tooltips as raw HTML as soon as one
contains "href", and lets physics run for minutes on large graphs. This page reuses only
pyvis's copy of vis-network, inlined, and its own template: data travels as JSON that
the page turns into DOM text nodes, and big graphs arrive with their layout precomputed.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from polgraph.graph.bundle import Bundle, bundle_edges
from polgraph.graph.layout import spread_layout
from polgraph.graph.overview import (
    OVERVIEW_ACTORS,
    OVERVIEW_LEVELS,
    communities,
    event_graph,
    ranks,
)
from polgraph.graph.select import Cut, top_actors

PHYSICS_MAX_NODES = 1000
"""Above this many actors the browser's physics takes too long; the layout is precomputed."""

SEED_MIN_NODES = 100
"""From this many actors physics starts from the precomputed layout and only polishes it:
from random positions it takes the browser tens of seconds to untangle a few hundred."""

VIS_VERSION = "vis-9.1.2"

TYPE_COLOURS: dict[str, str] = {
    "PERSON": "#4e79a7",
    "ORG": "#f28e2b",
    "GPE": "#59a89c",
    "NORP": "#b07aa1",
    "LOC": "#9c755f",
    "FAC": "#edc948",
    "EVENT": "#ff9da7",
    "LAW": "#8cd17d",
    "PRODUCT": "#86bcb6",
    "WORK_OF_ART": "#d4a6c8",
    "OTHER": "#a0a0a0",
}
POLARITY_COLOURS: dict[str, str] = {"1": "#2f9e44", "-1": "#e03131", "0": "#7b8794"}
STRUCTURAL_COLOUR = "#b8b8b8"
NEGATED_COLOUR = "#8e5fc2"
COMMUNITY_COLOURS: tuple[str, ...] = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#637939",
    "#843c39",
)
"""One colour per community, largest first; actors of smaller communities are grey."""
OTHER_COMMUNITY_COLOUR = "#b9b9b9"
QUAD_NAMES: dict[str, str] = {
    "0": "structural",
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
    "none": "unclassified",
}

_MARKER = re.compile(r"@@([A-Z_]+)@@")


@dataclass(slots=True)
class DrawResult:
    """What a drawing holds and what was left out of it, for the caller to report."""

    path: Path | None
    nodes: int
    edges: int
    relations: int
    precomputed: bool
    cuts: list[Cut] = field(default_factory=list)
    opens_on: int = 0
    """Actors the page draws when it opens: the overview."""
    connected: int = 0
    """Actors in at least one relation; the others are hidden until the reader asks."""

    def note(self) -> str:
        """One line for the terminal; names every cut so nothing disappears silently."""
        layout = "precomputed layout" if self.precomputed else "live layout"
        line = (
            f"{self.nodes:,} actors, {self.edges:,} edges ({self.relations:,} relations), {layout}"
        )
        if self.opens_on < self.connected:
            line += (
                f"; the page opens on the {self.opens_on:,} most important of the "
                f"{self.connected:,} actors in a relation"
            )
        if self.connected < self.nodes:
            line += f"; {self.nodes - self.connected:,} actors in no relation hidden until asked"
        if self.cuts:
            line += "; " + "; ".join(cut.note() for cut in self.cuts)
        return line


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element whatever the strings in it contain.

    Escaping <, > and & as \\u003c etc. means no "</script>" or "<!--" can end or confuse
    the element; JSON.parse reads the escapes back as the original characters.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _roundness(bundles: list[Bundle]) -> dict[str, float]:
    """Curvature per edge so parallel relations between one pair fan out side by side.

    Edges run clockwise relative to their own direction, so A→B and B→A already bow to
    opposite sides; edges sharing a direction get growing curvature.
    """
    seen: Counter[tuple[Any, Any]] = Counter()
    result: dict[str, float] = {}
    for bundle in bundles:
        pair = (bundle.source, bundle.target)
        result[bundle.id] = round(0.12 + 0.2 * seen[pair], 3)
        seen[pair] += 1
    return result


def _pair_sizes(bundles: list[Bundle]) -> dict[str, int]:
    """How many drawn edges join each edge's two actors, either way: room they need."""
    pairs = Counter(frozenset((b.source, b.target)) for b in bundles)
    return {b.id: pairs[frozenset((b.source, b.target))] for b in bundles}


def _edge_data(bundle: Bundle, roundness: float, parallel: int) -> dict[str, Any]:
    return {
        "id": bundle.id,
        "from": bundle.source,
        "to": bundle.target,
        "type": bundle.type,
        "polarity": bundle.polarity,
        "structural": bundle.structural,
        "negated": bundle.negated,
        "instances": bundle.instances,
        "roundness": roundness,
        "parallel": parallel,
        "supports": [
            {
                "d": support.date,
                "m": support.modality,
                "q": support.quad_class,
                "ev": [
                    {"s": ev["sentence"], "x": ev["text"], "t": ev["title"], "d": ev["date"]}
                    for ev in support.evidence
                ],
            }
            for support in bundle.supports
        ],
    }


def _counted(values: list[Any], names: dict[str, str] | None = None) -> list[list[Any]]:
    """[value, display name, count] rows, most frequent first, for legends and filters."""
    counts = Counter(values)
    return [
        [value, (names or {}).get(value, value), count]
        for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    ]


def _positions(
    graph: nx.MultiDiGraph, ranked: list[Any], overview: int | None
) -> dict[Any, tuple[float, float]]:
    """The overview laid out alone, so it is spread for reading, and everyone else placed
    around it: actors brought in later appear beside their neighbours."""
    if overview is None or len(ranked) <= overview:
        return spread_layout(graph)
    # Built in rank order, not as a subgraph view: a view iterates a set, whose order
    # changes with the hash seed, and the layout with it.
    top = ranked[:overview]
    kept = set(top)
    first = nx.Graph()
    first.add_nodes_from(top)
    first.add_edges_from((u, v) for u, v in graph.edges(top) if u in kept and v in kept)
    return spread_layout(graph, fixed=spread_layout(first))


def page_data(
    graph: nx.MultiDiGraph,
    *,
    title: str = "polgraph",
    note: str = "",
    physics_max_nodes: int = PHYSICS_MAX_NODES,
    seed_min_nodes: int = SEED_MIN_NODES,
    overview: int | None = OVERVIEW_ACTORS,
) -> dict[str, Any]:
    """Everything the page needs, as plain JSON-able data: the page's whole input.

    Nodes come most important first; the page opens on the first `overview` actors in a
    relation (None: all of them) and keeps the others for the reader to bring in.
    """
    bundles = bundle_edges(graph)
    weighted = event_graph(graph, bundles)
    scores = ranks(weighted)
    community = communities(weighted, scores)
    roundness = _roundness(bundles)
    parallel = _pair_sizes(bundles)
    degree: Counter[Any] = Counter()
    for bundle in bundles:
        degree[bundle.source] += 1
        degree[bundle.target] += 1
    order = sorted(graph, key=lambda n: (-scores.get(n, 0.0), str(n)))
    connected = [n for n in order if degree[n]]
    precomputed = graph.number_of_nodes() > physics_max_nodes
    seeded = precomputed or graph.number_of_nodes() >= seed_min_nodes
    positions = _positions(graph, connected, overview) if seeded else {}
    nodes = []
    for node in order:
        attrs = graph.nodes[node]
        ent_type = str(attrs.get("type") or "OTHER")
        item = {
            "id": node,
            "name": str(attrs.get("name") or node),
            "type": ent_type,
            "label": str(attrs.get("label") or ent_type.title()),
            "aliases": [str(a) for a in attrs.get("aliases") or []],
            "roles": [str(r) for r in attrs.get("roles") or []],
            "country": attrs.get("country"),
            "sector": attrs.get("sector"),
            "articles": int(attrs.get("articles") or 0),
            "mentions": int(attrs.get("mentions") or 0),
            "score": round(scores.get(node, 0.0), 6),
            "degree": degree[node],
            "community": community.get(node, -1),
        }
        if node in positions:
            item["x"], item["y"] = (round(c, 1) for c in positions[node])
        nodes.append(item)
    supports = [s for bundle in bundles for s in bundle.supports]
    labels: dict[str, str] = {}
    for item in nodes:
        labels[item["type"]] = item["label"]
    return {
        "title": title,
        "note": note,
        "precomputed": precomputed,
        "overview": overview,
        "levels": [level for level in OVERVIEW_LEVELS if level < len(connected)],
        "style": {
            "types": TYPE_COLOURS,
            "polarity": POLARITY_COLOURS,
            "structural": STRUCTURAL_COLOUR,
            "negated": NEGATED_COLOUR,
            "communities": list(COMMUNITY_COLOURS),
            "other_community": OTHER_COMMUNITY_COLOUR,
            "quads": QUAD_NAMES,
        },
        "nodes": nodes,
        "edges": [_edge_data(b, roundness[b.id], parallel[b.id]) for b in bundles],
        "entity_types": _counted([n["type"] for n in nodes], labels),
        "communities": _community_rows(nodes),
        "relation_types": _counted([b.type for b in bundles]),
        "quads": sorted(
            _counted(
                ["none" if s.quad_class is None else str(s.quad_class) for s in supports],
                QUAD_NAMES,
            )
        ),
        "modalities": _counted([s.modality for s in supports]),
        "dates": sorted({s.date for s in supports if s.date}),
    }


def _community_rows(nodes: list[dict[str, Any]]) -> list[list[Any]]:
    """[number, its most important actor's name, size] per coloured community: the legend
    names a community after the actor a reader is likeliest to know."""
    rows: dict[int, list[Any]] = {}
    for item in nodes:
        number = item["community"]
        if 0 <= number < len(COMMUNITY_COLOURS):
            if number not in rows:
                rows[number] = [number, item["name"], 0]
            rows[number][2] += 1
    return [rows[number] for number in sorted(rows)]


def _asset(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def _vis_script() -> str:
    """pyvis's copy of vis-network, checked to be safe to inline in a <script> element."""
    text = _asset("pyvis", f"lib/{VIS_VERSION}/vis-network.min.js")
    if re.search(r"</script|<!--", text, re.IGNORECASE):
        raise ValueError("pyvis's vis-network.min.js contains </script or <!--; cannot inline it")
    return text


def page_html(data: dict[str, Any]) -> str:
    """The page for `page_data`'s output: template, vis-network and data in one string."""
    parts = {
        "TITLE": html.escape(data["title"]),
        "PAGE_CSS": _asset("polgraph.graph", "templates/page.css"),
        "DATA": script_json(data),
        "VIS_JS": _vis_script(),
        "PAGE_JS": _asset("polgraph.graph", "templates/page.js"),
    }
    template = _asset("polgraph.graph", "templates/page.html")
    return _MARKER.sub(lambda m: parts[m.group(1)], template)


def prepare(
    graph: nx.MultiDiGraph,
    *,
    title: str = "polgraph",
    max_nodes: int | None = None,
    cuts: list[Cut] | None = None,
    physics_max_nodes: int = PHYSICS_MAX_NODES,
    overview: int | None = OVERVIEW_ACTORS,
) -> tuple[str, DrawResult]:
    """The page and its summary; `max_nodes` keeps the most important actors in the file,
    `overview` how many of them the page opens on."""
    cuts = list(cuts or [])
    if max_nodes is not None and graph.number_of_nodes() > max_nodes:
        scores = ranks(event_graph(graph, bundle_edges(graph)))
        kept = top_actors(graph, max_nodes, scores)
        cuts.append(
            Cut(
                step=f"kept the {max_nodes:,} most important actors",
                nodes=graph.number_of_nodes() - kept.number_of_nodes(),
                relations=graph.number_of_edges() - kept.number_of_edges(),
            )
        )
        graph = kept
    note = "; ".join(cut.note() for cut in cuts)
    data = page_data(
        graph, title=title, note=note, physics_max_nodes=physics_max_nodes, overview=overview
    )
    connected = sum(1 for item in data["nodes"] if item["degree"])
    result = DrawResult(
        path=None,
        nodes=len(data["nodes"]),
        edges=len(data["edges"]),
        relations=graph.number_of_edges(),
        precomputed=data["precomputed"],
        cuts=cuts,
        opens_on=min(connected, overview) if overview is not None else connected,
        connected=connected,
    )
    return page_html(data), result


def render(
    graph: nx.MultiDiGraph,
    path: Path,
    *,
    title: str = "polgraph",
    max_nodes: int | None = None,
    cuts: list[Cut] | None = None,
    physics_max_nodes: int = PHYSICS_MAX_NODES,
    overview: int | None = OVERVIEW_ACTORS,
) -> DrawResult:
    """Write the page to `path`; `cuts` are earlier selection steps to mention on the page."""
    page, result = prepare(
        graph,
        title=title,
        max_nodes=max_nodes,
        cuts=cuts,
        physics_max_nodes=physics_max_nodes,
        overview=overview,
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    result.path = path
    return result


def show(
    graph: nx.MultiDiGraph,
    *,
    title: str = "polgraph",
    max_nodes: int | None = 1000,
    height: int = 650,
) -> Any:
    """The page inline in a notebook cell.

    pyvis points an iframe at a file the notebook server may not serve (VS Code and Colab
    do not), hence the blank frame; here the page travels inside the iframe's srcdoc.
    """
    from IPython.display import HTML

    page, _ = prepare(graph, title=title, max_nodes=max_nodes)
    return HTML(
        f'<div><iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;'
        f'height:{int(height)}px;border:1px solid #ddd" sandbox="allow-scripts"></iframe></div>'
    )
