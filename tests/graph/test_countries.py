"""The country-level view: actors rolled up to their states, events counted, not reports."""

from __future__ import annotations

from polgraph.graph.analysis import stats
from polgraph.graph.countries import country_view
from polgraph.ingest.records import Mention
from tests.graph.neo4j.sample import article, extraction, graph_rows, triple

MINISTER = Mention("ana-lind", "Ana Lind", "Lind", "PERSON", country="NOR", sector="GOV")
NORWAY = Mention("norway", "Norway", "Norway", "GPE", country="NOR")
CHILE = Mention("chile", "Chile", "Chile", "GPE", country="CHL")
ADMIRAL = Mention("luis-soto", "Luis Soto", "Soto", "PERSON", country="CHL", sector="MIL")
PUNDIT = Mention("max-hale", "Max Hale", "Hale", "PERSON")
CONFLICT = {"quad_class": 3, "goldstein": -4.0, "polarity": -1, "cameo": "112"}


def _rows():
    a1 = article("a1", "2025-06-01")
    a2 = article("a2", "2025-06-20")
    return graph_rows(
        extraction(
            a1,
            triple(a1, MINISTER, "ACCUSE", ADMIRAL, "accused", 0, **CONFLICT),
            triple(a1, NORWAY, "ACCUSE", CHILE, "accused", 50, **CONFLICT),
            triple(a1, MINISTER, "PRAISE", NORWAY, "praised", 100, quad_class=1),
            triple(a1, PUNDIT, "CRITICIZE", CHILE, "criticised", 150, **CONFLICT),
        ),
        extraction(a2, triple(a2, NORWAY, "ACCUSE", CHILE, "accused", 0, **CONFLICT)),
    )


def test_actors_roll_up_to_their_states() -> None:
    view = country_view(_rows())
    assert sorted((row["id"], row["country"]) for row in view.rows.entities) == [
        ("chile", "CHL"),
        ("norway", "NOR"),
    ]
    assert {(s, t) for s, t in view.graph.edges()} == {("norway", "chile")}
    assert view.graph.number_of_edges() == 3


def test_what_is_left_out_is_counted() -> None:
    view = country_view(_rows())
    assert (view.stateless, view.unplaced, view.domestic) == (1, 1, 1)
    assert view.actors == 4
    assert "1 actors without a country" in view.note()


def test_stats_count_events_not_reports() -> None:
    """The minister's and the state's accusations of 1 June are one event told twice."""
    view = country_view(_rows())
    result = stats(view.graph)
    (dyad,) = result.hostile
    assert {dyad.a_name, dyad.b_name} == {"Norway", "Chile"}
    assert (dyad.events, dyad.reports) == (2, 3)


def test_a_person_is_placed_by_a_stored_role(tmp_path) -> None:
    from polgraph.graph.countries import place_by_roles
    from polgraph.graph.store import Store

    senate = Mention("senate", "Senate", "Senate", "ORG", country="NOR", sector="LEG")
    senator = Mention("ola-berg", "Ola Berg", "Berg", "PERSON")
    aide = Mention("eli-moe", "Eli Moe", "Moe", "PERSON")
    a1, a2 = article("b1"), article("b2")
    with Store(tmp_path / "store") as store:
        store.write(
            graph_rows(
                extraction(a1, triple(a1, senator, "MEMBER_OF", senate, "senator", quad_class=0)),
                extraction(a2, triple(a2, aide, "ADVISER_TO", senator, "aide", quad_class=0)),
            )
        )
        assert place_by_roles(store) == 2
        placed = {row["id"]: (row["country"], row["sector"]) for row in store.rows().entities}
    assert placed["ola-berg"] == ("NOR", "LEG")
    assert placed["eli-moe"][0] == "NOR"


def test_a_country_is_named_for_the_state_not_a_region() -> None:
    region = Mention("nordland", "Nordland", "Nordland", "GPE", country="NOR")
    a3 = article("a3", "2025-07-01")
    rows = _rows()
    rows.extend(
        graph_rows(extraction(a3, triple(a3, region, "ACCUSE", CHILE, "accused", **CONFLICT)))
    )
    names = {row["country"]: row["name"] for row in country_view(rows).rows.entities}
    assert names == {"NOR": "Norway", "CHL": "Chile"}
