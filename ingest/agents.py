"""Generic agents ("a Tunisian court", "Syrian rebels", "US activists"), named by their
sector and country.

News names most actors by what they are and whom they act for, not by name. ICEWS names
such an actor by its sector and country, "Judiciary (Tunisia)", so events roll up to states
and the same agent gets the same id in every article. The nouns and their sectors live in
data/agents.tsv; the country and sector of a gazetteer actor come from
`affiliation.gazetteer_affiliation`, the one place that reads them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from polgraph.ingest.actors import Actor, data_file, person_descriptors
from polgraph.ingest.affiliation import clear_winner, gazetteer_affiliation, known_affiliation
from polgraph.ingest.gazetteer import COUNTRY, DEMONYM, Gazetteer, Known, load_gazetteer
from polgraph.ingest.records import SECTORS, Mention, entity_id

AGENTS_FILE = "agents.tsv"
AGENT_TYPE = "ORG"
# "Kenyan police", "US activists". A possessor ("Russia's ambassador") stays the country the
# thing belongs to, read through `via` as every possessive is.
COUNTRY_MODIFIERS = frozenset({"amod", "compound", "nmod"})
# A noun inside a name the model tagged ("the Syrian Democratic Forces") is part of that name.
# "Labour MPs", "G8 ministers", "Kremlin officials": members named by the body they serve
# act for that body.
BODY_KINDS = frozenset({"party", "international", "seat", "agency", "ministry", "parliament"})
COUNTRY_KINDS = frozenset({COUNTRY, DEMONYM})
BODY_SECTORS = frozenset({"LEG", "GOV", "CVL", "OPP", "MIL"})
NAMED = frozenset({"ORG", "PERSON", "FAC", "GPE", "WORK_OF_ART", "EVENT", "LAW"})
# "MPs", "MSPs": the plural of an acronym, which the tagger calls a singular or proper noun.
ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
OPPOSITION = "opposition"
# Bodies of a state that news names by the country alone ("the junta", "the police").
NATIONAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "OPP", "COP"})
# The fourth column of agents.tsv: civilians named by what they do where the news is.
CROWD = "crowd"


@dataclass(frozen=True, slots=True)
class Agent:
    """What an agent noun names: its sector code and that sector's label, the first half of
    the ICEWS-style name ("Judiciary" of "Judiciary (Tunisia)")."""

    name: str
    sector: str
    after: str = ""
    """A modifier the noun needs to name the agent: "figures" name no one, "opposition
    figures" the opposition."""
    crowd: bool = False
    """Civilians news names by what they do in the country it reports on ("protesters",
    "voters"): bare, they are that country's people, as its police are its police."""

    @property
    def national(self) -> bool:
        """Whether, bare and definite ("the government", "the police", "protesters"), the
        noun names the body or the people of the country the article is about: a state's
        own bodies do, and its crowds; companies, media or "the public" are as often
        another country's."""
        return self.sector in NATIONAL_SECTORS or self.crowd


def parse_agents(text: str) -> dict[str, Agent]:
    """Read the agents table; a sector outside records.SECTORS stops loading with its row."""
    table: dict[str, Agent] = {}
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for number, line in enumerate(rows[1:], 2):
        noun, sector, *rest = line.split("\t")
        if sector not in SECTORS:
            raise ValueError(f"{AGENTS_FILE} row {number}: unknown sector {sector!r}")
        after, kind = (rest + ["", ""])[:2]
        if kind not in ("", CROWD):
            raise ValueError(f"{AGENTS_FILE} row {number}: unknown kind {kind!r}")
        table.setdefault(noun, Agent(SECTORS[sector], sector, after, kind == CROWD))
    return table


@lru_cache(maxsize=1)
def agent_nouns() -> dict[str, Agent]:
    text = resources.files("polgraph.ingest").joinpath("data", AGENTS_FILE).read_text("utf-8")
    return parse_agents(text)


def plural(token: Token) -> bool:
    """ "ministers", and "MPs" however the tagger tags an acronym's plural."""
    return token.tag_ in ("NNS", "NNPS") or ACRONYM_PLURAL.fullmatch(token.text) is not None


