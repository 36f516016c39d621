"""Name repair: the words of an actor span made into a name an analyst accepts, or dropped.

NER spans carry the debris of the text around them: editorial brackets ("[Bashir al]
Assad"), a sentence's full stop ("Morning Joe."), the body a person sits in ("House Nancy
Pelosi"), and spans that name no actor at all (a storm, a distance, a coral species).
Repairs run before resolution, so the repaired name is the one the gazetteer and the
surname rules see. Each repair is a named rule: the written form stays as the alias, and
`explain()` tells which rules turn it into the name, for `polgraph entities`.

Rules (docs/data-model.md, "Name repair"):
- `editorial_brackets`: square brackets and unbalanced parentheses are removed;
- `trailing_punctuation`: a final full stop, comma, colon or dash goes, unless it ends an
  abbreviation ("U.S.", "Jr."), and so does a table's stray bar at either end ("Boris
  Johnson-" of "Boris Johnson-led");
- `title_split`: a person's name that begins with the words of a body or title ("House",
  "Senate Majority Leader", "Kerala CM") or a military rank ("Field Marshal") keeps only
  the personal name after them, one word of it when a title comes right before ("VP
  Lorne"), not a rank ("Major Garrett" may be a name), also after a party, body or
  political family ("Green MEP Caroline Lucas"); so does one that begins with a
  place run into a personal name, after "<title> of" or before a given name ("First
  Minister of Scotland Nicola Sturgeon" tagged as "Scotland Nicola Sturgeon"), and one
  that begins with one word the gazetteer knows as a body, party or outlet before a
  given name ("Tory Liam Fox", "NPR Hamza bin Laden"), which becomes an actor of its own;
- `quantity` (dropped): a number followed by a unit ("Humberto 75 miles");
- `weather_system` (dropped): a name written after a storm word anywhere in the document
  ("Hurricane Humberto", then "Humberto");
- `species` (dropped): a binomial, a capitalised word and a lower-case one that is no name
  particle ("Acropora millepora");
- `trailing_word`: a lower-case function word the span ran on into goes ("Ontario
  for"), and so does a participle hyphened to its last word ("Michael Grant-led");
- `document` (dropped): the name of a law, treaty or paper ("White Paper", "Coastal
  Fisheries Act", "the Bill" even when tagged as a person), which no relation has as an
  actor (docs/eval.md);
- `abstraction` (dropped): a process, disease or technology news writes like a name
  ("Brexit", "COVID-19"), a person's name with one in it ("COVID Melbourne" of "Post
  COVID Melbourne will see"), and one word naming a doctrine by its "-ism" ("Zionism");
- `numbered_place` (dropped): a place or nationality with a digit in it, which no place
  name has ("T20", "Running Point Season 1", "77th Republic Day");
- `spaced_dash`: a dash with spaces round it ends the name: what follows is a tagline or
  another item of a list of links ("Daily Ledger - The Voice of the Valley");
- `headline` (dropped): an opening curly quotation mark after the first word of a span not
  tagged as a person: a headline or a title with a quoted phrase run together ("Streamline
  News ‘A Quiet Town");
- `not_a_name` (dropped): a one-word span of a closed word class ("It", "Definitely");
- `agent_noun` (dropped): a one-word span that is the plural of an agent noun written as an
  acronym ("MPs", "MSPs"): a group, which agents.py and coreference read with its country;
- `role_acronym` (dropped): a one-word span that is a role noun or title written as an
  acronym ("MEP", "PM"): the title of the name beside it, or of the one coreference finds;
- `time_zone` (dropped): a time zone's abbreviation ("7:49 a.m. UTC", "(1700 GMT)"), alone
  or with the clock time it follows;
- `faith` (dropped): a span made of the word for the followers of a religion ("Muslim",
  "ex-Muslims", "Christians"), whatever the model tagged it: a group with no country or
  sector, which is no actor (the surname of a person the document names in full, "Louise
  Christian", stays); so is a religion or its god named alone ("Islam", "Allah");
- `question_auxiliary`: an auxiliary opening a question goes ("Will Red Hat" of "Will Red
  Hat drop it?");
- `imperative` (dropped): a span that opens its sentence with a verb in the base form that
  is no given name: a command or a slogan ("Make Melbourne a digital city"), not a name.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from polgraph.ingest.actors import data_file, portfolios, role_table_nouns
from polgraph.ingest.agents import ACRONYM_PLURAL, agent_nouns
from polgraph.ingest.coref import first_name_gender
from polgraph.ingest.gazetteer import COUNTRY, DEMONYM, Gazetteer, Known, load_gazetteer

_TRAILING = ".,;:|-\u2013\u2014"
_LEADING = "-\u2013\u2014'\"\u201c\u2018|"
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}|(?:Jr|Sr|Co|Corp|Inc|Ltd|St|Bros|Plc|Mt)\.")
_NUMBER = re.compile(r"\d")
_OPENING_QUOTE = "\u2018\u201c"
_DASHES = ("-", "\u2013", "\u2014")
_INITIAL = re.compile(r"[A-Z]\.?")
_PARTICIPLE = re.compile(r"(.*[A-Za-z])-(?:[a-z]+ed|run|held|built|made|born|won)")
_IDEOLOGY = re.compile(r"[A-Z][a-z]{2,}isms?")


@dataclass(frozen=True, slots=True)
class Words:
    """The word lists of data/names.json."""

    bodies: frozenset[str]
    units: frozenset[str]
    currencies: frozenset[str]
    storms: frozenset[str]
    particles: frozenset[str]
    documents: frozenset[str]
    not_actors: frozenset[str]
    organisations: frozenset[str]
    titles: frozenset[str]
    ranks: frozenset[str]
    closed_class: frozenset[str]
    families: frozenset[str]
    qualifiers: frozenset[str]
    time_zones: frozenset[str]
    faiths: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    data = data_file("names.json")
    return Words(
        bodies=frozenset(data["bodies"]),
        units=frozenset(data["units"]),
        currencies=frozenset(data["currencies"]),
        storms=frozenset(data["storms"]),
        particles=frozenset(data["particles"]),
        documents=frozenset(data["documents"]),
        not_actors=frozenset(data["not_actors"]),
        organisations=frozenset(data["organisations"]),
        titles=frozenset(data["titles"]),
        ranks=frozenset(data["ranks"]),
        closed_class=frozenset(data["closed_class"]),
        families=frozenset(data["families"]),
        qualifiers=frozenset(data["qualifiers"]),
        time_zones=frozenset(data["time_zones"]),
        faiths=frozenset(data["faiths"]),
    )


@dataclass(frozen=True, slots=True)
class Repair:
    """What became of a span: `name` (None when it names no actor), the rules applied, and
    the NER label it takes when a repair shows what it is (a person split off a body)."""

    name: str | None
    rules: tuple[str, ...]
    label: str | None = None


def storm_names(doc: Doc) -> frozenset[str]:
    """Names the document writes after a storm word: "Tropical Storm Humberto" makes
    "Humberto" a weather system wherever it stands in the document."""
    storms = words().storms
    found: set[str] = set()
    for token in doc:
        if token.lower_ not in storms or not token.is_title:
            continue
        following = []
        for nxt in doc[token.i + 1 : token.i + 4]:
            if nxt.lower_ in storms:
                continue
            if not nxt.is_title:
                break
            following.append(nxt.text)
        if following:
            found.add(" ".join(following))
    return frozenset(found)


def _strip_brackets(text: str) -> str:
    """Square brackets mark an editor's words and go; an opening parenthesis never closed
    starts an abbreviation cut off by the span ("World Health Organization (WHO"), which
    goes with it."""
    text = text.replace("[", "").replace("]", "")
    if text.count("(") > text.count(")") and text.rfind("(") > 0:
        text = text[: text.rfind("(")]
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    return " ".join(text.split())


def _strip_punctuation(text: str) -> str:
    text = text.lstrip(_LEADING).strip()
    while text and text[-1] in _TRAILING:
        last = text.split()[-1]
        if text[-1] == "." and _ABBREVIATION.fullmatch(last):
            break
        text = text[:-1].rstrip()
    return text


def common_name(written: str) -> bool:
    """ "Democrats", "Congress", "the Supreme Court": a party or body name any country's
    could have, made only of body words and political families (data/names.json), which
    is one country's only in an article about that country."""
    lists = words()
    generic = lists.bodies | lists.families
    return all(word.lower() in generic for word in written.split())


