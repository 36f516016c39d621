"""Reading Neo4j back: the same graph as the embedded store, or what a query touches."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j.load import load
from polgraph.graph.neo4j.read import fetch_rows
from polgraph.graph.rows import graph_from_rows
from polgraph.graph.store import Store
from tests.graph.neo4j.sample import article, extraction, graph_rows, mention, triple

ANN, BOB, CAROL = mention("Ann Lee"), mention("Bob Ray"), mention("Carol Diaz", "ORG")


def _world():
    first, second = article("r1", title="First"), article("r2", date="2025-06-09")
    return [
        extraction(
            first,
            triple(first, ANN, "CRITICIZE", BOB, "criticised", quad_class=3, polarity=-1),
            mentions=(ANN, ANN, BOB),
        ),
        extraction(second, triple(second, BOB, "PRAISE", CAROL, "praised", start=40)),
    ]


def _edges(graph):
    return sorted(
        (s, o, k, tuple(sorted(d.items()))) for s, o, k, d in graph.edges(keys=True, data=True)
    )


@pytest.mark.neo4j
def test_neo4j_reads_back_the_graph_the_store_holds(
    neo4j_graph: Neo4jSettings, tmp_path: Path
) -> None:
    with Store(tmp_path) as store:
        for item in _world():
            store.add(item)
        embedded = store.to_networkx()
    load(graph_rows(*_world()), neo4j_graph)
    served = graph_from_rows(fetch_rows(neo4j_graph))
    assert dict(served.nodes(data=True)) == dict(embedded.nodes(data=True))
    assert _edges(served) == _edges(embedded)


@pytest.mark.neo4j
def test_a_query_selects_what_is_drawn(neo4j_graph: Neo4jSettings, tmp_path: Path) -> None:
    load(graph_rows(*_world()), neo4j_graph)
    rows = fetch_rows(
        neo4j_graph,
        "MATCH p = (:Entity {name: $name})-[:CRITICIZE]->() RETURN p",
        {"name": "Ann Lee"},
    )
    graph = graph_from_rows(rows)
    assert set(graph.nodes) == {"ann-lee", "bob-ray"}
    assert [d["type"] for _, _, d in graph.edges(data=True)] == ["CRITICIZE"]
    assert [a["id"] for a in rows.articles] == ["r1", "r2"]  # r2 mentions Bob
    page = tmp_path / "q.html"
    connection = ["--neo4j-uri", neo4j_graph.uri, "--neo4j-password", neo4j_graph.password]
    result = CliRunner().invoke(
        app,
        [
            "draw",
            "--cypher",
            "MATCH (a)-[r:PRAISE]->(b) RETURN a, r, b",
            "-o",
            str(page),
            *connection,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 actors, 1 edges" in " ".join(result.stdout.split())


@pytest.mark.neo4j
def test_build_loads_into_neo4j_and_a_rerun_adds_nothing(
    neo4j_graph: Neo4jSettings, seeds: Path, tmp_path: Path
) -> None:
    connection = ["--neo4j-uri", neo4j_graph.uri, "--neo4j-password", neo4j_graph.password]
    args = [
        "build",
        str(seeds),
        "--store",
        str(tmp_path / "s"),
        "--out",
        str(tmp_path),
        "--neo4j",
        *connection,
    ]
    runner = CliRunner()
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    once = fetch_rows(neo4j_graph)
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert fetch_rows(neo4j_graph) == once
    with Store(tmp_path / "s", read_only=True) as store:
        assert once.relation_count == store.counts()["relations"] > 0
