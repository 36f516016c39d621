"""The `polgraph` command: a thin face over `ingest` and `graph`, one function per command."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import networkx as nx
import typer
import yaml
from rich.console import Console
from rich.markup import escape
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

from polgraph.config import CONNECTION_FILE, Neo4jSettings, neo4j_settings, neo4j_state_dir
from polgraph.graph.analysis import resolve
from polgraph.graph.analysis import stats as analysis_stats
from polgraph.graph.countries import country_view, place_by_roles
from polgraph.graph.draw import render
from polgraph.graph.events import DEFAULT_WINDOW_DAYS
from polgraph.graph.export import DEFAULT_NAMES, FORMATS, ExportError, export
from polgraph.graph.merges import Merge, merge_safe, recorded, suggestions
from polgraph.graph.neo4j import bulk as neo4j_bulk
from polgraph.graph.neo4j import load as neo4j_load
from polgraph.graph.neo4j import query as neo4j_query
from polgraph.graph.neo4j import read as neo4j_read
from polgraph.graph.neo4j import server as neo4j_server
from polgraph.graph.neo4j.connect import Neo4jFailure
from polgraph.graph.overrides import apply_overrides
from polgraph.graph.query import QueryError, Refused, query
from polgraph.graph.rows import GraphRows, graph_from_rows
from polgraph.graph.select import Criteria, SelectionError, select
from polgraph.graph.store import RELATION_TABLE, Store, StoreError
from polgraph.ingest.dask_engine import EngineError
from polgraph.ingest.names import explain
from polgraph.ingest.nlp import ModelError
from polgraph.ingest.overrides import Overrides, OverridesError, find_overrides
from polgraph.ingest.pipeline import PARTITION_SIZE, Settings, WorkerError
from polgraph.ingest.read import Failure, Skipped, count_articles
from polgraph.jobs import Report, extract_paths, extract_shards, ingest, stored_triples
from polgraph.report import overview, pair_report

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
RulesOnlyOpt = Annotated[
    bool,
    typer.Option(
        "--rules-only",
        help="The construction rules' readings alone, without the learned pair model.",
    ),
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


OverridesOpt = Annotated[
    Path | None,
    typer.Option(
        "--overrides",
        help="Entity overrides file (JSON/YAML, see docs/overrides.md); "
        "default: polgraph-overrides.json/.yaml in the working directory if present.",
    ),
]


class Level(StrEnum):
    actor = "actor"
    country = "country"


LevelOpt = Annotated[
    Level,
    typer.Option("--level", help="actor, or country: actors rolled up to the states they act for."),
]


def _at_level(level: Level, rows: GraphRows) -> tuple[GraphRows, nx.MultiDiGraph]:
    """The rows and graph at the level asked for, the graph built once from the rows; at
    country level, say what was left out."""
    if level is Level.actor:
        return rows, graph_from_rows(rows)
    view = country_view(rows)
    err.print(view.note(), highlight=False, soft_wrap=True)
    return view.rows, view.graph


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]polgraph: error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


def _report_failure(failure: Failure) -> None:
    err.print(f"[red]polgraph: error:[/red] {failure}", highlight=False, soft_wrap=True)


def _report_skip(skipped: Skipped) -> None:
    err.print(f"[yellow]polgraph: warning:[/yellow] {skipped}", highlight=False, soft_wrap=True)


def _skip_count(report: Report) -> None:
    """One line at the end, so a file passed over early in a long run is not lost above."""
    if not report.passed_over:
        return
    kinds = Counter(item.kind for item in report.passed_over)
    count = len(report.passed_over)
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    message = f"skipped {count} file{'s' if count > 1 else ''} in folders ({detail})"
    err.print(f"[yellow]polgraph: warning:[/yellow] {message}", highlight=False, soft_wrap=True)


def _quiet_broken_pipe() -> typer.Exit:
    """The reader of stdout went away (`| head`): stop quietly as Unix tools do. stdout is
    pointed at /dev/null so the interpreter's last flush cannot complain either."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return typer.Exit(code=128 + signal.SIGPIPE)


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


def _overrides(path: Path | None) -> Overrides:
    try:
        return find_overrides(path)
    except OverridesError as error:
        raise _fail(str(error)) from None


