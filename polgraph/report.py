"""`polgraph stats` as a report a person reads: the top rows of each table and how many more
there are, or one pair of actors alone with its events and their sentences.

Each function takes an analysis result and the graph it came from, whatever that graph is
(the whole store, a selection, a roll-up), and returns rich renderables; the command prints
them. Text from articles goes into `Text` cells, never into markup.
"""

from __future__ import annotations

from typing import TypeVar

import networkx as nx
from rich import box
from rich.bar import Bar
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from polgraph.graph.analysis import LOUVAIN_SEED, Actor, Dyad, PairEvent, Stats, TimelinePoint

BAR_WIDTH = 12
HOSTILE, COOPERATIVE = "red", "green"

Row = TypeVar("Row")


def _cut(rows: list[Row], limit: int | None) -> tuple[list[Row], str | None]:
    """The rows to show and the caption saying how many are left out."""
    if limit is None or len(rows) <= limit:
        return rows, None
    return rows[:limit], f"… {len(rows) - limit} more (--all)"


def _table(title: str, caption: str | None = None, **options: object) -> Table:
    """A table that spends its lines on rows: no outer frame, the title on the left."""
    return Table(
        title=title,
        caption=caption,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        title_justify="left",
        caption_justify="left",
        title_style="bold",
        **options,  # type: ignore[arg-type]
    )


def _number(table: Table, header: str) -> None:
    """A column of figures: never squeezed below its header, never wrapped."""
    table.add_column(header, justify="right", no_wrap=True, min_width=len(header))


def _cell(text: str, wrap: bool) -> Text:
    """Text from the graph, never read as markup; on one line cut with an ellipsis at the
    terminal edge, unless asked to wrap. The column itself stays shrinkable, so the names
    give way, not the figures."""
    return Text(text, no_wrap=not wrap, overflow="fold" if wrap else "ellipsis")


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node].get("name", node) if node in graph else node


def headline(result: Stats, graph: nx.MultiDiGraph) -> Text:
    """What the graph holds, in two lines: the scale, the dates, the kinds of actor."""
    articles = {data.get("article_id") for _, _, data in graph.edges(data=True)}
    dates = sorted(d[:10] for _, _, d in graph.edges(data="date") if d)
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    kinds = " · ".join(f"{kind} {n}" for kind, n in result.entities.items())
    text = Text(
        f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} relation reports "
        f"in {result.events} events (reports within {result.window_days} days grouped), "
        f"told in {len(articles - {None})} articles{span}\n"
    )
    text.append(f"actors by type: {kinds or '-'}", style="dim")
    return text


def relation_table(result: Stats, limit: int | None) -> Table:
    rows, more = _cut(list(result.relations.items()), limit)
    table = _table(f"relation types ({len(result.relations)})", more)
    table.add_column("type")
    _number(table, "events")
    _number(table, "reports")
    for rel_type, n in rows:
        table.add_row(rel_type, str(n["events"]), str(n["reports"]))
    return table


def centrality_table(result: Stats, limit: int | None) -> Table:
    """Degree, betweenness and PageRank side by side: one table, one row per rank."""
    ranks: dict[str, list[Actor]] = {
        "degree": result.degree,
        "betweenness": result.betweenness,
        "PageRank": result.pagerank,
    }
    longest = max(len(actors) for actors in ranks.values())
    shown, more = _cut(list(range(longest)), limit)
    table = _table("central actors", more, expand=True)
    wrap = limit is None
    _number(table, "#")
    for name in ranks:
        table.add_column(name, ratio=1)
    for i in shown:
        cells = [
            _cell(f"{actors[i].name} ({actors[i].score:.3g})" if i < len(actors) else "", wrap)
            for actors in ranks.values()
        ]
        table.add_row(str(i + 1), *cells)
    return table


def community_table(result: Stats, graph: nx.MultiDiGraph, limit: int | None) -> Table:
    """Each community by its most connected members; the rest of it is counted."""
    groups, more = _cut(result.communities, limit)
    table = _table(f"communities ({len(result.communities)}, Louvain, seed {LOUVAIN_SEED})", more)
    _number(table, "#")
    _number(table, "size")
    table.add_column("members, most connected first")
    for n, group in enumerate(groups, 1):
        members = sorted(group, key=lambda node: (-graph.degree(node), _name(graph, node)))
        names = ", ".join(_name(graph, member) for member in members)
        table.add_row(str(n), str(len(group)), _cell(names, wrap=limit is None))
    return table


