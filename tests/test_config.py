"""Where the Neo4j connection comes from: options, then NEO4J_* variables, then the saved file."""

from pathlib import Path

import pytest

from polgraph.config import Neo4jSettings, neo4j_settings, save_neo4j_settings

VARIABLES = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


@pytest.fixture(autouse=True)
def _no_neo4j_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_nothing_configured_is_none(tmp_path: Path) -> None:
    assert neo4j_settings(state_dir=tmp_path) is None


def test_the_saved_connection_is_used_without_variables(tmp_path: Path) -> None:
    saved = Neo4jSettings(uri="bolt://127.0.0.1:7690", password="s3cret")
    save_neo4j_settings(saved, tmp_path)
    assert neo4j_settings(state_dir=tmp_path) == saved


def test_variables_beat_the_file_and_options_beat_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_neo4j_settings(Neo4jSettings(uri="bolt://127.0.0.1:7690", password="saved"), tmp_path)
    monkeypatch.setenv("NEO4J_PASSWORD", "from-env")
    monkeypatch.setenv("NEO4J_DATABASE", "news")
    assert neo4j_settings(state_dir=tmp_path) == Neo4jSettings(
        uri="bolt://127.0.0.1:7690", password="from-env", database="news"
    )
    chosen = neo4j_settings(uri="neo4j://db:7687", username="ana", state_dir=tmp_path)
    assert chosen == Neo4jSettings(
        uri="neo4j://db:7687", username="ana", password="from-env", database="news"
    )


def test_a_variable_alone_configures_neo4j(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:7699")
    assert neo4j_settings(state_dir=tmp_path) == Neo4jSettings(uri="bolt://127.0.0.1:7699")
