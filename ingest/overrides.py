"""An analyst's corrections to actor resolution, read from a JSON or YAML file.

Automatic resolution gets some actors wrong (two people with one surname, a party typed as
a place); the overrides file is where an analyst says so once, and both ingestion and the
store (graph/overrides.py, without a re-parse) apply it. Pure data: no spaCy, no database.
See docs/overrides.md for the format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TYPES: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
)
DEFAULT_FILES: tuple[str, ...] = (
    "polgraph-overrides.json",
    "polgraph-overrides.yaml",
    "polgraph-overrides.yml",
)


class OverridesError(Exception):
    """The overrides file cannot be read or says something contradictory; names the file."""


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True, slots=True)
class Overrides:
    """`merge` maps each folded alias to its canonical name, `apart` holds folded names
    that must stay separate actors, `types` maps folded names to an NER type."""

    merge: dict[str, str] = field(default_factory=dict)
    apart: tuple[frozenset[str], ...] = ()
    types: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        return self.merge.get(_fold(name), name)

    def kept_apart(self, first: str, second: str) -> bool:
        pair = {_fold(first), _fold(second)}
        return len(pair) == 2 and any(pair <= group for group in self.apart)

    def type_of(self, name: str) -> str | None:
        return self.types.get(_fold(name))

    def groups(self) -> dict[str, list[str]]:
        """Canonical name → the aliases merged into it, for applying to a store."""
        grouped: dict[str, list[str]] = {}
        for alias, name in self.merge.items():
            grouped.setdefault(name, []).append(alias)
        return grouped

    def __bool__(self) -> bool:
        return bool(self.merge or self.apart or self.types)


NO_OVERRIDES = Overrides()


def parse_overrides(data: Any, origin: str = "overrides") -> Overrides:
    """Check the structure and build the lookups; every problem is one line naming `origin`."""
    if data is None:
        return NO_OVERRIDES
    if not isinstance(data, dict):
        raise OverridesError(f"{origin}: expected a mapping with merge, keep_apart, types")
    unknown = set(data) - {"merge", "keep_apart", "types"}
    if unknown:
        raise OverridesError(f"{origin}: unknown section(s) {', '.join(sorted(unknown))}")
    merge: dict[str, str] = {}
    for name, aliases in (data.get("merge") or {}).items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise OverridesError(f"{origin}: merge.{name} must be a list of names")
        for alias in (name, *aliases):
            previous = merge.setdefault(_fold(alias), name)
            if previous != name:
                raise OverridesError(
                    f"{origin}: {alias!r} is merged into both {previous!r} and {name!r}"
                )
    apart: list[frozenset[str]] = []
    for group in data.get("keep_apart") or []:
        if not isinstance(group, list) or len(group) < 2:
            raise OverridesError(f"{origin}: each keep_apart entry must list two or more names")
        folded = frozenset(_fold(name) for name in group)
        targets = [_fold(merge.get(name, name)) for name in folded]
        if len(set(targets)) < len(targets):
            raise OverridesError(f"{origin}: {group} are kept apart but merged into one name")
        apart.append(folded)
    types: dict[str, str] = {}
    for name, kind in (data.get("types") or {}).items():
        if kind not in TYPES:
            raise OverridesError(
                f"{origin}: type {kind!r} for {name!r} is not one of {', '.join(sorted(TYPES))}"
            )
        types[_fold(name)] = kind
        types.setdefault(_fold(merge.get(_fold(name), name)), kind)
    return Overrides(merge=merge, apart=tuple(apart), types=types)


def load_overrides(path: str | Path) -> Overrides:
    """Read a .json, .yaml or .yml overrides file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise OverridesError(f"{path}: cannot read the overrides file: {err.strerror}") from None
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as err:
        first = str(err).splitlines()[0]
        raise OverridesError(f"{path}: not valid {path.suffix[1:] or 'YAML'}: {first}") from None
    return parse_overrides(data, str(path))


def find_overrides(path: str | Path | None, directory: Path | None = None) -> Overrides:
    """The given file, else the first default file in `directory` (the working directory)."""
    if path is not None:
        return load_overrides(path)
    base = directory or Path.cwd()
    for name in DEFAULT_FILES:
        if (base / name).is_file():
            return load_overrides(base / name)
    return NO_OVERRIDES