def agent_noun(token: Token) -> Agent | None:
    """The agent a noun names. Members of a body qualified as its opposition ("Opposition
    MPs", "opposition lawmakers", "opposition figures") are the Opposition."""
    if token.pos_ != "NOUN" and not (
        token.pos_ == "PROPN" and ACRONYM_PLURAL.fullmatch(token.text)
    ):
        return None
    table = agent_nouns()
    agent = table.get(token.lemma_.lower()) or table.get(token.lower_)
    if agent is None:
        return None
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    if agent.after and agent.after not in modifiers:
        return None
    if OPPOSITION in modifiers and agent.sector != "OPP":
        return Agent(SECTORS["OPP"], "OPP")
    return agent


def demonym_votes(doc: Doc, gazetteer: Gazetteer, skip: Container[int] = ()) -> Counter[str]:
    """One vote per nationality adjective ("a British minister") for its country, by ISO
    alpha-3 code; tokens in `skip` (already read as names) do not vote."""
    votes: Counter[str] = Counter()
    for token in doc:
        if token.pos_ == "ADJ" and token.is_title and token.i not in skip:
            known = gazetteer.lookup(token.text, exact=True)
            code = gazetteer.code(known.country) if known and known.kind == DEMONYM else None
            if code:
                votes[code] += 1
    return votes


def home_country(doc: Doc, names: dict[int, Actor]) -> Mention | None:
    """The country the article is about. First by what it says of states: each country,
    place and generic agent it names, and each nationality adjective. Failing a clear
    winner there, each other actor the gazetteer places votes too (a party, an
    institution): "Labour" and "the Commons" vote for the United Kingdom, which a British
    article seldom names, while a Canadian article that names Canada is not outvoted by a
    "Conservative Party" the gazetteer files under Britain. A winner needs two votes and
    more than half of all: an article about several countries has no home, and its bare
    "ministers" or "opposition figures" stay unread."""
    gazetteer = load_gazetteer()
    states: Counter[str] = Counter()
    bodies: Counter[str] = Counter()
    for actor in {a.span.start: a for a in names.values()}.values():
        mention = actor.mention
        code = mention.country or known_affiliation(mention, gazetteer)[0]
        if code:
            (states if mention.country or mention.type == "GPE" else bodies)[code] += 1
    states += demonym_votes(doc, gazetteer, names)
    code = clear_winner(states) or clear_winner(states + bodies)
    name = next((n for n, c in gazetteer.codes.items() if c == code), None) if code else None
    known = gazetteer.lookup(name, exact=True) if name else None
    if code is None or known is None or known.kind != COUNTRY:
        return None
    return Mention(entity_id(known.name), known.name, known.name, known.type, code, None)


def _modifier_words(modifier: Token) -> Span:
    """ "United States" in "United States officials": the modifier with its compounds."""
    start = modifier.i
    for child in modifier.lefts:
        if child.dep_ == "compound" and child.i == start - 1:
            start = child.i
    return modifier.doc[start : modifier.i + 1]


def _conjuncts(token: Token) -> Iterator[Token]:
    yield token
    for child in token.children:
        if child.dep_ == "conj":
            yield from _conjuncts(child)


def country_modifiers(
    noun: Token, gazetteer: Gazetteer, kinds: frozenset[str] = COUNTRY_KINDS
) -> list[tuple[Span, Known]]:
    """The countries (or other `kinds` of gazetteer actor) a noun's modifiers name:
    "Tunisian", "US and British", "refugees from Afghanistan", "Labour". A country before
    the noun says whose they are, and a "from" after it is then where they are: "UK
    citizens from Ivory Coast" are British."""
    before: list[tuple[Span, Known]] = []
    after: list[tuple[Span, Known]] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "from" and kinds == COUNTRY_KINDS:
            modifiers = [m for p in child.children if p.dep_ == "pobj" for m in _conjuncts(p)]
            found = after
        elif child.dep_ in COUNTRY_MODIFIERS and child.i < noun.i:
            modifiers = list(_conjuncts(child))
            found = before
        else:
            continue
        for modifier in modifiers:
            words = _modifier_words(modifier)
            known = gazetteer.lookup(words.text, exact=True)
            if known is not None and known.kind in kinds:
                found.append((words, known))
    return before or after


def country_mention(words: Span, known: Known) -> Mention:
    """The country a demonym or country name stands for, written as `words`."""
    code, _ = gazetteer_affiliation(known)
    return Mention(entity_id(known.name), known.name, words.text, known.type, code, None)


def _one_person(noun: Token) -> bool:
    """ "A senior French diplomat said ... Jean Moreau, the envoy": one person the article
    names, left to coreference, as is a title before a name ("Republican senator Rand
    Paul"); "French diplomats" are an agent."""
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        return True
    return noun.tag_ == "NN" and noun.lemma_.lower() in person_descriptors()


