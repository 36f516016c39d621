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

from spacy.tokens import Token

from polgraph.ingest.actors import Actor, data_file, role_table_nouns
from polgraph.ingest.gazetteer import (
    CAPITAL,
    COUNTRY,
    DEMONYM,
    SEAT,
    Gazetteer,
    Known,
    load_gazetteer,
)
from polgraph.ingest.records import Mention, Triple

NOT_AFFILIATION: frozenset[str] = frozenset({"ALLY_OF", "CRITIC_OF", "RIVAL_OF"})
DOMESTIC: frozenset[str] = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "PTY", "EDU"})
"""Sectors of a body of one country that news names without it: a state's institutions and
its universities (not rebels, media, business, NGOs, which as often act abroad)."""
LOCAL: frozenset[str] = frozenset({"GOV", "LEG", "JUD", "COP", "EDU"})
"""Sectors of a body a city can have of its own (a council, police force, university)."""
Affiliation = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class SectorTable:
    kinds: dict[str, str]
    roles: dict[str, str]
    words: dict[str, str]
    generic: frozenset[str]
    private: frozenset[str]


@lru_cache(maxsize=1)
def sector_table() -> SectorTable:
    data = data_file("sectors.json")
    return SectorTable(
        kinds=data["kinds"],
        roles=data["roles"],
        words=data["words"],
        generic=frozenset(data["generic"]),
        private=frozenset(data["private"]),
    )


def _suffix_entry(words: list[str], table: dict[str, str]) -> str | None:
    """The longest entry that ends `words` ("foreign minister" → minister)."""
    lowered = [w.lower() for w in words]
    for size in range(min(4, len(lowered)), 0, -1):
        phrase = " ".join(lowered[-size:])
        if phrase in table:
            return phrase
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


def gazetteer_affiliation(known: Known, gazetteer: Gazetteer | None = None) -> Affiliation:
    """Country code and sector of an actor the gazetteer knows: a country stands for
    itself, a capital used for its government is that government's, an institution is of
    the country it sits in, in the sector its kind says."""
    code = (gazetteer or load_gazetteer()).code(known.country) if known.country else None
    if known.kind in (COUNTRY, DEMONYM):
        return code, None
    if known.kind == CAPITAL:
        return code, "GOV" if known.type == "GPE" else None
    return code, sector_table().kinds.get(known.kind)


def known_affiliation(mention: Mention, gazetteer: Gazetteer | None = None) -> Affiliation:
    """What the gazetteer and the name itself say of an actor, before any role is read. An
    organisation the entity step resolved carries the gazetteer's own name; one it left
    unmapped under an alias ("House of Representatives" written as Nigeria's, "Democrats"
    in a British article) is not looked up again under that alias."""
    gazetteer = gazetteer or load_gazetteer()
    if mention.type == "PERSON":
        return None, None
    known = gazetteer.lookup(mention.name)
    if known is not None and mention.type in ("ORG", "NORP") and known.name != mention.name:
        known = None
    if known is not None and mention.type in ("LOC", "FAC"):
        return gazetteer_affiliation(known, gazetteer)[0], None
    if known is not None:
        return gazetteer_affiliation(known, gazetteer)
    if mention.type in ("GPE", "LOC"):
        return _place(mention.name, gazetteer), None
    if mention.type not in ("ORG", "NORP"):
        return None, None
    sector = _name_sector(mention.name)
    return _named_place(mention.name, gazetteer, sector), sector


def _place(name: str, gazetteer: Gazetteer) -> str | None:
    """The country of a region or city ("Ohio", "Houston", "Davao City")."""
    found = gazetteer.place(name)
    if found is None and name.endswith(" City"):
        found = gazetteer.place(name.removesuffix(" City"))
    return found


