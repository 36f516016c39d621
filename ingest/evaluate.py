"""Score extracted triples against a gold file: precision, recall and F1 of actor dyads.

Scoring is by unique keys per gold item, so a relation read twice from one sentence counts
once, and an actor counts as matched when any of its gold aliases equals the predicted
canonical name or the words as written. The format is documented in docs/eval.md.

A gold item is either a whole text (the constructed set) or one sentence inside a whole
article (the real-text set): the extractor reads the whole article, and only the triples
whose evidence sentence overlaps the annotated sentence are scored against it, so a
relation found through the article's context is credited where a reader would find it.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from polgraph.ingest.read import read_paths
from polgraph.ingest.records import Article, Mention, Triple

LEVELS: tuple[str, ...] = ("dyad", "dyad+quad", "dyad+type")
WHOLE = "gold"
"""The corpus label of items that are whole texts rather than sentences of a corpus."""
_SHA = re.compile(r"[0-9a-f]{12}")


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
    """A gold text. With `article` set it is the sentence `start:end` of that article in
    `corpus`; its `text` may be empty in the file and is then read from the corpus."""

    id: str
    text: str
    relations: tuple[GoldRelation, ...]
    date: str | None = None
    construction: str | None = None
    article: str | None = None
    corpus: str | None = None
    start: int | None = None
    end: int | None = None
    sha: str | None = None

    @property
    def article_id(self) -> str:
        return self.article or self.id

    @property
    def label(self) -> str:
        return self.corpus or WHOLE

    def covers(self, triple: Triple) -> bool:
        """A whole-text item takes every triple of its id; a sentence item the triples whose
        evidence overlaps it (parsers may cut a sentence a few characters differently)."""
        if self.start is None or self.end is None:
            return True
        return triple.evidence.start < self.end and triple.evidence.end > self.start


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

    def add_counts(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.expected += other.expected

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
    corpora: dict[str, Score] = field(default_factory=dict)
    """Dyad scores per corpus label (`WHOLE` for whole-text items)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            **{level: score.to_dict() for level, score in self.scores.items()},
            "corpora": {label: score.to_dict() for label, score in self.corpora.items()},
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


def sentence_hash(sentence: str) -> str:
    """The short hash a sentence item keeps, so a changed corpus or reader is caught."""
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:12]


