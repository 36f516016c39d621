"""The Neo4j loader: GraphRows in, MERGEd nodes and relation instances out, in batches.

Every write is `UNWIND $rows ... MERGE` on a stable id inside a managed transaction (the
driver retries transient errors), so loading twice creates nothing and a load cut short
and run again ends with exactly the graph an uninterrupted load gives. Values always
travel as parameters; labels and relationship types, which cannot, are checked first.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    most_attested,
    rows_from_extraction,
)
from polgraph.graph.store import Store, StoreError
from polgraph.ingest.records import Triple, is_relation_type

DEFAULT_BATCH_SIZE = 5000
ENTITY_NODE_LABELS = frozenset(ENTITY_LABELS.values()) | {entity_label("")}

ARTICLE_PROPERTIES = ("title", "date", "source", "url")


def _assignments(variable: str, names: tuple[str, ...]) -> str:
    """Named assignments, not `SET x += row`: a map could hold `id`, so the planner would
    buffer the whole batch (Eager) to keep the MERGE key safe; named ones stream.

    A value a source lacks (a triples file has no article URL) never erases a stored one.
    """
    return ", ".join(
        f"{variable}.`{name}` = coalesce(row.`{name}`, {variable}.`{name}`)" for name in names
    )


def _new_values(variable: str, names: tuple[str, ...]) -> str:
    """For a node or relationship MERGE just created: nothing stored to keep, so no
    coalesce to read back (a null leaves the property unset)."""
    return ", ".join(f"{variable}.`{name}` = row.`{name}`" for name in names)


MERGE_ARTICLES = (
    "UNWIND $rows AS row MERGE (a:Article {id: row.id}) "
    f"SET {_assignments('a', ARTICLE_PROPERTIES)}"
)

# One row per article with all its mentions. An article that has no MENTIONS yet (nearly
# every article of a load) gets them by CREATE, which needs neither the search between the
# article and each actor nor the locks a MERGE takes; an article that has some is MERGEd as
# before. Rows are whole articles, so a batch writes all of an article's mentions or none,
# and the result is the same either way.
MERGE_MENTIONS = (
    "UNWIND $rows AS row "
    "MATCH (a:Article {id: row.article_id}) "
    "WITH a, row, EXISTS { (a)-[:MENTIONS]->() } AS seen "
    "UNWIND row.mentions AS mention "
    "MATCH (e:Entity {id: mention.entity_id}) "
    "CALL (a, e, mention, seen) { "
    "WITH * WHERE seen "
    "MERGE (a)-[m:MENTIONS]->(e) "
    "SET m.count = CASE WHEN m.count >= mention.count THEN m.count ELSE mention.count END "
    "UNION "
    "WITH * WHERE NOT seen "
    "CREATE (a)-[:MENTIONS {count: mention.count}]->(e) } "
    "WITH DISTINCT a.id AS id, seen WHERE NOT seen RETURN id"
)


def mentions_by_article(mentions: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mention rows grouped by article, one per (article, entity) with the highest count:
    what MERGEing every row in turn would leave."""
    grouped: dict[str, dict[str, int]] = defaultdict(dict)
    for row in mentions:
        counts = grouped[row["article_id"]]
        counts[row["entity_id"]] = max(row["count"], counts.get(row["entity_id"], row["count"]))
    return [
        {
            "article_id": article_id,
            "mentions": [{"entity_id": key, "count": count} for key, count in counts.items()],
        }
        for article_id, counts in grouped.items()
    ]


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
        "RETURN DISTINCT role ORDER BY role }, "
        "e.country = coalesce(row.country, e.country), e.sector = coalesce(row.sector, e.sector)"
    )


