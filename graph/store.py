"""The embedded store: a LadybugDB database on disk, written idempotently and atomically.

LadybugDB (the maintained continuation of Kùzu) is transactional and speaks Cypher, so the
store needs no server and survives a crash mid-write: each article is one transaction, and
a transaction that did not commit leaves no trace. Every write is a MERGE on a stable id,
so writing the same article twice changes nothing. networkx is the analysis engine on top.
Every relation between entities shares one table whatever its type (see RELATION_TABLE).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ladybug
import networkx as nx

from polgraph.graph.rows import (
    RELATION_PROPERTIES,
    GraphRows,
    add_entities,
    add_relations,
    most_attested,
    rows_from_extraction,
)
from polgraph.ingest.records import Extraction, is_relation_type

DB_FILE = "graph.lbdb"

_RELATION_COLUMNS: dict[str, str] = {
    "id": "STRING",
    "text": "STRING",
    "rule": "STRING",
    "cameo": "STRING",
    "quad_class": "INT64",
    "goldstein": "DOUBLE",
    "polarity": "INT64",
    "modality": "STRING",
    "confidence": "DOUBLE",
    "sentence": "STRING",
    "start": "INT64",
    "end": "INT64",
    "article_id": "STRING",
    "date": "STRING",
    "via": "STRING",
    "role": "STRING",
    "former": "BOOLEAN",
    "subject_mention": "STRING",
    "object_mention": "STRING",
    "outlet": "STRING",
}
assert tuple(_RELATION_COLUMNS) == RELATION_PROPERTIES

RELATION_TABLE = "RELATION"
"""The one table of every Entity→Entity relation instance; its `type` column holds the
relation type. A table per type would cost LadybugDB some 11 MB of memory each while the
database is open, and a corpus brings new types with every batch of articles."""

_SCHEMA = (
    "CREATE NODE TABLE IF NOT EXISTS Entity(id STRING PRIMARY KEY, name STRING, type STRING,"
    " label STRING, aliases STRING[], roles STRING[], country STRING, sector STRING)",
    "CREATE NODE TABLE IF NOT EXISTS Article(id STRING PRIMARY KEY, title STRING,"
    " `date` STRING, source STRING, url STRING)",
    "CREATE REL TABLE IF NOT EXISTS MENTIONS(FROM Article TO Entity, `count` INT64,"
    " country STRING, sector STRING)",
    "CREATE NODE TABLE IF NOT EXISTS Merge(id STRING PRIMARY KEY, name STRING, into STRING,"
    " rule STRING)",
    f"CREATE REL TABLE IF NOT EXISTS {RELATION_TABLE}(FROM Entity TO Entity, type STRING, "
    + ", ".join(f"`{name}` {kind}" for name, kind in _RELATION_COLUMNS.items())
    + ")",
)
_REL_TABLES = frozenset({"MENTIONS", RELATION_TABLE})

_MERGE_ARTICLES = (
    "UNWIND $rows AS row MERGE (a:Article {id: row.id}) "
    "SET a.title = row.title, a.`date` = row.date, a.source = row.source, a.url = row.url"
)
_MERGE_ENTITIES = (
    "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) "
    "ON CREATE SET e.name = row.name, e.type = row.type, e.label = row.label, "
    "e.aliases = CAST(row.aliases AS STRING[]), e.roles = CAST(row.roles AS STRING[]), "
    "e.country = CAST(row.country AS STRING), e.sector = CAST(row.sector AS STRING) "
    "ON MATCH SET e.aliases = list_sort(list_distinct(list_concat(e.aliases, "
    "CAST(row.aliases AS STRING[])))), e.roles = list_sort(list_distinct(list_concat(e.roles, "
    "CAST(row.roles AS STRING[]))))"
)
_MERGE_MENTIONS = (
    "UNWIND $rows AS row MATCH (a:Article {id: row.article_id}), (e:Entity {id: row.entity_id}) "
    "MERGE (a)-[m:MENTIONS]->(e) SET m.`count` = row.count, "
    "m.country = CAST(row.country AS STRING), m.sector = CAST(row.sector AS STRING)"
)
_VOTES = (
    "MATCH (:Article)-[m:MENTIONS]->(e:Entity) WHERE list_contains($ids, e.id) "
    "RETURN e.id AS id, m.country AS country, m.sector AS sector"
)
_SET_AFFILIATION = (
    "UNWIND $rows AS row MATCH (e:Entity {id: row.id}) "
    "SET e.country = CAST(row.country AS STRING), e.sector = CAST(row.sector AS STRING)"
)


class StoreError(Exception):
    """The store cannot be opened or written; the message names its path."""


def _check_type(rel_type: str) -> None:
    """A stored type becomes a relationship type in Neo4j and in the query bridge, where it
    cannot be a parameter, so none is stored unchecked."""
    if not is_relation_type(rel_type):
        raise StoreError(f"refusing relation type {rel_type!r}: not [A-Z][A-Z0-9_]*")


def _relation_merge() -> str:
    assignments = ", ".join(
        f"r.`{name}` = CAST(row.`{name}` AS {kind})"
        for name, kind in _RELATION_COLUMNS.items()
        if name != "id"
    )
    return (
        "UNWIND $rows AS row MATCH (s:Entity {id: row.source_id}), (o:Entity {id: row.target_id}) "
        f"MERGE (s)-[r:{RELATION_TABLE} {{id: row.id, type: row.type}}]->(o) SET {assignments}"
    )


_MERGE_RELATIONS = _relation_merge()

REOPEN_EVERY = 200

try:
    _malloc_trim = ctypes.CDLL(None).malloc_trim
except (OSError, AttributeError):
    _malloc_trim = None
"""glibc's, where there is one: see `Store.add`."""

