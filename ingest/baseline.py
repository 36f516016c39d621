"""The co-occurrence baseline: every ordered pair of distinct actors in a sentence.

It is what actor recognition alone would give a reader who linked everyone named together,
so the extractor's figures mean something only next to it. It uses the pipeline's own
actors (names, and the pronouns and descriptions resolved to them) from the same parse as
the extractor, so the two differ in the relation rules and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import permutations

from spacy.language import Language
from spacy.tokens import Doc

from polgraph.ingest.entities import ACTOR_TYPES, ActorIndex
from polgraph.ingest.nlp import load_model
from polgraph.ingest.pipeline import Settings, gathered, sentence_evidence
from polgraph.ingest.records import (
    Article,
    Extraction,
    Mention,
    Relation,
    Triple,
)

BASELINES: tuple[str, ...] = ("cooccur",)
COOCCUR = Relation(type="COOCCUR", text="", rule="cooccur")


def cooccurrence_doc(
    doc: Doc, article: Article, actors: ActorIndex, offset: int = 0
) -> list[Triple]:
    """One triple per ordered pair of distinct actors per sentence of a parsed piece, from
    the extractor's own actor index; names the pipeline reads as places (a capital where
    something happened) are not actors."""
    ref = article.ref()
    triples: list[Triple] = []
    for sentence in doc.sents:
        text = sentence.text.strip()
        if not text:
            continue
        evidence = sentence_evidence(sentence, offset)
        present: dict[str, Mention] = {}
        for token in sentence:
            actor = actors.actor_at(token)
            for one in [actor, *actors.group_at(token)] if actor is not None else []:
                if one.mention.type in ACTOR_TYPES:
                    present.setdefault(one.mention.id, one.mention)
        triples.extend(
            Triple(article=ref, subject=one, relation=COOCCUR, object=two, evidence=evidence)
            for one, two in permutations(present.values(), 2)
        )
    return triples


def side_by_side(
    articles: Iterable[Article], settings: Settings | None = None, nlp: Language | None = None
) -> Iterator[tuple[Extraction, list[Triple]]]:
    """The extraction of each article and its baseline triples, from one parse of it."""
    settings = settings or Settings()
    yield from gathered(articles, settings, nlp or load_model(settings.model), cooccurrence_doc)
