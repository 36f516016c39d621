"""Country and sector of actors, from the gazetteer and from roles, on sentences written for
these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from polgraph.ingest.affiliation import _named_place, known_affiliation
from polgraph.ingest.gazetteer import load_gazetteer
from polgraph.ingest.nlp import load_model
from polgraph.ingest.pipeline import extract_doc
from polgraph.ingest.records import Article, Mention


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def actors(nlp: Language, text: str) -> dict[str, Mention]:
    triples, mentions = extract_doc(nlp(text), Article(id="t", text=text), judge=False)
    found = {m.name: m for m in mentions}
    for triple in triples:
        found.setdefault(triple.subject.name, triple.subject)
        found.setdefault(triple.object.name, triple.object)
    return found


def test_a_state_is_itself(nlp: Language) -> None:
    found = actors(nlp, "Norway criticised Chile over the fishing dispute.")
    assert (found["Norway"].country, found["Norway"].sector) == ("NOR", None)
    assert found["Chile"].country == "CHL"


def test_an_institution_is_where_the_gazetteer_places_it(nlp: Language) -> None:
    found = actors(nlp, "The Bundestag rejected the treaty.")
    assert (found["Bundestag"].country, found["Bundestag"].sector) == ("DEU", "LEG")


def test_an_organisation_named_for_its_country(nlp: Language) -> None:
    found = actors(nlp, "The Chilean Navy seized the trawler.")
    assert (found["Chilean Navy"].country, found["Chilean Navy"].sector) == ("CHL", "MIL")


def test_a_person_takes_the_country_of_a_role(nlp: Language) -> None:
    text = "Norwegian Foreign Minister Ingrid Dahl met Chile's ambassador on Monday."
    found = actors(nlp, text)
    assert (found["Ingrid Dahl"].country, found["Ingrid Dahl"].sector) == ("NOR", "GOV")


def test_a_legislator_is_of_the_legislature(nlp: Language) -> None:
    found = actors(nlp, "Rolf Berg, a member of the Bundestag, criticised the treaty.")
    assert (found["Rolf Berg"].country, found["Rolf Berg"].sector) == ("DEU", "LEG")


def test_an_ally_is_not_a_citizen(nlp: Language) -> None:
    found = actors(nlp, "Chile's ally Pedro Ruiz Tagle praised the deal.")
    person = next(m for name, m in found.items() if "Tagle" in name)
    assert person.country is None


def test_a_person_without_a_role_has_no_country(nlp: Language) -> None:
    found = actors(nlp, "Ingrid Dahl criticised Rolf Berg.")
    assert found["Ingrid Dahl"].country is None
    assert found["Rolf Berg"].country is None


def test_a_role_of_a_region_is_of_its_country(nlp: Language) -> None:
    found = actors(nlp, "Dana Kirk, the governor of Ohio, criticised the ruling.")
    assert found["Dana Kirk"].country == "USA"


def test_a_bare_body_is_of_the_country_the_article_names(nlp: Language) -> None:
    text = (
        "The United States imposed new tariffs on Monday. Dana Kirk, a member of the Senate, "
        "criticised the tariffs."
    )
    found = actors(nlp, text)
    senate = next(m for name, m in found.items() if "Senate" in name)
    assert (senate.country, senate.sector) == ("USA", "LEG")
    assert found["Dana Kirk"].country == "USA"


def test_a_bare_body_of_another_country_stays_unplaced(nlp: Language) -> None:
    text = "Chile raised tariffs on Monday. Dana Kirk, a member of the Senate, criticised them."
    senate = next(m for name, m in actors(nlp, text).items() if "Senate" in name)
    assert senate.country is None


def test_an_organisation_named_for_a_place_within_its_name(nlp: Language) -> None:
    found = actors(nlp, "The Harmony Party of America criticised the Ohio Department of Health.")
    party = next(m for name, m in found.items() if "Harmony" in name)
    assert party.country == "USA"
    assert all(m.country != "UGA" for m in found.values())


def test_an_unknown_party_in_an_article_about_one_country_is_of_it(nlp: Language) -> None:
    text = (
        "Chile will vote on Sunday, and Chile expects a close race. Harmony Party leader "
        "Maria Lopez criticised the government."
    )
    found = actors(nlp, text)
    party = next(m for name, m in found.items() if "Harmony" in name)
    assert (party.country, party.sector) == ("CHL", "PTY")
    assert (found["Maria Lopez"].country, found["Maria Lopez"].sector) == ("CHL", "PTY")


def test_an_unknown_party_in_an_article_about_two_countries_stays_unplaced(
    nlp: Language,
) -> None:
    text = (
        "Chile and Peru signed a treaty. Peru and Chile will meet again. The Harmony Party "
        "criticised the treaty."
    )
    party = next(m for name, m in actors(nlp, text).items() if "Harmony" in name)
    assert party.country is None


def test_a_city_the_text_locates_is_of_that_country(nlp: Language) -> None:
    text = "Dana Kirk, the mayor of Springfield, Ohio, praised the plan."
    found = actors(nlp, text)
    assert found["Springfield"].country == "USA"
    assert found["Dana Kirk"].country == "USA"


def test_a_role_in_a_city_is_of_the_citys_country(nlp: Language) -> None:
    found = actors(nlp, "Bill Monroe, the mayor of Houston, resigned on Friday.")
    assert (found["Houston"].country, found["Bill Monroe"].country) == ("USA", "USA")
    assert found["Bill Monroe"].sector == "GOV"


def test_an_organisation_is_where_the_text_bases_it(nlp: Language) -> None:
    text = "Ariel Friedler, formerly the president of Virginia-based Symplicity Corporation, lied."
    assert actors(nlp, text)["Symplicity Corporation"].country == "USA"
    text = "Mark Daly, the president of Acme Corporation, a Paris-based company, spoke."
    assert actors(nlp, text)["Acme Corporation"].country == "FRA"
    text = "Mark Daly, the president of Acme Corporation, based in Houston, spoke."
    found = actors(nlp, text)
    assert (found["Acme Corporation"].country, found["Mark Daly"].country) == ("USA", "USA")


def test_a_place_in_the_possessive_owns_the_organisation(nlp: Language) -> None:
    text = "Lead author Sally Wasef of Australia's Griffith University explained the find."
    found = actors(nlp, text)
    assert (found["Griffith University"].country, found["Sally Wasef"].country) == ("AUS", "AUS")
    assert found["Sally Wasef"].sector == "EDU"


def test_a_city_places_a_name_only_where_it_says_where() -> None:
    gazetteer = load_gazetteer()
    assert _named_place("University of Toronto", gazetteer, "EDU") == "CAN"
    assert _named_place("Toronto Police Service", gazetteer, "COP") == "CAN"
    assert _named_place("Toronto Blue Jays", gazetteer, None) is None
    assert _named_place("Independence Party", gazetteer, "PTY") is None


def test_a_capital_or_an_agencys_acronym_in_a_name_places_it() -> None:
    gazetteer = load_gazetteer()
    assert _named_place("Abu Dhabi TV", gazetteer, None) == "ARE"
    assert _named_place("NASA Jet Propulsion Laboratory", gazetteer, None) == "USA"
    assert _named_place("African National Congress", gazetteer, "LEG") is None


def test_a_role_takes_the_sector_of_its_body(nlp: Language) -> None:
    text = "Dedi Prasetyo, a spokesperson for the Indonesian National Police, confirmed it."
    assert actors(nlp, text)["Dedi Prasetyo"].sector == "COP"
    text = "Domingo Garcia, president of the League of United Latin American Citizens, spoke."
    found = actors(nlp, text)["Domingo Garcia"]
    assert (found.country, found.sector) == ("USA", None)


def test_a_journalist_is_media_wherever_they_work(nlp: Language) -> None:
    text = "Jane Doe, a reporter for the Ohio Valley Gazette, wrote about the vote."
    found = actors(nlp, text)["Jane Doe"]
    assert (found.country, found.sector) == ("USA", "MED")


def test_an_office_of_state_keeps_its_sector_in_any_body(nlp: Language) -> None:
    text = "He serves as senior advisor to Maryland's Republican Governor Larry Hogan."
    found = actors(nlp, text)["Larry Hogan"]
    assert (found.country, found.sector) == ("USA", "GOV")


def test_a_director_general_is_no_general(nlp: Language) -> None:
    text = (
        "Professor Jean Moreau, Director General of the Congo's Institut National de "
        "Recherche Biomédicale, spoke."
    )
    found = actors(nlp, text)["Jean Moreau"]
    assert (found.country, found.sector) == ("COG", None)


def test_a_spokesperson_of_a_leader_and_a_cleric(nlp: Language) -> None:
    text = "German Chancellor Angela Merkel's spokesperson, Steffen Seibert, said it is possible."
    assert actors(nlp, text)["Steffen Seibert"].sector == "GOV"
    text = "Vatican archbishop Charles Scicluna said bishops serve the people."
    found = actors(nlp, text)["Charles Scicluna"]
    assert (found.country, found.sector) == ("VAT", "REL")


def test_an_organisation_near_a_place_is_in_its_country(nlp: Language) -> None:
    text = "Leon Botha, owner of Mahala View Lion Lodge near Pretoria, South Africa, was killed."
    found = actors(nlp, text)
    assert (found["Mahala View Lion Lodge"].country, found["Leon Botha"].country) == ("ZAF", "ZAF")


def test_a_university_is_of_the_one_country_an_article_is_about(nlp: Language) -> None:
    text = (
        "The United States imposed tariffs on Monday. Wayne Frederick, president of Howard "
        "University, criticised the United States for the tariffs."
    )
    found = actors(nlp, text)["Wayne Frederick"]
    assert (found.country, found.sector) == ("USA", "EDU")
    text = (
        "Chile and Peru signed the treaty. Wayne Frederick, president of Howard University, "
        "criticised Chile, Peru and Bolivia."
    )
    assert actors(nlp, text)["Howard University"].country is None


def test_a_country_in_a_name_comes_before_a_region() -> None:
    assert _named_place("Unity Party of America", load_gazetteer(), "PTY") == "USA"


def test_a_states_chief_executive_and_a_private_person(nlp: Language) -> None:
    text = "On Wednesday, Carrie Lam, the chief executive of Hong Kong, announced the withdrawal."
    assert actors(nlp, text)["Carrie Lam"].sector == "GOV"
    text = "Judge Michael Urbanski sentenced Ohio man James Alex Fields to life in prison."
    found = actors(nlp, text)["James Alex Fields"]
    assert (found.country, found.sector) == ("USA", None)


def test_based_places_only_the_name_beside_it(nlp: Language) -> None:
    text = "UK-based retailer Tesco and Denmark-based retailer Salling Group made a deal."
    assert actors(nlp, text)["Salling Group"].country == "DNK"


def test_a_noun_of_no_office_before_a_state_gives_no_sector(nlp: Language) -> None:
    found = actors(nlp, "This Sunday, French inventor Franky Zapata crossed the Channel.")
    assert (found["Franky Zapata"].country, found["Franky Zapata"].sector) == ("FRA", None)


def test_parties_and_institutions_vote_for_the_country_of_a_bare_body(nlp: Language) -> None:
    text = "Labour and the Tories clashed. The Home Office told Parliament that Labour would act."
    found = actors(nlp, text)
    assert (found["Parliament"].country, found["Parliament"].sector) == ("GBR", "LEG")


def test_an_alias_the_entity_step_left_unmapped_is_not_looked_up_again() -> None:
    unmapped = Mention("x", "House of Representatives", "House of Representatives", "ORG")
    assert known_affiliation(unmapped)[0] != "USA"
    mapped = Mention("y", "US House of Representatives", "House of Representatives", "ORG")
    assert known_affiliation(mapped) == ("USA", "LEG")


def test_a_platform_is_a_business_not_a_person(nlp: Language) -> None:
    found = actors(nlp, "Senator Ilse Marr wrote on Instagram that she would resign.")
    assert (found["Instagram"].type, found["Instagram"].sector) == ("ORG", "BUS")
