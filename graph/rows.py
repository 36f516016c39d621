"""Flat rows built from extractions: what every writer (embedded store, Neo4j, CSV) stores.

One row builder for every backend keeps property names identical everywhere, so one query
reads the same on each of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from polgraph.ingest.records import Article, Extraction, Mention, Triple, relation_type

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
        if mention.mention and mention.mention.casefold() != mention.name.casefold():
            aliases[mention.id].add(mention.mention)
    roles: dict[str, set[str]] = defaultdict(set)
    for triple in extraction.triples:
        if triple.relation.role:
            roles[triple.subject.id].add(triple.relation.role)
    return [
        {
            "id": entity_id,
            "name": mention.name,
            "type": mention.type,
            "label": entity_label(mention.type),
            "aliases": sorted(aliases[entity_id]),
            "roles": sorted(roles[entity_id]),
        }
        for entity_id, mention in first.items()
    ]


def mention_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """Article-[:MENTIONS {count}]->Entity rows; counts are mentions, not triples."""
    counts = Counter(m.id for m in extraction.mentions)
    for triple in extraction.triples:
        for mention in (triple.subject, triple.object):
            counts.setdefault(mention.id, 1)
    return [
        {"article_id": extraction.article.id, "entity_id": entity_id, "count": count}
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
    }


def relation_rows_by_type(triples: Iterable[Triple]) -> dict[str, list[dict[str, Any]]]:
    """Relation rows grouped by type: a relationship type cannot be a query parameter."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for triple in triples:
        row = relation_row(triple)
        grouped[row["type"]].append(row)
    return dict(grouped)
