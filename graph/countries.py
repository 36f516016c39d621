"""The country-level view: actors rolled up to the states they act for.

Event data is read country to country (GDELT's and ICEWS's dyads): a minister's threat is
her country's. Every relation whose two actors both have a `country` becomes a relation
between those countries, keeping its id, type, scores and provenance, so the analysis
counts events, not reports, exactly as it does for actors. Actors without a country stay
out, and so do relations inside one country (a senator criticising his president is
domestic politics, not a dyad of states); the view says how many of each it left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx
import pycountry

from polgraph.graph.rows import GraphRows, entity_label, graph_from_rows, most_attested
from polgraph.graph.store import RELATION_TABLE, Store
from polgraph.ingest.records import entity_id

ALLEGIANCE: tuple[str, ...] = (
    "LEADER_OF",
    "MEMBER_OF",
    "SPOKESPERSON_FOR",
    "ADVISER_TO",
    "REPRESENTS",
)
"""Structural relations that say whom a person acts for (ALLY_OF, CRITIC_OF do not)."""


@dataclass(slots=True)
class CountryView:
    """The rolled-up rows and graph, and what was left out of them."""

    rows: GraphRows
    actors: int = 0
    stateless: int = 0
    domestic: int = 0
    unplaced: int = 0
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)

    def note(self) -> str:
        countries = len(self.rows.entities)
        return (
            f"country level: {self.actors:,} actors in {countries:,} countries; "
            f"left out {self.stateless:,} actors without a country "
            f"({self.unplaced:,} relations) and {self.domestic:,} relations within one country"
        )


def country_name(code: str, stored: dict[str, Counter[str]]) -> str:
    """The name the store gives the state itself (the most-mentioned place of that country,
    not one of its regions), else the ISO name of its code."""
    names = stored.get(code)
    if names:
        return min(names, key=lambda name: (-names[name], name))
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


def country_view(rows: GraphRows) -> CountryView:
    """Roll every actor with a country up to it (see the module docstring)."""
    country = {row["id"]: row.get("country") for row in rows.entities}
    mentioned: Counter[str] = Counter()
    for row in rows.mentions:
        mentioned[row["entity_id"]] += row.get("count") or 0
    states: dict[str, Counter[str]] = {}
    for row in rows.entities:
        if row.get("type") == "GPE" and row.get("country") and not row.get("sector"):
            states.setdefault(row["country"], Counter())[row["name"]] += mentioned[row["id"]]
    node = {code: _node(code, states) for code in set(country.values()) if code}
    view = CountryView(rows=GraphRows(articles=list(rows.articles)))
    codes: set[str] = set()
    related: set[str] = set()
    placed: set[str] = set()
    for rel_type, batch in rows.relations.items():
        for row in batch:
            source, target = country.get(row["source_id"]), country.get(row["target_id"])
            related.update((row["source_id"], row["target_id"]))
            if not source or not target:
                view.unplaced += 1
                continue
            placed.update((row["source_id"], row["target_id"]))
            if source == target:
                view.domestic += 1
                continue
            codes.update((source, target))
            view.rows.relations.setdefault(rel_type, []).append(
                {
                    **row,
                    "source_id": node[source],
                    "target_id": node[target],
                }
            )
    view.actors = len(placed)
    view.stateless = len({node for node in related if not country.get(node)})
    view.rows.entities = [
        {
            "id": node[code],
            "name": country_name(code, states),
            "type": "GPE",
            "label": entity_label("GPE"),
            "aliases": [],
            "roles": [],
            "country": code,
            "sector": None,
        }
        for code in sorted(codes)
    ]
    mentions: Counter[tuple[str, str]] = Counter()
    for row in rows.mentions:
        code = country.get(row["entity_id"])
        if code in codes:
            mentions[(row["article_id"], node[code])] += row.get("count") or 0
    view.rows.mentions = [
        {"article_id": article, "entity_id": node, "count": count}
        for (article, node), count in sorted(mentions.items())
    ]
    view.graph = graph_from_rows(view.rows)
    return view


def _node(code: str, states: dict[str, Counter[str]]) -> str:
    return entity_id(country_name(code, states))


def place_by_roles(store: Store, rounds: int = 2) -> int:
    """Give a country to persons the store has none for, from their stored roles of actors
    it has one for: an article that says "Senator X" next to one that places the Senate.
    Two rounds, so an adviser to a person placed in the first is placed in the second.
    Returns how many persons were placed."""
    placed = 0
    query = (
        f"MATCH (p:Entity)-[r:{RELATION_TABLE}]->(o:Entity) "
        "WHERE p.type = 'PERSON' AND p.country IS NULL AND o.country IS NOT NULL "
        "AND r.quad_class = 0 AND list_contains($types, r.type) "
        "RETURN p.id AS id, o.country AS country, o.sector AS sector, o.type AS type"
    )
    for _ in range(rounds):
        said: dict[str, list[tuple[str | None, str | None]]] = {}
        for row in store.execute(query, {"types": list(ALLEGIANCE)}):
            sector = row["sector"] or ("GOV" if row["type"] == "GPE" else None)
            said.setdefault(row["id"], []).append((row["country"], sector))
        if not said:
            break
        rows = [
            {"id": person, "country": country, "sector": sector}
            for person, pairs in sorted(said.items())
            for country, sector in [most_attested(pairs)]
        ]
        store.set_affiliation(rows)
        placed += len(rows)
    return placed
