"""Generic agents and groups (ingest/agents.py, data/agents.tsv) read by their home country,
on sentences written for these tests (fictional events; no text from the gold sets)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from polgraph.ingest.agents import parse_agents
from polgraph.ingest.nlp import load_model
from polgraph.ingest.pipeline import extract
from polgraph.ingest.records import Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def dyads(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    extraction = next(extract([Article(id="t", text=text)], nlp=nlp))
    return {(t.subject.name, t.relation.type, t.object.name) for t in extraction.triples}


def test_the_agents_table_marks_crowds_and_refuses_an_unknown_kind() -> None:
    table = parse_agents("noun\tsector\tafter\tkind\nvoter\tCVL\t\tcrowd\nfarmer\tCVL\n")
    assert table["voter"].national and not table["farmer"].national
    with pytest.raises(ValueError, match="row 2: unknown kind 'crowded'"):
        parse_agents("noun\tsector\tafter\tkind\nvoter\tCVL\t\tcrowded\n")


def test_bare_protesters_and_voters_are_the_home_countrys_civilians(nlp: Language) -> None:
    text = (
        "Peru held a tense election on Sunday. Peru expects a recount. "
        "Voters punished Pedro Castillo. Protesters accused Dina Boluarte of fraud."
    )
    found = dyads(nlp, text)
    assert ("Civilians (Peru)", "RETALIATE", "Pedro Castillo") in found
    assert ("Civilians (Peru)", "ACCUSE", "Dina Boluarte") in found


def test_counted_protesters_and_foreign_farmers_stay_unread(nlp: Language) -> None:
    text = (
        "Peru held a tense election on Sunday. Peru expects a recount. "
        "Police arrested 40 protesters. Farmers criticised Pedro Castillo."
    )
    found = dyads(nlp, text)
    assert not any("Civilians" in s or "Civilians" in o for s, _, o in found)


def test_a_phrase_that_names_nothing_keeps_the_police_the_home_countrys(nlp: Language) -> None:
    text = (
        "Peru held a tense election on Sunday. Peru expects a recount. "
        "Police in riot gear arrested Pedro Castillo."
    )
    assert ("Police (Peru)", "ARREST", "Pedro Castillo") in dyads(nlp, text)


def test_the_place_a_body_acts_in_gives_its_country(nlp: Language) -> None:
    text = (
        "Peru held a tense election on Sunday. Peru expects a recount. "
        "Police in Kerala arrested Pedro Castillo. Protesters in Lima accused Dina Boluarte."
    )
    found = dyads(nlp, text)
    assert ("Police (India)", "ARREST", "Pedro Castillo") in found
    assert ("Civilians (Peru)", "ACCUSE", "Dina Boluarte") in found


def test_a_leaders_own_government_by_pronoun_and_a_nations_families(nlp: Language) -> None:
    text = (
        "Nepal voted in March. Nepal expects a new coalition. "
        "KP Sharma Oli said his government would survive. Iraqi families sued Tony Blair."
    )
    found = dyads(nlp, text)
    assert ("KP Sharma Oli", "LEADER_OF", "Government (Nepal)") in found
    assert ("Civilians (Iraq)", "SUE", "Tony Blair") in found


def test_a_leaders_government_is_the_country_of_the_leaders_title(nlp: Language) -> None:
    text = (
        "Cuba protested on Monday. Cuban officials met in Havana. "
        "US President Donald Trump spoke. The Trump administration sanctioned Cuba."
    )
    found = dyads(nlp, text)
    assert ("Government (United States)", "SANCTION", "Cuba") in found


def test_described_crowds_and_a_partys_voters_are_its_countrys_civilians(nlp: Language) -> None:
    text = (
        "Labour promised to cut taxes, and the Tories attacked Labour on Monday. "
        "Gordon Brown wants to keep disillusioned Labour voters in the fold. "
        "Tony Blair courted young voters. Labour MPs attacked Gordon Brown."
    )
    found = dyads(nlp, text)
    assert ("Gordon Brown", "KEEP", "Civilians (United Kingdom)") in found
    assert ("Tony Blair", "COURT", "Civilians (United Kingdom)") in found
    assert ("Labour Party", "ATTACK", "Gordon Brown") in found


def test_a_devolved_government_after_a_nationality_is_one_name(nlp: Language) -> None:
    found = dyads(nlp, "The Scottish Executive criticised Jack McConnell over the plan.")
    assert ("Scottish Government", "CRITICIZE", "Jack McConnell") in found


def test_a_bare_state_body_before_what_it_does_is_that_body(nlp: Language) -> None:
    text = (
        "Peru held a tense election on Sunday. Peru expects a recount. "
        "Protesters condemned police violence against students. "
        "Government ministers met Dina Boluarte."
    )
    found = dyads(nlp, text)
    assert ("Civilians (Peru)", "CRITICIZE", "Police (Peru)") in found
    assert not any("Dina Boluarte" in (s, o) for s, _, o in found)


def test_a_nationality_on_the_head_gives_the_bare_bodys_country(nlp: Language) -> None:
    text = (
        "Germany held talks on Monday. Germany expects a reply. "
        "Belarusian opposition leader Ales Bialiatski criticised Germany."
    )
    found = dyads(nlp, text)
    assert ("Ales Bialiatski", "LEADER_OF", "Opposition (Belarus)") in found
    assert not any("Opposition (Germany)" in (s, o) for s, _, o in found)


def test_a_nationality_before_the_noun_outweighs_where_they_come_from(nlp: Language) -> None:
    found = dyads(nlp, "British troops will help evacuate UK citizens from Ivory Coast.")
    assert ("Military (United Kingdom)", "RESCUE", "Civilians (United Kingdom)") in found
    assert not any(o == "Civilians (Ivory Coast)" for _, _, o in found)
    found = dyads(nlp, "Canadian troops evacuated refugees from Ivory Coast.")
    assert ("Military (Canada)", "RESCUE", "Civilians (Ivory Coast)") in found