def dyad_table(title: str, dyads: list[Dyad], limit: int | None) -> Table:
    rows, more = _cut(dyads, limit)
    table = _table(f"{title} ({len(dyads)})", more)
    table.add_column("actors")
    for column in ("score", "events", "reports"):
        _number(table, column)
    for dyad in rows:
        table.add_row(
            _cell(f"{dyad.a_name} – {dyad.b_name}", wrap=limit is None),
            f"{dyad.score:g}",
            str(dyad.events),
            str(dyad.reports),
        )
    return table


def overview(result: Stats, graph: nx.MultiDiGraph, limit: int | None) -> list[RenderableType]:
    """The whole graph: counts, relation types, central actors, communities, and the most
    hostile and most cooperative pairs; `limit` rows of each table (None for all)."""
    scored = ", ".join(result.modalities)
    return [
        headline(result, graph),
        relation_table(result, limit),
        centrality_table(result, limit),
        community_table(result, graph, limit),
        dyad_table(f"most hostile pairs, by {scored} events", result.hostile, limit),
        dyad_table(f"most cooperative pairs, by {scored} events", result.cooperative, limit),
    ]


def pair_events(pair: list[PairEvent], scored: list[str]) -> list[RenderableType]:
    """The events of one pair in date order: a line saying who did what to whom, how sure
    and how hostile, then the sentence that tells it, full width so it reads as prose. The
    events of the modalities the scores leave out are dimmed."""
    shown: list[RenderableType] = [Text(f"events ({len(pair)}), in date order", style="bold")]
    for event in pair:
        style = "" if set(event.modalities) & set(scored) else "dim"
        line = Text(f"{event.date or 'undated'}  ", style=style)
        line.append(f"{event.source_name} → {event.target_name}", style=f"{style} bold".strip())
        line.append(f"  {', '.join(event.types)}  {', '.join(event.modalities)}")
        if event.goldstein is not None:
            line.append(f"  {event.goldstein:+.1f}")
        if event.reports > 1:
            line.append(f"  ({event.reports} reports in {event.articles} articles)", style="dim")
        shown.append(line)
        sentence = Text(event.sentence, style="dim" if style else "italic")
        shown.append(Padding(sentence, (0, 0, 0, 4)))
    return shown


def _bars(point: TimelinePoint, size: float) -> tuple[Bar, Bar]:
    """A diverging plot in two cells: hostility grows leftwards, cooperation rightwards."""
    hostile = -min(point.goldstein, 0.0)
    friendly = max(point.goldstein, 0.0)
    return (
        Bar(size, size - hostile, size, width=BAR_WIDTH, color=HOSTILE),
        Bar(size, 0, friendly, width=BAR_WIDTH, color=COOPERATIVE),
    )


def timeline_table(points: list[TimelinePoint], modalities: list[str]) -> Table:
    table = _table(f"by date, scoring {', '.join(modalities)} events")
    table.add_column("date", no_wrap=True)
    for column in ("events", "reports", "polarity", "score"):
        _number(table, column)
    table.add_column("hostile", justify="right", width=BAR_WIDTH)
    table.add_column("cooperative", width=BAR_WIDTH)
    size = max((abs(p.goldstein) for p in points), default=0.0) or 1.0
    for point in points:
        table.add_row(
            point.date or "undated",
            str(point.events),
            str(point.reports),
            f"{point.polarity:+d}",
            f"{point.goldstein:+g}",
            *_bars(point, size),
        )
    return table


def pair_report(result: Stats, names: tuple[str, str]) -> list[RenderableType]:
    """One pair alone: what each did to the other, and how the relationship turned."""
    pair = result.pair or []
    points = result.timeline or []
    who = f"{names[0]} and {names[1]}"
    if not pair:
        return [Text(f"{who}: no relations between them")]
    dates = [event.date for event in pair if event.date]
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    score = sum(point.goldstein for point in points)
    line = Text(f"{who}: {len(pair)} events from {sum(e.reports for e in pair)} reports{span}; ")
    line.append(f"summed score {score:+g} ({', '.join(result.modalities)})")
    return [line, *pair_events(pair, result.modalities), timeline_table(points, result.modalities)]
