"""Pronouns and descriptors resolved to named actors, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from polgraph.ingest.actors import DESCRIPTOR, PRONOUN
from polgraph.ingest.entities import ActorIndex
from polgraph.ingest.nlp import load_model
from polgraph.ingest.relations import extract_relations


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def resolved(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """(word as written, canonical name, how) for every resolved reference, in order."""
    index = ActorIndex(nlp(text))
    return [(a.mention.mention, a.mention.name, a.resolved_by) for a in index.references()]


def test_he_is_the_person_named_before(nlp: Language) -> None:
    found = resolved(
        nlp, "Friedrich Merz arrived late in Brussels. He apologised to the delegates."
    )
    assert ("He", "Friedrich Merz", PRONOUN) in found


def test_possessive_in_the_subjects_own_clause(nlp: Language) -> None:
    found = resolved(nlp, "Pedro Sanchez defended his budget in parliament.")
    assert found == [("his", "Pedro Sanchez", PRONOUN)]


def test_courtesy_titles_decide_gender(nlp: Language) -> None:
    found = resolved(nlp, "Ms Kallas met Mr Sefcovic in Tallinn. She thanked him for the visit.")
    assert ("She", "Kallas", PRONOUN) in found
    assert ("him", "Sefcovic", PRONOUN) in found


def test_object_pronoun_is_not_its_own_clause_subject(nlp: Language) -> None:
    found = dict(
        (word, name)
        for word, name, _ in resolved(
            nlp, "Friedrich Merz praised Pedro Sanchez. Later, Merz thanked him again."
        )
    )
    assert found["him"] == "Pedro Sanchez"


def test_the_target_of_a_deportation_is_not_the_one_calling_for_it(nlp: Language) -> None:
    found = resolved(nlp, "Senator Mark Hollis attacked Anton Weber and demanded his deportation.")
    assert ("his", "Anton Weber", PRONOUN) in found


def test_descriptor_takes_the_nearest_actor_of_its_kind(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Jeff Bezos bought the newspaper in 2013. Staff said the billionaire rarely visited.",
    )
    assert ("billionaire", "Jeff Bezos", DESCRIPTOR) in found


def test_descriptor_is_not_the_subject_of_its_own_sentence(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Viktor Orban said Hungary would welcome Peter Magyar, should the businessman return.",
    )
    assert ("businessman", "Peter Magyar", DESCRIPTOR) in found


def test_indefinite_descriptor_waits_for_the_name_that_follows(nlp: Language) -> None:
    found = resolved(
        nlp,
        "A senior French diplomat has criticised the deal. Jean Moreau, the envoy to Cairo, "
        "said it favoured Egypt. The diplomat later softened his tone.",
    )
    descriptors = [(w, n) for w, n, how in found if how == DESCRIPTOR]
    assert descriptors == [("diplomat", "Jean Moreau"), ("diplomat", "Jean Moreau")]


def test_it_is_an_organisation_or_country_subject(nlp: Language) -> None:
    found = resolved(
        nlp, "Germany's cabinet met on Sunday. Despite the criticism, it has approved the loan."
    )
    assert ("it", "Germany", PRONOUN) in found


def test_expletive_it_resolves_to_nothing(nlp: Language) -> None:
    found = resolved(nlp, "Germany approved the loan. It is unclear when payments start.")
    assert not [word for word, _, _ in found if word == "It"]


def test_first_person_in_a_quotation_is_the_speaker(nlp: Language) -> None:
    found = resolved(nlp, 'Asked about Peter Magyar, Viktor Orban said: "I will never pardon him."')
    assert ("I", "Viktor Orban", PRONOUN) in found
    assert ("him", "Peter Magyar", PRONOUN) in found


def test_we_in_a_spokesperson_quote_is_the_body(nlp: Language) -> None:
    found = resolved(
        nlp, 'NATO spokeswoman Allison Hart told reporters, "We are watching closely."'
    )
    assert ("We", "NATO", PRONOUN) in found


def test_references_keep_the_words_as_written(nlp: Language) -> None:
    index = ActorIndex(nlp("Friedrich Merz voted no. He was alone."))
    he = [a for a in index.references() if a.mention.mention == "He"]
    assert he and he[0].mention.id == "friedrich-merz"
    assert all(a.resolved_by == "name" for a in index.actors())


def test_a_nationality_points_to_someone_not_yet_named(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Friedrich Merz spoke first. Later, the French billionaire rejected the proposal.",
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]


def test_first_names_tell_the_gender(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Sofia Brandt met Tomas Keller in Vienna. Later, she criticised him over the budget.",
    )
    assert ("she", "Sofia Brandt", PRONOUN) in found
    assert ("him", "Tomas Keller", PRONOUN) in found


def test_he_does_not_jump_to_a_woman_named_last(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Tomas Keller will attend the summit. Finance chief Sofia Brandt confirmed that "
        "he would speak first.",
    )
    assert ("he", "Tomas Keller", PRONOUN) in found


def test_an_office_named_in_the_lede_is_the_holder_named_later(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Fuel duty will rise in April, the treasury minister has told MPs. "
        '"It is the fair choice," said treasury minister Anna Berg.',
    )
    assert ("minister", "Anna Berg", DESCRIPTOR) in found


def test_an_office_is_not_another_office_of_the_same_noun(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Transport minister Anna Berg opened the bridge. Later the prime minister arrived.",
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]


def test_short_forms_of_an_office_are_its_holder(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Prime Minister Lars Holm flew to Oslo. The premier met union leaders, and the PM "
        "later spoke to reporters.",
    )
    descriptors = [(word, name) for word, name, how in found if how == DESCRIPTOR]
    assert descriptors == [("premier", "Lars Holm"), ("PM", "Lars Holm")]


def test_the_deputy_is_not_the_holder(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Deputy chairman Oskar Lind resigned on Monday. The chairman said he regretted it.",
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]


def test_a_bare_office_is_not_the_holder_named_only_later(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Critics said the minister should resign. Transport minister Anna Berg refused.",
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]


def test_the_two_leaders_are_the_two_named_before(nlp: Language) -> None:
    index = ActorIndex(
        nlp(
            "Chancellor Greta Lund held talks with President Marco Rossi in Rome. "
            "The two leaders agreed to meet again."
        )
    )
    leaders = next(token for token in index.doc if token.text == "leaders")
    assert [a.mention.name for a in index.group_at(leaders)] == ["Greta Lund", "Marco Rossi"]


def test_the_two_leaders_act_on_each_other(nlp: Language) -> None:
    doc = nlp(
        "Chancellor Greta Lund held talks with President Marco Rossi in Rome. "
        "The two leaders agreed to meet again."
    )
    index = ActorIndex(doc)
    second = list(doc.sents)[1]
    pairs = {(link.subject.mention.name, link.object.mention.name)
             for link in extract_relations(second, index)}  # fmt: skip
    assert pairs == {("Greta Lund", "Marco Rossi"), ("Marco Rossi", "Greta Lund")}


def test_she_in_a_quote_is_not_the_speaker(nlp: Language) -> None:
    found = resolved(
        nlp,
        'Greta Lund praised the singer Maria Rossi. "She is a national treasure," Lund said.',
    )
    assert ("She", "Maria Rossi", PRONOUN) in found


def test_a_pronoun_before_the_main_clause_is_its_subject(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Peter Holm chaired the session. Offering his thanks, committee chairman Karl Weber "
        "closed the meeting.",
    )
    assert ("his", "Karl Weber", PRONOUN) in found


def test_an_apposition_to_the_subject_weighs_as_the_subject(nlp: Language) -> None:
    found = resolved(
        nlp,
        "One senator, Karl Weber, told Peter Holm that he would vote against the bill.",
    )
    assert ("he", "Karl Weber", PRONOUN) in found


def test_a_possessive_is_not_the_apposition_of_its_noun(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber beat Peter Holm in March. The party then endorsed his old rival, Karl Weber.",
    )
    assert ("his", "Peter Holm", PRONOUN) in found


def test_an_office_with_of_is_its_holder(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Anna Berg, leader of the Green Party, spoke first. Later the Green leader left.",
    )
    assert ("leader", "Anna Berg", DESCRIPTOR) in found


def test_an_office_of_another_body_is_not_the_holder(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Anna Berg, leader of the Green Party, spoke first. Later the Labour leader left.",
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]


def test_the_party_is_a_party_the_gazetteer_knows(nlp: Language) -> None:
    found = resolved(nlp, "Likud won 32 seats. The party will now lead coalition talks.")
    assert ("party", "Likud", DESCRIPTOR) in found


def test_the_party_is_not_a_subject_of_its_own_clause(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Likud published its budget plan. Labour and the Liberal Democrats say the party's "
        "sums do not add up.",
    )
    assert ("party", "Likud", DESCRIPTOR) in found


def test_the_home_countrys_office_is_its_holder(nlp: Language) -> None:
    found = resolved(
        nlp,
        "The US wants a deal. President John Carter met the envoys. The French president was "
        "not invited. The US president said so.",
    )
    assert [name for word, name, _ in found if word == "president"] == ["John Carter"]


def test_an_office_of_another_country_is_not_the_holder(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Japanese Prime Minister Kenji Sato spoke. India said the Indian prime minister would "
        "call. India agreed.",
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]


def test_a_pronoun_under_an_unnamed_subject_stays_unresolved(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber asked about schools. As is his habit, the prime minister was less rough "
        "with Mr Weber than he had been with Mr Holm.",
    )
    assert not [word for word, _, _ in found if word in ("his", "he")]


def test_a_named_subject_still_takes_the_pronoun(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber asked about schools. As is his habit, Peter Holm was less rough with "
        "Mr Weber than he had been with the envoys.",
    )
    assert ("his", "Peter Holm", PRONOUN) in found


def test_a_pronoun_in_a_clause_with_its_own_subject_is_not_the_main_subject(
    nlp: Language,
) -> None:
    found = resolved(
        nlp,
        "Peter Holm met Karl Weber in May. While Weber was praised for his role in the talks, "
        "Holm stayed quiet.",
    )
    assert ("his", "Karl Weber", PRONOUN) in found


def test_an_apposition_to_a_named_subject_does_not_outweigh_it(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Oil major Norvale Energy (NYSE:NVE) has loaded its first cargo in Angola after it "
        "received a new waiver.",
    )
    assert ("it", "Norvale Energy", PRONOUN) in found


def _names_at(nlp: Language, text: str, word: str) -> list[str]:
    doc = nlp(text)
    index = ActorIndex(doc)
    return [
        actor.mention.name
        for token in doc
        if token.text == word and (actor := index.actor_at(token)) is not None
    ]


def test_sir_and_a_first_name_is_the_knight_named_in_full(nlp: Language) -> None:
    text = (
        "Sir Godfrey Ashcombe chaired the committee for ten years. Sir Godfrey said on Monday "
        "that the report was fair, and Sir Godfrey later met the Liberal leader."
    )
    assert _names_at(nlp, text, "Godfrey") == ["Godfrey Ashcombe"] * 3
    index = ActorIndex(nlp(text))
    assert "Godfrey" not in {actor.mention.name for actor in index.actors()}


def test_a_first_name_shared_by_two_people_stays_apart(nlp: Language) -> None:
    text = (
        "Sir Godfrey Ashcombe and Godfrey Pellew chaired the committee. Sir Godfrey said on "
        "Monday that the report was fair."
    )
    assert "Godfrey Ashcombe" not in _names_at(nlp, text, "Godfrey")[2:]
    assert "Godfrey Pellew" not in _names_at(nlp, text, "Godfrey")[2:]


def _speaker_of_i(nlp: Language, text: str) -> list[str]:
    return [name for word, name, how in resolved(nlp, text) if word == "I" and how == PRONOUN]


def test_i_in_a_quote_running_over_sentences_is_its_speaker(nlp: Language) -> None:
    text = (
        'Anna Lindqvist told reporters: "The delay was regrettable. I will meet the unions '
        'next week and I expect an agreement."'
    )
    assert _speaker_of_i(nlp, text) == ["Anna Lindqvist", "Anna Lindqvist"]


def test_a_quote_opened_again_after_a_lost_paragraph_break_keeps_its_speaker(
    nlp: Language,
) -> None:
    text = (
        'Anna Lindqvist told reporters: "The delay was regrettable. "Next week I will meet '
        'the unions."'
    )
    assert _speaker_of_i(nlp, text) == ["Anna Lindqvist"]


def test_i_in_a_quote_attributed_after_it_closes_is_that_speaker(nlp: Language) -> None:
    text = (
        '"The delay was regrettable. Next week I will meet the unions," Anna Lindqvist '
        "told reporters."
    )
    assert _speaker_of_i(nlp, text) == ["Anna Lindqvist"]


def test_a_quote_after_narration_does_not_take_an_earlier_speaker(nlp: Language) -> None:
    text = (
        "Anna Lindqvist said the plan was fair. Critics in the north disagree strongly. "
        '"I doubt that it can work."'
    )
    assert _speaker_of_i(nlp, text) == []


def test_an_unnamed_judge_is_the_judiciary_of_the_country(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber flew to the United States in March. United States officials arrested him "
        "in Ohio. Another federal judge ordered Weber released on bail.",
    )
    assert ("judge", "Judiciary (United States)", DESCRIPTOR) in found


def test_a_court_of_a_named_place_is_not_the_home_judiciary(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber flew to the United States in March. United States officials arrested him "
        "in Ohio. A court in Paris ordered Weber released on bail.",
    )
    assert not [name for _, name, _ in found if name.startswith("Judiciary")]


def test_the_speaker_named_by_we_is_not_the_next_he(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Gordon Brown forecast growth of three percent. Lars Holm, an economist, told "
        'reporters: "He is hopeful. We are not so sure." Karl Weber said: "His forecast is '
        'far too optimistic."',
    )
    assert ("His", "Gordon Brown", PRONOUN) in found


def test_a_person_described_in_the_lede_is_the_one_named_next(nlp: Language) -> None:
    found = resolved(
        nlp,
        "The new finance minister for Estonia says the budget will be cut. Peter Holm, on his "
        "first day in office, told lawmakers that spending must fall.",
    )
    assert ("minister", "Peter Holm", DESCRIPTOR) in found


def test_a_description_after_the_lede_does_not_wait_for_a_name(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Spending will fall next year. The new finance minister for Estonia says the budget "
        "will be cut. Peter Holm, on his first day in office, told lawmakers so.",
    )
    assert not [word for word, _, how in found if word == "minister"]


def test_a_court_as_a_place_or_topic_is_no_actor(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber flew to the United States in March. United States officials arrested him "
        "in Ohio. Weber said he would go to court, and that the highest court was fair.",
    )
    assert not [name for _, name, _ in found if name.startswith("Judiciary")]


def test_a_state_body_is_of_the_country_the_nearest_sentence_names(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Leaders from Chile to Peru have copied the model. Although Ecuador remains a "
        "democracy, its courts are weak. The police have detained opposition figures.",
    )
    assert ("police", "Police (Ecuador)", DESCRIPTOR) in found


def test_a_source_named_after_what_it_said_stays_anonymous(nlp: Language) -> None:
    found = resolved(
        nlp,
        "The ministry will close three border posts next month, a senior official said. "
        "Maria Lopez, the trade minister, called the plan reckless.",
    )
    assert ("official", "Maria Lopez", DESCRIPTOR) not in found


def test_they_after_two_people_joined_by_and_is_both(nlp: Language) -> None:
    doc = nlp("Karl Berg and his sister Lena Berg stayed home because they had not registered.")
    index = ActorIndex(doc)
    they = next(t for t in doc if t.lower_ == "they")
    assert [a.mention.name for a in index.group_at(they)] == ["Karl Berg", "Lena Berg"]
    doc = nlp("Karl Berg met Lena Berg on Monday. They discussed the budget.")
    assert not ActorIndex(doc).group_at(doc[-5])


def test_it_said_is_the_body_speaking(nlp: Language) -> None:
    found = resolved(
        nlp, "Amnesty International published a report on Monday. It said police had beaten men."
    )
    assert ("It", "Amnesty International", PRONOUN) in found


def test_it_is_the_subject_of_the_main_clause_before_one_below_it(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Amnesty International said the World Bank had ignored the warnings. It also "
        "expressed concern about the loans.",
    )
    assert ("It", "Amnesty International", PRONOUN) in found


def test_he_after_a_quote_is_its_speaker(nlp: Language) -> None:
    found = resolved(
        nlp,
        'Karl Weber said: "I trust Peter Holm. We will finish the Holm reforms." He also said '
        "the budget was safe.",
    )
    assert ("He", "Karl Weber", PRONOUN) in found


def test_a_persons_government_is_the_government(nlp: Language) -> None:
    found = resolved(
        nlp, "Austria held elections in May. Karl Weber said his government would survive."
    )
    assert ("government", "Government (Austria)", DESCRIPTOR) in found
    found = resolved(
        nlp, "Karl Weber won the vote in Austria. The new Weber government is raising taxes."
    )
    assert ("government", "Government (Austria)", DESCRIPTOR) in found


def test_they_after_subjects_joined_by_and_is_all_of_them(nlp: Language) -> None:
    doc = nlp(
        "Judge Anna Roth and Judge Peter Lind ruled that the ban was lawful. They said the "
        "state had acted in time."
    )
    they = next(t for t in doc if t.text == "They")
    assert [a.mention.name for a in ActorIndex(doc).group_at(they)] == ["Anna Roth", "Peter Lind"]


def test_an_office_after_a_sentence_naming_one_person_is_theirs(nlp: Language) -> None:
    found = resolved(
        nlp, "Karl Weber will speak to voters in Graz. The chancellor will also visit a school."
    )
    assert ("chancellor", "Karl Weber", DESCRIPTOR) in found
    found = resolved(
        nlp, "Karl Weber met Anna Roth in Graz. The chancellor will also visit a school."
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]


def test_an_office_is_not_a_person_given_another_one(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber froze fuel duty. The chancellor also hailed growth. But Peter Lind attacked "
        "the plans. The shadow chancellor said Mr Weber's rule had failed.",
    )
    assert [(word, name) for word, name, how in found if how == DESCRIPTOR] == [
        ("chancellor", "Karl Weber"),
        ("chancellor", "Peter Lind"),
    ]


def test_an_office_of_another_country_or_named_after_is_not_the_person(nlp: Language) -> None:
    found = resolved(
        nlp, "Karl Weber arrived for the summit on Monday. The French president welcomed him."
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]
    found = resolved(
        nlp, "Karl Weber asked about schools. The minister then praised Mr Weber for his work."
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]


def test_a_description_takes_the_most_salient_fit_not_the_last(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Anna Roth founded the Green Party in 2004 with backers of Karl Weber's bid for the "
        "Liberal Party's nomination. Roth has grown the party since.",
    )
    assert ("party", "Green Party", DESCRIPTOR) in found


def test_they_prefers_a_plural_antecedent(nlp: Language) -> None:
    found = resolved(
        nlp,
        "The Kremlin has said Russian troops will remain in the region in case they are needed "
        "to guard the border.",
    )
    assert ("they", "Military (Russia)", PRONOUN) in found


def test_a_capitalised_office_is_its_holder(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Prime Minister Karl Weber of Austria posted a message on Monday. Deputy Prime Minister "
        "Anna Roth failed to buy enough tests, and the Prime Minister apologised to the people.",
    )
    assert ("Minister", "Karl Weber", DESCRIPTOR) in found


def test_an_office_already_written_as_someone_unnamed_is_not_guessed(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Anna Roth has no doubt it is the prime minister who is rushing the bill. The Greens "
        "believe the prime minister is playing the fear card.",
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]
    found = resolved(
        nlp,
        "Anna Roth left office in June. Under the charter the Secretary of State would "
        "normally take over.",
    )
    assert not [word for word, _, how in found if how == DESCRIPTOR]


def test_them_is_not_the_subjects_of_its_own_clause(nlp: Language) -> None:
    doc = nlp("Karl Weber, Anna Roth and Peter Lind welcomed them at the gate.")
    index = ActorIndex(doc)
    them = next(t for t in doc if t.text == "them")
    assert index.actor_at(them) is None and not index.group_at(them)


def test_the_organisation_is_any_named_organisation(nlp: Language) -> None:
    found = resolved(
        nlp, "A spokesman for the Federal Audit Office said the organisation agreed with it."
    )
    assert ("organisation", "Federal Audit Office", DESCRIPTOR) in found
    doc = nlp(
        "Amnesty International gave the Red Cross office space and payroll services. It is "
        "unclear whether the relationship between the two organizations goes on."
    )
    both = next(t for t in doc if t.text == "organizations")
    assert [a.mention.name for a in ActorIndex(doc).group_at(both)] == [
        "Amnesty International",
        "International Committee of the Red Cross",
    ]


def test_the_two_sides_are_the_two_actors_named_before(nlp: Language) -> None:
    doc = nlp("Karl Weber met Anna Roth in Vienna. Both sides called the talks useful.")
    sides = next(t for t in doc if t.text == "sides")
    assert [a.mention.name for a in ActorIndex(doc).group_at(sides)] == ["Karl Weber", "Anna Roth"]


def test_an_office_named_by_title_alone_is_its_listed_holder_of_the_time(nlp: Language) -> None:
    """data/office_holders.tsv: with Blair and Brown named, the article is of the years
    they were prime minister and chancellor, so neither office goes to the other man."""
    text = (
        "Tony Blair and Gordon Brown visited a factory in Leeds. Labour activists cheered. "
        "Later the chancellor said the prime minister had his full support."
    )
    found = {word: name for word, name, how in resolved(nlp, text) if how == DESCRIPTOR}
    assert found == {"chancellor": "Gordon Brown", "minister": "Tony Blair"}


def test_a_listed_office_needs_its_country_or_year(nlp: Language) -> None:
    """The article's date picks the holder; an office of another country than the one the
    article is about, or the description names, is not the holder's."""
    text = (
        "Donald Trump and Joe Biden spoke to American voters in Ohio. "
        "The president later praised the crowd."
    )
    undated = {a.mention.mention: a.mention.name for a in ActorIndex(nlp(text)).references()}
    assert "president" not in undated
    dated = ActorIndex(nlp(text), date="2022-05-01").references()
    assert {a.mention.mention: a.mention.name for a in dated}["president"] == "Joe Biden"
    merkel = (
        "Angela Merkel met Tony Blair and Gordon Brown in London. "
        "The chancellor praised British voters."
    )
    found = {a.mention.mention: a.mention.name for a in ActorIndex(nlp(merkel)).references()}
    assert found["chancellor"] == "Gordon Brown"


