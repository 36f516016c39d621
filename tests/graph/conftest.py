"""Fixtures of the graph tests: hand-built graphs in the store's networkx shape for the drawing
tests, and an emptied real Neo4j for the parity and export suites."""

from __future__ import annotations

import os

import networkx as nx
import pytest

from polgraph.config import Neo4jSettings
from polgraph.graph.browser import chromium_path
from polgraph.graph.synthetic import add_actor, add_relation, feud_graph
from tests.conftest import unavailable
from tests.graph.neo4j.sample import clear

HOSTILE = (
    'He wrote <img src=x onerror="window.__pwned=1"> and '
    "<script>window.__pwned=2</script> then "
    '<a href="javascript:window.__pwned=3">click href</a> & </script><!--'
)


@pytest.fixture
def hostile_text() -> str:
    return HOSTILE


@pytest.fixture
def feud() -> nx.MultiDiGraph:
    return feud_graph()


@pytest.fixture
def hostile() -> nx.MultiDiGraph:
    """The feud plus an article whose text, title and names try to run script."""
    graph = feud_graph()
    villain = add_actor(
        graph,
        '<b onmouseover="window.__pwned=4">Mallory</b>',
        "PERSON",
        aliases=['<img src=y onerror="window.__pwned=5">'],
        roles=["<script>window.__pwned=6</script>"],
    )
    add_relation(
        graph,
        villain,
        "elon-musk",
        "THREATEN",
        id="hostile",
        quad_class=4,
        polarity=-1,
        sentence=HOSTILE,
        article_id="evil",
        date="2025-06-08",
        title='<a href="https://example.org">href</a><img src=z onerror="window.__pwned=7">',
    )
    return graph


@pytest.fixture
def chromium() -> str:
    """Skip on a machine without Chromium, but never under scripts/test or CI."""
    path = chromium_path()
    if path is None or not os.path.exists(path):
        unavailable("no Chromium on this machine (install chromium or set POLGRAPH_CHROMIUM)")
    assert path is not None
    return path


@pytest.fixture(scope="module")
def neo4j_settings(neo4j_server: Neo4jSettings) -> Neo4jSettings:
    """The session's real Neo4j, emptied for this module's tests."""
    clear(neo4j_server)
    return neo4j_server
