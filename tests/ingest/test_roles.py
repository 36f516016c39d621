"""Roles and structural relations from titles, appositions and possessives."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from polgraph.ingest.entities import ActorIndex
from polgraph.ingest.nlp import load_model
from polgraph.ingest.records import ArticleRef, Evidence
from polgraph.ingest.roles import role_table, role_triples, sentence_roles


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def roles(nlp: Language, text: str) -> set[tuple[str, str, str, str | None, bool]]:
    doc = nlp(text)
    index = ActorIndex(doc)
    return {
        (r.holder.name, r.type, r.target.name, r.role, r.former)
        for sentence in doc.sents
        for r in sentence_roles(sentence, index)
    }


def test_title_compound_spokesperson(nlp: Language) -> None:
    found = roles(nlp, "White House spokeswoman Karine Jean-Pierre declined to comment.")
    assert ("Karine Jean-Pierre", "SPOKESPERSON_FOR", "White House", "spokeswoman", False) in found


def test_former_adviser_of_a_person(nlp: Language) -> None:
    found = roles(nlp, "Former Obama adviser David Axelrod criticised the campaign on Sunday.")
    assert ("David Axelrod", "ADVISER_TO", "Barack Obama", "adviser", True) in found or (
        "David Axelrod",
        "ADVISER_TO",
        "Obama",
        "adviser",
        True,
    ) in found


def test_multiword_role_leads_an_organisation(nlp: Language) -> None:
    found = roles(nlp, "Amazon chief executive Andy Jassy announced the cuts.")
    assert ("Andy Jassy", "LEADER_OF", "Amazon", "chief executive", False) in found


def test_demonym_gives_the_country_of_a_minister(nlp: Language) -> None:
    found = roles(nlp, "Chinese Foreign Minister Wang Yi arrived in Jakarta.")
    assert ("Wang Yi", "MEMBER_OF", "China", "Foreign Minister", False) in found


def test_apposition_with_of_and_a_deputy_is_membership(nlp: Language) -> None:
    found = roles(
        nlp,
        "Katarina Novak, deputy chairman of the European Parliament, rejected the proposal.",
    )
    assert ("Katarina Novak", "MEMBER_OF", "European Parliament", "deputy chairman", False) in (
        found
    )


def test_apposition_spokesperson_for(nlp: Language) -> None:
    found = roles(
        nlp, "Rajesh Kumar, a spokesman for the World Health Organization, confirmed the figure."
    )
    assert (
        "Rajesh Kumar",
        "SPOKESPERSON_FOR",
        "World Health Organization",
        "spokesman",
        False,
    ) in found


def test_possessive_person_leads_named_company(nlp: Language) -> None:
    found = roles(nlp, "Investors doubted that Zuckerberg's Meta could recover quickly.")
    assert any(h.endswith("Zuckerberg") and t == "LEADER_OF" and o == "Meta"
               for h, t, o, _, _ in found)  # fmt: skip


def test_possessive_pronoun_owns_the_named_thing(nlp: Language) -> None:
    found = roles(nlp, "Jeff Bezos said he would fly his New Shepard rocket again.")
    assert ("Jeff Bezos", "OWNS", "New Shepard rocket", None, False) in found


def test_a_later_apposition_of_the_same_noun_is_not_the_holder(nlp: Language) -> None:
    found = roles(
        nlp, "With former Obama adviser David Axelrod attacking Jill Stein, the row grew."
    )
    assert not [r for r in found if r[0] == "Jill Stein"]


def test_role_triples_are_structural(nlp: Language) -> None:
    doc = nlp("NATO Secretary General Mark Rutte met the press.")
    sentence = next(doc.sents)
    evidence = Evidence(sentence.text, 0, len(sentence.text))
    triples = role_triples(sentence, ActorIndex(doc), ArticleRef(id="a1"), evidence)
    assert triples
    relation = triples[0].relation
    assert (triples[0].subject.name, relation.type, triples[0].object.name) == (
        "Mark Rutte",
        "LEADER_OF",
        "NATO",
    )
    assert relation.quad_class == 0 and relation.role == "Secretary General"
    assert relation.rule == "title"


def test_role_table_prefers_the_longest_role() -> None:
    table = role_table()
    assert table.lookup(["deputy", "chief", "executive"]) == ("chief executive", "LEADER_OF")
    assert table.lookup(["press", "secretary"]) == ("press secretary", "SPOKESPERSON_FOR")
    assert table.lookup(["weather"]) is None


def test_a_city_office_is_of_the_city_not_the_country(nlp: Language) -> None:
    found = roles(nlp, "Paris mayor Anne Hidalgo opened the new bridge.")
    assert ("Anne Hidalgo", "LEADER_OF", "Paris", "mayor", False) in found


def leaders(nlp: Language, text: str) -> list[str]:
    """LEADER_OF targets when the model tags "Reeves" a person and "Budget" an organisation."""
    doc = nlp(text)
    at = {t.text: t.i for t in doc}
    doc.ents = [
        Span(doc, at["Reeves"], at["Reeves"] + 1, label="PERSON"),
        Span(doc, at["Budget"], at["Budget"] + 1, label="ORG"),
    ]
    index = ActorIndex(doc)
    found = [r for s in doc.sents for r in sentence_roles(s, index)]
    return [r.target.name for r in found if r.type == "LEADER_OF"]


def test_a_capitalised_common_noun_is_not_a_company_led(nlp: Language) -> None:
    assert leaders(nlp, "Critics said Reeves's Budget would raise taxes.") == ["Budget"]
    assert leaders(nlp, "Critics said Reeves's Budget would raise taxes. The budget passed.") == []


def test_known_actors_in_a_compound_are_not_products(nlp: Language) -> None:
    found = roles(nlp, "Olaf Scholz called his EU counterparts on Friday.")
    assert not [r for r in found if r[1] == "OWNS"]


def test_party_adjective_names_the_party(nlp: Language) -> None:
    found = roles(nlp, "Republican senator Rand Paul objected to the bill.")
    assert ("Rand Paul", "MEMBER_OF", "Republican Party", "senator", False) in found


def test_a_ministers_brief_is_part_of_the_title(nlp: Language) -> None:
    doc = nlp("The new Home Secretary Charles Clarke defended the plan.")
    home = [t.i for t in doc if t.text == "Home"][0]
    doc.ents = [Span(doc, home, home + 1, label="ORG")]
    index = ActorIndex(doc)
    assert index.actor_at(doc[home]) is None


def test_kin_and_things_named_like_titles_hold_no_place(nlp: Language) -> None:
    assert not roles(nlp, "Simu Liu is to play the titular character in Marvel film Shang-Chi.")
    assert not roles(nlp, "She wore a costume based on Hellboy character Abe Sapien at the fair.")
    text = "The campaign was run by Veranika Tsapkala, wife of Valery Tsapkala, a candidate."
    assert not any(t == "MEMBER_OF" for _, t, _, _, _ in roles(nlp, text))


def test_an_owned_things_name_is_repaired_like_a_span(nlp: Language) -> None:
    text = (
        "Hurricane Humberto was moving north. The NHC's \"Hurricane Humberto Intermediate "
        'Advisory Number 25A", released at 8:00 p.m., said winds had risen.'
    )
    assert not any(o.startswith("Hurricane") for _, _, o, _, _ in roles(nlp, text))


def test_the_governor_of_the_state_of_a_place_leads_that_place(nlp: Language) -> None:
    found = roles(
        nlp, "Kathy Hochul was sworn in on Tuesday as the governor of the state of New York."
    )
    assert {(h, t, o) for h, t, o, _, _ in found} == {("Kathy Hochul", "LEADER_OF", "New York")}


def test_an_office_given_to_an_object_is_not_the_subjects_whatever_its_label(
    nlp: Language,
) -> None:
    """ "Vázquez appointed Rivera as secretary of state": the parser sometimes labels the
    appointee `oprd`; the office is still Rivera's, not the subject's."""
    from spacy.tokens import Doc

    from polgraph.ingest.roles import _as_role

    words = ["Vázquez", "appointed", "Rivera", "as", "secretary", "of", "state", "."]
    for label in ("dobj", "oprd"):
        doc = Doc(
            nlp.vocab,
            words=words,
            heads=[1, 1, 1, 1, 3, 4, 5, 1],
            deps=["nsubj", "ROOT", label, "prep", "pobj", "prep", "pobj", "punct"],
        )
        assert list(_as_role(doc[1])) == []
    doc = Doc(
        nlp.vocab,
        words=["Vázquez", "resigned", "as", "secretary", "."],
        heads=[1, 1, 1, 2, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
    )
    assert [t.text for t in _as_role(doc[1])] == ["secretary"]


def pairs(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    return {(holder, kind, target) for holder, kind, target, _, _ in roles(nlp, text)}


def test_first_conjunct_of_a_title_keeps_its_party_not_the_constituency(nlp: Language) -> None:
    found = pairs(
        nlp, "Veteran Labour MP from Leeds and former teacher Margaret Holloway spoke first."
    )
    assert ("Margaret Holloway", "MEMBER_OF", "Labour Party") in found
    assert not any(target == "Leeds" for _, _, target in found)


def test_party_colleague_and_peer_are_members(nlp: Language) -> None:
    found = pairs(nlp, "He was backed by his Labour colleague Peter Hain on Monday.")
    assert ("Peter Hain", "MEMBER_OF", "Labour Party") in found
    found = pairs(nlp, "Tory peer Lord Hesketh said the plan was unworkable.")
    assert ("Hesketh", "MEMBER_OF", "Conservative Party") in found or (
        "Lord Hesketh",
        "MEMBER_OF",
        "Conservative Party",
    ) in found


def test_relative_clause_gives_an_office(nlp: Language) -> None:
    found = pairs(
        nlp,
        "Anna Kowalska, who is also the chairwoman of the National Renewal Party, "
        "denied the claim.",
    )
    assert ("Anna Kowalska", "LEADER_OF", "National Renewal Party") in found
    found = pairs(nlp, "Tom Reyes, who served as treasurer of the Green Party, resigned.")
    assert any(h == "Tom Reyes" and t == "Green Party" for h, _, t in found)


def test_plural_role_after_a_copula(nlp: Language) -> None:
    found = pairs(nlp, "Mark Jones and Sara Evans are now members of the Green Party.")
    assert ("Mark Jones", "MEMBER_OF", "Green Party") in found
    assert ("Sara Evans", "MEMBER_OF", "Green Party") in found


def test_coordinated_role_nouns_share_their_body(nlp: Language) -> None:
    found = pairs(
        nlp,
        "The letter named Ines Moreau, the then chair and spokesperson for the Socialist "
        "Party, as its author.",
    )
    assert ("Ines Moreau", "LEADER_OF", "Socialist Party") in found


def test_indefinite_leader_of_a_group_named_before_it_leads_no_place(nlp: Language) -> None:
    found = pairs(nlp, "The seat went to Ravi Sharma, a Gujjar leader of East Rajasthan.")
    assert not any(h == "Ravi Sharma" and k == "LEADER_OF" for h, k, _ in found)


def test_indefinite_leader_of_a_party_is_a_member(nlp: Language) -> None:
    found = pairs(nlp, "The motion was tabled by Karl Berg, a leader of the Social Democrats.")
    assert not any(h == "Karl Berg" and k == "LEADER_OF" for h, k, _ in found)


def test_role_of_a_body_written_before_the_name(nlp: Language) -> None:
    found = pairs(nlp, "Protesters booed the President of France Emmanuel Macron in Lyon.")
    assert ("Emmanuel Macron", "LEADER_OF", "France") in found


def test_former_vice_office_of_a_body_before_the_name(nlp: Language) -> None:
    found = roles(nlp, "Later, former Vice President of Brazil Hamilton Mourao won the seat.")
    assert ("Hamilton Mourao", "MEMBER_OF", "Brazil", "Vice President", True) in found
    assert not any(kind == "LEADER_OF" for _, kind, _, _, _ in found)


def test_title_in_a_list_the_parser_hangs_as_an_object(nlp: Language) -> None:
    """The parse a list often gets ("..., Sky News producer X, and Y"), pinned: the role
    noun as the clause's root and the name as its object."""
    words = [
        "Tributes",
        "came",
        "from",
        "users",
        ",",
        "Al",
        "Jazeera",
        "cameraman",
        "Omar",
        "Haddad",
        ".",
    ]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 7, 1, 2, 7, 6, 7, 7, 9, 7, 7],
        deps=["nsubj", "ccomp", "prep", "pobj", "punct", "compound", "nsubj", "ROOT"]
        + ["compound", "dobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "NOUN", "PUNCT", "PROPN", "PROPN", "NOUN"]
        + ["PROPN", "PROPN", "PUNCT"],
        tags=["NNS", "VBD", "IN", "NNS", ",", "NNP", "NNP", "NN", "NNP", "NNP", "."],
        ents=["O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"],
        sent_starts=[True] + [False] * 10,
    )
    found = {
        (r.holder.name, r.type, r.target.name) for r in sentence_roles(doc[:], ActorIndex(doc))
    }
    assert ("Omar Haddad", "MEMBER_OF", "Al Jazeera") in found


