"""The jobs the command line runs: they join `ingest` to `graph`, which never meet otherwise."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from polgraph.graph.rows import triples_from_rows
from polgraph.graph.store import Store
from polgraph.ingest.pipeline import Settings, extract
from polgraph.ingest.read import Failure, Skipped, read_paths
from polgraph.ingest.records import Article, Extraction, Triple


@dataclass(slots=True)
class Report:
    """What a run did, for the summary and the exit code."""

    read: int = 0
    skipped: int = 0
    stored: int = 0
    triples: int = 0
    failures: list[Failure] = field(default_factory=list)
    passed_over: list[Skipped] = field(default_factory=list)


def _articles(
    paths: Iterable[str | Path],
    report: Report,
    on_failure: Callable[[Failure], None],
    date: str | None,
    skip: set[str] | None = None,
    on_skip: Callable[[Skipped], None] = lambda _: None,
) -> Iterator[Article]:
    seen: set[str] = set()
    for item in read_paths(paths, date=date):
        if isinstance(item, Failure):
            report.failures.append(item)
            on_failure(item)
            continue
        if isinstance(item, Skipped):
            report.passed_over.append(item)
            on_skip(item)
            continue
        report.read += 1
        if item.id in seen or (skip is not None and item.id in skip):
            report.skipped += 1
            continue
        seen.add(item.id)
        yield item


def _extractions(
    articles: Iterable[Article], settings: Settings, scheduler: str | None
) -> Iterator[Extraction]:
    """The engine: local processes, or the Dask cluster at `scheduler`. Both yield in input
    order, so what is stored does not depend on the engine."""
    if scheduler is None:
        yield from extract(articles, settings)
        return
    from polgraph.ingest.dask_engine import connect, extract_on

    with connect(scheduler) as client:
        yield from extract_on(client, articles, settings)


def extract_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    report: Report,
    on_failure: Callable[[Failure], None],
    date: str | None = None,
    scheduler: str | None = None,
    on_skip: Callable[[Skipped], None] = lambda _: None,
) -> Iterator[Extraction]:
    """Extractions of every readable article; failures go to `on_failure` and files passed
    over to `on_skip` as they happen."""
    articles = _articles(paths, report, on_failure, date, on_skip=on_skip)
    for extraction in _extractions(articles, settings, scheduler):
        report.stored += 1
        report.triples += len(extraction.triples)
        yield extraction


def extract_shards(
    paths: Iterable[str | Path],
    settings: Settings,
    report: Report,
    on_failure: Callable[[Failure], None],
    out_dir: Path,
    scheduler: str,
    on_shard: Callable[[int], None] = lambda _: None,
    date: str | None = None,
    on_skip: Callable[[Skipped], None] = lambda _: None,
) -> None:
    """Triples as JSONL shards written by the Dask workers, one file per partition."""
    from polgraph.ingest.dask_engine import connect, write_shards

    with connect(scheduler) as client:
        articles = _articles(paths, report, on_failure, date, on_skip=on_skip)
        for shard in write_shards(client, articles, settings, out_dir):
            report.stored += shard.articles
            report.triples += shard.triples
            on_shard(shard.articles)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings,
    report: Report,
    on_failure: Callable[[Failure], None],
    on_article: Callable[[Extraction], None] = lambda _: None,
    date: str | None = None,
    scheduler: str | None = None,
    on_skip: Callable[[Skipped], None] = lambda _: None,
) -> None:
    """Extract and store article by article, each in its own transaction, with this process
    the only writer whatever the engine. An article already stored is not parsed again, so
    an interrupted run resumes where it stopped and a finished one re-runs as a no-op."""
    articles = _articles(paths, report, on_failure, date, store.article_ids(), on_skip)
    for extraction in _extractions(articles, settings, scheduler):
        store.add(extraction)
        report.stored += 1
        report.triples += len(extraction.triples)
        on_article(extraction)


def stored_triples(store: Store) -> Iterator[Triple]:
    """Everything stored as triples, read a page at a time: a store of any size can be
    written out without being held in memory."""
    for page in store.relation_pages():
        yield from triples_from_rows(page)
