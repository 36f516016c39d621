"""The same queries on both engines give the same answers.

The world of tests/graph/world.py is written to the embedded store and, through the Cypher
export, to a live Neo4j. Each query runs on both and the rows must be identical; a query
the embedded engine refuses must be one Neo4j answers, so a refusal is never a shrug.
"""

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from polgraph.graph.neo4j.load import load as neo4j_load
from polgraph.graph.query import Refused, query
from polgraph.graph.store import Store
from tests.docs.cookbook import cookbook
from tests.graph.world import build

PARAMS: dict[str, Any] = {
    "name": "Alice Ames",
    "id": "carland",
    "a": "Carland",
    "b": "Dovia",
    "actor": "Carland",
    "other": "Dovia",
    "type": "THREATEN",
    "modalities": ["hypothetical", "negated"],
    "names": ["Dovia", "Fay Fox", "Nobody"],
    "limit": 3,
    "since": "2025-06-02",
}

QUERIES: list[str] = [
    # MATCH with labels and relationship types
    "MATCH (p:Person) RETURN p.name ORDER BY p.name",
    "MATCH (e:Entity:Country) RETURN e.id ORDER BY e.id",
    "MATCH (a:Country)-[r:THREATEN]->(b:Country) RETURN a.name, b.name, r.date ORDER BY r.date",
    "MATCH (a)-[r:CRITICIZE|THREATEN]->(b) RETURN a.name AS source, type(r) AS type, "
    "b.name AS target ORDER BY source, type, target",
    "MATCH (:Person {id: 'alice-ames'})-[r:PRAISE]->() RETURN r",
    # one relation table holds every type: unknown types, several, and MENTIONS beside them
    "MATCH (a)-[r:NOT_A_TYPE]->(b) RETURN count(*) AS n",
    "MATCH (a)-[r:MEET|NOT_A_TYPE]->(b) RETURN a.name AS a, b.name AS b, type(r) AS t, r "
    "ORDER BY a, b",
    "MATCH (x)-[r:MENTIONS|THREATEN]->(e:Entity {id: 'dovia'}) "
    "RETURN type(r) AS t, count(*) AS n ORDER BY t",
    "MATCH (x)-[r:MENTIONS]->(e:Entity {id: 'dovia'}) RETURN type(r) AS t, count(*) AS n",
    "MATCH (a:Entity)-[:THREATEN|CRITICIZE]->(b:Entity)<-[r:MEET|CRITICIZE]-(c) "
    "RETURN a.name AS a, b.name AS b, c.name AS c, type(r) AS t ORDER BY a, b, c, t",
    "MATCH (n:Person {id: 'bob-brown'}) RETURN n",
    # a relationship renamed by WITH keeps its type
    "MATCH (a)-[r:THREATEN|PRAISE]->(b) WITH r AS s RETURN type(s) AS t, s.date AS d ORDER BY t, d",
    # WHERE on properties, $parameters, single quotes, IS NOT NULL
    "MATCH (a:Entity {name: $name})-[r]->(b) RETURN type(r) AS type, b.name AS target "
    "ORDER BY type, target",
    "MATCH (a)-[r]->(b) WHERE r.modality IN $modalities "
    "RETURN a.name AS a, b.name AS b, r.modality AS m ORDER BY a, b",
    "MATCH (e:Entity) WHERE e.name STARTS WITH 'D' OR e.name CONTAINS 'co' "
    "RETURN e.name ORDER BY e.name",
    "MATCH (e:Entity) WHERE 'Ames' IN e.aliases RETURN e.id",
    "MATCH ()-[r]->() WHERE r.goldstein IS NOT NULL AND r.via IS NULL RETURN count(r) AS n",
    "MATCH ()-[r:THREATEN]->() RETURN r.start, r.end ORDER BY r.start, r.end",
    "MATCH (a:Article) WHERE a.date >= $since RETURN a.id, a.date ORDER BY a.date",
    "UNWIND $names AS name MATCH (e:Entity {name: name}) RETURN e.id ORDER BY e.id",
    # ORDER BY / LIMIT / SKIP
    "MATCH (e:Entity) RETURN e.name AS name, size(e.aliases) AS aliases "
    "ORDER BY name SKIP 1 LIMIT $limit",
    "MATCH (a)-[r]->(b) RETURN a.name AS a, b.name AS b, r.goldstein AS g "
    "ORDER BY g DESC, a, b LIMIT 3",
    # aggregation, DISTINCT, count(*)
    "MATCH (e:Entity) RETURN e.label AS label, count(*) AS n ORDER BY n DESC, label",
    "MATCH (a)-[r]->(b) RETURN type(r), count(*) ORDER BY count(*) DESC, type(r)",
    "MATCH (a)-[r]->(b) WHERE r.goldstein < 0 "
    "RETURN a.name AS a, b.name AS b, sum(r.goldstein) AS score ORDER BY score, a, b",
    "MATCH ()-[r]->() RETURN r.modality AS modality, count(DISTINCT r.article_id) AS articles, "
    "avg(r.confidence) AS confidence, min(r.date) AS first, max(r.date) AS last "
    "ORDER BY modality",
    "MATCH ()-[r]->() WHERE r.id = 'none' RETURN sum(r.goldstein) AS s, count(*) AS n, "
    "avg(r.goldstein) AS a, collect(r.id) AS ids",
    "MATCH (e:Entity) WHERE e.name =~ 'D.*' RETURN e.id",
    "MATCH (e:Entity)<-[:MENTIONS]-(a:Article) RETURN count(DISTINCT e) AS actors, "
    "count(*) AS mentions",
    # undirected patterns, OPTIONAL MATCH, WITH
    "MATCH (a:Entity)-[r]-(b:Entity) WHERE a.id = $id RETURN DISTINCT b.name AS neighbour "
    "ORDER BY neighbour",
    "MATCH (a:Person)-[:MEET]-(b) RETURN a.name AS a, b.name AS b ORDER BY a, b",
    "MATCH (e:Entity) OPTIONAL MATCH (e)-[r:THREATEN]->(x) "
    "RETURN e.name AS name, count(r) AS threats ORDER BY name",
    "MATCH (e:Entity) OPTIONAL MATCH (e)-[:PRAISE]->(x:Country) "
    "RETURN e.name AS name, x.name AS praised ORDER BY name",
    "MATCH (a:Article)-[m:MENTIONS]->(e:Person) WITH e, count(a) AS articles "
    "WHERE articles > 1 RETURN e.name AS name, articles ORDER BY articles DESC, name",
    "MATCH (e:Entity) WITH e.label AS label, collect(e.name) AS names "
    "RETURN label, size(names) AS n ORDER BY label",
    # relationship uniqueness within one MATCH
    "MATCH (a)-[:THREATEN]->(b)<-[:THREATEN]-(c) RETURN count(*) AS n",
    "MATCH (a:Person)-[r]-(b)-[s]-(c:Person) RETURN count(*) AS n",
    "MATCH (a:Person)--(b)--(c:Person) RETURN count(*) AS n",
    "MATCH (a:Person)<--(b)-->(c:Person) RETURN count(*) AS n",
    # variable-length and shortest paths
    "MATCH (a:Entity {id: 'alice-ames'})-[*1..2]-(b:Entity) RETURN DISTINCT b.name AS name "
    "ORDER BY name",
    "MATCH p = (a:Entity {id: 'alice-ames'})-[:MEET|PRAISE*1..3]->(b) "
    "RETURN b.name AS name, length(p) AS hops ORDER BY hops, name",
    "MATCH p = shortestPath((a:Entity {id: 'alice-ames'})-[:MEET|PRAISE|THREATEN|CRITICIZE*..5]-"
    "(b:Entity {id: 'fay-fox'})) RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS names",
    "MATCH p = shortestPath((a:Person {name: 'Alice Ames'})-[*..6]-(b:Person {name: 'Fay Fox'})) "
    "RETURN length(p) AS hops",
    "MATCH p = (a:Entity {id: 'bob-brown'})-[:PRAISE|MEET*1..2]-(b) "
    "RETURN b.name AS name, [r IN relationships(p) | type(r)] AS types, relationships(p) AS rels",
    "MATCH p = allShortestPaths((a:Entity {id: 'alice-ames'})"
    "-[:MEET|PRAISE|THREATEN|CRITICIZE*..5]-(b:Entity {id: 'fay-fox'})) "
    "RETURN [r IN relationships(p) | type(r)] AS types, p",
    "MATCH p = shortestPath((a:Person {name: 'Alice Ames'})-[*..6]-(b:Person {name: 'Fay Fox'})) "
    "RETURN [n IN nodes(p) | coalesce(n.name, n.title)] AS path",
    "MATCH p = allShortestPaths((a:Entity {id: 'alice-ames'})-[:MEET|CRITICIZE|THREATEN*..5]-"
    "(b:Entity {id: 'fay-fox'})) RETURN count(p) AS paths",
]