def _place(data: dict[str, Any], where: str) -> dict[str, Any]:
    """The fields that put a sentence item in its article, checked."""
    for name in ("article", "corpus"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise GoldError(f"{where}: '{name}' must be a non-empty string")
    start, end = data.get("start"), data.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise GoldError(f"{where}: 'start' and 'end' must be integers")
    if not 0 <= start < end:
        raise GoldError(f"{where}: needs 0 <= start < end, got {start}-{end}")
    if not isinstance(data.get("sha"), str) or not _SHA.fullmatch(data["sha"]):
        raise GoldError(f"{where}: 'sha' must be 12 lowercase hex digits")
    text = data.get("text", "")
    if not isinstance(text, str):
        raise GoldError(f"{where}: 'text' must be a string")
    if text and sentence_hash(text) != data["sha"]:
        raise GoldError(f"{where}: 'text' does not match 'sha'")
    return {k: data[k] for k in ("article", "corpus", "start", "end", "sha")} | {"text": text}


def parse_gold_line(line: str, where: str) -> GoldItem:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise GoldError(f"{where}: malformed JSON: {err.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise GoldError(f"{where}: expected an object with a string 'id'")
    if "article" in data:
        place = _place(data, where)
    elif not isinstance(data.get("text"), str) or not data["text"].strip():
        raise GoldError(f"{where}: missing or empty 'text'")
    else:
        place = {"text": data["text"]}
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
        relations=tuple(parsed),
        date=data.get("date"),
        construction=data.get("construction"),
        **place,
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


def load_articles(items: list[GoldItem], corpora: Path) -> tuple[list[GoldItem], list[Article]]:
    """The sentence items with their text read from `corpora`, and the articles they are in.

    Every sentence is checked against its hash, so scoring never runs on other words than
    those annotated; a missing file, article or a changed sentence raises GoldError.
    """
    wanted: dict[str, set[str]] = {}
    for item in items:
        if item.article is not None and item.corpus is not None:
            wanted.setdefault(item.corpus, set()).add(item.article)
    articles: dict[str, Article] = {}
    for corpus, ids in sorted(wanted.items()):
        path = corpora / corpus
        if not path.is_file():
            raise GoldError(f"{path}: corpus file not found (pass the corpora directory)")
        for found in read_paths([path]):
            if isinstance(found, Article) and found.id in ids:
                articles.setdefault(found.id, found)
        missing = sorted(ids - set(articles))
        if missing:
            raise GoldError(f"{path}: no article with id {missing[0]!r}")
    filled = []
    for item in items:
        if item.article is None or item.start is None or item.end is None:
            filled.append(item)
            continue
        sentence = articles[item.article].text[item.start : item.end]
        if sentence_hash(sentence) != item.sha:
            raise GoldError(
                f"{item.id}: the text at {item.start}-{item.end} of {item.article} in "
                f"{item.corpus} is not the annotated sentence (corpus or reader changed)"
            )
        filled.append(replace(item, text=sentence))
    order = list(dict.fromkeys(item.article for item in items if item.article is not None))
    return filled, [articles[article_id] for article_id in order]


@dataclass(frozen=True, slots=True)
class _Key:
    """One dyad to match: gold actors (one each) or the gold actors a predicted mention may
    be (all those whose aliases it matches; a generic "United States" may be the state or
    its military, both annotated in one sentence)."""

    subject: frozenset[str]
    object: frozenset[str]
    label: Any
    symmetric: bool = False
    shown: tuple[str, str] = ("", "")

    def fits(self, gold: _Key) -> bool:
        if self.label != gold.label:
            return False
        (s,), (o,) = gold.subject, gold.object
        if s in self.subject and o in self.object:
            return True
        return gold.symmetric and o in self.subject and s in self.object


class GoldActors:
    """The gold actors of one item, each its canonical name with every alias given for it."""

    def __init__(self, relations: Iterable[GoldRelation]) -> None:
        self.aliases: dict[str, set[str]] = {}
        for rel in relations:
            for side in (rel.subject, rel.object):
                self.aliases.setdefault(normalise(side[0]), set()).update(map(normalise, side))

    def candidates(self, mention: Mention) -> frozenset[str]:
        return self.matching((mention.name, mention.mention))

    def matching(self, names: Iterable[str]) -> frozenset[str]:
        """The gold actors any of `names` may be; else the first name itself, normalised."""
        written = [normalise(name) for name in names]
        found = frozenset(key for key, aliases in self.aliases.items() if set(written) & aliases)
        return found or frozenset(written[:1])


def _label(level: str, quad: int | None, kind: str | None) -> Any:
    if level == "dyad+quad":
        return quad
    if level == "dyad+type":
        return (kind or "").upper()
    return None


def _gold_keys(item: GoldItem, level: str) -> list[_Key]:
    keys: dict[Any, _Key] = {}
    for rel in item.relations:
        subject, obj = normalise(rel.subject[0]), normalise(rel.object[0])
        if rel.symmetric:
            subject, obj = sorted((subject, obj))
        label = _label(level, rel.quad_class, rel.type)
        keys.setdefault(
            (subject, obj, label, rel.symmetric),
            _Key(frozenset({subject}), frozenset({obj}), label, rel.symmetric, (subject, obj)),
        )
    return list(keys.values())


@dataclass(frozen=True, slots=True)
class _Reading:
    """One predicted relation as the scorer sees it: the names each side is known by."""

    subject: tuple[str, ...]
    object: tuple[str, ...]
    quad_class: int | None
    type: str | None


def _triple_reading(triple: Triple) -> _Reading:
    return _Reading(
        (triple.subject.name, triple.subject.mention),
        (triple.object.name, triple.object.mention),
        triple.relation.quad_class,
        triple.relation.type,
    )


def _annotation_reading(relation: GoldRelation) -> _Reading:
    return _Reading(relation.subject, relation.object, relation.quad_class, relation.type)


def _predicted_keys(
    readings: Iterable[_Reading], actors: GoldActors, gold: list[_Key], level: str
) -> list[_Key]:
    """Distinct predicted dyads; the two directions of a pair that a symmetric gold
    relation accepts count as one, as the reader wrote the pair once."""
    keys: dict[Any, _Key] = {}
    for reading in readings:
        subject, obj = actors.matching(reading.subject), actors.matching(reading.object)
        if subject == obj and len(subject) == 1:
            continue
        label = _label(level, reading.quad_class, reading.type)
        key = _Key(subject, obj, label, shown=(min(subject), min(obj)))
        if any(g.symmetric and _joins(key, g) for g in gold):
            first, second = sorted((tuple(sorted(subject)), tuple(sorted(obj))))
            identity: Any = (first, second, label)
        else:
            identity = (tuple(sorted(subject)), tuple(sorted(obj)), label)
        keys.setdefault(identity, key)
    return list(keys.values())


def _joins(key: _Key, gold: _Key) -> bool:
    """The predicted key links the gold pair in either direction, whatever its label."""
    (s,), (o,) = gold.subject, gold.object
    return (s in key.subject and o in key.object) or (o in key.subject and s in key.object)


def _match(predicted: list[_Key], gold: list[_Key]) -> dict[int, int]:
    """A largest one-to-one matching of predicted to gold keys (gold index -> predicted
    index), by augmenting paths: the lists are a sentence's worth, a handful each."""
    fits = [[p for p, key in enumerate(predicted) if key.fits(g)] for g in gold]
    owner: dict[int, int] = {}

    def assign(g: int, seen: set[int]) -> bool:
        for p in fits[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        assign(g, set())
    return {g: p for p, g in owner.items()}


def evaluate(gold: list[GoldItem], triples: Iterable[Triple]) -> Evaluation:
    """Score predicted triples, grouped by article id, against the gold items of that id.

    Triples whose article is not in the gold file are ignored: a gold file may cover part
    of a corpus, and a sentence item only takes the triples read from that sentence.
    """
    by_article: dict[str, list[Triple]] = {}
    for triple in triples:
        by_article.setdefault(triple.article.id, []).append(triple)
    return _score(
        gold,
        {
            item.id: [
                _triple_reading(t) for t in by_article.get(item.article_id, []) if item.covers(t)
            ]
            for item in gold
        },
    )


def agreement(first: list[GoldItem], second: list[GoldItem]) -> Evaluation:
    """A second annotation of the same items scored against the first, as if predicted:
    its F1 is the agreement of two readers, the most an extractor can be expected to reach.
    A side matches when any alias of the second reader's equals an alias of the first's."""
    ids = {item.id for item in first}
    extra = sorted({item.id for item in second} - ids)
    if extra:
        raise GoldError(f"second annotation has an item the first lacks: {extra[0]!r}")
    readings = {item.id: [_annotation_reading(r) for r in item.relations] for item in second}
    return _score([item for item in first if item.id in readings], readings)


def _score(gold: list[GoldItem], readings: dict[str, list[_Reading]]) -> Evaluation:
    result = Evaluation(items=len(gold))
    for item in gold:
        found = readings.get(item.id, [])
        actors = GoldActors(item.relations)
        for level in LEVELS:
            expected = _gold_keys(item, level)
            predicted = _predicted_keys(found, actors, expected, level)
            matched = _match(predicted, expected)
            score = Score(len(matched), len(predicted), len(expected))
            result.scores[level].add_counts(score)
            if level != "dyad":
                continue
            result.corpora.setdefault(item.label, Score()).add_counts(score)
            result.missed.extend(
                (item.id, key.shown) for g, key in enumerate(expected) if g not in matched
            )
            taken = set(matched.values())
            result.spurious.extend(
                (item.id, key.shown) for p, key in enumerate(predicted) if p not in taken
            )
    return result
