"""Regression guard on the real-text tuning halves (tests/data/real/dev*.jsonl), whole
articles in, held close under the dyad scores the rules and the pair model reach there
(figures in docs/eval.md). "fresh" is dev3 to dev20 together, the halves drawn after the rules
were first tuned; "later" is dev21 to dev25, Wikinews outside politics and the last BBC
politics articles. The pair model was trained on every half, so these are not held-out figures.
Only the tuning halves: the test half is for reporting and is never run here."""

from __future__ import annotations

import pytest

from polgraph.evaltable import run
from polgraph.ingest.evaluate import evaluate, load_articles, read_gold
from polgraph.ingest.pipeline import Settings
from tests.ingest.test_evaluate_real import REAL, WIKINEWS, shared_corpora

FRESH = tuple(f"dev{n}" for n in range(3, 21))
LATER = tuple(f"dev{n}" for n in range(21, 26))
FLOORS = {
    "dev": (0.89, 0.77),
    "dev2": (0.86, 0.67),
    "wikinews": (0.86, 0.75),
    "fresh": (0.75, 0.51),
    "later": (0.59, 0.41),
}
"""(precision, F1) each part must keep: about three points under what it reads today."""


@pytest.fixture(scope="module")
def scored() -> dict[str, tuple[float, float]]:
    halves = {half: read_gold(REAL / f"{half}.jsonl") for half in ("dev", "dev2", *FRESH, *LATER)}
    items, articles = load_articles([i for h in halves.values() for i in h], shared_corpora())
    triples, _ = run(articles, Settings(), False)

    def part(*names: str) -> list:
        ids = {item.id for name in names for item in halves[name]}
        return [i for i in items if i.id in ids]

    parts = {
        "dev": part("dev"),
        "dev2": part("dev2"),
        "wikinews": [i for i in part("dev") if i.corpus == WIKINEWS],
        "fresh": part(*FRESH),
        "later": part(*LATER),
    }
    found: dict[str, tuple[float, float]] = {}
    for name, chosen in parts.items():
        dyad = evaluate(chosen, triples).scores["dyad"]
        found[name] = (dyad.precision, dyad.f1)
    return found


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_tuning_halves_hold_their_dyad_scores(
    scored: dict[str, tuple[float, float]], part: str
) -> None:
    precision, f1 = scored[part]
    floor_precision, floor_f1 = FLOORS[part]
    assert f1 >= floor_f1, (part, f1)
    assert precision >= floor_precision, (part, precision)