# Relation instances of every type in one statement, keyed by the triple key: the same
# relation reported by two articles has two keys and so stays two instances. The type is a
# value (`$(row.type)`, Cypher 5.26), not part of the text: one text for every type is
# planned once, where a statement per type cost a plan each (a fresh corpus has hundreds of
# types, and planning a statement of this size took longer than writing its rows).
# A row of an article whose MENTIONS this load created (`fresh`) cannot match a stored
# instance: every load writes an article's MENTIONS before its relations. It is created
# outright; the MERGE, which reads every relationship between the two actors to find its
# key, is left to the other rows.
MERGE_RELATIONS = (
    "UNWIND $rows AS row "
    "MATCH (s:Entity {id: row.source_id}) MATCH (o:Entity {id: row.target_id}) "
    "CALL (s, o, row) { "
    "WITH * WHERE NOT coalesce(row.fresh, false) "
    "MERGE (s)-[r:$(row.type) {id: row.id}]->(o) "
    f"ON CREATE SET {_new_values('r', _RELATION_VALUES)} "
    f"ON MATCH SET {_assignments('r', _RELATION_VALUES)} "
    "UNION "
    "WITH * WHERE coalesce(row.fresh, false) "
    "CREATE (s)-[r:$(row.type)]->(o) "
    f"SET r.id = row.id, {_new_values('r', _RELATION_VALUES)} }}"
)


def unique_entities(entities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per entity id, as the MERGE of every row in order would leave it: the first
    row's name, type and label, the union of all aliases and roles, and the country and
    sector most rows give. An actor named in many articles is then written once per load
    rather than once per article."""
    merged: dict[str, dict[str, Any]] = {}
    said: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    for row in entities:
        said[row["id"]].append((row.get("country"), row.get("sector")))
        have = merged.get(row["id"])
        if have is None:
            label = row.get("label") or entity_label(row["type"])
            merged[row["id"]] = {
                "id": row["id"],
                "name": row["name"],
                "type": row["type"],
                "label": label if label in ENTITY_NODE_LABELS else entity_label(""),
                "aliases": set(row.get("aliases") or ()),
                "roles": set(row.get("roles") or ()),
            }
        else:
            have["aliases"].update(row.get("aliases") or ())
            have["roles"].update(row.get("roles") or ())
    entities = []
    for row in merged.values():
        country, sector = most_attested(said[row["id"]])
        entities.append(
            {
                **row,
                "aliases": sorted(row["aliases"]),
                "roles": sorted(row["roles"]),
                "country": country,
                "sector": sector,
            }
        )
    return entities


def relation_params(rel_type: str, row: dict[str, Any]) -> dict[str, Any]:
    """The row as the statement reads it. The type travels as a value, yet it still has to
    be a relationship type of the contract: anything else is refused here."""
    if not is_relation_type(rel_type):
        raise ValueError(f"refusing relation type {rel_type!r}: not [A-Z][A-Z0-9_]*")
    keys = ("id", "source_id", "target_id", *_RELATION_VALUES)
    return {"type": rel_type, **{key: row.get(key) for key in keys}}


@dataclass(frozen=True, slots=True)
class Statement:
    """One parameterised query and the rows it is run over."""

    query: str
    rows: list[dict[str, Any]]


def statements(rows: GraphRows) -> list[Statement]:
    """The writes of a load in dependency order: nodes before the relationships between them."""
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity in unique_entities(rows.entities):
        by_label[entity["label"]].append(entity)
    articles = [
        {key: article.get(key) for key in ("id", *ARTICLE_PROPERTIES)} for article in rows.articles
    ]
    plan = [Statement(MERGE_ARTICLES, articles)]
    plan += [Statement(merge_entities(label), batch) for label, batch in sorted(by_label.items())]
    plan.append(Statement(MERGE_MENTIONS, mentions_by_article(rows.mentions)))
    relations: dict[str, dict[str, Any]] = {}
    for rel_type, batch in sorted(rows.relations.items()):
        for row in batch:
            params = relation_params(rel_type, row)
            # One row per key, as MERGEing each in turn would leave it: later values win.
            have = relations.setdefault(params["id"], params)
            have.update({key: value for key, value in params.items() if value is not None})
    plan.append(Statement(MERGE_RELATIONS, list(relations.values())))
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
    ensure_schema(driver, database)
    transactions = 0
    fresh: set[str] = set()
    for statement in statements(rows):
        for batch in chunks(statement.rows, batch_size):
            if statement.query is MERGE_RELATIONS:
                batch = [{**row, "fresh": row["article_id"] in fresh} for row in batch]
            records, _, _ = driver.execute_query(statement.query, rows=batch, database_=database)
            if statement.query is MERGE_MENTIONS:
                fresh.update(record["id"] for record in records)
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