def test_office_read_as_a_generic_agent_keeps_its_body(nlp: Language) -> None:
    found = pairs(
        nlp, "Maria Lopez, the Mexican ambassador to the Organization of American States, resigned."
    )
    assert ("Maria Lopez", "REPRESENTS", "Organization of American States") in found


def test_a_conjoined_name_without_a_role_noun_takes_no_title(nlp: Language) -> None:
    found = pairs(
        nlp,
        "Fox News anchor and former George Bush aide Dana Perino said the visit was routine.",
    )
    assert not any(h == "George Bush" for h, _, _ in found)


def test_a_title_with_its_own_name_is_not_the_apposition_of_the_name_before(
    nlp: Language,
) -> None:
    """ "statues of Robert Peel, US presidents Andrew Jackson and ...", with the parse a
    list like that gets pinned: the role noun as an apposition of the first name."""
    words = ["Crowds", "toppled", "statues", "of", "Robert", "Peel", ",", "US", "presidents"]
    words += ["Andrew", "Jackson", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 1, 2, 5, 3, 5, 8, 5, 10, 8, 1],
        deps=["nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "punct", "compound"]
        + ["appos", "compound", "appos", "punct"],
        pos=["NOUN", "VERB", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "NOUN"]
        + ["PROPN", "PROPN", "PUNCT"],
        tags=["NNS", "VBD", "NNS", "IN", "NNP", "NNP", ",", "NNP", "NNS", "NNP", "NNP", "."],
        lemmas=[w.lower() for w in words[:8]] + ["president", "andrew", "jackson", "."],
        ents=["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"]
        + ["B-PERSON", "I-PERSON", "O"],
        sent_starts=[True] + [False] * 11,
    )
    found = {
        (r.holder.name, r.type, r.target.name) for r in sentence_roles(doc[:], ActorIndex(doc))
    }
    assert not any(holder == "Robert Peel" for holder, _, _ in found)
    assert ("Andrew Jackson", "LEADER_OF", "United States") in found