def test_his_party_is_the_party_of_the_persons_title(nlp: Language) -> None:
    text = "Conservative leader Peter Vale toured Leeds. He said his party would win."
    found = resolved(nlp, text)
    assert ("party", "Conservative Party", DESCRIPTOR) in found
    untitled = resolved(nlp, "Peter Vale toured Leeds. He said his party would win.")
    assert not any(word == "party" for word, _, _ in untitled)


def test_a_persons_administration_as_possessor_is_their_countrys_government(
    nlp: Language,
) -> None:
    text = "US President Jon Harlan spoke in Ohio. The Harlan administration's pressure grew."
    found = resolved(nlp, text)
    assert ("administration", "Government (United States)", DESCRIPTOR) in found


def test_the_government_as_possessor_and_the_next_one_are_the_government(
    nlp: Language,
) -> None:
    text = (
        "Kenya's parliament met in Nairobi on Monday. A rights group said it opposed the "
        "government's housing plan. The charity urged the next government to act."
    )
    found = resolved(nlp, text)
    governments = [(word, name) for word, name, how in found if word == "government"]
    assert governments == [("government", "Government (Kenya)")] * 2


def test_you_in_an_interviewers_question_is_the_one_interviewed(nlp: Language) -> None:
    text = (
        "Dana Vale is running for president as the nominee of the Liberty Union. Reporter "
        "Sam Roe spoke with Vale about the campaign.\n\n"
        "((WN)) Why did you join the Liberty Union?\n\n"
        "((WN)) What do you think of President Jon Harlan?\n\n"
        "((Dana Vale)) I think he has failed."
    )
    found = resolved(nlp, text)
    assert [(w, n) for w, n, _ in found if w in ("you", "I")] == [
        ("you", "Dana Vale"),
        ("you", "Dana Vale"),
        ("I", "Dana Vale"),
    ]
    plain = resolved(nlp, "Dana Vale spoke in Leeds. Why did you join the Liberty Union?")
    assert not any(word == "you" for word, _, _ in plain)
    unanswered = text.replace("((Dana Vale)) I think he has failed.", "")
    assert not any(word == "you" for word, _, _ in resolved(nlp, unanswered))


