"""Cross-article merges that are safe by construction, and the likely ones left to review.

One article writes "John R. Bolton", another "John Bolton"; one transliterates "el-Sisi",
another "al-Sisi"; one says "US Democratic Party". Resolution inside an article cannot see
the others, so after a build the store is read as a whole and three rules merge what can
only be one actor:
- `middle_name`: personal names with the same first and last word whose middle words
  agree (initials match names) when no other name in the store shares that first and last
  word with different middle words;
- `transliteration`: names equal once accents, case and the article "al-"/"el-"/"al "
  are folded;
- `country_prefix`: an organisation named "<country> <name>", where "<country>" is a way
  the store writes that state, and a stored organisation "<name>" of the same country.
Each merge moves relations as an analyst's override does and is recorded, with its rule,
in the store's `Merge` table; `keep_apart` in the overrides file undoes it without a
re-parse and stops it being made again. Names that only may be one actor (a lone surname
and the one full name it ends; middle names that disagree) are suggestions, never applied.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from polgraph.graph.overrides import OverrideReport, _entities, _merge, suggest_merges
from polgraph.graph.store import Store
from polgraph.ingest.overrides import NO_OVERRIDES, Overrides, parse_overrides
from polgraph.ingest.records import entity_id

_ARTICLE = re.compile(r"\b(?:al|el|ul)[-\s\u2010\u2011']+(?=\w)")
_INITIAL = re.compile(r"^[A-Za-z]\.?$")

MIDDLE_NAME = "middle_name"
TRANSLITERATION = "transliteration"
COUNTRY_PREFIX = "country_prefix"


@dataclass(frozen=True, slots=True)
class Merge:
    """`name` is merged into `into` by `rule`."""

    name: str
    into: str
    rule: str


def folded(name: str) -> str:
    """A name without accents, case, or the spelling of the Arabic article. Only accents go:
    letters of other scripts stay, so two Cyrillic names never fold into one."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    plain = _ARTICLE.sub("al-", plain.casefold())
    return " ".join(plain.replace("\u2019", "'").split())


def _middles_agree(first: list[str], second: list[str]) -> bool:
    """ "R." agrees with "Robert", "Robert" with "Robert", nothing with something else."""
    if not first or not second:
        return True
    if len(first) != len(second):
        return False
    for one, other in zip(first, second, strict=True):
        if _INITIAL.match(one) or _INITIAL.match(other):
            if one[0].casefold() != other[0].casefold():
                return False
        elif one.casefold() != other.casefold():
            return False
    return True


def _canonical(group: list[dict[str, Any]], mentions: dict[str, int]) -> dict[str, Any]:
    """The most-mentioned name, then the shorter, then the first in order."""
    return min(group, key=lambda e: (-mentions.get(e["id"], 0), len(e["name"]), e["name"]))


