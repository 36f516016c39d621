"""Every notebook runs top to bottom in a fresh kernel, and is committed without outputs."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_the_three_tutorials_are_there() -> None:
    assert [p.name for p in NOTEBOOKS] == [
        "01_quickstart.ipynb",
        "02_cypher.ipynb",
        "03_analysis.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_top_to_bottom(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """The kernel is the test's own Python (ipykernel's built-in `python3`), so the notebook
    sees the installed polgraph; the store goes to a temporary folder, not the repository.
    Notebook 02 runs its cookbook on the session's emptied Neo4j where there is one (always
    in CI), else on the embedded engine; no notebook sees a developer's own server."""
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("POLGRAPH_NEO4J_DIR", str(tmp_path / "no-saved-connection"))
    if path.stem == "02_cypher":
        try:
            server = request.getfixturevalue("neo4j_graph")
        except pytest.skip.Exception:
            server = None
        if server is not None:
            monkeypatch.setenv("NEO4J_URI", server.uri)
            monkeypatch.setenv("NEO4J_USERNAME", server.username)
            monkeypatch.setenv("NEO4J_PASSWORD", server.password)
            monkeypatch.setenv("NEO4J_DATABASE", server.database)
    monkeypatch.setenv("POLGRAPH_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("POLGRAPH_INPUT", str(REPO / "seeds"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert errors == []
    assert (
        any(
            "image/png" in output.get("data", {})
            for cell in notebook.cells
            if cell.cell_type == "code"
            for output in cell.outputs
        )
        or path.stem == "02_cypher"
    )
