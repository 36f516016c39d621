"""The same Cypher on the embedded store and on Neo4j, timed side by side in one run.

A synthetic corpus (random actors and acts on random days) is written to a fresh embedded
store and, through the Cypher export, to the Neo4j named by POLGRAPH_NEO4J_URI (user
POLGRAPH_NEO4J_USER, password POLGRAPH_NEO4J_PASSWORD). That database must be a scratch
one: it is emptied first.

    POLGRAPH_NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python bench/query_engines.py [ARTICLES]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import neo4j

from polgraph.graph.export import cypher_statements
from polgraph.graph.query import query
from polgraph.graph.store import Store
from polgraph.ingest.records import Article, Evidence, Extraction, Mention, Relation, Triple

QUERIES = {
    "count by label": "MATCH (e:Entity) RETURN e.label AS label, count(*) AS n ORDER BY n DESC",
    "hostile acts": "MATCH (a:Person)-[r:CRITICIZE|THREATEN]->(b) WHERE r.modality = 'asserted' "
    "RETURN a.name AS a, b.name AS b, count(*) AS n ORDER BY n DESC, a, b LIMIT 10",
    "neighbours": "MATCH (a:Entity {id: 'actor-1'})-[r]-(b:Entity) RETURN DISTINCT b.name AS n",
    "two hops": "MATCH (a:Entity {id: 'actor-1'})-[:CRITICIZE*1..2]->(b) "
    "RETURN count(DISTINCT b) AS n",
    "shortest path": "MATCH p = shortestPath((a:Entity {id: 'actor-1'})-[:CRITICIZE|THREATEN*..6]-"
    "(b:Entity {id: 'actor-2'})) RETURN length(p) AS hops",
}
TYPES = ("CRITICIZE", "THREATEN", "PRAISE")


@dataclass(frozen=True)
class Settings:
    uri: str
    username: str
    password: str
    database: str


RUNS = 5


def corpus(articles: int, actors: int, seed: int = 7) -> list[Extraction]:
    rng = random.Random(seed)
    people = [
        Mention(f"actor-{n}", f"Actor {n}", f"Actor {n}", rng.choice(["PERSON", "GPE", "ORG"]))
        for n in range(actors)
    ]
    out = []
    for n in range(articles):
        article = Article(id=f"a{n}", text="", date=f"2025-06-{rng.randrange(1, 29):02d}")
        triples = []
        for k in range(3):
            subject, obj = rng.sample(people, 2)
            rel = rng.choice(TYPES)
            triples.append(
                Triple(
                    article=article.ref(),
                    subject=subject,
                    relation=Relation(type=rel, text=rel.lower(), rule="bench", goldstein=-2.0),
                    object=obj,
                    evidence=Evidence("A sentence.", 100 * k, 100 * k + 11),
                )
            )
        out.append(
            Extraction(article, triples, [m for t in triples for m in (t.subject, t.object)])
        )
    return out


def median_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(articles: int) -> None:
    settings = Settings(
        uri=os.environ["POLGRAPH_NEO4J_URI"],
        username=os.environ.get("POLGRAPH_NEO4J_USER", "neo4j"),
        password=os.environ.get("POLGRAPH_NEO4J_PASSWORD", ""),
        database=os.environ.get("POLGRAPH_NEO4J_DATABASE", "neo4j"),
    )
    with tempfile.TemporaryDirectory() as directory:
        store_path = Path(directory)
        with Store(store_path) as store:
            for extraction in corpus(articles, max(50, articles // 5)):
                store.add(extraction)
            rows = store.rows()
        auth = (settings.username, settings.password)
        with neo4j.GraphDatabase.driver(settings.uri, auth=auth) as driver:
            driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
            for statement in cypher_statements(rows):
                driver.execute_query(statement, database_=settings.database)
        print(f"{articles} articles, {rows.relation_count} relations; median of {RUNS} runs,")
        print("each call opening its engine as `polgraph query` does")
        print(f"{'query':<16}{'embedded ms':>12}{'neo4j ms':>10}{'ratio':>8}")
        for name, text in QUERIES.items():
            embedded = median_ms(lambda t=text: query(t, {}, "embedded", store=store_path))
            server = median_ms(lambda t=text: query(t, {}, "neo4j", neo4j=settings))
            print(f"{name:<16}{embedded:>12.1f}{server:>10.1f}{embedded / server:>8.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