def _group(nlp: Language, text: str, word: str) -> list[str]:
    index = ActorIndex(nlp(text))
    token = next(token for token in index.doc if token.text == word)
    return [a.mention.name for a in index.group_at(token)]


def test_the_pair_is_the_two_people_named_last(nlp: Language) -> None:
    text = "Karl Weber met Anna Roth in Vienna on Monday. The pair discussed the budget."
    assert _group(nlp, text, "pair") == ["Karl Weber", "Anna Roth"]


def test_the_pair_is_not_the_subject_that_speaks_of_it(nlp: Language) -> None:
    text = "Karl Weber met Anna Roth in Vienna on Monday. Greta Lind said the pair had argued."
    assert _group(nlp, text, "pair") == ["Karl Weber", "Anna Roth"]


def test_a_body_description_far_back_is_the_only_body_of_its_kind(nlp: Language) -> None:
    found = resolved(
        nlp,
        "The Foreign Affairs Committee opened an inquiry into the grants last week. "
        "Officials refused to comment. The minister was away. Ministers met on Monday. "
        "Later, the committee summoned Karl Weber.",
    )
    assert ("committee", "Foreign Affairs Committee", DESCRIPTOR) in found


def test_a_body_description_far_back_stays_open_among_several(nlp: Language) -> None:
    found = resolved(
        nlp,
        "The Foreign Affairs Committee and the Justice Committee opened inquiries. "
        "Officials refused to comment. The minister was away. Ministers met on Monday. "
        "Later, the committee summoned Karl Weber.",
    )
    assert not any(word == "committee" for word, _, _ in found)


