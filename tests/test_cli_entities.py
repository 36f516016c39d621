"""`polgraph entities`: listing stored actors and applying overrides from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.graph.store import Store
from polgraph.ingest.overrides import load_overrides
from polgraph.ingest.records import (
    Article,
    ArticleRef,
    Evidence,
    Extraction,
    Relation,
    Triple,
)
from tests.graph.neo4j.sample import mention

runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    ruto, odinga = mention("William Ruto"), mention("Raila Odinga", written="Odinga")
    triple = Triple(
        article=ArticleRef(id="k1"),
        subject=ruto,
        relation=Relation(type="MEET", text="met", rule="active"),
        object=odinga,
        evidence=Evidence("Ruto met Odinga.", 0, 16),
    )
    with Store(path) as db:
        db.add(Extraction(Article(id="k1", text=""), [triple], [ruto, ruto, odinga]))
        db.add(Extraction(Article(id="k2", text=""), [], [mention("Ruto")]))
    return path


def test_lists_actors_with_aliases_types_and_counts(store: Path) -> None:
    result = runner.invoke(app, ["entities", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.output)}
    assert rows["William Ruto"]["mentions"] == 2
    assert rows["Raila Odinga"]["aliases"] == ["Odinga"]
    assert rows["Raila Odinga"]["type"] == "PERSON"


def test_search_matches_names_and_aliases(store: Path) -> None:
    result = runner.invoke(
        app, ["entities", "--store", str(store), "--format", "json", "--search", "odinga"]
    )
    assert [row["name"] for row in json.loads(result.output)] == ["Raila Odinga"]


def test_apply_overrides_merges_in_the_store(store: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "fix.yaml"
    overrides.write_text("merge:\n  William Ruto: [Ruto]\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "entities",
            "--store",
            str(store),
            "--format",
            "json",
            "--apply-overrides",
            str(overrides),
        ],
    )
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert "Ruto" not in rows
    assert rows["William Ruto"]["articles"] == 2 and rows["William Ruto"]["mentions"] == 3


def test_a_bad_overrides_file_is_one_line_and_changes_nothing(store: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "bad.json"
    overrides.write_text('{"types": {"Ruto": "WIZARD"}}', encoding="utf-8")
    result = runner.invoke(
        app, ["entities", "--store", str(store), "--apply-overrides", str(overrides)]
    )
    assert result.exit_code == 1
    assert "bad.json" in result.output and "Traceback" not in result.output
    listed = runner.invoke(app, ["entities", "--store", str(store), "--format", "json"])
    assert {row["name"] for row in json.loads(listed.output)} >= {"Ruto", "William Ruto"}


def test_missing_store_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["entities", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no polgraph store" in result.output


def test_suggest_prints_an_overrides_file(store: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["entities", "--store", str(store), "--suggest"])
    assert result.exit_code == 0, result.output
    suggested = tmp_path / "suggested.yaml"
    suggested.write_text(result.stdout, encoding="utf-8")
    assert load_overrides(suggested).canonical("Ruto") == "William Ruto"
