"""Provisional Neo4j settings for the parity suite, until the shared fixture lands in
tests/conftest.py: a live server named by POLGRAPH_NEO4J_* variables, else skipped."""

import os
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class _Settings:
    uri: str
    username: str
    password: str
    database: str


@pytest.fixture(scope="session")
def neo4j_settings() -> _Settings:
    uri = os.environ.get("POLGRAPH_NEO4J_URI")
    if not uri:
        pytest.skip("no Neo4j server configured (POLGRAPH_NEO4J_URI)")
    return _Settings(
        uri=uri,
        username=os.environ.get("POLGRAPH_NEO4J_USER", "neo4j"),
        password=os.environ.get("POLGRAPH_NEO4J_PASSWORD", ""),
        database=os.environ.get("POLGRAPH_NEO4J_DATABASE", "neo4j"),
    )
