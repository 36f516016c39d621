"""The embedded store at corpus size: time and peak memory of `polgraph build` over every
corpus file, of a re-run that finds everything stored, and query latency on the result.

    .venv/bin/python bench/store.py [--corpora DIR] [--files a.jsonl b.jsonl]
        [--workers 2] [--repeats 5] [--keep DIR]

Each build runs as its own `polgraph` process; its peak RSS is the largest of that process
and its worker processes. Queries are cookbook-style questions an analyst asks, timed on
the embedded store opened read-only (median of --repeats after one warm-up).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import default_corpora  # noqa: E402

POLGRAPH = Path(sys.executable).parent / "polgraph"

QUERIES: dict[str, str] = {
    "top actors by relations": (
        "MATCH (e:Entity)-[r]-(:Entity) RETURN e.name AS name, count(r) AS n "
        "ORDER BY n DESC LIMIT 10"
    ),
    "who acted on the top actor": (
        "MATCH (s:Entity)-[r]->(o:Entity {id: $a}) "
        "RETURN s.name AS subject, label(r) AS act, r.sentence AS sentence LIMIT 100"
    ),
    "everything between two actors": (
        "MATCH (a:Entity {id: $a})-[r]-(b:Entity {id: $b}) "
        "RETURN label(r) AS act, r.modality AS modality, r.date AS date, r.sentence AS sentence"
    ),
    "hypothetical or negated acts": (
        "MATCH (s:Entity)-[r]->(o:Entity) WHERE r.modality IN ['hypothetical', 'negated'] "
        "RETURN s.name, label(r), o.name, r.sentence LIMIT 100"
    ),
    "articles naming the top actor": (
        "MATCH (a:Article)-[m:MENTIONS]->(e:Entity {id: $a}) "
        "RETURN a.id, a.title, a.`date`, m.`count` ORDER BY a.`date` LIMIT 100"
    ),
    "shortest path between two actors": (
        "MATCH p = (a:Entity {id: $a})-[r* SHORTEST 1..4]-(b:Entity {id: $c}) "
        "RETURN length(p) AS hops"
    ),
}


def _build(paths: list[Path], store: Path, out: Path, workers: int) -> tuple[float, float, str]:
    command = [str(POLGRAPH), "build", *map(str, paths), "--store", str(store)]
    command += ["--out", str(out), "--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"polgraph build failed:\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    note = "" if peak > before else " (not above an earlier child's peak)"
    return seconds, peak / 1024, done.stdout + done.stderr + note


def _queries(store_path: Path, repeats: int) -> None:
    from polgraph.graph.store import Store

    with Store(store_path, read_only=True) as store:
        counts = store.counts()
        top = store.execute(
            QUERIES["top actors by relations"].replace("e.name AS name", "e.id AS name")
        )
        ids = [row["name"] for row in top]
        parameters = {"a": ids[0], "b": ids[1], "c": ids[-1]}
        print(f"store: {counts}")
        print(f"query parameters: {parameters}")
        for name, query in QUERIES.items():
            used = {k: v for k, v in parameters.items() if f"${k}" in query}
            rows = store.execute(query, used)
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                store.execute(query, used)
                times.append(time.perf_counter() - start)
            median = statistics.median(times) * 1000
            print(f"  {name:<36} {len(rows):>5} rows  median {median:8.1f} ms", end="")
            print(f"  max {max(times) * 1000:8.1f} ms")


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
    args = parser.parse_args()
    if args.queries_only:
        _queries(args.queries_only, args.repeats)
        return

    corpora = args.corpora or default_corpora()
    paths = (
        [corpora / name for name in args.files] if args.files else sorted(corpora.glob("*.jsonl"))
    )
    if not paths or not all(p.is_file() for p in paths):
        raise SystemExit(f"{corpora}: corpus files missing (set --corpora or POLGRAPH_CORPORA)")
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch)
        store, out = root / "store", root / "out"
        print(f"building from {', '.join(p.name for p in paths)} with {args.workers} workers")
        seconds, peak, output = _build(paths, store, out, args.workers)
        print(output.strip())
        print(f"build: {seconds:.1f} s, peak RSS {peak:.0f} MB (largest process)")
        size = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
        print(f"store on disk: {size / 2**20:.1f} MB")
        seconds, _, _ = _build(paths, store, out, args.workers)
        print(f"re-run with everything stored: {seconds:.1f} s")
        _queries(store, args.repeats)
    print(f"load average at the end: {os.getloadavg()} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
