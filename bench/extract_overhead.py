"""How much relation extraction adds to spaCy's own parse (issue 7 target: at most 30%).

Parses the same texts twice in one run, side by side: once with bare `nlp.pipe`, once with
`nlp.pipe` followed by `extract_doc` on every piece. Prints both times and the ratio.

    python bench/extract_overhead.py [CORPUS.jsonl] [--limit N] [--repeat R]

The corpus defaults to shared/corpora/bbc_all.jsonl beside the repo (or a folder above it),
or $POLGRAPH_CORPORA/bbc_all.jsonl, without its politics rows: the real-text gold set
(tests/data/real/) draws its articles from the politics files, and its test half is never
run through the extractor, so the default corpus holds no gold article.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from polgraph.ingest.nlp import load_model, pieces
from polgraph.ingest.pipeline import extract_doc
from polgraph.ingest.records import Article

CORPUS_NAME = "bbc_all.jsonl"
GOLD_CATEGORY = "politics"


def default_corpus() -> Path:
    base = os.environ.get("POLGRAPH_CORPORA")
    if base:
        return Path(base) / CORPUS_NAME
    repo = Path(__file__).resolve().parents[1]
    for folder in repo.parents:
        candidate = folder / "shared" / "corpora" / CORPUS_NAME
        if candidate.exists():
            return candidate
    raise SystemExit(f"cannot find shared/corpora/{CORPUS_NAME}; pass a corpus path")


def load(path: Path, limit: int, skip: str | None = None) -> list[Article]:
    articles: list[Article] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if skip is not None and record.get("category") == skip:
                continue
            articles.append(Article(id=str(record["id"]), text=record["text"]))
            if len(articles) >= limit:
                break
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = args.corpus or default_corpus()
    articles = load(corpus, args.limit, None if args.corpus else GOLD_CATEGORY)
    texts = [(p.text, (a, p.offset)) for a in articles for p in pieces(a.text)]
    nlp = load_model()
    list(nlp.pipe(t for t, _ in texts[:20]))  # warm up
    bare: list[float] = []
    full: list[float] = []
    extract_only: list[float] = []
    triples = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in nlp.pipe((t for t, _ in texts), batch_size=32):
            pass
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        spent = 0.0
        triples = 0
        for doc, (article, offset) in nlp.pipe(texts, as_tuples=True, batch_size=32):
            tick = time.perf_counter()
            found, _ = extract_doc(doc, article, offset)
            spent += time.perf_counter() - tick
            triples += len(found)
        full.append(time.perf_counter() - start)
        extract_only.append(spent)
    words = sum(len(a.text.split()) for a in articles)
    b, f, e = min(bare), min(full), min(extract_only)
    print(f"corpus            {corpus.name}: {len(articles)} articles, {words} words")
    print(f"nlp.pipe alone    {b:.2f} s  ({words / b:,.0f} words/s)")
    print(f"pipe + extraction {f:.2f} s  ({words / f:,.0f} words/s), {triples} triples")
    print(f"extraction only   {e:.2f} s")
    print(f"overhead          {100 * (f - b) / b:.1f}% (by difference), {100 * e / b:.1f}% (timed)")


if __name__ == "__main__":
    main()
