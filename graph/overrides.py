"""An analyst's overrides applied to a stored graph, without parsing a single article again.

Merging rewrites ids in place: relationships and MENTIONS move from each merged entity to
the canonical one and aliases are united. Keeping apart moves the relationships whose
written subject or object was the split-off name to an entity of its own. Setting a type
changes the type and label. Each step is idempotent, so applying a file twice, or again
after an interruption, ends in the same graph.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from polgraph.graph.rows import RELATION_PROPERTIES, GraphRows, entity_label
from polgraph.graph.store import RELATION_TABLE, Store
from polgraph.ingest.overrides import Overrides
from polgraph.ingest.records import entity_id


@dataclass(slots=True)
class OverrideReport:
    """What applying overrides changed, for the command's summary."""

    merged: int = 0
    split: int = 0
    retyped: int = 0
    relations_moved: int = 0


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _entities(store: Store) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in store.entities(by_id=False)}


def _relations_of(store: Store, node: str) -> list[dict[str, Any]]:
    columns = ", ".join(f"r.`{name}` AS `{name}`" for name in RELATION_PROPERTIES)
    return store.execute(
        f"MATCH (s:Entity)-[r:{RELATION_TABLE}]->(o:Entity) WHERE s.id = $id OR o.id = $id "
        f"RETURN r.type AS type, s.id AS source_id, o.id AS target_id, {columns} "
        "ORDER BY r.type, r.id",
        {"id": node},
    )


