"""Stats on the hand-built world of tests/graph/world.py, whose answers are known."""

from pathlib import Path

import networkx as nx
import pytest

from polgraph.graph.analysis import resolve, scored_modalities, stats
from polgraph.graph.store import Store
from tests.graph.world import build


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    with Store(build(Path(tmp_path_factory.mktemp("world")))) as store:
        return store.to_networkx()


def test_counts_show_reports_and_events(graph: nx.MultiDiGraph) -> None:
    result = stats(graph)
    assert result.entities == {"PERSON": 3, "GPE": 2, "ORG": 1}
    assert result.relations["THREATEN"] == {"reports": 3, "events": 2}
    assert result.relations["MEET"] == {"reports": 5, "events": 5}
    assert result.events == 12  # 13 reports, two of them one threat


def test_the_bridge_actors_rank_first(graph: nx.MultiDiGraph) -> None:
    result = stats(graph)
    assert [(a.name, a.score) for a in result.degree[:3]] == [
        ("Carland", 3.0),
        ("Dovia", 3.0),
        ("Alice Ames", 2.0),
    ]
    assert [(a.name, a.score) for a in result.betweenness[:3]] == [
        ("Carland", 0.6),
        ("Dovia", 0.6),
        ("Alice Ames", 0.0),
    ]


def test_pagerank_flows_across_the_one_way_bridge(graph: nx.MultiDiGraph) -> None:
    """Carland only threatens Dovia, never the reverse: rank drains into the right triangle."""
    ranked = [a.name for a in stats(graph).pagerank]
    assert ranked[0] == "Dovia"
    assert set(ranked[:3]) == {"Dovia", "Eastco", "Fay Fox"}


def test_louvain_finds_the_two_triangles_every_time(graph: nx.MultiDiGraph) -> None:
    expected = [["alice-ames", "bob-brown", "carland"], ["dovia", "eastco", "fay-fox"]]
    assert stats(graph).communities == expected
    assert stats(graph).communities == expected


def test_dyads_count_events_and_leave_out_what_did_not_happen(graph: nx.MultiDiGraph) -> None:
    result = stats(graph)
    assert [(d.a_name, d.b_name, d.score, d.events, d.reports) for d in result.hostile] == [
        ("Carland", "Dovia", -8.8, 2, 3),
        ("Dovia", "Fay Fox", -2.0, 1, 1),
    ]
    assert [(d.a_name, d.b_name, d.score) for d in result.cooperative[:2]] == [
        ("Alice Ames", "Bob Brown", 4.4),
        ("Dovia", "Eastco", 4.4),
    ]


def test_modality_brings_hypothetical_and_negated_relations_in(graph: nx.MultiDiGraph) -> None:
    hostile = stats(graph, modalities=["negated"]).hostile
    assert ("Alice Ames", "Carland", -1.0) in [(d.a_name, d.b_name, d.score) for d in hostile]
    cooperative = stats(graph, modalities=["hypothetical"]).cooperative
    assert (cooperative[0].a_name, cooperative[0].b_name, cooperative[0].score) == (
        "Eastco",
        "Fay Fox",
        8.0,
    )
    assert scored_modalities(["all"]) == ("asserted", "hypothetical", "negated", "reported")
    with pytest.raises(ValueError, match="unknown modality 'maybe'"):
        scored_modalities(["maybe"])


def test_dyad_timeline_by_date_in_events(graph: nx.MultiDiGraph) -> None:
    points = stats(graph, dyad=("dovia", "Carland")).timeline
    assert points is not None
    assert [(p.date, p.events, p.reports, p.polarity, p.goldstein) for p in points] == [
        ("2025-06-01", 1, 2, -1, -4.4),
        ("2025-06-10", 1, 1, -1, -4.4),
    ]
    assert len(points[0].report_ids) == 2


def test_actors_resolve_by_id_name_or_alias(graph: nx.MultiDiGraph) -> None:
    assert resolve(graph, "fay-fox") == "fay-fox"
    assert resolve(graph, "FAY FOX") == "fay-fox"
    assert resolve(graph, "Ames") == "alice-ames"
    with pytest.raises(LookupError, match="no actor named 'Zed'"):
        resolve(graph, "Zed")


def test_stats_of_an_empty_graph() -> None:
    result = stats(nx.MultiDiGraph())
    assert result.degree == [] and result.communities == [] and result.hostile == []
