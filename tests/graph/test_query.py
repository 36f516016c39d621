"""The Neo4j-to-embedded bridge: what it rewrites, what it refuses, and answers on the
embedded store of the hand-built world (the parity suite compares them with Neo4j's)."""

from pathlib import Path

import pytest

from polgraph.graph.query import QueryError, Refused, Translator, query
from tests.graph.world import build


def _sql(text: str) -> str:
    return Translator().translate(text)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(Path(tmp_path_factory.mktemp("query")))


@pytest.mark.parametrize(
    ("cypher", "expected"),
    [
        ("MATCH (p:Person) RETURN p", "MATCH (p:Entity {`label`: 'Person'}) RETURN"),
        (
            "MATCH (p:Entity:Country {name: $n}) RETURN p",
            "MATCH (p:Entity {`label`: 'Country', `name`: $n}) RETURN",
        ),
        ("MATCH ()-[r]->() RETURN type(r)", "RETURN coalesce(r.`type`, label(r)) AS"),
        ("MATCH ()-[r:MEET]->() RETURN type(r)", "RETURN r.`type` AS"),
        ("MATCH ()-[r:MENTIONS]->() RETURN type(r)", "RETURN label(r) AS"),
        ("MATCH ()-[r]->() RETURN r.end", "RETURN r.`end` AS"),
        ("MATCH (a)-[r*1..3]-(b) RETURN b", "[r* TRAIL 1..3]"),
        ("MATCH (a)-[:JOIN]->(b) RETURN b", "[:`RELATION` {`type`: 'JOIN'}]"),
        (
            "MATCH (a)-[r:PRAISE {id: $id}]->(b) RETURN b",
            "[r:`RELATION` {`type`: 'PRAISE', `id`: $id}]",
        ),
        (
            "MATCH (a)-[:MEET*2]-(b) RETURN b",
            "[:`RELATION`* TRAIL 2..2 (_polgraph_step, _polgraph_node | "
            "WHERE _polgraph_step.`type` = 'MEET')]",
        ),
        (
            "MATCH p = shortestPath((a)-[:MEET*..4]-(b)) RETURN p",
            "MATCH p = (a)-[:`RELATION`* SHORTEST 1..4 (",
        ),
        (
            "MATCH p = allShortestPaths((a)-[*..4]-(b)) RETURN p",
            "MATCH p = (a)-[* ALL SHORTEST 1..4]-(b) RETURN",
        ),
        (
            "MATCH (a)-[:MEET|NOPE]->(b) RETURN a",
            "[_polgraph_r1:`RELATION`]->(b)  WHERE _polgraph_r1.`type` IN ['MEET', 'NOPE']",
        ),
        (
            "MATCH (a)-[r:MENTIONS|MEET]-(b) RETURN a",
            "[r:`MENTIONS`|`RELATION`]-(b)  WHERE (label(r) = 'MENTIONS' OR r.`type` = 'MEET')",
        ),
        (
            "MATCH (a)-[r:MEET|PRAISE]-(b)-[s]-(c) RETURN a",
            "WHERE r.`type` IN ['MEET', 'PRAISE'] AND id(r) <> id(s) RETURN",
        ),
        (
            "MATCH (e) OPTIONAL MATCH (e)-[r:THREATEN|MEET]->(x) RETURN count(r)",
            "OPTIONAL MATCH (e)-[r:`RELATION`]->(x)  WHERE r.`type` IN ['MEET', 'THREATEN']",
        ),
        (
            "MATCH p = (a)-[*1..2]-(b) RETURN [n IN nodes(p) WHERE n.name <> 'x' | n.name]",
            "list_transform(list_filter(nodes(p), n -> n.`name` <> 'x'), n -> n.`name`)",
        ),
        ("MATCH (a)-[r]-(b)-[s]-(c) RETURN a", "WHERE id(r) <> id(s) RETURN"),
        ("MATCH (a)<--(b)-->(c) RETURN a", "WHERE id(_polgraph_r2) <> id(_polgraph_r1)"),
        (
            "MATCH (n) WHERE n:Article OR n:Person RETURN n",
            "WHERE label(n) = 'Article' OR coalesce(n.`label` = 'Person', false) RETURN",
        ),
        ("MATCH ()-[r]->() RETURN sum(r.start)", "RETURN coalesce(sum(r.`start`), 0) AS"),
        ("MATCH (e) RETURN size(e.aliases), size(nodes(p))", "size(e.`aliases`)"),
        (
            "MATCH (e) WITH collect(e.id) AS ids RETURN size(ids)",
            "RETURN size(ids) AS",
        ),
        (
            "MATCH (a)-[r]-(b)-[s]-(c) WHERE a.name STARTS WITH 'A' WITH a RETURN a",
            "WHERE (id(r) <> id(s)) AND ( a.`name` STARTS WITH 'A' ) WITH",
        ),
    ],
)
def test_rewrites(cypher: str, expected: str) -> None:
    assert expected in _sql(cypher)


def test_columns_keep_the_names_neo4j_gives_them() -> None:
    translator = Translator()
    translator.translate("MATCH (a)-[r]->(b) RETURN a.name AS a, count(*), type(r) ORDER BY a")
    assert translator.columns == ["a", "count(*)", "type(r)"]


