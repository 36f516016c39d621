"""Ingest speed and memory, measured side by side in one run, each figure in its own child
process so no run inherits another's warm caches or memory.

    .venv/bin/python bench/ingest.py [--corpora DIR] [--file bbc_politics.jsonl]
        [--limit 200] [--rss-file wikinews_politics_2019_2020.jsonl] [--rounds 2] [--profile]

Prints: articles/s and words/s for bare `nlp.pipe` and for the full polgraph extraction on
the same pieces of the same texts (model load excluded, best of --rounds, interleaved);
wall time with 1 and 2 worker processes over --limit and twice as many articles, whole
runs with the model loads included; peak RSS of a streaming
extraction over 1x and 10x a corpus (repeated with fresh ids).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import default_corpora, repeat_with_fresh_ids  # noqa: E402


def _articles(path: Path, limit: int | None) -> list[Any]:
    from polgraph.ingest.read import read_paths
    from polgraph.ingest.records import Article

    found = [item for item in read_paths([path]) if isinstance(item, Article)]
    return found[:limit] if limit else found


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


class _Clock:
    """Wall and CPU seconds of a block: the machine may be shared, and CPU time is what
    another process's load does not inflate much, so ratios are quoted on both."""

    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def _child(mode: str, path: Path, limit: int | None, workers: int, batch: int) -> dict[str, Any]:
    """One measurement; runs in a fresh interpreter and prints its figures as JSON."""
    from polgraph.ingest.nlp import load_model, piece_limit, pieces
    from polgraph.ingest.pipeline import Settings, extract, text_batches
    from polgraph.ingest.read import read_paths
    from polgraph.ingest.records import Article

    settings = Settings(batch_size=batch, workers=workers)
    if mode == "stream":
        articles = triples = words = 0
        stream = (item for item in read_paths([path]) if isinstance(item, Article))
        with _Clock() as clock, open("/dev/null", "w") as sink:
            for extraction in extract(stream, settings):
                articles += 1
                words += len(extraction.article.text.split())
                for triple in extraction.triples:
                    sink.write(triple.to_json() + "\n")
                    triples += 1
        return _figures(articles, words, triples, clock)
    articles_list = _articles(path, limit)
    words = sum(len(a.text.split()) for a in articles_list)
    if mode == "workers":
        with _Clock() as clock:
            extractions = list(extract(articles_list, settings))
        triples = sum(len(e.triples) for e in extractions)
        return _figures(len(articles_list), words, triples, clock)
    nlp = load_model()
    for _ in nlp.pipe([a.text[:2000] for a in articles_list[:8]]):
        pass
    if mode == "bare":
        limit_chars = piece_limit(nlp, settings.piece_chars)
        texts = ((p.text, None) for a in articles_list for p in pieces(a.text, limit_chars))
        batches = list(text_batches(texts, settings.batch_size, settings.batch_chars))
        with _Clock() as clock:
            tokens = sum(
                len(doc)
                for group in batches
                for doc in nlp.pipe([text for text, _ in group], batch_size=len(group))
            )
        return _figures(len(articles_list), words, tokens, clock)
    if mode == "full":
        with _Clock() as clock:
            extractions = list(extract(articles_list, settings, nlp))
        triples = sum(len(e.triples) for e in extractions)
        return _figures(len(articles_list), words, triples, clock)
    if mode == "profile":
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
        list(extract(articles_list, settings, nlp))
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False), file=sys.stderr)
        return {}
    raise SystemExit(f"unknown mode {mode}")


def _figures(articles: int, words: int, count: int, clock: _Clock) -> dict[str, Any]:
    return {
        "articles": articles,
        "words": words,
        "count": count,
        "seconds": clock.wall,
        "cpu": clock.cpu,
        "articles_s": articles / clock.wall,
        "words_s": words / clock.wall,
        "peak_rss_mb": _peak_rss_mb(),
        "worker_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN),
    }


