"""The local server as `polgraph neo4j start` runs it: loopback only, auth on, idempotent."""

import json
import os
import stat
import urllib.request
from pathlib import Path

import neo4j
import pytest
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.config import CONNECTION_FILE, Neo4jSettings, saved_neo4j_settings
from polgraph.graph.neo4j import server
from polgraph.graph.neo4j.connect import Neo4jFailure, connect
from polgraph.graph.neo4j.load import load
from tests.graph.neo4j.sample import article, extraction, graph_rows, mention, snapshot, triple

pytestmark = pytest.mark.neo4j


def _listening(port: int) -> set[str]:
    """Local addresses with a socket listening on `port`, from the kernel's own tables."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F"}


def test_bolt_and_the_browser_listen_on_loopback_only(
    neo4j_server: Neo4jSettings, neo4j_server_dir: Path
) -> None:
    browser = server.browser_port(neo4j_server_dir)
    assert browser is not None
    for port in (int(neo4j_server.uri.rsplit(":", 1)[1]), browser):
        addresses = _listening(port)
        assert addresses
        assert addresses <= LOOPBACK, addresses


def test_the_http_connector_serves_the_browser_for_this_bolt_and_keeps_it_local(
    neo4j_server: Neo4jSettings, neo4j_server_dir: Path
) -> None:
    url = server.browser_url(neo4j_server_dir)
    assert url is not None
    with urllib.request.urlopen(url.removesuffix("browser/")) as answer:
        discovery = json.load(answer)
    assert discovery["bolt_direct"] == neo4j_server.uri
    with urllib.request.urlopen(url) as page:
        assert b"Neo4j Browser" in page.read()
        policy = page.headers["Content-Security-Policy"]
    assert policy == server.CONTENT_SECURITY_POLICY
    assert "googleapis" not in policy and "segment" not in policy
    with connect(neo4j_server) as driver:
        records, _, _ = driver.execute_query("CALL dbms.clientConfig() YIELD name, value")
    settings = {record["name"]: record["value"] for record in records}
    assert settings["client.allow_telemetry"] == "false"
    assert settings["browser.allow_outgoing_connections"] == "false"


def test_the_saved_connection_is_private_and_the_default_password_is_refused(
    neo4j_server: Neo4jSettings, neo4j_server_dir: Path
) -> None:
    assert saved_neo4j_settings(neo4j_server_dir) == neo4j_server
    for name in (CONNECTION_FILE, "password"):
        mode = stat.S_IMODE(os.stat(neo4j_server_dir / name).st_mode)
        assert mode == 0o600, name
    assert len(neo4j_server.password) >= 24
    default = neo4j.GraphDatabase.driver(neo4j_server.uri, auth=("neo4j", "neo4j"))
    with default, pytest.raises(neo4j.exceptions.AuthError):
        default.verify_connectivity()


def test_status_and_a_second_start(neo4j_server: Neo4jSettings, neo4j_server_dir: Path) -> None:
    state = server.status(neo4j_server_dir)
    assert state.running and state.uri == neo4j_server.uri
    assert server.start(neo4j_server_dir) == neo4j_server


def test_a_taken_port_and_a_missing_server(neo4j_server: Neo4jSettings, tmp_path: Path) -> None:
    port = int(neo4j_server.uri.rsplit(":", 1)[1])
    with pytest.raises(Neo4jFailure, match="already in use"):
        server.start(tmp_path, port)
    assert not server.status(tmp_path).running
    assert server.stop(tmp_path) is False


def test_the_cli_reports_status(
    neo4j_server: Neo4jSettings,
    neo4j_server_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLGRAPH_NEO4J_DIR", str(neo4j_server_dir))
    running = CliRunner().invoke(app, ["neo4j", "status"])
    assert running.exit_code == 0 and neo4j_server.uri in running.output
    assert f"Neo4j Browser: {server.browser_url(neo4j_server_dir)}" in running.output
    monkeypatch.setenv("POLGRAPH_NEO4J_DIR", str(tmp_path))
    stopped = CliRunner().invoke(app, ["neo4j", "status"])
    assert stopped.exit_code == 1 and "not running" in stopped.output


def test_a_restart_keeps_the_graph_and_a_reload_adds_nothing(tmp_path: Path) -> None:
    """Its own server, stopped and started again as `polgraph neo4j stop/start` do."""
    rows = graph_rows(
        extraction(
            article("r1"),
            triple(article("r1"), mention("Ada Ames"), "CRITICIZE", mention("Bo Bell"), "hit"),
        )
    )
    settings = server.start(tmp_path, server.free_port(), server.free_port())
    try:
        load(rows, settings)
        before = snapshot(settings)
        assert server.stop(tmp_path)
        assert server.start(tmp_path) == settings
        assert snapshot(settings) == before
        load(rows, settings)
        assert snapshot(settings) == before
        assert len(before["relationships"]) == 3
    finally:
        server.stop(tmp_path)
