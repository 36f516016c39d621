"""Draw the real-text gold sample: whole articles at random, then sentences inside them.

Run once to (re)produce `tests/data/real/split.json` and `tests/data/real/sample.jsonl`;
the same seed and corpora give the same files, byte for byte. Sentences come from spaCy's
parser (never from the extractor), with offsets into the article text exactly as
`polgraph.ingest.read` produces it, so `text[start:end] == sentence`. Only Wikinews text
(CC BY 2.5) is written out; BBC and news2025 sentences are kept as offsets and a hash.

    python bench/gold_sample.py [--corpora DIR]

A later half for tuning is drawn the same way from the articles no half holds yet, with
its own seed, and added to `split.json` beside the others (its sentences go to
`<half>_sample.jsonl`); `--exclude` names files whose article ids must stay out too:

    python bench/gold_sample.py --half dev2 --seed 20261201 --articles 10 [--exclude F.jsonl]

When a corpus runs short of undrawn articles, `--count CORPUS=N` draws N from it instead
(0 leaves it out); the counts are recorded in `split.json` with the seed. Once the politics
pools are spent, `--count` also draws from the general corpora (all of Wikinews, all of
BBC): their stories name ministers, courts, firms and states too, and serve as training
text. An article that repeats much of one any half already holds (BBC keeps updated
versions of a story under new ids, some in another category) is never drawn, so no text
of the frozen test half reaches a training half.
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
from polgraph.ingest.pipeline import sentence_evidence  # noqa: E402
from polgraph.ingest.read import read_paths  # noqa: E402
from polgraph.ingest.records import Article  # noqa: E402

SEED = 20261130
ARTICLES_PER_CORPUS = 21
SENTENCES_PER_ARTICLE = 5
MIN_WORDS = 5
SHIPPABLE = frozenset({"wikinews_politics_2019_2020.jsonl", "wikinews_2019_2020.jsonl"})
SHINGLE = 8
NEAR_COPY = 0.3
"""Share of an article's eight-word runs found in an article already drawn above which it
counts as another version of that story."""
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
            words = [t for t in sent if t.is_alpha]
            if len(words) < MIN_WORDS:
                continue
            evidence = sentence_evidence(sent, piece.offset)
            spans.append((evidence.start, evidence.end))
    return spans


CORPORA = ("wikinews_politics_2019_2020.jsonl", "bbc_politics.jsonl", "news2025.jsonl")
GENERAL = ("wikinews_2019_2020.jsonl", "bbc_all.jsonl")
"""Drawn from only when `--count` names them; their politics rows are the same articles,
under the same ids, as the politics corpora's."""


def shingles(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def drawn_runs(corpora: Path, taken: set[str]) -> set[tuple[str, ...]]:
    """The eight-word runs of every article a half already holds, read once per draw."""
    runs: set[tuple[str, ...]] = set()
    for name in CORPORA + GENERAL:
        path = corpora / name
        if path.is_file():
            for article in read_paths([path]):
                if isinstance(article, Article) and article.id in taken:
                    runs |= shingles(article.text)
    return runs


def near_copy(text: str, drawn: set[tuple[str, ...]]) -> bool:
    """Whether NEAR_COPY of the text's runs stand in an article already drawn."""
    own = shingles(text)
    return bool(own) and len(own & drawn) / len(own) >= NEAR_COPY


def draw(
    corpora: Path,
    rng: random.Random,
    per_corpus: int,
    taken: set[str],
    halves: tuple[str, ...],
    counts: dict[str, int] | None = None,
) -> tuple[dict[str, list[dict[str, str]]], list[dict[str, object]]]:
    """Articles at random per corpus (not in `taken`; `counts` overrides `per_corpus` for a
    corpus), dealt to `halves` in turn, and SENTENCES_PER_ARTICLE parser sentences at random
    from each."""
    split: dict[str, list[dict[str, str]]] = {half: [] for half in halves}
    rows: list[dict[str, object]] = []
    drawn = drawn_runs(corpora, taken) if taken else set()
    for corpus in CORPORA + tuple(c for c in GENERAL if c in (counts or {})):
        path = corpora / corpus
        if not path.is_file():
            sys.exit(f"{path}: corpus not found (pass --corpora)")
        texts = {a.id: a for a in read_paths([path]) if isinstance(a, Article)}
        pool = [
            i
            for i in eligible_ids(path)
            if i not in taken and not (drawn and near_copy(texts[i].text, drawn))
        ]
        wanted_count = (counts or {}).get(corpus, per_corpus)
        if wanted_count > len(pool):
            sys.exit(f"{path}: only {len(pool)} articles left undrawn, {wanted_count} asked")
        chosen = rng.sample(pool, wanted_count)
        for index, article_id in enumerate(chosen):
            half = halves[index % len(halves)]
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
    return split, rows


def write_rows(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as sink:
        for row in rows:
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")


def excluded_ids(paths: list[Path]) -> set[str]:
    ids: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            ids.update(str(json.loads(line)["id"]) for line in handle if line.strip())
    return ids


def _counts(given: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in given:
        name, _, number = entry.partition("=")
        if name not in CORPORA + GENERAL or not number.isdigit():
            known = ", ".join(CORPORA + GENERAL)
            sys.exit(f"--count {entry}: expected CORPUS=N with CORPUS one of {known}")
        counts[name] = int(number)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=default_corpora())
    parser.add_argument("--half", help="draw a later half of this name instead of dev/test")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--articles", type=int, default=ARTICLES_PER_CORPUS)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument(
        "--count",
        action="append",
        default=[],
        metavar="CORPUS=N",
        help="draw N articles from this corpus instead of --articles (0 leaves it out)",
    )
    args = parser.parse_args()
    counts = _counts(args.count)
    rng = random.Random(args.seed)
    OUT.mkdir(parents=True, exist_ok=True)
    if args.half is None:
        split, rows = draw(args.corpora, rng, args.articles, set(), ("dev", "test"))
        meta = {"seed": args.seed, "articles_per_corpus": args.articles}
        (OUT / "split.json").write_text(json.dumps({**meta, **split}, indent=1) + "\n", "utf-8")
        write_rows(OUT / "sample.jsonl", rows)
    else:
        known = json.loads((OUT / "split.json").read_text("utf-8"))
        if args.half in known:
            sys.exit(f"{OUT / 'split.json'}: already has a half named {args.half!r}")
        taken = {a["article"] for v in known.values() if isinstance(v, list) for a in v}
        taken |= excluded_ids(args.exclude)
        split, rows = draw(args.corpora, rng, args.articles, taken, (args.half,), counts)
        known[args.half] = split[args.half]
        known.setdefault("later_halves", {})[args.half] = {
            "seed": args.seed,
            "articles_per_corpus": args.articles,
            **({"counts": counts} if counts else {}),
        }
        (OUT / "split.json").write_text(json.dumps(known, indent=1) + "\n", "utf-8")
        write_rows(OUT / f"{args.half}_sample.jsonl", rows)
    for half, articles in split.items():
        count = sum(1 for row in rows if row["half"] == half)
        print(f"{half}: {len(articles)} articles, {count} sentences")


if __name__ == "__main__":
    main()
