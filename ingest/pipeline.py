"""Article → Extraction: parse in pieces with `nlp.pipe`, then run each step in order."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache, partial
from typing import Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from polgraph.ingest.affiliation import attribute, known_affiliation, located
from polgraph.ingest.coref import listed_offices
from polgraph.ingest.entities import ActorIndex
from polgraph.ingest.gazetteer import load_gazetteer
from polgraph.ingest.nlp import PIECE_CHARS, load_model, piece_limit, pieces
from polgraph.ingest.overrides import NO_OVERRIDES, Overrides
from polgraph.ingest.pairs import judged
from polgraph.ingest.records import (
    Article,
    ArticleRef,
    Evidence,
    Extraction,
    Mention,
    Relation,
    Triple,
    entity_id,
)
from polgraph.ingest.relations import Discourse, Link, extract_relations
from polgraph.ingest.roles import role_triples
from polgraph.ingest.sources import as_provenance, cited

Result = TypeVar("Result", covariant=True)
Item = TypeVar("Item")
Context = tuple[Article, int, bool]


class WorkerError(Exception):
    """A worker process ended without its results; what was stored so far is kept."""


class Pending(Protocol[Result]):
    """A partition's results on their way: a process-pool or a Dask future."""

    def result(self) -> list[Result]: ...


PARTITION_SIZE = 16
# Longer "sentences" are scraped menus and link lists run together: no parse of them holds
# (the longest of 820 BBC sentences sampled is 84 tokens).
LONGEST_SENTENCE = 120


@dataclass(frozen=True, slots=True)
class Settings:
    """Extraction settings; passed explicitly, never read from globals.

    `workers` is the number of processes that parse and extract; `batch_size` the most
    texts, and `batch_chars` the most characters, per parser batch inside each;
    `partition_size` the most articles, and `partition_chars` the most characters, a
    process takes at a time. Partitions are kept small and even because the last ones
    decide when a run ends: with 200 articles in partitions of 64, one of two workers
    gets 128 of them and the run can be at best 1.56x faster than one worker. `judge`
    passes every pair of actors through the learned pair model (pairs.py); without it
    the triples are the construction rules' readings alone.
    """

    model: str | None = None
    batch_size: int = 32
    workers: int = 1
    piece_chars: int = PIECE_CHARS
    batch_chars: int = 100_000
    partition_size: int = PARTITION_SIZE
    partition_chars: int = 50_000
    overrides: Overrides = NO_OVERRIDES
    judge: bool = True


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


def sentence_evidence(sentence: Span, offset: int) -> Evidence:
    """A parsed sentence as evidence: its text trimmed, its offsets into the whole article
    (`offset` is where the piece it was parsed in starts)."""
    text = sentence.text.strip()
    start = offset + sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
    return Evidence(sentence=text, start=start, end=start + len(text))


def rule_triples(
    sentence: Span, actors: ActorIndex, ref: ArticleRef, evidence: Evidence, discourse: Discourse
) -> list[Triple]:
    """What the construction rules read in one sentence: relations, then roles."""
    found = [
        Triple(
            article=ref,
            subject=link.subject.mention,
            relation=link_relation(link),
            object=link.object.mention,
            evidence=evidence,
            confidence=link.confidence,
        )
        for link in extract_relations(sentence, actors, discourse=discourse)
    ]
    found.extend(role_triples(sentence, actors, ref, evidence))
    return found


def read_sentences(
    doc: Doc, actors: ActorIndex, ref: ArticleRef, offset: int = 0
) -> list[tuple[Span, Evidence, list[Triple]]]:
    """The sentences of a parsed piece the rules read, each with its evidence and the rule
    triples found in it, in order (the relation rules carry discourse from one to the
    next); empty sentences and run-on ones longer than LONGEST_SENTENCE are skipped. A
    person's statement about a body the piece names them a member or leader of, in any of
    its sentences, is left out (_speaks_for_own): hence all sentences are read first."""
    discourse = Discourse()
    read: list[tuple[Span, Evidence, list[Triple]]] = []
    for sentence in doc.sents:
        if not sentence.text.strip() or len(sentence) > LONGEST_SENTENCE or headlines(sentence):
            continue
        evidence = sentence_evidence(sentence, offset)
        read.append((sentence, evidence, rule_triples(sentence, actors, ref, evidence, discourse)))
    own = {
        (t.subject.id, t.object.id)
        for _, _, found in read
        for t in found
        if t.relation.quad_class == 0 and t.subject.type == "PERSON" and t.object.type == "ORG"
    }
    own |= listed_offices(actors.actors(), actors.year)
    return [
        (sentence, evidence, [t for t in found if not _speaks_for_own(t, own)])
        for sentence, evidence, found in read
    ]


HEADLINE_WORDS = 2
"""Capitalised small words that mark a run of headlines; one is a title ("Gone With
the Wind") or a name the recogniser missed."""


