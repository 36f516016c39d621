"""Build gazetteer.json from public data: run `python ingest/data/build_gazetteer.py`.

Countries, official names, demonyms and capitals come from two packages of public ISO and
country data (pycountry, countryinfo), so the gazetteer covers every country rather than the
ones some article happened to name. The hand-kept tables beside this script (states,
country_aliases, seats_of_power, institutions) add what those packages lack: states ISO
leaves out (Kosovo), the short forms and demonyms news prints, seats of power used as
metonyms and the major institutions. The output is committed, so
extraction needs neither package at run time; rerun this after editing a table.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

import pycountry

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "gazetteer.json"
_CODE = re.compile(r"[A-Z]{2,3}")
_NO_PLURAL = ("ese", "sh", "ch", "ss", "s")
_GENERIC = frozenset(
    [
        "central",
        "centre",
        "center",
        "centro",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "nord",
        "sud",
        "est",
        "ouest",
        "upper",
        "lower",
        "middle",
        "coast",
        "coastal",
        "lakes",
        "lake",
        "maritime",
        "littoral",
        "plateau",
        "plateaux",
        "savanes",
        "cascades",
        "lagunes",
        "montagnes",
        "mountain",
        "highland",
        "highlands",
        "river",
        "delta",
        "island",
        "islands",
        "capital",
        "national",
        "province",
        "region",
        "district",
        "mary",
        "union",
    ]
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One way of writing an actor: `alias` is how it is written, `name` whom it means."""

    alias: str
    name: str
    type: str
    kind: str
    country: str = ""


