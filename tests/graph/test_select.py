from __future__ import annotations

import networkx as nx
import pytest

from polgraph.graph.select import (
    Criteria,
    SelectionError,
    ego,
    filter_relations,
    find_actors,
    importance,
    min_mentions,
    select,
    top_actors,
)


def test_find_actors_prefers_exact_names_and_aliases(feud: nx.MultiDiGraph) -> None:
    assert find_actors(feud, "musk") == ["elon-musk"]
    assert find_actors(feud, "U.S.") == ["united-states"]
    assert sorted(find_actors(feud, "dmitry")) == ["dmitry-novikov", "dmitry-peskov"]
    assert find_actors(feud, "nobody") == []


def test_ego_follows_relations_both_ways(feud: nx.MultiDiGraph) -> None:
    one = ego(feud, "Novikov", 1)
    assert set(one) == {"dmitry-novikov", "elon-musk", "state-duma", "tass"}
    assert one.number_of_edges() == 3
    two = ego(feud, "novikov", 2)
    assert {"donald-trump", "russia", "nasa"} <= set(two)
    assert set(ego(feud, "Novikov", 0)) == {"dmitry-novikov"}


def test_ego_of_an_unknown_actor_says_so(feud: nx.MultiDiGraph) -> None:
    with pytest.raises(SelectionError, match="no actor named 'Putin'"):
        ego(feud, "Putin")


def test_date_window_keeps_dated_relations_inside_it(feud: nx.MultiDiGraph) -> None:
    window = filter_relations(feud, since="2025-06-04", until="2025-06-07")
    dates = {d["date"] for _, _, d in window.edges(data=True)}
    assert dates == {"2025-06-05", "2025-06-07"}
    assert "republicans" not in window
    assert feud.number_of_edges() == 26


def test_bad_date_is_named(feud: nx.MultiDiGraph) -> None:
    with pytest.raises(SelectionError, match="--since '7 June'"):
        filter_relations(feud, since="7 June")


def test_type_quad_and_modality_filters(feud: nx.MultiDiGraph) -> None:
    criticism = filter_relations(feud, relation_types=["criticize"])
    assert {d["type"] for _, _, d in criticism.edges(data=True)} == {"CRITICIZE"}
    offers = filter_relations(feud, relation_types=["offer asylum"])
    assert {d["type"] for _, _, d in offers.edges(data=True)} == {"OFFER_ASYLUM"}
    structural = filter_relations(feud, quad_classes=[0])
    assert {d["type"] for _, _, d in structural.edges(data=True)} == {"MEMBER_OF"}
    maybe = filter_relations(feud, modalities=["hypothetical"])
    assert maybe.number_of_edges() == 2


def test_min_mentions_and_top_actors(feud: nx.MultiDiGraph) -> None:
    assert set(min_mentions(feud, 6)) == {"elon-musk", "donald-trump", "russia"}
    scores = importance(feud)
    top = top_actors(feud, 2, scores)
    assert set(top) == {"elon-musk", "donald-trump"}
    with pytest.raises(SelectionError):
        top_actors(feud, 0)


def test_select_reports_each_cut(feud: nx.MultiDiGraph) -> None:
    graph, cuts = select(feud, Criteria(focus="Bannon", depth=1, since="2025-06-07"))
    assert set(graph) == {"steve-bannon", "elon-musk", "spacex", "donald-trump"}
    assert [c.step.split()[0] for c in cuts] == ["relation", "--focus"]
    assert sum(c.nodes for c in cuts) == feud.number_of_nodes() - graph.number_of_nodes()
    assert sum(c.relations for c in cuts) == feud.number_of_edges() - graph.number_of_edges()
    unchanged, none = select(feud, Criteria())
    assert none == [] and unchanged.number_of_edges() == feud.number_of_edges()
