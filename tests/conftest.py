import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j import server as neo4j_server_module
from polgraph.graph.neo4j.connect import Neo4jFailure
from tests.graph.neo4j.sample import clear

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_ARTICLE = SEEDS / "000_215112939b79893b.txt"
# Set by scripts/test (the README's test command) and implied by CI: a Neo4j server or a
# Chromium that cannot be had fails the run, naming the cause, instead of skipping.
REQUIRE = "POLGRAPH_REQUIRE_SERVICES"


def services_required() -> bool:
    return os.environ.get(REQUIRE) == "1" or os.environ.get("CI") == "true"


def unavailable(what: str) -> None:
    """Fail when the run must have `what`, else skip; the terminal summary repeats skips."""
    if services_required():
        pytest.fail(f"{what} ({REQUIRE}=1 or CI=true: these tests must run)")
    pytest.skip(what)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """A bare `pytest` may skip the Neo4j and Chromium tests; say so where it is seen."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if {"neo4j", "browser"} & set(getattr(report, "keywords", {}))
    ]
    if skipped:
        reasons = sorted({str(report.longrepr[-1]) for report in skipped})
        terminalreporter.write_sep(
            "!",
            f"{len(skipped)} Neo4j/Chromium tests SKIPPED; `bash scripts/test` fails instead",
            red=True,
        )
        for reason in reasons:
            terminalreporter.write_line(f"  {reason}")


@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the seed article alone: the tests that build it stay quick, whatever
    else seeds/ ships. The whole of seeds/ is built once, by `sample_build`."""
    folder = tmp_path_factory.mktemp("seeds")
    shutil.copy(SEED_ARTICLE, folder)
    return folder


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """README command 1 as a new user runs it (`polgraph build`, no arguments, beside
    seeds/: the seed article and the Wikinews sample), built once per session, about 20 s
    of one core. The folder holds `.polgraph/` and `out/`; tests that change the store
    work on a copy."""
    from tests.notebooks import build_sample

    return build_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def neo4j_server_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """State directory (data, logs, saved connection) of the session's Neo4j."""
    return tmp_path_factory.mktemp("neo4j")


@pytest.fixture(scope="session")
def neo4j_server(neo4j_server_dir: Path) -> Iterator[Neo4jSettings]:
    """A real Neo4j started for this test session in a throwaway directory and port.

    Never the user's own server: the tests wipe the graph. Started as `polgraph neo4j
    start` starts it, Neo4j Browser included, on free ports. Under scripts/test or CI a
    server that cannot be had is a failure; a bare `pytest` without Neo4j set up skips, and
    says so in the summary.
    """
    if not services_required() and not neo4j_server_module.is_obtained():
        unavailable(
            "Neo4j is not set up on this machine: run `polgraph neo4j install` once "
            "(needs Java 17+ and Maven)"
        )
    state = neo4j_server_dir
    try:
        settings = neo4j_server_module.start(
            state, neo4j_server_module.free_port(), neo4j_server_module.free_port()
        )
    except Neo4jFailure as error:
        unavailable(f"Neo4j could not be started: {error}")
    yield settings
    neo4j_server_module.stop(state)


@pytest.fixture
def neo4j_graph(neo4j_server: Neo4jSettings) -> Neo4jSettings:
    """The session's server with an empty graph."""
    clear(neo4j_server)
    return neo4j_server
