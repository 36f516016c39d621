from __future__ import annotations

import networkx as nx

from polgraph.graph.bundle import bundle_edges, support_key
from polgraph.graph.synthetic import add_actor, add_relation


def pair() -> tuple[nx.MultiDiGraph, str, str]:
    graph = nx.MultiDiGraph()
    return graph, add_actor(graph, "A", "PERSON"), add_actor(graph, "B", "GPE")


def test_one_sentence_read_by_two_rules_is_one_report() -> None:
    graph, a, b = pair()
    common = {"article_id": "x", "start": 5, "sentence": "A hit B.", "date": "2025-01-02"}
    add_relation(graph, a, b, "ATTACK", id="1", rule="svo", polarity=-1, quad_class=4, **common)
    add_relation(graph, a, b, "ATTACK", id="2", rule="prep", polarity=-1, quad_class=4, **common)
    add_relation(graph, a, b, "ATTACK", id="3", article_id="y", start=0, polarity=-1, quad_class=4)
    [bundle] = bundle_edges(graph)
    assert bundle.instances == 3
    assert len(bundle.supports) == 2
    assert bundle.polarity == -1 and not bundle.structural
    assert len(bundle.supports[1].evidence) == 1


def test_width_counts_events_not_reports() -> None:
    """Forty outlets telling one happening within the event window are one event; the same
    act a month later is another. Every report stays listed under its event."""
    graph, a, b = pair()
    for outlet in range(40):
        add_relation(
            graph,
            a,
            b,
            "ATTACK",
            article_id=f"o{outlet}",
            date="2025-05-0" + str(1 + outlet % 2),
            sentence=f"Outlet {outlet}: A attacked B.",
            quad_class=4,
        )
    add_relation(
        graph,
        a,
        b,
        "ATTACK",
        article_id="later",
        date="2025-06-10",
        quad_class=4,
        sentence="A attacked B again.",
    )
    [bundle] = bundle_edges(graph)
    assert bundle.instances == 41
    assert len(bundle.supports) == 2
    assert len(bundle.supports[0].evidence) == 40
    assert support_key(graph.edges[a, b, "r0"], {}) == ("o0", 0)


def test_types_and_directions_stay_apart() -> None:
    graph, a, b = pair()
    add_relation(graph, a, b, "PRAISE", polarity=1, quad_class=1)
    add_relation(graph, a, b, "MEMBER_OF", quad_class=0, start=1)
    add_relation(graph, b, a, "PRAISE", polarity=1, quad_class=1, start=2)
    bundles = {(x.source, x.target, x.type): x for x in bundle_edges(graph)}
    assert set(bundles) == {(a, b, "PRAISE"), (a, b, "MEMBER_OF"), (b, a, "PRAISE")}
    assert bundles[(a, b, "MEMBER_OF")].structural


def test_mixed_polarity_follows_the_majority() -> None:
    graph, a, b = pair()
    for i, polarity in enumerate((-1, -1, 1)):
        add_relation(graph, a, b, "DEAL", polarity=polarity, start=i, article_id="z")
    [bundle] = bundle_edges(graph)
    assert bundle.polarity == -1


def test_denials_are_negated_and_do_not_set_the_polarity() -> None:
    graph, a, b = pair()
    add_relation(graph, a, b, "CRITICIZE", polarity=-1, modality="negated", article_id="n")
    [denied] = bundle_edges(graph)
    assert denied.negated and denied.polarity == 0
    add_relation(graph, a, b, "CRITICIZE", polarity=-1, start=1, article_id="m")
    [mixed] = bundle_edges(graph)
    assert not mixed.negated and mixed.polarity == -1


def test_supports_are_in_date_order_and_ids_stable() -> None:
    graph, a, b = pair()
    add_relation(graph, a, b, "MEET", date="2025-03-01", start=1, article_id="p")
    add_relation(graph, a, b, "MEET", date="2025-01-01", start=2, article_id="q")
    add_relation(graph, a, b, "MEET", date=None, start=3, article_id="r")
    first = bundle_edges(graph)
    assert [s.date for s in first[0].supports] == [None, "2025-01-01", "2025-03-01"]
    assert [b.id for b in first] == [b.id for b in bundle_edges(graph)]
