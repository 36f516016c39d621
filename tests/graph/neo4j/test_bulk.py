"""The bulk path against the real import tool and a real server: a CSV export imported with
`polgraph neo4j import` equals what the batched loader writes, and later loads are increments.

The import replaces a server's database, so it goes into a throwaway server of its own; the
session's server holds the batched load it is compared with.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.config import Neo4jSettings, saved_neo4j_settings
from polgraph.graph.export import IMPORT_SCRIPT_NAME
from polgraph.graph.neo4j import server
from polgraph.graph.neo4j.bulk import BulkError, run_import
from polgraph.graph.neo4j.connect import connect
from polgraph.graph.neo4j.load import load, rows_from_path
from polgraph.graph.rows import GraphRows
from polgraph.graph.store import Store
from tests.graph.neo4j.sample import article, count, extraction, graph_rows, mention, snapshot
from tests.graph.neo4j.sample import triple as make_triple

NOVIKOV = mention("Dmitry Novikov")
NEWCOMER = mention("Vera Newcomer")
MUSK = mention("Elon Musk", written="Musk")


@dataclass(frozen=True, slots=True)
class Imported:
    settings: Neo4jSettings
    state: Path
    snapshot: dict[str, list[Any]]


def _invoke(arguments: list[str], state: Path) -> Any:
    return CliRunner().invoke(app, arguments, env={"POLGRAPH_NEO4J_DIR": str(state)})


@pytest.fixture(scope="module")
def seed_store(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("bulk-store")
    built = CliRunner().invoke(
        app, ["build", str(seeds), "--store", str(where / "store"), "--out", str(where)]
    )
    assert built.exit_code == 0, built.output
    return where / "store"


@pytest.fixture(scope="module")
def exported(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("bulk-csv") / "neo4j-import"
    done = CliRunner().invoke(
        app, ["export", "--format", "csv", "-o", str(target), "--store", str(seed_store)]
    )
    assert done.exit_code == 0, done.output
    return target


@pytest.fixture(scope="module")
def imported(
    neo4j_server: Neo4jSettings, exported: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Imported]:
    """`polgraph neo4j import` into a server of its own, snapshotted right after the import.

    Depends on the session's server so it skips (or, in CI, fails) the same way."""
    state = tmp_path_factory.mktemp("bulk-neo4j")
    done = _invoke(["neo4j", "import", str(exported), "--port", str(server.free_port())], state)
    try:
        assert done.exit_code == 0, done.output
        assert done.output.startswith("imported "), done.output
        settings = saved_neo4j_settings(state)
        assert settings is not None
        yield Imported(settings, state, snapshot(settings))
    finally:
        server.stop(state)


def _seed_rows(seed_store: Path) -> GraphRows:
    return rows_from_path(seed_store)


@pytest.mark.neo4j
def test_the_import_equals_the_batched_load(
    imported: Imported, neo4j_graph: Neo4jSettings, seed_store: Path
) -> None:
    rows = _seed_rows(seed_store)
    load(rows, neo4j_graph)
    assert imported.snapshot == snapshot(neo4j_graph)
    with Store(seed_store, read_only=True) as store:
        expected = store.counts()
    assert len(imported.snapshot["nodes"]) == expected["articles"] + expected["entities"]
    assert len(imported.snapshot["relationships"]) == expected["mentions"] + expected["relations"]
    rel_type, batch = sorted(rows.relations.items())[0]
    sample = batch[0]
    with connect(imported.settings) as driver:
        records, _, _ = driver.execute_query(
            f"MATCH ()-[r:{rel_type} {{id: $id}}]->() RETURN properties(r) AS props",
            id=sample["id"],
        )
    ignored = ("type", "source_id", "target_id")
    assert records[0]["props"] == {
        key: value for key, value in sample.items() if value is not None and key not in ignored
    }


@pytest.mark.neo4j
def test_the_import_leaves_the_loader_schema_in_place(imported: Imported, seed_store: Path) -> None:
    with connect(imported.settings) as driver:
        records, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
        indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN name")
    constraints = {record["name"] for record in records}
    assert constraints == {"entity_id", "article_id"}
    assert {"entity_name", "article_date", "entity_names"} <= {r["name"] for r in indexes}


