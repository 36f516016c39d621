import os
import shutil
import socket
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

    Never the user's own server: the tests wipe the graph. In CI a server that cannot be had
    is a failure; on a developer machine without Neo4j set up the tests skip and say why.
    """
    in_ci = os.environ.get("CI") == "true"
    if not in_ci and not neo4j_server_module.is_obtained():
        pytest.skip(
            "Neo4j is not set up on this machine: run `polgraph neo4j start` once "
            "(needs Java 17+ and Maven); CI always runs these tests"
        )
    state = neo4j_server_dir
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    try:
        settings = neo4j_server_module.start(state, port)
    except Neo4jFailure as error:
        if in_ci:
            pytest.fail(f"CI needs a real Neo4j: {error}")
        pytest.skip(f"Neo4j could not be started: {error}")
    yield settings
    neo4j_server_module.stop(state)


@pytest.fixture
def neo4j_graph(neo4j_server: Neo4jSettings) -> Neo4jSettings:
    """The session's server with an empty graph."""
    clear(neo4j_server)
    return neo4j_server
