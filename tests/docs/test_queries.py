"""Every query of docs/queries.md, run against a small hand-built graph with known answers."""

from collections.abc import Callable
from typing import Any

import pytest

from polgraph.config import Neo4jSettings
from polgraph.graph.neo4j.load import load
from polgraph.graph.query import run_neo4j
from tests.docs.cookbook import cookbook
from tests.graph.neo4j.sample import article, clear, extraction, graph_rows, mention, triple

pytestmark = pytest.mark.neo4j

TRUMP = mention("Donald Trump", written="Trump", country="USA", sector="GOV")
MUSK = mention("Elon Musk", written="Musk")
NOVIKOV = mention("Dmitry Novikov", country="RUS", sector="LEG")
RUSSIA = mention("Russia", "GPE", country="RUS")
PUTIN = mention("Vladimir Putin", country="RUS", sector="GOV")
NASA = mention("NASA", "ORG", country="USA", sector="GOV")
ZELENSKY = mention("Volodymyr Zelensky", country="UKR", sector="GOV")
UKRAINE = mention("Ukraine", "GPE", country="UKR")
DUMA = mention("State Duma", "ORG", country="RUS", sector="LEG")
KREMLIN_CHIEF = mention("Vladimir Putin", written="the Kremlin chief", country="RUS", sector="GOV")

CONFLICT = {"quad_class": 3, "goldstein": -2.0, "polarity": -1, "cameo": "111"}


def _graph() -> list:
    a1 = article("a1", "2025-06-05", title="Musk and Trump trade blows", source="wire")
    a2 = article("a2", "2025-06-07", title="Duma deputy floats asylum", source="paper")
    a3 = article("a3", "2025-06-08", title="Asylum offer repeated", source="agency")
    a4 = article("a4", "2025-06-10", title="Kyiv accuses Moscow", source="wire")
    asylum = {"quad_class": 1, "goldstein": 3.0, "polarity": 1, "cameo": "05"}
    return [
        extraction(
            a1,
            triple(a1, TRUMP, "CRITICIZE", MUSK, "criticised", **CONFLICT),
            triple(a1, MUSK, "CRITICIZE", TRUMP, "hit back at", 100, **CONFLICT),
            triple(
                a1,
                MUSK,
                "THREATEN",
                NASA,
                "threatened",
                200,
                quad_class=3,
                goldstein=-4.0,
                polarity=-1,
                modality="hypothetical",
            ),
            mentions=(TRUMP, MUSK, NASA),
        ),
        extraction(
            a2,
            triple(
                a2, NOVIKOV, "OFFER_ASYLUM", MUSK, "could offer", modality="hypothetical", **asylum
            ),
            triple(
                a2,
                NOVIKOV,
                "MEMBER_OF",
                DUMA,
                "deputy",
                100,
                quad_class=0,
                role="First Deputy Chairman",
            ),
            mentions=(NOVIKOV, MUSK, RUSSIA, DUMA, TRUMP),
        ),
        extraction(
            a3,
            triple(a3, NOVIKOV, "OFFER_ASYLUM", MUSK, "offered", modality="reported", **asylum),
            triple(a3, PUTIN, "CRITICIZE", ZELENSKY, "criticised", 100, **CONFLICT),
            triple(
                a3,
                RUSSIA,
                "ATTACK",
                UKRAINE,
                "struck",
                200,
                quad_class=4,
                goldstein=-10.0,
                polarity=-1,
            ),
        ),
        extraction(
            a4,
            triple(a4, ZELENSKY, "ACCUSE", RUSSIA, "accused", **CONFLICT),
            triple(
                a4,
                TRUMP,
                "NEGOTIATE",
                ZELENSKY,
                "did not negotiate with",
                100,
                quad_class=1,
                goldstein=3.5,
                polarity=1,
                modality="negated",
            ),
            triple(
                a4, KREMLIN_CHIEF, "MEMBER_OF", RUSSIA, "heads", 200, quad_class=0, role="President"
            ),
        ),
    ]


def _cols(rows: list[dict[str, Any]], *names: str) -> list[tuple]:
    return [tuple(row[name] for name in names) for row in rows]


def _hostile(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "actor", "relation", "target") == [
        ("Donald Trump", "CRITICIZE", "Elon Musk"),
        ("Elon Musk", "CRITICIZE", "Donald Trump"),
        ("Russia", "ATTACK", "Ukraine"),
        ("Vladimir Putin", "CRITICIZE", "Volodymyr Zelensky"),
        ("Volodymyr Zelensky", "ACCUSE", "Russia"),
    ]


def _hostile_graph(rows: list[dict[str, Any]]) -> None:
    """Whole nodes and relationships: their properties, each relation with its sentence."""
    assert sorted((r["s"]["name"], r["r"]["quad_class"], r["o"]["name"]) for r in rows) == [
        ("Donald Trump", 3, "Elon Musk"),
        ("Elon Musk", 3, "Donald Trump"),
        ("Russia", 4, "Ukraine"),
        ("Vladimir Putin", 3, "Volodymyr Zelensky"),
        ("Volodymyr Zelensky", 3, "Russia"),
    ]
    assert all(r["r"]["sentence"] and r["s"]["id"] and r["o"]["label"] for r in rows)


def _path(rows: list[dict[str, Any]]) -> None:
    assert rows == [
        {
            "actors": ["Dmitry Novikov", "Elon Musk", "Donald Trump", "Volodymyr Zelensky"],
            "relations": ["OFFER_ASYLUM", "CRITICIZE", "NEGOTIATE"],
            "hops": 3,
        }
    ]


