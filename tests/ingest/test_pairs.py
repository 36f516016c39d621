"""The pair model: candidates and their features, the judgement, and the shipped weights."""

from __future__ import annotations

import pytest
from spacy.language import Language

from polgraph.ingest.entities import ActorIndex
from polgraph.ingest.nlp import load_model
from polgraph.ingest.pairs import (
    LEARNED,
    Candidate,
    PairModel,
    candidate_sentences,
    judged,
    pair_model,
)
from polgraph.ingest.pipeline import Settings, extract, read_sentences
from polgraph.ingest.records import Article, Triple


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def read(nlp: Language, text: str) -> tuple[ActorIndex, list]:
    doc = nlp(text)
    actors = ActorIndex(doc)
    return actors, read_sentences(doc, actors, Article(id="t", text=text).ref())


def pairs_of(nlp: Language, text: str) -> dict[tuple[str, str], Candidate]:
    actors, sentences = read(nlp, text)
    found: dict[tuple[str, str], Candidate] = {}
    for _, pairs, _ in candidate_sentences(sentences, actors):
        for c in pairs:
            found[(c.subject.actor.mention.name, c.object.actor.mention.name)] = c
    return found


def judge(nlp: Language, text: str, model: PairModel) -> list[Triple]:
    actors, sentences = read(nlp, text)
    return judged(sentences, actors, Article(id="t", text=text).ref(), model)


def test_every_ordered_pair_is_a_candidate_with_the_parse_between_them(nlp: Language) -> None:
    found = pairs_of(nlp, "Emmanuel Macron criticised Olaf Scholz on Monday.")
    ahead = found[("Emmanuel Macron", "Olaf Scholz")]
    back = found[("Olaf Scholz", "Emmanuel Macron")]
    assert {"path=nsubj|dobj", "top_lemma=criticise", "rule=active"} <= set(ahead.features)
    assert ahead.triples and not back.triples
    assert "rule_reverse" in back.features
    assert ahead.predicate is not None and ahead.predicate.lemma_ == "criticise"


def test_a_generic_agent_stands_at_its_noun_for_every_actor_it_names(nlp: Language) -> None:
    found = pairs_of(nlp, "US and British activists protested against the Chinese government.")
    assert ("Civilians (United States)", "Government (China)") in found
    assert ("Civilians (United Kingdom)", "Government (China)") in found


def test_the_model_never_learns_who_a_relation_was_about(nlp: Language) -> None:
    """Names and numbers reach the model as their part of speech, never as words."""
    found = pairs_of(nlp, "Boris Johnson met Angela Merkel in Berlin on 3 May.")
    words = " ".join(f for c in found.values() for f in c.features).lower()
    assert "johnson" not in words and "merkel" not in words and "berlin" not in words


def test_the_rest_of_the_article_is_a_feature(nlp: Language) -> None:
    once = "Emmanuel Macron criticised Olaf Scholz on Monday."
    found = pairs_of(nlp, once)
    assert "ruled_elsewhere=0" in found[("Emmanuel Macron", "Olaf Scholz")].features
    twice = once + " On Tuesday, Emmanuel Macron praised Olaf Scholz in Paris."
    later = pairs_of(nlp, twice)[("Emmanuel Macron", "Olaf Scholz")]
    assert {"ruled_elsewhere=1", "together_elsewhere=1"} <= set(later.features)


def test_a_likely_pair_no_rule_read_gets_one_learned_triple(nlp: Language) -> None:
    text = "Emmanuel Macron and Olaf Scholz, the summit's hosts, opened the talks."
    eager = PairModel({"rule_none": 10.0}, -5.0, keep=0.0, add=0.5)
    learned = [t for t in judge(nlp, text, eager) if t.relation.rule == LEARNED]
    assert len(learned) == 1
    (one,) = learned
    assert {one.subject.name, one.object.name} == {"Emmanuel Macron", "Olaf Scholz"}
    assert 0.5 <= one.confidence <= 1.0
    shy = PairModel({"rule_none": 10.0}, -5.0, keep=0.0, add=0.999)
    assert not [t for t in judge(nlp, text, shy) if t.relation.rule == LEARNED]


def test_an_unlikely_rule_triple_is_dropped(nlp: Language) -> None:
    text = "Emmanuel Macron criticised Olaf Scholz on Monday."
    doubtful = PairModel({}, -5.0, keep=0.5, add=0.9)
    trusting = PairModel({}, -5.0, keep=0.0, add=0.9)
    assert not judge(nlp, text, doubtful)
    kept = judge(nlp, text, trusting)
    assert [(t.subject.name, t.object.name) for t in kept] == [("Emmanuel Macron", "Olaf Scholz")]


def test_the_shipped_model_has_sane_cut_offs_and_no_names() -> None:
    model = pair_model()
    assert 0.0 <= model.keep < model.add <= 1.0
    assert len(model.weights) > 100
    lexical = [f.split("=", 1)[1] for f in model.weights if f.startswith("top_lemma=")]
    assert all(word.islower() or word.isupper() for word in lexical), lexical


def test_rules_only_settings_leave_the_model_out(nlp: Language) -> None:
    text = "Emmanuel Macron and Olaf Scholz, the summit's hosts, opened the talks."
    (plain,) = extract([Article(id="t", text=text)], Settings(judge=False), nlp=nlp)
    assert all(t.relation.rule != LEARNED for t in plain.triples)
