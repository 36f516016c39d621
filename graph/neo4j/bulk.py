"""The first load of a big graph: a CSV export through Neo4j's offline import tool.

`neo4j-admin database import full` writes the store files directly, with no transactions and
no MERGE, so it is far faster than any Bolt loader; the price is that it needs the database
offline and replaces it whole. Neo4j Community has one user database, so the import goes
into `neo4j` of the local server, which must be stopped. Increments afterwards go through
the batched loader (`polgraph load`), which MERGEs on the same ids the CSV carries.

The import tool creates no constraints or indexes in Community, so the server is started
right after the import and given the loader's schema: a `polgraph load` that follows finds
the uniqueness constraints its MERGE relies on.

The database in place is moved aside, not deleted, until the import has succeeded: a failed
import leaves the graph as it was.
"""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from polgraph.config import Neo4jSettings, neo4j_state_dir
from polgraph.graph.export import (
    NODE_FILES,
    RELATIONSHIP_FILES,
    import_arguments,
)
from polgraph.graph.neo4j import server
from polgraph.graph.neo4j.connect import Neo4jFailure, connect, translated
from polgraph.graph.neo4j.schema import ensure_schema

DATABASE = "neo4j"
MENTIONS = "MENTIONS"
REPORT_FILE = "import.report"
_KEPT = ".before-import"
_EXCEPTION_CLASS = re.compile(r"^(?:[\w$]+\.)+[\w$]+: ")
# The import tool cannot write an empty list (an empty array cell is no property at all);
# the loader writes [], so the graph is made the same as a batched load would leave it.
EMPTY_LISTS = (
    "MATCH (e:Entity) WHERE e.aliases IS NULL OR e.roles IS NULL "
    "CALL (e) { SET e.aliases = coalesce(e.aliases, []), e.roles = coalesce(e.roles, []) } "
    "IN TRANSACTIONS OF 10000 ROWS"
)


class BulkError(Exception):
    """The import cannot be done or failed; the message names the directory and the cause."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    nodes: int
    relationships: int
    import_seconds: float
    start_seconds: float
    settings: Neo4jSettings


def check_directory(directory: Path) -> None:
    if not directory.is_dir():
        raise BulkError(f"{directory}: no such directory (write one with `export --format csv`)")
    missing = [
        name for name in (*NODE_FILES, *RELATIONSHIP_FILES) if not (directory / name).is_file()
    ]
    if missing:
        raise BulkError(
            f"{directory}: not a polgraph CSV export, missing {', '.join(missing)} "
            "(write one with `export --format csv`)"
        )


def _failure(output: str) -> str:
    """The import tool's own reason: with --verbose, the innermost `Caused by:` of its trace
    (without the exception's class name); otherwise its last lines that are not a trace."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    causes = [line.removeprefix("Caused by: ") for line in lines if line.startswith("Caused by:")]
    if causes:
        return _EXCEPTION_CLASS.sub("", causes[-1])
    reasons = [line for line in lines if not line.startswith(("at ", "..."))]
    return " | ".join(reasons[-2:]) or "no output"


def run_import(directory: Path, state_dir: Path) -> float:
    """The import tool on `directory` into the stopped server's `neo4j`; returns seconds,
    counting the import tool's own JVM start."""
    kept = [path.with_name(path.name + _KEPT) for path in server.database_dirs(state_dir)]
    for path, aside in zip(server.database_dirs(state_dir), kept, strict=True):
        shutil.rmtree(aside, ignore_errors=True)
        if path.exists():
            path.rename(aside)
    began = time.perf_counter()
    try:
        done = server.admin(
            [
                "database",
                "import",
                "full",
                DATABASE,
                "--verbose",
                # The tool takes 90% of free memory by default; polgraph's Neo4j keeps to
                # its heap and page cache sizes, as other work shares the machine.
                f"--max-off-heap-memory={server.PAGECACHE.upper()}",
                f"--report-file={(state_dir / REPORT_FILE).resolve()}",
                *import_arguments(),
            ],
            state_dir,
            cwd=directory,
        )
    except Neo4jFailure as error:
        done = None
        reason = str(error)
    seconds = time.perf_counter() - began
    if done is None or done.returncode != 0:
        for path, aside in zip(server.database_dirs(state_dir), kept, strict=True):
            shutil.rmtree(path, ignore_errors=True)
            if aside.exists():
                aside.rename(path)
        if done is not None:
            reason = _failure(done.stdout + done.stderr)
        raise BulkError(f"{directory}: the import tool failed, the database is unchanged: {reason}")
    for aside in kept:
        shutil.rmtree(aside, ignore_errors=True)
    return seconds


def finish(settings: Neo4jSettings) -> tuple[int, int]:
    """Give the imported graph the loader's schema and empty lists; returns its counts."""
    with connect(settings) as driver, translated(settings):
        ensure_schema(driver, DATABASE)
        with driver.session(database=DATABASE) as session:
            session.run(EMPTY_LISTS).consume()
        counts, _, _ = driver.execute_query(
            "CALL () { MATCH (n) RETURN count(n) AS nodes } "
            "CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } "
            "RETURN nodes, relationships",
            database_=DATABASE,
        )
    return counts[0]["nodes"], counts[0]["relationships"]


def import_csv(
    directory: Path, state_dir: Path | None = None, port: int | None = None
) -> ImportReport:
    """Replace the local server's graph with a CSV export, then start it with the schema."""
    state = state_dir or neo4j_state_dir()
    check_directory(directory)
    running = server.status(state)
    if running.pid is not None:
        raise BulkError(
            f"{directory}: the local Neo4j (pid {running.pid}) is running; "
            "stop it with `polgraph neo4j stop` first, as the import replaces its database"
        )
    import_seconds = run_import(directory, state)
    began = time.perf_counter()
    try:
        settings = server.start(state, port)
    except Neo4jFailure as error:
        raise BulkError(f"{directory}: imported, but the server did not start: {error}") from None
    try:
        nodes, relationships = finish(settings)
    except Neo4jFailure as error:
        raise BulkError(
            f"{directory}: imported and started, but the schema could not be made: {error}"
        ) from None
    return ImportReport(
        nodes=nodes,
        relationships=relationships,
        import_seconds=import_seconds,
        start_seconds=time.perf_counter() - began,
        settings=settings,
    )
