"""The stored graph in the formats other tools read, and back.

- GraphML for anything (yEd, Cytoscape, networkx);
- GEXF with dates, so Gephi's timeline can play the graph day by day;
- CSV in the layout `neo4j-admin database import` expects, for bulk loads of big corpora;
- a Cypher script that recreates the graph in Neo4j, re-runnable (MERGE on ids);
- JSON Lines, the triple contract.

Each writer has a reader, so every format is tested by a round trip.
"""

from __future__ import annotations

import csv
import json
import math
import re
import shlex
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from polgraph.graph.neo4j.load import unique_entities
from polgraph.graph.neo4j.schema import NODE_SCHEMA
from polgraph.graph.rows import (
    RELATION_PROPERTIES,
    GraphRows,
    triples_from_rows,
)
from polgraph.ingest.records import Triple, is_relation_type

Format = Literal["graphml", "gexf", "csv", "cypher", "jsonl"]
FORMATS: tuple[str, ...] = ("graphml", "gexf", "csv", "cypher", "jsonl")
DEFAULT_NAMES: dict[str, str] = {
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "csv": "neo4j-import",
    "cypher": "graph.cypher",
    "jsonl": "triples.jsonl",
}

LIST_FIELDS = ("aliases", "roles")
_LABEL = re.compile(r"[A-Z][A-Za-z0-9_]*")
BATCH = 500


class ExportError(Exception):
    """The graph cannot be written in this format; the message names the value."""


# -- GraphML and GEXF: networkx writers with lists and nulls made portable ------------------


def _portable(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML and GEXF hold scalars only: lists travel as JSON text, nulls are left out."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **_scalars(data))
    for source, target, key, data in graph.edges(keys=True, data=True):
        out.add_edge(source, target, key=key, **_scalars(data))
    return out


def _scalars(data: dict[str, Any]) -> dict[str, Any]:
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
        for key, value in data.items()
        if value is not None
    }


def _restore(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    for _, data in graph.nodes(data=True):
        for name in LIST_FIELDS:
            if isinstance(data.get(name), str):
                data[name] = json.loads(data[name])
    return graph


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> Path:
    nx.write_graphml(_portable(graph), path, edge_id_from_attribute="id")
    return path


def read_graphml(path: Path) -> nx.MultiDiGraph:
    graph = nx.read_graphml(path, force_multigraph=True)
    return _restore(nx.MultiDiGraph(graph))


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> Path:
    """GEXF with each report dated by its article, and each actor from its first report:
    Gephi's timeline then shows the graph growing day by day. GEXF reserves `start`, `end`,
    `label` and an edge's `type` for itself, so those properties travel renamed."""
    portable = _portable(graph)
    first: dict[str, str] = {}
    for source, target, data in portable.edges(data=True):
        data["sentence_start"] = data.pop("start", None)
        data["sentence_end"] = data.pop("end", None)
        data["relation"] = data.pop("type", None)
        data["label"] = data["relation"]
        if data.get("date"):
            data["start"] = data["end"] = data["date"]
            for node in (source, target):
                first[node] = min(first.get(node, data["date"]), data["date"])
    for node, data in portable.nodes(data=True):
        data["entity_label"] = data.pop("label", None)
        data["label"] = data.get("name", node)
        if node in first:
            data["start"] = first[node]
    nx.write_gexf(portable, path)
    return path


def read_gexf(path: Path) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(nx.read_gexf(path, relabel=False))
    for node, data in graph.nodes(data=True):
        data.pop("start", None)
        data["id"] = node
        data["label"] = data.pop("entity_label", None)
    for _, _, key, data in graph.edges(keys=True, data=True):
        data.pop("start", None)
        data.pop("end", None)
        data.pop("label", None)
        data["type"] = data.pop("relation", None)
        data["id"] = key
        for name in ("sentence_start", "sentence_end"):
            if name in data:
                data[name[len("sentence_") :]] = int(data.pop(name))
    return _restore(graph)


# -- CSV for neo4j-admin -----------------------------------------------------------------

_RELATION_TYPES: dict[str, str] = {
    "quad_class": "long",
    "goldstein": "double",
    "polarity": "long",
    "confidence": "double",
    "start": "long",
    "end": "long",
    "former": "boolean",
}
ENTITY_HEADER = [
    "id:ID(Entity)",
    "name",
    "type",
    "label",
    "aliases:string[]",
    "roles:string[]",
    "country",
    "sector",
]
ARTICLE_HEADER = ["id:ID(Article)", "title", "date", "source", "url"]
MENTION_HEADER = [":START_ID(Article)", ":END_ID(Entity)", "count:long", ":TYPE"]
RELATION_HEADER = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"] + [
    f"{name}:{_RELATION_TYPES[name]}" if name in _RELATION_TYPES else name
    for name in RELATION_PROPERTIES
]
ARRAY_DELIMITER = ";"


