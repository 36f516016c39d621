"""Hand-built extractions and a whole-graph snapshot, shared by the Neo4j tests."""

from __future__ import annotations

from typing import Any

from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j.connect import connect
from polgraph.graph.rows import GraphRows, rows_from_extraction
from polgraph.ingest.records import (
    Article,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Triple,
    entity_id,
)


def mention(
    name: str,
    kind: str = "PERSON",
    written: str | None = None,
    country: str | None = None,
    sector: str | None = None,
) -> Mention:
    return Mention(entity_id(name), name, written or name, kind, country, sector)


def triple(
    article: Article,
    subject: Mention,
    rel_type: str,
    obj: Mention,
    text: str,
    start: int = 0,
    **relation: Any,
) -> Triple:
    confidence = relation.pop("confidence", 0.8)
    sentence = relation.pop("sentence", f"{subject.mention} {text} {obj.mention}.")
    return Triple(
        article=article.ref(),
        subject=subject,
        relation=Relation(type=rel_type, text=text, rule="test", **relation),
        object=obj,
        evidence=Evidence(sentence, start, start + len(sentence)),
        confidence=confidence,
    )


def article(article_id: str, date: str = "2025-06-07", **fields: Any) -> Article:
    return Article(id=article_id, text="", date=date, **fields)


def extraction(art: Article, *triples: Triple, mentions: tuple[Mention, ...] = ()) -> Extraction:
    return Extraction(article=art, triples=list(triples), mentions=list(mentions))


def graph_rows(*extractions: Extraction) -> GraphRows:
    rows = GraphRows()
    for item in extractions:
        rows.extend(rows_from_extraction(item))
    return rows


def snapshot(settings: Neo4jSettings) -> dict[str, list[Any]]:
    """Every node and relationship with labels, type and properties, in a stable order."""
    with connect(settings) as driver:
        nodes, _, _ = driver.execute_query(
            "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props",
            database_=settings.database,
        )
        rels, _, _ = driver.execute_query(
            "MATCH (s)-[r]->(o) RETURN s.id AS s, type(r) AS type, o.id AS o, "
            "properties(r) AS props",
            database_=settings.database,
        )
    return {
        "nodes": sorted((sorted(r["labels"]), sorted(r["props"].items())) for r in nodes),
        "relationships": sorted(
            (r["s"], r["type"], r["o"], sorted(r["props"].items())) for r in rels
        ),
    }


def clear(settings: Neo4jSettings) -> None:
    """An empty graph; the schema stays, as the loader creates it idempotently anyway."""
    with connect(settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)


def count(settings: Neo4jSettings, cypher: str, **params: Any) -> int:
    with connect(settings) as driver:
        records, _, _ = driver.execute_query(cypher, params, database_=settings.database)
    return int(records[0][0])
