"""Relation instances bundled into the edges a picture draws.

The store keeps one edge per relation instance, so two actors in a long feud are joined by
dozens of parallel edges that no drawing can keep apart. A picture draws one edge per
(subject, object, type) instead, whose width counts the events behind it, each event
listing the reports that tell it.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from polgraph.graph.events import Event, events, events_by_report


def support_key(attrs: Mapping[str, Any], event_of: Mapping[str, Event]) -> Hashable:
    """What one unit of an edge's width is: one event, the reports of one happening
    (`polgraph.graph.events`), so forty outlets telling one story draw as one.

    A report outside every event (none, once grouped) counts as its own sentence; two
    extraction rules reading the same sentence are one report, not two.
    """
    event = event_of.get(str(attrs.get("id")))
    if event is not None:
        return event.id
    return (attrs.get("article_id"), attrs.get("start"))


@dataclass(slots=True)
class Support:
    """One report of a bundled relation and the evidence for it."""

    date: str | None
    modality: str
    quad_class: int | None
    polarity: int
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Bundle:
    """Every instance of one relation type from one actor to another."""

    id: str
    source: str
    target: str
    type: str
    supports: list[Support] = field(default_factory=list)
    instances: int = 0

    @property
    def polarity(self) -> int:
        """The sign of the reports taken together: a feud with one truce stays a feud.

        A negated report ("did not criticise") says nothing happened, so it does not count.
        """
        total = sum(s.polarity for s in self.supports if s.modality != "negated")
        return (total > 0) - (total < 0)

    @property
    def negated(self) -> bool:
        """Every report denies the relation: drawn as a denial, not as its verb's polarity."""
        return bool(self.supports) and all(s.modality == "negated" for s in self.supports)

    @property
    def structural(self) -> bool:
        """Structural relations (membership, office) are facts, not acts; drawn apart."""
        return bool(self.supports) and all(s.quad_class == 0 for s in self.supports)


def _evidence(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "sentence": attrs.get("sentence"),
        "text": attrs.get("text"),
        "title": attrs.get("title"),
        "date": attrs.get("date"),
        "article_id": attrs.get("article_id"),
    }


def bundle_edges(graph: nx.MultiDiGraph) -> list[Bundle]:
    """Group instances by (subject, object, type) and their supports by `support_key`.

    Instances are visited in key order so the same graph always yields the same picture.
    """
    event_of = events_by_report(events(graph))
    bundles: dict[tuple[Any, Any, str], Bundle] = {}
    supports: dict[tuple[tuple[Any, Any, str], Hashable], Support] = {}
    for source, target, _key, attrs in sorted(
        graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))
    ):
        rel_type = str(attrs.get("type") or "RELATED_TO")
        group = (source, target, rel_type)
        bundle = bundles.get(group)
        if bundle is None:
            bundle = Bundle(id=f"e{len(bundles)}", source=source, target=target, type=rel_type)
            bundles[group] = bundle
        bundle.instances += 1
        skey = (group, support_key(attrs, event_of))
        support = supports.get(skey)
        if support is None:
            event = event_of.get(str(attrs.get("id")))
            support = Support(
                date=event.first_date if event else attrs.get("date"),
                modality=str(attrs.get("modality") or "asserted"),
                quad_class=attrs.get("quad_class"),
                polarity=int(attrs.get("polarity") or 0),
            )
            supports[skey] = support
            bundle.supports.append(support)
        evidence = _evidence(attrs)
        if evidence not in support.evidence:
            support.evidence.append(evidence)
    for bundle in bundles.values():
        bundle.supports.sort(key=lambda s: (s.date or "", s.modality))
    return list(bundles.values())
