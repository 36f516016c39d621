"""The Neo4j loader against a real server: counts, idempotence, provenance, interruption,
injection."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j.load import load, merge_entities, relation_params, rows_from_path
from polgraph.graph.store import Store
from polgraph.ingest.records import Mention, entity_id, relation_type
from tests.graph.neo4j.sample import (
    article,
    clear,
    count,
    extraction,
    graph_rows,
    mention,
    snapshot,
    triple,
)

pytestmark = pytest.mark.neo4j

MUSK = mention("Elon Musk", written="Musk")
TRUMP = mention("Donald Trump", written="Trump")
NOVIKOV = mention("Dmitry Novikov")
RUSSIA = mention("Russia", "GPE")


def _news() -> list:
    one = article("a1", title="Feud", source="wire")
    two = article("a2", date="2025-06-08", title="Asylum", source="paper")
    return [
        extraction(
            one,
            triple(one, TRUMP, "CRITICIZE", MUSK, "criticised", quad_class=3, polarity=-1),
            triple(one, NOVIKOV, "OFFER_ASYLUM", MUSK, "floated asylum", 40, quad_class=1),
            mentions=(TRUMP, MUSK, MUSK, RUSSIA),
        ),
        extraction(
            two,
            triple(two, NOVIKOV, "OFFER_ASYLUM", MUSK, "could provide asylum", quad_class=1),
            triple(two, NOVIKOV, "MEMBER_OF", RUSSIA, "lawmaker", 90, role="lawmaker"),
        ),
    ]


def test_seed_loads_with_the_counts_of_the_store(
    neo4j_graph: Neo4jSettings, seeds: Path, tmp_path: Path
) -> None:
    built = CliRunner().invoke(
        app, ["build", str(seeds), "--store", str(tmp_path / "store"), "--out", str(tmp_path)]
    )
    assert built.exit_code == 0, built.output
    with Store(tmp_path / "store", read_only=True) as store:
        expected = store.counts()
        rows = store.rows()
    assert expected["relations"] > 0
    load(rows_from_path(tmp_path / "store"), neo4j_graph, batch_size=7)
    assert count(neo4j_graph, "MATCH (a:Article) RETURN count(a)") == expected["articles"]
    assert count(neo4j_graph, "MATCH (e:Entity) RETURN count(e)") == expected["entities"]
    assert count(neo4j_graph, "MATCH ()-[m:MENTIONS]->() RETURN count(m)") == expected["mentions"]
    assert (
        count(neo4j_graph, "MATCH (:Entity)-[r]->(:Entity) RETURN count(r)")
        == expected["relations"]
    )
    for rel_type, batch in rows.relations.items():
        assert count(neo4j_graph, f"MATCH ()-[r:{rel_type}]->() RETURN count(r)") == len(batch)


def test_triples_file_loads_like_the_extraction(neo4j_graph: Neo4jSettings, tmp_path: Path) -> None:
    path = tmp_path / "triples.jsonl"
    path.write_text("".join(t.to_json() + "\n" for e in _news() for t in e.triples))
    load(rows_from_path(path), neo4j_graph)
    assert count(neo4j_graph, "MATCH (a:Article) RETURN count(a)") == 2
    assert count(neo4j_graph, "MATCH ()-[r:OFFER_ASYLUM]->() RETURN count(r)") == 2
    assert count(neo4j_graph, "MATCH (:Article {id: 'a2'})-[m:MENTIONS]->() RETURN count(m)") == 3


def test_loading_twice_changes_nothing(neo4j_graph: Neo4jSettings) -> None:
    rows = graph_rows(*_news())
    load(rows, neo4j_graph)
    first = snapshot(neo4j_graph)
    load(rows, neo4j_graph, batch_size=1)
    assert snapshot(neo4j_graph) == first
    assert len(first["nodes"]) == 6


def test_two_articles_reporting_one_relation_stay_two_instances(
    neo4j_graph: Neo4jSettings,
) -> None:
    load(graph_rows(*_news()), neo4j_graph)
    with_provenance = count(
        neo4j_graph,
        "MATCH (:Entity {id: $s})-[r:OFFER_ASYLUM]->(:Entity {id: $o}) "
        "RETURN count(DISTINCT r.article_id + ':' + r.id)",
        s=NOVIKOV.id,
        o=MUSK.id,
    )
    assert with_provenance == 2


def test_properties_follow_the_jsonl_contract(neo4j_graph: Neo4jSettings) -> None:
    load(graph_rows(*_news()), neo4j_graph)
    rel = snapshot(neo4j_graph)["relationships"]
    criticize = next(dict(props) for _, kind, _, props in rel if kind == "CRITICIZE")
    assert criticize["article_id"] == "a1"
    assert criticize["date"] == "2025-06-07"
    assert criticize["polarity"] == -1
    assert criticize["sentence"] == "Trump criticised Musk."
    assert {"cameo", "goldstein", "role", "via"}.isdisjoint(criticize)  # None is not stored
    labels = count(neo4j_graph, "MATCH (e:Entity:Person {id: 'elon-musk'}) RETURN count(e)")
    assert labels == 1
    assert count(neo4j_graph, "MATCH (e:Entity:Country {id: 'russia'}) RETURN count(e)") == 1


def test_aliases_and_roles_merge_as_a_union(neo4j_graph: Neo4jSettings) -> None:
    one, two = article("b1"), article("b2")
    musk_as_elon = mention("Elon Musk", written="Elon")
    load(graph_rows(extraction(one, mentions=(MUSK,))), neo4j_graph)
    load(
        graph_rows(
            extraction(two, triple(two, musk_as_elon, "LEAD", RUSSIA, "heads", role="chief"))
        ),
        neo4j_graph,
    )
    load(graph_rows(extraction(one, mentions=(MUSK,))), neo4j_graph)
    props = dict(next(p for labels, p in snapshot(neo4j_graph)["nodes"] if "Person" in labels))
    assert props["aliases"] == ["Elon", "Musk"]
    assert props["roles"] == ["chief"]


def test_an_interrupted_load_run_again_equals_a_clean_one(neo4j_graph: Neo4jSettings) -> None:
    rows = graph_rows(*_news())
    load(rows, neo4j_graph, batch_size=1)
    clean = snapshot(neo4j_graph)
    clear(neo4j_graph)

    class Cut(Exception):
        pass

    done = []

    def cut_after_five(size: int) -> None:
        done.append(size)
        if len(done) == 5:
            raise Cut

    with pytest.raises(Cut):
        load(rows, neo4j_graph, batch_size=1, on_batch=cut_after_five)
    partial = snapshot(neo4j_graph)
    assert partial != clean
    assert partial["nodes"]
    load(rows, neo4j_graph, batch_size=1)
    assert snapshot(neo4j_graph) == clean


EVIL = "X`]->() DETACH DELETE n //"


def test_cypher_in_article_text_is_stored_verbatim_and_harms_nothing(
    neo4j_graph: Neo4jSettings,
) -> None:
    load(graph_rows(*_news()), neo4j_graph)
    nodes = count(neo4j_graph, "MATCH (n) RETURN count(n)")
    rels = count(neo4j_graph, "MATCH ()-[r]->() RETURN count(r)")
    bad = article("evil", title=EVIL, source=EVIL)
    villain = Mention(entity_id(EVIL), EVIL, EVIL, "PERSON`) DETACH DELETE n //")
    attack = triple(bad, villain, relation_type(EVIL), MUSK, EVIL, sentence=EVIL, via=EVIL)
    load(graph_rows(extraction(bad, attack)), neo4j_graph)
    assert count(neo4j_graph, "MATCH (n) RETURN count(n)") == nodes + 2
    assert count(neo4j_graph, "MATCH ()-[r]->() RETURN count(r)") == rels + 3
    assert count(neo4j_graph, "MATCH (e:Entity:Other {name: $n}) RETURN count(e)", n=EVIL) == 1
    assert count(neo4j_graph, "MATCH (a:Article {title: $t}) RETURN count(a)", t=EVIL) == 1
    stored = count(
        neo4j_graph,
        f"MATCH ()-[r:{relation_type(EVIL)}]->() "
        "WHERE r.text = $t AND r.sentence = $t AND r.via = $t RETURN count(r)",
        t=EVIL,
    )
    assert stored == 1


def test_labels_and_types_that_are_not_sanitised_are_refused() -> None:
    with pytest.raises(ValueError):
        relation_params(EVIL, {})
    with pytest.raises(ValueError):
        merge_entities("Person`) DETACH DELETE n //")


def test_the_cli_finds_the_saved_connection_without_variables(
    neo4j_graph: Neo4jSettings,
    neo4j_server_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("POLGRAPH_NEO4J_DIR", str(neo4j_server_dir))
    path = tmp_path / "triples.jsonl"
    path.write_text("".join(t.to_json() + "\n" for e in _news() for t in e.triples))
    result = CliRunner().invoke(app, ["load", "--from", str(path), "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert f"4 relations into {neo4j_graph.uri}" in result.output
    assert count(neo4j_graph, "MATCH ()-[r:OFFER_ASYLUM]->() RETURN count(r)") == 2


def test_a_poorer_source_erases_nothing(neo4j_graph: Neo4jSettings) -> None:
    rich = article("d1", title="Feud", url="https://example.org/feud")
    told = triple(rich, TRUMP, "CRITICIZE", MUSK, "criticised")
    load(graph_rows(extraction(rich, told, mentions=(TRUMP, TRUMP, MUSK))), neo4j_graph)
    poor = article("d1")
    load(
        graph_rows(extraction(poor, triple(poor, TRUMP, "CRITICIZE", MUSK, "criticised"))),
        neo4j_graph,
    )
    kept = count(
        neo4j_graph,
        "MATCH (a:Article {id: 'd1', title: 'Feud', url: $url})-[m:MENTIONS]->(e:Entity) "
        "RETURN sum(m.count)",
        url="https://example.org/feud",
    )
    assert kept == 3


def test_country_and_sector_are_the_most_attested_and_indexed(
    neo4j_graph: Neo4jSettings,
) -> None:
    one, two, three = article("c1"), article("c2"), article("c3")
    said = [
        mention("Ana Lind", country=country, sector=sector)
        for country, sector in (("NOR", "GOV"), ("NOR", "GOV"), ("SWE", "LEG"))
    ]
    load(
        graph_rows(
            extraction(one, mentions=(said[0],)),
            extraction(two, mentions=(said[1],)),
            extraction(three, mentions=(said[2],)),
        ),
        neo4j_graph,
    )
    norway = "MATCH (e:Entity {country: 'NOR', sector: 'GOV'}) RETURN count(e)"
    assert count(neo4j_graph, norway) == 1
    indexed = (
        "SHOW INDEXES YIELD labelsOrTypes, properties "
        "WHERE labelsOrTypes = ['Entity'] AND properties = ['country'] RETURN count(*)"
    )
    assert count(neo4j_graph, indexed) == 1
