"""A page built from real Wikinews articles, read in Chromium as a person would: the overview
labels the actors that matter, the actors control and search bring in the rest."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bench.corpora import default_corpora
from polgraph.cli import app
from polgraph.graph.browser import open_page
from polgraph.graph.draw import render
from polgraph.graph.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("chromium")]

CORPUS = "wikinews_politics_2019_2020.jsonl"
ARTICLES = 40
"""Enough real articles for a few hundred actors, few enough to build in seconds."""


@pytest.fixture(scope="module")
def wikinews_graph(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The graph `polgraph build` stores for the corpus's first articles."""
    source = default_corpora() / CORPUS
    if not source.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{source} is required in CI")
        pytest.skip(f"no {CORPUS} beside the repository")
    folder = tmp_path_factory.mktemp("wikinews")
    subset = folder / "articles.jsonl"
    with source.open(encoding="utf-8") as lines:
        subset.write_text("".join(next(lines) for _ in range(ARTICLES)), encoding="utf-8")
    store = folder / "store"
    built = CliRunner().invoke(
        app, ["build", str(subset), "--store", str(store), "--out", str(folder / "out")]
    )
    assert built.exit_code == 0, built.output
    with Store(store, read_only=True) as db:
        return db.to_networkx()


def labelled(page: Any, *, anywhere: bool = False) -> list[str]:
    """Names of the drawn actors whose label is drawn at least 10 pixels high, on screen
    unless `anywhere`."""
    return page.evaluate(
        """(anywhere) => {
            const box = document.getElementById("graph").getBoundingClientRect();
            return nodes.getIds().filter((id) => {
                const node = network.body.nodes[id];
                const at = network.canvasToDOM({ x: node.x, y: node.y });
                const px = node.labelModule.fontOptions.size * network.getScale();
                const seen = at.x >= 0 && at.y >= 0 && at.x <= box.width && at.y <= box.height;
                return px >= 10 && node.labelModule.visible() && (anywhere || seen);
            }).map((id) => polgraph.data.nodes.find((n) => n.id === id).name);
        }""",
        anywhere,
    )


def test_overview_labels_the_most_important_actors(wikinews_graph: Any, tmp_path: Path) -> None:
    result = render(wikinews_graph, tmp_path / "wikinews.html", title="Wikinews")
    with open_page(result.path) as (page, log):
        top = page.evaluate("polgraph.data.nodes.slice(0, 5).map((n) => n.name)")
        names = labelled(page)
        page.evaluate("network.moveTo({ scale: network.getScale() * 2 })")
        zoomed = labelled(page, anywhere=True)
        isolated = page.evaluate("polgraph.data.nodes.filter((n) => n.degree === 0).length")
        drawn = page.evaluate("nodes.length")
        note = page.locator("#hidden-note").text_content()
        assert log.errors == []
        assert log.foreign_requests() == []
    assert set(top) <= set(names)
    assert 5 < len(names) < drawn / 2, "labels for the most important, not for everyone"
    assert len(zoomed) > 1.5 * len(names), "zooming in labels more actors"
    assert {"Donald Trump", "United States"} <= set(top)
    assert isolated > 0
    assert drawn == wikinews_graph.number_of_nodes() - isolated
    assert f"{isolated:,} actors in no relation hidden" in note


def test_actors_control_and_search_bring_in_hidden_actors(
    wikinews_graph: Any, tmp_path: Path
) -> None:
    result = render(wikinews_graph, tmp_path / "wikinews.html", overview=50)
    with open_page(result.path) as (page, log):
        connected = page.evaluate("polgraph.data.nodes.filter((n) => n.degree > 0).length")
        assert page.evaluate("nodes.length") == 50
        assert "the 50 most important (PageRank" in page.locator("#hidden-note").text_content()
        hidden = page.evaluate(
            """() => polgraph.data.nodes.find((n, i) => i >= 50 && n.degree > 0
                && !nodes.get(n.id) && n.name.indexOf(" ") > 0)"""
        )
        page.locator("#search").fill(hidden["name"])
        page.locator("#search").press("Enter")
        assert page.evaluate("network.getSelectedNodes()") == [hidden["id"]]
        neighbours = page.evaluate(
            """(id) => polgraph.data.edges.filter((e) => e.from === id || e.to === id)
                .map((e) => e.from === id ? e.to : e.from)""",
            hidden["id"],
        )
        assert page.evaluate("(ids) => ids.every((id) => nodes.get(id))", neighbours)
        assert page.locator("#search-note").text_content().startswith("brought in with")
        assert page.locator("#details-body .rel").count() >= 1
        page.locator("#levels button", has_text="all").click()
        assert page.evaluate("nodes.length") == connected
        assert "most important" not in page.locator("#hidden-note").text_content()
        page.locator("#isolated").check()
        assert page.evaluate("nodes.length") == wikinews_graph.number_of_nodes()
        assert log.errors == []
        assert log.foreign_requests() == []
