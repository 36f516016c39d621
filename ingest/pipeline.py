"""Article → Extraction: parse in pieces with `nlp.pipe`, then run each step in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from polgraph.ingest.entities import ActorIndex
from polgraph.ingest.nlp import PIECE_CHARS, load_model, pieces
from polgraph.ingest.overrides import NO_OVERRIDES, Overrides
from polgraph.ingest.records import (
    Article,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Triple,
)
from polgraph.ingest.relations import Discourse, Link, extract_relations
from polgraph.ingest.roles import role_triples
from spacy.language import Language
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Settings:
    """Extraction settings; passed explicitly, never read from globals."""

    model: str | None = None
    batch_size: int = 32
    workers: int = 1
    piece_chars: int = PIECE_CHARS
    overrides: Overrides = NO_OVERRIDES


def link_relation(link: Link) -> Relation:
    """The relation record of a link: its type and CAMEO semantics from the dictionary."""
    sense = link.sense
    return Relation(
        type=sense.type,
        text=link.text,
        rule=link.rule,
        cameo=sense.cameo,
        quad_class=sense.quad_class,
        goldstein=sense.goldstein,
        polarity=sense.polarity,
        modality=link.modality,
        via=link.via,
        former=link.former,
    )


def extract_doc(
    doc: Doc, article: Article, offset: int = 0, overrides: Overrides = NO_OVERRIDES
) -> tuple[list[Triple], list[Mention]]:
    """Triples and actor mentions of one parsed piece; offsets are into the whole article."""
    actors = ActorIndex(doc, overrides)
    ref = article.ref()
    triples: list[Triple] = []
    discourse = Discourse()
    for sentence in doc.sents:
        text = sentence.text.strip()
        if not text:
            continue
        start = offset + sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
        evidence = Evidence(sentence=text, start=start, end=start + len(text))
        for link in extract_relations(sentence, actors, discourse=discourse):
            triples.append(
                Triple(
                    article=ref,
                    subject=link.subject.mention,
                    relation=link_relation(link),
                    object=link.object.mention,
                    evidence=evidence,
                    confidence=link.confidence,
                )
            )
        triples.extend(role_triples(sentence, actors, ref, evidence))
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
        found, named = extract_doc(doc, article, offset, settings.overrides)
        triples.extend(found)
        mentions.extend(named)
        if last:
            yield Extraction(article=article, triples=triples, mentions=mentions)
            triples, mentions = [], []
