"""The `polgraph` command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(no_args_is_help=True, add_completion=False)


@app.callback()
def main() -> None:
    """polgraph: news articles to a political-relationship knowledge graph."""


@app.command()
def draw(
    store: Annotated[Path, typer.Option("--from", help="The embedded store to draw.")] = Path(
        ".polgraph/store"
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
) -> None:
    """Draw the graph as one self-contained, interactive HTML page."""
    if not store.exists():
        typer.echo(f"{store}: no such store", err=True)
        raise typer.Exit(2)
    from polgraph.graph.draw import render
    from polgraph.graph.select import Criteria, SelectionError, select
    from polgraph.graph.store import Store

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
        graph, cuts = select(Store(store).to_networkx(), criteria)
    except SelectionError as exc:
        typer.echo(f"{store}: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        result = render(graph, output, title=title, max_nodes=max_nodes, cuts=cuts)
    except (OSError, SelectionError) as exc:
        typer.echo(f"{output}: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {output}: {result.note()}")
