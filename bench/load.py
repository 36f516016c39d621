"""Neo4j loads measured against the server's own limit, on realistic rows, in one run.

Starts a throwaway local Neo4j (never the user's own: the graph is wiped between runs) and
prints, on that one server:

1. the real path: `polgraph load --from STORE` of a small build (`--real`), a first load
   into an empty graph, schema included, as a user runs it;
2. the batched loader (`polgraph.graph.neo4j.load.load`) on `--relations` relation
   instances: the extraction output of a corpus build (`--store`), repeated with fresh
   article ids (and so fresh triple keys) until there are enough;
3. the server's in-transaction ceiling: the same relationships (relation instances and
   MENTIONS) with the same properties created again inside the server, in transactions of
   `--batch-size`, with nothing shipped, looked up or MERGEd; the batched loader is quoted
   as a fraction of it;
4. one transaction per triple, on the first `--per-triple` triples, extrapolated;
5. the bulk path, `export --format csv` plus `polgraph neo4j import` (Neo4j's offline import
   tool, its JVM start included) at `--relations` and at `--bulk-relations` instances.

With `--jfr DIR` the server records Java Flight Recorder profiles of the batched load and of
the ceiling there, and the bench prints the methods most often on CPU in each.

Run: `.venv/bin/python bench/load.py --store STORE --real SMALL_STORE` (see docs/neo4j.md).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import neo4j

from polgraph.config import Neo4jSettings
from polgraph.graph.export import write_csv
from polgraph.graph.neo4j import server
from polgraph.graph.neo4j.bulk import import_csv
from polgraph.graph.neo4j.connect import connect
from polgraph.graph.neo4j.load import (
    DEFAULT_BATCH_SIZE,
    load,
    rows_from_store,
    statements,
)
from polgraph.graph.rows import GraphRows


class Clock:
    """Wall time and the server process's CPU time of one phase. On a shared machine the
    wall time also counts waiting for a core; the server's CPU time does not."""

    def __init__(self, state: Path) -> None:
        self.pid = server.status(state).pid
        self.wall = self.cpu = 0.0

    def _cpu(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __enter__(self) -> Clock:
        self._wall, self._cpu0 = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = self._cpu() - self._cpu0

    def rate(self, count: int) -> str:
        return (
            f"{count / self.wall:,.0f}/s over {self.wall:.1f}s wall "
            f"({count / self.cpu:,.0f}/s over the server's {self.cpu:.1f}s CPU)"
        )


def repeated(base: GraphRows, relations: int) -> GraphRows:
    """`base` copied with fresh article ids until it holds at least `relations` relation
    instances: the same actors, sentences and share of MENTIONS, new articles."""
    rows = GraphRows()
    copy = 0
    while rows.relation_count < relations:
        suffix = f"~{copy}" if copy else ""
        rows.articles += [{**row, "id": row["id"] + suffix} for row in base.articles]
        rows.entities += base.entities
        rows.mentions += [
            {**row, "article_id": row["article_id"] + suffix} for row in base.mentions
        ]
        for rel_type, batch in base.relations.items():
            rows.relations.setdefault(rel_type, []).extend(
                {**row, "id": row["id"] + suffix, "article_id": row["article_id"] + suffix}
                for row in batch
            )
        copy += 1
    return rows


def wipe(driver: neo4j.Driver, database: str) -> None:
    """Relationships first, then nodes, in small transactions: a DETACH DELETE of a batch
    of hub actors would have to hold all their relationships in one transaction."""
    with driver.session(database=database) as session:
        for statement in (
            "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS",
            "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS",
        ):
            session.run(statement).consume()


def ceiling(driver: neo4j.Driver, database: str, batch_size: int) -> tuple[int, float]:
    """Every relationship of the loaded graph created once more inside the server, with
    the same endpoints and properties, in transactions of `batch_size`; then removed."""
    with driver.session(database=database) as session:
        began = time.perf_counter()
        summary = session.run(
            "MATCH ()-[r]->() WHERE type(r) <> 'BENCH_COPY' "
            "CALL (r) { WITH r, startNode(r) AS s, endNode(r) AS o "
            "CREATE (s)-[c:BENCH_COPY]->(o) SET c = properties(r) } "
            f"IN TRANSACTIONS OF {int(batch_size)} ROWS"
        ).consume()
        seconds = time.perf_counter() - began
        session.run(
            "MATCH ()-[c:BENCH_COPY]->() CALL (c) { DELETE c } IN TRANSACTIONS OF 20000 ROWS"
        ).consume()
    return summary.counters.relationships_created, seconds


def per_triple(driver: neo4j.Driver, database: str, rows: GraphRows, limit: int) -> int:
    """One managed transaction per triple, with the loader's own statements: its article,
    the mentions of its two actors, the actors and the relation instance."""
    done = 0
    entities = {row["id"]: row for row in rows.entities}
    with driver.session(database=database) as session:
        for rel_type, batch in sorted(rows.relations.items()):
            for row in batch:
                if done == limit:
                    return done
                ends = (row["source_id"], row["target_id"])
                one = GraphRows(
                    articles=[{"id": row["article_id"]}],
                    entities=[entities[end] for end in ends],
                    mentions=[
                        {"article_id": row["article_id"], "entity_id": end, "count": 1}
                        for end in ends
                    ],
                    relations={rel_type: [row]},
                )

                def write(tx: neo4j.ManagedTransaction, one: GraphRows = one) -> None:
                    for statement in statements(one):
                        tx.run(statement.query, rows=statement.rows).consume()

                session.execute_write(write)
                done += 1
    return done


def bulk(state: Path, port: int, rows: GraphRows) -> tuple[float, float, float]:
    """CSV export, then the offline import into this server (stopped for it): seconds of
    each, and of restarting the server with the schema afterwards."""
    expected = rows.relation_count + len(rows.mentions)
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-csv-") as directory:
        began = time.perf_counter()
        write_csv(rows, Path(directory))
        export_seconds = time.perf_counter() - began
        server.stop(state)
        report = import_csv(Path(directory), state, port)
    if report.relationships != expected:
        raise SystemExit(f"bulk import gave {report.relationships} relationships, not {expected}")
    return export_seconds, report.import_seconds, report.start_seconds


@contextmanager
def flight_recording(state: Path, directory: Path | None, name: str) -> Iterator[None]:
    """A JFR profile of the server while the block runs; prints its hottest methods."""
    pid = server.status(state).pid
    jcmd = shutil.which("jcmd")
    if directory is None or pid is None or jcmd is None:
        yield
        return
    directory.mkdir(parents=True, exist_ok=True)
    target = (directory / f"{name}.jfr").resolve()
    run = [jcmd, str(pid)]
    subprocess.run(
        [*run, "JFR.start", f"name={name}", "settings=profile"], check=True, capture_output=True
    )
    try:
        yield
    finally:
        subprocess.run(
            [*run, "JFR.stop", f"name={name}", f"filename={target}"],
            check=True,
            capture_output=True,
        )
    print(f"  JFR {target.name}: {hottest(target)}", flush=True)


def hottest(recording: Path, top: int = 6) -> str:
    """The methods most often on top of the stack in the recording's CPU samples."""
    jfr = shutil.which("jfr")
    if jfr is None:
        return "no `jfr` tool to read it"
    done = subprocess.run(
        [jfr, "print", "--json", "--events", "jdk.ExecutionSample", str(recording)],
        capture_output=True,
        text=True,
        check=True,
    )
    events = json.loads(done.stdout)["recording"]["events"]
    tops: collections.Counter[str] = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"]["stackTrace"] else []
        if frames:
            method = frames[0]["method"]
            tops[f"{method['type']['name'].rsplit('.', 1)[-1]}.{method['name']}"] += 1
    total = sum(tops.values()) or 1
    return f"{total} samples; " + ", ".join(
        f"{name} {count / total:.0%}" for name, count in tops.most_common(top)
    )


def bench(settings: Neo4jSettings, state: Path, args: argparse.Namespace) -> None:
    database = settings.database
    port = int(settings.uri.rsplit(":", 1)[1])
    real = rows_from_store(args.real)
    with Clock(state) as clock:
        report = load(real, settings, args.batch_size)
    print(
        f"1. real path, `polgraph load --from` a {len(real.articles)}-article build "
        f"({real.relation_count:,} relations, {len(real.entities):,} entity rows, "
        f"{len(real.mentions):,} MENTIONS, {report.transactions} tx), into the empty graph "
        f"of a server just started: relations {clock.rate(real.relation_count)}",
        flush=True,
    )
    with Clock(state) as clock:
        load(real, settings, args.batch_size)
    print(f"   the same load again, creating nothing: {clock.wall:.1f}s", flush=True)
    with connect(settings) as driver:
        wipe(driver, database)
    with Clock(state) as clock:
        load(real, settings, args.batch_size)
    print(
        f"   the same load into the emptied graph of the warm server: relations "
        f"{clock.rate(real.relation_count)}",
        flush=True,
    )
    base = rows_from_store(args.store)
    rows = repeated(base, args.relations)
    total = rows.relation_count
    print(
        f"rows: the build's {len(base.articles):,} articles, {base.relation_count:,} relations "
        f"and {len(base.mentions):,} MENTIONS repeated to {len(rows.articles):,} articles, "
        f"{total:,} relation instances and {len(rows.mentions):,} MENTIONS; "
        f"Neo4j {server.NEO4J_VERSION}",
        flush=True,
    )
    with connect(settings) as driver:
        wipe(driver, database)
    with flight_recording(state, args.jfr, "batched"), Clock(state) as loaded:
        report = load(rows, settings, args.batch_size)
    batched = total / loaded.wall
    print(
        f"2. batched loader, {args.batch_size} rows/tx, {report.transactions} tx: relation "
        f"instances {loaded.rate(total)}",
        flush=True,
    )
    with (
        connect(settings) as driver,
        flight_recording(state, args.jfr, "ceiling"),
        Clock(state) as limit,
    ):
        created, _ = ceiling(driver, database, args.batch_size)
    print(
        f"3. server's in-transaction ceiling, the same {created:,} relationships "
        f"({total:,} relation instances + {created - total:,} MENTIONS) with the same "
        f"properties created inside the server: relation instances {limit.rate(total)}; "
        f"batched loader / ceiling = {limit.wall / loaded.wall:.2f} by wall time, "
        f"{limit.cpu / loaded.cpu:.2f} by the server's CPU time",
        flush=True,
    )
    with connect(settings) as driver:
        wipe(driver, database)
        began = time.perf_counter()
        measured = per_triple(driver, database, rows, args.per_triple)
        single_seconds = time.perf_counter() - began
    single = measured / single_seconds
    print(
        f"4. one transaction per triple: the first {measured} triples in {single_seconds:.1f}s "
        f"= {single:,.1f} relation instances/s; batched / per-triple = {batched / single:,.0f}x",
        flush=True,
    )
    for size in (total, args.bulk_relations):
        sized = rows if size == total else repeated(base, size)
        export_seconds, import_seconds, start_seconds = bulk(state, port, sized)
        seconds = export_seconds + import_seconds
        rate = sized.relation_count / seconds
        print(
            f"5. bulk at {sized.relation_count:,}: export CSV {export_seconds:.1f}s + import "
            f"tool {import_seconds:.1f}s (its JVM start included) = {seconds:.1f}s, "
            f"{rate:,.0f} relation instances/s = {rate / batched:.1f}x the batched loader; "
            f"restarting the server with the schema took {start_seconds:.1f}s more",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store",
        type=Path,
        default=Path(".polgraph"),
        help="a corpus build whose extraction output is repeated",
    )
    parser.add_argument(
        "--real", type=Path, required=True, help="a small build loaded as is (the real path)"
    )
    parser.add_argument("--relations", type=int, default=300_000)
    parser.add_argument("--bulk-relations", type=int, default=1_000_000)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--per-triple", type=int, default=300)
    parser.add_argument("--jfr", type=Path, help="directory for JFR profiles of the server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-") as state:
        began = time.perf_counter()
        settings = server.start(Path(state), server.free_port(), server.free_port())
        print(
            f"throwaway Neo4j at {settings.uri} up in {time.perf_counter() - began:.0f}s",
            flush=True,
        )
        try:
            bench(settings, Path(state), args)
        finally:
            server.stop(Path(state))


if __name__ == "__main__":
    main()