def _person_groups(
    people: list[dict[str, Any]],
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for entity in people:
        words = folded(entity["name"]).split()
        if len(words) >= 2:
            groups[(words[0], words[-1])].append(entity)
    return groups


def _consistent(group: list[dict[str, Any]]) -> bool:
    middles = [entity["name"].split()[1:-1] for entity in group]
    return all(_middles_agree(a, b) for a in middles for b in middles)


def candidates(
    store: Store, overrides: Overrides = NO_OVERRIDES
) -> tuple[list[Merge], list[Merge]]:
    """The safe merges and the likely ones of the stored actors."""
    entities = list(_entities(store).values())
    mentions = {
        row["id"]: int(row["n"] or 0)
        for row in store.execute(
            "MATCH (:Article)-[m:MENTIONS]->(e:Entity) RETURN e.id AS id, sum(m.`count`) AS n"
        )
    }
    safe: list[Merge] = []
    likely: list[Merge] = []
    taken: set[str] = set()

    def add(group: list[dict[str, Any]], rule: str, into: list[Merge]) -> None:
        """Merges into the group's canonical name; an actor takes part in one safe merge
        per run, so no name is both merged away and merged into."""
        group = [e for e in group if e["id"] not in taken]
        if len(group) < 2:
            return
        target = _canonical(group, mentions)
        for entity in group:
            if entity["id"] == target["id"]:
                continue
            if overrides.kept_apart(entity["name"], target["name"]):
                continue
            into.append(Merge(entity["name"], target["name"], rule))
            if into is safe:
                taken.update((entity["id"], target["id"]))

    spellings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity in entities:
        spellings[folded(entity["name"])].append(entity)
    for group in spellings.values():
        if len(group) > 1:
            add(group, TRANSLITERATION, safe)
    people = [e for e in entities if e["type"] == "PERSON" and e["id"] not in taken]
    for group in _person_groups(people).values():
        if len(group) < 2:
            continue
        add(group, MIDDLE_NAME, safe if _consistent(group) else likely)
    by_name = {folded(e["name"]): e for e in entities if e["type"] == "ORG"}
    prefixes = _state_names(entities, mentions)
    for entity in entities:
        words = entity["name"].split()
        country = entity.get("country")
        if entity["type"] != "ORG" or not country or entity["id"] in taken:
            continue
        for size in range(1, min(3, len(words) - 1) + 1):
            if folded(" ".join(words[:size])) not in prefixes.get(country, set()):
                continue
            rest = by_name.get(folded(" ".join(words[size:])))
            if rest is not None and rest.get("country") == country:
                add([rest, entity], COUNTRY_PREFIX, safe)
            break
    return safe, likely


def _state_names(entities: list[dict[str, Any]], mentions: dict[str, int]) -> dict[str, set[str]]:
    """The ways the store writes each state: the names of the most-mentioned place of each
    country, which is the state itself rather than one of its regions ("US", "U.S.")."""
    states: dict[str, dict[str, Any]] = {}
    for entity in entities:
        code = entity.get("country")
        if entity["type"] != "GPE" or not code or entity.get("sector"):
            continue
        have = states.get(code)
        if have is None or mentions.get(entity["id"], 0) > mentions.get(have["id"], 0):
            states[code] = entity
    return {
        code: {folded(name) for name in (state["name"], *state["aliases"])}
        for code, state in states.items()
    }


def suggestions(store: Store, overrides: Overrides = NO_OVERRIDES) -> dict[str, list[str]]:
    """Every merge worth a look, as an overrides `merge` section: the safe ones not made
    yet (a store built before they existed), the likely ones, and lone surnames."""
    safe, likely = candidates(store, overrides)
    found: dict[str, set[str]] = defaultdict(set)
    for merge in (*safe, *likely):
        found[merge.into].add(merge.name)
    for name, aliases in suggest_merges(store).items():
        found[name].update(aliases)
    return {name: sorted(aliases) for name, aliases in sorted(found.items())}


def merge_safe(store: Store, overrides: Overrides = NO_OVERRIDES, rounds: int = 5) -> list[Merge]:
    """Apply the safe merges and record each with its rule; returns what was merged. An
    actor takes part in one merge a round, so "Australian Liberal Party" and "Australia
    Liberal Party" both reach "Liberal Party" in two rounds."""
    made: list[Merge] = []
    for _ in range(rounds):
        done = _merge_round(store, overrides)
        if not done:
            break
        made.extend(done)
    return made


def _merge_round(store: Store, overrides: Overrides) -> list[Merge]:
    safe, _ = candidates(store, overrides)
    if not safe:
        return []
    grouped: dict[str, list[str]] = defaultdict(list)
    for merge in safe:
        grouped[merge.into].append(merge.name)
    _merge(store, parse_overrides({"merge": dict(grouped)}, "merges"), OverrideReport())
    store.execute(
        "UNWIND $rows AS row MERGE (m:Merge {id: row.id}) "
        "SET m.name = row.name, m.into = row.into, m.rule = row.rule",
        {
            "rows": [
                {"id": entity_id(m.name), "name": m.name, "into": m.into, "rule": m.rule}
                for m in safe
            ]
        },
    )
    return safe


def recorded(store: Store) -> dict[str, list[Merge]]:
    """The merges made so far, by the name they went into."""
    found: dict[str, list[Merge]] = defaultdict(list)
    for row in store.execute(
        "MATCH (m:Merge) RETURN m.name AS name, m.into AS into, m.rule AS rule"
    ):
        found[row["into"]].append(Merge(row["name"], row["into"], row["rule"]))
    return dict(found)
