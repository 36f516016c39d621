"""Overrides applied to a stored graph without re-parsing: merge, keep apart, set type."""

from __future__ import annotations

from pathlib import Path

import pytest

from polgraph.graph.overrides import apply_overrides, suggest_merges
from polgraph.graph.store import Store
from polgraph.ingest.overrides import parse_overrides
from polgraph.ingest.records import (
    Article,
    ArticleRef,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Triple,
)
from tests.graph.neo4j.sample import mention


def triple(article: str, subject: Mention, verb: str, obj: Mention, start: int) -> Triple:
    return Triple(
        article=ArticleRef(id=article),
        subject=subject,
        relation=Relation(type=verb, text=verb.lower(), rule="active"),
        object=obj,
        evidence=Evidence(f"sentence {start}", start, start + 10),
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Two articles: one names "Jair Bolsonaro", the other only "Bolsonaro" (so ingestion
    gave him a second id), and "Flavio Bolsonaro" swallowed a mention of his father."""
    first = Article(id="a1", text="")
    second = Article(id="a2", text="")
    lula = mention("Lula")
    full = mention("Jair Bolsonaro")
    short = mention("Bolsonaro")
    son = mention("Flavio Bolsonaro")
    son_as_father = mention("Flavio Bolsonaro", written="Bolsonaro")
    db = Store(tmp_path / "store")
    db.add(
        Extraction(
            first,
            [
                triple("a1", lula, "CRITICIZE", full, 0),
                triple("a1", son_as_father, "PRAISE", lula, 20),
                triple("a1", son, "DEFEND", full, 40),
            ],
            [lula, full, son, son_as_father],
        )
    )
    db.add(Extraction(second, [triple("a2", short, "ACCUSE", lula, 0)], [short, lula]))
    return db


def entity(db: Store, name: str) -> dict | None:
    rows = db.execute(
        "MATCH (e:Entity) WHERE e.name = $name RETURN e.id AS id, e.type AS type, "
        "e.label AS label, e.aliases AS aliases",
        {"name": name},
    )
    return rows[0] if rows else None


def edges(db: Store) -> set[tuple[str, str, str]]:
    graph = db.to_networkx()
    return {(s, d["type"], o) for s, o, d in graph.edges(data=True)}


def test_merge_moves_relations_and_mentions_and_unites_aliases(store: Store) -> None:
    report = apply_overrides(store, parse_overrides({"merge": {"Jair Bolsonaro": ["Bolsonaro"]}}))
    assert report.merged == 1 and report.relations_moved == 1
    assert entity(store, "Bolsonaro") is None
    assert "Bolsonaro" in entity(store, "Jair Bolsonaro")["aliases"]
    assert ("jair-bolsonaro", "ACCUSE", "lula") in edges(store)
    articles = store.execute(
        "MATCH (a:Article)-[:MENTIONS]->(e:Entity {id: 'jair-bolsonaro'}) RETURN a.id AS id"
    )
    assert {row["id"] for row in articles} == {"a1", "a2"}
    assert store.counts()["relations"] == 4
    store.close()


def test_keep_apart_splits_the_alias_with_its_relations(store: Store) -> None:
    overrides = parse_overrides({"keep_apart": [["Bolsonaro", "Flavio Bolsonaro"]]})
    report = apply_overrides(store, overrides)
    assert report.split == 1 and report.relations_moved == 1
    assert ("bolsonaro", "PRAISE", "lula") in edges(store)
    assert ("flavio-bolsonaro", "DEFEND", "jair-bolsonaro") in edges(store)
    assert "Bolsonaro" not in entity(store, "Flavio Bolsonaro")["aliases"]
    store.close()


def test_split_then_merge_in_one_file(store: Store) -> None:
    overrides = parse_overrides(
        {
            "keep_apart": [["Bolsonaro", "Flavio Bolsonaro"]],
            "merge": {"Jair Bolsonaro": ["Bolsonaro"]},
        }
    )
    apply_overrides(store, overrides)
    found = edges(store)
    assert ("jair-bolsonaro", "PRAISE", "lula") in found
    assert ("jair-bolsonaro", "ACCUSE", "lula") in found
    assert ("flavio-bolsonaro", "DEFEND", "jair-bolsonaro") in found
    store.close()


def test_set_type_changes_type_and_label(store: Store) -> None:
    report = apply_overrides(store, parse_overrides({"types": {"Lula": "ORG"}}))
    assert report.retyped == 1
    assert entity(store, "Lula")["type"] == "ORG"
    assert entity(store, "Lula")["label"] == "Organization"
    store.close()


def test_applying_twice_changes_nothing_more(store: Store) -> None:
    overrides = parse_overrides(
        {
            "keep_apart": [["Bolsonaro", "Flavio Bolsonaro"]],
            "merge": {"Jair Bolsonaro": ["Bolsonaro"]},
            "types": {"Lula": "ORG"},
        }
    )
    apply_overrides(store, overrides)
    before = (store.counts(), edges(store))
    again = apply_overrides(store, overrides)
    assert (again.merged, again.split, again.retyped, again.relations_moved) == (0, 0, 0, 0)
    assert (store.counts(), edges(store)) == before
    store.close()


def test_merge_into_a_name_not_yet_stored_creates_it(store: Store) -> None:
    apply_overrides(store, parse_overrides({"merge": {"Luiz Inacio Lula da Silva": ["Lula"]}}))
    merged = entity(store, "Luiz Inacio Lula da Silva")
    assert merged is not None and merged["type"] == "PERSON" and "Lula" in merged["aliases"]
    assert ("luiz-inacio-lula-da-silva", "CRITICIZE", "jair-bolsonaro") in edges(store)
    store.close()


def test_a_surname_shared_by_two_full_names_is_not_suggested(store: Store) -> None:
    assert suggest_merges(store) == {}
    store.close()


def test_a_lone_surname_with_one_full_name_is_suggested(store: Store) -> None:
    apply_overrides(
        store, parse_overrides({"merge": {"Flavio Nantes Bolsonaro": ["Flavio Bolsonaro"]}})
    )
    assert suggest_merges(store) == {}
    store.add(Extraction(Article(id="a3", text=""), [], [mention("Lula"), mention("Luiz Lula")]))
    assert suggest_merges(store) == {"Luiz Lula": ["Lula"]}
    store.close()