def title_words() -> frozenset[str]:
    """Role nouns and the abbreviations news writes for titles ("PM", "CM", "VP")."""
    return role_table_nouns() | words().titles


def _bare(word: str) -> str:
    return word.lower().rstrip(".")


def _placed(word: str, gazetteer: Gazetteer) -> bool:
    """A country, nationality or region written before a title ("Kerala CM", "Canada PM")."""
    known = gazetteer.lookup(word, exact=True)
    return (known is not None and known.kind in (COUNTRY, DEMONYM)) or bool(gazetteer.place(word))


def _prefix_end(tokens: list[str], persons: Container[str]) -> int:
    """How many leading words name a body or title rather than the person: the longest
    prefix made of body words, titles, portfolios and connectives (after a place: "Kerala
    CM") that holds at least one body word or title, or one the gazetteer knows as an
    institution or country. A portfolio word alone is the start of an organisation's name
    ("International Monetary Fund", "National Beekeeping Society"), not a title. One word
    the gazetteer knows as a body, party or outlet counts before a given name and a surname
    ("Tory Liam Fox", "NPR Hamza bin Laden"), where the personal name shows where it ends."""
    heads = words().bodies | title_words()
    lists = heads | portfolios() | {"of", "the", "majority"}
    gazetteer = load_gazetteer()
    first = gazetteer.lookup(tokens[0], exact=True) if len(tokens) > 2 else None
    # "Kerala CM", "Tory MP", "Green MEP": a place, a body or a political family before
    # the title is the title's.
    placed = len(tokens) > 2 and (
        _placed(tokens[0], gazetteer)
        or (first is not None and _body(first))
        or _bare(tokens[0]) in words().families
    )
    end = 0
    for size in range(1, len(tokens)):
        prefix = [_bare(word) for word in tokens[:size]]
        if size > 1 and placed:
            prefix = prefix[1:]
        known = gazetteer.lookup(" ".join(tokens[:size]), exact=True)
        if (all(word in lists for word in prefix) and heads.intersection(prefix)) or (
            known is not None
            and (size > 1 or (_body(known) and _personal_start(tokens[1:], persons)))
        ):
            end = size
    while end and tokens[end - 1].lower() in ("of", "the"):
        end -= 1
    return end