def headlines(sentence: Span) -> bool:
    """A scraped page's list of headlines, links or a film title, run together into one
    "sentence" ("...market share to Godfrey Phillips Why high growth doesn't translate...",
    "Vijay Take Their Sweet Time To Come to Blows"): headline case capitalises the small
    words prose writes in lower case, so two of them inside the sentence, after a word
    rather than a stop or a quotation mark and outside any name the recogniser tagged,
    show it is no prose. Its words are not one statement, and the parse joins headlines
    into acts nobody wrote, so the rules do not read it (docs/eval.md, Left out)."""
    small = 0
    for token in sentence[1:]:
        before = token.doc[token.i - 1]
        if (
            token.is_title
            and token.is_stop
            and len(token) > 1
            and not token.ent_type_
            and not (before.is_punct or before.is_quote or before.is_space)
        ):
            small += 1
    return small >= HEADLINE_WORDS


def _speaks_for_own(triple: Triple, own: set[tuple[str, str]]) -> bool:
    """ "Liberal Democrat leader Charles Kennedy … He said the Lib Dems would…": a person's
    statement about the party or body the piece names them a member or leader of is the
    person speaking for it (docs/eval.md, Left out), not a relation to it. A state's office
    holder (data/office_holders.tsv: "the chancellor said the government would…") speaks
    for its government, also when written as its seat ("Downing Street"); the other way
    round, a government's words on its own office holder ("officials say the home
    secretary wants…") or on its own state's forces ("Downing Street has confirmed British
    troops are on standby") are the state speaking of itself."""
    if triple.relation.rule != "statement":
        return False
    speaker, about = triple.subject, triple.object
    if (speaker.id, about.id) in own:
        return True
    said_by = _government_of(speaker)
    if said_by is not None:
        country, sector = _affiliation(about)
        if about.type == "PERSON" and _holds_office_of(about.id, said_by, own):
            return True
        if country == said_by and sector in ARMS and about.type != "GPE":
            return True
    return _holds_office_of(speaker.id, _government_of(about), own)


ARMS: frozenset[str] = frozenset({"GOV", "MIL", "COP"})
"""Sectors of a state's own arms: its government, forces and police."""


def _affiliation(mention: Mention) -> tuple[str | None, str | None]:
    return (mention.country, mention.sector) if mention.sector else known_affiliation(mention)


def _government_of(mention: Mention) -> str | None:
    """The country whose government an actor is (a generic government agent, a seat of
    power), not a state named as such."""
    country, sector = _affiliation(mention)
    return country if sector == "GOV" and mention.type != "GPE" else None


def _holds_office_of(person: str, country: str | None, own: set[tuple[str, str]]) -> bool:
    """Whether `own` lists the person under any of the names the gazetteer gives the
    country ("United Kingdom", "Britain"): the office holder's pair names the state."""
    if country is None:
        return False
    return any((person, state) in own for state in _state_ids(country))


@cache
def _state_ids(country: str) -> tuple[str, ...]:
    """The entity ids of the gazetteer names coded `country`, found once per country rather
    than by a walk of the whole gazetteer for each statement triple."""
    codes = load_gazetteer().codes.items()
    return tuple(entity_id(name) for name, code in codes if code == country)


def extract_doc(
    doc: Doc,
    article: Article,
    offset: int = 0,
    overrides: Overrides = NO_OVERRIDES,
    actors: ActorIndex | None = None,
    judge: bool = True,
) -> tuple[list[Triple], list[Mention]]:
    """Triples and actor mentions of one parsed piece; offsets are into the whole article.
    Actors then get their country and sector, and outlets become the provenance of the
    sentences that cite them (affiliation.py, sources.py)."""
    actors = actors or ActorIndex(doc, overrides, date=article.date)
    ref = article.ref()
    read = read_sentences(doc, actors, ref, offset)
    outlets = {evidence.start: cited(sentence, actors) for sentence, evidence, _ in read}
    triples = judged(read, actors, ref) if judge else [t for _, _, found in read for t in found]
    named = actors.actors()
    triples, mentions = attribute(triples, [actor.mention for actor in named], located(named))
    by_sentence: dict[int, list[Triple]] = {}
    for triple in triples:
        by_sentence.setdefault(triple.evidence.start, []).append(triple)
    kept = [t for at, found in by_sentence.items() for t in as_provenance(found, outlets[at])]
    return kept, mentions