def _table(name: str) -> Iterator[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8") as handle:
        rows = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(rows, delimiter="\t")


def _countryinfo() -> dict[str, dict]:
    """countryinfo's records keyed by ISO alpha-3, first clean name wins."""
    records: dict[str, dict] = {}
    for path in sorted(resources.files("countryinfo").joinpath("data").iterdir()):
        if not path.name.endswith(".json"):
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha3")
        name = record.get("name", "")
        if code and code not in records and not re.search(r"[,(]", name):
            records[code] = record
    return records


def plural(demonym: str) -> str | None:
    """ "Russians" from "Russian"; None where English uses the adjective ("the Chinese")."""
    if demonym.endswith(_NO_PLURAL):
        return None
    return demonym + "s"


def _usable_alias(alias: str) -> bool:
    """ISO codes ("IN", "NO", "TO") are everyday words; the curated table adds the safe ones."""
    return bool(alias.strip()) and not _CODE.fullmatch(alias)


def country_entries() -> Iterator[Entry]:
    """Every ISO country's names, demonyms and capital. Where territories share a word with
    a country ("Chinese" for Macau, "American" for American Samoa) the most populous wins."""
    info = _countryinfo()
    best: dict[str, tuple[int, Entry]] = {}
    for population, entry in _ranked_country_entries(info):
        if entry.alias not in best or population > best[entry.alias][0]:
            best[entry.alias] = (population, entry)
    for _, entry in best.values():
        yield entry


def _ranked_country_entries(info: dict[str, dict]) -> Iterator[tuple[int, Entry]]:
    for country in pycountry.countries:
        record = info.get(country.alpha_3, {})
        population = int(record.get("population") or 0)
        name = record.get("name") or getattr(country, "common_name", None) or country.name
        aliases = {
            name,
            country.name,
            getattr(country, "official_name", None) or name,
            getattr(country, "common_name", None) or name,
            *record.get("altSpellings", []),
        }
        for alias in sorted(a for a in aliases if _usable_alias(a)):
            yield population, Entry(alias, name, "GPE", "country", name)
        demonym = (record.get("demonym") or "").strip()
        if demonym:
            yield population, Entry(demonym, name, "GPE", "demonym", name)
            many = plural(demonym)
            if many:
                yield population, Entry(many, name, "GPE", "demonym", name)
        capitals = record.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            cleaned = capital.replace(" D.C.", "").strip()
            if cleaned and cleaned != name:
                yield population, Entry(cleaned, name, "GPE", "capital", name)


def country_codes() -> dict[str, str]:
    """Each country's canonical name → its ISO 3166 alpha-3 code: the `country` an actor
    record carries, so events roll up to states whatever the spelling."""
    info = _countryinfo()
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        record = info.get(country.alpha_3, {})
        name = record.get("name") or getattr(country, "common_name", None) or country.name
        codes.setdefault(name, country.alpha_3)
    for row in _table("states.tsv"):
        codes.setdefault(row["name"], row["code"])
    for entry in curated_entries():
        if entry.country and entry.country not in codes:
            codes[entry.country] = pycountry.countries.search_fuzzy(entry.country)[0].alpha_3
    return dict(sorted(codes.items()))


def region_codes(entries: list[Entry]) -> dict[str, str]:
    """States, provinces and regions (ISO 3166-2) → the alpha-3 code of their country, for
    the country of an actor whose role is of a region ("governor of Ohio"). Names that name
    a country, or only say where in a country ("Northern Province", "Centre-Est"), are left
    out; where two countries have a region of one name ("Florida" in
    the United States and in Uruguay) the most populous country wins, as for demonyms. Each
    name is kept also without its diacritics."""
    countries = {entry.alias for entry in entries}
    info = _countryinfo()
    found: dict[str, tuple[int, str]] = {}
    for region in pycountry.subdivisions:
        name = region.name.split(" [")[0].split(" (")[0].strip()
        if len(name) < 4 or not name[:1].isupper() or name in countries:
            continue
        if all(word in _GENERIC for word in name.lower().replace("-", " ").split()):
            continue
        country = pycountry.countries.get(alpha_2=region.country_code)
        if country is None:
            continue
        population = int(info.get(country.alpha_3, {}).get("population") or 0)
        for spelling in {name, _plain(name)} - countries:
            if spelling not in found or population > found[spelling][0]:
                found[spelling] = (population, country.alpha_3)
    return {name: code for name, (_, code) in sorted(found.items())}


def _plain(name: str) -> str:
    """The name without its diacritics ("Jammu and Kashmīr" → "Jammu and Kashmir"), the way
    English news writes it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def curated_entries() -> Iterator[Entry]:
    for row in _table("states.tsv"):
        yield Entry(row["name"], row["name"], "GPE", "country", row["name"])
    for row in _table("country_aliases.tsv"):
        kind = row.get("kind") or "country"
        yield Entry(row["alias"], row["name"], "GPE", kind, row["name"])
    for row in _table("seats_of_power.tsv"):
        kind = "capital" if row["type"] == "GPE" else "seat"
        yield Entry(row["alias"], row["name"], row["type"], kind, row["country"])
    for row in _table("institutions.tsv"):
        names = [row["name"], *(a for a in row["aliases"].split(";") if a)]
        for alias in names:
            yield Entry(alias, row["name"], row["type"], row["kind"], row["country"])


def build() -> list[Entry]:
    """Curated rows come last and win: they fix what the generic data gets wrong for news
    (Brussels means the EU, not Belgium)."""
    entries: dict[str, Entry] = {}
    for entry in (*country_entries(), *curated_entries()):
        entries[entry.alias] = entry
    return sorted(entries.values(), key=lambda e: (e.name, e.alias))


def main() -> None:
    entries = build()
    about = json.dumps(
        "Generated by build_gazetteer.py from pycountry, countryinfo and the tables beside it;"
        " do not edit by hand."
    )
    lines = ",\n".join(json.dumps(asdict(entry), ensure_ascii=False) for entry in entries)
    codes = json.dumps(country_codes(), ensure_ascii=False)
    regions = json.dumps(region_codes(entries), ensure_ascii=False)
    OUTPUT.write_text(
        f'{{"about": {about},\n"codes": {codes},\n"regions": {regions},\n'
        f'"entries": [\n{lines}\n]}}\n',
        encoding="utf-8",
    )
    print(f"wrote {len(entries)} entries to {OUTPUT.name}")


if __name__ == "__main__":
    main()