def test_a_candidate_runs_in_a_country_without_belonging_to_it(nlp: Language) -> None:
    found = pairs(nlp, "French presidential candidate Laura Kim held a rally in Lyon.")
    assert not any(h == "Laura Kim" and t == "France" for h, _, t in found)
    found = pairs(nlp, "Labour candidate Laura Kim held a rally in Leeds.")
    assert ("Laura Kim", "MEMBER_OF", "Labour Party") in found


def test_a_described_holder_takes_the_office_of_the_description(nlp: Language) -> None:
    found = roles(
        nlp,
        "The new finance minister for Scotland says the budget must be cut. "
        "Fiona Grant told reporters that schools would be spared.",
    )
    assert ("Fiona Grant", "MEMBER_OF", "Scotland", "new finance minister", False) in found


def test_a_party_adjective_on_its_race_names_the_runners_party(nlp: Language) -> None:
    found = roles(
        nlp, "Tom Baker, who was a candidate in the Democratic primaries, ended his campaign."
    )
    assert ("Tom Baker", "MEMBER_OF", "Democratic Party", "candidate", False) in found
    assert not roles(nlp, "Peter Brown was a candidate in the local elections.")


def test_an_ambassador_named_by_country_represents_that_country(nlp: Language) -> None:
    found = roles(nlp, "Jane Doe served as the British ambassador to the European Union.")
    assert ("Jane Doe", "REPRESENTS", "European Union", "ambassador", False) in found
    assert ("Jane Doe", "REPRESENTS", "United Kingdom", "ambassador", False) in found