def extract(
    articles: Iterable[Article], settings: Settings = Settings(), nlp: Language | None = None
) -> Iterator[Extraction]:
    """Stream extractions in input order, in this process or over `settings.workers`.

    Several workers each run the whole extraction over partitions of articles rather than
    sharing spaCy's `n_process`: a parsed Doc is many times bigger than what is extracted
    from it, so shipping Docs back to one extracting process would cost more than parsing.
    """
    if settings.workers > 1 and nlp is None:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            settings.workers,
            mp_context=context,
            initializer=load_model,
            initargs=(settings.model,),
        ) as pool:
            try:
                yield from in_order(
                    partial(pool.submit, extract_partition, settings=settings),
                    partitions(articles, settings),
                    depth=2 * settings.workers,
                )
            except BrokenProcessPool:
                raise WorkerError(
                    "a worker process died (killed, or out of memory); "
                    "re-run to resume from what is stored"
                ) from None
            finally:
                pool.shutdown(wait=False, cancel_futures=True)
        return
    yield from _extract_stream(articles, settings, nlp or load_model(settings.model))


def parsed_pieces(
    articles: Iterable[Article], settings: Settings, nlp: Language
) -> Iterator[tuple[Doc, Article, int, bool]]:
    """Each parsed piece with its article, its offset in the article text and whether it
    is the article's last. The model parses the pieces of all articles in one stream, so
    batches span article boundaries; a long article is parsed in pieces no longer than the
    model accepts, and only the pieces of the current batch are held."""
    limit = piece_limit(nlp, settings.piece_chars)

    def stream() -> Iterator[tuple[str, Context]]:
        for article in articles:
            cut = list(pieces(article.text, limit))
            for index, piece in enumerate(cut):
                yield piece.text, (article, piece.offset, index == len(cut) - 1)

    for batch in text_batches(stream(), settings.batch_size, settings.batch_chars):
        docs = nlp.pipe([text for text, _ in batch], batch_size=len(batch))
        for doc, (_, (article, offset, last)) in zip(docs, batch, strict=True):
            yield doc, article, offset, last


def gathered(
    articles: Iterable[Article],
    settings: Settings,
    nlp: Language,
    aside: Callable[[Doc, Article, ActorIndex, int], list[Item]] | None = None,
) -> Iterator[tuple[Extraction, list[Item]]]:
    """Each article's extraction once its last piece is extracted, with what `aside` read
    from the same pieces and the same actors (the co-occurrence baseline): an article
    parsed in pieces is gathered in this one place, whoever reads it."""
    triples: list[Triple] = []
    mentions: list[Mention] = []
    beside: list[Item] = []
    for doc, article, offset, last in parsed_pieces(articles, settings, nlp):
        actors = ActorIndex(doc, settings.overrides, date=article.date)
        found, named = extract_doc(doc, article, offset, settings.overrides, actors, settings.judge)
        triples.extend(found)
        mentions.extend(named)
        if aside is not None:
            beside.extend(aside(doc, article, actors, offset))
        if last:
            yield Extraction(article=article, triples=triples, mentions=mentions), beside
            triples, mentions, beside = [], [], []


def _extract_stream(
    articles: Iterable[Article], settings: Settings, nlp: Language
) -> Iterator[Extraction]:
    for extraction, _ in gathered(articles, settings, nlp):
        yield extraction


def chunks(
    items: Iterable[Item], count: int, weight: Callable[[Item], int] | None = None, most: int = 0
) -> Iterator[list[Item]]:
    """Lists of at most `count` items and, given `weight`, at most `most` total weight
    (a lone item heavier than that still gets a list of its own)."""
    chunk: list[Item] = []
    total = 0
    for item in items:
        heft = weight(item) if weight else 0
        if chunk and (len(chunk) >= count or (weight and total + heft > most)):
            yield chunk
            chunk, total = [], 0
        chunk.append(item)
        total += heft
    if chunk:
        yield chunk


def text_batches(
    items: Iterable[tuple[str, Context]], count: int, chars: int
) -> Iterator[list[tuple[str, Context]]]:
    """Parser batches of at most `count` texts and `chars` characters. spaCy batches by
    count alone, and the parser's memory grows with the characters in a batch: 32 pieces
    of a scraped megabyte page take 2 GB where 32 ordinary articles take 300 MB."""
    return chunks(items, count, lambda item: len(item[0]), chars)


def extract_partition(articles: list[Article], settings: Settings) -> list[Extraction]:
    """One worker's share: the model is loaded once per process and reused by every
    partition that process runs, whichever engine (process pool, Dask) sent it."""
    return list(_extract_stream(articles, settings, load_model(settings.model)))


def partitions(articles: Iterable[Article], settings: Settings) -> Iterator[list[Article]]:
    """The shares handed to worker processes or Dask tasks, even in text volume."""
    return chunks(
        articles,
        settings.partition_size,
        lambda article: len(article.text),
        settings.partition_chars,
    )


def in_order(
    submit: Callable[[list[Article]], Pending[Result]],
    parts: Iterable[list[Article]],
    depth: int,
) -> Iterator[Result]:
    """Run partitions through `submit` with at most `depth` in flight, yielding results in
    input order: memory stays bounded however long the input, and the one writer sees the
    same sequence as a single-process run, so the store ends up the same."""
    pending: deque[Pending[Result]] = deque()
    for partition in parts:
        pending.append(submit(partition))
        if len(pending) >= depth:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
