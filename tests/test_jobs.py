"""Jobs over a store: resume after a hard kill, and the same store whatever the engine."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from polgraph.graph.store import DB_FILE, Store
from polgraph.ingest.pipeline import Settings
from polgraph.jobs import Report, ingest
from tests.corpus import write_corpus

POLGRAPH = Path(sys.executable).parent / "polgraph"
ARTICLES = 48
KILL_AT_WAL_BYTES = 200_000


def _build(corpus: Path, store: Path, out: Path) -> subprocess.Popen[bytes]:
    command = [str(POLGRAPH), "build", str(corpus), "--store", str(store), "--out", str(out)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wal_size(store: Path) -> int:
    try:
        return (store / f"{DB_FILE}.wal").stat().st_size
    except FileNotFoundError:
        return 0


def _kill_after_some_commits(process: subprocess.Popen[bytes], store: Path) -> None:
    """SIGKILL once the write-ahead log holds a few articles (about 20 kB each here, out of
    roughly 900 kB for the whole corpus): no chance to clean up, as after a power cut or
    the OOM killer."""
    deadline = time.monotonic() + 120
    while _wal_size(store) < KILL_AT_WAL_BYTES:
        assert process.poll() is None, "build ended before it could be interrupted"
        assert time.monotonic() < deadline, "build never stored an article"
        time.sleep(0.002)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def test_a_killed_build_resumes_to_exactly_the_clean_store(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES)
    clean, resumed = tmp_path / "clean", tmp_path / "resumed"
    assert _build(corpus, clean, tmp_path / "out-clean").wait() == 0

    _kill_after_some_commits(_build(corpus, resumed, tmp_path / "out-killed"), resumed)
    with Store(resumed, read_only=True) as db:
        stored = db.counts()["articles"]
    assert 0 < stored < ARTICLES

    finish = _build(corpus, resumed, tmp_path / "out-resumed")
    _, errors = finish.communicate()
    assert finish.returncode == 0, errors.decode()
    with Store(clean, read_only=True) as want, Store(resumed, read_only=True) as got:
        assert got.counts() == want.counts()
        assert got.rows() == want.rows()
    triples = (tmp_path / "out-resumed" / "triples.jsonl").read_text()
    assert triples == (tmp_path / "out-clean" / "triples.jsonl").read_text()
    assert len(triples.splitlines()) == len(set(triples.splitlines()))


def test_worker_processes_store_what_one_process_stores(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 20)
    stores = {}
    for workers in (1, 2):
        report = Report()
        path = tmp_path / f"store-{workers}"
        settings = Settings(workers=workers, partition_size=3)
        with Store(path) as db:
            ingest([corpus], db, settings, report, on_failure=lambda f: None)
            stores[workers] = db.rows()
        assert report.stored == 20 and not report.failures
    assert stores[1].relation_count > 0
    assert stores[2] == stores[1]
