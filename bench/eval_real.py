"""The extractor against the real-text gold set, side by side with the co-occurrence baseline.

Reads `tests/data/real/{dev,test}.jsonl`, the articles from `../shared/corpora/`, runs the
extractor over the whole sampled articles and prints, per corpus and overall, dyad
precision, recall and F1 of both, the relation counts, and the share of gold predicates
that get no CAMEO root from the dictionary (with the lemmas, for the dev half only: the
test half is for reporting, and its errors are not read).

    python bench/eval_real.py --half dev [dev2 ... dev14] [--corpora DIR] [--model NAME]
        [--rules-only]

Halves given together are scored as one set (`--half dev dev2`: every tuning sentence).

The predicate of a gold relation is the lowest word the two actors hang from in the parse
of the sentence (their lowest common ancestor: "criticised" in "A sharply criticised B",
"praise" in "A lavished praise on B"); a light verb passes to its object noun. It can only
be found where the pipeline recognises both actors in the sentence and one hangs from a
word that is not itself an actor ("the US-India deal" has none), so the share is of those
relations; structural ones (quad class 0) are left out: they have no CAMEO code.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import REPO, default_corpora  # noqa: E402
from rich.console import Console  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Token  # noqa: E402

from polgraph.evaltable import comparison_table, run  # noqa: E402
from polgraph.ingest.entities import ActorIndex  # noqa: E402
from polgraph.ingest.evaluate import (  # noqa: E402
    GoldActors,
    GoldError,
    GoldItem,
    evaluate,
    load_articles,
    normalise,
    read_gold,
)
from polgraph.ingest.nlp import load_model, piece_limit, pieces  # noqa: E402
from polgraph.ingest.pairs import common_ancestor, sense_of  # noqa: E402
from polgraph.ingest.pipeline import Settings  # noqa: E402
from polgraph.ingest.records import Article  # noqa: E402
from polgraph.ingest.semantics import lexicon  # noqa: E402

GOLD = REPO / "tests" / "data" / "real"


def halves() -> list[str]:
    """The halves `split.json` names: dev, test and the later tuning halves."""
    split = json.loads((GOLD / "split.json").read_text("utf-8"))
    return [name for name, value in split.items() if isinstance(value, list)]


def predicate_roots(
    items: list[GoldItem], articles: list[Article], nlp: Language
) -> tuple[int, int, int, Counter[str]]:
    """(non-structural gold relations, those whose two actors the pipeline finds, those of
    them whose predicate has no CAMEO root, the predicate lemmas without one)."""
    lex = lexicon()
    total = measured = unknown = 0
    missing: Counter[str] = Counter()
    limit = piece_limit(nlp, Settings().piece_chars)
    for article in articles:
        mine = [i for i in items if i.article == article.id]
        total += sum(1 for i in mine for r in i.relations if r.quad_class != 0)
        for piece in pieces(article.text, limit):
            end = piece.offset + len(piece.text)
            inside = [i for i in mine if i.start is not None and piece.offset <= i.start < end]
            if not any(r.quad_class != 0 for i in inside for r in i.relations):
                continue
            doc = nlp(piece.text)
            actors = ActorIndex(doc, date=article.date)
            for item in inside:
                assert item.start is not None and item.end is not None
                span = doc.char_span(
                    item.start - piece.offset, item.end - piece.offset, alignment_mode="expand"
                )
                if span is None:
                    continue
                gold = GoldActors(item.relations)
                located: dict[str, Token] = {}
                for token in span:
                    actor = actors.actor_at(token)
                    if actor is not None:
                        for key in gold.candidates(actor.mention):
                            located.setdefault(key, actor.span.root)
                for rel in item.relations:
                    one = located.get(normalise(rel.subject[0]))
                    two = located.get(normalise(rel.object[0]))
                    if rel.quad_class == 0 or one is None or two is None or one == two:
                        continue
                    predicate = common_ancestor(one, two)
                    if predicate is None or actors.actor_at(predicate) is not None:
                        continue
                    measured += 1
                    sense = sense_of(predicate, lex)
                    if sense is None or sense.root is None:
                        unknown += 1
                        missing[predicate.lemma_.lower()] += 1
    return total, measured, unknown, missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", nargs="+", choices=halves(), required=True)
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--model", default=None)
    parser.add_argument(
        "--rules-only", action="store_true", help="leave out the pair model (ingest/pairs.py)"
    )
    args = parser.parse_args()
    out = Console(width=120)
    try:
        gold = [item for half in args.half for item in read_gold(GOLD / f"{half}.jsonl")]
        items, articles = load_articles(gold, args.corpora)
    except GoldError as error:
        sys.exit(f"eval_real: {error}")
    settings = Settings(model=args.model, judge=not args.rules_only)
    nlp = load_model(args.model)
    began = time.perf_counter()
    triples, pairs = run(articles, settings, True)
    seconds = time.perf_counter() - began
    assert pairs is not None
    ours, theirs = evaluate(items, triples), evaluate(items, pairs)
    title = (
        f"{'+'.join(args.half)}: extractor vs co-occurrence baseline, dyads ({nlp.meta['name']})"
    )
    out.print(comparison_table(title, items, ours, theirs))
    in_sentences = sum(
        1 for t in triples if any(i.article == t.article.id and i.covers(t) for i in items)
    )
    relations = sum(len(item.relations) for item in items)
    out.print(
        f"gold relations {relations} in {len(items)} sentences of {len(articles)} articles; "
        f"extractor triples in those sentences {in_sentences}, in the whole articles "
        f"{len(triples)} ({len(triples) / len(articles):.1f} per article); "
        f"extraction + baseline {seconds:.1f} s"
    )
    total, measured, unknown, missing = predicate_roots(items, articles, nlp)
    share = unknown / measured if measured else 0.0
    out.print(
        f"gold predicates without a CAMEO root: {unknown}/{measured} = {share:.2f} "
        f"(of the {measured} non-structural gold relations, out of {total}, whose two actors "
        f"the pipeline recognises in the sentence)"
    )
    if missing and "test" not in args.half:
        out.print("  " + ", ".join(f"{lemma} {n}" for lemma, n in missing.most_common(20)))


if __name__ == "__main__":
    main()
