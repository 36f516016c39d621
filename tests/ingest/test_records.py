import json

import pytest

from polgraph.ingest.records import (
    ArticleRef,
    Evidence,
    Mention,
    Relation,
    Triple,
    entity_id,
    relation_type,
)


def _triple(**relation: object) -> Triple:
    return Triple(
        article=ArticleRef(id="a1", title="T", date="2025-01-02", source="s"),
        subject=Mention("elon-musk", "Elon Musk", "he", "PERSON"),
        relation=Relation(type="CRITICIZE", text="lambasted", rule="active", **relation),
        object=Mention("donald-trump", "Donald Trump", "Trump", "PERSON"),
        evidence=Evidence(sentence="He lambasted Trump.", start=0, end=19),
        confidence=0.8,
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("offer asylum", "OFFER_ASYLUM"),
        ("X`]->() DETACH DELETE n //", "X_DETACH_DELETE_N"),
        ("12 things", "R_12_THINGS"),
        ("", "RELATED_TO"),
        ("críticar", "CRITICAR"),
    ],
)
def test_relation_type_is_always_a_safe_neo4j_type(word: str, expected: str) -> None:
    assert relation_type(word) == expected


def test_entity_id_depends_on_the_name_only() -> None:
    assert entity_id("Elon Musk") == entity_id("ELON  MUSK") == "elon-musk"
    assert entity_id("Moscow") != entity_id("Russia")


def test_triple_round_trips_through_json() -> None:
    triple = _triple(quad_class=3, polarity=-1, via="spending bill")
    line = triple.to_json()
    assert Triple.from_json(line) == triple
    data = json.loads(line)
    assert set(data) == {"article", "subject", "relation", "object", "evidence", "confidence"}


def test_the_key_is_stable_and_distinguishes_articles() -> None:
    first = _triple()
    assert first.key == _triple().key
    other = Triple.from_dict({**first.to_dict(), "article": {"id": "a2"}})
    assert other.key != first.key


@pytest.mark.parametrize(
    "bad",
    [{"type": "bad type"}, {"modality": "maybe"}, {"polarity": 2}, {"quad_class": 7}],
)
def test_relation_refuses_values_outside_the_contract(bad: dict[str, object]) -> None:
    fields = {"type": "CRITICIZE", "text": "x", "rule": "r", **bad}
    with pytest.raises(ValueError):
        Relation(**fields)
