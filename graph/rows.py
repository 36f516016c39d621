"""Flat rows built from extractions: what every writer (embedded store, Neo4j, CSV) stores.

One row builder for every backend keeps property names identical everywhere, so one query
reads the same on each of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from polgraph.ingest.records import (
    Article,
    ArticleRef,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Triple,
    relation_type,
)

ENTITY_LABELS: dict[str, str] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Country",
    "NORP": "Group",
    "LOC": "Location",
    "FAC": "Facility",
    "PRODUCT": "Product",
    "EVENT": "Event",
    "LAW": "Law",
    "WORK_OF_ART": "Work",
}

RELATION_PROPERTIES: tuple[str, ...] = (
    "id",
    "text",
    "rule",
    "cameo",
    "quad_class",
    "goldstein",
    "polarity",
    "modality",
    "confidence",
    "sentence",
    "start",
    "end",
    "article_id",
    "date",
    "via",
    "role",
    "former",
    "subject_mention",
    "object_mention",
    "outlet",
)


PRONOUNS: frozenset[str] = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
    ]
)


def is_alias(written: str, name: str) -> bool:
    """Another name for the actor, worth searching by: not its canonical name, and not a
    pronoun or a lower-case description ("he", "the billionaire") that resolved to it."""
    return (
        written.casefold() != name.casefold()
        and written.casefold() not in PRONOUNS
        and any(char.isupper() for char in written)
    )


def entity_label(entity_type: str) -> str:
    """The secondary node label for an entity type (`:Entity:Person`); `Other` when unknown."""
    return ENTITY_LABELS.get(entity_type, "Other")


def article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "url": article.url,
    }


def entity_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """One row per actor the article names, with its surface forms as aliases and its roles."""
    mentions: list[Mention] = list(extraction.mentions)
    for triple in extraction.triples:
        mentions.extend((triple.subject, triple.object))
    first: dict[str, Mention] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        first.setdefault(mention.id, mention)
        if mention.mention and is_alias(mention.mention, mention.name):
            aliases[mention.id].add(mention.mention)
    roles: dict[str, set[str]] = defaultdict(set)
    for triple in extraction.triples:
        if triple.relation.role:
            roles[triple.subject.id].add(triple.relation.role)
    affiliation = attested(mentions)
    return [
        {
            "id": entity_id,
            "name": mention.name,
            "type": mention.type,
            "label": entity_label(mention.type),
            "aliases": sorted(aliases[entity_id]),
            "roles": sorted(roles[entity_id]),
            "country": affiliation[entity_id][0],
            "sector": affiliation[entity_id][1],
        }
        for entity_id, mention in first.items()
    ]


def most_attested(pairs: Iterable[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """The country named most often (ties to the first in code order), and the sector named
    most often with it: one actor, one allegiance, however many articles name it."""
    pairs = list(pairs)
    countries = Counter(country for country, _ in pairs if country)
    country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
    sectors = Counter(sector for c, sector in pairs if sector and c == country)
    sector = min(sectors, key=lambda s: (-sectors[s], s)) if sectors else None
    return country, sector


def attested(mentions: Iterable[Mention]) -> dict[str, tuple[str | None, str | None]]:
    """Each actor's most-attested country and sector over the mentions given."""
    found: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    for mention in mentions:
        found[mention.id].append((mention.country, mention.sector))
    return {entity_id: most_attested(pairs) for entity_id, pairs in found.items()}


def mention_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """Article-[:MENTIONS {count}]->Entity rows; counts are mentions, not triples. Each row
    also carries the country and sector this article gives the actor, from which the
    embedded store votes the actor's own."""
    counts = Counter(m.id for m in extraction.mentions)
    everything = list(extraction.mentions)
    for triple in extraction.triples:
        for mention in (triple.subject, triple.object):
            counts.setdefault(mention.id, 1)
            everything.append(mention)
    affiliation = attested(everything)
    return [
        {
            "article_id": extraction.article.id,
            "entity_id": entity_id,
            "count": count,
            "country": affiliation[entity_id][0],
            "sector": affiliation[entity_id][1],
        }
        for entity_id, count in counts.items()
    ]


def relation_row(triple: Triple) -> dict[str, Any]:
    relation = triple.relation
    return {
        "id": triple.key,
        "type": relation_type(relation.type),
        "source_id": triple.subject.id,
        "target_id": triple.object.id,
        "text": relation.text,
        "rule": relation.rule,
        "cameo": relation.cameo,
        "quad_class": relation.quad_class,
        "goldstein": relation.goldstein,
        "polarity": relation.polarity,
        "modality": relation.modality,
        "confidence": triple.confidence,
        "sentence": triple.evidence.sentence,
        "start": triple.evidence.start,
        "end": triple.evidence.end,
        "article_id": triple.article.id,
        "date": triple.article.date,
        "via": relation.via,
        "role": relation.role,
        "former": relation.former,
        "subject_mention": triple.subject.mention,
        "object_mention": triple.object.mention,
        "outlet": relation.outlet,
    }


