"""The embedded store at corpus size: time and peak memory of `polgraph build` over every
corpus file, of a re-run that finds everything stored, and query latency on the result.

    .venv/bin/python bench/store.py [--corpora DIR] [--files a.jsonl b.jsonl]
        [--workers 2] [--repeats 5] [--keep DIR]
    .venv/bin/python bench/store.py --times 1 10 [--files ...] [--limit 150]
    .venv/bin/python bench/store.py --relation-types 200 [--articles 400] [--per-article 5]

Each build runs as its own `polgraph` process. Its peak RSS is given twice: the whole
build (the sum over the main process and its workers, sampled from /proc every 0.2 s, so
Linux only) and the largest single process. The queries are those of docs/queries.md,
run through the function `polgraph query` calls (median of --repeats after one warm-up).

--times builds from each multiple of the corpus files (the first --limit records of
each, repeated with fresh ids so every copy is new to the store), each into a fresh
store, and prints the peak RSS of each build and its ratio to the first: a build should
not grow with the corpus except through the store on disk.

--relation-types writes synthetic articles through the real Store in this process, their
relations cycling through that many types, and prints this process's peak RSS: what a
growing vocabulary of relation types costs, without parsing. Run it with another
checkout's interpreter to measure that checkout's store on the same workload.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import default_corpora, repeat_with_fresh_ids  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.docs.cookbook import cookbook  # noqa: E402

POLGRAPH = Path(sys.executable).parent / "polgraph"

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _tree_rss(pid: int) -> tuple[int, int]:
    """Resident bytes of a process and all its descendants: (sum, largest one)."""
    pids, sizes = [pid], []
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                sizes.append(int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE"))
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pids.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return sum(sizes), max(sizes, default=0)


def _build(
    paths: list[Path], store: Path, out: Path, workers: int
) -> tuple[float, float, float, str]:
    """Seconds, peak RSS of the whole build and of its largest process (MB), and output."""
    command = [str(POLGRAPH), "build", *map(str, paths), "--store", str(store)]
    command += ["--out", str(out), "--workers", str(workers)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            total, largest = _tree_rss(process.pid)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], largest)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"polgraph build failed:\n{stderr}")
    return seconds, peaks[0] / 2**20, peaks[1] / 2**20, stdout + stderr


def _multiples(paths: list[Path], times: list[int], limit: int | None, workers: int) -> None:
    """Peak RSS of builds over 1x, 10x... the corpus, each into a fresh store."""
    first: float | None = None
    with tempfile.TemporaryDirectory() as scratch:
        for multiple in times:
            root = Path(scratch) / f"x{multiple}"
            root.mkdir()
            files = [root / path.name for path in paths]
            articles = sum(
                repeat_with_fresh_ids(path, file, multiple, limit)
                for path, file in zip(paths, files, strict=True)
            )
            seconds, peak, largest, output = _build(files, root / "store", root / "out", workers)
            print(output.strip())
            first = first or peak
            print(
                f"{multiple}x: {articles} articles in {seconds:.0f} s; peak RSS of the whole build "
                f"{peak:.0f} MB ({peak / first:.2f}x the first), largest process {largest:.0f} MB"
            )
            size = sum(f.stat().st_size for f in (root / "store").rglob("*") if f.is_file())
            print(f"{multiple}x: store on disk {size / 2**20:.1f} MB", flush=True)
            for path in root.rglob("*.jsonl"):
                path.unlink()


def _queries(store_path: Path, repeats: int) -> None:
    """The cookbook through `polgraph query`'s own function, so each time includes what a
    user waits for: translation, opening the store read-only, running, reading rows. The
    cookbook's example actors are swapped for the corpus's most connected ones."""
    from polgraph.graph.query import Refused, query
    from polgraph.graph.store import Store

    with Store(store_path, read_only=True) as store:
        print(f"store: {store.counts()}")
    top = query(
        "MATCH (e:Entity)-[r]-(:Entity) RETURN e.name AS name, count(r) AS n "
        "ORDER BY n DESC LIMIT 4",
        store=store_path,
    )
    actors = [row["name"] for row in top]
    print(f"actors in the example parameters: {', '.join(actors)}")
    for heading, (text, example) in cookbook().items():
        names = iter(actors)
        params = {
            key: value if not isinstance(value, str) or DATE.fullmatch(value) else next(names)
            for key, value in example.items()
        }
        try:
            rows = query(text, params, store=store_path)
        except Refused as refusal:
            print(f"  {heading[:44]:<44} refused, Neo4j only: {str(refusal).split(': ')[1]}")
            continue
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            query(text, params, store=store_path)
            times.append(time.perf_counter() - start)
        median = statistics.median(times) * 1000
        print(f"  {heading[:44]:<44} {len(rows):>5} rows  median {median:7.0f} ms", end="")
        print(f"  max {max(times) * 1000:7.0f} ms")


def _extraction(number: int, per_article: int, types: int) -> Any:
    from polgraph.ingest.records import Article, Evidence, Extraction, Mention, Relation, Triple

    article = Article(
        id=f"synthetic-{number}", text="", title=f"Report {number}", date="2025-06-01"
    )
    triples = []
    for n in range(per_article):
        index = number * per_article + n
        subject, obj = (
            Mention(f"actor-{k}", f"Actor {k}", f"Actor {k}", "PERSON")
            for k in (index % 97, (index * 7 + 1) % 97)
        )
        sentence = f"{subject.name} acted on {obj.name} in report {number}."
        relation = Relation(type=f"ACT_{index % types}", text="acted", rule="active", quad_class=1)
        evidence = Evidence(sentence, 100 * n, 100 * n + len(sentence))
        triples.append(
            Triple(
                article=article.ref(),
                subject=subject,
                relation=relation,
                object=obj,
                evidence=evidence,
                confidence=0.8,
            )
        )
    mentions = [m for t in triples for m in (t.subject, t.object)]
    return Extraction(article=article, triples=triples, mentions=mentions)


def _relation_types(types: int, articles: int, per_article: int) -> None:
    from polgraph.graph.store import Store

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"store code: {sys.modules[Store.__module__].__file__}")
    print(f"{articles} articles x {per_article} relations over {types} relation types")
    before = peak()
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        with Store(Path(scratch) / "store") as store:
            for number in range(articles):
                store.add(_extraction(number, per_article, types))
            counts = store.counts()
        seconds = time.perf_counter() - start
        print(f"stored: {counts}")
        print(f"write: {seconds:.1f} s, peak RSS {peak():.0f} MB (before opening {before:.0f} MB)")
        start = time.perf_counter()
        with Store(Path(scratch) / "store", read_only=True) as store:
            relations = sum(len(rows) for rows in store.rows().relations.values())
        print(f"reopen and read {relations} relations: {time.perf_counter() - start:.1f} s")
    print(f"peak RSS at the end: {peak():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=None)
    parser.add_argument("--files", nargs="*", default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the store here.")
    parser.add_argument(
        "--queries-only", type=Path, default=None, help="Time queries on this store."
    )
    parser.add_argument("--times", type=int, nargs="*", default=None)
    parser.add_argument("--limit", type=int, default=None, help="Records per file for --times.")
    parser.add_argument("--relation-types", type=int, default=None)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--per-article", type=int, default=5)
    args = parser.parse_args()
    if args.relation_types:
        _relation_types(args.relation_types, args.articles, args.per_article)
        return
    if args.queries_only:
        _queries(args.queries_only, args.repeats)
        return

    corpora = args.corpora or default_corpora()
    paths = (
        [corpora / name for name in args.files] if args.files else sorted(corpora.glob("*.jsonl"))
    )
    if not paths or not all(p.is_file() for p in paths):
        raise SystemExit(f"{corpora}: corpus files missing (set --corpora or POLGRAPH_CORPORA)")
    if args.times:
        _multiples(paths, args.times, args.limit, args.workers)
        return
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch)
        store, out = root / "store", root / "out"
        print(f"building from {', '.join(p.name for p in paths)} with {args.workers} workers")
        seconds, peak, largest, output = _build(paths, store, out, args.workers)
        print(output.strip())
        print(f"build: {seconds:.1f} s, peak RSS {peak:.0f} MB (largest process {largest:.0f} MB)")
        size = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
        print(f"store on disk: {size / 2**20:.1f} MB")
        seconds, _, _, _ = _build(paths, store, out, args.workers)
        print(f"re-run with everything stored: {seconds:.1f} s")
        _queries(store, args.repeats)
    print(f"load average at the end: {os.getloadavg()} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
