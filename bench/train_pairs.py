"""Train the pair model (ingest/pairs.py) on the tuning halves and print how it generalises.

Every ordered pair of actors in each annotated sentence is a candidate, labelled by the
gold dyads of that sentence. The figures printed are held out: each fresh half (one no
rule was tuned on) is scored by a model trained on every other half, so its row says what
the model does on 30 articles it never saw, next to the rules alone on the same
sentences. The cut-offs are the held-out F1's best among those whose held-out precision
reaches `--precision` (0.70, or the rules' own on the fresh halves if higher); then the
model is trained on every half and written to `ingest/data/pair_model.json`.

    python bench/train_pairs.py --half dev dev2 dev3 ... dev20 --fresh dev3 ... dev20 [--write]

The frozen test half is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import REPO, default_corpora  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from polgraph.ingest.entities import ActorIndex  # noqa: E402
from polgraph.ingest.evaluate import (  # noqa: E402
    GoldActors,
    GoldError,
    GoldItem,
    evaluate,
    load_articles,
    read_gold,
)
from polgraph.ingest.nlp import load_model  # noqa: E402
from polgraph.ingest.pairs import (  # noqa: E402
    MODEL_FILE,
    Candidate,
    PairModel,
    candidate_sentences,
    decide,
)
from polgraph.ingest.pipeline import Settings, parsed_pieces, read_sentences  # noqa: E402
from polgraph.ingest.records import ArticleRef, Evidence, Triple  # noqa: E402
from polgraph.ingest.sources import as_provenance, cited  # noqa: E402

GOLD = REPO / "tests" / "data" / "real"
OUT = REPO / "ingest" / "data" / MODEL_FILE
MIN_ARTICLES = 3
KEEP = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
"""Cut-offs tried for dropping a rule triple. Above 0.4 the seed article loses a second
relation of the twenty its no-regression line checks ("In addition to Snowden, it has
sheltered ...": news teaches the model that an agent read through a pronoun is often
wrong); `tests/ingest/test_seed.py` holds the line whatever is chosen here."""
ADD = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8)
PRECISION = 0.70
"""Held-out precision the cut-offs must reach: issue 11's line. Where the rules alone are
more precise, theirs is the line instead: the model is there to add recall, not to trade
precision for it."""


@dataclass(slots=True)
class Sentence:
    """One annotated sentence: its candidates with labels, and the triples no pair holds."""

    half: str
    item: GoldItem
    pairs: list[Candidate]
    labels: list[int]
    unplaced: list[Triple]
    outlets: list[str]
    ref: ArticleRef
    evidence: Evidence


def _label(candidate: Candidate, item: GoldItem, actors: GoldActors) -> int:
    subject = actors.candidates(candidate.subject.actor.mention)
    obj = actors.candidates(candidate.object.actor.mention)
    for rel in item.relations:
        s, o = actors.matching(rel.subject[:1]), actors.matching(rel.object[:1])
        if s <= subject and o <= obj:
            return 1
        if rel.symmetric and s <= obj and o <= subject:
            return 1
    return 0


def gather(halves: dict[str, list[GoldItem]], corpora: Path) -> list[Sentence]:
    """Parse every article of the halves once and read each annotated sentence's pairs."""
    items = [item for found in halves.values() for item in found]
    items, articles = load_articles(items, corpora)
    half_of = {item.id: half for half, found in halves.items() for item in found}
    by_article: dict[str, list[GoldItem]] = {}
    for item in items:
        by_article.setdefault(item.article_id, []).append(item)
    settings = Settings()
    sentences: list[Sentence] = []
    for doc, article, offset, _ in parsed_pieces(articles, settings, load_model(None)):
        actors = ActorIndex(doc, settings.overrides, date=article.date)
        ref = article.ref()
        read = read_sentences(doc, actors, ref, offset)
        for (sentence, _, _), (evidence, pairs, unplaced) in zip(
            read, candidate_sentences(read, actors), strict=True
        ):
            mine = [
                i
                for i in by_article.get(article.id, [])
                if i.start is not None
                and i.end is not None
                and evidence.start < i.end
                and evidence.end > i.start
            ]
            if not mine:
                continue
            item = mine[0]
            gold = GoldActors(item.relations)
            sentences.append(
                Sentence(
                    half_of[item.id],
                    item,
                    pairs,
                    [_label(c, item, gold) for c in pairs],
                    unplaced,
                    cited(sentence, actors),
                    ref,
                    evidence,
                )
            )
    return sentences


def fit(sentences: list[Sentence], strength: float) -> tuple[DictVectorizer, LogisticRegression]:
    """A logistic model over the features seen in at least MIN_ARTICLES articles: a feature
    of one article is that article, not a way of saying things."""
    seen: dict[str, set[str]] = {}
    for s in sentences:
        for c in s.pairs:
            for feature in c.features:
                seen.setdefault(feature, set()).add(s.item.article_id)
    known = {f for f, where in seen.items() if len(where) >= MIN_ARTICLES}
    rows = [dict.fromkeys(sorted(set(c.features) & known), 1) for s in sentences for c in s.pairs]
    labels = [label for s in sentences for label in s.labels]
    vectoriser = DictVectorizer()
    model = LogisticRegression(C=strength, max_iter=2000)
    model.fit(vectoriser.fit_transform(rows), labels)
    return vectoriser, model