def _personal_start(tokens: list[str], persons: Container[str]) -> bool:
    """Two words or more that begin as a personal name does: a known given name ("Liam
    Fox"), an initial ("S. Jaishankar"), or a name the document tags as a person
    elsewhere."""
    name = " ".join(tokens)
    lists = words()
    # "Iranian Chess Federation": a name ending in an organisation's word is no person's.
    if tokens and tokens[-1].lower() in lists.organisations:
        return False
    return len(tokens) > 1 and (
        first_name_gender(name) is not None
        or bool(_INITIAL.fullmatch(tokens[0]))
        or name in persons
    )


def _body(known: Known) -> bool:
    """An organisation the gazetteer knows, not a place standing for its government."""
    return known.type == "ORG" and not known.metonym


def _rank_end(tokens: list[str]) -> int:
    """How many leading words are a military or police rank ("Field Marshal", "Lt Gen"),
    which a person's name is written after but does not keep."""
    ranks = words().ranks
    return max(
        (size for size in range(1, min(4, len(tokens))) if _rank(tokens[:size]) in ranks),
        default=0,
    )


def _rank(tokens: list[str]) -> str:
    return " ".join(_bare(word) for word in tokens)


def _place_end(tokens: list[str], of_title: bool, persons: Container[str]) -> int:
    """How many leading words are a country, nationality or region run into a personal name
    that follows: after "<title> of" ("First Minister of Scotland Nicola Sturgeon"), before
    a given name ("Kenya Martha Karua") or before a name the document tags as a person
    elsewhere ("Vermont Bernie Sanders"), so "Texas Instruments" or "Kenya Airways" stay
    whole."""
    gazetteer = load_gazetteer()
    for size in (2, 1):
        rest = tokens[size:]
        if len(rest) < 2 or not (of_title or _personal_start(rest, persons)):
            continue
        if _placed(" ".join(tokens[:size]), gazetteer):
            return size
    return 0


def _personal(rest: list[str], pos: list[str] | None) -> bool:
    """An organisation span ending in a personal name ("House Nancy Pelosi" tagged ORG):
    the last words are proper nouns that name no body or title ("House Armed Services"
    and "Senate Intelligence Committee" stay whole)."""
    lists = words()
    if pos is None or len(pos) < len(rest):
        return False
    titles = lists.bodies | title_words() | portfolios()
    return all(tag == "PROPN" for tag in pos[-len(rest) :]) and not any(
        _bare(word) in titles for word in rest
    )


