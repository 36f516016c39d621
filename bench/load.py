"""Loader throughput against a real Neo4j: batched UNWIND vs one transaction per triple.

Starts a throwaway local Neo4j (never the user's own: the graph is wiped between runs),
builds a synthetic news graph through the same row builder as real extractions, and loads it
twice side by side on the same server:

- batched: `polgraph.graph.neo4j.load.load`, `UNWIND $rows ... MERGE`, `--batch-size` rows
  per managed transaction;
- per triple: the same MERGE statements, one managed transaction per triple. It runs on the
  first `--per-triple` triples only (a transaction per triple is slow by nature), and its
  rate is extrapolated to the whole set; the output says so;
- bulk: `export --format csv` then `polgraph neo4j import` (Neo4j's offline import tool) into
  the same server, stopped for it. Its time is the CSV export plus the import tool's run,
  its own JVM start included; restarting the server and creating the schema afterwards is
  printed apart, as the loaders above are timed on a server already up.

Run: `.venv/bin/python bench/load.py [--triples 100000] [--batch-size 5000]` (about four
minutes on a 2-core machine at the default size).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import neo4j

from polgraph.config import Neo4jSettings
from polgraph.graph.export import write_csv
from polgraph.graph.neo4j import server
from polgraph.graph.neo4j.bulk import import_csv
from polgraph.graph.neo4j.connect import connect
from polgraph.graph.neo4j.load import DEFAULT_BATCH_SIZE, load, relation_params, statements
from polgraph.graph.neo4j.schema import ensure_schema
from polgraph.graph.rows import GraphRows, rows_from_extraction
from polgraph.ingest.records import (
    Article,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Triple,
)

TYPES = (
    ("CRITICIZE", 3, -2.0),
    ("MEET", 1, 1.0),
    ("THREATEN", 4, -7.0),
    ("PRAISE", 1, 3.4),
    ("OFFER_ASYLUM", 1, 3.0),
    ("SANCTION", 4, -8.0),
    ("ACCUSE", 3, -2.0),
    ("SUPPORT", 2, 3.0),
    ("APPOINT", 0, 0.0),
    ("MEMBER_OF", 0, 0.0),
    ("NEGOTIATE", 1, 4.0),
    ("DENY", 3, -2.0),
)
KINDS = ("PERSON", "ORG", "GPE", "NORP")
WARM_UP = 20_000
CEILING = 100_000


def synthetic(triples: int, per_article: int = 10, actors: int = 5000, seed: int = 7) -> list:
    """Extractions of `triples` triples, `per_article` to an article, among `actors` actors."""
    rng = random.Random(seed)
    people = [
        Mention(f"actor-{i}", f"Actor {i}", f"A{i}", KINDS[i % len(KINDS)]) for i in range(actors)
    ]
    extractions = []
    for number in range(triples // per_article):
        day = f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}"
        article = Article(f"art-{number}", "", f"Story {number}", day, "bench")
        found = []
        for k in range(per_article):
            subject, target = rng.sample(people, 2)
            kind, quad, goldstein = rng.choice(TYPES)
            sentence = f"{subject.mention} {kind.lower()} {target.mention} in story {number}."
            found.append(
                Triple(
                    article=article.ref(),
                    subject=subject,
                    relation=Relation(
                        type=kind,
                        text=kind.lower(),
                        rule="bench",
                        quad_class=quad,
                        goldstein=goldstein,
                        polarity=-1 if goldstein < 0 else 1,
                    ),
                    object=target,
                    evidence=Evidence(sentence, k * 100, k * 100 + len(sentence)),
                    confidence=rng.random(),
                )
            )
        extractions.append(Extraction(article, found, []))
    return extractions


def all_rows(extractions: list) -> GraphRows:
    rows = GraphRows()
    for extraction in extractions:
        rows.extend(rows_from_extraction(extraction))
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


def per_triple(driver: neo4j.Driver, database: str, extractions: list, limit: int) -> int:
    """One managed transaction per triple, with the loader's own MERGE statements."""
    done = 0
    with driver.session(database=database) as session:
        for extraction in extractions:
            for triple in extraction.triples:
                if done == limit:
                    return done
                one = rows_from_extraction(Extraction(extraction.article, [triple], []))

                def write(tx: neo4j.ManagedTransaction, one: GraphRows = one) -> None:
                    for statement in statements(one):
                        tx.run(statement.query, rows=statement.rows).consume()

                session.execute_write(write)
                done += 1
    return done


def _rate(driver: neo4j.Driver, database: str, query: str, count: int, **params: Any) -> float:
    began = time.perf_counter()
    driver.execute_query(query, database_=database, **params)
    return count / (time.perf_counter() - began)