def test_a_party_name_before_a_persons_labels_the_member(nlp: Language) -> None:
    found = roles(
        nlp,
        "The panel, including Labour's Rhona Tillet and Idris Mawr and Republican Dale "
        "Voss, backed the plan. Tesla's Ona Brisk stayed away.",
    )
    members = {(holder, target) for holder, kind, target, _, _ in found if kind == "MEMBER_OF"}
    assert ("Rhona Tillet", "Labour Party") in members
    assert ("Idris Mawr", "Labour Party") in members
    assert ("Dale Voss", "Republican Party") in members
    assert not any(holder == "Ona Brisk" for holder, _ in members)


def test_a_legislators_party_tag_makes_a_member(nlp: Language) -> None:
    found = roles(nlp, "Senator Ada Kell (D-MA) criticised the bank on Monday.")
    assert ("Ada Kell", "MEMBER_OF", "Democratic Party", None, False) in found
    listed = roles(nlp, "Ada Kell, Labour and the Greens agreed on Monday.")
    assert not any(kind == "MEMBER_OF" for _, kind, _, _, _ in listed)


def test_a_bare_brief_after_a_title_is_no_body(nlp: Language) -> None:
    """ "Secretary of Transportation" names an office; "of the Treasury" is the department."""
    found = roles(nlp, "The letter went to Dana Ross, the Secretary of Transportation, on Monday.")
    assert not any(target == "Transportation" for _, _, target, _, _ in found)
    found = roles(nlp, "Steven Mnuchin, the Secretary of the Treasury, met Japanese officials.")
    assert any(target == "Treasury" for _, _, target, _, _ in found)