def as_pair_model(
    vectoriser: DictVectorizer, model: LogisticRegression, keep: float, add: float
) -> PairModel:
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectoriser.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    return PairModel(weights, round(float(model.intercept_[0]), 4), keep, add)


def predicted(
    sentences: list[Sentence], scores: list[list[float]], keep: float, add: float
) -> list[Triple]:
    triples: list[Triple] = []
    for sentence, row in zip(sentences, scores, strict=True):
        found = list(sentence.unplaced)
        found += decide(
            list(zip(row, sentence.pairs, strict=True)), keep, add, sentence.ref, sentence.evidence
        )
        triples += as_provenance(found, sentence.outlets)
    return triples


def rules_only(sentences: list[Sentence]) -> list[Triple]:
    return [
        t
        for s in sentences
        for t in as_provenance(s.unplaced + [t for c in s.pairs for t in c.triples], s.outlets)
    ]


def held_out(sentences: list[Sentence], halves: list[str], strength: float) -> list[list[float]]:
    """Each sentence's pair scores from a model trained on the other halves only."""
    scores: dict[int, list[float]] = {}
    for half in halves:
        train = [s for s in sentences if s.half != half]
        vectoriser, model = fit(train, strength)
        for index, sentence in enumerate(sentences):
            if sentence.half == half and sentence.pairs:
                rows = [dict.fromkeys(c.features, 1) for c in sentence.pairs]
                scores[index] = list(model.predict_proba(vectoriser.transform(rows))[:, 1])
    return [scores.get(i, []) for i in range(len(sentences))]


def _row(table: Table, label: str, items: list[GoldItem], triples: list[Triple]) -> None:
    score = evaluate(items, triples).scores["dyad"]
    table.add_row(label, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", nargs="+", required=True, help="halves to train on")
    parser.add_argument(
        "--fresh",
        nargs="+",
        required=True,
        help="halves drawn after the rules were first tuned: their held-out figures pick cut-offs",
    )
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--strength", type=float, nargs="+", default=[0.1, 0.3, 1.0])
    parser.add_argument(
        "--precision",
        type=float,
        default=PRECISION,
        help="held-out precision the chosen cut-offs must reach (the rules' own, if higher)",
    )
    parser.add_argument("--write", action="store_true", help=f"write {OUT.name}")
    args = parser.parse_args()
    if "test" in args.half + args.fresh:
        sys.exit("train_pairs: the frozen test half is for reporting only")
    if not set(args.fresh) <= set(args.half):
        sys.exit("train_pairs: every --fresh half must also be a --half")
    out = Console(width=120)
    try:
        halves = {half: read_gold(GOLD / f"{half}.jsonl") for half in args.half}
        sentences = gather(halves, args.corpora)
    except GoldError as error:
        sys.exit(f"train_pairs: {error}")
    fresh = [s for s in sentences if s.half in args.fresh]
    items = [s.item for s in fresh]
    out.print(
        f"{len(sentences)} sentences, {sum(len(s.pairs) for s in sentences)} candidate pairs, "
        f"{sum(sum(s.labels) for s in sentences)} of them gold; "
        f"{sum(len(s.item.relations) for s in sentences)} gold relations"
    )
    rules = evaluate(items, rules_only(fresh)).scores["dyad"].precision
    floor = max(rules, args.precision)
    best: tuple[float, float, float, float, list[list[float]]] | None = None
    for strength in args.strength:
        scores = held_out(sentences, args.fresh, strength)
        mine = [scores[i] for i, s in enumerate(sentences) if s.half in args.fresh]
        for keep in KEEP:
            for add in ADD:
                dyad = evaluate(items, predicted(fresh, mine, keep, add)).scores["dyad"]
                if dyad.precision >= floor and (best is None or dyad.f1 > best[0]):
                    best = (dyad.f1, strength, keep, add, scores)
    if best is None:
        sys.exit(f"train_pairs: no cut-off reaches held-out precision {floor:.3f}")
    _, strength, keep, add, scores = best
    table = Table(title=f"held out, one half at a time (C={strength}, keep {keep}, add {add})")
    for column in ("half", "P", "R", "F1"):
        table.add_column(column, justify="left" if column == "half" else "right")
    for half in [*args.fresh, "fresh"]:
        chosen = [
            i for i, s in enumerate(sentences) if s.half in args.fresh and half in ("fresh", s.half)
        ]
        mine = [sentences[i] for i in chosen]
        _row(table, f"{half} rules", [s.item for s in mine], rules_only(mine))
        _row(
            table,
            f"{half} learned",
            [s.item for s in mine],
            predicted(mine, [scores[i] for i in chosen], keep, add),
        )
    out.print(table)
    if args.write:
        vectoriser, model = fit(sentences, strength)
        pair = as_pair_model(vectoriser, model, keep, add)
        data = {
            "trained_on": args.half,
            "cut_offs_from": args.fresh,
            "strength": strength,
            "bias": pair.bias,
            "keep": keep,
            "add": add,
            "weights": dict(sorted(pair.weights.items())),
        }
        OUT.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
        out.print(f"wrote {OUT.relative_to(REPO)}: {len(pair.weights)} weights")


if __name__ == "__main__":
    main()
