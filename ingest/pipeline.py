"""Article → Extraction: parse in pieces with `nlp.pipe`, then run each step in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from polgraph.ingest.entities import ActorIndex
from polgraph.ingest.nlp import PIECE_CHARS, load_model, pieces
from polgraph.ingest.records import (
    Article,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Triple,
    relation_type,
)
from polgraph.ingest.relations import extract_relations
from polgraph.ingest.semantics import modality
from spacy.language import Language
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Settings:
    """Extraction settings; passed explicitly, never read from globals."""

    model: str | None = None
    batch_size: int = 32
    workers: int = 1
    piece_chars: int = PIECE_CHARS


def extract_doc(doc: Doc, article: Article, offset: int = 0) -> tuple[list[Triple], list[Mention]]:
    """Triples and actor mentions of one parsed piece; offsets are into the whole article."""
    actors = ActorIndex(doc)
    ref = article.ref()
    triples: list[Triple] = []
    for sentence in doc.sents:
        text = sentence.text.strip()
        if not text:
            continue
        start = offset + sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
        evidence = Evidence(sentence=text, start=start, end=start + len(text))
        for link in extract_relations(sentence, actors):
            relation = Relation(
                type=relation_type(link.verb.lemma_),
                text=link.text,
                rule=link.rule,
                modality=modality(link.verb),
            )
            triples.append(
                Triple(
                    article=ref,
                    subject=link.subject.mention,
                    relation=relation,
                    object=link.object.mention,
                    evidence=evidence,
                    confidence=0.5,
                )
            )
    return triples, [actor.mention for actor in actors.actors()]


def extract(
    articles: Iterable[Article], settings: Settings = Settings(), nlp: Language | None = None
) -> Iterator[Extraction]:
    """Stream extractions in input order; the model parses all pieces of all articles in
    one `nlp.pipe` stream, so batching and worker processes span article boundaries."""
    nlp = nlp or load_model(settings.model)

    def stream() -> Iterator[tuple[str, tuple[Article, int, bool]]]:
        for article in articles:
            cut = list(pieces(article.text, settings.piece_chars))
            for index, piece in enumerate(cut):
                yield piece.text, (article, piece.offset, index == len(cut) - 1)

    triples: list[Triple] = []
    mentions: list[Mention] = []
    docs = nlp.pipe(
        stream(), as_tuples=True, batch_size=settings.batch_size, n_process=settings.workers
    )
    for doc, (article, offset, last) in docs:
        found, named = extract_doc(doc, article, offset)
        triples.extend(found)
        mentions.extend(named)
        if last:
            yield Extraction(article=article, triples=triples, mentions=mentions)
            triples, mentions = [], []
