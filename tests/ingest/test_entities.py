"""Document-level actor resolution on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from polgraph.ingest.entities import ActorIndex, surface
from polgraph.ingest.nlp import load_model
from polgraph.ingest.overrides import parse_overrides
from polgraph.ingest.records import entity_id


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def names(index: ActorIndex) -> dict[str, tuple[str, str]]:
    """written → (canonical name, type) for every named actor."""
    return {a.mention.mention: (a.mention.name, a.mention.type) for a in index.actors()}


def token(doc: Doc, text: str, nth: int = 0) -> int:
    return [t.i for t in doc if t.text == text][nth]


def test_surname_resolves_to_the_full_name(nlp: Language) -> None:
    doc = nlp(
        "Friedrich Merz met union leaders on Monday. Merz later told reporters he was hopeful."
    )
    index = ActorIndex(doc)
    actor = index.actor_at(doc[token(doc, "Merz", 1)])
    assert actor is not None
    assert actor.mention.name == "Friedrich Merz"
    assert actor.mention.mention == "Merz"
    assert actor.mention.id == entity_id("Friedrich Merz")


def test_a_surname_tagged_as_a_place_becomes_the_person(nlp: Language) -> None:
    doc = nlp("Paula Verhoeven resigned on Friday. Critics said Verhoeven had no choice.")
    start = token(doc, "Verhoeven", 1)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, start, start + 1, label="GPE")]
    actor = ActorIndex(doc).actor_at(doc[start])
    assert actor is not None
    assert (actor.mention.name, actor.mention.type) == ("Paula Verhoeven", "PERSON")


def test_a_person_tagged_as_an_organisation_keeps_the_majority_type(nlp: Language) -> None:
    doc = nlp("Mr Okafor spoke first. Okafor then left. Okafor did not return.")
    spans = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text == "Okafor"]
    doc.ents = spans
    actor = ActorIndex(doc).actor_at(doc[token(doc, "Okafor", 2)])
    assert actor is not None and actor.mention.type == "PERSON"


def test_titles_and_possessives_are_not_part_of_the_name(nlp: Language) -> None:
    doc = nlp("Ms Kallas rejected the plan. Kallas's office confirmed it.")
    assert {a.mention.mention for a in ActorIndex(doc).actors()} == {"Kallas"}
    assert surface(doc[0:2]) == "Kallas"


def test_country_names_share_one_id(nlp: Language) -> None:
    doc = nlp("The U.S. imposed tariffs. America says the United States will not back down.")
    found = {a.mention.name for a in ActorIndex(doc).actors()}
    assert found == {"United States"}


def test_capital_acting_is_its_country_but_a_venue_is_a_place(nlp: Language) -> None:
    doc = nlp("Beijing condemned the sanctions. The talks were held in Beijing last week.")
    index = ActorIndex(doc)
    actor = index.actor_at(doc[0])
    assert actor is not None
    assert (actor.mention.name, actor.mention.mention, actor.mention.type) == (
        "China",
        "Beijing",
        "GPE",
    )
    venue = index.actor_at(doc[token(doc, "Beijing", 1)])
    assert venue is not None and venue.mention.type == "LOC" and venue.mention.name == "Beijing"


def test_demonym_acts_only_when_it_is_the_actor(nlp: Language) -> None:
    doc = nlp("The Iranians rejected the offer. An Iranian diplomat declined to comment.")
    index = ActorIndex(doc)
    assert names(index) == {"Iranians": ("Iran", "GPE")}
    assert index.actor_at(doc[token(doc, "Iranian")]) is None


def test_seat_of_power_keeps_its_own_name(nlp: Language) -> None:
    doc = nlp("The White House said the envoy would travel to Kyiv.")
    actor = ActorIndex(doc).actor_at(doc[token(doc, "White")])
    assert actor is not None and (actor.mention.name, actor.mention.type) == ("White House", "ORG")


def test_a_name_the_model_missed_is_found_again(nlp: Language) -> None:
    doc = nlp("Maia Sandu won the vote. Opponents of Sandu called it rigged, but Sandu refused.")
    index = ActorIndex(doc)
    hits = [t for t in doc if t.text == "Sandu"]
    assert all(index.actor_at(t) is not None for t in hits)
    assert {index.actor_at(t).mention.name for t in hits} == {"Maia Sandu"}


def test_hyphenated_pair_names_two_actors(nlp: Language) -> None:
    doc = nlp("Keir Starmer met Emmanuel Macron. The Starmer-Macron meeting ran late.")
    index = ActorIndex(doc)
    starmer = index.actor_at(doc[token(doc, "Starmer", 1)])
    macron = index.actor_at(doc[token(doc, "Macron", 1)])
    assert starmer is not None and macron is not None
    assert (starmer.mention.name, macron.mention.name) == ("Keir Starmer", "Emmanuel Macron")


def test_untagged_company_name_is_an_organisation(nlp: Language) -> None:
    doc = nlp(
        "Regulators fined ByteDance on Tuesday. The ruling against ByteDance can be appealed."
    )
    doc.ents = []
    index = ActorIndex(doc)
    actor = index.actor_at(doc[token(doc, "ByteDance", 1)])
    assert actor is not None and actor.mention.type == "ORG"


def test_a_surname_takes_the_nearest_full_name_before_it(nlp: Language) -> None:
    doc = nlp("Joe Biden spoke. Hunter Biden stayed home. Biden later flew to Delaware.")
    assert names(ActorIndex(doc))["Biden"][0] == "Hunter Biden"


def test_overrides_merge_keep_apart_and_type(nlp: Language) -> None:
    overrides = parse_overrides(
        {
            "merge": {"Joseph Biden": ["Joe Biden"]},
            "keep_apart": [["Biden", "Hunter Biden"]],
            "types": {"Hunter Biden": "ORG"},
        }
    )
    doc = nlp("Joe Biden spoke. Hunter Biden stayed home. Biden later flew to Delaware.")
    index = ActorIndex(doc, overrides)
    found = names(index)
    assert found["Joe Biden"] == ("Joseph Biden", "PERSON")
    assert found["Hunter Biden"] == ("Hunter Biden", "ORG")
    assert found["Biden"][0] == "Joseph Biden"


def test_an_abbreviation_the_text_defines_is_that_name(nlp: Language) -> None:
    doc = nlp(
        "The Coastal Farmers Union (CFU) rejected the plan on Monday. Later the CFU said "
        "it would appeal, and CFU President Dana Rusk met officials."
    )
    index = ActorIndex(doc)
    shorts = [t for t in doc if t.text == "CFU"]
    assert len(shorts) == 3
    for short in shorts:
        actor = index.actor_at(short)
        assert actor is not None and actor.mention.name == "Coastal Farmers Union"
        assert actor.mention.mention == "CFU"


def test_initials_mend_a_name_the_model_cut_short(nlp: Language) -> None:
    doc = nlp("Leaders of the Rashtriya Lok Morcha (RLM) met on Friday.")
    found = {a.mention.name for a in ActorIndex(doc).actors()}
    assert "Rashtriya Lok Morcha" in found
    assert "Lok Morcha" not in found


def test_a_title_before_untagged_proper_nouns_names_a_person(nlp: Language) -> None:
    doc = nlp(
        "The KPCC welcomed the decision. KPCC President Harun Velazi said the party "
        "would contest. Later President Velazi met the governor."
    )
    index = ActorIndex(doc)
    found = names(index)
    assert found.get("Harun Velazi") == ("Harun Velazi", "PERSON")
    actor = index.actor_at(doc[token(doc, "Velazi", 1)])
    assert actor is not None and actor.mention.name == "Harun Velazi"
    assert index.actor_at(doc[token(doc, "KPCC", 1)]) is not None


def test_an_untagged_name_in_a_list_of_names_is_an_actor(nlp: Language) -> None:
    doc = nlp(
        "The Care Alliance, which includes Oxfam, Hope Rising, Mencap and the Carers Trust, "
        "criticised the bill."
    )
    found = {a.mention.name for a in ActorIndex(doc).actors()}
    assert "Hope Rising" in found


def test_an_organisation_named_with_a_portfolio_word_keeps_it(nlp: Language) -> None:
    doc = nlp(
        "G8 ministers asked the International Monetary Fund and the National Farmers "
        "Society to report."
    )
    found = {a.mention.name: a.mention.type for a in ActorIndex(doc).actors()}
    assert found.get("International Monetary Fund") == "ORG"
    assert "G8" in found
    assert not any(name.startswith(("Monetary", "Farmers")) for name in found)


def test_two_places_joined_by_and_that_name_one_region(nlp: Language) -> None:
    doc = nlp("The court restored statehood to Jammu and Kashmir on Tuesday.")
    found = {a.mention.name for a in ActorIndex(doc).actors()}
    assert "Jammu and Kashmir" in found
    assert "Jammu" not in found


def test_an_organisation_word_ends_an_untagged_or_mistyped_name(nlp: Language) -> None:
    doc = nlp("The Clean Rivers Alliance, which includes the Harlow's Society, met on Monday.")
    doc.ents = [Span(doc, 1, 4, label="WORK_OF_ART")]
    found = {a.mention.name: a.mention.type for a in ActorIndex(doc).actors()}
    assert found.get("Clean Rivers Alliance") == "ORG"
    assert found.get("Harlow's Society") == "ORG"


def test_a_capitalised_abbreviation_is_no_courtesy_title(nlp: Language) -> None:
    doc = nlp("Critics said the SIR would exclude voters, as Sir Alan Pike warned.")
    index = ActorIndex(doc)
    short = Span(doc, token(doc, "SIR"), token(doc, "SIR") + 1, label="ORG")
    assert surface(short) == "SIR"
    assert index.genders.get(entity_id("SIR")) is None
    assert index.genders.get(entity_id("Alan Pike")) == "m"


def test_a_body_with_the_brief_of_the_title_after_it_is_that_body(nlp: Language) -> None:
    doc = nlp("Lib Dem Treasury spokesman Orla Venn also branded the plans as fantasy.")
    doc.ents = [Span(doc, 0, 3, label="PERSON"), Span(doc, 4, 6, label="ORG")]
    found = {a.mention.name: a.mention.type for a in ActorIndex(doc).actors()}
    assert found.get("Liberal Democrats") == "ORG"
    assert found.get("Orla Venn") == "PERSON"
    assert not any("Treasury" in name for name in found)


def test_a_role_noun_before_a_name_names_no_event(nlp: Language) -> None:
    doc = nlp("Party spokesman Orla Venn rejected the claim.")
    doc.ents = [Span(doc, 2, 4, label="ORG")]
    assert "Orla Venn" in {a.mention.name for a in ActorIndex(doc).actors()}


def test_a_known_body_written_as_another_places_keeps_its_words(nlp: Language) -> None:
    doc = nlp(
        "Nigeria's House of Representatives passed the bill. Later the House of "
        "Representatives sent it to the Senate."
    )
    found = {a.mention.name for a in ActorIndex(doc).actors()}
    assert "House of Representatives" in found
    assert "US House of Representatives" not in found
    ours = {
        a.mention.name
        for a in ActorIndex(nlp("America's House of Representatives voted.")).actors()
    }
    assert "US House of Representatives" in ours


def test_a_name_mistyped_as_a_thing_takes_what_the_gazetteer_or_a_title_says(
    nlp: Language,
) -> None:
    doc = nlp("The Liberal Democrats said Mr Pellow was wrong.")
    doc.ents = [Span(doc, 0, 3, label="WORK_OF_ART"), Span(doc, 4, 6, label="PRODUCT")]
    found = {a.mention.name: a.mention.type for a in ActorIndex(doc).actors()}
    assert found.get("Liberal Democrats") == "ORG"
    assert found.get("Pellow") == "PERSON"


def test_an_untagged_name_after_a_courtesy_title_is_a_person(nlp: Language) -> None:
    doc = nlp("Lord Harwick agreed with the minister.")
    doc.ents = []
    index = ActorIndex(doc)
    actor = index.actor_at(doc[1])
    assert actor is not None and actor.mention.name == "Harwick"
    assert actor.mention.type == "PERSON"


def test_the_surname_of_a_name_after_a_role_noun_is_that_person(nlp: Language) -> None:
    doc = nlp("Party spokesman Orla Venn rejected the plan. Ms Venn told reporters so.")
    doc.ents = [Span(doc, 2, 4, label="ORG"), Span(doc, 9, 10, label="PERSON")]
    actor = ActorIndex(doc).actor_at(doc[9])
    assert actor is not None and actor.mention.name == "Orla Venn"


def test_a_region_tagged_as_a_facility_and_an_untagged_court_are_actors(nlp: Language) -> None:
    doc = nlp("The Northern Cape High Court fined officials in Tamil Nadu on Friday.")
    doc.ents = [Span(doc, 8, 10, label="FAC")]
    found = {a.mention.name: a.mention.type for a in ActorIndex(doc).actors()}
    assert found.get("Tamil Nadu") == "GPE"
    assert found.get("Northern Cape High Court") == "ORG"


def test_a_bare_body_is_the_body_of_the_country_the_article_names_most(nlp: Language) -> None:
    us = nlp("The US Senate met. Later the Senate voted on the bill, US officials said.")
    found = {a.mention.mention: a.mention.name for a in ActorIndex(us).actors()}
    assert found.get("Senate") == "US Senate"
    india = nlp("India's ministers met. The Senate of Ruritania voted, India said.")
    assert "US Senate" not in {a.mention.name for a in ActorIndex(india).actors()}


def test_a_state_body_in_an_article_about_its_country_keeps_its_words(nlp: Language) -> None:
    doc = nlp(
        "US officials said Ohio's House of Representatives voted. The US Senate and the "
        "House of Representatives in Ohio disagreed, the US said."
    )
    found = {a.mention.name for a in ActorIndex(doc).actors()}
    assert "House of Representatives" in found
    assert "US House of Representatives" not in found


def _ent(doc: Doc, text: str, label: str) -> Span:
    """The span of `text` in `doc`, as the model might have tagged it."""
    at = doc.text.index(text)
    span = doc.char_span(at, at + len(text), label=label)
    assert span is not None
    return span


def test_a_surname_the_model_left_out_joins_the_name(nlp: Language) -> None:
    doc = nlp("The fraud case was heard by Judge Marta Lind Okonjo on Monday.")
    doc.ents = [_ent(doc, "Marta Lind", "PERSON")]
    assert names(ActorIndex(doc)) == {"Marta Lind Okonjo": ("Marta Lind Okonjo", "PERSON")}


def test_an_organisations_complement_the_model_left_out_joins_the_name(nlp: Language) -> None:
    doc = nlp("The Harbour City Centre for Public Accountability obtained the files.")
    doc.ents = [_ent(doc, "The Harbour City Centre", "ORG")]
    found = names(ActorIndex(doc))
    assert found == {
        "Harbour City Centre for Public Accountability": (
            "Harbour City Centre for Public Accountability",
            "ORG",
        )
    }


def test_words_before_a_span_that_make_a_known_name_join_it(nlp: Language) -> None:
    doc = nlp("The Conservatives and Liberal Democrats opposed the schools bill.")
    doc.ents = [_ent(doc, "Conservatives", "NORP"), _ent(doc, "Democrats", "NORP")]
    found = {name for name, _ in names(ActorIndex(doc)).values()}
    assert found == {"Conservative Party", "Liberal Democrats"}


def test_a_persons_span_stops_at_a_possessive(nlp: Language) -> None:
    doc = nlp("The plan challenges President Kaya's Neo-Imperial ambitions in the region.")
    doc.ents = [_ent(doc, "Kaya's Neo-Imperial", "PERSON")]
    assert names(ActorIndex(doc)) == {"Kaya": ("Kaya", "PERSON")}


def test_an_outlets_name_that_is_a_persons_surname_is_that_person(nlp: Language) -> None:
    doc = nlp("Jane Axios announced her candidacy on Monday. Axios said she would win.")
    doc.ents = [_ent(doc, "Jane Axios", "PERSON")]
    actor = ActorIndex(doc).actor_at(doc[token(doc, "Axios", 1)])
    assert actor is not None
    assert (actor.mention.name, actor.mention.type) == ("Jane Axios", "PERSON")


def test_one_word_is_the_first_of_two_surnames(nlp: Language) -> None:
    doc = nlp("Ricardo Alvarado Nieves resigned on Friday. Alvarado said he was sorry.")
    doc.ents = [_ent(doc, "Ricardo Alvarado Nieves", "PERSON")]
    actor = ActorIndex(doc).actor_at(doc[token(doc, "Alvarado", 1)])
    assert actor is not None and actor.mention.name == "Ricardo Alvarado Nieves"


def test_a_word_before_a_role_and_its_holder_is_the_body(nlp: Language) -> None:
    doc = nlp("Ferrowax general secretary Amina Bello said the strike would go on.")
    doc.ents = [_ent(doc, "Amina Bello", "PERSON")]
    found = names(ActorIndex(doc))
    assert found.get("Ferrowax") == ("Ferrowax", "ORG")
    doc = nlp("Former general secretary Amina Bello said the strike would go on.")
    doc.ents = [_ent(doc, "Amina Bello", "PERSON")]
    assert set(names(ActorIndex(doc))) == {"Amina Bello"}


def test_a_common_body_name_is_the_body_of_the_country_the_article_is_about(
    nlp: Language,
) -> None:
    india = nlp(
        "Indian ministers met in Mumbai. Congress criticised the plan in Delhi and Chennai."
    )
    actor = ActorIndex(india).actor_at(india[token(india, "Congress")])
    assert actor is not None
    assert (actor.mention.name, actor.mention.country) == ("Congress", "IND")
    us = nlp("US senators met in Ohio. Congress criticised the plan in Texas and Utah.")
    actor = ActorIndex(us).actor_at(us[token(us, "Congress")])
    assert actor is not None and actor.mention.country is None
    assert actor.mention.name == "United States Congress"


def test_a_common_party_name_of_another_country_is_left_unmapped(nlp: Language) -> None:
    doc = nlp(
        "British voters in Leeds and Manchester backed Labour. The Democrats praised the "
        "result, British officials said."
    )
    doc.ents = [*doc.ents, *(e for e in [_ent(doc, "Democrats", "NORP")] if e not in doc.ents)]
    found = {a.mention.mention: a.mention for a in ActorIndex(doc).actors()}
    assert found["Democrats"].name == "Democrats"
    assert found["Democrats"].country is None


def test_a_body_written_as_another_countrys_takes_that_country(nlp: Language) -> None:
    doc = nlp("Nigeria's House of Representatives voted on Tuesday.")
    found = {a.mention.name: a.mention for a in ActorIndex(doc).actors()}
    assert found["House of Representatives"].country == "NGA"


def test_a_knight_named_by_the_given_name_is_the_full_name(nlp: Language) -> None:
    doc = nlp("Alfred Penrose met the union leaders. Later Sir Alfred said the talks had failed.")
    knight = token(doc, "Alfred", 1)
    doc.ents = [
        _ent(doc, "Alfred Penrose", "PERSON"),
        Span(doc, knight, knight + 1, label="PERSON"),
    ]
    actor = ActorIndex(doc).actor_at(doc[knight])
    assert actor is not None and actor.mention.name == "Alfred Penrose"


def test_a_region_before_a_title_is_an_actor(nlp: Language) -> None:
    doc = nlp("The ruling was welcomed by Oregon Attorney General Dana Whitlock on Monday.")
    doc.ents = [_ent(doc, "Oregon", "GPE"), _ent(doc, "Dana Whitlock", "PERSON")]
    assert names(ActorIndex(doc)).get("Oregon") == ("Oregon", "GPE")


def test_the_currency_of_an_amount_run_onto_a_name_is_not_part_of_it(nlp: Language) -> None:
    doc = nlp("The regulator fined Zenith Airways Rs 40 lakh on Friday.")
    doc.ents = [_ent(doc, "Zenith Airways Rs", "ORG")]
    assert names(ActorIndex(doc))["Zenith Airways"] == ("Zenith Airways", "ORG")
    headline = nlp("Regulator fines Zenith Airways Rs 1")
    headline.ents = [_ent(headline, "Zenith Airways Rs 1", "ORG")]
    assert names(ActorIndex(headline))["Zenith Airways"] == ("Zenith Airways", "ORG")


def test_a_party_adjective_names_the_party_only_in_its_own_country(nlp: Language) -> None:
    us = nlp("Senator Maria Lopez of Ohio ran in the Democratic primary against Texas rivals.")
    actor = ActorIndex(us).actor_at(us[token(us, "Democratic")])
    assert actor is not None and actor.mention.name == "Democratic Party"
    japan = nlp(
        "Japanese voters in Tokyo and Osaka went to the polls. "
        "The Democratic candidate in Kyoto conceded on Sunday."
    )
    assert ActorIndex(japan).actor_at(japan[token(japan, "Democratic")]) is None


def test_members_of_a_common_body_name_are_of_the_home_countrys_body(nlp: Language) -> None:
    doc = nlp(
        "Indian ministers met in Mumbai and Delhi. Congress criticised the plan in Chennai. "
        "Hundreds of BJP and Congress workers marched in Pune."
    )
    index = ActorIndex(doc)
    group = index.group_at(doc[token(doc, "workers")])
    assert sorted(a.mention.name for a in group) == ["Bharatiya Janata Party", "Congress"]


def test_a_given_name_and_surname_the_model_missed_is_a_person(nlp: Language) -> None:
    doc = nlp("Farm law row: Anjali Verma on what the vote means for growers")
    doc.ents = []
    assert names(ActorIndex(doc))["Anjali Verma"] == ("Anjali Verma", "PERSON")


def test_two_tags_in_a_row_that_name_a_known_body_are_one_name(nlp: Language) -> None:
    doc = nlp("The Liberal Democrat spokesman Ivo Renn attacked the plan on Monday.")
    first, second = token(doc, "Liberal"), token(doc, "Democrat")
    doc.ents = [Span(doc, first, second, label="ORG"), Span(doc, second, second + 1, "NORP")]
    found = names(ActorIndex(doc))
    assert found["Liberal Democrat"] == ("Liberal Democrats", "ORG")
    assert "Liberal" not in found


def test_capitalised_words_after_a_tag_that_complete_a_known_name(nlp: Language) -> None:
    doc = nlp("The Scottish Executive refused, and the European Anti-Fraud Office agreed.")
    scottish, european = token(doc, "Scottish"), token(doc, "European")
    doc.ents = [
        Span(doc, scottish, scottish + 1, label="NORP"),
        Span(doc, european, european + 1, label="NORP"),
    ]
    found = names(ActorIndex(doc))
    assert found["Scottish Executive"] == ("Scottish Government", "ORG")
    assert found["European Anti-Fraud Office"] == ("European Anti-Fraud Office", "ORG")
    assert "Anti-Fraud Office" not in found


def test_a_title_run_into_a_known_body_is_left_out_of_its_name(nlp: Language) -> None:
    doc = nlp("The Conservative Party Co-Chairman said the plan was costed.")
    doc.ents = [Span(doc, 0, token(doc, "said"), label="ORG")]
    assert doc.ents[0].text == "The Conservative Party Co-Chairman"
    found = names(ActorIndex(doc))
    assert found == {"Conservative Party": ("Conservative Party", "ORG")}


def test_a_party_adjective_before_a_lower_case_role_names_the_party(nlp: Language) -> None:
    found = names(ActorIndex(nlp("Conservative co-chairman Ivo Renn said the party would win.")))
    assert found["Conservative"] == ("Conservative Party", "ORG")
    nominee = names(ActorIndex(nlp("Libertarian presidential nominee Ivo Renn lost.")))
    assert nominee["Libertarian"] == ("Libertarian Party", "ORG")
    assert "Conservative" not in names(ActorIndex(nlp("Conservative critics say it will fail.")))


def test_a_given_name_joined_to_a_full_name_shares_its_surname(nlp: Language) -> None:
    index = ActorIndex(nlp("The film by Tomas and Marek Novak angered the bishops."))
    found = names(index)
    assert found["Tomas"] == ("Tomas Novak", "PERSON")
    assert found["Marek Novak"][0] == "Marek Novak"
    other = names(ActorIndex(nlp("Okonkwo and Marek Novak met in Prague on Monday.")))
    assert not any(name == "Okonkwo Novak" for name, _ in other.values())


def test_a_legislators_party_tag_names_the_party(nlp: Language) -> None:
    doc = nlp("Senator Ada Kell (D-MA) and Rep. Ivo Renn, R-Ohio, backed the bill.")
    found = names(ActorIndex(doc))
    assert found["D-MA"] == ("Democratic Party", "ORG")
    assert found["R-Ohio"] == ("Republican Party", "ORG")
    assert "Ohio" not in found


def test_the_lords_and_the_commons_are_the_houses_of_parliament(nlp: Language) -> None:
    doc = nlp("The reform was defeated in the Lords, and ministers will take it to the Commons.")
    found = {name for name, _ in names(ActorIndex(doc)).values()}
    assert {"House of Lords", "House of Commons"} <= found


def test_a_surname_tagged_as_a_nationality_becomes_the_person(nlp: Language) -> None:
    doc = nlp("Mark Jorgensen won the election. The new Jorgensen government raised taxes.")
    start = token(doc, "Jorgensen", 1)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, start, start + 1, label="NORP")]
    actor = ActorIndex(doc).actor_at(doc[start])
    assert actor is not None
    assert (actor.mention.name, actor.mention.type) == ("Mark Jorgensen", "PERSON")


def test_a_capital_a_statement_comes_from_is_its_state(nlp: Language) -> None:
    doc = nlp("Ministers in Oslo rejected the claim from Berlin as groundless.")
    assert names(ActorIndex(doc))["Berlin"][0] == "Germany"
    doc = nlp("Flights from Berlin were cancelled on Monday.")
    assert names(ActorIndex(doc)).get("Berlin", ("Berlin",))[0] != "Germany"


def test_a_qualified_brief_before_a_role_is_part_of_the_title(nlp: Language) -> None:
    doc = nlp("Officials praised Union Sports Minister Ravi Nandan for the new law.")
    assert set(names(ActorIndex(doc))) == {"Ravi Nandan"}


def test_a_house_before_its_committee_in_lower_case_is_no_actor(nlp: Language) -> None:
    doc = nlp("Ann Vale, chairman of the Commons transport committee, said fares must fall.")
    assert "House of Commons" not in {name for name, _ in names(ActorIndex(doc)).values()}


def test_a_name_after_a_noun_for_an_organisation_is_one(nlp: Language) -> None:
    doc = nlp(
        "The software company Blue Lantern said on Monday it would close. "
        "Two months later, Blue Lantern was bought by a rival."
    )
    second = token(doc, "Blue", 1)
    doc.ents = [Span(doc, 3, 5, label="ORG"), Span(doc, second, second + 2, label="PERSON")]
    found = names(ActorIndex(doc))
    assert found["Blue Lantern"] == ("Blue Lantern", "ORG")


def test_a_title_alone_tagged_as_a_person_is_no_actor(nlp: Language) -> None:
    doc = nlp("Vice President said on Monday that Senator Ria Dole would vote against it.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 7, 9, label="PERSON")]
    found = names(ActorIndex(doc))
    assert "Vice President" not in found
    assert "Ria Dole" in found


def test_a_body_named_with_a_link_word_before_a_role_is_whole(nlp: Language) -> None:
    for body in ("Commission for Rural Housing", "Commission for Racial Equality"):
        doc = nlp(f"{body} chairman Ada Mole said the plan was late.")
        found = names(ActorIndex(doc))
        assert found[body] == (body, "ORG")
        assert found["Ada Mole"] == ("Ada Mole", "PERSON")
        assert len(found) == 2


def test_a_known_name_the_tagger_calls_a_noun_is_a_name_where_written_as_one(
    nlp: Language,
) -> None:
    doc = nlp("Tories say the plan failed. Later, the Tories' leader spoke in Leeds.")
    assert doc[0].pos_ != "PROPN"
    found = [a.mention.name for a in ActorIndex(doc).actors() if a.span.start == 0]
    assert found == ["Conservative Party"]


def test_one_title_word_after_a_courtesy_title_is_no_actor(nlp: Language) -> None:
    doc = nlp("She ran for the Lord Mayor of Leeds. Mayor Jo Bell spoke on Monday.")
    lord = token(doc, "Lord")
    doc.ents = [Span(doc, lord, lord + 2, label="PERSON")] + [
        ent for ent in doc.ents if ent.start > lord + 1
    ]
    found = names(ActorIndex(doc))
    assert "Mayor" not in found
    assert "Jo Bell" in found


def test_a_demonym_with_an_article_of_its_own_is_the_state(nlp: Language) -> None:
    doc = nlp("The Spanish handed control of Florida to the United States in 1821.")
    assert doc[1].dep_ == "amod"
    actor = ActorIndex(doc).actor_at(doc[1])
    assert actor is not None and actor.mention.name == "Spain"
    doc = nlp("The French government ceded the fort to Spain.")
    assert ActorIndex(doc).actor_at(doc[token(doc, "French")]).mention.name == "Government (France)"


def test_a_party_the_tagger_calls_a_noun_is_the_party_as_a_subject(nlp: Language) -> None:
    doc = nlp("Tories argue the tax rise is unfair to pensioners.")
    assert doc[0].pos_ != "PROPN"
    actor = ActorIndex(doc).actor_at(doc[0])
    assert actor is not None and actor.mention.name == "Conservative Party"


def test_a_day_tag_does_not_cut_a_known_name_it_sits_in(nlp: Language) -> None:
    doc = nlp("The minister wrote an article for the Mail on Sunday about the cuts.")
    found = names(ActorIndex(doc))
    assert found["Mail on Sunday"] == ("The Mail on Sunday", "ORG")
    doc = nlp("Thousands of workers marched through Leeds on Labour Day.")
    assert "Labour Party" not in {name for name, _ in names(ActorIndex(doc)).values()}


def test_a_union_named_with_and_before_a_lower_case_union_is_one_body(nlp: Language) -> None:
    doc = nlp("Ann Ford, of the Public and Commercial Services union, said staff would strike.")
    found = {name for name, _ in names(ActorIndex(doc)).values()}
    assert found == {"Ann Ford", "Public and Commercial Services Union"}


def test_a_committee_written_in_lower_case_is_named_by_what_it_oversees(
    nlp: Language,
) -> None:
    doc = nlp("The Commons transport committee criticised the rail plan.")
    assert names(ActorIndex(doc))["Commons transport committee"][1] == "ORG"
    doc = nlp("Members of the parliament's health and social care committee visited Leeds.")
    assert "health and social care committee" in names(ActorIndex(doc))
    doc = nlp("The influential defence committee will report, and a select committee met.")
    assert set(names(ActorIndex(doc))) == {"defence committee"}
    doc = nlp("The bill reached committee stage on Monday.")
    assert names(ActorIndex(doc)) == {}
