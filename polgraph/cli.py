"""The `polgraph` command: a thin face over `ingest` and `graph`, one function per command."""

from __future__ import annotations

import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from polgraph.config import CONNECTION_FILE, Neo4jSettings, neo4j_settings, neo4j_state_dir
from polgraph.graph.draw import render
from polgraph.graph.neo4j import load as neo4j_load
from polgraph.graph.neo4j import query as neo4j_query
from polgraph.graph.neo4j import server as neo4j_server
from polgraph.graph.neo4j.connect import Neo4jFailure
from polgraph.graph.store import Store, StoreError
from polgraph.ingest.nlp import ModelError
from polgraph.ingest.pipeline import Settings
from polgraph.ingest.read import Failure
from polgraph.jobs import Report, extract_paths, ingest, stored_triples

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
WorkersOpt = Annotated[int, typer.Option("--workers", help="Parser processes (spaCy n_process).")]


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]polgraph: error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


def _report_failure(failure: Failure) -> None:
    err.print(f"[red]polgraph: error:[/red] {failure}", highlight=False, soft_wrap=True)


@app.command()
def extract(
    paths: PathsArg,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write JSON Lines here, not stdout.")
    ] = None,
    date: DateOpt = None,
    model: ModelOpt = None,
    batch_size: BatchOpt = 32,
    workers: WorkersOpt = 1,
) -> None:
    """Print the triples of the articles as JSON Lines. Stores nothing."""
    settings = Settings(model=model, batch_size=batch_size, workers=workers)
    report = Report()
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for extraction in extract_paths(paths, settings, report, _report_failure, date):
            for triple in extraction.triples:
                sink.write(triple.to_json() + "\n")
    except ModelError as error:
        raise _fail(str(error)) from None
    finally:
        if output:
            sink.close()
    if report.failures:
        raise typer.Exit(code=1)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


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
) -> None:
    """The main job: ingest articles into the store, then write triples.jsonl and graph.html
    of everything stored. Articles already stored are skipped, so re-running adds nothing."""
    settings = Settings(model=model, batch_size=batch_size, workers=workers)
    report = Report()
    try:
        with Store(store) as db, _progress() as progress:
            task = progress.add_task("ingesting", total=None, rate="")

            def advance(_: object) -> None:
                progress.advance(task)
                elapsed = progress.tasks[task].elapsed or 0
                if elapsed:
                    rate = progress.tasks[task].completed / elapsed
                    progress.update(task, rate=f"{rate:.1f} articles/s")

            ingest(
                [str(p) for p in (paths or [DEFAULT_SEEDS])],
                db,
                settings,
                report,
                _report_failure,
                advance,
                date,
            )
            progress.stop()
            out_dir.mkdir(parents=True, exist_ok=True)
            with (out_dir / "triples.jsonl").open("w", encoding="utf-8") as sink:
                for triple in stored_triples(db):
                    sink.write(triple.to_json() + "\n")
            render(db.to_networkx(), out_dir / "graph.html")
            _summary(db, report)
    except (StoreError, ModelError) as error:
        raise _fail(str(error)) from None
    out.print(f"wrote {out_dir / 'triples.jsonl'} and {out_dir / 'graph.html'}")
    if report.failures:
        raise typer.Exit(code=1)


# --- Neo4j: a local server, the loader and Cypher queries -------------------------------

neo4j_app = typer.Typer(
    help="A local Neo4j Community server on 127.0.0.1 (obtained from Maven Central).",
    no_args_is_help=True,
)
app.add_typer(neo4j_app, name="neo4j")

UriOpt = Annotated[
    str | None, typer.Option("--neo4j-uri", "--uri", help="Bolt URI; env NEO4J_URI.")
]
UserOpt = Annotated[
    str | None,
    typer.Option("--neo4j-username", "--username", help="User; env NEO4J_USERNAME."),
]
PasswordOpt = Annotated[
    str | None,
    typer.Option("--neo4j-password", "--password", help="Password; env NEO4J_PASSWORD."),
]
DatabaseOpt = Annotated[
    str | None,
    typer.Option("--neo4j-database", "--database", help="Database; env NEO4J_DATABASE."),
]


