"""Country and sector of the actors one article names: whom each acts for.

Event data is read country to country (GDELT's and ICEWS's dyads), so an actor carries the
state it belongs to where the text or the gazetteer says so, and never a guess:
- a state is itself ("Turkey" → TUR); a capital or seat of power used for its government
  ("Ankara said") is that state's, with the government's sector;
- an institution is where the gazetteer places it (the Bundestag → DEU, LEG), and an
  organisation whose own name starts with a country or demonym ("Turkish Armed Forces")
  is of that country, with the sector its name words tell (data/sectors.json);
- a place the text locates ("El Paso, Texas") is of the country of the place after it;
- a person takes the country of what their roles are of, as roles.py read them
  ("President of Turkey" → TUR, GOV; "Russian lawmaker" → RUS, LEG); alliances and
  rivalries (ALLY_OF, CRITIC_OF, RIVAL_OF) say nothing of whom one belongs to.
A person with roles in two countries in one article takes the one named most often. A
value already set (a generic agent such as "Judiciary (Tunisia)") is kept.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from polgraph.ingest.actors import Actor, data_file
from polgraph.ingest.gazetteer import CAPITAL, COUNTRY, DEMONYM, Gazetteer, load_gazetteer
from polgraph.ingest.records import Mention, Triple

NOT_AFFILIATION: frozenset[str] = frozenset({"ALLY_OF", "CRITIC_OF", "RIVAL_OF"})
DOMESTIC: frozenset[str] = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "PTY"})
"""Sectors of a body that belongs to one country (not rebels, media, business, NGOs)."""
Affiliation = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class SectorTable:
    kinds: dict[str, str]
    roles: dict[str, str]
    words: dict[str, str]


@lru_cache(maxsize=1)
def sector_table() -> SectorTable:
    data = data_file("sectors.json")
    return SectorTable(kinds=data["kinds"], roles=data["roles"], words=data["words"])


def _suffix_sector(words: list[str], table: dict[str, str]) -> str | None:
    """The sector of the longest entry that ends `words` ("foreign minister" → minister)."""
    lowered = [w.lower() for w in words]
    for size in range(min(4, len(lowered)), 0, -1):
        found = table.get(" ".join(lowered[-size:]))
        if found:
            return found
    return None


def _name_sector(name: str) -> str | None:
    """The sector an organisation's own name words tell ("Ministry of Defence" → GOV)."""
    words = name.lower().split()
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            found = sector_table().words.get(" ".join(words[start : start + size]))
            if found:
                return found
    return None


def known_affiliation(mention: Mention, gazetteer: Gazetteer | None = None) -> Affiliation:
    """What the gazetteer and the name itself say of an actor, before any role is read."""
    gazetteer = gazetteer or load_gazetteer()
    if mention.type == "PERSON":
        return None, None
    known = gazetteer.lookup(mention.name)
    if known is not None and mention.type in ("LOC", "FAC"):
        return (gazetteer.code(known.country) if known.country else None), None
    if known is not None:
        code = gazetteer.code(known.country) if known.country else None
        if known.kind in (COUNTRY, DEMONYM):
            return code, None
        if known.kind == CAPITAL:
            return code, "GOV" if known.type == "GPE" else None
        return code, sector_table().kinds.get(known.kind)
    if mention.type in ("GPE", "LOC") and mention.name in gazetteer.regions:
        return gazetteer.regions[mention.name], None
    if mention.type not in ("ORG", "NORP"):
        return None, None
    return _named_place(mention.name.split(), gazetteer), _name_sector(mention.name)


def _named_place(words: list[str], gazetteer: Gazetteer) -> str | None:
    """The country an organisation's own name places it in: a country, demonym or region
    among its words ("Turkish Armed Forces", "Unity Party of America", "Florida Department
    of Transportation"), the longest first."""
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            if size == len(words):
                continue
            part = " ".join(words[start : start + size])
            known = gazetteer.lookup(part, exact=True)
            if known is not None and known.kind in (COUNTRY, DEMONYM) and known.country:
                return gazetteer.code(known.country)
            if part in gazetteer.regions:
                return gazetteer.regions[part]
    return None


def _role_sector(triple: Triple, target: Affiliation, state: bool) -> str | None:
    role = triple.relation.role or triple.relation.text
    found = _suffix_sector(role.split(), sector_table().roles)
    if found:
        return found
    if target[1]:
        return target[1]
    return "GOV" if state else None


