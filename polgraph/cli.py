"""The `polgraph` command: a thin face over `ingest` and `graph`, one function per command."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from polgraph.graph.draw import render
from polgraph.graph.store import Store, StoreError
from polgraph.ingest.dask_engine import EngineError
from polgraph.ingest.nlp import ModelError
from polgraph.ingest.pipeline import Settings, WorkerError
from polgraph.ingest.read import Failure, count_articles
from polgraph.jobs import Report, extract_paths, extract_shards, ingest, stored_triples

app = typer.Typer(
    name="polgraph",
    help="Turn news articles into a political-relationship knowledge graph: "
    "who did what to whom, when, and where it was said.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

DEFAULT_STORE = Path(".polgraph")
DEFAULT_SEEDS = Path("seeds")

PathsArg = Annotated[
    list[str],
    typer.Argument(help="Files or directories (.txt .md .html .json .jsonl .csv), or - for stdin."),
]
StoreOpt = Annotated[
    Path, typer.Option("--store", help="Directory of the embedded store.", show_default=True)
]
DateOpt = Annotated[
    str | None, typer.Option("--date", help="Article date YYYY-MM-DD, overriding the files'.")
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline name; default: the best English one installed."),
]
BatchOpt = Annotated[int, typer.Option("--batch-size", help="Texts per nlp.pipe batch.")]
WorkersOpt = Annotated[
    int, typer.Option("--workers", min=1, help="Processes that parse and extract, locally.")
]

PartitionOpt = Annotated[
    int,
    typer.Option(
        "--partition-size", min=1, help="Articles a worker takes at a time (and per shard)."
    ),
]


class Engine(StrEnum):
    local = "local"
    dask = "dask"


EngineOpt = Annotated[
    Engine, typer.Option("--engine", help="Run extraction here, or on a Dask cluster.")
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        envvar="POLGRAPH_SCHEDULER",
        help="Dask scheduler address (tcp://host:8786) for --engine dask.",
    ),
]


def _scheduler(engine: Engine, scheduler: str | None) -> str | None:
    if engine is Engine.local:
        return None
    if not scheduler:
        raise _fail("--engine dask needs --scheduler ADDRESS (or POLGRAPH_SCHEDULER)")
    return scheduler


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]polgraph: error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


def _report_failure(failure: Failure) -> None:
    err.print(f"[red]polgraph: error:[/red] {failure}", highlight=False, soft_wrap=True)


@app.command()
def extract(
    paths: PathsArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Write JSON Lines here, not stdout; with --engine dask, a directory of "
            "shards the workers write.",
        ),
    ] = None,
    date: DateOpt = None,
    model: ModelOpt = None,
    batch_size: BatchOpt = 32,
    workers: WorkersOpt = 1,
    partition_size: PartitionOpt = 64,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Print the triples of the articles as JSON Lines. Stores nothing."""
    settings = Settings(
        model=model, batch_size=batch_size, workers=workers, partition_size=partition_size
    )
    address = _scheduler(engine, scheduler)
    report = Report()
    try:
        with _progress(paths, report) as advance:
            if address and output:
                extract_shards(
                    paths, settings, report, _report_failure, output, address, advance, date
                )
            else:
                _write_triples(paths, settings, report, output, date, address, advance)
    except (ModelError, EngineError, WorkerError, OSError) as error:
        raise _fail(str(error)) from None
    if report.failures:
        raise typer.Exit(code=1)


def _write_triples(
    paths: list[str],
    settings: Settings,
    report: Report,
    output: Path | None,
    date: str | None,
    address: str | None,
    advance: Callable[[object], None],
) -> None:
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for extraction in extract_paths(paths, settings, report, _report_failure, date, address):
            for triple in extraction.triples:
                sink.write(triple.to_json() + "\n")
            advance(extraction)
    finally:
        if output:
            sink.close()


@contextmanager
def _progress(paths: list[str], report: Report) -> Iterator[Callable[[object], None]]:
    """A bar on stderr with articles/s and an ETA when the total is cheap to know (text
    files, JSON Lines), else a count and a rate. Articles skipped or failed count as done."""
    total = count_articles(paths)
    columns = [
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn() if total is not None else TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    ]
    if total is not None:
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("extracting", total=total, rate="")

        def advance(_: object) -> None:
            done = report.stored + report.skipped + len(report.failures)
            elapsed = bar.tasks[task].elapsed or 0
            rate = f"{report.stored / elapsed:.1f} articles/s" if elapsed else ""
            bar.update(task, completed=done, rate=rate)

        yield advance


def _summary(store: Store, report: Report) -> None:
    counts = store.counts()
    graph = store.to_networkx()
    table = Table(title="polgraph build", show_header=False)
    table.add_row(
        "articles read / new / already stored",
        f"{report.read} / {report.stored} / {report.skipped}",
    )
    table.add_row("articles in store", str(counts["articles"]))
    table.add_row("entities", str(counts["entities"]))
    table.add_row("relations", str(counts["relations"]))
    degree = Counter({node: graph.degree(node) for node in graph.nodes})
    top = ", ".join(f"{graph.nodes[node]['name']} ({d})" for node, d in degree.most_common(5) if d)
    table.add_row("top actors", top or "-")
    if report.failures:
        table.add_row("[red]failed inputs[/red]", str(len(report.failures)))
    out.print(table)


@app.command()
def build(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files or directories to ingest; default: seeds/."),
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
    out_dir: Annotated[
        Path, typer.Option("--out", help="Where triples.jsonl and graph.html go.")
    ] = Path("out"),
    date: DateOpt = None,
    model: ModelOpt = None,
    batch_size: BatchOpt = 32,
    workers: WorkersOpt = 1,
    partition_size: PartitionOpt = 64,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """The main job: ingest articles into the store, then write triples.jsonl and graph.html
    of everything stored. Articles already stored are skipped, so re-running adds nothing."""
    settings = Settings(
        model=model, batch_size=batch_size, workers=workers, partition_size=partition_size
    )
    address = _scheduler(engine, scheduler)
    report = Report()
    sources = [str(p) for p in (paths or [DEFAULT_SEEDS])]
    try:
        with Store(store) as db:
            with _progress(sources, report) as advance:
                ingest(sources, db, settings, report, _report_failure, advance, date, address)
            out_dir.mkdir(parents=True, exist_ok=True)
            with (out_dir / "triples.jsonl").open("w", encoding="utf-8") as sink:
                for triple in stored_triples(db):
                    sink.write(triple.to_json() + "\n")
            render(db.to_networkx(), out_dir / "graph.html")
            _summary(db, report)
    except (StoreError, ModelError, EngineError, WorkerError) as error:
        raise _fail(str(error)) from None
    out.print(f"wrote {out_dir / 'triples.jsonl'} and {out_dir / 'graph.html'}")
    if report.failures:
        raise typer.Exit(code=1)


def main() -> None:
    app()
