"""`polgraph stats` as a report: the top rows and how many more, or one pair alone.

The hand-built world of tests/graph/world.py checks the rendering against known answers;
the Wikinews sample checks that the report of a real corpus fits on two screens.
"""

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from rich.console import Console
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.graph.analysis import stats
from polgraph.graph.store import Store
from polgraph.report import overview, pair_report
from tests.graph.world import build

runner = CliRunner()
# Two screens of a terminal of 80 columns and about 40 lines.
TWO_SCREENS = 80


def _text(parts: list, width: int = 80) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    for part in parts:
        console.print(part)
    return console.export_text()


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    with Store(build(Path(tmp_path_factory.mktemp("world")))) as store:
        return store.to_networkx()


def test_each_table_shows_its_top_rows_and_counts_the_rest(world: nx.MultiDiGraph) -> None:
    result = stats(world, top=None)
    shown = _text(overview(result, world, limit=2))
    assert _flat(shown).startswith("6 actors, 13 relation reports in 12 events")
    assert f"… {len(result.relations) - 2} more (--all)" in shown
    assert "… 4 more (--all)" in shown  # six connected actors, two shown per ranking
    whole = _text(overview(result, world, limit=None))
    assert "more (--all)" not in whole
    for rel_type in result.relations:
        assert rel_type in whole
    assert "Carland – Dovia" in whole and "Alice Ames – Bob Brown" in whole


def test_the_pair_alone_with_its_events_in_date_order(world: nx.MultiDiGraph) -> None:
    result = stats(world, dyad=("Carland", "Dovia"), top=None)
    shown = _text(pair_report(result, ("Carland", "Dovia")))
    assert "central actors" not in shown and "communities" not in shown
    assert "Carland and Dovia: 2 events from 3 reports, 2025-06-01 to 2025-06-10" in shown
    lines = shown.splitlines()
    heads = [line for line in lines if line.startswith("2025-06-")]
    assert heads == [
        "2025-06-01  Carland → Dovia  THREATEN  asserted  -4.4  (2 reports in 2 articles)",
        "2025-06-10  Carland → Dovia  THREATEN  asserted  -4.4",
    ]
    assert result.pair is not None
    for event in result.pair:
        assert _flat(event.sentence) in _flat(shown)
    assert "█" in shown  # the timeline's bars


def test_a_pair_that_never_met_says_so(world: nx.MultiDiGraph) -> None:
    result = stats(world, dyad=("Alice Ames", "Fay Fox"))
    assert _text(pair_report(result, ("Alice Ames", "Fay Fox"))).strip() == (
        "Alice Ames and Fay Fox: no relations between them"
    )


def test_text_from_articles_is_not_read_as_markup(world: nx.MultiDiGraph) -> None:
    world = world.copy()
    world.nodes["carland"]["name"] = "[bold]Carland[/bold]"
    shown = _text(overview(stats(world), world, limit=10))
    assert "[bold]Carland[/bold]" in shown


@pytest.mark.slow
def test_stats_on_the_sample_fits_two_screens_and_all_shows_everything(
    sample_build: Path,
) -> None:
    store = str(sample_build / ".polgraph")
    short = runner.invoke(app, ["stats", "--store", store])
    assert short.exit_code == 0, short.output
    lines = short.stdout.splitlines()
    assert len(lines) <= TWO_SCREENS
    assert sum("more (--all)" in line for line in lines) >= 4
    full = runner.invoke(app, ["stats", "--store", store, "--all"])
    assert full.exit_code == 0, full.output
    data = json.loads(runner.invoke(app, ["stats", "--store", store, "--format", "json"]).stdout)
    assert len(data["degree"]) == 10
    for rel_type in data["relations"]:
        assert f" {rel_type} " in full.stdout
    assert "more (--all)" not in full.stdout


@pytest.mark.slow
def test_dyad_on_the_sample_shows_the_pair_events_and_sentences(sample_build: Path) -> None:
    store = str(sample_build / ".polgraph")
    pair = ["--dyad", "Donald Trump", "Joe Biden"]
    shown = runner.invoke(app, ["stats", "--store", store, *pair])
    assert shown.exit_code == 0, shown.output
    data = json.loads(
        runner.invoke(app, ["stats", "--store", store, *pair, "--format", "json"]).stdout
    )
    events = data["pair"]
    assert len(events) >= 5
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert {frozenset((e["source_name"], e["target_name"])) for e in events} == {
        frozenset(("Donald Trump", "Joe Biden"))
    }
    for event in events:
        assert _flat(event["sentence"]) in _flat(shown.stdout)
        assert event["types"][0] in shown.stdout
    assert "central actors" not in shown.stdout and "relation types" not in shown.stdout
    assert data["timeline"] and "█" in shown.stdout
