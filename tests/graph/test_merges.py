"""Cross-article merges that are safe by construction, undone by keep_apart, and the likely
ones only suggested. Names are made up for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from polgraph.graph.merges import folded, merge_safe, recorded, suggestions
from polgraph.graph.overrides import apply_overrides
from polgraph.graph.store import Store
from polgraph.ingest.overrides import parse_overrides
from polgraph.ingest.records import Article, Extraction, Mention, entity_id
from tests.graph.neo4j.sample import triple

TARGET = Mention("oslo-port-authority", "Oslo Port Authority", "the authority", "ORG")


def person(name: str, country: str | None = None) -> Mention:
    return Mention(entity_id(name), name, name, "PERSON", country=country)


def org(name: str, country: str) -> Mention:
    return Mention(entity_id(name), name, name, "ORG", country=country, sector="PTY")


def _add(store: Store, article_id: str, actor: Mention) -> None:
    art = Article(id=article_id, text="", date="2025-06-01")
    store.add(Extraction(art, [triple(art, actor, "CRITICIZE", TARGET, "criticised")], [actor]))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    db = Store(tmp_path / "store")
    for number, actor in enumerate(
        [
            person("Amos R. Tamblyn"),
            person("Amos Tamblyn"),
            person("Amos Tamblyn"),
            person("Hamid el-Karimi"),
            person("Hamid al-Karimi"),
            person("Hamid al-Karimi"),
            person("José Ferreira"),
            person("Jose Ferreira"),
            org("Norwegian Labour Party", "NOR"),
            org("Norway Labour Party", "NOR"),
            org("Labour Party", "NOR"),
            org("Labour Party", "NOR"),
            org("Chilean Green Party", "CHL"),
            org("Green Party", "NOR"),
            Mention("norway", "Norway", "Norwegian", "GPE", country="NOR"),
            Mention("norway", "Norway", "Norway", "GPE", country="NOR"),
            Mention("oslo", "Oslo", "Oslo", "GPE", country="NOR"),
            org("Oslo Labour Party", "NOR"),
            org("Democratic Party", "NOR"),
            org("Party", "NOR"),
            person("Ivo K. Dane"),
            person("Ivo P. Dane"),
            person("Ivo Dane"),
        ]
    ):
        _add(db, f"a{number}", actor)
    return db


def names(store: Store) -> set[str]:
    return {row["name"] for row in store.rows().entities}


def test_folding_unites_transliterations() -> None:
    assert folded("Hamid el-Karimi") == folded("Hamid al-Karimi") == folded("Hamid Al Karimi")
    assert folded("José Ferreira") == folded("Jose Ferreira")
    assert folded("Ерзан Мухин") != folded("Павел Орлов")
    assert folded("Recep Erdoğan") == folded("Recep Erdogan")


def test_safe_merges_are_made_and_recorded_with_their_rule(store: Store) -> None:
    made = {(m.name, m.into, m.rule) for m in merge_safe(store)}
    assert made == {
        ("Amos R. Tamblyn", "Amos Tamblyn", "middle_name"),
        ("Hamid el-Karimi", "Hamid al-Karimi", "transliteration"),
        ("José Ferreira", "Jose Ferreira", "transliteration"),
        ("Norwegian Labour Party", "Labour Party", "country_prefix"),
        ("Norway Labour Party", "Labour Party", "country_prefix"),
    }
    left = names(store)
    assert {"Amos R. Tamblyn", "Hamid el-Karimi", "Norwegian Labour Party"}.isdisjoint(left)
    assert {"Chilean Green Party", "Green Party", "Ivo K. Dane", "Ivo Dane"} <= left
    assert {"Oslo Labour Party", "Democratic Party", "Party"} <= left
    assert recorded(store)["Amos Tamblyn"][0].rule == "middle_name"
    moved = [
        row
        for row in store.rows().relations["CRITICIZE"]
        if row["subject_mention"] == "Amos R. Tamblyn"
    ]
    assert moved and moved[0]["source_id"] == "amos-tamblyn"
    assert merge_safe(store) == []
    store.close()


def test_keep_apart_undoes_a_merge_without_a_reparse(store: Store) -> None:
    merge_safe(store)
    overrides = parse_overrides({"keep_apart": [["Amos R. Tamblyn", "Amos Tamblyn"]]})
    apply_overrides(store, overrides)
    assert "Amos R. Tamblyn" in names(store)
    assert "Amos Tamblyn" not in recorded(store)
    assert merge_safe(store, overrides) == []
    assert "Amos R. Tamblyn" in names(store)
    store.close()


def test_disagreeing_middle_names_are_only_suggested(store: Store) -> None:
    merge_safe(store)
    suggested = suggestions(store)
    assert set(suggested.get("Ivo Dane", [])) == {"Ivo K. Dane", "Ivo P. Dane"}
    assert "Ivo K. Dane" in names(store)
    store.close()


def test_a_store_built_before_the_rules_suggests_them(store: Store) -> None:
    assert suggestions(store)["Amos Tamblyn"] == ["Amos R. Tamblyn"]
    store.close()