# Valid Cypher the embedded engine must refuse rather than answer differently.
REFUSED: list[str] = [
    "MATCH (n:Person) RETURN labels(n) AS labels",
    "MATCH (n:Person) RETURN substring(n.name, 0, 3) AS start",
    "MATCH (a:Entity {id: 'alice-ames'})-[*]-(b) RETURN count(DISTINCT b) AS n",
    "MATCH (a)-[r]->(b)-[s*1..2]->(c) RETURN count(*) AS n",
    "MATCH (a)-[r:THREATEN]->(b) RETURN r.type AS t",
    "MATCH (a)-[r:THREATEN]->(b) WITH r AS s RETURN s.type AS t",
    "MATCH (a)-[r]->(b) WITH a, r AS s WITH s AS t RETURN t.type AS x",
    "MATCH (e:Entity) RETURN toLower(e.name) AS name",
    "MATCH (e:Entity) RETURN size(e.name) AS length",
    "MATCH (e:Entity) RETURN e.aliases[1] AS second",
    "MATCH (e:Entity) WHERE e.name =~ '(?i)d.*' RETURN e.id",
]


def _in_world(params: dict[str, Any]) -> dict[str, Any]:
    """The cookbook's example values with its actors swapped for the world's, so its queries
    find rows here too (dates and numbers stay)."""
    names = iter(["Carland", "Dovia", "Fay Fox", "Alice Ames"])
    return {
        key: next(names)
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
        else value
        for key, value in params.items()
    }