def _neo4j(
    uri: str | None, username: str | None, password: str | None, database: str | None
) -> Neo4jSettings:
    settings = neo4j_settings(uri, username, password, database)
    if settings is None:
        raise _fail(
            "no Neo4j configured: run `polgraph neo4j start`, or set NEO4J_URI "
            "(and NEO4J_PASSWORD) or pass --neo4j-uri"
        )
    return settings


@neo4j_app.command("install")
def neo4j_install() -> None:
    """Fetch Neo4j into the user cache and compile its launcher (`start` does it when needed)."""
    try:
        home = neo4j_server.obtain()
    except Neo4jFailure as error:
        raise _fail(str(error)) from None
    out.print(f"Neo4j {neo4j_server.NEO4J_VERSION} is ready in {home}", highlight=False)


@neo4j_app.command("start")
def neo4j_start(
    port: Annotated[
        int | None, typer.Option("--port", help="Bolt port; default 7687 or the saved one.")
    ] = None,
) -> None:
    """Start the local server (fetching it on first use), wait for Bolt, save the connection."""
    try:
        settings = neo4j_server.start(port=port)
    except Neo4jFailure as error:
        raise _fail(str(error)) from None
    out.print(f"Neo4j {neo4j_server.NEO4J_VERSION} answers at {settings.uri}")
    out.print(f"connection saved in {neo4j_state_dir() / CONNECTION_FILE}")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local server of this directory."""
    stopped = neo4j_server.stop()
    out.print("Neo4j stopped" if stopped else "Neo4j was not running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local server runs and answers; exit 1 when it does not."""
    state = neo4j_server.status()
    out.print(f"Neo4j {neo4j_server.NEO4J_VERSION}: {state.message}", highlight=False)
    if not state.running:
        raise typer.Exit(code=1)


@app.command()
def load(
    source: Annotated[
        Path,
        typer.Option("--from", help="An embedded store directory or a triples.jsonl file."),
    ] = DEFAULT_STORE,
    batch_size: Annotated[
        int, typer.Option("--batch-size", help="Rows per Neo4j transaction.")
    ] = neo4j_load.DEFAULT_BATCH_SIZE,
    uri: UriOpt = None,
    username: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Load a store or a triples.jsonl into Neo4j. Loading again creates nothing new."""
    settings = _neo4j(uri, username, password, database)
    try:
        rows = neo4j_load.rows_from_path(source)
        report = neo4j_load.load(rows, settings, batch_size)
    except (neo4j_load.SourceError, Neo4jFailure, ValueError) as error:
        raise _fail(str(error)) from None
    out.print(
        f"loaded {report.articles} articles, {report.entities} entity rows, "
        f"{report.relations} relations into {settings.uri} "
        f"in {report.transactions} transactions, {report.seconds:.1f}s"
    )


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def query(
    cypher: Annotated[str, typer.Argument(help="A Cypher query; values go in --param.")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="name=value; JSON values (10, true) are typed."),
    ] = None,
    output: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="How to print the result.")
    ] = QueryFormat.table,
    uri: UriOpt = None,
    username: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Run Cypher against Neo4j and print the result as a table, JSON or CSV."""
    settings = _neo4j(uri, username, password, database)
    try:
        result = neo4j_query.query(cypher, settings, neo4j_query.parse_params(param or []))
    except (Neo4jFailure, ValueError) as error:
        raise _fail(str(error)) from None
    if output is QueryFormat.json:
        sys.stdout.write(neo4j_query.to_json(result) + "\n")
    elif output is QueryFormat.csv:
        sys.stdout.write(neo4j_query.to_csv(result))
    else:
        table = Table(*result.columns, caption=f"{len(result.rows)} rows")
        for row in result.rows:
            table.add_row(*(escape(neo4j_query.cell(value)) for value in row))
        out.print(table)


def main() -> None:
    app()
