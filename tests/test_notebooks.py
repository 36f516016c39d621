"""Every notebook runs top to bottom in a fresh kernel on the sample, and shows what is
stored in it: the notebooks are committed with their outputs, and a stored output that the
code no longer produces fails here (refresh them with `python -m tests.notebooks`)."""

import shutil
from pathlib import Path

import nbformat
import pytest

from tests.conftest import REPO
from tests.notebooks import execute, shown, stale_cells

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
# The plots a reader would rather look at than read, by notebook.
PLOTS = {"01_quickstart": 1, "02_cypher": 0, "03_analysis": 5, "04_country_dyads": 2}


def test_the_four_notebooks_are_there() -> None:
    assert [p.name for p in NOTEBOOKS] == [
        "01_quickstart.ipynb",
        "02_cypher.ipynb",
        "03_analysis.ipynb",
        "04_country_dyads.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_with_their_outputs_and_plots(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    outputs = shown(notebook)
    assert all(outputs[1:]), "a code cell after the settings shows nothing"
    assert not any(output[0] == "error" for cell in outputs for output in cell)
    images = sum(output[1:] == ("image/png",) for cell in outputs for output in cell)
    assert images == PLOTS[path.stem]


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_top_to_bottom_and_shows_what_is_stored(
    path: Path,
    sample_build: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    """On a copy of the session's sample store, so nothing is parsed again. Notebook 02
    runs its cookbook on the session's emptied Neo4j where there is one (always in CI),
    else on the embedded engine, and must print the same rows either way; no notebook sees
    a developer's own server."""
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    env = {"POLGRAPH_NEO4J_DIR": str(tmp_path / "no-saved-connection")}
    if path.stem == "02_cypher":
        try:
            server = request.getfixturevalue("neo4j_graph")
        except pytest.skip.Exception:
            server = None
        if server is not None:
            env |= {
                "NEO4J_URI": server.uri,
                "NEO4J_USERNAME": server.username,
                "NEO4J_PASSWORD": server.password,
                "NEO4J_DATABASE": server.database,
            }
    store = tmp_path / "store"
    shutil.copytree(sample_build / ".polgraph", store)
    again = execute(path, store, env)
    stale = stale_cells(nbformat.read(path, as_version=4), again)
    assert stale == [], f"code cells {stale} of {path.name} no longer show what is stored"


@pytest.mark.slow
def test_a_stale_output_is_caught_and_an_address_is_not(tmp_path: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = nbformat.read(NOTEBOOKS[0], as_version=4).metadata
    notebook.cells = [
        nbformat.v4.new_code_cell("print(6 * 7)"),
        nbformat.v4.new_code_cell("print(object())"),
    ]
    path = tmp_path / "stale.ipynb"
    nbformat.write(notebook, path)
    stored = execute(path, tmp_path / "store")
    assert stale_cells(stored, execute(path, tmp_path / "store")) == []
    stored.cells[0].outputs[0].text = "41\n"
    assert stale_cells(stored, execute(path, tmp_path / "store")) == [1]
