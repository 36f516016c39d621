"""Events, not reports: the reports of one happening grouped into one event.

GDELT counts news reports as events, so one kidnapping told by 40 outlets becomes 40
kidnappings. polgraph keeps every report with its provenance and groups, on top of them,
the reports that tell the same happening: same actors (after resolution), same CAMEO root,
article dates within a window of each other. Counts and scores read events; the reports
stay one step away on each event.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import networkx as nx

DEFAULT_WINDOW_DAYS = 2

# "Russia could offer asylum" and "Russia did not criticise X" are not acts: they are left
# out of scores unless asked for.
SCORED_MODALITIES: tuple[str, ...] = ("asserted", "reported")


@dataclass(slots=True)
class Event:
    """One happening between two actors, with every report that tells it."""

    id: str
    source: str
    target: str
    root: str
    types: list[str]
    reports: list[str]
    articles: list[str]
    first_date: str | None
    last_date: str | None
    goldstein: float | None
    polarity: int
    modalities: list[str] = field(default_factory=list)

    @property
    def sources(self) -> int:
        """How many articles tell it: a happening told twice is still one event."""
        return len(self.articles)


def cameo_root(cameo: str | None, relation_type: str) -> str:
    """The two-digit CAMEO root ("112" → "11"); relations without a code group by type."""
    if cameo and cameo[:2].isdigit():
        return cameo[:2]
    return relation_type


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def reports(graph: nx.MultiDiGraph, modalities: Iterable[str] | None = None) -> Iterator[dict]:
    """Every relation instance of the graph as a report, optionally of some modalities only."""
    wanted = set(modalities) if modalities is not None else None
    for source, target, key, data in graph.edges(keys=True, data=True):
        if wanted is not None and data.get("modality", "asserted") not in wanted:
            continue
        yield {**data, "id": data.get("id", key), "source": source, "target": target}


def _event(group: list[dict[str, Any]]) -> Event:
    ids = sorted(report["id"] for report in group)
    scores = [report["goldstein"] for report in group if report.get("goldstein") is not None]
    dates = sorted(d for d in (report.get("date") for report in group) if _day(d))
    polarity = sum(report.get("polarity") or 0 for report in group)
    first = group[0]
    return Event(
        id=hashlib.sha1("\x1f".join(ids).encode()).hexdigest()[:16],
        source=first["source"],
        target=first["target"],
        root=cameo_root(first.get("cameo"), first["type"]),
        types=sorted({report["type"] for report in group}),
        reports=ids,
        articles=sorted({report["article_id"] for report in group}),
        first_date=dates[0][:10] if dates else None,
        last_date=dates[-1][:10] if dates else None,
        goldstein=sum(scores) / len(scores) if scores else None,
        polarity=(polarity > 0) - (polarity < 0),
        modalities=sorted({report.get("modality", "asserted") for report in group}),
    )


def group_reports(
    items: Iterable[dict[str, Any]], window_days: int = DEFAULT_WINDOW_DAYS
) -> list[Event]:
    """Group reports into events: a report joins an event of the same actors and CAMEO root
    when its date is within `window_days` of the event's latest report. Undated reports
    cannot be placed in time, so each undated article stays its own event."""
    window = timedelta(days=window_days)
    keyed: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for report in items:
        root = cameo_root(report.get("cameo"), report["type"])
        keyed[(report["source"], report["target"], root)].append(report)
    events: list[Event] = []
    for group in keyed.values():
        undated: dict[str, list[dict[str, Any]]] = defaultdict(list)
        dated: list[tuple[date, dict[str, Any]]] = []
        for report in group:
            day = _day(report.get("date"))
            if day is None:
                undated[report["article_id"]].append(report)
            else:
                dated.append((day, report))
        dated.sort(key=lambda pair: (pair[0], pair[1]["id"]))
        current: list[dict[str, Any]] = []
        last: date | None = None
        for day, report in dated:
            if current and last is not None and day - last > window:
                events.append(_event(current))
                current = []
            current.append(report)
            last = day
        if current:
            events.append(_event(current))
        events.extend(_event(reports) for reports in undated.values())
    events.sort(key=lambda e: (e.first_date or "9999", e.source, e.target, e.root, e.id))
    return events


def events(
    graph: nx.MultiDiGraph,
    window_days: int = DEFAULT_WINDOW_DAYS,
    modalities: Iterable[str] | None = None,
) -> list[Event]:
    """The events of a stored graph (see `group_reports`)."""
    return group_reports(reports(graph, modalities), window_days)


def events_by_report(items: Iterable[Event]) -> dict[str, Event]:
    """Each relation instance's event, so a drawn report can open the event it belongs to."""
    return {report: event for event in items for report in event.reports}


def edge_weights(
    graph: nx.MultiDiGraph, window_days: int = DEFAULT_WINDOW_DAYS
) -> dict[tuple[str, str, str], int]:
    """Events per (source, target, relation type): what the HTML edge width shows, so forty
    reports of one happening draw as one event, not forty."""
    weights: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    by_report = events_by_report(events(graph, window_days))
    for source, target, key, data in graph.edges(keys=True, data=True):
        event = by_report[data.get("id", key)]
        weights[(source, target, data["type"])].add(event.id)
    return {edge: len(ids) for edge, ids in weights.items()}