def _named_place(name: str, gazetteer: Gazetteer, sector: str | None) -> str | None:
    """The country an organisation's own name places it in, the longest part first, and a
    country before a region ("Unity Party of America" is of America, not of Unity State):
    - a country, demonym or region among its words ("Turkish Armed Forces", "Unity Party of
      America", "Florida Department of Transportation");
    - a capital, seat of power or national agency the gazetteer places ("Abu Dhabi TV",
      "NASA Jet Propulsion Laboratory");
    - a city after "of", "at" or "in" ("University of Toronto"), or first in the name of a
      local body whose sector its words tell ("Toronto Police Service"); a city's name
      elsewhere in a name is as likely a person's or a word ("Independence Party").
    A name that is nothing but a region is the body governing it ("Ohio" tagged as an
    organisation); a city's name alone is not, as many are words too ("Corona")."""
    words = name.split()
    if name in gazetteer.regions:
        return gazetteer.regions[name]
    parts = [
        " ".join(words[start : start + size])
        for size in (3, 2, 1)
        for start in range(len(words) - size + 1)
        if size < len(words)
    ]
    for part in parts:
        known = gazetteer.lookup(part, exact=True)
        if known is not None and known.country and _places_a_name(part, known):
            return gazetteer.code(known.country)
    for part in parts:
        if part in gazetteer.regions:
            return gazetteer.regions[part]
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start : start + size])
            if part not in gazetteer.cities or size == len(words):
                continue
            after_preposition = start > 0 and words[start - 1] in ("of", "at", "in")
            local_body = start == 0 and sector in LOCAL
            if after_preposition or local_body:
                return gazetteer.cities[part]
    return None


def _places_a_name(part: str, known: Known) -> bool:
    """Whether a gazetteer entry inside a longer name places the whole: a country, demonym,
    capital or seat, or a national agency written as its acronym ("NASA Jet Propulsion
    Laboratory"). A body's bare word is not enough: "Congress" in "African National
    Congress" is no United States Congress."""
    if known.kind in (COUNTRY, DEMONYM, CAPITAL, SEAT):
        return True
    return known.kind == "agency" and part.isupper() and len(part) >= 3


def _role_sector(triple: Triple, target: Affiliation, state: bool) -> str | None:
    """The sector of a role follows the body it is of. A title says it of a state or a
    person ("Russian lawmaker" → LEG, "Merkel's spokesperson" → GOV), and an office of a
    state is a government one by default. Titles held in bodies of every kind (president,
    spokesperson, director general: `generic`) take the body's sector ("spokesperson for
    the Indonesian National Police" → COP), and none when the body's is unknown (the
    president of an association or a company the text does not describe); other titles
    keep their own ("journalist" → MED, "governor" → GOV, "professor" → EDU). The chief
    executive of a state runs its government, not a business; words naming a private
    person ("Ohio man", "a Toronto lawyer": `private`) give no sector, nor does a noun
    of no office ("French inventor", "conservative activist") before a state's name."""
    role = triple.relation.role or triple.relation.text
    table = sector_table()
    if role.split() and role.split()[-1].lower() in table.private:
        return None
    entry = _suffix_entry(role.split(), table.roles)
    found = table.roles[entry] if entry else None
    if state:
        if (
            found is None
            and role.split()[-1:] != []
            and (role.split()[-1].lower() not in role_table_nouns())
        ):
            return None
        return "GOV" if found in (None, "BUS") else found
    if triple.object.type == "PERSON":
        return found
    if entry is None or entry in table.generic:
        return target[1]
    return found


def located(actors: list[Actor]) -> dict[str, str]:
    """Places and organisations the text itself locates, by actor id:
    - "El Paso, Texas", "Gdańsk, Poland" put the city in the country of the region or state
      named right after it;
    - "Australia's Griffith University" puts the organisation in the place that owns it;
    - "Acme, a Paris-based company", "Texas-based Acme", "Acme, based in Houston" put it
      where it is based, and "a lodge near Pretoria" where it stands.
    What the gazetteer or the name itself says comes first (`affiliations`)."""
    gazetteer = load_gazetteer()
    found: dict[str, str] = {}
    by_start = {actor.span.start: actor for actor in actors}
    at = {i: actor for actor in actors for i in range(actor.span.start, actor.span.end)}
    for actor in actors:
        span = actor.span
        if actor.mention.type == "ORG":
            country = _owner_place(actor, at, gazetteer)
            if country:
                found.setdefault(actor.mention.id, country)
        if actor.mention.type not in ("GPE", "LOC") or span.end + 1 >= len(span.doc):
            continue
        after = by_start.get(span.end + 1)
        if span.doc[span.end].text != "," or after is None:
            continue
        country, _ = known_affiliation(after.mention, gazetteer)
        if country and not known_affiliation(actor.mention, gazetteer)[0]:
            found.setdefault(actor.mention.id, country)
    if actors:
        for token in actors[0].span.doc:
            if token.lower_ == "based":
                _based(token, at, gazetteer, found)
            elif token.lower_ == "near" and token.dep_ == "prep":
                _near(token, at, gazetteer, found)
    return found


