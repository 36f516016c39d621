"""Constraints and indexes of the Neo4j graph.

The uniqueness constraints are what make the loader's MERGE both fast (an index seek per row)
and safe (two writers can never create the same node or relation instance twice).
"""

from __future__ import annotations

from collections.abc import Iterable

import neo4j

from polgraph.ingest.records import is_relation_type

FULLTEXT_INDEX = "entity_names"

NODE_SCHEMA: tuple[str, ...] = (
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
    "CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)",
    "CREATE INDEX entity_country IF NOT EXISTS FOR (e:Entity) ON (e.country)",
    "CREATE INDEX article_date IF NOT EXISTS FOR (a:Article) ON (a.date)",
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS "
    "FOR (e:Entity) ON EACH [e.name, e.aliases]",
)


def relation_constraint(rel_type: str) -> str:
    """One uniqueness constraint per relationship type on the instance id (the triple key)."""
    if not is_relation_type(rel_type):
        raise ValueError(f"refusing relation type {rel_type!r}: not [A-Z][A-Z0-9_]*")
    return (
        f"CREATE CONSTRAINT rel_{rel_type.lower()}_id IF NOT EXISTS "
        f"FOR ()-[r:{rel_type}]-() REQUIRE r.id IS UNIQUE"
    )


def existing_relation_constraints(driver: neo4j.Driver, database: str) -> set[str]:
    records, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD entityType, labelsOrTypes, properties "
        "WHERE entityType = 'RELATIONSHIP' AND properties = ['id'] "
        "RETURN labelsOrTypes[0] AS type",
        database_=database,
    )
    return {record["type"] for record in records}


def ensure_schema(driver: neo4j.Driver, database: str, rel_types: Iterable[str] = ()) -> None:
    """Create what is missing; schema changes cannot share a transaction with data writes."""
    have = existing_relation_constraints(driver, database)
    statements = list(NODE_SCHEMA) + [
        relation_constraint(rel_type) for rel_type in sorted(set(rel_types) - have)
    ]
    for statement in statements:
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