def _settings(
    model: str | None,
    batch_size: int,
    workers: int,
    partition_size: int,
    overrides: Path | None,
    rules_only: bool,
) -> Settings:
    return Settings(
        model=model,
        judge=not rules_only,
        batch_size=batch_size,
        workers=workers,
        partition_size=partition_size,
        overrides=_overrides(overrides),
    )


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
    rules_only: RulesOnlyOpt = False,
    batch_size: BatchOpt = 32,
    workers: WorkersOpt = 1,
    partition_size: PartitionOpt = PARTITION_SIZE,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
    overrides: OverridesOpt = None,
) -> None:
    """Print the triples of the articles as JSON Lines. Stores nothing."""
    settings = _settings(model, batch_size, workers, partition_size, overrides, rules_only)
    address = _scheduler(engine, scheduler)
    report = Report()
    try:
        with _progress(paths, report) as advance:
            if address and output:
                extract_shards(
                    paths,
                    settings,
                    report,
                    _report_failure,
                    output,
                    address,
                    advance,
                    date,
                    on_skip=_report_skip,
                )
            else:
                _write_triples(paths, settings, report, output, date, address, advance)
    except BrokenPipeError:
        raise _quiet_broken_pipe() from None
    except (ModelError, EngineError, WorkerError, OSError) as error:
        raise _fail(str(error)) from None
    _skip_count(report)
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
        for extraction in extract_paths(
            paths, settings, report, _report_failure, date, address, on_skip=_report_skip
        ):
            for triple in extraction.triples:
                sink.write(triple.to_json() + "\n")
            advance(extraction)
        sink.flush()
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
            done = report.stored + report.skipped + len(report.failures) + len(report.passed_over)
            elapsed = bar.tasks[task].elapsed or 0
            rate = f"{report.stored / elapsed:.1f} articles/s" if elapsed else ""
            bar.update(task, completed=done, rate=rate)

        yield advance


def _summary(store: Store, report: Report) -> None:
    counts = store.counts()
    table = Table(title="polgraph build", show_header=False)
    table.add_row(
        "articles read / new / already stored",
        f"{report.read} / {report.stored} / {report.skipped}",
    )
    table.add_row("articles in store", str(counts["articles"]))
    table.add_row("entities", str(counts["entities"]))
    table.add_row("relations", str(counts["relations"]))
    most = store.execute(
        f"MATCH (e:Entity)-[r:{RELATION_TABLE}]-(:Entity) "
        "RETURN e.id AS id, e.name AS name, count(r) AS n ORDER BY n DESC, id LIMIT 5"
    )
    top = ", ".join(f"{row['name']} ({row['n']})" for row in most)
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
    rules_only: RulesOnlyOpt = False,
    batch_size: BatchOpt = 32,
    workers: WorkersOpt = 1,
    partition_size: PartitionOpt = PARTITION_SIZE,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
    overrides: OverridesOpt = None,
    to_neo4j: Annotated[
        bool, typer.Option("--neo4j", help="Also load the stored graph into Neo4j.")
    ] = False,
    uri: UriOpt = None,
    username: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """The main job: ingest articles into the store, then write triples.jsonl and graph.html
    of everything stored (and with --neo4j load it into Neo4j). Articles already stored are
    skipped, so re-running adds nothing."""
    target = _neo4j(uri, username, password, database) if to_neo4j else None
    settings = _settings(model, batch_size, workers, partition_size, overrides, rules_only)
    address = _scheduler(engine, scheduler)
    report = Report()
    sources = [str(p) for p in (paths or [DEFAULT_SEEDS])]
    try:
        with Store(store) as db:
            with _progress(sources, report) as advance:
                ingest(
                    sources,
                    db,
                    settings,
                    report,
                    _report_failure,
                    advance,
                    date,
                    address,
                    on_skip=_report_skip,
                )
            merged = merge_safe(db, settings.overrides)
            place_by_roles(db)
            if merged:
                rules = Counter(merge.rule for merge in merged)
                out.print(
                    f"merged {len(merged)} actors across articles: "
                    + ", ".join(f"{n} by {rule}" for rule, n in sorted(rules.items()))
                )
            if settings.overrides:
                apply_overrides(db, settings.overrides)
            out_dir.mkdir(parents=True, exist_ok=True)
            with (out_dir / "triples.jsonl").open("w", encoding="utf-8") as sink:
                for triple in stored_triples(db):
                    sink.write(triple.to_json() + "\n")
            drawn = render(db.to_networkx(), out_dir / "graph.html", title="polgraph build")
            _summary(db, report)
            out.print(
                f"wrote {out_dir / 'triples.jsonl'} and {out_dir / 'graph.html'}: {drawn.note()}"
            )
            if target is not None:
                loaded = neo4j_load.load(db.rows(), target)
                out.print(f"loaded {loaded.relations} relations into {target.uri}")
    except (StoreError, ModelError, EngineError, WorkerError, Neo4jFailure) as error:
        raise _fail(str(error)) from None
    _skip_count(report)
    if report.failures:
        raise typer.Exit(code=1)