def _over_time(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "date", "direction", "relation", "other") == [
        ("2025-06-05", "from", "CRITICIZE", "Donald Trump"),
        ("2025-06-05", "to", "CRITICIZE", "Donald Trump"),
        ("2025-06-05", "to", "THREATEN", "NASA"),
        ("2025-06-07", "from", "OFFER_ASYLUM", "Dmitry Novikov"),
        ("2025-06-08", "from", "OFFER_ASYLUM", "Dmitry Novikov"),
    ]


def _most_cited(rows: list[dict[str, Any]]) -> None:
    top = rows[0]
    assert (top["actor"], top["relation"], top["target"]) == (
        "Dmitry Novikov",
        "OFFER_ASYLUM",
        "Elon Musk",
    )
    assert top["articles"] == 2 and sorted(top["sources"]) == ["a2", "a3"]
    assert [row["articles"] for row in rows[1:]] == [1] * 9


def _claims(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "date", "claim", "about", "modality", "article") == [
        ("2025-06-05", "CRITICIZE", "Elon Musk", "asserted", "Musk and Trump trade blows"),
        ("2025-06-10", "NEGOTIATE", "Volodymyr Zelensky", "negated", "Kyiv accuses Moscow"),
    ]
    assert rows[0]["sentence"] == "Trump criticised Musk."


def _provenance(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "relation", "date", "source") == [
        ("OFFER_ASYLUM", "2025-06-07", "paper"),
        ("OFFER_ASYLUM", "2025-06-08", "agency"),
    ]
    assert rows[1]["sentence"] == "Dmitry Novikov offered Musk."
    assert rows[1]["end"] - rows[1]["start"] == len(rows[1]["sentence"])


def _by_alias(rows: list[dict[str, Any]]) -> None:
    assert rows[0]["name"] == "Vladimir Putin"
    assert rows[0]["aliases"] == ["the Kremlin chief"]


def _balance(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "actor", "acts", "goldstein_total") == [
        ("Russia", 1, -10.0),
        ("Donald Trump", 1, -2.0),
        ("Elon Musk", 1, -2.0),
        ("Vladimir Putin", 1, -2.0),
        ("Volodymyr Zelensky", 1, -2.0),
        ("Dmitry Novikov", 1, 3.0),
    ]


def _floated(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "date", "actor", "modality", "relation", "target") == [
        ("2025-06-05", "Elon Musk", "hypothetical", "THREATEN", "NASA"),
        ("2025-06-07", "Dmitry Novikov", "hypothetical", "OFFER_ASYLUM", "Elon Musk"),
        ("2025-06-10", "Donald Trump", "negated", "NEGOTIATE", "Volodymyr Zelensky"),
    ]


def _roles(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "actor", "role", "of", "former") == [
        ("Dmitry Novikov", "First Deputy Chairman", "State Duma", False),
        ("Vladimir Putin", "President", "Russia", False),
    ]


def _alongside(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "other", "articles") == [
        ("Dmitry Novikov", 2),
        ("Donald Trump", 2),
        ("Russia", 2),
        ("NASA", 1),
        ("State Duma", 1),
        ("Ukraine", 1),
        ("Vladimir Putin", 1),
        ("Volodymyr Zelensky", 1),
    ]


def _mutual(rows: list[dict[str, Any]]) -> None:
    assert rows == [
        {
            "one": "Donald Trump",
            "other": "Elon Musk",
            "one_to_other": ["CRITICIZE"],
            "other_to_one": ["CRITICIZE"],
        }
    ]


def _active(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "actor", "relations") == [
        ("Dmitry Novikov", 3),
        ("Vladimir Putin", 2),
        ("Donald Trump", 1),
        ("Russia", 1),
        ("Volodymyr Zelensky", 1),
    ]


def _countries(rows: list[dict[str, Any]]) -> None:
    assert _cols(rows, "actor_country", "target_country", "reports", "articles") == [
        ("RUS", "UKR", 2, 1),
        ("UKR", "RUS", 1, 1),
    ]
    assert [row["goldstein_total"] for row in rows] == [-12.0, -2.0]


def _stateless(rows: list[dict[str, Any]]) -> None:
    assert rows == [{"actor": "Elon Musk", "relations": 5}]


EXPECTED: dict[str, Callable[[list[dict[str, Any]]], None]] = {
    "Who is hostile to whom": _hostile,
    "Hostility as a graph": _hostile_graph,
    "Shortest path between two actors": _path,
    "An actor's relations over time": _over_time,
    "The most-cited relations": _most_cited,
    "Claims made by a speaker": _claims,
    "Where a relation was reported": _provenance,
    "Find an actor by name or alias": _by_alias,
    "Cooperation and conflict balance": _balance,
    "Floated, not done": _floated,
    "Roles and memberships": _roles,
    "Who appears alongside an actor": _alongside,
    "Mutual hostility": _mutual,
    "The most active actors in a period": _active,
    "Country to country": _countries,
    "Actors left out of the country view": _stateless,
}


def test_every_query_of_the_cookbook_has_a_checked_answer() -> None:
    assert set(cookbook()) == set(EXPECTED)
    assert len(EXPECTED) >= 10


@pytest.fixture(scope="module")
def political_graph(neo4j_server: Neo4jSettings) -> Neo4jSettings:
    clear(neo4j_server)
    load(graph_rows(*_graph()), neo4j_server)
    return neo4j_server


@pytest.mark.parametrize("heading", list(EXPECTED))
def test_the_query_answers_as_documented(political_graph: Neo4jSettings, heading: str) -> None:
    cypher, params = cookbook()[heading]
    EXPECTED[heading](run_neo4j(political_graph, cypher, params))