def relation_rows_by_type(triples: Iterable[Triple]) -> dict[str, list[dict[str, Any]]]:
    """Relation rows grouped by type: a relationship type cannot be a query parameter."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for triple in triples:
        row = relation_row(triple)
        grouped[row["type"]].append(row)
    return dict(grouped)


@dataclass(slots=True)
class GraphRows:
    """A batch of rows for one write: what a loader consumes, whatever the source."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    relations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def extend(self, other: GraphRows) -> None:
        self.articles.extend(other.articles)
        self.entities.extend(other.entities)
        self.mentions.extend(other.mentions)
        for rel_type, rows in other.relations.items():
            self.relations.setdefault(rel_type, []).extend(rows)

    @property
    def relation_count(self) -> int:
        return sum(len(rows) for rows in self.relations.values())


def rows_from_extraction(extraction: Extraction) -> GraphRows:
    return GraphRows(
        articles=[article_row(extraction.article)],
        entities=entity_rows(extraction),
        mentions=mention_rows(extraction),
        relations=relation_rows_by_type(extraction.triples),
    )


def extractions_from_triples(triples: Iterable[Triple]) -> list[Extraction]:
    """Regroup JSONL triples by article, so a triples file loads like a fresh extraction."""
    by_article: dict[str, list[Triple]] = defaultdict(list)
    refs = {}
    for triple in triples:
        by_article[triple.article.id].append(triple)
        refs[triple.article.id] = triple.article
    return [
        Extraction(
            article=Article(id=ref.id, text="", title=ref.title, date=ref.date, source=ref.source),
            triples=by_article[article_id],
            mentions=[],
        )
        for article_id, ref in refs.items()
    ]


def _mention(entity: dict[str, Any], written: str) -> Mention:
    return Mention(
        entity["id"],
        entity["name"],
        written,
        entity["type"],
        country=entity.get("country"),
        sector=entity.get("sector"),
    )


def triple_from_row(
    row: dict[str, Any], entities: dict[str, dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> Triple:
    """The JSONL triple a stored relation row came from (its inverse is `relation_row`)."""
    article = articles.get(row["article_id"], {"id": row["article_id"]})
    subject = entities[row["source_id"]]
    obj = entities[row["target_id"]]
    return Triple(
        article=ArticleRef(
            id=row["article_id"],
            title=article.get("title"),
            date=article.get("date"),
            source=article.get("source"),
        ),
        subject=_mention(subject, row["subject_mention"]),
        relation=Relation(
            type=row["type"],
            text=row["text"],
            rule=row["rule"],
            cameo=row["cameo"],
            quad_class=row["quad_class"],
            goldstein=row["goldstein"],
            polarity=row["polarity"],
            modality=row["modality"],
            via=row["via"],
            role=row["role"],
            former=bool(row["former"]),
            outlet=row.get("outlet"),
        ),
        object=_mention(obj, row["object_mention"]),
        evidence=Evidence(sentence=row["sentence"], start=row["start"], end=row["end"]),
        confidence=row["confidence"],
    )


def triples_from_rows(rows: GraphRows) -> Iterator[Triple]:
    entities = {row["id"]: row for row in rows.entities}
    articles = {row["id"]: row for row in rows.articles}
    for batch in rows.relations.values():
        for row in batch:
            yield triple_from_row(row, entities, articles)


def graph_from_rows(rows: GraphRows) -> nx.MultiDiGraph:
    """The graph for analysis and drawing, whichever store the rows came from: nodes keyed by
    entity id, edges by relation id, with the same property names as the JSONL contract."""
    graph = nx.MultiDiGraph()
    articles: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for row in rows.mentions:
        articles[row["entity_id"]] += 1
        mentions[row["entity_id"]] += row["count"] or 0
    add_entities(graph, rows.entities, articles, mentions)
    add_relations(graph, rows)
    return graph


def add_entities(
    graph: nx.MultiDiGraph,
    entities: Iterable[dict[str, Any]],
    articles: Mapping[str, int],
    mentions: Mapping[str, int],
) -> None:
    """Entity nodes with how many articles name them and how many times in all."""
    for entity in entities:
        graph.add_node(
            entity["id"],
            **entity,
            articles=articles.get(entity["id"], 0),
            mentions=mentions.get(entity["id"], 0),
        )


def add_relations(graph: nx.MultiDiGraph, rows: GraphRows) -> None:
    """The relations of `rows` as edges, titled from `rows.articles`; a store adds them a
    page at a time (`Store.to_networkx`), so its rows are never all held beside the graph."""
    titles = {row["id"]: row.get("title") for row in rows.articles}
    for batch in rows.relations.values():
        for row in batch:
            attrs = {k: v for k, v in row.items() if k not in ("source_id", "target_id")}
            graph.add_edge(
                row["source_id"],
                row["target_id"],
                key=row["id"],
                **attrs,
                title=titles.get(row["article_id"]),
            )