@app.command()
def draw(
    store: Annotated[Path, typer.Option("--from", help="The embedded store to draw.")] = (
        DEFAULT_STORE
    ),
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path(
        "graph.html"
    ),
    focus: Annotated[str | None, typer.Option(help="Draw the ego network of this actor.")] = None,
    depth: Annotated[int, typer.Option(help="Relations away from --focus.")] = 1,
    since: Annotated[str | None, typer.Option(help="First article date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last article date, YYYY-MM-DD.")] = None,
    min_mentions: Annotated[
        int | None, typer.Option(help="Drop actors mentioned fewer times.")
    ] = None,
    quad_class: Annotated[
        list[int] | None,
        typer.Option(min=0, max=4, help="Keep relations of this quad class (0-4); repeatable."),
    ] = None,
    relation: Annotated[
        list[str] | None, typer.Option(help="Keep relations of this type; repeatable.")
    ] = None,
    max_nodes: Annotated[
        int | None, typer.Option(help="Keep only the most important actors.")
    ] = None,
    title: Annotated[str, typer.Option(help="The page title.")] = "polgraph",
    from_neo4j: Annotated[
        bool, typer.Option("--neo4j", help="Draw the graph stored in Neo4j, not the store.")
    ] = False,
    cypher: Annotated[
        str | None,
        typer.Option("--cypher", help="Draw what this Neo4j query returns (implies --neo4j)."),
    ] = None,
    level: LevelOpt = Level.actor,
    uri: UriOpt = None,
    username: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Draw the graph as one self-contained, interactive HTML page that works offline."""
    criteria = Criteria(
        focus=focus,
        depth=depth,
        since=since,
        until=until,
        min_mentions=min_mentions,
        quad_classes=tuple(quad_class or ()),
        relation_types=tuple(relation or ()),
    )
    try:
        if from_neo4j or cypher:
            settings = _neo4j(uri, username, password, database)
            rows = neo4j_read.fetch_rows(settings, cypher)
        else:
            with Store(store, read_only=True) as db:
                rows = db.rows()
        _, whole = _at_level(level, rows)
        graph, cuts = select(whole, criteria)
        result = render(graph, output, title=title, max_nodes=max_nodes, cuts=cuts)
    except (StoreError, SelectionError, Neo4jFailure) as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"{output}: {error.strerror or error}") from None
    out.print(f"wrote {output}: {result.note()}")


neo4j_app = typer.Typer(
    help="A local Neo4j Community server on 127.0.0.1 (obtained from Maven Central).",
    no_args_is_help=True,
)
app.add_typer(neo4j_app, name="neo4j")


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
    browser_port: Annotated[
        int | None,
        typer.Option("--browser-port", help="Neo4j Browser's port; default 7474 or the last one."),
    ] = None,
) -> None:
    """Start the local server (fetching it on first use), wait for Bolt, save the connection."""
    try:
        settings = neo4j_server.start(port=port, browser=browser_port)
    except Neo4jFailure as error:
        raise _fail(str(error)) from None
    out.print(f"Neo4j {neo4j_server.NEO4J_VERSION} answers at {settings.uri}")
    out.print(f"Neo4j Browser: {neo4j_server.browser_url(neo4j_state_dir())}", highlight=False)
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
    if state.browser_url:
        out.print(f"Neo4j Browser: {state.browser_url}", highlight=False)
    if not state.running:
        raise typer.Exit(code=1)


@neo4j_app.command("import")
def neo4j_import(
    directory: Annotated[
        Path, typer.Argument(help="A CSV export: `polgraph export --format csv -o DIR`.")
    ],
    port: Annotated[
        int | None, typer.Option("--port", help="Bolt port; default 7687 or the saved one.")
    ] = None,
) -> None:
    """First load of a big graph: REPLACE the local server's graph with a CSV export.

    The server must be stopped. Runs Neo4j's offline import tool, then starts the server
    and creates the loader's constraints and indexes; add later articles with `load`."""
    try:
        report = neo4j_bulk.import_csv(directory, port=port)
    except neo4j_bulk.BulkError as error:
        raise _fail(str(error)) from None
    out.print(
        f"imported {report.nodes} nodes and {report.relationships} relationships from "
        f"{directory} in {report.import_seconds:.1f}s; Neo4j answers at {report.settings.uri}",
        highlight=False,
    )


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


FormatOpt = Annotated[str, typer.Option("--format", help="table or json.")]


def _stored_rows(store: Path) -> GraphRows:
    try:
        with Store(store, read_only=True) as db:
            return db.rows()
    except StoreError as error:
        raise _fail(str(error)) from None


@app.command()
def stats(
    store: StoreOpt = DEFAULT_STORE,
    fmt: FormatOpt = "table",
    modality: Annotated[
        list[str] | None,
        typer.Option(
            "--modality",
            help="Also score relations of this modality (hypothetical, negated, or all).",
        ),
    ] = None,
    dyad: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--dyad", help="Two actors (id or name): that pair alone, its events and timeline."
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, help="Rows of each table (actors and dyads in json).")
    ] = 10,
    show_all: Annotated[
        bool, typer.Option("--all", help="Every row of every table, not the top ones.")
    ] = False,
    window: Annotated[
        int, typer.Option("--window", help="Days within which reports of one event fall.")
    ] = DEFAULT_WINDOW_DAYS,
    level: LevelOpt = Level.actor,
) -> None:
    """A report on the graph, in events: counts, central actors, communities, the most
    hostile and cooperative pairs; with --dyad, one pair's events and timeline."""
    if fmt not in ("table", "json"):
        raise _fail(f"--format {fmt!r}: choose table or json")
    _, graph = _at_level(level, _stored_rows(store))
    ranked = top if fmt == "json" and not show_all else None
    try:
        result = analysis_stats(
            graph, modalities=modality or (), dyad=dyad, top=ranked, window_days=window
        )
        names = tuple(graph.nodes[resolve(graph, actor)]["name"] for actor in dyad or ())
    except (ValueError, LookupError) as error:
        raise _fail(str(error).strip("'\"")) from None
    if fmt == "json":
        out.print_json(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    if dyad:
        shown = pair_report(result, (names[0], names[1]))
    else:
        shown = overview(result, graph, None if show_all else top)
    for part in shown:
        out.print(part)


@app.command("export")
def export_graph(
    fmt: Annotated[str, typer.Option("--format", help="graphml, gexf, csv, cypher or jsonl.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File to write (a directory for csv)."),
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
    level: LevelOpt = Level.actor,
) -> None:
    """Write the stored graph for Gephi, yEd, neo4j-admin import, cypher-shell or JSONL readers."""
    if fmt not in FORMATS:
        raise _fail(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    rows, graph = _at_level(level, _stored_rows(store))
    target = output or Path("out") / DEFAULT_NAMES[fmt]
    if fmt != "csv":
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        paths = export(rows, graph, fmt, target)  # type: ignore[arg-type]
    except (ExportError, OSError) as error:
        raise _fail(f"{target}: {error}") from None
    out.print("wrote " + ", ".join(str(path) for path in paths))


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command("query")
def run_query(
    cypher: Annotated[str, typer.Argument(help="A read-only Cypher query, written for Neo4j.")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="name=value; JSON values (10, true) are typed."),
    ] = None,
    output: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="How to print the result.")
    ] = QueryFormat.table,
    backend: Annotated[
        str | None,
        typer.Option(
            "--backend", help="embedded or neo4j; default: neo4j when configured, else embedded."
        ),
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
    uri: UriOpt = None,
    username: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Run Cypher on Neo4j or on the embedded store: the same query gives the same answer,
    or a refusal that says how to run it on Neo4j."""
    settings = neo4j_settings(uri, username, password, database)
    chosen = backend or ("neo4j" if settings else "embedded")
    if chosen not in ("embedded", "neo4j"):
        raise _fail(f"--backend {chosen!r}: choose embedded or neo4j")
    if chosen == "neo4j":
        settings = _neo4j(uri, username, password, database)
    try:
        params = neo4j_query.parse_params(param or [])
        records = query(cypher, params, chosen, store=store, neo4j=settings)  # type: ignore[arg-type]
    except (Refused, QueryError, StoreError, Neo4jFailure, ValueError) as error:
        raise _fail(str(error)) from None
    result = neo4j_query.QueryResult.from_records(records)
    if output is QueryFormat.json:
        sys.stdout.write(neo4j_query.to_json(result) + "\n")
    elif output is QueryFormat.csv:
        sys.stdout.write(neo4j_query.to_csv(result))
    else:
        table = Table(*result.columns, caption=f"{len(result.rows)} rows from the {chosen} engine")
        for row in result.rows:
            table.add_row(*(escape(neo4j_query.cell(value)) for value in row))
        out.print(table)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: one sentence or article per line.")],
    pred: Annotated[
        Path | None,
        typer.Argument(
            help="Predicted triples JSONL, or articles (file/dir) to extract first; default: "
            "the gold file itself, or for sentences in articles the articles from --corpora."
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="table or json.", show_default=True)
    ] = "table",
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list missed and spurious dyads.")
    ] = False,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline",
            help="Also score a baseline side by side, per corpus: cooccur (every ordered "
            "pair of actors in a sentence).",
        ),
    ] = None,
    corpora: Annotated[
        Path | None,
        typer.Option(
            "--corpora",
            help="Directory of the corpus files that sentence items point into; "
            "default ../shared/corpora or env POLGRAPH_CORPORA.",
        ),
    ] = None,
    model: ModelOpt = None,
    rules_only: RulesOnlyOpt = False,
) -> None:
    """Precision, recall and F1 of directed actor dyads, and of dyad + quad class."""
    from polgraph.evaltable import TABLE_WIDTH, comparison_table, default_corpora, run
    from polgraph.ingest.baseline import BASELINES
    from polgraph.ingest.evaluate import (
        GoldError,
        evaluate,
        is_triples_file,
        load_articles,
        read_gold,
    )
    from polgraph.ingest.read import read_paths
    from polgraph.ingest.records import Article, Triple

    if output_format not in ("table", "json"):
        raise _fail(f"--format must be table or json, not {output_format!r}")
    if baseline is not None and baseline not in BASELINES:
        raise _fail(f"--baseline must be one of {', '.join(BASELINES)}, not {baseline!r}")
    try:
        items, in_corpora = load_articles(read_gold(gold), corpora or default_corpora())
    except GoldError as error:
        raise _fail(str(error)) from None
    if pred is not None and not pred.exists():
        raise _fail(f"{pred}: no such file or directory")
    settings = Settings(model=model, judge=not rules_only)
    pairs: list[Triple] | None = None
    if pred is not None and pred.is_file() and is_triples_file(pred):
        if baseline is not None:
            raise _fail(f"{pred}: --baseline reads the articles; give articles, not triples")
        try:
            with pred.open(encoding="utf-8") as handle:
                triples = [Triple.from_json(line) for line in handle if line.strip()]
        except (ValueError, KeyError, TypeError) as error:
            raise _fail(f"{pred}: not a triples file: {error}") from None
    else:
        try:
            if pred is None and in_corpora:
                triples, pairs = run(in_corpora, settings, baseline is not None)
            elif baseline is not None:
                articles = []
                for found in read_paths([pred or gold]):
                    if isinstance(found, Article):
                        articles.append(found)
                    else:
                        _report_failure(found)
                triples, pairs = run(articles, settings, True)
            else:
                report = Report()
                extractions = extract_paths([str(pred or gold)], settings, report, _report_failure)
                triples = [t for extraction in extractions for t in extraction.triples]
        except ModelError as error:
            raise _fail(str(error)) from None
    result = evaluate(items, triples)
    against = evaluate(items, pairs) if pairs is not None else None
    if output_format == "json":
        data = result.to_dict()
        if against is not None:
            data["baseline"] = {"name": baseline, **against.to_dict()}
        out.print_json(data=data)
        return
    table = Table(title=f"polgraph eval: {len(items)} gold items")
    for column in ("level", "precision", "recall", "F1", "TP", "predicted", "gold"):
        table.add_column(column, justify="left" if column == "level" else "right")
    for level, score in result.scores.items():
        table.add_row(
            level,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.true_positives),
            str(score.predicted),
            str(score.expected),
        )
    out.print(table)
    if against is not None or len(result.corpora) > 1:
        title = "dyads per corpus" + (f": extractor vs {baseline} baseline" if baseline else "")
        table = comparison_table(title, items, result, against)
        Console(file=out.file, width=max(out.width, TABLE_WIDTH)).print(table)
    if errors:
        for label, found in (("missed", result.missed), ("spurious", result.spurious)):
            for item_id, key in found:
                out.print(f"{label}\t{item_id}\t{key[0]} -> {key[1]}", highlight=False)


def _entity_rows(db: Store, search: str | None) -> list[dict[str, object]]:
    graph = db.to_networkx()
    merges = recorded(db)
    needle = search.casefold() if search else None
    rows = []
    for _, data in graph.nodes(data=True):
        names = [data["name"], *data["aliases"]]
        if needle and not any(needle in name.casefold() for name in names):
            continue
        row: dict[str, object] = {
            key: data[key]
            for key in ("id", "name", "type", "country", "sector", "aliases", "roles")
        }
        row["mentions"], row["articles"] = data["mentions"], data["articles"]
        row["resolution"] = _resolution(data, merges.get(data["name"], []))
        rows.append(row)
    return sorted(rows, key=lambda r: (-int(r["mentions"]), str(r["name"])))  # type: ignore[call-overload]


def _resolution(data: dict[str, object], merges: list[Merge]) -> list[str]:
    """How the name came to be: the repair rules that made it from an alias as written,
    and the actors merged into it across articles, each with its rule."""
    found = [
        f"{rule}: {alias}"
        for alias in data["aliases"]  # type: ignore[attr-defined]
        for rule in explain(alias, str(data["name"]), str(data["type"]))
    ]
    found += [f"{merge.rule}: {merge.name}" for merge in sorted(merges, key=lambda m: m.name)]
    return found


@app.command()
def entities(
    search: Annotated[
        str | None, typer.Option("--search", help="Only actors whose name or alias contains this.")
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
    output_format: Annotated[
        str, typer.Option("--format", help="table or json.", show_default=True)
    ] = "table",
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows; 0 for all.")] = 50,
    apply: Annotated[
        Path | None,
        typer.Option(
            "--apply-overrides",
            help="Apply this overrides file to the store first (merge, keep apart, set types).",
        ),
    ] = None,
    suggest: Annotated[
        bool,
        typer.Option(
            "--suggest",
            help="Print likely merges (a lone surname and the one full name it ends) as an "
            "overrides file to review, instead of the list.",
        ),
    ] = False,
) -> None:
    """List the stored actors with their aliases, types and mention counts; with
    --apply-overrides, correct them in the store first, without re-parsing anything."""
    if output_format not in ("table", "json"):
        raise _fail(f"--format {output_format!r}: expected table or json")
    corrections = _overrides(apply) if apply is not None else None
    try:
        with Store(store, read_only=corrections is None) as db:
            if corrections is not None:
                done = apply_overrides(db, corrections)
                err.print(
                    f"overrides: {done.merged} merged, {done.split} split, "
                    f"{done.retyped} retyped, {done.relations_moved} relations moved"
                )
            rows = _entity_rows(db, search)
            merges = suggestions(db) if suggest else {}
    except StoreError as error:
        raise _fail(str(error)) from None
    if suggest:
        out.print(yaml.safe_dump({"merge": merges}, allow_unicode=True, sort_keys=True), end="")
        return
    shown = rows[:limit] if limit else rows
    if output_format == "json":
        out.print_json(data=shown)
        return
    table = Table(title=f"actors ({len(rows)})")
    columns = ("name", "type", "country", "sector", "mentions", "articles", "aliases", "roles")
    for column in (*columns, "resolution", "id"):
        table.add_column(column, overflow="fold")
    for row in shown:
        table.add_row(
            str(row["name"]),
            str(row["type"]),
            str(row["country"] or ""),
            str(row["sector"] or ""),
            str(row["mentions"]),
            str(row["articles"]),
            ", ".join(row["aliases"]),  # type: ignore[arg-type]
            ", ".join(row["roles"]),  # type: ignore[arg-type]
            "; ".join(row["resolution"]),  # type: ignore[arg-type]
            str(row["id"]),
        )
    out.print(table)
