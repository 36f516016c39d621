"""`draw --level country` in real headless Chromium: a readable page of states."""

from __future__ import annotations

from pathlib import Path

import pytest

from polgraph.graph.browser import open_page
from polgraph.graph.countries import country_view
from polgraph.graph.draw import render
from polgraph.ingest.records import Mention
from tests.graph.neo4j.sample import article, extraction, graph_rows, triple

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("chromium")]

MINISTER = Mention("ana-lind", "Ana Lind", "Lind", "PERSON", country="NOR", sector="GOV")
NORWAY = Mention("norway", "Norway", "Norway", "GPE", country="NOR")
CHILE = Mention("chile", "Chile", "Chile", "GPE", country="CHL")
PERU = Mention("peru", "Peru", "Peru", "GPE", country="PER")
ADMIRAL = Mention("luis-soto", "Luis Soto", "Soto", "PERSON", country="CHL", sector="MIL")
PUNDIT = Mention("max-hale", "Max Hale", "Hale", "PERSON")
CONFLICT = {"quad_class": 3, "goldstein": -4.0, "polarity": -1, "cameo": "112"}
TALKS = {"quad_class": 1, "goldstein": 1.0, "polarity": 1, "cameo": "04"}


def test_the_country_page_draws_states_and_nothing_else(tmp_path: Path) -> None:
    a1 = article("a1", "2025-06-01")
    rows = graph_rows(
        extraction(
            a1,
            triple(a1, MINISTER, "ACCUSE", ADMIRAL, "accused", 0, **CONFLICT),
            triple(a1, CHILE, "MEET", PERU, "met", 50, **TALKS),
            triple(a1, PUNDIT, "CRITICIZE", NORWAY, "criticised", 100, **CONFLICT),
        )
    )
    view = country_view(rows)
    result = render(view.graph, tmp_path / "countries.html", title="countries")
    with open_page(result.path) as (page, log):
        shown = page.evaluate(
            """() => [polgraph.data.nodes.map(n => [n.name, n.country]).sort(),
                      polgraph.data.edges.length,
                      Object.keys(network.getPositions()).length]"""
        )
        assert log.errors == []
        assert log.foreign_requests() == []
    assert shown == [[["Chile", "CHL"], ["Norway", "NOR"], ["Peru", "PER"]], 2, 3]
    assert view.stateless == 1
