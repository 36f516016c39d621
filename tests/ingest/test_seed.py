"""Acceptance of issue 3 on the seed article: the relations a careful reader lists.

The check list is issue 3's, but for its last entry: "Musk leads SpaceX" was never stated by
the text (nor emitted by any rule), so it became "British blogger Graham Phillips", a
nationality the text does state (issue 11). Each entry says which (subject, object) the
relation must come out as, in that direction, and a predicate on the relation. At least 19
of 20 must hold (issue 11), and at least 80% of the actor-to-actor triples emitted must be
right: the ones judged wrong by hand are listed in EXPECTED_WRONG, and any triple not
judged at all fails the test, so a new output forces a new judgement.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from polgraph.ingest.pipeline import extract
from polgraph.ingest.read import read_paths
from polgraph.ingest.records import Relation, Triple

SEED = Path(__file__).parents[2] / "seeds" / "000_215112939b79893b.txt"

Check = tuple[str, str, str, Callable[[Relation], bool]]


def conflict(r: Relation) -> bool:
    return r.quad_class in (3, 4) and r.polarity == -1


CHECKS: list[Check] = [
    ("Novikov offers asylum to Musk (hypothetical)", "Dmitry Novikov", "Elon Musk",
     lambda r: r.type == "OFFER_ASYLUM" and r.modality == "hypothetical"),
    ("Russia could provide asylum to Musk", "Russia", "Elon Musk",
     lambda r: "ASYLUM" in r.type and r.modality == "hypothetical"),
    ("Russia granted asylum to / sheltered Snowden", "Russia", "Edward Snowden",
     lambda r: r.quad_class == 2),
    ("Russia sheltered Graham Phillips", "Russia", "Graham Phillips",
     lambda r: r.type == "SHELTER"),
    ("Novikov commented to TASS", "Dmitry Novikov", "TASS", lambda r: r.type == "COMMENT"),
    ("Bannon brands Musk an illegal alien", "Steve Bannon", "Elon Musk",
     lambda r: r.type == "INSULT"),
    ("Bannon calls for Musk's deportation", "Steve Bannon", "Elon Musk",
     lambda r: r.type == "CALL_FOR_DEPORTATION"),
    ("Bannon calls for the seizure of SpaceX", "Steve Bannon", "SpaceX",
     lambda r: r.type == "CALL_FOR_SEIZURE"),
    ("Musk threatens NASA", "Elon Musk", "NASA", lambda r: r.type == "THREATEN"),
    ("Peskov spokesperson for the Kremlin", "Dmitry Peskov", "Kremlin",
     lambda r: r.type == "SPOKESPERSON_FOR"),
    ("Bannon former adviser to Trump", "Steve Bannon", "Donald Trump",
     lambda r: r.type == "ADVISER_TO" and r.former),
    ("Novikov member of the State Duma committee", "Dmitry Novikov",
     "State Duma’s Committee on International Affairs", lambda r: r.type == "MEMBER_OF"),
    ("Musk-Trump feud", "Elon Musk", "Donald Trump", lambda r: r.type == "FEUD" and conflict(r)),
    ("Musk criticises Trump via the spending bill", "Elon Musk", "Donald Trump",
     lambda r: r.type == "CRITICIZE" and r.via == "spending bill"),
    ("Trump insults Musk", "Donald Trump", "Elon Musk", lambda r: r.type == "INSULT"),
    ("Trump threatens SpaceX (contract review)", "Donald Trump", "SpaceX", conflict),
    ("Trump wishes Musk well", "Donald Trump", "Elon Musk",
     lambda r: r.type == "WISH_WELL" and r.polarity == 1),
    ("Kremlin does not intend to interfere in the US", "Kremlin", "United States",
     lambda r: r.modality == "negated"),
    ("Musk and Trump once close allies", "Elon Musk", "Donald Trump",
     lambda r: r.type == "ALLY" and r.former),
    ("British blogger Graham Phillips", "Graham Phillips", "United Kingdom",
     lambda r: r.type == "MEMBER_OF" and r.quad_class == 0),
]  # fmt: skip

# Every actor-to-actor triple the seed yields, judged by hand: (subject, type, object).
JUDGED_RIGHT: set[tuple[str, str, str]] = {
    # statements about someone (docs/eval.md): "noting that Russia could provide asylum to
    # Musk, should the billionaire seek it", "claiming Musk had lost his mind".
    ("Dmitry Novikov", "SAY", "Elon Musk"),
    ("Donald Trump", "SAY", "Elon Musk"),
    # the pair model (ingest/pairs.py): "Novikov said, drawing parallels to the asylum
    # granted to Edward Snowden".
    ("Dmitry Novikov", "SAY", "Edward Snowden"),
    ("Dmitry Novikov", "OFFER_ASYLUM", "Elon Musk"),
    ("Elon Musk", "FEUD", "Donald Trump"),
    ("Donald Trump", "FEUD", "Elon Musk"),
    ("Dmitry Novikov", "COMMENT", "TASS"),
    ("Russia", "GRANT_ASYLUM", "Elon Musk"),
    ("Dmitry Novikov", "MEMBER_OF", "State Duma’s Committee on International Affairs"),
    # "a senior Russian lawmaker has floated ...", the description the next sentence names.
    ("Dmitry Novikov", "MEMBER_OF", "Russia"),
    ("Steve Bannon", "INSULT", "Elon Musk"),
    ("Steve Bannon", "CALL_FOR_DEPORTATION", "Elon Musk"),
    ("Steve Bannon", "CALL_FOR_SEIZURE", "SpaceX"),
    ("Steve Bannon", "ADVISER_TO", "Donald Trump"),
    ("Elon Musk", "OWNS", "Dragon spacecraft"),
    ("Dmitry Peskov", "SPOKESPERSON_FOR", "Kremlin"),
    ("Russia", "SHELTER", "Edward Snowden"),
    ("Russia", "SHELTER", "Graham Phillips"),
    ("Elon Musk", "CRITICIZE", "Donald Trump"),
    ("Donald Trump", "INSULT", "Elon Musk"),
    ("Donald Trump", "INVESTIGATE", "SpaceX"),
    ("Donald Trump", "WISH_WELL", "Elon Musk"),
    ("Elon Musk", "THREATEN", "NASA"),
    ("Elon Musk", "ALLY", "Donald Trump"),
    ("Donald Trump", "ALLY", "Elon Musk"),
    # "Once close allies, their relationship imploded": they had ties (the type does not say
    # that they ended).
    ("Elon Musk", "TIES", "Donald Trump"),
    ("Donald Trump", "TIES", "Elon Musk"),
    ("Kremlin", "INTERFERE", "United States"),
    ("Graham Phillips", "MEMBER_OF", "United Kingdom"),
    # "figures critical of Western governments, including … Graham Phillips"
    ("Graham Phillips", "CRITICIZE", "the West"),
}
# "threats to pull his Dragon spacecraft": the spacecraft is read as an organisation.
# "Bannon branding Musk 'an illegal alien' and calling for ... the government seizure of
# SpaceX": the government he calls on is right, "branding" reaches it past Musk.
EXPECTED_WRONG: set[tuple[str, str, str]] = {
    ("Elon Musk", "THREATEN", "Dragon"),
    ("Steve Bannon", "DESCRIBE", "Government (United States)"),
}


@pytest.fixture(scope="module")
def seed_triples() -> list[Triple]:
    articles = [a for a in read_paths([SEED]) if not hasattr(a, "reason")]
    assert articles, "the seed article is missing"
    return [t for extraction in extract(articles) for t in extraction.triples]


def holds(triples: list[Triple], check: Check) -> bool:
    _, subject, obj, test = check
    return any(
        t.subject.name == subject and t.object.name == obj and test(t.relation) for t in triples
    )


def test_at_least_19_of_the_20_seed_relations(seed_triples: list[Triple]) -> None:
    found = [check[0] for check in CHECKS if holds(seed_triples, check)]
    missing = [check[0] for check in CHECKS if not holds(seed_triples, check)]
    assert len(found) >= 19, f"only {len(found)} of 20; missing: {missing}"


def test_seed_actor_types_are_not_mistyped(seed_triples: list[Triple]) -> None:
    types = {m.name: m.type for t in seed_triples for m in (t.subject, t.object)}
    for person in ("Elon Musk", "Donald Trump", "Edward Snowden", "Dmitry Novikov"):
        if person in types:
            assert types[person] == "PERSON", (person, types[person])


def test_at_least_80_percent_of_seed_triples_are_right(seed_triples: list[Triple]) -> None:
    emitted = {(t.subject.name, t.relation.type, t.object.name) for t in seed_triples}
    unjudged = emitted - JUDGED_RIGHT - EXPECTED_WRONG
    assert not unjudged, f"judge these new triples by hand: {sorted(unjudged)}"
    wrong = emitted & EXPECTED_WRONG
    assert len(wrong) <= 0.2 * len(emitted), sorted(wrong)
