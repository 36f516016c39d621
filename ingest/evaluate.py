"""Score extracted triples against a gold file: precision, recall and F1 of actor dyads.

Scoring is by unique keys per gold item, so a relation read twice from one sentence counts
once, and an actor counts as matched when any of its gold aliases equals the predicted
canonical name or the words as written. The format is documented in docs/eval.md.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polgraph.ingest.records import Triple

LEVELS: tuple[str, ...] = ("dyad", "dyad+quad", "dyad+type")


class GoldError(Exception):
    """A gold file line that does not follow the documented format."""


@dataclass(frozen=True, slots=True)
class GoldRelation:
    subject: tuple[str, ...]
    object: tuple[str, ...]
    quad_class: int | None
    type: str | None = None
    modality: str | None = None
    symmetric: bool = False


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    text: str
    relations: tuple[GoldRelation, ...]
    date: str | None = None
    construction: str | None = None


@dataclass(slots=True)
class Score:
    """Counts of one level; the ratios are 0 when nothing was predicted or expected."""

    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: set[Any], expected: set[Any]) -> None:
        self.true_positives += len(predicted & expected)
        self.predicted += len(predicted)
        self.expected += len(expected)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positives": self.true_positives,
            "predicted": self.predicted,
            "expected": self.expected,
        }


@dataclass(slots=True)
class Evaluation:
    """Scores per level, and the misses and false alarms per item for error analysis."""

    scores: dict[str, Score] = field(default_factory=lambda: {lv: Score() for lv in LEVELS})
    items: int = 0
    missed: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    spurious: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            **{level: score.to_dict() for level, score in self.scores.items()},
        }


def normalise(name: str) -> str:
    """Fold case, accents, punctuation and a leading "the" so aliases compare loosely."""
    text = re.sub(r"[\u2019']s?$", "", name.strip())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _aliases(value: Any, where: str, side: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise GoldError(f"{where}: '{side}' must be a name or a non-empty list of names")
    return tuple(value)


def parse_gold_line(line: str, where: str) -> GoldItem:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise GoldError(f"{where}: malformed JSON: {err.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise GoldError(f"{where}: expected an object with a string 'id'")
    if not isinstance(data.get("text"), str) or not data["text"].strip():
        raise GoldError(f"{where}: missing or empty 'text'")
    relations = data.get("relations")
    if not isinstance(relations, list):
        raise GoldError(f"{where}: 'relations' must be a list (empty when there are none)")
    parsed: list[GoldRelation] = []
    for index, rel in enumerate(relations, 1):
        at = f"{where} relation {index}"
        if not isinstance(rel, dict):
            raise GoldError(f"{at}: expected an object")
        quad = rel.get("quad_class")
        if quad is not None and quad not in range(5):
            raise GoldError(f"{at}: quad_class must be 0-4")
        parsed.append(
            GoldRelation(
                subject=_aliases(rel.get("subject"), at, "subject"),
                object=_aliases(rel.get("object"), at, "object"),
                quad_class=quad,
                type=rel.get("type"),
                modality=rel.get("modality"),
                symmetric=bool(rel.get("symmetric", False)),
            )
        )
    return GoldItem(
        id=data["id"],
        text=data["text"],
        relations=tuple(parsed),
        date=data.get("date"),
        construction=data.get("construction"),
    )


def read_gold(path: Path) -> list[GoldItem]:
    """Every item of a gold JSONL file; a bad line raises GoldError naming file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise GoldError(f"{path}: cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text") from None
    items = [
        parse_gold_line(line, f"{path} line {number}")
        for number, line in enumerate(lines, 1)
        if line.strip()
    ]
    if not items:
        raise GoldError(f"{path}: no gold items")
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise GoldError(f"{path}: duplicate item ids")
    return items


def is_triples_file(path: Path) -> bool:
    """True when the first line is a triple (has subject/relation/object), not an article."""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    data = json.loads(line)
                    return isinstance(data, dict) and {"subject", "relation", "object"} <= set(data)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return False


class _ActorKeys:
    """Maps predicted mentions onto the gold actors of one item, by alias."""

    def __init__(self, relations: Iterable[GoldRelation]) -> None:
        self._by_alias: dict[str, str] = {}
        for rel in relations:
            for side in (rel.subject, rel.object):
                key = normalise(side[0])
                for alias in side:
                    self._by_alias.setdefault(normalise(alias), key)

    def gold(self, aliases: tuple[str, ...]) -> str:
        return self._by_alias.get(normalise(aliases[0]), normalise(aliases[0]))

    def predicted(self, name: str, written: str) -> str:
        for candidate in (name, written):
            key = self._by_alias.get(normalise(candidate))
            if key is not None:
                return key
        return normalise(name)


def _gold_keys(item: GoldItem, keys: _ActorKeys) -> tuple[dict[str, set[Any]], set[Any]]:
    by_level: dict[str, set[Any]] = {level: set() for level in LEVELS}
    symmetric: set[Any] = set()
    for rel in item.relations:
        subject, obj = keys.gold(rel.subject), keys.gold(rel.object)
        if rel.symmetric:
            symmetric.add(frozenset((subject, obj)))
            subject, obj = sorted((subject, obj))
        by_level["dyad"].add((subject, obj))
        by_level["dyad+quad"].add((subject, obj, rel.quad_class))
        by_level["dyad+type"].add((subject, obj, (rel.type or "").upper()))
    return by_level, symmetric


def _predicted_keys(
    triples: Iterable[Triple], keys: _ActorKeys, symmetric: set[Any]
) -> dict[str, set[Any]]:
    by_level: dict[str, set[Any]] = {level: set() for level in LEVELS}
    for triple in triples:
        subject = keys.predicted(triple.subject.name, triple.subject.mention)
        obj = keys.predicted(triple.object.name, triple.object.mention)
        if subject == obj:
            continue
        if frozenset((subject, obj)) in symmetric:
            subject, obj = sorted((subject, obj))
        by_level["dyad"].add((subject, obj))
        by_level["dyad+quad"].add((subject, obj, triple.relation.quad_class))
        by_level["dyad+type"].add((subject, obj, triple.relation.type))
    return by_level


def evaluate(gold: list[GoldItem], triples: Iterable[Triple]) -> Evaluation:
    """Score predicted triples, grouped by article id, against the gold items of that id.

    Triples whose article is not in the gold file are ignored: a gold file may cover part
    of a corpus.
    """
    by_article: dict[str, list[Triple]] = {}
    for triple in triples:
        by_article.setdefault(triple.article.id, []).append(triple)
    result = Evaluation(items=len(gold))
    for item in gold:
        keys = _ActorKeys(item.relations)
        expected, symmetric = _gold_keys(item, keys)
        predicted = _predicted_keys(by_article.get(item.id, []), keys, symmetric)
        for level in LEVELS:
            result.scores[level].add(predicted[level], expected[level])
        result.missed.extend((item.id, key) for key in expected["dyad"] - predicted["dyad"])
        result.spurious.extend((item.id, key) for key in predicted["dyad"] - expected["dyad"])
    return result
