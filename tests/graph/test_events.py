"""Reports grouped into events, on hand-made articles whose answers are known."""

from pathlib import Path

import pytest

from polgraph.graph.events import cameo_root, edge_weights, events, events_by_report
from polgraph.graph.store import Store
from polgraph.ingest.records import Article, Evidence, Extraction, Mention, Relation, Triple

REBELS = Mention("rebels", "Rebels", "the rebels", "NORP")
ENVOY = Mention("envoy", "Envoy", "the envoy", "PERSON")
HE = Mention("envoy", "Envoy", "he", "PERSON")
ABDUCT = dict(type="ABDUCT", text="kidnapped", rule="active", cameo="181", quad_class=4)
RELEASE = dict(type="RELEASE", text="freed", rule="active", cameo="0841", quad_class=2)


def _report(article_id: str, date: str | None, subject=REBELS, obj=ENVOY, start=0, **relation):
    article = Article(id=article_id, text="", date=date, source=f"outlet-{article_id}")
    relation = relation or ABDUCT
    triple = Triple(
        article=article.ref(),
        subject=subject,
        relation=Relation(goldstein=-9.0 if relation is ABDUCT else 7.0, **relation),
        object=obj,
        evidence=Evidence("The rebels kidnapped the envoy.", start, start + 31),
    )
    return Extraction(article=article, triples=[triple], mentions=[subject, obj])


def _events(tmp_path: Path, extractions: list[Extraction], window: int = 2):
    with Store(tmp_path) as store:
        for extraction in extractions:
            store.add(extraction)
        graph = store.to_networkx()
    return graph, events(graph, window)


def test_one_kidnapping_told_by_many_outlets_is_one_event(tmp_path: Path) -> None:
    days = ["2025-03-01", "2025-03-01", "2025-03-02", "2025-03-03", "2025-03-02"]
    _, found = _events(tmp_path, [_report(f"a{n}", day) for n, day in enumerate(days)])
    assert len(found) == 1
    (event,) = found
    assert (event.first_date, event.last_date) == ("2025-03-01", "2025-03-03")
    assert event.sources == 5 and len(event.reports) == 5
    assert event.root == "18" and event.goldstein == -9.0 and event.polarity == 0


def test_reports_chain_within_the_window_and_split_beyond_it(tmp_path: Path) -> None:
    days = ["2025-03-01", "2025-03-03", "2025-03-05", "2025-03-08"]
    _, found = _events(tmp_path, [_report(f"a{n}", day) for n, day in enumerate(days)])
    assert [(e.first_date, e.last_date, e.sources) for e in found] == [
        ("2025-03-01", "2025-03-05", 3),
        ("2025-03-08", "2025-03-08", 1),
    ]


def test_the_window_is_a_setting(tmp_path: Path) -> None:
    days = ["2025-03-01", "2025-03-02"]
    graph, found = _events(tmp_path, [_report(f"a{n}", day) for n, day in enumerate(days)])
    assert len(found) == 1
    assert len(events(graph, window_days=0)) == 2


def test_other_root_other_direction_and_undated_reports_are_other_events(
    tmp_path: Path,
) -> None:
    graph, found = _events(
        tmp_path,
        [
            _report("a1", "2025-03-01"),
            _report("a2", "2025-03-01", **RELEASE),
            _report("a3", "2025-03-01", subject=ENVOY, obj=REBELS),
            _report("a4", None),
            _report("a5", None),
        ],
    )
    assert len(found) == 5
    assert sorted((e.source, e.root, e.first_date or "-") for e in found) == [
        ("envoy", "18", "2025-03-01"),
        ("rebels", "08", "2025-03-01"),
        ("rebels", "18", "-"),
        ("rebels", "18", "-"),
        ("rebels", "18", "2025-03-01"),
    ]


def test_resolved_mentions_and_repeats_within_an_article_join_one_event(tmp_path: Path) -> None:
    same_article = _report("a1", "2025-03-01")
    second = _report("a1", "2025-03-01", obj=HE, start=200).triples[0]
    extraction = Extraction(
        article=same_article.article,
        triples=[*same_article.triples, second],
        mentions=same_article.mentions,
    )
    graph, found = _events(tmp_path, [extraction, _report("a2", "2025-03-02", obj=HE)])
    assert len(found) == 1
    assert len(found[0].reports) == 3 and found[0].sources == 2
    by_report = events_by_report(found)
    assert set(by_report) == {key for _, _, key in graph.edges(keys=True)}
    assert edge_weights(graph) == {("rebels", "envoy", "ABDUCT"): 1}


@pytest.mark.parametrize(
    ("cameo", "rel_type", "root"),
    [("181", "ABDUCT", "18"), ("04", "MEET", "04"), (None, "MEMBER_OF", "MEMBER_OF")],
)
def test_cameo_root(cameo: str | None, rel_type: str, root: str) -> None:
    assert cameo_root(cameo, rel_type) == root