def repair_words(
    tokens: list[str],
    label: str,
    pos: list[str] | None = None,
    storms: Iterable[str] = (),
    determined: bool = False,
    of_title: bool = False,
    persons: Container[str] = frozenset(),
) -> Repair:
    """Repair the words of one span. `pos` (the parser's tags, one per word) lets
    `not_a_name` drop a lone adverb; without it only a stop word left by another repair
    ("[I]t") is dropped, since a lone "May" may be a surname. `determined`: the span was
    written after "the", which no personal name is; `of_title`: after "<title> of"
    ("Minister of"), where a place run into a name is the place the title is of;
    `persons`: the names the document tags as persons elsewhere."""
    lists = words()
    rules: list[str] = []
    lowered = [t.lower() for t in tokens]
    for index, token in enumerate(tokens[:-1]):
        if _NUMBER.search(token) and lowered[index + 1] in lists.units:
            return Repair(None, ("quantity",))
    if len(tokens) == 1 and ACRONYM_PLURAL.fullmatch(tokens[0]) and lowered[0] in agent_nouns():
        return Repair(None, ("agent_noun",))
    if len(tokens) == 1 and tokens[0].isupper() and _bare(tokens[0]) in title_words():
        return Repair(None, ("role_acronym",))
    if tokens and tokens[-1] in lists.time_zones and all(_clock(t) for t in tokens[:-1]):
        return Repair(None, ("time_zone",))
    named = [t for t in tokens if t.lower() not in lists.storms]
    if (tokens and lowered[0] in lists.storms and tokens[0].istitle() and len(named) > 0) or (
        named and " ".join(named) in set(storms)
    ):
        return Repair(None, ("weather_system",))
    if (
        len(tokens) == 2
        and tokens[0].istitle()
        and tokens[1].isalpha()
        and tokens[1].islower()
        and lowered[1] not in lists.particles | lists.organisations | lists.bodies
        and len(tokens[1]) > 3
        and load_gazetteer().lookup(" ".join(tokens)) is None
    ):
        return Repair(None, ("species",))
    if label != "PERSON" and any(c in _OPENING_QUOTE for c in "".join(tokens[1:])):
        return Repair(None, ("headline",))
    dash = next((i for i, token in enumerate(tokens) if token in _DASHES), None)
    if dash:
        rules.append("spaced_dash")
        tokens = tokens[:dash]
    text = " ".join(tokens)
    cleaned = _strip_brackets(text)
    if cleaned != text:
        rules.append("editorial_brackets")
        text = cleaned
    cleaned = _strip_punctuation(text)
    if cleaned != text:
        rules.append("trailing_punctuation")
        text = cleaned
    split = text.split()
    while len(split) > 1 and split[-1] in STOP_WORDS and split[-1] not in lists.particles:
        split.pop()
    participle = _PARTICIPLE.fullmatch(split[-1]) if split else None
    if participle:
        split[-1] = participle.group(1)
    if len(split) < len(text.split()) or participle:
        rules.append("trailing_word")
        text = " ".join(split)
    known = load_gazetteer().lookup(text)
    person = label == "PERSON" and not determined
    if known is None and not person and text.split()[-1].lower() in lists.documents:
        return Repair(None, (*rules, "document"))
    if (
        text in lists.not_actors
        or (known is None and _IDEOLOGY.fullmatch(text))
        or (label == "PERSON" and any(word in lists.not_actors for word in text.split()))
    ):
        return Repair(None, (*rules, "abstraction"))
    if known is None and label in ("GPE", "NORP") and _NUMBER.search(text):
        return Repair(None, (*rules, "numbered_place"))
    if label in ("PERSON", "ORG") and known is None:
        split = text.split()
        cut = _prefix_end(split, persons) or _place_end(split, of_title, persons)
        ranked = _rank_end(split)
        if label == "PERSON" or first_name_gender(" ".join(split[ranked:])):
            cut = max(cut, ranked)
        rest = split[cut:]
        titled = cut and _bare(split[cut - 1]) in title_words()
        named = (
            cut
            and (len(rest) >= 2 or (titled and len(rest) == 1))
            and all(w[:1].isupper() or w in lists.particles for w in rest)
            and rest[-1].lower() not in lists.organisations
            and (label == "PERSON" or _personal(rest, pos))
        )
        if named:
            rules.append("title_split")
            text = " ".join(rest)
            label = "PERSON"
    if not any(c.isalpha() for c in text) or (
        len(text.split()) == 1
        and (
            (pos is not None and len(pos) == 1 and pos[0] in lists.closed_class)
            or (rules and text.lower() in STOP_WORDS)
        )
    ):
        return Repair(None, (*rules, "not_a_name"))
    return Repair(text, tuple(rules), label if "title_split" in rules else None)


def _clock(word: str) -> bool:
    """ "7:49", "1700", "a.m.": the clock time a time zone is written after."""
    return bool(_NUMBER.search(word)) or word.lower().rstrip(".") in ("a.m", "p.m", "am", "pm")