@pytest.mark.neo4j
def test_a_load_after_the_import_is_an_increment(
    imported: Imported, neo4j_graph: Neo4jSettings, seed_store: Path
) -> None:
    rows = _seed_rows(seed_store)
    load(rows, imported.settings)
    assert snapshot(imported.settings) == imported.snapshot
    news = article("bulk-increment", date="2025-06-09", title="Later")
    extra = graph_rows(
        extraction(
            news,
            make_triple(news, NOVIKOV, "MEET", NEWCOMER, "met", quad_class=1),
            make_triple(news, NEWCOMER, "CRITICIZE", MUSK, "criticised", 30, quad_class=3),
            mentions=(NOVIKOV, NEWCOMER, MUSK),
        )
    )
    load(extra, imported.settings)
    after = snapshot(imported.settings)
    assert len(after["nodes"]) == len(imported.snapshot["nodes"]) + 2  # the article, Vera
    assert len(after["relationships"]) == len(imported.snapshot["relationships"]) + 3 + 2
    load(rows, neo4j_graph)
    load(extra, neo4j_graph)
    assert after == snapshot(neo4j_graph)


@pytest.mark.neo4j
def test_the_import_refuses_while_the_server_runs(imported: Imported, exported: Path) -> None:
    nodes = count(imported.settings, "MATCH (n) RETURN count(n)")
    done = _invoke(["neo4j", "import", str(exported)], imported.state)
    assert done.exit_code == 1
    assert str(exported) in done.output and "is running" in done.output
    assert len(done.output.strip().splitlines()) == 1
    assert count(imported.settings, "MATCH (n) RETURN count(n)") == nodes


def test_a_missing_directory_or_file_is_named(tmp_path: Path) -> None:
    state = tmp_path / "state"
    missing = _invoke(["neo4j", "import", str(tmp_path / "nowhere")], state)
    assert missing.exit_code == 1
    assert f"{tmp_path / 'nowhere'}: no such directory" in missing.output
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "entities.csv").write_text("id:ID(Entity)\n")
    done = _invoke(["neo4j", "import", str(partial)], state)
    assert done.exit_code == 1
    assert str(partial) in done.output and "missing articles.csv" in done.output
    assert "Traceback" not in done.output + missing.output
    assert not state.exists()


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.neo4j
def test_a_failed_import_leaves_the_database_as_it_was(
    neo4j_server: Neo4jSettings, exported: Path, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    run_import(exported, state)
    databases = state / "home" / "data"
    before = _tree(databases)
    assert any(name.startswith("databases/neo4j/") for name in before)
    broken = tmp_path / "broken"
    shutil.copytree(exported, broken)
    with (broken / "relations.csv").open("a", encoding="utf-8") as rows:
        rows.write("nobody,no-one,MEET,dangling\n")
    with pytest.raises(BulkError) as failure:
        run_import(broken, state)
    message = str(failure.value)
    assert message.startswith(f"{broken}: the import tool failed, the database is unchanged")
    assert "nobody" in message
    assert _tree(databases) == before


@pytest.mark.neo4j
def test_the_exported_script_runs_with_neo4j_admin(
    neo4j_server: Neo4jSettings, exported: Path, seed_store: Path, tmp_path: Path
) -> None:
    """import.sh as a packaged Neo4j runs it: `neo4j-admin` on PATH, called from elsewhere.
    Here `neo4j-admin` is the real admin tool of the resolved engine, as its script runs it."""
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "neo4j.conf").write_text("")
    binaries = tmp_path / "bin"
    binaries.mkdir()
    admin = binaries / "neo4j-admin"
    classpath = (server.obtain() / "classpath.txt").read_text().strip()
    admin.write_text(
        "#!/bin/sh\n"
        'exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" '
        f'-cp "{classpath}" org.neo4j.cli.AdminTool "$@"\n',
        encoding="utf-8",
    )
    admin.chmod(admin.stat().st_mode | stat.S_IEXEC)
    done = subprocess.run(
        ["sh", str(exported / IMPORT_SCRIPT_NAME)],
        cwd=tmp_path,
        env={
            **os.environ,
            "PATH": f"{binaries}{os.pathsep}{os.environ['PATH']}",
            "NEO4J_HOME": str(home),
            "NEO4J_CONF": str(tmp_path),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    with Store(seed_store, read_only=True) as store:
        expected = store.counts()
    nodes = expected["articles"] + expected["entities"]
    relationships = expected["mentions"] + expected["relations"]
    assert f"{nodes} nodes" in done.stdout and f"{relationships} relationships" in done.stdout
    assert (home / "data" / "databases" / "neo4j").is_dir()
