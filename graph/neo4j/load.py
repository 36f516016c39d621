"""The Neo4j loader: GraphRows in, MERGEd nodes and relation instances out, in batches.

Every write is `UNWIND $rows ... MERGE` on a stable id inside a managed transaction (the
driver retries transient errors), so loading twice creates nothing and a load cut short
and run again ends with exactly the graph an uninterrupted load gives. Values always
travel as parameters; labels and relationship types, which cannot, are checked first.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j

from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j.connect import connect, translated
from polgraph.graph.neo4j.schema import ensure_schema
from polgraph.graph.rows import (
    ENTITY_LABELS,
    RELATION_PROPERTIES,
    GraphRows,
    entity_label,
    extractions_from_triples,
    rows_from_extraction,
)
from polgraph.graph.store import Store, StoreError
from polgraph.ingest.records import Triple, is_relation_type

DEFAULT_BATCH_SIZE = 5000
ENTITY_NODE_LABELS = frozenset(ENTITY_LABELS.values()) | {entity_label("")}

MERGE_ARTICLES = "UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a += row"

MERGE_MENTIONS = (
    "UNWIND $rows AS row "
    "MATCH (a:Article {id: row.article_id}) MATCH (e:Entity {id: row.entity_id}) "
    "MERGE (a)-[m:MENTIONS]->(e) SET m.count = row.count"
)

_RELATION_VALUES = tuple(name for name in RELATION_PROPERTIES if name != "id")


def merge_entities(label: str) -> str:
    """Entities of one type label. The first write fixes name, type and label; aliases and
    roles grow as a sorted distinct union, so re-running a load changes nothing."""
    if label not in ENTITY_NODE_LABELS:
        raise ValueError(f"refusing entity label {label!r}")
    return (
        "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) "
        f"ON CREATE SET e:{label}, e.name = row.name, e.type = row.type, e.label = row.label "
        "SET e.aliases = COLLECT { UNWIND coalesce(e.aliases, []) + row.aliases AS alias "
        "RETURN DISTINCT alias ORDER BY alias }, "
        "e.roles = COLLECT { UNWIND coalesce(e.roles, []) + row.roles AS role "
        "RETURN DISTINCT role ORDER BY role }"
    )


def merge_relations(rel_type: str) -> str:
    """Relation instances of one type, keyed by the triple key: the same relation reported
    by two articles has two keys and so stays two instances."""
    if not is_relation_type(rel_type):
        raise ValueError(f"refusing relation type {rel_type!r}: not [A-Z][A-Z0-9_]*")
    return (
        "UNWIND $rows AS row "
        "MATCH (s:Entity {id: row.source_id}) MATCH (o:Entity {id: row.target_id}) "
        f"MERGE (s)-[r:{rel_type} {{id: row.id}}]->(o) SET r += row.properties"
    )


def entity_params(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "label": row.get("label") or entity_label(row["type"]),
        "aliases": list(row.get("aliases") or []),
        "roles": list(row.get("roles") or []),
    }


def relation_params(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "source_id": row["source_id"],
        "target_id": row["target_id"],
        "properties": {name: row.get(name) for name in _RELATION_VALUES},
    }


@dataclass(frozen=True, slots=True)
class Statement:
    """One parameterised query and the rows it is run over."""

    query: str
    rows: list[dict[str, Any]]


def statements(rows: GraphRows) -> list[Statement]:
    """The writes of a load in dependency order: nodes before the relationships between them."""
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity in rows.entities:
        label = entity.get("label") or entity_label(entity["type"])
        by_label[label if label in ENTITY_NODE_LABELS else entity_label("")].append(
            entity_params(entity)
        )
    articles = [
        {key: article.get(key) for key in ("id", "title", "date", "source", "url")}
        for article in rows.articles
    ]
    plan = [Statement(MERGE_ARTICLES, articles)]
    plan += [Statement(merge_entities(label), batch) for label, batch in sorted(by_label.items())]
    plan.append(Statement(MERGE_MENTIONS, list(rows.mentions)))
    plan += [
        Statement(merge_relations(rel_type), [relation_params(row) for row in batch])
        for rel_type, batch in sorted(rows.relations.items())
    ]
    return [statement for statement in plan if statement.rows]


def chunks(items: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


@dataclass(frozen=True, slots=True)
class LoadReport:
    articles: int
    entities: int
    mentions: int
    relations: int
    transactions: int
    seconds: float


def write(
    driver: neo4j.Driver,
    database: str,
    rows: GraphRows,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Write `rows` with an open driver; returns the number of transactions committed.

    `on_batch` hears the size of each committed batch (progress bars, and the test that
    stops a load half-way).
    """
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1, not {batch_size}")
    ensure_schema(driver, database, rows.relations)
    transactions = 0
    for statement in statements(rows):
        for batch in chunks(statement.rows, batch_size):
            driver.execute_query(statement.query, rows=batch, database_=database)
            transactions += 1
            if on_batch:
                on_batch(len(batch))
    return transactions


def load(
    rows: GraphRows,
    settings: Neo4jSettings,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
) -> LoadReport:
    """Load everything in `rows` into the Neo4j that `settings` names."""
    began = time.perf_counter()
    with connect(settings) as driver, translated(settings):
        transactions = write(driver, settings.database, rows, batch_size, on_batch)
    return LoadReport(
        articles=len(rows.articles),
        entities=len(rows.entities),
        mentions=len(rows.mentions),
        relations=rows.relation_count,
        transactions=transactions,
        seconds=time.perf_counter() - began,
    )


class SourceError(Exception):
    """What `load --from` names cannot be read; the message names the file (and line)."""


def rows_from_triples_file(path: Path) -> GraphRows:
    """A triples.jsonl regrouped by article, so it loads exactly like a fresh extraction."""
    triples: list[Triple] = []
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    triples.append(Triple.from_json(line))
                except (ValueError, KeyError, TypeError) as error:
                    raise SourceError(f"{path}:{number}: not a polgraph triple: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"{path}: cannot read: {error}") from None
    rows = GraphRows()
    for extraction in extractions_from_triples(triples):
        rows.extend(rows_from_extraction(extraction))
    return rows


def rows_from_store(path: Path) -> GraphRows:
    try:
        with Store(path, read_only=True) as store:
            return store.rows()
    except StoreError as error:
        raise SourceError(str(error)) from None


def rows_from_path(path: Path) -> GraphRows:
    """`load --from`: a directory is an embedded store, a file a triples.jsonl."""
    if path.is_dir():
        return rows_from_store(path)
    if path.is_file():
        return rows_from_triples_file(path)
    raise SourceError(f"{path}: no such store or triples file")