def _faithful(lowered: list[str]) -> bool:
    """ "Muslim", "ex-Muslims", "non-Christians": followers of a religion, nothing more."""
    parts = [p for word in lowered for p in word.split("-") if p and p not in ("ex", "non")]
    return bool(parts) and all(part in words().faiths for part in parts)


def _opens(span: Span) -> bool:
    """Whether the span opens its sentence, after punctuation at most (a quotation mark,
    the "((WN))" label of an interview's question)."""
    before = [t for t in span.doc[span.sent.start : span.start] if not t.is_space]
    return not before or before[-1].is_punct


def _imperative(span: Span) -> bool:
    """ "Make Melbourne a digital city": a verb in the base form opening the sentence, and
    no given name ("Mark", "Grant" open names as often as sentences)."""
    first = span[0]
    opening = _opens(span)
    return (
        opening
        and first.tag_ == "VB"
        and first.pos_ == "VERB"
        and first_name_gender(f"{first.text} {first.text}") is None
    )


def _asks(span: Span) -> bool:
    """ "Will Red Hat drop CentOS?": an auxiliary opening a question, run into the name
    the model tagged after it."""
    after = span.doc[span.end : span.sent.end]
    asked = next((t.text == "?" for t in after if t.text in (".", "!", "?")), False)
    return _opens(span) and span[0].tag_ == "MD" and asked


def repair(span: Span, written: str, storms: Iterable[str] = ()) -> Repair:
    """Repair a span whose surface (without titles and possessives) is `written`."""
    tokens = written.split()
    pos = [t.pos_ for t in span if not t.is_punct]
    aligned = pos[-len(tokens) :] if len(pos) >= len(tokens) else None
    if aligned is not None and [t.text for t in span if not t.is_punct][-len(tokens) :] != tokens:
        aligned = None
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    determined = "the" in (span[0].lower_, before)
    of_title = (
        before == "of" and span.start > 1 and span.doc[span.start - 2].lower_ in title_words()
    )
    persons = (
        {ent.text for ent in span.doc.ents if ent.label_ == "PERSON" and ent != span}
        if len(tokens) > 2
        else frozenset()
    )
    if _speaker_label(span):
        return Repair(None, ("transcript_label",))
    if _imperative(span):
        return Repair(None, ("imperative",))
    if len(tokens) > 1 and _asks(span):
        fixed = repair(span[1:], " ".join(tokens[1:]), storms)
        return replace(fixed, rules=("question_auxiliary", *fixed.rules))
    if _faithful([t.lower() for t in tokens]):
        surnames = {
            ent[-1].lower_
            for ent in span.doc.ents
            if ent.label_ == "PERSON" and len(ent) > 1 and not _faithful([ent.text.lower()])
        }
        if tokens[-1].lower() not in surnames:
            return Repair(None, ("faith",))
    return repair_words(tokens, span.label_, aligned, storms, determined, of_title, persons)


def _speaker_label(span: Span) -> bool:
    """ "((WN)) Were there any unique traits?": a name in double brackets heads the next
    turn of an interview transcript; it says who speaks, it is no actor of the sentence."""
    doc = span.doc
    before = "".join(t.text for t in doc[max(span.start - 2, 0) : span.start])
    after = "".join(t.text for t in doc[span.end : span.end + 2])
    return before.endswith("((") and after.startswith("))")


def explain(written: str, name: str, label: str) -> tuple[str, ...]:
    """The rules that turn an alias as written into the stored name, if they do."""
    result = repair_words(written.split(), label)
    if result.name == name and result.rules:
        return result.rules
    prefixed = country_prefixed(written, load_gazetteer())
    return ("country_prefix",) if prefixed is not None and prefixed.name == name else ()


def country_prefixed(written: str, gazetteer: Gazetteer) -> Known | None:
    """`country_prefix`: "US Democratic Party" is the Democratic Party the gazetteer places
    in the United States; the prefix must name that same country, so "French Democratic
    Party" stays a party of its own."""
    parts = written.split()
    for size in range(1, min(3, len(parts) - 1) + 1):
        prefix = gazetteer.lookup(" ".join(parts[:size]), exact=True)
        rest = gazetteer.lookup(" ".join(parts[size:]))
        if (
            prefix is not None
            and prefix.kind in (COUNTRY, DEMONYM)
            and rest is not None
            and rest.type != "GPE"
            and rest.country
            and rest.country == prefix.country
        ):
            return rest
    return None
