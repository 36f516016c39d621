"""Opening a Neo4j driver, and turning whatever goes wrong into one line a person can act on.

The driver's exceptions are long, multi-line and name no URI; the CLI prints `Neo4jFailure`
as it is, so every message here starts with the URI and says what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import neo4j
from neo4j import exceptions as neo4j_errors

from polgraph.config import Neo4jSettings


class Neo4jFailure(Exception):
    """Neo4j cannot be reached, refuses us, or cannot be set up; the message is one line."""


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


def explain(error: BaseException, settings: Neo4jSettings) -> Neo4jFailure:
    """The one-line reason for a driver error, naming the URI."""
    uri = settings.uri
    if isinstance(error, neo4j_errors.AuthError):
        return Neo4jFailure(
            f"{uri}: authentication failed for user {settings.username!r} "
            "(wrong password? set NEO4J_PASSWORD or --password)"
        )
    if isinstance(error, neo4j_errors.Neo4jError):
        if error.code == "Neo.ClientError.Database.DatabaseNotFound":
            return Neo4jFailure(f"{uri}: database {settings.database!r} does not exist")
        return Neo4jFailure(f"{uri}: {error.code}: {_first_line(error.message or error)}")
    if isinstance(error, neo4j_errors.ServiceUnavailable | OSError):
        return Neo4jFailure(
            f"{uri}: Neo4j is not answering ({_first_line(error)}); "
            "is it running? (`polgraph neo4j start`)"
        )
    if isinstance(error, neo4j_errors.ConfigurationError | ValueError):
        return Neo4jFailure(f"{uri}: not a usable Neo4j URI: {_first_line(error)}")
    return Neo4jFailure(f"{uri}: {type(error).__name__}: {_first_line(error)}")


@contextmanager
def translated(settings: Neo4jSettings) -> Iterator[None]:
    """Re-raise driver errors inside the block as `Neo4jFailure`."""
    try:
        yield
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError, ValueError) as error:
        raise explain(error, settings) from None


@contextmanager
def connect(settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """A driver that has proven it can reach the database, so failures surface before work.

    `verify_connectivity` first: it fails at once on a dead server, where a query would be
    retried for half a minute as if the failure were transient.
    """
    with translated(settings):
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=(settings.username, settings.password)
        )
    try:
        with translated(settings):
            driver.verify_connectivity()
            driver.execute_query("RETURN 1", database_=settings.database)
            yield driver
    finally:
        driver.close()