def _collected(text: str) -> set[str]:
    """Columns made by collect(): Neo4j leaves the order of their items open."""
    return set(re.findall(r"collect\([^)]*\)\s+AS\s+`?(\w+)", text, re.I))


def _canonical(
    rows: list[dict[str, Any]], ordered: bool, collected: set[str] = frozenset()
) -> list[dict[str, Any]]:
    """Rows as comparable values: floats to 9 places (sums may differ in the last digits),
    numbers compared as numbers (Neo4j's empty sum is 0, LadybugDB's 0.0), and rows sorted
    when the query leaves their order open."""

    def clean(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, 9) if math.isfinite(value) else str(value)
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        return value

    cleaned = [
        {k: sorted(v, key=json.dumps) if k in collected else v for k, v in clean(row).items()}
        for row in rows
    ]
    if ordered:
        return cleaned
    return sorted(cleaned, key=lambda row: json.dumps(row, sort_keys=True, default=float))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(Path(tmp_path_factory.mktemp("parity")))


@pytest.fixture(scope="module")
def neo4j_world(neo4j_settings: Any, world: Path) -> Any:
    """The same world in Neo4j, written by the real loader, as `polgraph load` writes it."""
    with Store(world, read_only=True) as store:
        neo4j_load(store.rows(), neo4j_settings)
    return neo4j_settings


def _same(text: str, params: dict[str, Any], world: Path, server: Any) -> None:
    embedded = query(text, params, "embedded", store=world)
    answer = query(text, params, "neo4j", neo4j=server)
    ordered = "ORDER BY" in text.upper()
    collected = _collected(text)
    assert _canonical(embedded, ordered, collected) == _canonical(answer, ordered, collected)
    assert [list(row) for row in embedded] == [list(row) for row in answer]


@pytest.mark.neo4j
@pytest.mark.parametrize("text", QUERIES)
def test_both_engines_answer_alike(text: str, world: Path, neo4j_world: Any) -> None:
    _same(text, {k: v for k, v in PARAMS.items() if f"${k}" in text}, world, neo4j_world)


@pytest.mark.neo4j
@pytest.mark.parametrize(("text", "params"), cookbook().values())
def test_the_cookbook_answers_alike_or_is_refused(
    text: str, params: dict[str, Any], world: Path, neo4j_world: Any
) -> None:
    """Each cookbook query gets Neo4j's answer on the embedded store, or a refusal naming
    Neo4j; it is never answered differently."""
    try:
        _same(text, params, world, neo4j_world)
        _same(text, _in_world(params), world, neo4j_world)
    except Refused as refusal:
        assert "--backend neo4j" in str(refusal)
        assert query(text, params, "neo4j", neo4j=neo4j_world) is not None


@pytest.mark.neo4j
@pytest.mark.parametrize("text", REFUSED)
def test_refused_queries_are_ones_neo4j_answers(text: str, world: Path, neo4j_world: Any) -> None:
    with pytest.raises(Refused, match="--backend neo4j"):
        query(text, {}, "embedded", store=world)
    assert query(text, {}, "neo4j", neo4j=neo4j_world) is not None


def test_the_suite_is_representative() -> None:
    assert len(QUERIES) >= 20