def _cell(value: Any, where: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        for item in value:
            if ARRAY_DELIMITER in item:
                raise ExportError(
                    f"{where}: {item!r} contains the array delimiter {ARRAY_DELIMITER!r}"
                )
        return ARRAY_DELIMITER.join(value)
    return value


def _write_table(path: Path, header: list[str], rows: Iterable[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as sink:
        writer = csv.writer(sink)
        writer.writerow(header)
        writer.writerows(rows)
    return path


NODE_FILES = ("articles.csv", "entities.csv")
RELATIONSHIP_FILES = ("mentions.csv", "relations.csv")
IMPORT_SCRIPT_NAME = "import.sh"


def import_arguments() -> list[str]:
    """The `database import full` options for a CSV export, run from the export's directory
    (file names stay free of the `,` and `=` the options give meaning to). Shared by the
    exported import.sh and `polgraph neo4j import` so the two cannot drift apart.

    Sentences may span lines, hence --multiline-fields; --overwrite-destination because a
    first load replaces whatever the database held.
    """
    return [
        "--overwrite-destination",
        "--multiline-fields=true",
        f"--array-delimiter={ARRAY_DELIMITER}",
        *(f"--nodes={name}" for name in NODE_FILES),
        *(f"--relationships={name}" for name in RELATIONSHIP_FILES),
    ]


def import_script() -> str:
    """import.sh: runs from its own directory, so it works wherever it is called from."""
    options = " \\\n  ".join(shlex.quote(argument) for argument in import_arguments())
    return (
        "#!/bin/sh\n"
        "# First load of this graph into a STOPPED Neo4j: replaces the database (default neo4j).\n"
        "#   sh import.sh [database]\n"
        "# Needs neo4j-admin on PATH (packaged Neo4j, or inside the Neo4j Docker image).\n"
        "# Afterwards start Neo4j and run `polgraph load` for increments: it creates the\n"
        "# constraints and indexes, and MERGEs on the same ids.\n"
        'cd "$(dirname "$0")" || exit 1\n'
        f'exec neo4j-admin database import full "${{1:-neo4j}}" \\\n  {options}\n'
    )


def _unique_articles(articles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per article id, as the loader's MERGE leaves it: a later value replaces an
    earlier one, a missing value erases nothing."""
    merged: dict[str, dict[str, Any]] = {}
    for row in articles:
        merged.setdefault(row["id"], {}).update(
            {key: value for key, value in row.items() if value is not None}
        )
    return list(merged.values())


def _unique_mentions(mentions: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One MENTIONS per (article, entity) with the highest count, as the loader keeps it."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for row in mentions:
        key = (row["article_id"], row["entity_id"])
        if key not in merged or row["count"] > merged[key]["count"]:
            merged[key] = row
    return list(merged.values())


def write_csv(rows: GraphRows, directory: Path) -> list[Path]:
    """Node and relationship files with typed headers, plus the import command to run.

    The import tool refuses an id defined twice, while rows gathered from many extractions
    repeat every actor once per article: nodes are written once, merged as the loader
    merges them, so the import and `polgraph load` give the same graph.
    """
    directory.mkdir(parents=True, exist_ok=True)
    entities = (
        [_cell(row.get(name), f"entity {row['id']}") for name in _names(ENTITY_HEADER)]
        + [f"Entity{ARRAY_DELIMITER}{row['label']}"]
        for row in unique_entities(rows.entities)
    )
    articles = (
        [_cell(row.get(name), f"article {row['id']}") for name in _names(ARTICLE_HEADER)]
        + ["Article"]
        for row in _unique_articles(rows.articles)
    )
    mentions = (
        [row["article_id"], row["entity_id"], _cell(row["count"], ""), "MENTIONS"]
        for row in _unique_mentions(rows.mentions)
    )
    relations = (
        [row["source_id"], row["target_id"], rel_type]
        + [_cell(row.get(name), f"relation {row['id']}") for name in RELATION_PROPERTIES]
        for rel_type, batch in sorted(rows.relations.items())
        for row in batch
    )
    paths = [
        _write_table(directory / "entities.csv", ENTITY_HEADER + [":LABEL"], entities),
        _write_table(directory / "articles.csv", ARTICLE_HEADER + [":LABEL"], articles),
        _write_table(directory / "mentions.csv", MENTION_HEADER, mentions),
        _write_table(directory / "relations.csv", RELATION_HEADER, relations),
    ]
    script = directory / IMPORT_SCRIPT_NAME
    script.write_text(import_script(), encoding="utf-8")
    return [*paths, script]


def _names(header: list[str]) -> list[str]:
    return [column.split(":")[0] for column in header]


def _parse(value: str, kind: str) -> Any:
    if value == "":
        return [] if kind == "string[]" else None
    if kind == "long":
        return int(value)
    if kind == "double":
        return float(value)
    if kind == "boolean":
        return value == "true"
    if kind == "string[]":
        return value.split(ARRAY_DELIMITER)
    return value


def _read_table(path: Path) -> Iterator[dict[str, Any]]:
    """Rows keyed by column name with header types applied (`count:long` → int)."""
    with path.open(encoding="utf-8", newline="") as source:
        reader = csv.reader(source)
        header = next(reader)
        columns = []
        for column in header:
            name, _, kind = column.partition(":")
            name = name or ":" + kind.split("(")[0]
            if kind.startswith(("ID", "START_ID", "END_ID")):
                kind = "string"
            columns.append((name, kind))
        for values in reader:
            pairs = zip(columns, values, strict=True)
            yield {name: _parse(value, kind) for (name, kind), value in pairs}


def read_csv(directory: Path) -> GraphRows:
    rows = GraphRows()
    for row in _read_table(directory / "entities.csv"):
        row.pop(":LABEL")
        rows.entities.append(row)
    for row in _read_table(directory / "articles.csv"):
        row.pop(":LABEL")
        rows.articles.append(row)
    for row in _read_table(directory / "mentions.csv"):
        rows.mentions.append(
            {"article_id": row[":START_ID"], "entity_id": row[":END_ID"], "count": row["count"]}
        )
    for row in _read_table(directory / "relations.csv"):
        rel_type = row.pop(":TYPE")
        relation = {
            "type": rel_type,
            "source_id": row.pop(":START_ID"),
            "target_id": row.pop(":END_ID"),
            **row,
        }
        rows.relations.setdefault(rel_type, []).append(relation)
    return rows


# -- Cypher ------------------------------------------------------------------------------


def cypher_literal(value: Any) -> str:
    """A value as a Cypher literal. Only the export writes literals: queries take
    parameters, but a script file has nowhere else to carry its data."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExportError(f"{value!r} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return "'" + "".join(_escape(char) for char in value) + "'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(item) for item in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(
            f"`{key.replace('`', '``')}`: {cypher_literal(item)}" for key, item in value.items()
        )
        return "{" + items + "}"
    raise ExportError(f"{value!r} has no Cypher literal")


_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if ord(char) < 0x20 or ord(char) in (0x2028, 0x2029):
        return f"\\u{ord(char):04x}"
    return char


def _batches(items: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def cypher_statements(rows: GraphRows) -> Iterator[str]:
    """The statements of the script, each a MERGE on stable ids: running it twice, or on
    top of a database that already holds part of the graph, changes nothing."""
    yield from NODE_SCHEMA
    for rel_type in sorted(rows.relations):
        if not is_relation_type(rel_type):
            raise ExportError(f"refusing relation type {rel_type!r}: not [A-Z][A-Z0-9_]*")
    yield "CALL db.awaitIndexes(300)"
    for batch in _batches(rows.articles):
        yield (
            f"UNWIND {cypher_literal(batch)} AS row MERGE (n:Article {{id: row.id}}) "
            "SET n.title = row.title, n.date = row.date, n.source = row.source, n.url = row.url"
        )
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows.entities:
        if not _LABEL.fullmatch(row["label"]):
            raise ExportError(f"entity {row['id']}: label {row['label']!r} is not a valid label")
        by_label[row["label"]].append(row)
    for label, entities in sorted(by_label.items()):
        for batch in _batches(entities):
            yield (
                f"UNWIND {cypher_literal(batch)} AS row MERGE (n:Entity {{id: row.id}}) "
                f"SET n:{label}, n.name = row.name, n.type = row.type, n.label = row.label, "
                "n.aliases = row.aliases, n.roles = row.roles, n.country = row.country, "
                "n.sector = row.sector"
            )
    for batch in _batches(rows.mentions):
        yield (
            f"UNWIND {cypher_literal(batch)} AS row "
            "MATCH (a:Article {id: row.article_id}), (e:Entity {id: row.entity_id}) "
            "MERGE (a)-[m:MENTIONS]->(e) SET m.count = row.count"
        )
    for rel_type, relations in sorted(rows.relations.items()):
        if not is_relation_type(rel_type):
            raise ExportError(f"relation type {rel_type!r} is not [A-Z][A-Z0-9_]*")
        for batch in _batches(relations):
            items = [
                {
                    "s": row["source_id"],
                    "o": row["target_id"],
                    "p": {name: row.get(name) for name in RELATION_PROPERTIES},
                }
                for row in batch
            ]
            yield (
                f"UNWIND {cypher_literal(items)} AS row "
                "MATCH (s:Entity {id: row.s}), (o:Entity {id: row.o}) "
                f"MERGE (s)-[r:{rel_type} {{id: row.p.id}}]->(o) SET r += row.p"
            )


def write_cypher(rows: GraphRows, path: Path) -> Path:
    """A script for cypher-shell (`cypher-shell -f graph.cypher`): one statement a line."""
    with path.open("w", encoding="utf-8") as sink:
        sink.write("// polgraph export: recreates the graph; safe to run more than once.\n")
        for statement in cypher_statements(rows):
            sink.write(statement + ";\n")
    return path


def read_cypher(path: Path) -> list[str]:
    """The statements of a script written by `write_cypher`, ready for a driver to run."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removesuffix(";") for line in lines if line and not line.startswith("//")]


# -- JSON Lines --------------------------------------------------------------------------


def write_jsonl(rows: GraphRows, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as sink:
        for triple in triples_from_rows(rows):
            sink.write(triple.to_json() + "\n")
    return path


def read_jsonl(path: Path) -> list[Triple]:
    with path.open(encoding="utf-8") as source:
        return [Triple.from_json(line) for line in source if line.strip()]


def export(rows: GraphRows, graph: nx.MultiDiGraph, fmt: Format, out: Path) -> list[Path]:
    """Write the graph in one format to `out` (a file, or a directory for CSV)."""
    if fmt == "graphml":
        return [write_graphml(graph, out)]
    if fmt == "gexf":
        return [write_gexf(graph, out)]
    if fmt == "csv":
        return write_csv(rows, out)
    if fmt == "cypher":
        return [write_cypher(rows, out)]
    if fmt == "jsonl":
        return [write_jsonl(rows, out)]
    raise ExportError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
