"""Shaping a query's answer for a terminal or a file, whichever engine gave it.

The answer is plain data (`QueryResult`: column names and rows of JSON-ready values), so the
CLI prints Neo4j's and the embedded store's answers the same way.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]

    @classmethod
    def from_records(cls, records: list[dict[str, Any]]) -> QueryResult:
        columns = list(records[0]) if records else []
        return cls(columns=columns, rows=[list(record.values()) for record in records])

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
