"""Extraction on a Dask cluster: the same partitions the local worker pool runs, spread
over as many machines as the scheduler knows.

Workers need polgraph and the model installed; each worker process loads the model once
and keeps it for every partition it is given. Start workers with one thread each
(`dask worker ADDRESS --nworkers N --nthreads 1`): a spaCy pipeline is not shared between
threads, so extra threads in one process would wait on each other.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from polgraph.ingest.pipeline import Settings, extract_partition, in_order, partitions
from polgraph.ingest.records import Article, Extraction

if TYPE_CHECKING:
    from distributed import Client, Future

_MODEL_LOCK = threading.Lock()


class EngineError(Exception):
    """The Dask engine cannot run: not installed, or the scheduler cannot be reached."""


@dataclass(frozen=True, slots=True)
class Shard:
    """One partition written as a JSONL file of triples by the worker that extracted it."""

    path: str
    articles: int
    triples: int


@contextmanager
def connect(scheduler: str) -> Iterator[Client]:
    """A client of the scheduler at `scheduler` (tcp://host:port, or a LocalCluster's
    address), closed on exit."""
    try:
        from distributed import Client
    except ImportError:
        raise EngineError("the dask engine needs Dask: pip install 'polgraph[dask]'") from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as err:
        raise EngineError(f"{scheduler}: cannot reach the Dask scheduler: {err}") from None
    with client:
        yield client


def _depth(client: Client) -> int:
    """Partitions kept in flight: two per worker thread, so none waits for work."""
    threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
    return 2 * max(1, threads)


def _extract_locked(articles: list[Article], settings: Settings) -> list[Extraction]:
    with _MODEL_LOCK:
        return extract_partition(articles, settings)


def extract_on(
    client: Client, articles: Iterable[Article], settings: Settings
) -> Iterator[Extraction]:
    """Extractions in input order, so the one writer on the client stores exactly what a
    single-process run would."""

    def submit(partition: list[Article]) -> Future:
        return client.submit(_extract_locked, partition, settings, pure=False)

    yield from in_order(submit, partitions(articles, settings), _depth(client))


def _write_shard(articles: list[Article], settings: Settings, path: str) -> list[Shard]:
    """Extract and write on the worker; the file appears whole or not at all."""
    extractions = _extract_locked(articles, settings)
    partial = f"{path}.partial"
    with open(partial, "w", encoding="utf-8") as sink:
        for extraction in extractions:
            for triple in extraction.triples:
                sink.write(triple.to_json() + "\n")
    os.replace(partial, path)
    return [Shard(path, len(extractions), sum(len(e.triples) for e in extractions))]


def write_shards(
    client: Client, articles: Iterable[Article], settings: Settings, out_dir: Path
) -> Iterator[Shard]:
    """Each partition's triples go to `out_dir/part-NNNNNN.jsonl`, written by the worker,
    so results never funnel through the client; `out_dir` must be reachable from every
    worker (a shared file system) when the cluster spans machines."""
    out_dir.mkdir(parents=True, exist_ok=True)
    numbers = itertools.count()

    def submit(partition: list[Article]) -> Future:
        path = str(out_dir.resolve() / f"part-{next(numbers):06d}.jsonl")
        return client.submit(_write_shard, partition, settings, path, pure=False)

    yield from in_order(submit, partitions(articles, settings), _depth(client))