def test_a_body_after_the_name_with_of_or_from_is_the_persons(nlp: Language) -> None:
    found = pairs(nlp, "Mike Doe, of the League Against Cruel Sports, told reporters it was wrong.")
    assert ("Mike Doe", "MEMBER_OF", "League Against Cruel Sports") in found
    found = pairs(nlp, "Brad Roe, from Human Rights Watch, said the decision was wrong.")
    assert ("Brad Roe", "MEMBER_OF", "Human Rights Watch") in found


def test_a_place_after_the_name_is_a_seat_only_under_a_title(nlp: Language) -> None:
    found = pairs(nlp, "US Senator John Doe of Massachusetts won the caucuses.")
    assert any(h == "John Doe" and t == "Massachusetts" for h, _, t in found)
    found = pairs(nlp, "Ann Roe from Manchester said the decision was wrong.")
    assert not any(t == "Manchester" for _, _, t in found)


def test_a_title_joined_by_and_before_another_bodys_title(nlp: Language) -> None:
    found = pairs(
        nlp, "Veteran Labour MP and former Cabinet minister John Doe said he would stand down."
    )
    assert ("John Doe", "MEMBER_OF", "Labour Party") in found
    assert ("John Doe", "MEMBER_OF", "Cabinet") in found


def test_a_pronoun_resolved_to_a_person_holds_the_office_a_copula_gives(
    nlp: Language,
) -> None:
    found = pairs(nlp, "Jane Roe won the vote. She is a member of the Widget Council.")
    assert ("Jane Roe", "MEMBER_OF", "Widget Council") in found
    found = pairs(nlp, "Jane Roe joined in 1990. She became leader of the Freedom Party in 2001.")
    assert ("Jane Roe", "LEADER_OF", "Freedom Party") in found


