"""What the graph says: counts, central actors, communities, hostile and cooperative dyads,
and a dyad's relationship over time. Everything counts events, not reports (see events.py).

Centrality and communities read who deals with whom, so they use every event; scores read
acts, so they leave hypothetical and negated relations out unless asked.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from polgraph.graph.events import DEFAULT_WINDOW_DAYS, SCORED_MODALITIES, Event, events
from polgraph.ingest.records import MODALITIES, entity_id

LOUVAIN_SEED = 42
# Exact betweenness costs a shortest-path search from every actor; beyond this many actors
# it is estimated from a fixed sample of sources (same seed, same answer every run).
BETWEENNESS_EXACT = 500
BETWEENNESS_SAMPLE = 100


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    score: float


@dataclass(slots=True)
class Dyad:
    """Two actors and the summed Goldstein score of the events between them, both ways."""

    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    events: int
    reports: int


@dataclass(slots=True)
class TimelinePoint:
    """One day of a dyad: its events, their summed polarity and score, and their reports."""

    date: str | None
    events: int
    reports: int
    polarity: int
    goldstein: float
    event_ids: list[str] = field(default_factory=list)
    report_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PairEvent:
    """One event between the two actors of a dyad, as a reader wants it: who did what to
    whom, when, how sure, and the sentence of its first report as evidence."""

    id: str
    date: str | None
    source: str
    target: str
    source_name: str
    target_name: str
    types: list[str]
    modalities: list[str]
    goldstein: float | None
    reports: int
    articles: int
    sentence: str


@dataclass(slots=True)
class Stats:
    entities: dict[str, int]
    relations: dict[str, dict[str, int]]
    events: int
    degree: list[Actor]
    betweenness: list[Actor]
    pagerank: list[Actor]
    communities: list[list[str]]
    hostile: list[Dyad]
    cooperative: list[Dyad]
    modalities: list[str]
    window_days: int
    timeline: list[TimelinePoint] | None = None
    pair: list[PairEvent] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def scored_modalities(extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The modalities scores read: asserted and reported, plus any asked for ("all" for all)."""
    extra = list(extra)
    if "all" in extra:
        return MODALITIES
    unknown = [m for m in extra if m not in MODALITIES]
    if unknown:
        raise ValueError(f"unknown modality {unknown[0]!r}: choose from {', '.join(MODALITIES)}")
    return tuple(m for m in MODALITIES if m in SCORED_MODALITIES or m in extra)


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node].get("name", node) if node in graph else node


def counts(graph: nx.MultiDiGraph, all_events: list[Event]) -> tuple[dict, dict]:
    """Entities by type; relations by type as reports and as events."""
    entities = Counter(data.get("type") or "UNKNOWN" for _, data in graph.nodes(data=True))
    reports = Counter(data["type"] for _, _, data in graph.edges(data=True))
    event_counts: Counter[str] = Counter()
    for event in all_events:
        event_counts.update(event.types)
    relations = {
        rel_type: {"reports": reports[rel_type], "events": event_counts[rel_type]}
        for rel_type in sorted(reports, key=lambda t: (-reports[t], t))
    }
    return dict(entities.most_common()), relations


def actor_graph(graph: nx.MultiDiGraph, all_events: list[Event]) -> nx.DiGraph:
    """Actors linked by the number of events between them: report duplication cannot make
    an actor look central."""
    actors = nx.DiGraph()
    actors.add_nodes_from(graph.nodes)
    for event in all_events:
        if event.source == event.target:
            continue
        if actors.has_edge(event.source, event.target):
            actors[event.source][event.target]["weight"] += 1
        else:
            actors.add_edge(event.source, event.target, weight=1)
    return actors


def _undirected(actors: nx.DiGraph) -> nx.Graph:
    undirected = nx.Graph()
    undirected.add_nodes_from(actors.nodes)
    for source, target, data in actors.edges(data=True):
        weight = data["weight"] + (
            undirected[source][target]["weight"] if undirected.has_edge(source, target) else 0
        )
        undirected.add_edge(source, target, weight=weight)
    return undirected


def _ranked(graph: nx.MultiDiGraph, scores: dict[str, float], top: int | None) -> list[Actor]:
    ranked = sorted(scores.items(), key=lambda item: (-item[1], _name(graph, item[0]), item[0]))
    return [Actor(node, _name(graph, node), round(score, 6)) for node, score in ranked[:top]]


def centrality(
    graph: nx.MultiDiGraph, all_events: list[Event], top: int | None = 10
) -> dict[str, list[Actor]]:
    """Top actors by degree (distinct counterparts), betweenness and PageRank (by events).
    Betweenness is estimated from a sample of sources on graphs of over 500 actors."""
    actors = actor_graph(graph, all_events)
    undirected = _undirected(actors)
    connected = [node for node in undirected if undirected.degree(node)]
    degree = {node: float(undirected.degree(node)) for node in connected}
    sample = BETWEENNESS_SAMPLE if undirected.number_of_nodes() > BETWEENNESS_EXACT else None
    between = nx.betweenness_centrality(undirected, k=sample, seed=LOUVAIN_SEED)
    rank = nx.pagerank(actors, weight="weight") if actors.number_of_nodes() else {}
    return {
        "degree": _ranked(graph, degree, top),
        "betweenness": _ranked(graph, {n: between[n] for n in connected}, top),
        "pagerank": _ranked(graph, {n: rank[n] for n in connected}, top),
    }


