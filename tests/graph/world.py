"""A small hand-built world with known answers, shared by the analysis, query and export tests.

Two triangles joined by one bridge:

    Alice Ames ─ Bob Brown ─ Carland ═══ Dovia ─ Eastco ─ Fay Fox
          └───────────────────┘            └─────────────────┘

- Carland and Dovia hold the bridge: the highest degree (3) and betweenness.
- Carland threatens Dovia in three reports: two on 1-2 June (one event), one on 10 June.
- Alice praises Bob (cooperation); Bob meets Carland; Dovia meets Eastco.
- Alice "did not criticise" Carland (negated) and Eastco "could offer asylum" to Fay Fox
  (hypothetical): neither is an act, so neither counts in scores by default.
- Fay Fox criticises Dovia.
- On 12 June each triangle meets again inside itself, so each weighs more than the bridge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import neo4j

from polgraph.graph.export import cypher_statements
from polgraph.graph.rows import GraphRows
from polgraph.graph.store import Store
from polgraph.ingest.records import (
    Article,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Triple,
)

ALICE = Mention("alice-ames", "Alice Ames", "Ames", "PERSON")
BOB = Mention("bob-brown", "Bob Brown", "Bob", "PERSON")
CARLAND = Mention("carland", "Carland", "Carland", "GPE")
DOVIA = Mention("dovia", "Dovia", "Dovia", "GPE")
EASTCO = Mention("eastco", "Eastco", "Eastco", "ORG")
FAY = Mention("fay-fox", "Fay Fox", "she", "PERSON")

PRAISE = dict(type="PRAISE", text="praised", rule="active", cameo="051", quad_class=1)
MEET = dict(type="MEET", text="met", rule="active", cameo="04", quad_class=1)
THREATEN = dict(type="THREATEN", text="threatened", rule="active", cameo="13", quad_class=3)
CRITICIZE = dict(type="CRITICIZE", text="criticised", rule="active", cameo="111", quad_class=3)
ASYLUM = dict(type="OFFER_ASYLUM", text="offer asylum", rule="xcomp", cameo="0233", quad_class=1)


def _triple(
    article: Article, subject: Mention, obj: Mention, start: int, goldstein: float, **relation
) -> Triple:
    sentence = f"{subject.mention} {relation['text']} {obj.mention}; said on {article.date}."
    polarity = 1 if goldstein > 0 else -1
    return Triple(
        article=article.ref(),
        subject=subject,
        relation=Relation(goldstein=goldstein, polarity=polarity, **relation),
        object=obj,
        evidence=Evidence(sentence, start, start + len(sentence)),
        confidence=0.8,
    )


def _article(article_id: str, date: str, triples: list[tuple]) -> Extraction:
    article = Article(
        id=article_id, text="", title=f"Report {article_id}", date=date, source=f"{article_id}.txt"
    )
    built = [
        _triple(article, subject, obj, 100 * n, goldstein, **relation)
        for n, (subject, obj, goldstein, relation) in enumerate(triples)
    ]
    mentions = [m for t in built for m in (t.subject, t.object)]
    return Extraction(article=article, triples=built, mentions=mentions)


def extractions() -> list[Extraction]:
    return [
        _article(
            "w1",
            "2025-06-01",
            [
                (ALICE, BOB, 3.4, PRAISE),
                (CARLAND, DOVIA, -4.4, THREATEN),
                (ALICE, CARLAND, -2.0, {**CRITICIZE, "modality": "negated"}),
            ],
        ),
        _article(
            "w2",
            "2025-06-02",
            [
                (CARLAND, DOVIA, -4.4, THREATEN),
                (BOB, CARLAND, 1.0, MEET),
                (DOVIA, EASTCO, 1.0, MEET),
            ],
        ),
        _article(
            "w3",
            "2025-06-10",
            [
                (CARLAND, DOVIA, -4.4, THREATEN),
                (EASTCO, FAY, 7.0, {**ASYLUM, "modality": "hypothetical"}),
                (FAY, DOVIA, -2.0, CRITICIZE),
            ],
        ),
        _article(
            "w4",
            "2025-06-12",
            [
                (BOB, ALICE, 1.0, MEET),
                (ALICE, CARLAND, 1.0, MEET),
                (EASTCO, FAY, 1.0, MEET),
                (DOVIA, EASTCO, 3.4, PRAISE),
            ],
        ),
    ]


def build(path: Path) -> Path:
    """The world written to an embedded store at `path`."""
    with Store(path) as store:
        for extraction in extractions():
            store.add(extraction)
    return path


def load_into_neo4j(settings: Any, rows: GraphRows) -> None:
    """Replace the contents of a test Neo4j database with `rows`, through the Cypher export.
    A database holding anything but a previous copy of this world is left alone."""
    ours = {row["id"] for row in rows.entities} | {row["id"] for row in rows.articles}
    auth = (settings.username, settings.password)
    with neo4j.GraphDatabase.driver(settings.uri, auth=auth) as driver:
        db = settings.database
        found, _, _ = driver.execute_query("MATCH (n) RETURN n.id AS id", database_=db)
        foreign = {record["id"] for record in found} - ours
        if foreign:
            raise RuntimeError(f"Neo4j database {db!r} holds other data; a test needs it empty")
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=db)
        for statement in cypher_statements(rows):
            driver.execute_query(statement, database_=db)