def ceilings(driver: neo4j.Driver, database: str, rows: GraphRows, batch_size: int) -> dict:
    """What bounds any Cypher loader here, measured on the loaded graph's actors in a warm
    server: shipping the rows with nothing written, and creating relationships inside the
    server (no parameters, no lookup, no uniqueness constraint) with and without the
    contract's properties."""
    shipped = [relation_params(row) for batch in rows.relations.values() for row in batch]
    began = time.perf_counter()
    for start in range(0, len(shipped), batch_size):
        driver.execute_query(
            "UNWIND $rows AS row RETURN count(*)",
            rows=shipped[start : start + batch_size],
            database_=database,
        )
    figures = {"ship": len(shipped) / (time.perf_counter() - began)}
    actors = "MATCH (x:Entity) WITH collect(x) AS xs UNWIND range(1, $n) AS i "
    pair = "WITH i, xs[i % size(xs)] AS a, xs[(i * 7 + 3) % size(xs)] AS b "
    figures["bare"] = _rate(
        driver, database, actors + pair + "CREATE (a)-[:BENCH_CEILING]->(b)", CEILING, n=CEILING
    )
    figures["props"] = _rate(
        driver,
        database,
        actors
        + pair
        + "CREATE (a)-[:BENCH_CEILING {id: 'k' + i, text: 'criticised', cameo: '111', "
        "quad_class: 3, goldstein: -2.0, polarity: -1, modality: 'asserted', confidence: 0.7, "
        "sentence: 'One actor criticised another over the handling of the budget talks.', "
        "start: i, end: i + 70, article_id: 'art-' + i, date: '2025-01-01'}]->(b)",
        CEILING,
        n=CEILING,
    )
    return figures


def bulk(state: Path, port: int, rows: GraphRows, batched_rate: float) -> None:
    """The CSV export and the offline import into this server, stopped for it."""
    total = rows.relation_count
    everything = total + len(rows.mentions)
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-csv-") as directory:
        began = time.perf_counter()
        write_csv(rows, Path(directory))
        export_seconds = time.perf_counter() - began
        server.stop(state)
        report = import_csv(Path(directory), state, port)
    if report.relationships != everything:
        raise SystemExit(f"bulk import gave {report.relationships} relationships, not {everything}")
    seconds = export_seconds + report.import_seconds
    rate = total / seconds
    print(
        f"bulk, export CSV {export_seconds:.1f}s + import tool {report.import_seconds:.1f}s "
        f"(its JVM start included): {total} relation instances in {seconds:.1f}s = "
        f"{rate:,.0f} rel/s ({everything / seconds:,.0f}/s counting MENTIONS); then restarting "
        f"the server and creating the schema took {report.start_seconds:.1f}s more"
    )
    print(f"bulk / batched, same server, same run: {rate / batched_rate:,.1f}x")


def bench(settings: Neo4jSettings, state: Path, triples: int, batch_size: int, subset: int) -> None:
    extractions = synthetic(triples)
    rows = all_rows(extractions)
    total = rows.relation_count
    everything = total + len(rows.mentions)
    print(
        f"synthetic graph: {len(rows.articles)} articles, {total} relation instances "
        f"and {len(rows.mentions)} MENTIONS, Neo4j {server.NEO4J_VERSION}",
        flush=True,
    )
    warm_up = all_rows(synthetic(WARM_UP, seed=11))
    with connect(settings) as driver:
        ensure_schema(driver, settings.database, rows.relations)
        wipe(driver, settings.database)
    load(warm_up, settings, batch_size)
    with connect(settings) as driver:
        wipe(driver, settings.database)
    print(f"server warmed up by loading {WARM_UP:,} other triples, then wiped", flush=True)
    report = load(rows, settings, batch_size)
    batched_rate = total / report.seconds
    print(
        f"batched UNWIND, {batch_size} rows/tx: {total} relation instances in "
        f"{report.seconds:.1f}s = {batched_rate:,.0f} rel/s "
        f"({everything / report.seconds:,.0f}/s counting MENTIONS; {report.transactions} tx)",
        flush=True,
    )
    with connect(settings) as driver:
        bounds = ceilings(driver, settings.database, rows, batch_size)
    print(
        "what bounds it, same server: "
        f"shipping the relation rows alone {bounds['ship']:,.0f} rows/s; "
        f"{CEILING:,} relationships created inside the server with the contract's 13 "
        f"properties {bounds['props']:,.0f} rel/s, with none {bounds['bare']:,.0f} rel/s",
        flush=True,
    )
    with connect(settings) as driver:
        wipe(driver, settings.database)
        began = time.perf_counter()
        measured = per_triple(driver, settings.database, extractions, subset)
        single_seconds = time.perf_counter() - began
    single_rate = measured / single_seconds
    print(
        f"one transaction per triple: {measured} relation instances (the first {measured} "
        f"triples only) in {single_seconds:.1f}s = {single_rate:,.1f} rel/s; "
        f"all {total} would take about {total / single_rate / 60:,.0f} min at that rate"
    )
    print(f"batched / per-triple, same server, same run: {batched_rate / single_rate:,.0f}x")
    bulk(state, int(settings.uri.rsplit(":", 1)[1]), rows, batched_rate)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--per-triple", type=int, default=300, help="triples for the slow loader")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="polgraph-bench-") as state:
        port = server.free_port()
        began = time.perf_counter()
        settings = server.start(Path(state), port)
        print(
            f"throwaway Neo4j at {settings.uri} up in {time.perf_counter() - began:.0f}s",
            flush=True,
        )
        try:
            bench(settings, Path(state), args.triples, args.batch_size, args.per_triple)
        finally:
            server.stop(Path(state))


if __name__ == "__main__":
    main()