def test_chief_ministers_judges_and_agents_are_titles(nlp: Language) -> None:
    found = pairs(nlp, "Assam CM Himanta Doe sparked a row on Monday.")
    assert ("Himanta Doe", "LEADER_OF", "Assam") in found
    found = pairs(nlp, "Retired FBI agent and terrorism specialist John Doe told NPR it was weak.")
    assert ("John Doe", "MEMBER_OF", "FBI") in found


def test_a_role_phrase_opening_the_sentence_before_a_comma_is_the_names(
    nlp: Language,
) -> None:
    found = pairs(nlp, "The new chairman of the Bar Council, John Doe QC warned of a real risk.")
    assert any(h.startswith("John Doe") and t == "Bar Council" for h, _, t in found)
    found = pairs(nlp, "After meeting the head of the IMF, John Doe said the talks went well.")
    assert not any(h == "John Doe" for h, _, _ in found)


def test_a_party_before_a_courtesy_title_and_name(nlp: Language) -> None:
    found = pairs(nlp, "Ken Doe spoke on Monday. Labour's Mr Doe, who says he is right, went on.")
    assert ("Ken Doe", "MEMBER_OF", "Labour Party") in found
    found = pairs(nlp, "Tory colleague Mr Doe said nothing.")
    assert any(k == "MEMBER_OF" and t == "Conservative Party" for _, k, t in found)


def test_an_organisations_person_and_a_states_body(nlp: Language) -> None:
    found = pairs(nlp, "BBC's Jonathan Doe said questions remain.")
    assert ("Jonathan Doe", "MEMBER_OF", "BBC") in found
    found = pairs(nlp, "Brazil's National Institute for Space Research reported more fires.")
    assert ("National Institute for Space Research", "PART_OF", "Brazil") in found
    found = pairs(nlp, "London's Metropolitan Police said nothing.")
    assert not any(k == "PART_OF" for _, k, _ in found)


def test_a_plural_title_is_each_coordinated_names(nlp: Language) -> None:
    found = pairs(nlp, "Two Democratic Representatives, Colin Doe and Jeff Roe, opposed both.")
    assert any(h == "Colin Doe" and t == "Democratic Party" for h, _, t in found)
    assert any(h == "Jeff Roe" and t == "Democratic Party" for h, _, t in found)
    found = pairs(nlp, "Republican Senators John Doe and Jane Roe voted no.")
    assert ("Jane Roe", "MEMBER_OF", "Republican Party") in found
    found = pairs(nlp, "Labour MP John Doe and Jane Roe met.")
    assert not any(h == "Jane Roe" for h, _, _ in found)


def test_an_international_bodys_branch_is_no_part_of_the_state(nlp: Language) -> None:
    found = pairs(nlp, "The head of Chile's Amnesty International, Ana Roe, spoke.")
    assert not any(k == "PART_OF" for _, k, _ in found)
    found = pairs(nlp, "Britain's Labour Party won the vote.")
    assert ("Labour Party", "PART_OF", "United Kingdom") in found


def test_a_possessive_only_the_tagger_calls_an_organisation_gives_no_member(
    nlp: Language,
) -> None:
    found = pairs(nlp, "The question from Derby North's Bob Roe asked about schools.")
    assert not any(t == "Derby North" for _, _, t in found)


def test_a_persons_party_is_the_one_the_article_means(nlp: Language) -> None:
    doc = nlp(
        "Labour MP Maria Okafor toured Devon on Friday. She said her party would double its seats."
    )
    index = ActorIndex(doc)
    second = list(doc.sents)[1]
    found = {(r.holder.name, r.type, r.target.name) for r in sentence_roles(second, index)}
    assert ("Maria Okafor", "MEMBER_OF", "Labour Party") in found


