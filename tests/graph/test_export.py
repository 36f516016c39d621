"""Every export format survives a round trip: what is written reads back the same."""

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import ladybug
import neo4j
import networkx as nx
import pytest

from polgraph.graph.export import (
    cypher_literal,
    export,
    read_csv,
    read_cypher,
    read_gexf,
    read_graphml,
    read_jsonl,
    write_csv,
)
from polgraph.graph.rows import GraphRows, extractions_from_triples, triples_from_rows
from polgraph.graph.store import Store
from tests.graph.neo4j.sample import article, extraction, graph_rows, mention, triple
from tests.graph.world import build, load_into_neo4j


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[GraphRows, nx.MultiDiGraph]:
    with Store(build(Path(tmp_path_factory.mktemp("world")))) as store:
        return store.rows(), store.to_networkx()


def _without_nulls(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    nodes = {n: {k: v for k, v in d.items() if v is not None} for n, d in graph.nodes(data=True)}
    edges = {
        (s, t, k): {key: v for key, v in d.items() if v is not None}
        for s, t, k, d in graph.edges(keys=True, data=True)
    }
    return nodes, edges


def test_graphml_round_trip(stored: tuple, tmp_path: Path) -> None:
    rows, graph = stored
    (path,) = export(rows, graph, "graphml", tmp_path / "g.graphml")
    assert _without_nulls(read_graphml(path)) == _without_nulls(graph)


def test_gexf_round_trip_with_dates_for_the_timeline(stored: tuple, tmp_path: Path) -> None:
    rows, graph = stored
    (path,) = export(rows, graph, "gexf", tmp_path / "g.gexf")
    back = read_gexf(path)
    nodes, edges = _without_nulls(graph)
    back_nodes, back_edges = _without_nulls(back)
    assert back_nodes == nodes
    assert {key[2]: data for key, data in back_edges.items()} == {
        key[2]: data for key, data in edges.items()
    }
    root = ET.parse(path).getroot()
    ns = {"g": root.tag.split("}")[0][1:]}
    element = root.find("g:graph", ns)
    assert element is not None
    assert (element.get("mode"), element.get("timeformat")) == ("dynamic", "date")
    dated = {e.get("start") for e in root.iterfind(".//g:edge", ns)}
    assert dated == {"2025-06-01", "2025-06-02", "2025-06-10", "2025-06-12"}
    carland = root.find(".//g:node[@id='carland']", ns)
    assert carland is not None and carland.get("start") == "2025-06-01"


def test_csv_round_trip_in_the_neo4j_admin_layout(stored: tuple, tmp_path: Path) -> None:
    rows, graph = stored
    paths = export(rows, graph, "csv", tmp_path / "import")
    assert sorted(p.name for p in paths) == [
        "articles.csv",
        "entities.csv",
        "import.sh",
        "mentions.csv",
        "relations.csv",
    ]
    header = (tmp_path / "import" / "relations.csv").read_text().splitlines()[0]
    assert header.startswith(":START_ID(Entity),:END_ID(Entity),:TYPE,id,")
    assert "goldstein:double" in header and "former:boolean" in header
    entities = (tmp_path / "import" / "entities.csv").read_text()
    assert entities.splitlines()[0].endswith("roles:string[],country,sector,:LABEL")
    assert "Entity;Person" in entities
    back = read_csv(tmp_path / "import")
    assert back.entities == rows.entities
    assert back.articles == rows.articles
    assert back.mentions == rows.mentions
    assert back.relations == rows.relations


def test_jsonl_round_trip_rebuilds_the_same_relations(stored: tuple, tmp_path: Path) -> None:
    rows, graph = stored
    (path,) = export(rows, graph, "jsonl", tmp_path / "t.jsonl")
    triples = read_jsonl(path)
    assert triples == list(triples_from_rows(rows))
    with Store(tmp_path / "again") as store:
        for extraction in extractions_from_triples(triples):
            store.add(extraction)
        assert store.rows().relations == rows.relations


@pytest.mark.parametrize(
    "value",
    ["plain", "it's", 'say "no"', "back\\slash", "two\nlines\ttab", "Ñoño – ü", "\x01"],
)
def test_cypher_string_literals_read_back(value: str, tmp_path: Path) -> None:
    database = ladybug.Database(str(tmp_path / "db"))
    result = ladybug.Connection(database).execute(f"RETURN {cypher_literal(value)} AS v")
    assert result.get_next() == [value]


def _neo4j_rows(settings: Any) -> GraphRows:
    auth = (settings.username, settings.password)
    with neo4j.GraphDatabase.driver(settings.uri, auth=auth) as driver:

        def run(text: str) -> list[dict[str, Any]]:
            records, _, _ = driver.execute_query(text, database_=settings.database)
            return [record.data() for record in records]

        rows = GraphRows(
            articles=run(
                "MATCH (a:Article) RETURN a.id AS id, a.title AS title, a.date AS date, "
                "a.source AS source, a.url AS url ORDER BY id"
            ),
            entities=run(
                "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.type AS type, "
                "e.label AS label, e.aliases AS aliases, e.roles AS roles, "
                "e.country AS country, e.sector AS sector ORDER BY id"
            ),
            mentions=run(
                "MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id AS article_id, "
                "e.id AS entity_id, m.count AS count ORDER BY article_id, entity_id"
            ),
        )
        labels = run("MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels")
        for row in run(
            "MATCH (s:Entity)-[r]->(o:Entity) RETURN type(r) AS type, s.id AS source_id, "
            "o.id AS target_id, properties(r) AS p ORDER BY r.id"
        ):
            relation = {"type": row["type"], "source_id": row["source_id"]}
            relation["target_id"] = row["target_id"]
            rows.relations.setdefault(row["type"], []).append({**relation, **row["p"]})
    rows.entities = [
        {**e, "neo4j_labels": sorted(x["labels"])}
        for e, x in zip(rows.entities, sorted(labels, key=lambda x: x["id"]), strict=True)
    ]
    return rows


@pytest.mark.neo4j
def test_cypher_script_recreates_the_graph_in_neo4j(
    stored: tuple, tmp_path: Path, neo4j_settings: Any
) -> None:
    rows, graph = stored
    (path,) = export(rows, graph, "cypher", tmp_path / "g.cypher")
    assert read_cypher(path)
    load_into_neo4j(neo4j_settings, rows)
    auth = (neo4j_settings.username, neo4j_settings.password)
    with neo4j.GraphDatabase.driver(neo4j_settings.uri, auth=auth) as driver:
        for statement in read_cypher(path):
            driver.execute_query(statement, database_=neo4j_settings.database)
    back = _neo4j_rows(neo4j_settings)
    assert back.articles == rows.articles
    assert back.mentions == rows.mentions
    assert [{k: v for k, v in e.items() if k != "neo4j_labels"} for e in back.entities] == (
        rows.entities
    )
    assert {e["id"]: e["neo4j_labels"] for e in back.entities}["carland"] == ["Country", "Entity"]
    relations = {
        t: [{k: v for k, v in r.items()} for r in batch] for t, batch in back.relations.items()
    }
    expected = {
        t: [{k: v for k, v in r.items() if v is not None} for r in batch]
        for t, batch in rows.relations.items()
    }
    assert relations == expected


def test_csv_writes_each_node_once_merged_as_the_loader_merges(tmp_path: Path) -> None:
    """The import tool refuses an id defined twice; rows of many articles repeat actors."""
    one, two = article("c1", title="First"), article("c2")
    musk, elon = mention("Elon Musk", written="Musk"), mention("Elon Musk", written="Elon")
    rows = graph_rows(
        extraction(one, triple(one, musk, "MEET", elon, "met"), mentions=(musk,)),
        extraction(two, mentions=(elon,)),
        extraction(article("c1"), mentions=(musk, musk)),
    )
    assert len(rows.entities) > 1
    write_csv(rows, tmp_path)
    back = read_csv(tmp_path)
    assert [(e["id"], e["aliases"]) for e in back.entities] == [("elon-musk", ["Elon", "Musk"])]
    assert [(a["id"], a["title"]) for a in back.articles] == [("c1", "First"), ("c2", None)]
    counts = {(m["article_id"], m["count"]) for m in back.mentions}
    assert counts == {("c1", 2), ("c2", 1)}
