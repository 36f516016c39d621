"""The gazetteer: generated from public country data plus curated tables, loaded by alias."""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources

from polgraph.ingest.data.build_gazetteer import build, plural
from polgraph.ingest.gazetteer import CAPITAL, DEMONYM, SEAT, Gazetteer, load_gazetteer


def test_every_way_of_writing_the_united_states_is_one_country() -> None:
    gazetteer = load_gazetteer()
    names = {
        gazetteer.lookup(alias).name
        for alias in ("U.S.", "US", "the United States", "America", "USA")
    }
    assert names == {"United States"}


def test_countries_come_from_iso_data_not_a_short_list() -> None:
    gazetteer = load_gazetteer()
    for written, country in (
        ("Burkina Faso", "Burkina Faso"),
        ("Republic of Korea", "South Korea"),
        ("Russian Federation", "Russia"),
        ("Kyrgyzstan", "Kyrgyzstan"),
    ):
        known = gazetteer.lookup(written)
        assert known is not None and known.name == country and known.type == "GPE"


def test_demonyms_and_their_plurals_map_to_countries() -> None:
    gazetteer = load_gazetteer()
    for written, country in (("Iranians", "Iran"), ("Brazilian", "Brazil"), ("Chinese", "China")):
        known = gazetteer.lookup(written)
        assert known is not None and known.kind == DEMONYM and known.name == country


def test_capitals_and_seats_are_metonyms() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Tehran").kind == CAPITAL
    assert gazetteer.lookup("Tehran").name == "Iran"
    assert gazetteer.lookup("Brussels").name == "European Union"
    seat = gazetteer.lookup("the White House")
    assert seat.kind == SEAT and seat.metonym and seat.country == "United States"


def test_institutions_have_canonical_names_and_types() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("IMF").name == "International Monetary Fund"
    assert gazetteer.lookup("the Bundestag").name == "Bundestag"
    assert gazetteer.lookup("FBI").type == "ORG"
    assert gazetteer.lookup("DGCA").name == "Directorate General of Civil Aviation"


def test_a_body_many_countries_name_alike_has_its_countrys_name_as_canonical() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Congress").name == "United States Congress"
    assert gazetteer.lookup("Capitol Hill").name == "United States Congress"


def test_exact_lookup_refuses_a_lower_case_word() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("us", exact=True) is None
    assert gazetteer.lookup("US", exact=True).name == "United States"


def test_bare_iso_codes_are_not_aliases() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("IN", exact=True) is None
    assert gazetteer.lookup("NO", exact=True) is None


def test_plural_keeps_adjectival_demonyms() -> None:
    assert plural("Kenyan") == "Kenyans"
    assert plural("Japanese") is None
    assert plural("Swiss") is None


def test_shipped_file_is_what_the_script_builds() -> None:
    shipped = resources.files("polgraph.ingest").joinpath("data", "gazetteer.json").read_text()
    entries = json.loads(shipped)["entries"]
    assert entries == [asdict(entry) for entry in build()]


def test_later_tables_win_over_generated_rows() -> None:
    gazetteer = Gazetteer(
        [
            {"alias": "Springfield", "name": "Freedonia", "type": "GPE", "kind": "capital"},
            {"alias": "Springfield", "name": "Town Council", "type": "ORG", "kind": "seat"},
        ]
    )
    assert gazetteer.lookup("springfield").name == "Town Council"


def test_states_iso_data_lacks_are_states_with_a_code() -> None:
    gazetteer = load_gazetteer()
    kosovo = gazetteer.lookup("Kosovo")
    assert kosovo is not None and kosovo.kind == "country" and kosovo.type == "GPE"
    assert gazetteer.code("Kosovo") == "XKX"
    assert gazetteer.lookup("Kosovars").kind == DEMONYM
    assert gazetteer.lookup("Union of India").name == "India"


def test_demonyms_news_prints_that_iso_data_spells_otherwise() -> None:
    gazetteer = load_gazetteer()
    for written, country in (("Saudi", "Saudi Arabia"), ("Britons", "United Kingdom"),
                             ("Serbs", "Serbia"), ("Spaniards", "Spain")):  # fmt: skip
        known = gazetteer.lookup(written)
        assert known is not None and known.kind == DEMONYM and known.name == country


def test_blocs_and_non_governmental_bodies_are_known() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("G8").kind == "international"
    assert gazetteer.lookup("Mercosur").kind == "international"
    assert gazetteer.lookup("Human Rights Watch").kind == "ngo"


def test_a_region_is_found_without_its_diacritics() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.place("Jammu and Kashmir") == gazetteer.place("Jammu and Kashmīr") == "IND"