def _near(token: Token, at: dict[int, Actor], gazetteer: Gazetteer, found: dict[str, str]) -> None:
    """ "a lodge near Pretoria": an organisation near a place is in that place's country."""
    owner = at.get(token.head.i)
    if owner is None or owner.mention.type != "ORG":
        return
    for pobj in token.children:
        country = _place_of(at.get(pobj.i), gazetteer) if pobj.dep_ == "pobj" else None
        if country:
            found.setdefault(owner.mention.id, country)


def _place_of(actor: Actor | None, gazetteer: Gazetteer) -> str | None:
    """The country of a place actor, or of the state a place is."""
    if actor is None or actor.mention.type not in ("GPE", "LOC"):
        return None
    return known_affiliation(actor.mention, gazetteer)[0]


def _owner_place(actor: Actor, at: dict[int, Actor], gazetteer: Gazetteer) -> str | None:
    """ "Australia's Griffith University", "the United States' Centers for Disease Control":
    a place in the possessive before an organisation's name."""
    for child in actor.span.root.children:
        if child.dep_ == "poss" and child.i < actor.span.start:
            return _place_of(at.get(child.i), gazetteer)
    return None


def _based(token: Token, at: dict[int, Actor], gazetteer: Gazetteer, found: dict[str, str]) -> None:
    """ "Paris-based" or "based in Houston" said of an organisation, or of the noun that
    stands for it ("Acme, a Paris-based company", "the Texas-based firm Acme"), when the
    name stands next to it (a parse may hang "and Denmark-based Acme" on the wrong noun)."""
    doc = token.doc
    place: Actor | None = None
    if token.i >= 2 and doc[token.i - 1].text == "-":
        place = at.get(token.i - 2)
    else:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                place = next((at.get(p.i) for p in prep.children if p.dep_ == "pobj"), None)
    country = _place_of(place, gazetteer)
    if not country:
        return
    noun = token.head
    candidates = [noun, *(c for c in noun.children if c.dep_ == "appos")]
    if noun.dep_ in ("appos", "compound"):
        candidates.append(noun.head)
    if noun.dep_ == "attr":
        candidates.extend(c for c in noun.head.children if c.dep_ == "nsubj")
    for candidate in candidates:
        owner = at.get(candidate.i)
        near = owner is not None and (
            0 < owner.span.start - token.i <= 4 or 0 <= token.i - owner.span.end <= 6
        )
        if near and owner.mention.type == "ORG" and owner is not place:
            found.setdefault(owner.mention.id, country)
            return


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
            continue
        country, sector = known_affiliation(mention, gazetteer)
        if not country and places and mention.id in places:
            country = places[mention.id]
        found[mention.id] = (country, sector)
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
        country = most_named(votes)
        by_sector = sectors[holder_id][country]
        sector = most_named(by_sector) if by_sector else None
        found[holder_id] = (country, sector)
    return found


def most_named(votes: Counter[str]) -> str:
    """The value with the most votes, ties going to the first in order, so a re-run picks
    the same one whatever order the votes came in."""
    return min(votes, key=lambda value: (-votes[value], value))


def clear_winner(votes: Counter[str], share: float = 0.5) -> str | None:
    """The country with at least two votes and more than `share` of all, if one has."""
    ranked = votes.most_common(1)
    if not ranked or ranked[0][1] < 2 or ranked[0][1] <= share * sum(votes.values()):
        return None
    return ranked[0][0]


def _own_bodies(
    found: dict[str, Affiliation], mentions: list[Mention], related: list[Mention]
) -> None:
    """A country's own body named without its country takes the country the article is
    about, by a vote of the states and places it names; failing a clear winner there, of
    every actor it names with a country (a British article seldom names the United
    Kingdom, but "Labour" and "the Home Office" vote for it, while a Canadian article
    that names Canada is not outvoted by a "Conservative Party" filed under Britain):
    - "the Senate" the gazetteer knows only as the "US Senate" is it when the article names
      the United States most;
    - a party, legislature, ministry, court, army, police force or university the
      gazetteer does not know ("the Green Party", "the Assembly", "Howard University") is
      of the country when the article is about one country: it names it at least twice and
      makes up two thirds of the countries it names. An article about several countries
      leaves such a body unplaced."""
    gazetteer = load_gazetteer()
    states = Counter(
        found[m.id][0] for m in mentions if m.type == "GPE" and found.get(m.id, (None,))[0]
    )
    everyone = Counter(found[m.id][0] for m in mentions if found.get(m.id, (None,))[0])
    named = (
        everyone if clear_winner(everyone, 2 / 3) and not clear_winner(states, 2 / 3) else states
    )
    if not named:
        return
    top = most_named(named)
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
    return most_named(votes) if votes else None


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
