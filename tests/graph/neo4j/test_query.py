"""`polgraph query`: parameters, plain values and the three output formats."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j.connect import Neo4jFailure
from polgraph.graph.neo4j.load import load
from polgraph.graph.neo4j.query import QueryResult, parse_params, to_csv
from polgraph.graph.query import query
from tests.graph.neo4j.sample import article, extraction, graph_rows, mention, triple


def _connection(settings: Neo4jSettings) -> list[str]:
    return ["--neo4j-uri", settings.uri, "--neo4j-password", settings.password]


def test_params_are_typed_when_they_read_as_json() -> None:
    assert parse_params(["limit=10", "name=Elon Musk", 'ids=["a"]', 'q="10"']) == {
        "limit": 10,
        "name": "Elon Musk",
        "ids": ["a"],
        "q": "10",
    }
    with pytest.raises(ValueError, match="name=value"):
        parse_params(["novalue"])


@pytest.mark.neo4j
def test_nodes_come_back_as_plain_data(neo4j_graph: Neo4jSettings) -> None:
    one = article("q1", title='Feud, "quoted"')
    load(
        graph_rows(extraction(one, triple(one, mention("Ann"), "MEET", mention("Bob"), "met"))),
        neo4j_graph,
    )
    result = QueryResult.from_records(
        query(
            "MATCH (a:Article)-[:MENTIONS]->(e:Entity {name: $name}) RETURN a, e.name AS name",
            {"name": "Ann"},
            "neo4j",
            neo4j=neo4j_graph,
        )
    )
    assert result.columns == ["a", "name"]
    assert result.rows[0][0]["title"] == 'Feud, "quoted"'
    rows = list(csv.reader(io.StringIO(to_csv(result))))
    assert rows[0] == ["a", "name"] and rows[1][1] == "Ann"
    assert json.loads(rows[1][0])["id"] == "q1"


@pytest.mark.neo4j
def test_the_cli_prints_json_and_csv(neo4j_graph: Neo4jSettings) -> None:
    runner = CliRunner()
    cypher = "UNWIND range(1, $n) AS i RETURN i, 'x' + i AS label"
    as_json = runner.invoke(
        app, ["query", cypher, "--param", "n=3", "--format", "json", *_connection(neo4j_graph)]
    )
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)[2] == {"i": 3, "label": "x3"}
    as_csv = runner.invoke(
        app, ["query", cypher, "-p", "n=2", "-f", "csv", *_connection(neo4j_graph)]
    )
    assert as_csv.stdout.splitlines() == ["i,label", "1,x1", "2,x2"]
    table = runner.invoke(app, ["query", cypher, "-p", "n=2", *_connection(neo4j_graph)])
    assert "x2" in table.stdout and "2 rows" in table.stdout


@pytest.mark.neo4j
def test_a_bad_query_is_one_line(neo4j_graph: Neo4jSettings) -> None:
    with pytest.raises(Neo4jFailure, match="SyntaxError") as error:
        query("MATCH (n RETURN n", {}, "neo4j", neo4j=neo4j_graph)
    assert "\n" not in str(error.value)
    result = CliRunner().invoke(app, ["query", "MATCH (n RETURN n", *_connection(neo4j_graph)])
    assert result.exit_code == 1 and "Traceback" not in result.output
