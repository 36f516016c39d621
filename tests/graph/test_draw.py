from __future__ import annotations

import html
import json
import re
from pathlib import Path

import networkx as nx

from polgraph.graph.draw import page_data, page_html, prepare, render, script_json, show
from polgraph.graph.synthetic import synthetic_graph


def embedded_data(page: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="polgraph-data">(.*?)</script>', page, re.S
    )
    assert match is not None
    return json.loads(match.group(1))


def test_script_json_cannot_close_its_element() -> None:
    value = {"s": "</script><!-- <script>&amp; \u2028"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_page_loads_nothing_from_outside(feud: nx.MultiDiGraph) -> None:
    page, _ = prepare(feud)
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"cdn(js)?\.|jsdelivr|unpkg|bootstrap|tom-select", page, re.I)
    assert "default-src 'none'" in page


def test_hostile_text_reaches_the_page_only_as_escaped_json(
    hostile: nx.MultiDiGraph, hostile_text: str
) -> None:
    page, _ = prepare(hostile, title="<script>alert(1)</script>")
    for markup in ("<img src=", "<script>window", "<b onmouseover", "<a href="):
        assert markup not in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    sentences = [
        ev["s"] for e in embedded_data(page)["edges"] for s in e["supports"] for ev in s["ev"]
    ]
    assert hostile_text in sentences


def test_page_data_counts_match_the_graph(feud: nx.MultiDiGraph) -> None:
    data = page_data(feud)
    assert len(data["nodes"]) == feud.number_of_nodes()
    assert sum(e["instances"] for e in data["edges"]) == feud.number_of_edges()
    pairs = {(u, v, d["type"]) for u, v, d in feud.edges(data=True)}
    assert len(data["edges"]) == len(pairs)
    assert data["dates"] == ["2025-06-03", "2025-06-05", "2025-06-07", "2025-06-11"]
    assert not data["precomputed"]
    assert all("x" not in n for n in data["nodes"]), "small graphs are laid out by physics alone"


def test_parallel_relations_fan_out(feud: nx.MultiDiGraph) -> None:
    edges = page_data(feud)["edges"]
    musk_trump = [e for e in edges if (e["from"], e["to"]) == ("elon-musk", "donald-trump")]
    assert len(musk_trump) == 2
    assert len({e["roundness"] for e in musk_trump}) == 2
    criticize = next(e for e in musk_trump if e["type"] == "CRITICIZE")
    [event] = criticize["supports"]  # two reports two days apart: one event
    assert len(event["ev"]) == 2 and event["d"] == "2025-06-03"


def test_big_graph_arrives_laid_out(feud: nx.MultiDiGraph) -> None:
    data = page_data(feud, physics_max_nodes=5)
    assert data["precomputed"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_medium_graph_gives_physics_a_head_start() -> None:
    data = page_data(synthetic_graph(150, 300, seed=2))
    assert not data["precomputed"]
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_important_actors_are_bigger(feud: nx.MultiDiGraph) -> None:
    score = {n["id"]: n["score"] for n in page_data(feud)["nodes"]}
    assert score["elon-musk"] > score["donald-trump"] > score["tass"]


def test_render_reports_what_max_nodes_cut(tmp_path: Path) -> None:
    graph = synthetic_graph(60, 150, seed=3)
    result = render(graph, tmp_path / "sub" / "g.html", max_nodes=20)
    assert result.path is not None and result.path.exists()
    assert result.nodes == 20
    assert len(result.cuts) == 1 and result.cuts[0].nodes == 40
    assert result.relations + result.cuts[0].relations == 150
    assert "cut 40 actors" in result.note()
    assert "cut 40 actors" in embedded_data(result.path.read_text())["note"]


def test_render_keeps_everything_without_max_nodes(feud: nx.MultiDiGraph, tmp_path: Path) -> None:
    result = render(feud, tmp_path / "g.html")
    assert (result.nodes, result.relations, result.cuts) == (16, 26, [])


def test_empty_graph_still_draws(tmp_path: Path) -> None:
    result = render(nx.MultiDiGraph(), tmp_path / "empty.html")
    assert (result.nodes, result.edges) == (0, 0)
    assert embedded_data((tmp_path / "empty.html").read_text())["dates"] == []


def test_show_embeds_the_whole_page_in_srcdoc(feud: nx.MultiDiGraph) -> None:
    shown = show(feud, title="Feud")
    match = re.fullmatch(
        r'<div><iframe srcdoc="([^"]*)" style="[^"]*" sandbox="allow-scripts"></iframe></div>',
        shown.data,
    )
    assert match is not None
    page = html.unescape(match.group(1))
    assert page == page_html(page_data(feud, title="Feud"))


def test_note_says_what_the_page_opens_on_and_hides() -> None:
    graph = synthetic_graph(500, 900, seed=4)
    _, result = prepare(graph, overview=100)
    connected = sum(1 for node in graph if graph.degree(node))
    note = result.note()
    assert f"opens on the 100 most important of the {connected:,} actors in a relation" in note
    assert f"{500 - connected:,} actors in no relation hidden" in note
    _, everyone = prepare(graph, overview=None)
    assert "opens on" not in everyone.note()


def test_actors_come_most_important_first_with_a_community() -> None:
    graph = synthetic_graph(400, 900, seed=6)
    data = page_data(graph)
    scores = [node["score"] for node in data["nodes"]]
    assert scores == sorted(scores, reverse=True)
    assert data["communities"]
    for number, name, size in data["communities"]:
        members = [node["name"] for node in data["nodes"] if node["community"] == number]
        assert (members[0], len(members)) == (name, size)
    assert data["levels"] == [100, 300]
