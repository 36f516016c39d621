"""Failures reach the user as one line naming the URI and the cause, never a traceback."""

import socket
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j.connect import Neo4jFailure
from polgraph.graph.neo4j.load import load
from tests.graph.neo4j.sample import article, extraction, graph_rows, mention, triple

pytestmark = pytest.mark.neo4j


def _triples():
    one = article("c1")
    return [triple(one, mention("A"), "MEET", mention("B"), "met")]


def _rows():
    return graph_rows(extraction(article("c1"), *_triples()))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _one_line(error: pytest.ExceptionInfo[Neo4jFailure], uri: str) -> str:
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(uri)
    return message


def test_a_server_that_is_down() -> None:
    settings = Neo4jSettings(uri=f"bolt://127.0.0.1:{_closed_port()}", password="x")
    with pytest.raises(Neo4jFailure) as error:
        load(_rows(), settings)
    assert "not answering" in _one_line(error, settings.uri)


def test_a_wrong_password(neo4j_server: Neo4jSettings) -> None:
    settings = replace(neo4j_server, password="not-the-password")
    with pytest.raises(Neo4jFailure) as error:
        load(_rows(), settings)
    assert "authentication failed" in _one_line(error, settings.uri)


def test_a_wrong_database(neo4j_server: Neo4jSettings) -> None:
    settings = replace(neo4j_server, database="nosuchdb")
    with pytest.raises(Neo4jFailure) as error:
        load(_rows(), settings)
    assert "database 'nosuchdb' does not exist" in _one_line(error, settings.uri)


def test_the_cli_prints_one_line_and_exits_non_zero(tmp_path: Path) -> None:
    path = tmp_path / "triples.jsonl"
    path.write_text("".join(t.to_json() + "\n" for t in _triples()))
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    result = CliRunner().invoke(app, ["load", "--from", str(path), "--neo4j-uri", uri])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and uri in lines[0]


def test_a_bad_triples_file_names_the_line(tmp_path: Path, neo4j_server: Neo4jSettings) -> None:
    path = tmp_path / "triples.jsonl"
    path.write_text(_triples()[0].to_json() + "\n{not json\n")
    result = CliRunner().invoke(
        app,
        ["load", "--from", str(path), "--neo4j-uri", neo4j_server.uri, "--neo4j-password", "x"],
    )
    assert result.exit_code == 1
    assert f"{path}:2: not a polgraph triple" in result.output.replace("\n", "")
