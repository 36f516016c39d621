"""Constraints and indexes of the Neo4j graph.

The uniqueness constraints on node ids are what make the loader's MERGE both fast (an index
seek per row) and safe (two writers can never create the same node twice).
"""

from __future__ import annotations

import neo4j

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


def ensure_schema(driver: neo4j.Driver, database: str) -> None:
    """Create what is missing; schema changes cannot share a transaction with data writes.

    Relation instances get no constraint: the loader's MERGE finds an instance between its
    two actors, not through an index, and a constraint per relationship type cost a schema
    transaction for every type a load met first (most of a first load of a fresh corpus,
    with hundreds of types) and an index entry for every instance."""
    for statement in NODE_SCHEMA:
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
