"""The drawn page in real headless Chromium: it renders, stays offline and runs no article text."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest
from PIL import Image

from polgraph.graph.browser import open_page
from polgraph.graph.bundle import bundle_edges
from polgraph.graph.draw import render, show
from polgraph.graph.select import ego, filter_relations
from polgraph.graph.synthetic import add_actor, add_relation, synthetic_graph

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("chromium")]


def hover(page: Any, kind: str, item_id: str) -> Any:
    """Move the real mouse onto a node or the middle of an edge; return the tooltip."""
    point = page.evaluate(
        """([kind, id]) => {
            const p = kind === "node"
                ? network.getPositions([id])[id]
                : network.body.edges[id].edgeType.getPoint(0.5);
            const dom = network.canvasToDOM(p);
            const box = document.getElementById("graph").getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        [kind, item_id],
    )
    page.mouse.move(point[0] - 30, point[1] - 30)
    page.mouse.move(point[0], point[1], steps=6)
    tooltip = page.locator("#tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    return tooltip


def non_background_share(png: bytes) -> float:
    """The share of pixels that differ from the top-left corner's colour."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
    distance = np.abs(pixels - pixels[0, 0]).sum(axis=2)
    return float((distance > 30).mean())


def test_feud_renders_offline_with_matching_counts(feud: nx.MultiDiGraph, tmp_path: Path) -> None:
    result = render(feud, tmp_path / "feud.html")
    with open_page(result.path) as (page, log):
        counts = page.evaluate(
            """() => [nodes.length, edges.length,
                      polgraph.data.edges.reduce((n, e) => n + e.instances, 0),
                      Object.keys(network.getPositions()).length,
                      network.physics.options.enabled]"""
        )
        share = non_background_share(page.locator("#graph").screenshot())
        assert log.errors == []
        assert log.foreign_requests() == []
        assert len(log.requests) == 1
    assert counts == [
        feud.number_of_nodes(),
        len(bundle_edges(feud)),
        feud.number_of_edges(),
        feud.number_of_nodes(),
        False,
    ]
    assert share > 0.01


def test_hostile_article_text_shows_literally_and_never_runs(
    hostile: nx.MultiDiGraph, hostile_text: str, tmp_path: Path
) -> None:
    result = render(hostile, tmp_path / "hostile.html", title="<img src=q onerror=alert(1)>")
    villain = next(n for n, d in hostile.nodes(data=True) if "Mallory" in d["name"])
    with open_page(result.path) as (page, log):
        edge_id = page.evaluate("(v) => polgraph.data.edges.find(e => e.from === v).id", villain)
        edge_tip = hover(page, "edge", edge_id)
        assert hostile_text in edge_tip.text_content()
        assert '<a href="https://example.org">href</a>' in edge_tip.text_content()
        assert edge_tip.locator("img, script, a, b").count() == 0
        node_tip = hover(page, "node", villain)
        node_text = node_tip.text_content()
        assert '<b onmouseover="window.__pwned=4">Mallory</b>' in node_text
        assert '<img src=y onerror="window.__pwned=5">' in node_text
        assert "<script>window.__pwned=6</script>" in node_text
        page.evaluate("(id) => network.selectNodes([id])", villain)
        page.mouse.click(
            *page.evaluate(
                """(id) => { const d = network.canvasToDOM(network.getPositions([id])[id]);
                         const b = document.getElementById("graph").getBoundingClientRect();
                         return [b.left + d.x, b.top + d.y]; }""",
                villain,
            )
        )
        assert "Mallory</b>" in page.locator("#details-body").text_content()
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img").count() == 0
        assert page.title() == "<img src=q onerror=alert(1)>"
        assert log.errors == []
        assert log.foreign_requests() == []


def slide(page: Any, selector: str, value: int) -> None:
    """Move a range input as a user's drag would: set it and fire `input`."""
    page.locator(selector).evaluate(
        "(input, v) => { input.value = v; input.dispatchEvent(new Event('input')); }", value
    )


def visible_counts(page: Any) -> list[int]:
    """Actors and edges not hidden in the page's data sets, once filtering has settled."""
    page.wait_for_function("() => !polgraph.pending")
    return page.evaluate("polgraph.visibleCounts()")


def test_date_slider_matches_the_date_filter(feud: nx.MultiDiGraph, tmp_path: Path) -> None:
    result = render(feud, tmp_path / "feud.html")
    expected = filter_relations(feud, since="2025-06-05", until="2025-06-07")
    expected_edges = len(bundle_edges(expected))
    with open_page(result.path) as (page, log):
        assert visible_counts(page) == [feud.number_of_nodes(), len(bundle_edges(feud))]
        page.locator("#undated").uncheck()
        slide(page, "#date-from", 1)
        slide(page, "#date-to", 2)
        assert page.locator("#date-from-out").text_content() == "2025-06-05"
        assert page.locator("#date-to-out").text_content() == "2025-06-07"
        assert visible_counts(page) == [expected.number_of_nodes(), expected_edges]
        assert log.errors == []


def test_type_quad_and_modality_filters(feud: nx.MultiDiGraph, tmp_path: Path) -> None:
    result = render(feud, tmp_path / "feud.html")
    with open_page(result.path) as (page, log):
        page.locator("#filter-quads input[value='0']").uncheck()
        structural_gone = filter_relations(feud, quad_classes=[1, 2, 3, 4])
        assert visible_counts(page) == [
            structural_gone.number_of_nodes(),
            len(bundle_edges(structural_gone)),
        ]
        page.locator("#types-none").click()
        page.locator("#filter-types input[value='CRITICIZE']").check()
        criticism = filter_relations(feud, relation_types=["CRITICIZE"])
        assert visible_counts(page) == [criticism.number_of_nodes(), 3]
        page.locator("#filter-modalities input[value='asserted']").uncheck()
        assert visible_counts(page) == [0, 0]
        assert log.errors == []


def test_search_focuses_an_actor_by_alias(feud: nx.MultiDiGraph, tmp_path: Path) -> None:
    result = render(feud, tmp_path / "feud.html")
    with open_page(result.path) as (page, _):
        page.locator("#search").fill("peskov")
        page.locator("#search").press("Enter")
        assert page.evaluate("network.getSelectedNodes()") == ["dmitry-peskov"]
        assert page.locator("#details").is_visible()
        assert "spokesman" in page.locator("#details-body").text_content()
        page.locator("#search").fill("nobody at all")
        page.locator("#search").press("Enter")
        assert page.locator("#search-note").text_content() == "no actor matches"


def test_large_graph_opens_on_its_most_important_actors_laid_out(tmp_path: Path) -> None:
    graph = synthetic_graph(1200, 2400, seed=5)
    result = render(graph, tmp_path / "big.html")
    assert result.precomputed
    with open_page(result.path) as (page, log):
        state = page.evaluate(
            """() => {
                const n = polgraph.data.nodes[7];
                const p = network.getPositions([n.id])[n.id];
                return [nodes.length, network.physics.options.enabled,
                        Math.abs(p.x - n.x) + Math.abs(p.y - n.y)];
            }"""
        )
        share = non_background_share(page.locator("#graph").screenshot())
        connected = page.evaluate("polgraph.data.nodes.filter((n) => n.degree > 0).length")
        page.locator("#levels button", has_text="1,000").click()
        thousand = page.evaluate("nodes.length")
        page.locator("#levels button", has_text="all").click()
        every = page.evaluate("nodes.length")
        assert log.errors == []
    assert state[:2] == [300, False]
    assert state[2] < 2, "vis rounds positions to whole units"
    assert share > 0.01
    assert thousand == 1000
    assert every == connected


def test_isolated_actors_show_only_when_switched_on(feud: nx.MultiDiGraph, tmp_path: Path) -> None:
    lone = add_actor(feud, "Lone Figure", "PERSON")
    result = render(feud, tmp_path / "feud.html")
    with open_page(result.path) as (page, log):
        before = page.evaluate("(id) => [nodes.length, nodes.get(id)]", lone)
        note = page.locator("#hidden-note").text_content()
        page.locator("#isolated").check()
        after = page.evaluate("(id) => [nodes.length, nodes.get(id) !== null]", lone)
        assert log.errors == []
    assert before == [feud.number_of_nodes() - 1, None]
    assert "1 actor in no relation hidden" in note
    assert after == [feud.number_of_nodes(), True]


def test_double_click_brings_in_a_nodes_neighbours(tmp_path: Path) -> None:
    graph = synthetic_graph(400, 900, seed=3)
    result = render(graph, tmp_path / "big.html", overview=40)
    with open_page(result.path) as (page, log):
        node, missing = page.evaluate(
            """() => {
                for (const id of nodes.getIds()) {
                    const others = polgraph.data.edges.filter((e) => e.from === id || e.to === id)
                        .map((e) => e.from === id ? e.to : e.from);
                    const missing = others.filter((o) => !nodes.get(o));
                    if (missing.length) return [id, missing];
                }
            }"""
        )
        point = page.evaluate(
            """(id) => { const d = network.canvasToDOM(network.getPositions([id])[id]);
                     const b = document.getElementById("graph").getBoundingClientRect();
                     return [b.left + d.x, b.top + d.y]; }""",
            node,
        )
        page.mouse.dblclick(*point)
        page.wait_for_function("(ids) => ids.every((id) => nodes.get(id))", arg=missing)
        assert log.errors == []


def test_negated_relation_is_drawn_as_negated(feud: nx.MultiDiGraph, tmp_path: Path) -> None:
    add_relation(
        feud,
        "elon-musk",
        "dmitry-peskov",
        "CRITICIZE",
        polarity=-1,
        quad_class=3,
        modality="negated",
        id="denied",
    )
    result = render(feud, tmp_path / "feud.html")
    with open_page(result.path) as (page, log):
        drawn = page.evaluate(
            """() => { const e = polgraph.data.edges.find((e) => e.negated);
                       const item = edges.get(e.id);
                       return [item.dashes, item.color.color, polgraph.data.style.negated]; }"""
        )
        legend = page.locator("#legend-edges").text_content()
        assert log.errors == []
    assert drawn[0] == [2, 4]
    assert drawn[1] == drawn[2]
    assert "negated" in legend


def test_focus_page_opens_centred_and_fitted(feud: nx.MultiDiGraph, tmp_path: Path) -> None:
    result = render(ego(feud, "Musk", 1), tmp_path / "ego.html")
    with open_page(result.path) as (page, log):
        boxes = page.evaluate(
            """() => {
                const box = document.getElementById("graph").getBoundingClientRect();
                return nodes.getIds().map((id) => {
                    const b = network.getBoundingBox(id);
                    const a = network.canvasToDOM({ x: b.left, y: b.top });
                    const z = network.canvasToDOM({ x: b.right, y: b.bottom });
                    return [a.x, a.y, box.width - z.x, box.height - z.y];
                });
            }"""
        )
        assert log.errors == []
    assert min(min(margins) for margins in boxes) >= 0
    left = min(b[0] for b in boxes)
    right = min(b[2] for b in boxes)
    top = min(b[1] for b in boxes)
    bottom = min(b[3] for b in boxes)
    assert abs(left - right) < 40 or abs(top - bottom) < 40


def test_notebook_view_is_not_a_blank_frame(feud: nx.MultiDiGraph, tmp_path: Path) -> None:
    holder = tmp_path / "notebook.html"
    holder.write_text(f"<!DOCTYPE html><html><body>{show(feud).data}</body></html>")
    with open_page(holder, wait=False) as (page, log):
        frame = page.frames[1]
        frame.wait_for_function("() => window.polgraph && window.polgraph.ready", timeout=60_000)
        assert frame.evaluate("nodes.length") == feud.number_of_nodes()
        assert log.errors == []
        assert log.foreign_requests() == []