def located(actors: list[Actor]) -> dict[str, str]:
    """Places the text itself locates: "El Paso, Texas", "Gdańsk, Poland" put the city in
    the country of the region or state named right after it."""
    gazetteer = load_gazetteer()
    found: dict[str, str] = {}
    by_start = {actor.span.start: actor for actor in actors}
    for actor in actors:
        span = actor.span
        if actor.mention.type not in ("GPE", "LOC") or span.end + 1 >= len(span.doc):
            continue
        after = by_start.get(span.end + 1)
        if span.doc[span.end].text != "," or after is None:
            continue
        country, _ = known_affiliation(after.mention, gazetteer)
        if country and not known_affiliation(actor.mention, gazetteer)[0]:
            found.setdefault(actor.mention.id, country)
    return found


def affiliations(
    triples: list[Triple], mentions: list[Mention], places: dict[str, str] | None = None
) -> dict[str, Affiliation]:
    """Country and sector by actor id for one article's actors; `places` are countries the
    text gave places (`located`)."""
    gazetteer = load_gazetteer()
    found: dict[str, Affiliation] = {}
    for mention in [*mentions, *(m for t in triples for m in (t.subject, t.object))]:
        if mention.id in found:
            continue
        if mention.country or mention.sector:
            found[mention.id] = (mention.country, mention.sector)
        elif places and mention.id in places:
            found[mention.id] = (places[mention.id], None)
        else:
            found[mention.id] = known_affiliation(mention, gazetteer)
    _own_bodies(found, mentions, [m for t in triples for m in (t.subject, t.object)])
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    sectors: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for triple in _people_last(triples):
        holder, target = triple.subject, triple.object
        if (
            triple.relation.quad_class != 0
            or triple.relation.type in NOT_AFFILIATION
            or holder.type != "PERSON"
            or holder.country
        ):
            continue
        country = found[target.id][0] or (
            countries_of(target.id, countries) if target.type == "PERSON" else None
        )
        if not country:
            continue
        state = target.type == "GPE"
        countries[holder.id][country] += 1
        sector = _role_sector(triple, found[target.id], state)
        if sector:
            sectors[holder.id][country][sector] += 1
    for holder_id, votes in countries.items():
        country = min(votes, key=lambda code: (-votes[code], code))
        by_sector = sectors[holder_id][country]
        sector = min(by_sector, key=lambda s: (-by_sector[s], s)) if by_sector else None
        found[holder_id] = (country, sector)
    return found


def _own_bodies(
    found: dict[str, Affiliation], mentions: list[Mention], related: list[Mention]
) -> None:
    """A country's own body named without its country takes the country the article is
    about:
    - "the Senate" the gazetteer knows only as the "US Senate" is it when the article names
      the United States most;
    - a party, legislature, ministry, court, army or police force the gazetteer does not
      know ("the Green Party", "the Assembly") is of the country when the article is about
      one country: it names it at least twice and makes up two thirds of the countries it
      names. An article about several countries leaves such a body unplaced."""
    gazetteer = load_gazetteer()
    named = Counter(
        found[m.id][0] for m in mentions if m.type == "GPE" and found.get(m.id, (None,))[0]
    )
    if not named:
        return
    top = min(named, key=lambda code: (-named[code], code))
    about_one = named[top] >= 2 and named[top] * 3 >= 2 * sum(named.values())
    for mention in [*mentions, *related]:
        country, sector = found.get(mention.id, (None, None))
        if mention.type != "ORG" or country:
            continue
        for known in gazetteer.bodies().get(mention.name, []):
            if gazetteer.code(known.country) == top:
                found[mention.id] = (top, sector_table().kinds.get(known.kind))
                break
        else:
            if about_one and sector in DOMESTIC:
                found[mention.id] = (top, sector)


def _people_last(triples: list[Triple]) -> list[Triple]:
    """Roles of bodies and states first, so a role of a person ("Trump's lawyer") can take
    the country that person's own roles gave."""
    return sorted(triples, key=lambda t: t.object.type == "PERSON")


def countries_of(person: str, countries: dict[str, Counter[str]]) -> str | None:
    votes = countries.get(person)
    return min(votes, key=lambda code: (-votes[code], code)) if votes else None


def _with(mention: Mention, found: dict[str, Affiliation]) -> Mention:
    country, sector = found.get(mention.id, (None, None))
    if (country, sector) == (mention.country, mention.sector):
        return mention
    return replace(mention, country=country, sector=sector)


def attribute(
    triples: list[Triple], mentions: list[Mention], places: dict[str, str] | None = None
) -> tuple[list[Triple], list[Mention]]:
    """The article's triples and mentions with each actor's country and sector set."""
    found = affiliations(triples, mentions, places)
    return (
        [
            replace(t, subject=_with(t.subject, found), object=_with(t.object, found))
            for t in triples
        ],
        [_with(m, found) for m in mentions],
    )
