"""Reading the graph back out of Neo4j as rows, whole or as much of it as a query touches.

The rows have the embedded store's shape, so drawing and analysis run on a Neo4j graph
exactly as on the embedded one (`graph_from_rows`).
"""

from __future__ import annotations

from typing import Any

import neo4j

from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j.connect import connect, translated
from polgraph.graph.rows import RELATION_PROPERTIES, GraphRows

_ENTITIES = (
    "MATCH (e:Entity) WHERE $ids IS NULL OR e.id IN $ids "
    "RETURN e.id AS id, e.name AS name, e.type AS type, e.label AS label, "
    "coalesce(e.aliases, []) AS aliases, coalesce(e.roles, []) AS roles, "
    "e.country AS country, e.sector AS sector ORDER BY id"
)
_RELATIONS = (
    "MATCH (s:Entity)-[r]->(o:Entity) WHERE $ids IS NULL OR r.id IN $ids "
    "RETURN type(r) AS type, s.id AS source_id, o.id AS target_id, properties(r) AS props "
    "ORDER BY r.id"
)
_MENTIONS = (
    "MATCH (a:Article)-[m:MENTIONS]->(e:Entity) WHERE $ids IS NULL OR e.id IN $ids "
    "RETURN a.id AS article_id, e.id AS entity_id, m.count AS count "
    "ORDER BY article_id, entity_id"
)
_ARTICLES = (
    "MATCH (a:Article) WHERE $ids IS NULL OR a.id IN $ids "
    "RETURN a.id AS id, a.title AS title, a.date AS date, a.source AS source, a.url AS url "
    "ORDER BY id"
)


def _touched(
    driver: neo4j.Driver, settings: Neo4jSettings, cypher: str, params: dict[str, Any]
) -> tuple[list[str], list[str]]:
    """Entity and relation ids among everything a query returns (nodes, relationships, paths)."""
    graph = driver.execute_query(
        cypher,
        params,
        database_=settings.database,
        routing_=neo4j.RoutingControl.READ,
        result_transformer_=neo4j.Result.graph,
    )
    relations = [r for r in graph.relationships if r.type != "MENTIONS" and "id" in r]
    entities = {n["id"] for n in graph.nodes if "Entity" in n.labels and "id" in n}
    for rel in relations:
        for end in (rel.start_node, rel.end_node):
            if end is not None and "id" in end:
                entities.add(end["id"])
    return sorted(entities), sorted(r["id"] for r in relations)


def fetch_rows(
    settings: Neo4jSettings, cypher: str | None = None, params: dict[str, Any] | None = None
) -> GraphRows:
    """The whole graph, or the entities and relations that `cypher` returns with their
    articles and mentions. Errors come back as `Neo4jFailure` naming the URI."""
    with connect(settings) as driver, translated(settings):

        def run(query: str, ids: list[str] | None) -> list[dict[str, Any]]:
            records, _, _ = driver.execute_query(
                query,
                {"ids": ids},
                database_=settings.database,
                routing_=neo4j.RoutingControl.READ,
            )
            return [record.data() for record in records]

        entity_ids: list[str] | None = None
        relation_ids: list[str] | None = None
        if cypher:
            entity_ids, relation_ids = _touched(driver, settings, cypher, params or {})
        rows = GraphRows(entities=run(_ENTITIES, entity_ids), mentions=run(_MENTIONS, entity_ids))
        for record in run(_RELATIONS, relation_ids):
            props = record["props"]
            row = {name: props.get(name) for name in RELATION_PROPERTIES}
            row["type"] = record["type"]
            row.update(source_id=record["source_id"], target_id=record["target_id"])
            rows.relations.setdefault(record["type"], []).append(row)
        cited = {m["article_id"] for m in rows.mentions} | {
            r["article_id"] for batch in rows.relations.values() for r in batch
        }
        rows.articles = run(_ARTICLES, sorted(cited) if cypher else None)
    return rows