@pytest.mark.parametrize(
    ("cypher", "reason"),
    [
        ("MATCH (n) RETURN labels(n)", "n.label"),
        ("MATCH (n) RETURN id(n)", "`id` property"),
        ("MATCH (n) RETURN substring(n.name, 1)", "not known to give the same answer"),
        ("MATCH (a)-[*]-(b) RETURN b", "without an upper bound"),
        ("MATCH (a)-[*2..]-(b) RETURN b", "without an upper bound"),
        ("MATCH (a)-[:nope]-(b) RETURN b", "only [A-Z][A-Z0-9_]* types"),
        ("MATCH ()-[r:MEET]->() RETURN r.type", "no `type` property in Neo4j"),
        ("MATCH p = ()-[*1..2]->() RETURN [r IN relationships(p) | r.type]", "no `type`"),
        ("MATCH ()-[r {type: 'MEET'}]->() RETURN r", "a `type` key"),
        ("MATCH (a) WHERE EXISTS { (a)-[:MEET|PRAISE]->() } RETURN a", "outside a MATCH"),
        ("MATCH (a)-[r]-(b)-[*1..2]-(c) RETURN c", "relationship uniqueness"),
        ("MATCH (a:Person:Country) RETURN a", "two type labels"),
        ("MATCH (a:Person|Country) RETURN a", "label expressions"),
        ("MATCH (a:Article:Person) RETURN a", "no node has these labels"),
        ("MATCH (a) RETURN *", "RETURN *"),
        ("CREATE (a:Entity {id: 'x'})", "only reads"),
        ("MATCH (a) DETACH DELETE a", "only reads"),
        ("MATCH (a) RETURN a; MATCH (b) RETURN b", "one statement"),
        ("MATCH p = shortestPath((a)-[*2..5]-(b)) RETURN p", "lower bound"),
        ("MATCH (n) RETURN toLower(n.name)", "case mapping"),
        ("MATCH (n) RETURN size(n.name)", "may be a string"),
        ("MATCH (n) RETURN n.aliases[0]", "counts from 1"),
        ("MATCH (n) WHERE n.name =~ $pattern RETURN n", "plain literal"),
        ("MATCH (n) RETURN size((n)-->())", "pattern inside"),
        ("MATCH (a)-[r]-(b) RETURN startNode(r) = a", "match each direction with an arrow"),
        ("CALL db.index.fulltext.queryNodes('x', 'y') YIELD node RETURN node", "procedures"),
        (
            "MATCH p = shortestPath((a)-[*..3]-(b)) WHERE all(n IN nodes(p) WHERE n:Entity) "
            "RETURN p",
            "shortest path that satisfies it",
        ),
        ("MATCH (a)-[r]->(b) WITH a ORDER BY a.id LIMIT 3 RETURN collect(a.id)", "collect()"),
    ],
)
def test_refusals_name_the_neo4j_way(cypher: str, reason: str) -> None:
    with pytest.raises(Refused) as refused:
        _sql(cypher)
    assert reason in str(refused.value)
    assert "--backend neo4j" in str(refused.value)


def test_comments_are_dropped(world: Path) -> None:
    text = "// who threatens\nMATCH (a)-[:THREATEN]->(b) /* $unused */ RETURN count(*) AS n"
    assert query(text, store=world) == [{"n": 3}]


def test_a_property_named_like_a_clause_is_not_a_clause() -> None:
    assert "e.`set`" in _sql("MATCH (e) RETURN e.set")


def test_embedded_answers(world: Path) -> None:
    rows = query(
        "MATCH (a:Person {name: $name})-[r]-(b:Entity) "
        "RETURN DISTINCT b.name AS name ORDER BY name",
        {"name": "Alice Ames"},
        store=world,
    )
    assert rows == [{"name": "Bob Brown"}, {"name": "Carland"}]
    rows = query(
        "MATCH (a:Entity)-[r]->(b) RETURN type(r), count(*) ORDER BY count(*) DESC LIMIT 1",
        store=world,
    )
    assert rows == [{"type(r)": "MEET", "count(*)": 5}]


def test_relationship_uniqueness_is_kept(world: Path) -> None:
    """Three threats from Carland to Dovia: Neo4j pairs each with the two others, never itself."""
    rows = query("MATCH (a)-[:THREATEN]->(b)<-[:THREATEN]-(c) RETURN count(*) AS n", store=world)
    assert rows == [{"n": 6}]


def test_trails_not_walks(world: Path) -> None:
    rows = query(
        "MATCH (a:Person {id: 'bob-brown'})-[:PRAISE*1..3]-(b) RETURN b.id AS id", store=world
    )
    assert rows == [{"id": "alice-ames"}]


def test_shortest_path_and_values_as_plain_python(world: Path) -> None:
    (row,) = query(
        "MATCH p = shortestPath((a:Entity {id: 'alice-ames'})"
        "-[:MEET|PRAISE|THREATEN|CRITICIZE*..5]-(b:Entity {id: 'fay-fox'})) "
        "RETURN p, length(p) AS hops",
        store=world,
    )
    assert row["hops"] == 3
    assert [n["name"] for n in row["p"]["nodes"]] == ["Alice Ames", "Carland", "Dovia", "Fay Fox"]
    assert "_ID" not in row["p"]["nodes"][0] and "label" in row["p"]["nodes"][0]
    (total,) = query("MATCH ()-[r:THREATEN]->() RETURN sum(r.start) AS s", store=world)
    assert total == {"s": 100} and type(total["s"]) is int


def test_a_missing_parameter_is_named(world: Path) -> None:
    with pytest.raises(QueryError, match="missing query parameter"):
        query("MATCH (e:Entity {id: $id}) RETURN e", {}, store=world)


def test_an_unknown_property_is_refused_not_null(world: Path) -> None:
    with pytest.raises(Refused, match="--backend neo4j"):
        query("MATCH (e:Entity) RETURN e.nope", store=world)