def _replace_relations(store: Store, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
    """Delete the `old` relations and write `new` ones in their place (by type, as written)."""
    store.execute(
        f"MATCH ()-[r:{RELATION_TABLE}]->() WHERE list_contains($keys, r.type + ' ' + r.id) "
        "DELETE r",
        {"keys": [f"{row['type']} {row['id']}" for row in old]},
    )
    if new:
        grouped: dict[str, list[dict[str, Any]]] = {}
        for row in new:
            grouped.setdefault(row["type"], []).append(row)
        store.write(GraphRows(relations=grouped))


def _ensure_entity(store: Store, entity: dict[str, Any]) -> None:
    row = {"country": None, "sector": None, **entity, "label": entity_label(entity["type"])}
    store.write(GraphRows(entities=[row]))


def _move_mentions(store: Store, old: str, new: str, counts: Counter[str] | None = None) -> None:
    """Add the old entity's per-article mention counts (or `counts`) to the new one's,
    with the country and sector each article gave, then vote the new one's again."""
    query = (
        "MATCH (a:Article)-[m:MENTIONS]->(e:Entity {id: $id}) "
        "RETURN a.id AS article_id, m.`count` AS count, m.country AS country, "
        "m.sector AS sector"
    )
    said: dict[str, tuple[str | None, str | None]] = {}
    moved = counts
    if moved is None:
        rows = store.execute(query, {"id": old})
        moved = Counter({row["article_id"]: row["count"] or 0 for row in rows})
        said = {row["article_id"]: (row["country"], row["sector"]) for row in rows}
    existing = store.execute(query, {"id": new})
    total = Counter({row["article_id"]: row["count"] or 0 for row in existing})
    for row in existing:
        if row["country"] or row["sector"]:
            said[row["article_id"]] = (row["country"], row["sector"])
    total.update(moved)
    rows = [
        {
            "article_id": article,
            "entity_id": new,
            "count": count,
            "country": said.get(article, (None, None))[0],
            "sector": said.get(article, (None, None))[1],
        }
        for article, count in total.items()
        if article in moved
    ]
    if rows:
        store.write(GraphRows(mentions=rows))
    store.vote([new])


def _merge_one(store: Store, old: dict[str, Any], target: dict[str, Any]) -> int:
    rows = _relations_of(store, old["id"])
    rewritten = []
    for row in rows:
        row = dict(row)
        for end in ("source_id", "target_id"):
            if row[end] == old["id"]:
                row[end] = target["id"]
        if row["source_id"] != row["target_id"]:
            rewritten.append(row)
    if rows:
        _replace_relations(store, rows, rewritten)
    _move_mentions(store, old["id"], target["id"])
    store.execute("MATCH (e:Entity {id: $id}) DETACH DELETE e", {"id": old["id"]})
    return len(rows)


def _merge(store: Store, overrides: Overrides, report: OverrideReport) -> None:
    for name, aliases in overrides.groups().items():
        entities = _entities(store)
        wanted = {_fold(alias) for alias in aliases} | {_fold(name)}
        wanted_ids = {entity_id(alias) for alias in wanted}
        target_id = entity_id(name)
        sources = [
            e
            for e in entities.values()
            if e["id"] != target_id and (_fold(e["name"]) in wanted or e["id"] in wanted_ids)
        ]
        if not sources:
            continue
        target = entities.get(target_id) or {
            "id": target_id,
            "name": name,
            "type": overrides.type_of(name) or sources[0]["type"],
            "aliases": [],
            "roles": [],
        }
        names = {e["name"] for e in sources} | {a for e in sources for a in e["aliases"]}
        target = {
            **target,
            "aliases": sorted((set(target["aliases"]) | names) - {target["name"]}),
            "roles": sorted(set(target["roles"]).union(*(e["roles"] for e in sources))),
        }
        _ensure_entity(store, target)
        store.execute(
            "MATCH (e:Entity {id: $id}) SET e.aliases = $aliases, e.roles = $roles",
            {"id": target_id, "aliases": target["aliases"], "roles": target["roles"]},
        )
        for source in sources:
            report.relations_moved += _merge_one(store, source, target)
            report.merged += 1


def _split(store: Store, overrides: Overrides, report: OverrideReport) -> None:
    """Give each kept-apart name that lives on as another entity's alias its own entity,
    and move to it the relationships that wrote that name."""
    for group in overrides.apart:
        for entity in _entities(store).values():
            if _fold(entity["name"]) not in group:
                continue
            for alias in [a for a in entity["aliases"] if _fold(a) in group]:
                report.relations_moved += _split_alias(store, entity, alias)
                report.split += 1


def _split_alias(store: Store, entity: dict[str, Any], alias: str) -> int:
    new = {
        "id": entity_id(alias),
        "name": alias,
        "type": entity["type"],
        "aliases": [],
        "roles": [],
    }
    _ensure_entity(store, new)
    articles: Counter[str] = Counter()
    changed = []
    for row in _relations_of(store, entity["id"]):
        row = dict(row)
        if row["source_id"] == entity["id"] and _fold(row["subject_mention"]) == _fold(alias):
            row["source_id"] = new["id"]
        elif row["target_id"] == entity["id"] and _fold(row["object_mention"]) == _fold(alias):
            row["target_id"] = new["id"]
        else:
            continue
        changed.append(row)
        articles[row["article_id"]] += 1
    if changed:
        _replace_relations(store, changed, changed)
    if articles:
        _move_mentions(store, entity["id"], new["id"], articles)
        store.execute(
            "UNWIND $rows AS row MATCH (a:Article {id: row.article})-[m:MENTIONS]->"
            "(e:Entity {id: $id}) SET m.`count` = CASE WHEN m.`count` > row.n "
            "THEN m.`count` - row.n ELSE 1 END",
            {"id": entity["id"], "rows": [{"article": a, "n": n} for a, n in articles.items()]},
        )
    aliases = [a for a in entity["aliases"] if _fold(a) != _fold(alias)]
    store.execute(
        "MATCH (e:Entity {id: $id}) SET e.aliases = $aliases",
        {"id": entity["id"], "aliases": aliases},
    )
    store.execute("MATCH (m:Merge {id: $id}) DELETE m", {"id": new["id"]})
    store.vote([entity["id"], new["id"]])
    entity["aliases"] = aliases
    return len(changed)


def _retype(store: Store, overrides: Overrides, report: OverrideReport) -> None:
    for entity in _entities(store).values():
        wanted = overrides.type_of(entity["name"])
        if wanted and wanted != entity["type"]:
            store.execute(
                "MATCH (e:Entity {id: $id}) SET e.type = $type, e.label = $label",
                {"id": entity["id"], "type": wanted, "label": entity_label(wanted)},
            )
            report.retyped += 1


def suggest_merges(store: Store) -> dict[str, list[str]]:
    """Merges an analyst will likely want: a one-word PERSON stored on its own ("Trump",
    from an article that never gave the full name) whose word ends exactly one stored
    multi-word PERSON name. Returned as an overrides `merge` section to review, never
    applied by itself: two people can share a surname."""
    people = [e for e in _entities(store).values() if e["type"] == "PERSON"]
    full: dict[str, list[str]] = {}
    for entity in people:
        words = entity["name"].split()
        if len(words) > 1:
            full.setdefault(words[-1].casefold(), []).append(entity["name"])
    suggestions: dict[str, list[str]] = {}
    for entity in people:
        if " " in entity["name"]:
            continue
        owners = full.get(entity["name"].casefold(), [])
        if len(owners) == 1:
            suggestions.setdefault(owners[0], []).append(entity["name"])
    return {name: sorted(aliases) for name, aliases in sorted(suggestions.items())}


def apply_overrides(store: Store, overrides: Overrides) -> OverrideReport:
    """Keep apart, then merge, then set types: a split-off name can be merged into the
    actor it really is in the same file, and a merged actor takes its canonical type."""
    report = OverrideReport()
    _split(store, overrides, report)
    _merge(store, overrides, report)
    _retype(store, overrides, report)
    return report