def _run(mode: str, path: Path, limit: int | None, workers: int = 1, batch: int = 32) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--path", str(path)]
    command += ["--workers", str(workers), "--batch-size", str(batch)]
    if limit:
        command += ["--limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench child {mode} failed:\n{done.stderr}")
    if mode == "profile":
        print(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _line(label: str, figures: dict[str, Any]) -> str:
    workers = figures["worker_rss_mb"]
    return (
        f"{label:<34} {figures['articles']:>6} art {figures['words']:>8} words "
        f"{figures['seconds']:>7.1f} s ({figures['cpu']:>6.1f} s CPU) "
        f"{figures['articles_s']:>6.2f} art/s {figures['words_s']:>6.0f} words/s  "
        f"peak RSS {figures['peak_rss_mb']:>5.0f} MB"
        + (f" (+ workers, largest {workers:.0f} MB)" if workers else "")
    )


def _scaling(path: Path, limit: int, rounds: int, batch: int) -> None:
    """1 against 2 workers over `limit` and `2 * limit` articles, whole runs. Each run
    carries the fixed cost of starting processes and loading the model, which weighs less
    the longer the run: the larger size is closer to what a long ingest sees."""
    runs: dict[tuple[int, int], list[dict]] = {}
    for _ in range(rounds):
        for size in (limit, 2 * limit):
            for workers in (1, 2):
                figures = _run("workers", path, size, workers=workers, batch=batch)
                runs.setdefault((workers, size), []).append(figures)
    best = {key: min(found, key=lambda f: f["seconds"]) for key, found in runs.items()}
    for (workers, size), figures in sorted(best.items(), key=lambda item: item[0][::-1]):
        print(_line(f"{workers} worker(s), {size} articles (best wall)", figures))
    for size in (limit, 2 * limit):
        whole = best[(1, size)]["seconds"] / best[(2, size)]["seconds"]
        print(
            f"scaling 1 -> 2 workers, whole run of {size} articles (model loads incl.): "
            f"{whole:.2f}x (target >= 1.6x)"
        )
    for (workers, size), found in sorted(runs.items()):
        walls = ", ".join(f"{f['seconds']:.1f}" for f in found)
        print(f"  {workers} worker(s), {size} articles, rounds wall s: {walls}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=None)
    parser.add_argument("--file", default="bbc_politics.jsonl")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rss-file", default="wikinews_politics_2019_2020.jsonl")
    parser.add_argument("--rss-times", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--skip", nargs="*", default=[], choices=["speed", "workers", "rss"])
    parser.add_argument("--child", default=None)
    parser.add_argument("--path", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(_child(args.child, args.path, args.limit, args.workers, args.batch_size)))
        return

    corpora = args.corpora or default_corpora()
    path = corpora / args.file
    if not path.is_file():
        raise SystemExit(f"{path}: no such corpus file (set --corpora or POLGRAPH_CORPORA)")
    print(f"corpus {path.name}, first {args.limit} articles, batch size {args.batch_size}")

    if "speed" not in args.skip:
        bare: list[dict] = []
        full: list[dict] = []
        for _ in range(args.rounds):
            bare.append(_run("bare", path, args.limit, batch=args.batch_size))
            full.append(_run("full", path, args.limit, batch=args.batch_size))
        best_bare = min(bare, key=lambda f: f["cpu"])
        best_full = min(full, key=lambda f: f["cpu"])
        print(_line("bare nlp.pipe (best)", best_bare))
        print(_line("full polgraph extraction (best)", best_full))
        for clock, name in (("cpu", "CPU"), ("seconds", "wall")):
            overhead = best_full[clock] / best_bare[clock] - 1
            print(f"extraction overhead over bare nlp.pipe, {name}: {overhead:+.1%} (<= +30%)")
        for label, runs in (("bare", bare), ("full", full)):
            rounds = ", ".join(f"{f['seconds']:.1f}/{f['cpu']:.1f}" for f in runs)
            print(f"  {label} rounds, wall/CPU s: {rounds}")

    if "workers" not in args.skip:
        _scaling(path, args.limit, args.rounds, args.batch_size)

    if args.profile:
        _run("profile", path, min(args.limit, 100), batch=args.batch_size)

    if "rss" not in args.skip:
        source = corpora / args.rss_file
        with tempfile.TemporaryDirectory() as scratch:
            small, large = Path(scratch) / "x1.jsonl", Path(scratch) / "x10.jsonl"
            repeat_with_fresh_ids(source, small, 1, None)
            repeat_with_fresh_ids(source, large, args.rss_times, None)
            once = _run("stream", small, None)
            many = _run("stream", large, None)
        print(_line(f"stream 1x {source.name}", once))
        print(_line(f"stream {args.rss_times}x (fresh ids)", many))
        growth = many["peak_rss_mb"] / once["peak_rss_mb"] - 1
        print(f"peak RSS growth 1x -> {args.rss_times}x: {growth:+.1%} (target within 20%)")
    print(f"load average at the end: {os.getloadavg()} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
