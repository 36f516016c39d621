"""Running an analyst's Cypher against Neo4j and shaping the answer for a terminal or a file.

The result is plain data (`QueryResult`: column names and rows of JSON-ready values), so the
CLI formats every backend's answer the same way; the embedded store can return one too.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import graph as neo4j_graph

from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j.connect import connect, translated


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """`k=v` pairs; a value that reads as JSON (10, 2.5, true, ["a"]) is that, else a string,
    so `--param name=Musk` and `--param limit=10` both do what one expects."""
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"parameter {pair!r} is not of the form name=value")
        try:
            params[key.strip()] = json.loads(raw)
        except ValueError:
            params[key.strip()] = raw
    return params


def plain(value: Any) -> Any:
    """A driver value as JSON-ready data: nodes and relationships become their properties
    plus labels or type, temporal values ISO strings."""
    if isinstance(value, neo4j_graph.Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j_graph.Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j_graph.Path):
        return {
            "nodes": [plain(node) for node in value.nodes],
            "relationships": [plain(rel) for rel in value.relationships],
        }
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_cypher(
    driver: neo4j.Driver, database: str, cypher: str, params: Mapping[str, Any] | None = None
) -> QueryResult:
    records, _, keys = driver.execute_query(
        cypher, parameters_=dict(params or {}), database_=database
    )
    return QueryResult(columns=list(keys), rows=[[plain(v) for v in r.values()] for r in records])


def query(
    cypher: str, settings: Neo4jSettings, params: Mapping[str, Any] | None = None
) -> QueryResult:
    """Run one query; errors (syntax, connection) come back as `Neo4jFailure` naming the URI."""
    with connect(settings) as driver, translated(settings):
        return run_cypher(driver, settings.database, cypher, params)


def cell(value: Any) -> str:
    """A value as one table or CSV cell: strings as they are, the rest as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def to_json(result: QueryResult) -> str:
    return json.dumps(result.records(), ensure_ascii=False, indent=2, default=str)


def to_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([cell(value) for value in row] for row in result.rows)
    return buffer.getvalue()
