"""Draw the real-text gold sample: whole articles at random, then sentences inside them.

Run once to (re)produce `tests/data/real/split.json` and `tests/data/real/sample.jsonl`;
the same seed and corpora give the same files, byte for byte. Sentences come from spaCy's
parser (never from the extractor), with offsets into the article text exactly as
`polgraph.ingest.read` produces it, so `text[start:end] == sentence`. Only Wikinews text
(CC BY 2.5) is written out; BBC and news2025 sentences are kept as offsets and a hash.

    python bench/gold_sample.py [--corpora DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import REPO, default_corpora  # noqa: E402

from polgraph.ingest.evaluate import sentence_hash  # noqa: E402
from polgraph.ingest.nlp import load_model, pieces  # noqa: E402
from polgraph.ingest.read import read_paths  # noqa: E402
from polgraph.ingest.records import Article  # noqa: E402

SEED = 20261130
ARTICLES_PER_CORPUS = 21
SENTENCES_PER_ARTICLE = 5
MIN_WORDS = 5
SHIPPABLE = frozenset({"wikinews_politics_2019_2020.jsonl"})
OUT = REPO / "tests" / "data" / "real"


def eligible_ids(path: Path) -> list[str]:
    """Politics rows that are not repeats: BBC duplicates dropped, news2025 sport dropped."""
    ids = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("duplicate_of"):
                continue
            if path.name == "news2025.jsonl" and row.get("category") != "politics":
                continue
            ids.append(str(row["id"]))
    return ids


def sentences(article: Article) -> list[tuple[int, int]]:
    """Parser sentences as (start, end) into the article, trimmed like the extractor's
    evidence, keeping those with at least MIN_WORDS words."""
    nlp = load_model()
    spans = []
    for piece in pieces(article.text):
        for sent in nlp(piece.text).sents:
            text = sent.text.strip()
            words = [t for t in sent if t.is_alpha]
            if len(words) < MIN_WORDS:
                continue
            start = piece.offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            spans.append((start, start + len(text)))
    return spans


CORPORA = ("wikinews_politics_2019_2020.jsonl", "bbc_politics.jsonl", "news2025.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    args = parser.parse_args()
    rng = random.Random(SEED)
    split: dict[str, list[dict[str, str]]] = {"dev": [], "test": []}
    rows: list[dict[str, object]] = []
    for corpus in CORPORA:
        path = args.corpora / corpus
        if not path.is_file():
            sys.exit(f"{path}: corpus not found (pass --corpora)")
        chosen = rng.sample(eligible_ids(path), ARTICLES_PER_CORPUS)
        wanted = set(chosen)
        texts = {a.id: a for a in read_paths([path]) if isinstance(a, Article) and a.id in wanted}
        for index, article_id in enumerate(chosen):
            half = "dev" if index % 2 == 0 else "test"
            split[half].append({"article": article_id, "corpus": corpus})
            article = texts[article_id]
            spans = sentences(article)
            picked = sorted(rng.sample(spans, min(SENTENCES_PER_ARTICLE, len(spans))))
            for start, end in picked:
                sentence = article.text[start:end]
                row: dict[str, object] = {
                    "id": f"{article_id}@{start}",
                    "half": half,
                    "article": article_id,
                    "corpus": corpus,
                    "start": start,
                    "end": end,
                    "sha": sentence_hash(sentence),
                }
                if corpus in SHIPPABLE:
                    row["text"] = sentence
                rows.append(row)
    OUT.mkdir(parents=True, exist_ok=True)
    meta = {"seed": SEED, "articles_per_corpus": ARTICLES_PER_CORPUS}
    (OUT / "split.json").write_text(json.dumps({**meta, **split}, indent=1) + "\n", "utf-8")
    with (OUT / "sample.jsonl").open("w", encoding="utf-8") as sink:
        for row in rows:
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    for half in ("dev", "test"):
        count = sum(1 for row in rows if row["half"] == half)
        print(f"{half}: {len(split[half])} articles, {count} sentences")


if __name__ == "__main__":
    main()
