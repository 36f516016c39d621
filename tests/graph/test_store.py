"""The embedded store: idempotent, atomic, and readable after a crash."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from polgraph.graph.rows import rows_from_extraction
from polgraph.graph.store import Store
from polgraph.ingest.records import (
    Article,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Triple,
)

MUSK = Mention("elon-musk", "Elon Musk", "Musk", "PERSON")
NASA = Mention("nasa", "NASA", "NASA", "ORG")


def _extraction(article_id: str, rel_type: str = "THREATEN", start: int = 0) -> Extraction:
    article = Article(id=article_id, text="Musk threatened NASA.", date="2025-06-05")
    triple = Triple(
        article=article.ref(),
        subject=MUSK,
        relation=Relation(type=rel_type, text="threatened", rule="active", quad_class=3),
        object=NASA,
        evidence=Evidence("Musk threatened NASA.", start, start + 21),
        confidence=0.9,
    )
    return Extraction(article=article, triples=[triple], mentions=[MUSK, MUSK, NASA])


def test_merge_is_idempotent_and_reports_stay_distinct(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.add(_extraction("a1"))
        store.add(_extraction("a1"))
        assert store.counts() == {"articles": 1, "entities": 2, "relations": 1, "mentions": 2}
        store.add(_extraction("a2"))
        assert store.counts()["relations"] == 2
        graph = store.to_networkx()
    assert graph.number_of_edges("elon-musk", "nasa") == 2
    assert graph.nodes["elon-musk"]["articles"] == 2
    assert graph.nodes["elon-musk"]["mentions"] == 4


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.add(_extraction("a1"))
        before = store.rows()
        rows = rows_from_extraction(_extraction("a2"))
        rows.relations["THREATEN"][0]["quad_class"] = "not a number"
        with pytest.raises(RuntimeError):
            store.write(rows)
        assert store.rows() == before
        assert store.article_ids() == {"a1"}


def test_rows_round_trip_to_triples(tmp_path: Path) -> None:
    from polgraph.graph.rows import triples_from_rows

    extraction = _extraction("a1")
    with Store(tmp_path) as store:
        store.add(extraction)
        triples = list(triples_from_rows(store.rows()))
    assert triples == extraction.triples


def test_reopened_read_only_store_refuses_a_missing_path(tmp_path: Path) -> None:
    from polgraph.graph.store import StoreError

    with pytest.raises(StoreError, match="no polgraph store here"):
        Store(tmp_path / "nothing", read_only=True)


WRITER = """
import sys, time
from polgraph.graph.store import Store
from tests.graph.test_store import _extraction
with Store(sys.argv[1]) as store:
    for i in range(100000):
        store.add(_extraction(f"k{i}", start=i))
        print(i, flush=True)
