from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from polgraph.ingest.evaluate import GoldError, agreement, evaluate, normalise, read_gold
from polgraph.ingest.records import ArticleRef, Evidence, Mention, Relation, Triple

GOLD_DEV = Path(__file__).parents[1] / "data" / "gold_dev.jsonl"


def triple(item: str, subject: str, obj: str, quad: int = 3) -> Triple:
    return Triple(
        article=ArticleRef(id=item),
        subject=Mention(subject.lower(), subject, subject, "PERSON"),
        relation=Relation(type="CRITICIZE", text="x", rule="active", quad_class=quad),
        object=Mention(obj.lower(), obj, obj, "PERSON"),
        evidence=Evidence("s", 0, 1),
    )


def write_gold(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    return write_gold(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "a",
                "text": "Musk lambasted Trump's bill.",
                "relations": [
                    {"subject": ["Elon Musk", "Musk"], "object": ["Trump"], "quad_class": 3}
                ],
            },
            {
                "id": "b",
                "text": "The feud between Musk and Trump.",
                "relations": [
                    {"subject": "Musk", "object": "Trump", "quad_class": 3, "symmetric": True}
                ],
            },
        ],
    )


def test_aliases_direction_and_quad(gold: Path) -> None:
    items = read_gold(gold)
    result = evaluate(items, [triple("a", "Elon Musk", "Trump"), triple("a", "Trump", "Elon Musk")])
    dyad = result.scores["dyad"]
    assert (dyad.true_positives, dyad.predicted, dyad.expected) == (1, 2, 2)
    assert dyad.precision == 0.5
    assert dyad.recall == 0.5


def test_symmetric_gold_accepts_either_direction_once(gold: Path) -> None:
    items = read_gold(gold)
    result = evaluate(items, [triple("b", "Trump", "Musk"), triple("b", "Musk", "Trump")])
    assert result.scores["dyad"].true_positives == 1
    assert result.scores["dyad"].predicted == 1


def test_wrong_quad_counts_against_dyad_plus_quad_only(gold: Path) -> None:
    items = read_gold(gold)
    result = evaluate(items, [triple("a", "Musk", "Trump", quad=1)])
    assert result.scores["dyad"].true_positives == 1
    assert result.scores["dyad+quad"].true_positives == 0


def test_second_annotation_scored_like_a_prediction(gold: Path, tmp_path: Path) -> None:
    """A second reader who names Musk by another alias, reverses the symmetric pair and
    adds one relation agrees on both gold dyads, with one extra."""
    second = write_gold(
        tmp_path / "second.jsonl",
        [
            {
                "id": "a",
                "text": "Musk lambasted Trump's bill.",
                "relations": [{"subject": ["Musk"], "object": ["Donald Trump", "Trump"]}],
            },
            {
                "id": "b",
                "text": "The feud between Musk and Trump.",
                "relations": [
                    {"subject": "Trump", "object": "Musk", "symmetric": True},
                    {"subject": "Trump", "object": "Republican Party", "quad_class": 0},
                ],
            },
        ],
    )
    dyad = agreement(read_gold(gold), read_gold(second)).scores["dyad"]
    assert (dyad.true_positives, dyad.predicted, dyad.expected) == (2, 3, 2)


def test_second_annotation_with_unknown_item_is_refused(gold: Path, tmp_path: Path) -> None:
    second = write_gold(tmp_path / "second.jsonl", [{"id": "z", "text": "x", "relations": []}])
    with pytest.raises(GoldError, match="'z'"):
        agreement(read_gold(gold), read_gold(second))


def test_normalise_folds_case_articles_and_possessives() -> None:
    assert normalise("The Kremlin’s") == normalise("kremlin")


def test_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t", "relations": [{"subject": []}]}\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad.jsonl line 1 relation 1"):
        read_gold(bad)


def run_eval(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from polgraph.cli import app; app()", "eval", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_cli_rejects_bad_gold_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    done = run_eval(str(bad), str(GOLD_DEV))
    assert done.returncode == 1
    assert "bad.jsonl line 1" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("flags", "dyad", "quad"),
    [([], 0.91, 0.85), (["--rules-only"], 0.94, 0.88)],
    ids=["with-pair-model", "rules-only"],
)
def test_development_gold_set_scores(flags: list[str], dyad: float, quad: float) -> None:
    """Held close under today's figures, so a regression of a few sentences shows: the rules
    alone read dyad F1 0.951 (dyad+quad 0.892); the pair model, trained on real news, adds a
    few co-mentioned pairs to these dense written sentences and reads 0.922 (0.866). Issue
    11 requires the dyad F1 to stay at or above 0.90."""
    done = run_eval(str(GOLD_DEV), str(GOLD_DEV), "--format", "json", *flags)
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["items"] >= 60
    assert scores["dyad"]["f1"] >= dyad
    assert scores["dyad+quad"]["f1"] >= quad