def communities(
    graph: nx.MultiDiGraph, all_events: list[Event], seed: int = LOUVAIN_SEED
) -> list[list[str]]:
    """Louvain communities of actors (ids, two or more members), largest first; a fixed seed
    gives the same answer on every run."""
    undirected = _undirected(actor_graph(graph, all_events))
    undirected.remove_nodes_from([n for n in list(undirected) if not undirected.degree(n)])
    if not undirected.number_of_edges():
        return []
    found = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    groups = [sorted(group, key=lambda n: (_name(graph, n), n)) for group in found]
    groups = [group for group in groups if len(group) > 1]
    return sorted(groups, key=lambda g: (-len(g), _name(graph, g[0])))


def dyads(graph: nx.MultiDiGraph, scored: list[Event], top: int | None = 10) -> tuple[list, list]:
    """The most hostile and most cooperative pairs by summed event score, both directions
    (`top` of each; None for all)."""
    totals: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in scored:
        if event.goldstein is None or event.source == event.target:
            continue
        a, b = sorted((event.source, event.target))
        totals[(a, b)].append(event)
    found = [
        Dyad(
            a=a,
            b=b,
            a_name=_name(graph, a),
            b_name=_name(graph, b),
            score=round(sum(e.goldstein or 0.0 for e in group), 6),
            events=len(group),
            reports=sum(len(e.reports) for e in group),
        )
        for (a, b), group in totals.items()
    ]
    hostile = sorted((d for d in found if d.score < 0), key=lambda d: (d.score, d.a_name, d.b_name))
    friendly = sorted(
        (d for d in found if d.score > 0), key=lambda d: (-d.score, d.a_name, d.b_name)
    )
    return hostile[:top], friendly[:top]


def resolve(graph: nx.MultiDiGraph, text: str) -> str:
    """The entity a user means: its id, its name, or one of its aliases, case-insensitively."""
    if text in graph:
        return text
    slug = entity_id(text)
    if slug in graph:
        return slug
    folded = text.casefold()
    for field_name in ("name", "aliases"):
        for node, data in graph.nodes(data=True):
            value = data.get(field_name)
            values = value if isinstance(value, list) else [value]
            if any(isinstance(v, str) and v.casefold() == folded for v in values):
                return node
    raise LookupError(f"no actor named {text!r} in the graph")


def timeline(graph: nx.MultiDiGraph, a: str, b: str, scored: list[Event]) -> list[TimelinePoint]:
    """The relationship of two actors by date, both directions: how it turned over time."""
    first, second = resolve(graph, a), resolve(graph, b)
    pair = {first, second}
    by_day: dict[str | None, list[Event]] = defaultdict(list)
    for event in scored:
        if {event.source, event.target} == pair:
            by_day[event.first_date].append(event)
    return [
        TimelinePoint(
            date=day,
            events=len(group),
            reports=sum(len(e.reports) for e in group),
            polarity=sum(e.polarity for e in group),
            goldstein=round(sum(e.goldstein or 0.0 for e in group), 6),
            event_ids=[e.id for e in group],
            report_ids=[r for e in group for r in e.reports],
        )
        for day, group in sorted(by_day.items(), key=lambda item: item[0] or "9999")
    ]


def pair_events(graph: nx.MultiDiGraph, a: str, b: str, all_events: list[Event]) -> list[PairEvent]:
    """Every event of two actors, both directions and every modality, in date order, each
    told by the sentence of its earliest report; its modalities say whether the timeline,
    which scores some modalities only, counts it."""
    pair = {resolve(graph, a), resolve(graph, b)}
    told = {
        data.get("id", key): (data.get("date") or "9999", data.get("sentence") or "")
        for _, _, key, data in graph.edges(keys=True, data=True)
    }
    return [
        PairEvent(
            id=event.id,
            date=event.first_date,
            source=event.source,
            target=event.target,
            source_name=_name(graph, event.source),
            target_name=_name(graph, event.target),
            types=event.types,
            modalities=event.modalities,
            goldstein=None if event.goldstein is None else round(event.goldstein, 6),
            reports=len(event.reports),
            articles=event.sources,
            sentence=min((told[report], report) for report in event.reports)[0][1],
        )
        for event in all_events
        if {event.source, event.target} == pair
    ]


def stats(
    graph: nx.MultiDiGraph,
    *,
    modalities: Iterable[str] = (),
    dyad: tuple[str, str] | None = None,
    top: int | None = 10,
    window_days: int = DEFAULT_WINDOW_DAYS,
    seed: int = LOUVAIN_SEED,
) -> Stats:
    """Everything `polgraph stats` prints, from one graph."""
    scored_with = scored_modalities(modalities)
    all_events = events(graph, window_days)
    scored = events(graph, window_days, scored_with)
    entity_counts, relation_counts = counts(graph, all_events)
    central = centrality(graph, all_events, top)
    hostile, cooperative = dyads(graph, scored, top)
    return Stats(
        entities=entity_counts,
        relations=relation_counts,
        events=len(all_events),
        degree=central["degree"],
        betweenness=central["betweenness"],
        pagerank=central["pagerank"],
        communities=communities(graph, all_events, seed),
        hostile=hostile,
        cooperative=cooperative,
        modalities=list(scored_with),
        window_days=window_days,
        timeline=timeline(graph, dyad[0], dyad[1], scored) if dyad else None,
        pair=pair_events(graph, dyad[0], dyad[1], all_events) if dyad else None,
    )
