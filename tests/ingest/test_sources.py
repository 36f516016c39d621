"""Outlets are provenance, not actors: on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from polgraph.ingest.nlp import load_model
from polgraph.ingest.pipeline import extract_doc
from polgraph.ingest.records import Article, Triple


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def triples(nlp: Language, text: str) -> list[Triple]:
    found, _ = extract_doc(nlp(text), Article(id="t", text=text), judge=False)
    return found


def names(found: list[Triple]) -> set[str]:
    return {m.name for t in found for m in (t.subject, t.object)}


@pytest.mark.parametrize(
    "text",
    [
        "Ingrid Dahl told Wikinews that the plan was sound.",
        "Wikinews interviewed Ingrid Dahl about the vote.",
        "The BBC understands that Norway rejected the offer.",
        "Rolf Berg spoke to Reuters about the vote.",
    ],
)
def test_an_outlet_that_reports_is_no_actor(nlp: Language, text: str) -> None:
    found = triples(nlp, text)
    assert not names(found) & {"Wikinews", "BBC", "Reuters"}


def test_the_claim_keeps_the_outlet_as_its_source(nlp: Language) -> None:
    found = triples(nlp, "Ingrid Dahl told Wikinews that Norway had criticised Chile.")
    claim = [t for t in found if (t.subject.name, t.object.name) == ("Norway", "Chile")]
    assert claim and claim[0].relation.outlet == "Wikinews"


def test_according_to_names_the_source(nlp: Language) -> None:
    found = triples(nlp, "According to Reuters, Norway criticised Chile on Monday.")
    claim = [t for t in found if (t.subject.name, t.object.name) == ("Norway", "Chile")]
    assert claim and claim[0].relation.outlet == "Reuters"


def test_an_outlet_acted_on_stays_an_actor(nlp: Language) -> None:
    found = triples(nlp, "Russia banned the BBC last year.")
    assert ("Russia", "BBC") in {(t.subject.name, t.object.name) for t in found}


def test_a_persons_place_in_an_outlet_stays_a_relation(nlp: Language) -> None:
    text = "Adam Smith was a columnist for The Washington Post. He told Reuters he was leaving."
    found = {(t.subject.name, t.relation.type, t.object.name) for t in triples(nlp, text)}
    assert ("Adam Smith", "MEMBER_OF", "The Washington Post") in found
    assert not any(o == "Reuters" for _, _, o in found)


def test_the_publishers_own_people_are_provenance_in_its_own_articles(nlp: Language) -> None:
    text = "Wikinews reporter Ingrid Dahl interviewed the mayor of Oslo."
    own, _ = extract_doc(nlp(text), Article(id="t", text=text, source="Wikinews"), judge=False)
    elsewhere, _ = extract_doc(nlp(text), Article(id="t", text=text, source="Reuters"), judge=False)
    assert "Wikinews" not in names(own)
    assert ("Ingrid Dahl", "Wikinews") in {(t.subject.name, t.object.name) for t in elsewhere}


@pytest.mark.parametrize(
    "text",
    [
        "Rolf Berg told BBC One's Sunday programme that the plan was sound.",
        "Speaking with ET, Anna Holm and Rolf Berg said the show would return.",
    ],
)
def test_a_channel_or_programme_that_reports_is_no_actor(nlp: Language, text: str) -> None:
    assert not names(triples(nlp, text)) & {"BBC One", "Entertainment Tonight"}
