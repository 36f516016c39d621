"""The Dask engine against a LocalCluster: the same triples, in the same order, as one
process; the same store; shards holding exactly the single-process output."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.graph.store import Store
from polgraph.ingest.dask_engine import connect, extract_on
from polgraph.ingest.pipeline import Settings, extract
from polgraph.ingest.read import read_paths
from polgraph.ingest.records import Article
from tests.corpus import write_corpus

runner = CliRunner()
SETTINGS = Settings(partition_size=4)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", 18)


def _articles(corpus: Path) -> list[Article]:
    return [item for item in read_paths([corpus]) if isinstance(item, Article)]


def test_dask_yields_the_single_process_triples_in_order(scheduler: str, corpus: Path) -> None:
    local = list(extract(_articles(corpus), SETTINGS))
    with connect(scheduler) as client:
        remote = list(extract_on(client, _articles(corpus), SETTINGS))
    assert [e.article.id for e in remote] == [e.article.id for e in local]
    assert [e.triples for e in remote] == [e.triples for e in local]
    assert [e.mentions for e in remote] == [e.mentions for e in local]
    assert sum(len(e.triples) for e in local) > 0


def test_dask_build_stores_what_a_local_build_stores(
    scheduler: str, corpus: Path, tmp_path: Path
) -> None:
    for name, extra in (("local", []), ("dask", ["--engine", "dask", "--scheduler", scheduler])):
        args = ["build", str(corpus), "--store", str(tmp_path / name), "--out", str(tmp_path)]
        result = runner.invoke(app, args + extra)
        assert result.exit_code == 0, result.output
    with Store(tmp_path / "local") as want, Store(tmp_path / "dask") as got:
        assert got.rows() == want.rows()


def test_dask_shards_hold_the_single_process_lines(
    scheduler: str, corpus: Path, tmp_path: Path
) -> None:
    single = runner.invoke(app, ["extract", str(corpus)])
    assert single.exit_code == 0, single.output
    shards = tmp_path / "shards"
    args = ["extract", str(corpus), "--engine", "dask", "--scheduler", scheduler]
    args += ["--partition-size", "4", "-o", str(shards)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    files = sorted(shards.glob("part-*.jsonl"))
    assert len(files) > 1
    assert "".join(f.read_text() for f in files) == single.stdout


def test_dask_without_a_scheduler_is_one_clear_error(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus), "--engine", "dask"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "polgraph: error: --engine dask needs --scheduler ADDRESS (or POLGRAPH_SCHEDULER)"
    )


def test_an_unreachable_scheduler_is_one_clear_error(corpus: Path) -> None:
    args = ["extract", str(corpus), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.startswith("polgraph: error: tcp://127.0.0.1:9: cannot reach")
    assert "Traceback" not in result.output
