"""`--level country` on stats, draw and export: the same roll-up, and what it left out."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.graph.export import read_jsonl
from polgraph.graph.store import Store
from tests.graph.test_countries import _rows

runner = CliRunner()


def _store(path: Path) -> str:
    with Store(path) as store:
        store.write(_rows())
    return str(path)


def test_stats_draw_and_export_roll_up_to_countries(tmp_path: Path) -> None:
    store = _store(tmp_path / "store")
    stats = runner.invoke(
        app, ["stats", "--store", store, "--level", "country", "--format", "json"]
    )
    assert stats.exit_code == 0, stats.output
    assert "1 actors without a country (1 relations)" in stats.stderr
    (dyad,) = json.loads(stats.stdout)["hostile"]
    assert {dyad["a_name"], dyad["b_name"]} == {"Norway", "Chile"}
    page = tmp_path / "countries.html"
    drawn = runner.invoke(app, ["draw", "--from", store, "--level", "country", "-o", str(page)])
    assert drawn.exit_code == 0, drawn.output
    assert "without a country" in drawn.stderr
    assert " ".join(drawn.stdout.split()).endswith("2 actors, 1 edges (3 relations), live layout")
    target = tmp_path / "countries.jsonl"
    exported = runner.invoke(
        app,
        ["export", "--store", store, "--level", "country", "--format", "jsonl", "-o", str(target)],
    )
    assert exported.exit_code == 0, exported.output
    pairs = {(t.subject.name, t.object.name) for t in read_jsonl(target)}
    assert pairs == {("Norway", "Chile")}
