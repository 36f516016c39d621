"""The `polgraph` command: a thin face over `ingest` and `graph`, one function per command."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import networkx as nx
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from polgraph.graph.analysis import LOUVAIN_SEED, Actor, Dyad, Stats
from polgraph.graph.analysis import stats as analysis_stats
from polgraph.graph.draw import render
from polgraph.graph.events import DEFAULT_WINDOW_DAYS
from polgraph.graph.export import DEFAULT_NAMES, FORMATS, ExportError, export
from polgraph.graph.query import QueryError, Refused, query
from polgraph.graph.rows import GraphRows
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


def main() -> None:
    app()


# -- exploration: stats, export, query ---------------------------------------------------

FormatOpt = Annotated[str, typer.Option("--format", help="table or json.")]


def _stored_graph(store: Path) -> tuple[GraphRows, nx.MultiDiGraph]:
    try:
        with Store(store, read_only=True) as db:
            return db.rows(), db.to_networkx()
    except StoreError as error:
        raise _fail(str(error)) from None


def _actor_table(title: str, actors: list[Actor]) -> Table:
    table = Table(title=title)
    table.add_column("actor")
    table.add_column("score", justify="right")
    for actor in actors:
        table.add_row(actor.name, f"{actor.score:g}")
    return table


def _dyad_table(title: str, dyads: list[Dyad]) -> Table:
    table = Table(title=title)
    for column in ("actors", "score", "events", "reports"):
        table.add_column(column, justify="left" if column == "actors" else "right")
    for dyad in dyads:
        table.add_row(
            f"{dyad.a_name} – {dyad.b_name}", f"{dyad.score:g}", str(dyad.events), str(dyad.reports)
        )
    return table


def _print_stats(result: Stats, graph: nx.MultiDiGraph) -> None:
    counts = Table(title="entities and relations")
    counts.add_column("kind")
    counts.add_column("type")
    counts.add_column("events", justify="right")
    counts.add_column("reports", justify="right")
    for entity_type, n in result.entities.items():
        counts.add_row("entity", entity_type, "", str(n))
    for rel_type, n in result.relations.items():
        counts.add_row("relation", rel_type, str(n["events"]), str(n["reports"]))
    out.print(counts)
    for name in ("degree", "betweenness", "pagerank"):
        out.print(_actor_table(f"top actors by {name}", getattr(result, name)))
    groups = Table(title=f"communities (Louvain, seed {LOUVAIN_SEED})")
    groups.add_column("#", justify="right")
    groups.add_column("members")
    for n, group in enumerate(result.communities, 1):
        groups.add_row(str(n), ", ".join(graph.nodes[node].get("name", node) for node in group))
    out.print(groups)
    scored = ", ".join(result.modalities)
    out.print(_dyad_table(f"most hostile dyads ({scored})", result.hostile))
    out.print(_dyad_table(f"most cooperative dyads ({scored})", result.cooperative))
    if result.timeline is not None:
        timeline = Table(title="dyad over time")
        for column in ("date", "events", "reports", "polarity", "score"):
            timeline.add_column(column, justify="left" if column == "date" else "right")
        for point in result.timeline:
            timeline.add_row(
                point.date or "undated",
                str(point.events),
                str(point.reports),
                f"{point.polarity:+d}",
                f"{point.goldstein:g}",
            )
        out.print(timeline)


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
        typer.Option("--dyad", help="Two actors (id or name): their relationship by date."),
    ] = None,
    top: Annotated[int, typer.Option("--top", help="How many actors and dyads to list.")] = 10,
    window: Annotated[
        int, typer.Option("--window", help="Days within which reports of one event fall.")
    ] = DEFAULT_WINDOW_DAYS,
) -> None:
    """Counts, central actors, communities, hostile and cooperative dyads, all in events."""
    if fmt not in ("table", "json"):
        raise _fail(f"--format {fmt!r}: choose table or json")
    _, graph = _stored_graph(store)
    try:
        result = analysis_stats(
            graph, modalities=modality or (), dyad=dyad, top=top, window_days=window
        )
    except (ValueError, LookupError) as error:
        raise _fail(str(error).strip("'\"")) from None
    if fmt == "json":
        out.print_json(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        _print_stats(result, graph)


@app.command("export")
def export_graph(
    fmt: Annotated[str, typer.Option("--format", help="graphml, gexf, csv, cypher or jsonl.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File to write (a directory for csv)."),
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Write the stored graph for Gephi, yEd, neo4j-admin import, cypher-shell or JSONL readers."""
    if fmt not in FORMATS:
        raise _fail(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    rows, graph = _stored_graph(store)
    target = output or Path("out") / DEFAULT_NAMES[fmt]
    if fmt != "csv":
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        paths = export(rows, graph, fmt, target)  # type: ignore[arg-type]
    except (ExportError, OSError) as error:
        raise _fail(f"{target}: {error}") from None
    out.print("wrote " + ", ".join(str(path) for path in paths))


@dataclass(frozen=True, slots=True)
class Neo4jEnv:
    """Neo4j connection settings from POLGRAPH_NEO4J_* variables."""

    uri: str
    username: str
    password: str
    database: str


def _neo4j_from_env() -> Neo4jEnv | None:
    uri = os.environ.get("POLGRAPH_NEO4J_URI")
    if not uri:
        return None
    return Neo4jEnv(
        uri=uri,
        username=os.environ.get("POLGRAPH_NEO4J_USER", "neo4j"),
        password=os.environ.get("POLGRAPH_NEO4J_PASSWORD", ""),
        database=os.environ.get("POLGRAPH_NEO4J_DATABASE", "neo4j"),
    )


def _param(text: str) -> tuple[str, object]:
    name, sep, raw = text.partition("=")
    if not sep or not name:
        raise _fail(f"--param {text!r}: write it as name=value")
    try:
        return name, json.loads(raw)
    except json.JSONDecodeError:
        return name, raw


@app.command("query")
def run_query(
    text: Annotated[str, typer.Argument(help="A read-only Cypher query, written for Neo4j.")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="name=value (JSON, else a string); repeatable."),
    ] = None,
    backend: Annotated[
        str | None,
        typer.Option(
            "--backend", help="embedded or neo4j; default: neo4j when configured, else embedded."
        ),
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
    fmt: FormatOpt = "table",
) -> None:
    """Run Cypher on Neo4j or on the embedded store: the same query, the same answer, or a
    refusal that says how to run it on Neo4j."""
    settings = _neo4j_from_env()
    chosen = backend or ("neo4j" if settings else "embedded")
    if chosen not in ("embedded", "neo4j"):
        raise _fail(f"--backend {chosen!r}: choose embedded or neo4j")
    if chosen == "neo4j" and settings is None:
        raise _fail("--backend neo4j: no Neo4j configured (set POLGRAPH_NEO4J_URI)")
    params = dict(_param(item) for item in param or [])
    try:
        rows = query(text, params, chosen, store=store, neo4j=settings)  # type: ignore[arg-type]
    except (Refused, QueryError, StoreError) as error:
        raise _fail(str(error)) from None
    if fmt == "json":
        out.print_json(json.dumps(rows, ensure_ascii=False, default=str))
        return
    table = Table(show_lines=False)
    for column in rows[0] if rows else []:
        table.add_column(column)
    for row in rows:
        table.add_row(
            *(
                json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v
                for v in row.values()
            )
        )
    out.print(table)
    err.print(f"{len(rows)} row(s) from the {chosen} engine")
