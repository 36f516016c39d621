"""Running the notebooks on the sample, for the suite and for refreshing their stored outputs.

The notebooks are stored with their outputs, so a viewer shows tables and plots without
running anything. The suite runs each one again on the sample and compares what it prints
with what is stored: the text of every output, with the bits that differ between machines
(engine, addresses) normalised; a plot must still be a plot, its pixels are not compared.

After changing a notebook, or anything it shows, store its new outputs:

    .venv/bin/python -m tests.notebooks            # all notebooks
    .venv/bin/python -m tests.notebooks 03_analysis
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
SEEDS = REPO / "seeds"
TEXT_TYPES = ("text/plain", "text/html", "text/markdown")
# What may differ between two honest runs: where a Python object lives, which engine
# answered notebook 02 (Neo4j in CI, the embedded store elsewhere).
VOLATILE = [
    (re.compile(r" at 0x[0-9a-f]+"), " at 0x…"),
    (re.compile(r"^asking (neo4j|embedded)$", re.M), "asking <engine>"),
]


def build_sample(folder: Path) -> Path:
    """README command 1 as a new user runs it: `polgraph build`, no arguments, in a folder
    holding seeds/. The folder then holds `.polgraph/` and `out/`."""
    from typer.testing import CliRunner

    from polgraph.cli import app

    (folder / "seeds").symlink_to(SEEDS, target_is_directory=True)
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, ["build"])
    finally:
        os.chdir(cwd)
    if result.exit_code != 0:
        raise RuntimeError(f"polgraph build of the sample failed: {result.output}")
    return folder


@contextmanager
def _environment(values: Mapping[str, str]) -> Any:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def execute(path: Path, store: Path, env: Mapping[str, str] = {}) -> NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, the test's own Python (ipykernel's
    built-in `python3`), on `store`; the articles are seeds/, so a built store parses
    nothing. No timings are recorded, so a stored notebook changes only with its outputs."""
    notebook = nbformat.read(path, as_version=4)
    values = {
        "POLGRAPH_STORE": str(store),
        "POLGRAPH_INPUT": str(SEEDS),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        **env,
    }
    with _environment(values):
        NotebookClient(
            notebook,
            timeout=300,
            kernel_name="python3",
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()
    return notebook


def _normal(text: str | list[str]) -> str:
    text = "".join(text) if isinstance(text, list) else text
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def shown(notebook: NotebookNode) -> list[list[tuple[str, ...]]]:
    """What each code cell shows, as text: streams, errors, and every text form of a result;
    an image counts as being there."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs: list[tuple[str, ...]] = []
        for output in cell.outputs:
            if output.output_type == "stream":
                outputs.append(("stream", output.name, _normal(output.text)))
            elif output.output_type == "error":
                outputs.append(("error", output.ename, _normal(output.evalue)))
            else:
                data = output.get("data", {})
                for mime in TEXT_TYPES:
                    if mime in data:
                        outputs.append((output.output_type, mime, _normal(data[mime])))
                if "image/png" in data:
                    outputs.append((output.output_type, "image/png"))
        cells.append(outputs)
    return cells


def stale_cells(stored: NotebookNode, again: NotebookNode) -> list[int]:
    """The code cells (numbered from 1) whose stored outputs a new run no longer shows."""
    before, now = shown(stored), shown(again)
    if len(before) != len(now):
        raise ValueError("the notebooks differ in their code cells")
    return [n for n, (old, new) in enumerate(zip(before, now, strict=True), 1) if old != new]


def refresh(names: list[str]) -> None:
    """Store fresh outputs of the named notebooks (all when none), run on the sample."""
    paths = [NOTEBOOKS / f"{name}.ipynb" for name in names] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        os.environ.pop(name, None)
    with tempfile.TemporaryDirectory() as scratch:
        built = build_sample(Path(scratch)) / ".polgraph"
        for path in paths:
            store = Path(scratch) / f"store-{path.stem}"
            shutil.copytree(built, store)
            notebook = execute(path, store, {"POLGRAPH_NEO4J_DIR": str(Path(scratch) / "none")})
            nbformat.write(notebook, path)
            print(f"stored the outputs of {path.relative_to(REPO)}")


if __name__ == "__main__":
    refresh(sys.argv[1:])