def test_a_possessive_union_with_its_name_in_apposition(nlp: Language) -> None:
    found = roles(nlp, "Tom Hardcastle's union, the Fire Brigades Union, called a strike.")
    assert ("Tom Hardcastle", "MEMBER_OF", "Fire Brigades Union", None, False) in found


def test_a_postpositive_general_keeps_the_body_of_its_role(nlp: Language) -> None:
    found = roles(
        nlp, "Anne Kowalski, director general of the Confederation of British Industry, spoke."
    )
    assert any(
        h == "Anne Kowalski" and t == "LEADER_OF" and o == "Confederation of British Industry"
        for h, t, o, _, _ in found
    )


def test_a_party_word_in_lower_case_is_no_party_label(nlp: Language) -> None:
    found = roles(nlp, "Veteran republican Seamus Doyle was elected at 22.")
    assert not [r for r in found if r[2] == "Republican Party"]


def test_a_states_presidency_of_a_body_leads_it(nlp: Language) -> None:
    found = roles(nlp, "Ministers met during Finland's presidency of the EU and of Nato.")
    assert ("Finland", "LEADER_OF", "European Union", "presidency", False) in found
    compound = roles(
        nlp, "Officials said the Irish government would use the Ireland presidency of the EU."
    )
    assert ("Ireland", "LEADER_OF", "European Union", "presidency", False) in compound
    assert not roles(nlp, "Critics of the Obama presidency gathered in Boston.")


def test_names_the_parser_joined_to_a_plural_title_share_it(nlp: Language) -> None:
    found = roles(
        nlp, "Two Democratic Representatives, Collin Peterson and Jeff Van Drew, voted no."
    )
    holders = {r[0] for r in found if r[2] == "Democratic Party"}
    assert holders == {"Collin Peterson", "Jeff Van Drew"}


def test_a_party_plural_in_apposition_makes_each_name_a_member(nlp: Language) -> None:
    found = roles(nlp, "Three Labour MPs, Jane Doe, Tom Roe and Ann Poe, rebelled.")
    members = {r[0] for r in found if r[1] == "MEMBER_OF" and r[2] == "Labour Party"}
    assert members == {"Jane Doe", "Tom Roe", "Ann Poe"}


def test_a_known_bodys_own_organ_is_part_of_it(nlp: Language) -> None:
    found = roles(nlp, "The plan was backed by Labour's ruling National Executive Committee.")
    assert ("National Executive Committee", "PART_OF", "Labour Party", None, False) in found


def test_a_persons_years_in_a_body_make_a_member(nlp: Language) -> None:
    found = roles(nlp, "Mr Okonjo said that during his 30 years in the Senate he had seen worse.")
    assert any(h.endswith("Okonjo") and t == "MEMBER_OF" and o == "Senate"
               for h, t, o, _, _ in found)  # fmt: skip


def test_service_in_a_who_clause_and_after_and(nlp: Language) -> None:
    found = roles(
        nlp,
        "The oldest was Tory Henry Walden, who won the seat in 1910 and served in "
        "Parliament for 40 years.",
    )
    assert ("Henry Walden", "MEMBER_OF", "Parliament", None, False) in found


def test_a_chain_of_appositive_offices_keeps_the_later_one(nlp: Language) -> None:
    found = roles(
        nlp,
        "Adam Ferris, an activist and currently a candidate for the Libertarian Party's "
        "presidential nomination, spoke on Friday.",
    )
    assert ("Adam Ferris", "MEMBER_OF", "Libertarian Party", "candidate", False) in found


def test_a_party_members_word_in_apposition_makes_a_member(nlp: Language) -> None:
    found = roles(nlp, "Senator Tom Whitcombe, a Democrat from Ohio, objected to the bill.")
    assert ("Tom Whitcombe", "MEMBER_OF", "Democratic Party", None, False) in found
    listed = roles(nlp, "Jane Whitcombe, the Labour Party and the unions agreed the plan.")
    assert not [r for r in listed if r[0] == "Jane Whitcombe"]


