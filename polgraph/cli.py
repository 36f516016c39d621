"""The `polgraph` command: a thin face over `ingest` and `graph`, one function per command."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from polgraph.graph.draw import render
from polgraph.graph.overrides import apply_overrides, suggest_merges
from polgraph.graph.store import Store, StoreError
from polgraph.ingest.nlp import ModelError
from polgraph.ingest.overrides import Overrides, OverridesError, find_overrides
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
OverridesOpt = Annotated[
    Path | None,
    typer.Option(
        "--overrides",
        help="Entity overrides file (JSON/YAML, see docs/overrides.md); "
        "default: polgraph-overrides.json/.yaml in the working directory if present.",
    ),
]


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]polgraph: error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


def _report_failure(failure: Failure) -> None:
    err.print(f"[red]polgraph: error:[/red] {failure}", highlight=False, soft_wrap=True)


def _overrides(path: Path | None) -> Overrides:
    try:
        return find_overrides(path)
    except OverridesError as error:
        raise _fail(str(error)) from None


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
    overrides: OverridesOpt = None,
) -> None:
    """Print the triples of the articles as JSON Lines. Stores nothing."""
    settings = Settings(
        model=model, batch_size=batch_size, workers=workers, overrides=_overrides(overrides)
    )
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
    overrides: OverridesOpt = None,
) -> None:
    """The main job: ingest articles into the store, then write triples.jsonl and graph.html
    of everything stored. Articles already stored are skipped, so re-running adds nothing."""
    settings = Settings(
        model=model, batch_size=batch_size, workers=workers, overrides=_overrides(overrides)
    )
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
            if settings.overrides:
                apply_overrides(db, settings.overrides)
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


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: one sentence or article per line.")],
    pred: Annotated[
        Path,
        typer.Argument(help="Predicted triples JSONL, or articles (file/dir) to extract first."),
    ],
    output_format: Annotated[
        str, typer.Option("--format", help="table or json.", show_default=True)
    ] = "table",
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list missed and spurious dyads.")
    ] = False,
    model: ModelOpt = None,
) -> None:
    """Precision, recall and F1 of directed actor dyads, and of dyad + quad class."""
    from polgraph.ingest.evaluate import GoldError, evaluate, is_triples_file, read_gold
    from polgraph.ingest.records import Triple

    if output_format not in ("table", "json"):
        raise _fail(f"--format must be table or json, not {output_format!r}")
    try:
        items = read_gold(gold)
    except GoldError as error:
        raise _fail(str(error)) from None
    if not pred.exists():
        raise _fail(f"{pred}: no such file or directory")
    if pred.is_file() and is_triples_file(pred):
        try:
            with pred.open(encoding="utf-8") as handle:
                triples = [Triple.from_json(line) for line in handle if line.strip()]
        except (ValueError, KeyError, TypeError) as error:
            raise _fail(f"{pred}: not a triples file: {error}") from None
    else:
        report = Report()
        try:
            extractions = extract_paths([str(pred)], Settings(model=model), report, _report_failure)
            triples = [t for extraction in extractions for t in extraction.triples]
        except ModelError as error:
            raise _fail(str(error)) from None
    result = evaluate(items, triples)
    if output_format == "json":
        out.print_json(data=result.to_dict())
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
    if errors:
        for label, found in (("missed", result.missed), ("spurious", result.spurious)):
            for item_id, key in found:
                out.print(f"{label}\t{item_id}\t{key[0]} -> {key[1]}", highlight=False)


def _entity_rows(db: Store, search: str | None) -> list[dict[str, object]]:
    graph = db.to_networkx()
    needle = search.casefold() if search else None
    rows = []
    for _, data in graph.nodes(data=True):
        names = [data["name"], *data["aliases"]]
        if needle and not any(needle in name.casefold() for name in names):
            continue
        rows.append(
            {
                key: data[key]
                for key in ("id", "name", "type", "aliases", "roles", "mentions", "articles")
            }
        )
    return sorted(rows, key=lambda r: (-int(r["mentions"]), str(r["name"])))


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
            merges = suggest_merges(db) if suggest else {}
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
    for column in ("name", "type", "mentions", "articles", "aliases", "roles", "id"):
        table.add_column(column, overflow="fold")
    for row in shown:
        table.add_row(
            str(row["name"]),
            str(row["type"]),
            str(row["mentions"]),
            str(row["articles"]),
            ", ".join(row["aliases"]),  # type: ignore[arg-type]
            ", ".join(row["roles"]),  # type: ignore[arg-type]
            str(row["id"]),
        )
    out.print(table)