"""


def test_a_killed_writer_leaves_a_readable_store(tmp_path: Path) -> None:
    """SIGKILL mid-run: every article that committed is whole, and none is half-written."""
    repo = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path)],
        cwd=repo,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(repo)},
    )
    assert proc.stdout is not None
    for _ in range(30):
        proc.stdout.readline()
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(tmp_path) as store:
        counts = store.counts()
        assert counts["articles"] >= 30
        assert counts["relations"] == counts["articles"]
        assert counts["mentions"] == 2 * counts["articles"]


def test_relation_types_that_are_cypher_keywords_are_stored(tmp_path: Path) -> None:
    """Real news has "X joined Y": JOIN, MATCH, ORDER are words of the query language."""
    keywords = ("JOIN", "MATCH", "ORDER", "RETURN", "CALL")
    with Store(tmp_path / "db") as store:
        for number, rel_type in enumerate(keywords):
            store.add(_extraction(f"a{number}", rel_type))
        assert store.counts()["relations"] == len(keywords)
        assert set(store.rows().relations) == set(keywords)


def test_pronouns_and_descriptions_are_not_aliases(tmp_path: Path) -> None:
    written = ["Musk", "he", "His", "the billionaire", "Elon", "MUSK"]
    mentions = [Mention("elon-musk", "Elon Musk", text, "PERSON") for text in written]
    article = Article(id="a1", text="x")
    with Store(tmp_path) as store:
        store.add(Extraction(article=article, triples=[], mentions=mentions))
        (entity,) = store.rows().entities
    assert entity["aliases"] == ["Elon", "MUSK", "Musk"]


def _old_layout(path: Path, relation_table: str = "THREATEN") -> None:
    """A store as written before every relation shared one table: a table per type, or
    none yet (its articles named no relation)."""
    import ladybug

    with Store(path) as store:
        store.add(_extraction("a1"))
    database = ladybug.Database(str(path / "graph.lbdb"))
    connection = ladybug.Connection(database)
    connection.execute("DROP TABLE RELATION")
    if relation_table:
        connection.execute(f"CREATE REL TABLE {relation_table}(FROM Entity TO Entity, id STRING)")
    connection.close()
    database.close()


def assert_refused_with_its_path(path: Path, read_only: bool) -> None:
    """An old layout is refused in one line that names the store and asks to rebuild."""
    from polgraph.graph.store import StoreError

    with pytest.raises(StoreError) as refused:
        Store(path, read_only=read_only)
    message = str(refused.value)
    assert message.startswith(str(path)) and "rebuild" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("read_only", "relation_table"), [(False, "THREATEN"), (True, "THREATEN"), (True, "")]
)
def test_a_store_with_a_table_per_type_is_refused_with_its_path(
    tmp_path: Path, read_only: bool, relation_table: str
) -> None:
    _old_layout(tmp_path / "old", relation_table)
    assert_refused_with_its_path(tmp_path / "old", read_only)


def test_an_old_store_without_relations_takes_the_one_table_when_written(tmp_path: Path) -> None:
    _old_layout(tmp_path / "old", "")
    with Store(tmp_path / "old") as store:
        store.add(_extraction("a2"))
        assert store.counts()["relations"] == 1


def test_all_relation_types_share_one_table(tmp_path: Path) -> None:
    """Memory stays flat as the vocabulary of relation types grows."""
    with Store(tmp_path) as store:
        for number in range(30):
            store.add(_extraction(f"a{number}", f"ACT_{number}"))
        tables = store.execute("CALL show_tables() RETURN name, type")
        assert sorted(t["name"] for t in tables if t["type"] == "REL") == ["MENTIONS", "RELATION"]
        assert len(store.rows().relations) == 30


def test_a_long_write_reopens_the_database_and_keeps_every_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("polgraph.graph.store.REOPEN_EVERY", 3)
    with Store(tmp_path / "store") as store:
        first = store._db
        for number in range(7):
            store.add(_extraction(f"a{number}", start=number))
        assert store._db is not first
        assert store.counts() == {"articles": 7, "entities": 2, "relations": 7, "mentions": 14}
    with Store(tmp_path / "store", read_only=True) as store:
        assert store.article_ids() == {f"a{number}" for number in range(7)}


def _placed(article_id: str, country: str, sector: str) -> Extraction:
    said = Mention("kay-ruiz", "Kay Ruiz", "Ruiz", "PERSON", country=country, sector=sector)
    return Extraction(Article(id=article_id, text=""), triples=[], mentions=[said])


def test_an_actor_takes_the_country_most_articles_give(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.add(_placed("a1", "GBR", "MED"))
        store.add(_placed("a2", "USA", "GOV"))
        store.add(_placed("a3", "USA", "GOV"))
        (entity,) = store.rows().entities
        assert (entity["country"], entity["sector"]) == ("USA", "GOV")
        store.add(_placed("a4", "GBR", "MED"))
        store.add(_placed("a5", "GBR", "MED"))
        (entity,) = store.rows().entities
    assert (entity["country"], entity["sector"]) == ("GBR", "MED")


@pytest.mark.parametrize("read_only", [False, True])
def test_a_store_written_before_countries_is_refused_with_its_path(
    tmp_path: Path, read_only: bool
) -> None:
    import ladybug

    with Store(tmp_path / "old") as store:
        store.add(_extraction("a1"))
    database = ladybug.Database(str(tmp_path / "old" / "graph.lbdb"))
    connection = ladybug.Connection(database)
    connection.execute("ALTER TABLE Entity DROP country")
    connection.close()
    database.close()
    assert_refused_with_its_path(tmp_path / "old", read_only)


def test_a_store_read_a_page_at_a_time_gives_what_a_whole_read_gives(tmp_path: Path) -> None:
    """triples.jsonl and the graph to draw pass through the store in pages of relations,
    so a store of any size is written out in bounded memory; the pages must add up to
    exactly the whole read, in the same order."""
    from polgraph.graph.rows import graph_from_rows, triples_from_rows
    from tests.graph.world import build

    with Store(build(tmp_path / "store"), read_only=True) as store:
        whole = store.rows()
        pages = list(store.relation_pages(size=2))
        graph, expected = store.to_networkx(), graph_from_rows(whole)
    assert len(pages) == (whole.relation_count + 1) // 2 > 2
    assert [t for page in pages for t in triples_from_rows(page)] == list(triples_from_rows(whole))
    for page in pages:
        named = {
            row[end]
            for rows in page.relations.values()
            for row in rows
            for end in ("source_id", "target_id")
        }
        assert {entity["id"] for entity in page.entities} == named
    assert list(graph.nodes(data=True)) == list(expected.nodes(data=True))
    assert {type(graph.nodes[node]["mentions"]) for node in graph} == {int}
    assert list(graph.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