PAGE_RELATIONS = 5_000
"""Relations read at a time when the whole store passes through (triples.jsonl, the graph
to draw): what such a pass holds in memory, whatever the size of the store."""

_ARTICLES = (
    "MATCH (a:Article) {where} RETURN a.id AS id, a.title AS title, a.`date` AS date, "
    "a.source AS source, a.url AS url ORDER BY a.id"
)
_ENTITIES = (
    "MATCH (e:Entity) {where} RETURN e.id AS id, e.name AS name, e.type AS type, "
    "e.label AS label, e.aliases AS aliases, e.roles AS roles, e.country AS country, "
    "e.sector AS sector{order}"
)


class Store:
    """One writer over one database directory. Use as a context manager."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if not read_only:
                self.path.mkdir(parents=True, exist_ok=True)
            elif not (self.path / DB_FILE).exists():
                raise StoreError(f"{self.path}: no polgraph store here (run `polgraph build`)")
            self._open()
        except (RuntimeError, OSError) as err:
            raise StoreError(f"{self.path}: cannot open the store: {err}") from None
        self._added = 0
        self._check_layout()
        if not read_only:
            for statement in _SCHEMA:
                self._conn.execute(statement)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open(self) -> None:
        self._db = ladybug.Database(str(self.path / DB_FILE), read_only=self.read_only)
        self._conn = ladybug.Connection(self._db)

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def _check_layout(self) -> None:
        """A store written when each relation type had a table of its own, or before actors
        had a country and sector, cannot be read as today's; say so rather than answer
        without its relations or with every actor stateless."""
        rows = self.execute("CALL show_tables() RETURN name, type")
        tables = {row["name"] for row in rows if row["type"] == "REL"}
        if tables - _REL_TABLES or (self.read_only and RELATION_TABLE not in tables):
            self.close()
            raise StoreError(
                f"{self.path}: this store was written with a table per relation type, a layout "
                "polgraph no longer reads; rebuild it with `polgraph build` into a new --store"
            )
        if "Entity" in {row["name"] for row in rows} and not self._columns_present():
            self.close()
            raise StoreError(
                f"{self.path}: this store was written before actors had a country and sector "
                "and relations an outlet, a layout polgraph no longer reads; rebuild it with "
                "`polgraph build` into a new --store"
            )

    def _columns_present(self) -> bool:
        entity = {row["name"] for row in self.execute("CALL table_info('Entity') RETURN *")}
        if RELATION_TABLE not in {r["name"] for r in self.execute("CALL show_tables() RETURN *")}:
            return {"country", "sector"} <= entity
        relation = {
            row["name"] for row in self.execute(f"CALL table_info('{RELATION_TABLE}') RETURN *")
        }
        return {"country", "sector"} <= entity and "outlet" in relation

    def execute(self, query: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher in the store's dialect; rows come back as dicts keyed by column."""
        result = self._conn.execute(query, parameters or {})
        columns = result.get_column_names()
        rows: list[dict[str, Any]] = []
        while result.has_next():
            rows.append(dict(zip(columns, result.get_next(), strict=True)))
        return rows

    def write(self, rows: GraphRows) -> None:
        """Write one batch in one transaction: all of it lands, or none of it."""
        relations = []
        for rel_type, batch in sorted(rows.relations.items()):
            _check_type(rel_type)
            relations.extend({**row, "type": rel_type} for row in batch)
        unplaced = {"country": None, "sector": None}
        entities = [{**unplaced, **row} for row in rows.entities]
        mentions = [{**unplaced, **row} for row in rows.mentions]
        self._conn.execute("BEGIN TRANSACTION")
        try:
            for statement, batch in (
                (_MERGE_ARTICLES, rows.articles),
                (_MERGE_ENTITIES, entities),
                (_MERGE_MENTIONS, mentions),
                (_MERGE_RELATIONS, relations),
            ):
                if batch:
                    self._conn.execute(statement, {"rows": batch})
            attested = [row["entity_id"] for row in rows.mentions if row.get("country")]
            attested += [row["entity_id"] for row in rows.mentions if row.get("sector")]
            self.vote(sorted(set(attested)))
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def vote(self, ids: list[str]) -> None:
        """Set each actor's country and sector to those most articles give it (the MENTIONS
        of each article keep what that article said)."""
        if not ids:
            return
        said: dict[str, list[tuple[str | None, str | None]]] = {entity: [] for entity in ids}
        for row in self.execute(_VOTES, {"ids": ids}):
            said[row["id"]].append((row["country"], row["sector"]))
        rows = [
            {"id": entity, "country": country, "sector": sector}
            for entity, pairs in said.items()
            for country, sector in [most_attested(pairs)]
        ]
        self.set_affiliation(rows)

    def set_affiliation(self, rows: list[dict[str, Any]]) -> None:
        """Give each `{"id", "country", "sector"}` row's actor that country and sector: the
        one write of an affiliation, whether voted from articles or placed by roles."""
        self._conn.execute(_SET_AFFILIATION, {"rows": rows})

    def add(self, extraction: Extraction) -> None:
        """Store one article, then let go of what the write held, or a long build's memory
        grows with the graph:

        - the connection is replaced: it keeps a prepared statement for every shape of
          parameters it has seen (a None or a string, an int's width), each holding what
          its last run allocated, some 70 MB after a few hundred articles;
        - every `REOPEN_EVERY` articles the database is closed and opened again, because
          LadybugDB keeps what was written in its buffer manager, which a smaller buffer
          pool cannot evict ("the buffer pool is full"); glibc then keeps the freed memory
          for reuse unless `malloc_trim` hands it back to the system.
        """
        self.write(rows_from_extraction(extraction))
        self._added += 1
        self._conn.close()
        if self._added % REOPEN_EVERY == 0:
            self._db.close()
            if _malloc_trim is not None:
                _malloc_trim(0)
            self._open()
        else:
            self._conn = ladybug.Connection(self._db)

    def article_ids(self) -> set[str]:
        return {row["id"] for row in self.execute("MATCH (a:Article) RETURN a.id AS id")}

    def counts(self) -> dict[str, int]:
        def one(query: str) -> int:
            return int(self.execute(query)[0]["n"])

        return {
            "articles": one("MATCH (a:Article) RETURN count(a) AS n"),
            "entities": one("MATCH (e:Entity) RETURN count(e) AS n"),
            "relations": one(f"MATCH ()-[r:{RELATION_TABLE}]->() RETURN count(r) AS n"),
            "mentions": one("MATCH ()-[m:MENTIONS]->() RETURN count(m) AS n"),
        }

    def _iterate(self, query: str, parameters: dict[str, Any]) -> Iterator[dict[str, Any]]:
        result = self._conn.execute(query, parameters)
        columns = result.get_column_names()
        while result.has_next():
            yield dict(zip(columns, result.get_next(), strict=True))

    def entities(self, ids: list[str] | None = None, *, by_id: bool = True) -> list[dict[str, Any]]:
        """The stored actors (those of `ids` only, if given), aliases and roles as lists.
        `by_id=False` keeps the store's own order, the one the cross-article merges and
        overrides have always decided ties in."""
        where = "" if ids is None else "WHERE e.id IN $ids"
        query = _ENTITIES.format(where=where, order=" ORDER BY e.id" if by_id else "")
        entities = self.execute(query, {} if ids is None else {"ids": ids})
        for entity in entities:
            entity["aliases"] = entity["aliases"] or []
            entity["roles"] = entity["roles"] or []
        return entities

    def _relations(
        self, after: tuple[str, str] | None = None, limit: int | None = None
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Relations in (type, id) order; with `after` and `limit`, one page of them, found
        by key rather than by offset so every page costs the same."""
        columns = ", ".join(f"r.`{name}` AS `{name}`" for name in RELATION_PROPERTIES)
        where = "" if after is None else "WHERE r.type > $type OR (r.type = $type AND r.id > $id) "
        query = (
            f"MATCH (s:Entity)-[r:{RELATION_TABLE}]->(o:Entity) {where}RETURN r.type AS type, "
            f"s.id AS source_id, o.id AS target_id, {columns} ORDER BY r.type, r.id"
        )
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        parameters = {} if after is None else {"type": after[0], "id": after[1]}
        for row in self._iterate(query, parameters):
            yield row.pop("type"), row

    def rows(self) -> GraphRows:
        """Everything stored, as the rows a loader writes elsewhere (Neo4j, CSV)."""
        out = GraphRows(
            articles=self.execute(_ARTICLES.format(where="")),
            entities=self.entities(),
            mentions=self.execute(
                "MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id AS article_id, "
                "e.id AS entity_id, m.`count` AS count ORDER BY article_id, entity_id"
            ),
        )
        for rel_type, row in self._relations():
            out.relations.setdefault(rel_type, []).append({"type": rel_type, **row})
        return out

    def relation_pages(
        self, size: int = PAGE_RELATIONS, *, with_entities: bool = True
    ) -> Iterator[GraphRows]:
        """Every stored relation in the order of `rows()`, at most `size` at a time, each page
        with the entities and articles its relations name (no mentions): a pass over a store
        of any size holds one page. `with_entities=False` leaves the entities out, for a
        caller that has them already (`to_networkx`)."""
        after: tuple[str, str] | None = ("", "")
        while after is not None:
            page = GraphRows()
            last = None
            for rel_type, row in self._relations(after, size):
                page.relations.setdefault(rel_type, []).append({"type": rel_type, **row})
                last = (rel_type, row["id"])
            after = last
            if last is None:
                return
            rows = [row for batch in page.relations.values() for row in batch]
            if with_entities:
                named = {row[end] for row in rows for end in ("source_id", "target_id")}
                page.entities = self.entities(sorted(named))
            page.articles = self.execute(
                _ARTICLES.format(where="WHERE a.id IN $ids"),
                {"ids": sorted({row["article_id"] for row in rows})},
            )
            yield page

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph of everything stored, as `graph_from_rows(self.rows())` gives it, built
        a page of relations at a time."""
        graph = nx.MultiDiGraph()
        counts = self.execute(
            "MATCH (:Article)-[m:MENTIONS]->(e:Entity) "
            "RETURN e.id AS id, count(*) AS articles, sum(m.`count`) AS mentions"
        )
        add_entities(
            graph,
            self.entities(),
            {row["id"]: row["articles"] for row in counts},
            {row["id"]: int(row["mentions"] or 0) for row in counts},
        )
        for page in self.relation_pages(with_entities=False):
            add_relations(graph, page)
        return graph