def body_mention(span: Span, known: Known) -> Mention:
    """ "Labour MPs", "G8 ministers": members acting for their party or body are that body."""
    code, sector = gazetteer_affiliation(known)
    return Mention(entity_id(known.name), known.name, span.text, known.type, code, sector)


@dataclass(frozen=True, slots=True)
class Blocs:
    """data/blocs.json: bloc adjectives ("european" → Europe) and the nouns for a bloc's
    states or leaders."""

    names: dict[str, str]
    members: frozenset[str]


@lru_cache(maxsize=1)
def blocs() -> Blocs:
    data = data_file("blocs.json")
    return Blocs(data["blocs"], frozenset(data["members"]))


def bloc_members(noun: Token) -> tuple[Span, list[Mention]] | None:
    """ "European countries", "Western and Arab governments", "African leaders": the states
    of a region or bloc acting together are that bloc, an actor of its own (GPE, with no
    country). Only a plural: "a European country" is one the text does not name."""
    table = blocs()
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in table.members or not plural(noun):
        return None
    found: list[tuple[Token, str]] = []
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.i < noun.i:
            for modifier in _conjuncts(child):
                if modifier.lower_ in table.names:
                    found.append((modifier, table.names[modifier.lower_]))
    if not found:
        return None
    span = noun.doc[min(token.i for token, _ in found) : noun.i + 1]
    mentions = {name: Mention(entity_id(name), name, span.text, "GPE") for _, name in found}
    return span, list(mentions.values())


def _named_by_modifiers(ent: Span | None, noun: Token, found: list[tuple[Span, Known]]) -> bool:
    """ "Tory MPs", "Kenyan police" tagged as one name: a tagged span that is nothing but
    the agent noun and the modifiers read as countries or bodies names the agent, not an
    actor of its own; "the Syrian Democratic Forces" has words that are neither."""
    if ent is None:
        return True
    covered = {token.i for words, _ in found for token in words}
    return ent.end - 1 == noun.i and all(
        token.i in covered or token.pos_ in ("DET", "NUM", "CCONJ", "PUNCT") for token in ent[:-1]
    )


def _body_countries(
    bodies: list[tuple[Span, Known]], gazetteer: Gazetteer
) -> list[tuple[Span, Known]]:
    """ "Labour voters", "Congress supporters' rivals": a crowd named by the party it votes
    for is not that party but the people of the party's country."""
    found: list[tuple[Span, Known]] = []
    for words, body in bodies:
        country = gazetteer.lookup(body.country, exact=True) if body.country else None
        if country is not None and country.kind == COUNTRY:
            found.append((words, country))
    return found


def generic_agents(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[Span, list[Mention]]]:
    """Every agent noun with a country modifier, as the span from the first modifier to
    the noun and one mention per country ("US and British activists" are two actors), and
    the states of a bloc ("European countries": `bloc_members`)."""
    named = {token.i: ent for ent in doc.ents if ent.label_ in NAMED for token in ent}
    for noun in doc:
        ent = named.get(noun.i)
        group = bloc_members(noun) if ent is None else None
        if group is not None:
            yield group
            continue
        agent = agent_noun(noun)
        if agent is None or _one_person(noun) or (ent is not None and ent.end - 1 != noun.i):
            continue
        bodies = country_modifiers(noun, gazetteer, BODY_KINDS)
        if bodies and agent.sector in BODY_SECTORS and not agent.crowd:
            if _named_by_modifiers(ent, noun, bodies):
                span = doc[min(words.start for words, _ in bodies) : noun.i + 1]
                yield span, [body_mention(span, known) for _, known in bodies]
            continue
        countries = _body_countries(bodies, gazetteer) or country_modifiers(noun, gazetteer)
        if not countries or not _named_by_modifiers(ent, noun, countries):
            continue
        start = min(noun.i, *(words.start for words, _ in countries))
        span = doc[start : max(noun.i, *(words.end - 1 for words, _ in countries)) + 1]
        mentions: dict[str, Mention] = {}
        for _, known in countries:
            name = f"{agent.name} ({known.name})"
            code, _ = gazetteer_affiliation(known)
            mention = Mention(entity_id(name), name, span.text, AGENT_TYPE, code, agent.sector)
            mentions.setdefault(mention.id, mention)
        yield span, list(mentions.values())