def test_a_state_named_a_member_of_a_body_belongs_to_it(nlp: Language) -> None:
    assert ("Turkey", "MEMBER_OF", "NATO", None, False) in roles(
        nlp, "Turkey, a Nato member, bought the missiles anyway."
    )
    listed = roles(nlp, "Aid came from the European Union member states of Austria and Malta.")
    assert {r[0] for r in listed if r[1:3] == ("MEMBER_OF", "European Union")} == {
        "Austria",
        "Malta",
    }
    assert not roles(nlp, "The leaders of France and Italy met in Rome.")


def test_working_with_a_body_is_no_membership(nlp: Language) -> None:
    assert not roles(nlp, "Jane Okafor worked with the Labour Party for years.")
    assert ("Jane Okafor", "MEMBER_OF", "Royal Marines", None, False) in roles(
        nlp, "Jane Okafor served with the Royal Marines."
    )


def test_a_title_with_to_before_the_name_is_held_at_that_body(nlp: Language) -> None:
    found = roles(nlp, "But Chief Secretary to the Treasury Harriet Mbeki defended the plans.")
    assert ("Harriet Mbeki", "MEMBER_OF", "Treasury", "Chief Secretary", False) in found
    assert not roles(nlp, "He sent a letter to the Treasury on Monday, Harriet Mbeki wrote.")


def test_a_seat_given_in_a_body_makes_a_member_not_the_giver(nlp: Language) -> None:
    assert ("Ruth Amadi", "MEMBER_OF", "Senate", None, False) in roles(
        nlp, "Ruth Amadi, who was elected to the Senate in 2012, spoke first."
    )
    found = roles(nlp, "Ruth Amadi appointed Tom Kessler to the Supreme Court.")
    assert {r[0] for r in found if r[1] == "MEMBER_OF"} == {"Tom Kessler"}


def test_an_office_taken_as_in_a_participle_after_the_name(nlp: Language) -> None:
    found = roles(nlp, "Jane Kessler, speaking as Labour's health spokeswoman, attacked the plan.")
    assert ("Jane Kessler", "SPOKESPERSON_FOR", "Labour Party") in {r[:3] for r in found}


def test_a_persons_role_as_an_office_is_held(nlp: Language) -> None:
    found = roles(
        nlp, "Critics recalled Don Farrell's role as chief executive of Halvorsen Mining Corp."
    )
    assert ("Don Farrell", "LEADER_OF", "Halvorsen Mining Corp.") in {r[:3] for r in found}


def test_a_place_called_a_state_of_a_country_is_part_of_it(nlp: Language) -> None:
    found = roles(nlp, "Bavaria is the largest state in Germany by area, officials said.")
    assert ("Bavaria", "PART_OF", "Germany", None, False) in found
    assert ("Oregon", "PART_OF", "United States", None, False) in roles(
        nlp, "Oregon, a state in the United States, passed the law."
    )
    assert not roles(nlp, "Ukraine is the largest country in Europe by area.")


def test_a_counterpart_is_an_official_of_the_state_its_demonym_names(nlp: Language) -> None:
    found = roles(nlp, "Mr Okafor held talks with his Kenyan counterpart, Ruth Wanjiru, in Lagos.")
    assert ("Ruth Wanjiru", "MEMBER_OF", "Kenya", "counterpart", False) in found


def test_the_chair_of_a_committee_written_in_lower_case_leads_it(nlp: Language) -> None:
    found = roles(
        nlp, "Tom Hale, chairman of the Commons transport committee, said the rail plan failed."
    )
    assert (
        "Tom Hale",
        "LEADER_OF",
        "Commons transport committee",
        "chairman",
        False,
    ) in found


def test_a_countrys_company_or_thing_is_no_part_of_the_state(nlp: Language) -> None:
    found = pairs(nlp, "Sweden's Nordvik Motors sold more trucks last year.")
    assert not any(k == "PART_OF" for _, k, _ in found)
    found = pairs(nlp, "Japan's Nikkei Index rose sharply on Monday.")
    assert not any(k == "PART_OF" for _, k, _ in found)
    found = pairs(nlp, "Peru's National Water Agency warned of shortages.")
    assert ("National Water Agency", "PART_OF", "Peru") in found
