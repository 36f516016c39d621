"""Known actors by the ways news writes them: countries, demonyms, capitals and seats of power,
institutions. Loaded from data/gazetteer.json, which data/build_gazetteer.py builds from
public country data and small curated tables.

NER alone names "U.S.", "America" and "the United States" as three actors and types
"Moscow" as a place; the gazetteer gives each one canonical name and type, so the same
actor gets the same id in every article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

COUNTRY = "country"
DEMONYM = "demonym"
CAPITAL = "capital"
SEAT = "seat"
_LEADING = ("the ",)
BODY_KINDS = frozenset({"parliament", "court", "ministry", "agency", "military", "party"})


@dataclass(frozen=True, slots=True)
class Known:
    """What an alias means: the canonical `name`, its NER `type`, and what `kind` of
    alias it is (country, demonym, capital, seat, or an institution kind like party)."""

    name: str
    type: str
    kind: str
    country: str = ""

    @property
    def metonym(self) -> bool:
        """A place written for the power that sits there ("Moscow said")."""
        return self.kind in (CAPITAL, SEAT)


class Gazetteer:
    """Lookup by exact spelling first, then case-folded, with or without a leading "the".
    Where two entries share an alias the later one wins, as in the build."""

    def __init__(
        self,
        entries: list[dict[str, str]],
        codes: dict[str, str] | None = None,
        regions: dict[str, str] | None = None,
        cities: dict[str, str] | None = None,
    ) -> None:
        self.codes: dict[str, str] = codes or {}
        self.regions: dict[str, str] = regions or {}
        self.cities: dict[str, str] = cities or {}
        self._exact: dict[str, Known] = {}
        self._folded: dict[str, Known] = {}
        for entry in entries:
            known = Known(entry["name"], entry["type"], entry["kind"], entry.get("country", ""))
            self._exact[entry["alias"]] = known
            self._folded[entry["alias"].casefold()] = known
        self.longest = max((len(alias.split()) for alias in self._exact), default=1)
        self._bodies: dict[str, list[Known]] | None = None

    def lookup(self, text: str, *, exact: bool = False) -> Known | None:
        """The actor `text` names. `exact` skips the case-folded match, for text that was
        not tagged as a name by NER (a lower-case "us" is not the United States)."""
        candidates = [text.strip()]
        for prefix in _LEADING:
            if candidates[0].casefold().startswith(prefix):
                candidates.append(candidates[0][len(prefix) :])
        for candidate in candidates:
            known = self._exact.get(candidate)
            if known is None and not exact:
                known = self._folded.get(candidate.casefold())
            if known is not None:
                return known
        return None

    def code(self, country: str) -> str | None:
        """The ISO 3166 alpha-3 code of a country as the gazetteer names it ("Turkey")."""
        return self.codes.get(country)

    def bodies(self) -> dict[str, list[Known]]:
        """Institutions by the name they go by without their country ("Senate" for the
        "US Senate"): a bare name a document uses for its own country's body."""
        if self._bodies is None:
            self._bodies = {}
            for alias, known in self._exact.items():
                words = alias.split()
                if known.kind not in BODY_KINDS or not known.country:
                    continue
                for size in range(1, len(words)):
                    prefix = self._exact.get(" ".join(words[:size]))
                    if prefix is not None and prefix.kind in (COUNTRY, DEMONYM):
                        rest = " ".join(words[size:])
                        if known not in self._bodies.setdefault(rest, []):
                            self._bodies[rest].append(known)
        return self._bodies

    def place(self, name: str) -> str | None:
        """The alpha-3 code of the country a region or city lies in ("Ohio", "Houston")."""
        return self.regions.get(name) or self.cities.get(name)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer with its regions and the cities of data/cities.json (GeoNames, built by
    data/build_cities.py), so a role in a region or city places its holder."""
    data = resources.files("polgraph.ingest").joinpath("data")
    loaded = json.loads(data.joinpath("gazetteer.json").read_text("utf-8"))
    cities = json.loads(data.joinpath("cities.json").read_text("utf-8"))["cities"]
    return Gazetteer(loaded["entries"], loaded.get("codes"), loaded.get("regions"), cities)