def test_i_before_he_said_is_the_speaker(nlp: Language) -> None:
    found = resolved(nlp, 'Karl Weber arrived on Friday. "I will fight this," he said.')
    assert ("I", "Karl Weber", PRONOUN) in found


def test_a_quote_over_several_sentences_does_not_push_the_speaker_back(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber spoke in Leeds on Monday. "
        '"The budget is wrong. The plan is worse. The schools will suffer," he said. '
        "He said the government had failed.",
    )
    assert [name for word, name, _ in found if word.lower() == "he"] == ["Karl Weber"] * 2


def test_the_reporter_of_a_quote_is_not_a_name_inside_it(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber spoke in Leeds on Monday. "
        '"Nobody trusts Peter Lund as mayor any longer," he said.',
    )
    assert ("he", "Karl Weber", PRONOUN) in found


def test_his_office_is_its_holder_and_not_the_owner(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Prime Minister Karl Weber and Finance Minister Anna Roth met the unions in Vienna. "
        "Later, the prime minister and his finance minister left early.",
    )
    assert ("minister", "Anna Roth", DESCRIPTOR) in found
    assert ("minister", "Karl Weber", DESCRIPTOR) in found


def test_his_description_without_a_title_stays_open(nlp: Language) -> None:
    found = resolved(nlp, "Karl Weber met Anna Roth on Monday. Weber and his colleague left.")
    assert not any(word == "colleague" for word, _, _ in found)


def test_an_office_joined_to_a_name_by_and_is_another_holder(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Prime Minister Karl Weber and Finance Minister Anna Roth met the unions in Vienna. "
        "On Friday, Weber and the finance minister left early.",
    )
    assert ("minister", "Anna Roth", DESCRIPTOR) in found


def test_a_name_qualifying_another_noun_is_not_the_pronouns_antecedent(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Karl Weber joined the cabinet under Peter Lund in 1990. "
        "A veteran of the Lund government, he was given the farm portfolio.",
    )
    assert ("he", "Karl Weber", PRONOUN) in found


def test_a_title_given_in_a_who_is_clause_is_the_persons(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Peter Lund, who is the Green Party chairman, spoke in Leeds on Friday. "
        "Anna Roth and Karl Weber also spoke. Later, the Green Party chairman left early.",
    )
    assert ("chairman", "Peter Lund", DESCRIPTOR) in found


def test_a_clause_with_there_does_not_take_the_main_clauses_subject(nlp: Language) -> None:
    found = resolved(
        nlp,
        "Peter Lund praised Karl Weber on Monday. Weber has not been seen in the chamber "
        "since May, although there is nothing in the rules to prevent him from attending.",
    )
    assert ("him", "Karl Weber", PRONOUN) in found
