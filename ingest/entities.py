"""Actors in a parsed document: which spans name them, and the canonical name each resolves to.

spaCy's small model types names sentence by sentence and leaves many mentions untagged, so
resolution works on the whole document: the gazetteer fixes countries, capitals and
institutions; a bare surname takes the full name it abbreviates; types are voted over every
mention; a name tagged once is found again where the model missed it. Pronouns and
descriptors ("he", "the billionaire") are resolved last, in coref.py.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from polgraph.ingest.actors import (
    NAME,
    Actor,
    body_descriptors,
    data_file,
    honorifics,
    portfolios,
    role_table_nouns,
)
from polgraph.ingest.affiliation import clear_winner, most_named, sector_table
from polgraph.ingest.agents import country_mention, demonym_votes, generic_agents
from polgraph.ingest.coref import first_name_gender, resolve_references
from polgraph.ingest.gazetteer import (
    BODY_KINDS,
    CAPITAL,
    COUNTRY,
    DEMONYM,
    Gazetteer,
    Known,
    load_gazetteer,
)
from polgraph.ingest.names import (
    common_name,
    country_prefixed,
    repair,
    storm_names,
    title_words,
    words,
)
from polgraph.ingest.overrides import NO_OVERRIDES, Overrides
from polgraph.ingest.records import Mention, entity_id
from polgraph.ingest.semantics import lexicon

ACTOR_TYPES: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NAME_LABELS: frozenset[str] = ACTOR_TYPES | {"FAC", "LOC"}
ARGUMENT_DEPS: frozenset[str] = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative", "conj", "appos", "attr"}
)
TYPE_PREFERENCE: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP")
MODIFIER_DEPS: frozenset[str] = frozenset({"amod", "compound", "nmod", "npadvmod"})
LOCATIVE_PREPS: frozenset[str] = frozenset(
    {"in", "at", "from", "near", "outside", "across", "around", "into", "through",
     "throughout", "within", "inside", "via", "over"}
)  # fmt: skip
_POSSESSIVE = ("'s", "\u2019s", "\u2018s", "'", "\u2019")
_DETERMINERS = ("the", "a", "an")
_TIMES = frozenset({"DATE", "TIME"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_QUOTES = "\"'\u201c\u201d\u2018\u2019"


def _trim(span: Span) -> tuple[list[Token], str | None]:
    """The name's own tokens, without determiners, titles, possessive marks and the
    currency of an amount run onto the name ("fines Air India Rs 1 crore", with its number
    too where the span took it: "Air India Rs 1"), and the gender a courtesy title gave
    it."""
    tokens = [t for t in span if not (t.is_punct and t.text in _QUOTES)]
    gender: str | None = None
    titles = honorifics()
    while tokens and (tokens[0].lower_ in _DETERMINERS or _courtesy(tokens[0], titles)):
        if _courtesy(tokens[0], titles):
            gender = titles[tokens[0].lower_] or gender
        tokens = tokens[1:]
    while tokens and tokens[-1].text in _POSSESSIVE:
        tokens = tokens[:-1]
    if len(tokens) > 2 and tokens[-1].like_num and tokens[-2].lower_ in words().currencies:
        tokens = tokens[:-1]
    while len(tokens) > 1 and _currency_of_amount(tokens[-1]):
        tokens = tokens[:-1]
    return tokens, gender


def _currency_of_amount(token: Token) -> bool:
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.like_num and token.lower_ in words().currencies


def _courtesy(token: Token, titles: dict[str, str]) -> bool:
    """ "Mr", "Sir": a courtesy title, unless written in capitals as an abbreviation
    ("SIR" for a Special Inquiry Report)."""
    return token.lower_ in titles and not (token.is_upper and len(token) > 2)


def surface(span: Span) -> str:
    """The span's words without a leading article or title, or a trailing possessive."""
    tokens, _ = _trim(span)
    if not tokens:
        return span.text.strip()
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    for suffix in _POSSESSIVE:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def title_gender(span: Span) -> str | None:
    """ "Mr", "Ms" inside the span or just before it."""
    _, gender = _trim(span)
    before = span.doc[span.start - 1] if span.start > 0 else None
    if gender is None and before is not None and _courtesy(before, honorifics()):
        gender = honorifics()[before.lower_] or None
    return gender


@dataclass(slots=True)
class _Candidate:
    span: Span
    written: str
    label: str
    tagged: bool
    known: Known | None = None
    name: str = ""
    raw: str = ""
    country: str | None = None
    sector: str | None = None


def _split_hyphenated(span: Span) -> Iterator[Span]:
    """ "the Trump-Musk rupture": a hyphen between capitalised words joins two names when
    each part is also written on its own, outside the hyphenated form ("Jean-Pierre" and
    "Kilroy-Silk" written three times stay one name); "Ex-Labour" is Labour, the "ex" is
    read by the role rules as "former"."""
    if len(span) > 2 and span[0].lower_ == "ex" and span[1].text == "-":
        span = Span(span.doc, span.start + 2, span.end, label=span.label_)
    parts = [part.strip() for part in span.text.split("-")]
    if len(parts) < 2:
        yield span
        return
    text = span.doc.text
    whole = text.count(span.text)
    if any(text.count(part) <= whole for part in parts):
        yield span
        return
    start = span.start
    for token in span:
        if (
            token.text == "-"
            and token.i > span.start
            and token.i + 1 < span.end
            and token.nbor(-1).is_title
            and token.nbor(1).is_title
            and not token.whitespace_
            and not token.nbor(-1).whitespace_
        ):
            yield Span(span.doc, start, token.i, label=span.label_)
            start = token.i + 1
    yield Span(span.doc, start, span.end, label=span.label_)


def _joined_names(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """The model's names, with two made one where together they name a country or region
    joined by "and" ("Trinidad and Tobago", "Bosnia and Herzegovina"), which the model often
    tags as two places, or a known body written in a row ("Liberal" and "Democrat" of
    "Liberal Democrat", tagged as an organisation and a nationality)."""
    ents = list(doc.ents)
    joined: list[Span] = []
    i = 0
    while i < len(ents):
        first = ents[i]
        second = ents[i + 1] if i + 1 < len(ents) else None
        if second is not None and second.start == first.end + 1 and doc[first.end].lower_ == "and":
            whole = Span(doc, first.start, second.end, label="GPE")
            text = surface(whole)
            if gazetteer.place(text) or gazetteer.lookup(text, exact=True):
                joined.append(whole)
                i += 2
                continue
        if second is not None and second.start == first.end:
            known = gazetteer.lookup(surface(Span(doc, first.start, second.end)), exact=True)
            if known is not None and known.type in ACTOR_TYPES:
                joined.append(Span(doc, first.start, second.end, label=known.type))
                i += 2
                continue
        joined.append(first)
        i += 1
    return joined


def _retyped(ent: Span, gazetteer: Gazetteer) -> Span:
    """ "The Clean Rivers Alliance" tagged as a work of art: a name the model took for a
    title, product, event or law is an organisation when its last word is an
    organisation's, what the gazetteer says it is when it knows it ("the Liberal Democrats"
    tagged as a work of art), and a person after a courtesy title ("Mr Straw" tagged as a
    product). A region the model took for a place or building is a region ("Tamil Nadu"
    tagged as a facility)."""
    if ent.label_ in ("FAC", "LOC") and gazetteer.place(surface(ent)):
        return Span(ent.doc, ent.start, ent.end, label="GPE")
    if ent.label_ not in _THING_LABELS:
        return ent
    known = gazetteer.lookup(surface(ent))
    if known is not None and known.type in ACTOR_TYPES:
        label = known.type
    elif _organisation_word(ent[-1]):
        label = "ORG"
    elif len(ent) > 1 and _courtesy(ent[0], honorifics()):
        label = "PERSON"
    else:
        return ent
    return Span(ent.doc, ent.start, ent.end, label=label)


_THING_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
_NAME_LINKS = frozenset({"for", "of", "on"})


def _mended(ent: Span, ner: Container[int], gazetteer: Gazetteer) -> Span:
    """The model's span with the words of the same name it left out, which no other name
    holds, and a person's name without what the person owns ("Erdogan's Neo-Ottoman"
    tagged as one person is Erdogan):
    - capitalised words before it that make a name the gazetteer knows ("Liberal" of
      "Liberal Democrats" tagged as "Democrats", which alone is another party), and after
      a nationality ("the Scottish Executive" tagged as "Scottish");
    - a person's surname after the given names ("Judge Amy Berman Jackson" tagged as
      "Amy Berman"), and a given name before the surnames ("Ricardo Rosselló Nevares"
      tagged as "Rosselló Nevares");
    - an organisation's "for/of/on" complement after its last word ("Puerto Rico Center
      for Investigative Journalism" tagged as "Puerto Rico Center"), and the organisation
      before a complement tagged alone ("Commission for Racial Equality" tagged as "Racial
      Equality");
    - an organisation's own last word ("the Los Angeles Waves" tagged as "the Los
      Angeles"), which no role, body or given name is, and which starts no name of its own
      ("EU Common Agricultural Policy"), after a place or a name the gazetteer does not
      know ("Samoa Observer" tagged as "Samoa").
    - capitalised words after it, hyphenated or not, that make a name the gazetteer knows,
      which is then of the type the gazetteer gives ("Scottish Executive" tagged as the
      nationality "Scottish", "European Anti-Fraud Office").
    A span that ends in a possessive is the owner only ("Age Concern's Age Agenda")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    owner = next((t.i for t in ent[1:-1] if t.text in _POSSESSIVE), None)
    if ent.label_ == "PERSON" and owner is not None:
        return Span(doc, start, owner, label=ent.label_)
    for size in (4, 3, 2, 1):
        after = doc[end : min(end + size, len(doc))]
        known = gazetteer.lookup(doc[start : after.end].text, exact=True)
        if (
            len(after) == size
            and all(t.i not in ner and (t.is_title and t.is_alpha or _tight(t)) for t in after)
            and known is not None
            and known.type in ACTOR_TYPES
        ):
            return Span(doc, start, after.end, label=known.type)
    for size in (2, 1):
        before = doc[max(start - size, 0) : start]
        if (
            len(before) == size
            and all(t.is_title and t.is_alpha and t.i not in ner for t in before)
            and gazetteer.lookup(doc[before.start : end].text, exact=True) is not None
        ):
            start = before.start
            break
    if ent.label_ == "ORG" and start == ent.start:
        start = _organisation_before(doc, start, ner)
    if ent[-1].text in _POSSESSIVE:
        pass
    elif ent.label_ == "PERSON":
        if start == ent.start and start > 0 and _name_word(doc[start - 1], ner):
            start -= first_name_gender(f"{doc[start - 1].text} x") is not None
        while end < len(doc) and end - ent.end < 2 and _name_word(doc[end], ner):
            end += 1
    elif ent.label_ == "ORG" and _organisation_word(doc[end - 1]):
        if end + 1 < len(doc) and doc[end].lower_ in _NAME_LINKS:
            last = end + 1
            while (
                last < len(doc)
                and last not in ner
                and (
                    doc[last].is_title
                    or (
                        doc[last].lower_ in ("and", "&")
                        and last + 1 < len(doc)
                        and doc[last + 1].is_title
                    )
                )
            ):
                last += 1
            if last > end + 1:
                end = last
    elif (
        ent.label_ == "ORG"
        and end + 1 < len(doc)
        and _name_word(doc[end], ner)
        and not doc[end + 1].is_title
        and _place_or_unknown(gazetteer.lookup(surface(ent)))
        and not all(t.lower_ in _not_name_words() for t in ent)
    ):
        end += first_name_gender(f"{doc[end].text} x") is None
    label = ent.label_
    if label == "NORP":
        for size in (2, 1):
            after = doc[end : end + size]
            known = gazetteer.lookup(doc[start : end + size].text, exact=True)
            if (
                len(after) == size
                and all(t.is_title and t.is_alpha and t.i not in ner for t in after)
                and known is not None
            ):
                end, label = end + size, known.type
                break
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=label)


def _organisation_before(doc: Doc, start: int, ner: Container[int]) -> int:
    """Where a name starts whose "for/of" complement the model tagged alone: "Commission
    for" before "Racial Equality", with the capitalised words before the organisation's
    word ("National Institute for")."""
    link = start - 1
    if link < 1 or doc[link].lower_ not in _NAME_LINKS or link - 1 in ner:
        return start
    head = doc[link - 1]
    if not (head.is_title and _organisation_word(head)):
        return start
    first = link - 1
    while (
        first > 0 and first - 1 not in ner and doc[first - 1].is_title and doc[first - 1].is_alpha
    ):
        if doc[first - 1].lower_ in _unnamed_words():
            break
        first -= 1
    return first


def _tight(token: Token) -> bool:
    """A hyphen written without spaces, inside a name ("Anti-Fraud")."""
    return token.text == "-" and not token.whitespace_ and not token.nbor(-1).whitespace_


def _place_or_unknown(known: Known | None) -> bool:
    return known is None or known.type == "GPE"


def _name_word(token: Token, ner: Container[int]) -> bool:
    """A capitalised proper noun no name holds, and no title, body or brief either."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.i not in ner
        and token.lower_ not in _not_name_words()
    )


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Titles, courtesy titles, briefs, body words and every word of a role the sector
    table knows ("Judge", "General"): capitalised before or after a name, never of it."""
    roles = {word for role in sector_table().roles for word in role.split()}
    return title_words() | portfolios() | words().bodies | frozenset(honorifics()) | roles


def _organisation_word(token: Token) -> bool:
    return token.is_title and token.lower_ in words().organisations


def _is_modifier(token: Token) -> bool:
    """ "a Russian lawmaker": the demonym describes a noun, it does not act. After "the"
    and before a finite verb it is a noun however the parser attached it: "the British
    relinquished control" is the state, parsed or not as the adjective of "control"."""
    if _the_people(token):
        return False
    return token.dep_ in MODIFIER_DEPS or (token.dep_ == "poss" and token.head.pos_ == "NOUN")


def _the_people(token: Token) -> bool:
    if token.i == 0 or token.i + 1 >= len(token.doc) or token.nbor(-1).lower_ != "the":
        return False
    after = token.nbor(1)
    return after.tag_ in _FINITE or (after.pos_ == "AUX" and after.tag_ != "POS")


def _is_location(token: Token) -> bool:
    """ "talks in Moscow": the city is where something happened, not who did it; but
    "pressure from Washington", "the claim from Berlin": a capital after "from" on an act
    or statement (a noun, or a verb used as one, of the event dictionary) is the state
    that made it."""
    prep = token.head
    act = prep.head.lemma_.lower()
    source = (
        prep.lower_ == "from"
        and prep.head.pos_ == "NOUN"
        and (act in lexicon().nouns or act in lexicon().verbs)
    )
    return token.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPS and not source


def _gazetteer_spans(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> Iterator[Span]:
    """Gazetteer names the model did not tag, matched with their exact capitalisation. One
    word the tagger calls a common noun counts where the document writes it as a name
    elsewhere: "Tories say" opening a sentence is the "Tories" of "the Tories' plan"; a
    party's name does as the subject of a verb (`_acts`)."""
    named = {t.text for t in doc if t.pos_ == "PROPN" or t.ent_type_}
    i = 0
    while i < len(doc):
        if i in taken or not (doc[i].is_title or doc[i].is_upper):
            i += 1
            continue
        for size in range(min(gazetteer.longest, len(doc) - i), 0, -1):
            if any(j in taken for j in range(i, i + size)):
                continue
            known = gazetteer.lookup(doc[i : i + size].text, exact=True)
            if known is not None and not (
                size == 1
                and doc[i].pos_ != "PROPN"
                and doc[i].text not in named
                and not _ex(doc, i)
                and not _acronym(doc[i])
                and not (known.kind == "party" and (_before_role(doc, i) or _acts(doc[i])))
            ):
                yield Span(doc, i, i + size, label=known.type)
                i += size
                break
        else:
            i += 1


def _acts(token: Token) -> bool:
    """ "Tories say", "Labour has promised": a party's name the tagger reads as a common
    noun at the start of a sentence is the party when it is the subject of the verb."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX")


def _before_role(doc: Doc, i: int) -> bool:
    """ "Conservative co-chairman", "Libertarian presidential nominee": a party's adjective
    before a lower-case role, up to two lower-case words before its noun, names the party,
    at the start of a sentence too."""
    roles = role_table_nouns() | _contests()
    for token in doc[i + 1 : i + 4]:
        if token.lower_ in roles and token.is_lower:
            return True
        if not (token.is_lower and token.is_alpha or token.text == "-"):
            return False
    return False


@lru_cache(maxsize=1)
def _contests() -> frozenset[str]:
    """Roles of running for an office ("nominee", "candidate"), from data/roles.json."""
    return frozenset(data_file("roles.json")["contests"])


def _acronym(token: Token) -> bool:
    """ "G8", "NATO": capitals and digits no common word is written in, whatever the tagger
    called the token ("G8 ministers" reads "G8" as a noun)."""
    text = token.text
    return (
        text[:1].isupper()
        and text.isalnum()
        and text.upper() == text
        and (len(text) >= 3 or any(c.isdigit() for c in text))
    )


def _ex(doc: Doc, i: int) -> bool:
    """ "ex-Labour minister": the name right after a tight "ex-", whatever its tag."""
    return (
        i > 1
        and doc[i - 1].text == "-"
        and doc[i - 2].lower_ == "ex"
        and not doc[i - 2].whitespace_
    )


def _hyphen_split(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words as the tokenizer writes them: "Kilroy-Silk" is three tokens."""
    return tuple(piece for word in words for piece in re.split(r"(-)", word) if piece)


def _hyphen_joins(doc: Doc, i: int, taken: Container[int]) -> bool:
    """ "Kilroy-Silk", "CNDD-FDD": a hyphen written tight between two capitalised proper
    nouns is inside one name."""
    return (
        doc[i].text == "-"
        and i + 1 < len(doc)
        and i + 1 not in taken
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].pos_ == "PROPN"
        and doc[i + 1].text[:1].isupper()
    )


def _proper_runs(doc: Doc, labels: dict[int, str]) -> Iterator[Span]:
    """Proper nouns the model tagged as nothing, standing as an argument: a company name
    like "SpaceX" often goes untagged. Only runs written in a way no common word is
    (inner capitals, all capitals), repeated in the document, led by a title ("President
    Harun Velazi": the person after it), coordinated with a name the model tagged ("Hope
    Rising, Oxfam and the Carers Trust": of that name's type) or ending in an
    organisation's word count, typed ORG unless a courtesy title makes them a person; so
    does a run before a role and a person who holds it ("Usdaw general secretary John
    Hannett": the body the role is of).
    `labels` holds the type of every token already inside a name."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        if i in labels or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
            i += 1
            continue
        end = i
        while end + 1 < len(doc) and end + 1 not in labels:
            if doc[end + 1].pos_ == "PROPN":
                end += 1
            elif _hyphen_joins(doc, end + 1, labels) or _possessive_joins(doc, end + 1, labels):
                end += 2
            else:
                break
        runs.append(doc[i : end + 1])
        i = end + 1
    counts = Counter(run.text for run in runs)
    bodies = {
        run.start: _linked_name(doc, run.end - 1, labels) or run
        for run in runs
        if _holds_role(run, labels)
    }
    covered = {i for body in bodies.values() for i in range(body.start, body.end)}
    for run in runs:
        if run.start in bodies:
            yield Span(doc, bodies[run.start].start, run.end, label="ORG")
            continue
        if run.start in covered:
            continue
        if (run.root.dep_ not in ARGUMENT_DEPS and not _before_participle(run)) or not any(
            c.isalpha() for c in run.text
        ):
            continue
        titled = _after_title(run)
        if titled is not None:
            yield titled
            continue
        if len(run) > 1 and _courtesy(run[0], honorifics()):
            yield Span(doc, run.start, run.end, label="PERSON")
            continue
        shaped = any(
            any(c.isupper() for c in t.text[1:]) and not t.text.startswith(("Mc", "Mac"))
            for t in run
        )
        partner = None if _is_title(run.text) or len(run) < 2 else _coordinated_label(run, labels)
        named = _organisation_word(run[-1]) and len(run) > 1
        if not named and len(run) in (2, 3) and _given_and_surname(run):
            yield Span(doc, run.start, run.end, label="PERSON")
            continue
        if not (shaped or counts[run.text] > 1 or partner or named):
            continue
        if run.start > 0 and doc[run.start - 1].lower_ in honorifics():
            yield Span(doc, run.start, run.end, label="PERSON")
        else:
            yield Span(doc, run.start, run.end, label="ORG" if named else partner or "ORG")


PARTY_TAG = re.compile(r"([DR])-[A-Z][A-Za-z.]*")
_TAGGED_PARTIES = {"D": "Democratic Party", "R": "Republican Party"}


def _party_tags(doc: Doc, labels: dict[int, str]) -> Iterator[Span]:
    """ "Elizabeth Warren (D-MA)", "Jim Jordan, R-Ohio,": the party and state a US
    legislator's name is written with, in brackets or commas, is the party's name; the
    state in it is no actor of its own there."""
    for token in doc[2:-2]:
        i = token.i
        if (
            token.text in _TAGGED_PARTIES
            and doc[i - 1].text in ("(", ",")
            and labels.get(i - 2) == "PERSON"
            and doc[i + 1].text == "-"
            and not token.whitespace_
            and not doc[i + 1].whitespace_
            and doc[i + 2].text[:1].isupper()
        ):
            yield Span(doc, i, i + 3, label="ORG")


def _tagged_party(written: str, gazetteer: Gazetteer) -> Known | None:
    match = PARTY_TAG.fullmatch(written)
    return gazetteer.lookup(_TAGGED_PARTIES[match.group(1)]) if match else None


def _before_participle(run: Span) -> bool:
    """ "the Narendra Modi-led government", "an Elon Musk-owned platform": a name joined by
    a tight hyphen to the participle after it, which the parser hangs on the participle as
    no argument."""
    doc, end = run.doc, run.end
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_lower
        and doc[end + 1].tag_ == "VBN"
    )


def _given_and_surname(run: Span) -> bool:
    """ "Piyush Goyal" in a headline the model read no name in: a known given name and
    capitalised words after it, none a word a name cannot be, is a person's name."""
    return (
        first_name_gender(run.text) is not None
        and all(t.is_title and t.is_alpha for t in run)
        and not any(t.lower_ in _not_name_words() for t in run)
    )


def _role_bodies(doc: Doc, labels: dict[int, str]) -> Iterator[Span]:
    """ "Usdaw general secretary John Hannett" with "Usdaw" tagged as an adjective: one
    capitalised word no name holds before a role and its holder is the body the role is
    of, when it is no common word (the text never writes it in lower case, and it is no
    stop word, title or qualifier of a role such as "Former" or "Deputy")."""
    common = _not_body_words() | STOP_WORDS
    lowered: set[str] | None = None
    for token in doc:
        if token.i in labels or not token.is_title or not token.is_alpha or token.lower_ in common:
            continue
        linked = _linked_name(doc, token.i, labels)
        if linked is not None and _holds_role(linked, labels):
            yield linked
            continue
        if not _holds_role(doc[token.i : token.i + 1], labels):
            continue
        if lowered is None:
            lowered = {t.lower_ for t in doc if t.is_lower}
        if token.lower_ not in lowered:
            yield Span(doc, token.i, token.i + 1, label="ORG")


_NOMINAL = ("NOUN", "PROPN", "ADJ")
_HOUSES = frozenset({"commons", "lords", "senate", "house", "assembly", "congressional"})
# Words before "committee" that say what kind of committee it is, not what it watches.
_COMMITTEE_KINDS = frozenset(
    {
        "select",
        "parliamentary",
        "standing",
        "joint",
        "special",
        "new",
        "ad",
        "hoc",
        "main",
        "selection",
        "steering",
        "organising",
        "organizing",
        "executive",
        "management",
        "advisory",
        "working",
        "disciplinary",
        "general",
        "central",
        "party",
    }
)


def _committees(doc: Doc, labels: dict[int, str]) -> Iterator[Span]:
    """ "the Commons public accounts committee", "Westminster's environment, food and rural
    affairs committee": a committee written in lower case after the words of what it
    oversees is a body of its own, named by them and the house written before them (not by
    an adjective of the committee itself: "the influential"); a committee no such noun
    names ("the committee", "a select committee") is a description for coreference, and
    "committee stage" names none."""
    for token in doc:
        if token.lower_ != "committee" or not token.is_lower or token.dep_ == "compound":
            continue
        start, subject = token.i, False
        while start > 0:
            before = doc[start - 1]
            if before.is_lower and before.pos_ in _NOMINAL and before.i not in labels:
                subject = subject or (
                    before.pos_ != "ADJ" and before.lower_ not in _COMMITTEE_KINDS
                )
                start -= 1
            elif before.text in (",", "and") and start > 1 and doc[start - 2].is_lower:
                start -= 1
            else:
                break
        while doc[start].pos_ == "ADJ" and doc[start].head.i == token.i:
            start += 1
        if not subject or doc[start].text in (",", "and"):
            continue
        if start > 0 and doc[start - 1].lower_ in _HOUSES and doc[start - 1].is_title:
            start -= 1
        yield Span(doc, start, token.i + 1, label="ORG")


_LINKS = frozenset({"for", "of", "and", "on", "&"})


def _linked_name(doc: Doc, end: int, labels: dict[int, str]) -> Span | None:
    """ "Commission for Racial Equality chairman Trevor Phillips": the capitalised words
    before a role, joined by "for", "of" or "and", are one body's name, which no single
    word of it is; None when no link joins them."""
    common = _unnamed_words()
    start, linked = end, False
    while start > 0 and start - 1 not in labels:
        before = doc[start - 1]
        if before.is_title and before.is_alpha and before.lower_ not in common:
            start -= 1
        elif (
            before.lower_ in _LINKS
            and start > 1
            and start - 2 not in labels
            and doc[start - 2].is_title
            and doc[start - 2].lower_ not in common
        ):
            start -= 2
            linked = True
        else:
            break
    return Span(doc, start, end + 1, label="ORG") if linked else None


@lru_cache(maxsize=1)
def _qualifiers() -> frozenset[str]:
    """Words that qualify a role ("Former", "Deputy", "Shadow" home secretary)."""
    roles = data_file("roles.json")
    return frozenset(roles["former"]) | frozenset(roles["subordinate"]) | words().qualifiers


@lru_cache(maxsize=1)
def _unnamed_words() -> frozenset[str]:
    """Stop words and role qualifiers, which end a body's name read backwards: built once,
    since the name is read back from tokens of every article."""
    return frozenset(STOP_WORDS) | _qualifiers()


@lru_cache(maxsize=1)
def _not_body_words() -> frozenset[str]:
    """Titles, role words and their qualifiers: capitalised before a role, no body's name."""
    return _not_name_words() | _qualifiers()


def _holds_role(run: Span, labels: dict[int, str]) -> bool:
    """ "Usdaw general secretary John Hannett": a run right before a lower-case role (up to
    two words before its noun) followed by a person's name; not the end of a longer name
    ("Party for Socialism and Liberation presidential nominee X")."""
    doc = run.doc
    if all(t.lower_ in _not_body_words() for t in run):
        return False
    if (
        run.start > 1
        and doc[run.start - 1].lower_ in _SPELLING_GAPS
        and doc[run.start - 2].is_title
    ):
        return False
    for i in range(run.end, min(run.end + 3, len(doc) - 1)):
        if not (doc[i].is_lower and doc[i].is_alpha):
            return False
        if doc[i].lower_ in role_table_nouns() and labels.get(i + 1) == "PERSON":
            return not _courtesy(run[0], honorifics())
    return False


def _possessive_joins(doc: Doc, i: int, taken: Container[int]) -> bool:
    """ "the Dunmore's Housing Society": a possessive between a proper noun and an
    organisation's last word is inside one name."""
    return (
        doc[i].text in _POSSESSIVE
        and i + 1 < len(doc)
        and i + 1 not in taken
        and doc[i + 1].pos_ == "PROPN"
        and _organisation_word(doc[i + 1])
    )


def _after_title(run: Span) -> Span | None:
    """ "KPCC President Harun Velazi": two or more proper nouns after a capitalised role
    noun in the run name a person, when none of them is itself a title or portfolio word
    (one word after a title may be anything: "General Election")."""
    titles = role_table_nouns()
    cut = max((t.i for t in run if t.is_title and t.lower_ in titles), default=None)
    if cut is None or cut > run.end - 3:
        return None
    rest = run.doc[cut + 1 : run.end]
    if any(t.lower_ in titles | portfolios() or not t.text[:1].isupper() for t in rest):
        return None
    return Span(run.doc, rest.start, rest.end, label="PERSON")


def _coordinated_label(run: Span, labels: dict[int, str]) -> str | None:
    """The type of a person or organisation the run is coordinated with ("X, Y and Z"),
    for a run the model left untagged in a list of names it tagged."""
    root = run.root
    partners = [child for child in root.children if child.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    for partner in partners:
        if labels.get(partner.i) in ("PERSON", "ORG"):
            return labels[partner.i]
    return None


class ActorIndex:
    """Every actor span of a document, resolved to canonical names.

    Public face for the relation rules: `actor_at(token)` answers for names, pronouns and
    descriptors alike, so a rule written for "Musk criticised Trump" also reads
    "he criticised the president". `date`, the article's, places in time the offices
    coreference reads from data/office_holders.tsv ("the prime minister" of that year);
    its `year` serves every later reader of that table for the same piece.
    """

    def __init__(
        self,
        doc: Doc,
        overrides: Overrides = NO_OVERRIDES,
        gazetteer: Gazetteer | None = None,
        *,
        references: bool = True,
        date: str | None = None,
    ) -> None:
        self.doc = doc
        self.overrides = overrides
        self.year = int(date[:4]) if date and date[:4].isdigit() else None
        self.gazetteer = gazetteer or load_gazetteer()
        self._foreign: set[str] = set()
        self._owners: dict[str, tuple[str | None, str | None]] = {}
        candidates = self._candidates(doc)
        _persons_over_bodies(candidates)
        home = _home(candidates, doc, self.gazetteer)
        left = _leave_home_names(candidates, home, self.gazetteer)
        _own_bodies(candidates, self.gazetteer, self._foreign | left)
        defined = _abbreviations(candidates, self.gazetteer)
        _expand(candidates, defined)
        self._canonicalise(candidates, candidates)
        missed = list(self._untagged(doc, candidates, defined))
        _leave_home_names(missed, home, self.gazetteer)
        _expand(missed, defined)
        self._canonicalise(missed, candidates)
        candidates.extend(missed)
        types = self._types(candidates)
        self.genders: dict[str, str] = {}
        by_token: dict[int, Actor] = {}
        for candidate in candidates:
            name = candidate.name
            written = candidate.raw or candidate.written
            mention = Mention(
                entity_id(name), name, written, types[name], candidate.country, candidate.sector
            )
            actor = Actor(candidate.span, mention)
            gender = title_gender(candidate.span)
            if gender:
                self.genders.setdefault(mention.id, gender)
            for token in candidate.span:
                by_token[token.i] = actor
        self._groups: dict[int, list[Actor]] = {}
        # "Congress workers" in an Indian article: members of the body their modifier
        # names as the home vote left it unmapped, not of the gazetteer's body of that name.
        unmapped = {
            known.name: actor.mention
            for actor in by_token.values()
            if actor.mention.mention in left
            and (known := self.gazetteer.lookup(actor.mention.mention)) is not None
        }
        for span, mentions in generic_agents(doc, self.gazetteer):
            mentions = [
                replace(unmapped[m.name], mention=span.text) if m.name in unmapped else m
                for m in mentions
            ]
            group = [Actor(span, mention) for mention in mentions]
            for token in span:
                by_token[token.i] = group[0]
            self._groups[span.root.i] = group
        self._by_token = by_token
        self._names = dict(by_token)
        if references:
            found, groups = resolve_references(doc, self._names, self.genders, self.year)
            self._by_token.update(found)
            self._names.update({i: a for i, a in found.items() if a.resolved_by == NAME})
            self._groups.update(groups)

    def _candidates(self, doc: Doc) -> list[_Candidate]:
        ner = {token.i for ent in doc.ents for token in ent}
        ents = [
            _mended(_retyped(ent, self.gazetteer), ner, self.gazetteer)
            for ent in _joined_names(doc, self.gazetteer)
        ]
        spans = [
            part for ent in ents if ent.label_ in NAME_LABELS for part in _split_hyphenated(ent)
        ]
        # A day or month tag does not hold a name the gazetteer knows that runs past it
        # ("the Mail on Sunday", tagged "Sunday" as a date); one it holds whole stays a date.
        times = {token.i for ent in doc.ents if ent.label_ in _TIMES for token in ent}
        taken = {token.i for ent in doc.ents for token in ent} - times
        named = [
            span
            for span in _gazetteer_spans(doc, self.gazetteer, taken)
            if not times.issuperset(token.i for token in span)
        ]
        spans.extend(named)
        labels = {token.i: span.label_ for span in spans for token in span}
        labels.update({token.i: ent.label_ for ent in doc.ents for token in ent})
        labels.update({token.i: span.label_ for span in named for token in span})
        spans.extend(_proper_runs(doc, labels))
        labels.update({token.i: span.label_ for span in spans for token in span})
        spans.extend(_role_bodies(doc, labels))
        spans.extend(_committees(doc, labels))
        tags = list(_party_tags(doc, labels))
        tagged = {token.i for tag in tags for token in tag}
        spans = [span for span in spans if not tagged.intersection(t.i for t in span)] + tags
        found: list[_Candidate] = []
        storms = storm_names(doc)
        dropped: set[str] = set()
        for span in sorted(spans, key=lambda s: s.start):
            candidate = None if surface(span) in dropped else self._candidate(span, storms)
            if candidate is not None:
                found.extend(self._cut_place(span, candidate))
                found.extend(_shared_surname(candidate, labels))
                found.append(candidate)
            elif (short := _bracketed(span)) is not None:
                dropped.add(short)
        for candidate in found:
            if candidate.written in self._foreign:
                candidate.known = None
                candidate.country, candidate.sector = self._owners.get(
                    candidate.written, (None, None)
                )
        return found

    def _cut_place(self, span: Span, candidate: _Candidate) -> list[_Candidate]:
        """The place or body a repair cut off the front of a name, as an actor of its own:
        "Scotland" of "First Minister of Scotland Nicola Sturgeon", "California" of
        "California Attorney General Xavier Becerra", the Conservative Party of "Tory Liam
        Fox"."""
        if candidate.span.start <= span.start or candidate.label != "PERSON":
            return []
        start = span.start
        while start < candidate.span.start and span.doc[start].lower_ in _DETERMINERS:
            start += 1
        for end in range(min(start + 3, candidate.span.start), start, -1):
            words = span.doc[start:end]
            known = self.gazetteer.lookup(words.text, exact=True)
            if (known is not None and known.type in ("GPE", "ORG")) or (
                known is None and self.gazetteer.place(words.text)
            ):
                label = known.type if known is not None else "GPE"
                place = Span(span.doc, start, end, label=label)
                return [_Candidate(place, words.text, label, False, known)]
        return []

    def _candidate(self, span: Span, storms: frozenset[str]) -> _Candidate | None:
        """The actor a span names, or None for one that names none (the abbreviation in
        brackets after such a span names none either)."""
        raw = surface(span)
        if not raw or not any(c.isalpha() for c in raw):
            return None
        fixed = repair(span, raw, storms)
        if fixed.name is None:
            return None
        written = fixed.name
        tagged = span in span.doc.ents
        span = _narrowed(span, written, fixed.label or span.label_)
        known = (
            self.gazetteer.lookup(written)
            or country_prefixed(written, self.gazetteer)
            or _tagged_party(written, self.gazetteer)
        )
        if known is None and (briefed := _before_brief(span, written, self.gazetteer)):
            span, written, known = briefed
        if known is not None and span.label_ == "PERSON" and known.type == "GPE":
            known = None
        foreign, owner = (
            (False, None) if known is None else _someone_elses(span, known, self.gazetteer)
        )
        if foreign:
            self._foreign.add(written)
            if owner is not None and owner.country and written not in self._owners:
                code = self.gazetteer.code(owner.country)
                self._owners[written] = (code, sector_table().kinds.get(known.kind))
        if written in self._foreign:
            known = None
        if known is not None and known.kind == DEMONYM and _is_modifier(span.root):
            return None
        if known is not None and known.kind == "parliament" and _names_its_committee(span):
            return None
        if known is not None and known.kind == CAPITAL and _is_location(span.root):
            known = Known(written, "LOC", "place", known.country)
        if known is None and span.label_ == "NORP" and _named_surname(span, written):
            span = Span(span.doc, span.start, span.end, label="PERSON")
        if known is None and (
            span.label_ not in ACTOR_TYPES
            or (
                span.label_ != "PERSON"
                and (
                    _is_title(written)
                    or (_starts_title(span) and not self.gazetteer.place(written))
                    or _names_an_event(span)
                )
            )
            or _portfolio(span)
            or (span.label_ == "NORP" and _is_modifier(span.root))
        ):
            return None
        if known is None and _only_title(written, span):
            return None
        raw = raw if fixed.rules else ""
        return _Candidate(span, written, span.label_, tagged, known, raw=raw)

    def _canonicalise(self, candidates: list[_Candidate], pool: list[_Candidate]) -> None:
        """Gazetteer names first; then a short name takes the nearest full name that ends
        with it, preferring one written before it, unless the overrides keep them apart;
        failing that, one word takes a name of three or more words whose first surname it is
        ("Rosselló" for "Ricardo Rosselló Nevares"). A given name after "Sir" or "Dame" is
        coreference's to resolve (`coref.py`), as it knows when two people share it."""
        full = [c for c in pool if c.known is None and len(c.written.split()) > 1]
        persons = {c.written for c in full if c.label == "PERSON" or _after_role(c.span)}
        for candidate in candidates:
            if candidate.known is not None:
                candidate.name = self.overrides.canonical(candidate.known.name)
                continue
            written = self.overrides.canonical(candidate.written)
            if written != candidate.written:
                candidate.name = written
                continue
            words = written.split()
            named = [
                c
                for c in full
                if c.written in persons
                and c.written != written
                and not self.overrides.kept_apart(written, c.written)
            ]
            matches = [c for c in named if c.written.split()[-len(words) :] == words]
            if not matches and len(words) == 1:
                matches = [c for c in named if _first_surname(words[0], c.written.split())]
            if len(words) == 1 and not _titled(candidate.span) and self._placename(written, pool):
                matches = []
            chosen = _most_written(matches, candidate.span.start)
            candidate.name = self.overrides.canonical(chosen.written if chosen else written)

    @staticmethod
    def _placename(written: str, pool: list[_Candidate]) -> bool:
        """A single word tagged as a place or body at least twice and never as a person is
        a name of its own ("Melbourne"), not a surname; a lone GPE tag ("Snowden") is not."""
        labels = Counter(c.label for c in pool if c.tagged and c.written == written)
        return labels["PERSON"] == 0 and sum(labels.values()) >= 2

    def _untagged(
        self, doc: Doc, candidates: list[_Candidate], defined: dict[str, _Candidate]
    ) -> Iterator[_Candidate]:
        """Mentions the model missed: the same words as a resolved name, an abbreviation
        the text defines, or the surname of a full personal name, wherever they stand
        capitalised outside another name."""
        forms: dict[tuple[str, ...], _Candidate] = {}
        for candidate in candidates:
            if candidate.known is not None:
                continue
            words = tuple(candidate.written.split())
            forms.setdefault(_hyphen_split(words), candidate)
            if candidate.label == "PERSON" and len(words) > 1 and len(words[-1]) > 2:
                forms.setdefault(_hyphen_split(words[-1:]), candidate)
            if (
                candidate.label == "PERSON"
                and len(words) > 2
                and _first_surname(words[-2], [*words])
            ):
                forms.setdefault(_hyphen_split(words[-2:-1]), candidate)
        taken = {token.i for c in candidates for token in c.span}
        taken |= {token.i for ent in doc.ents for token in ent}
        longest = max((len(f) for f in forms), default=0)
        i = 0
        while i < len(doc):
            match = None
            if i not in taken and doc[i].text in defined:
                match = (1, defined[doc[i].text])
            elif i not in taken and doc[i].is_title:
                for size in range(min(longest, len(doc) - i), 0, -1):
                    words = tuple(t.text for t in doc[i : i + size])
                    if words in forms and not any(j in taken for j in range(i, i + size)):
                        match = (size, forms[words])
                        break
            if match is None or (
                match[0] == 1 and doc[i].pos_ != "PROPN" and doc[i].text not in defined
            ):
                i += 1
                continue
            size, source = match
            span = Span(doc, i, i + size, label=source.label)
            yield _Candidate(
                span, span.text, source.label, False, country=source.country, sector=source.sector
            )
            i += size

    def _types(self, candidates: list[_Candidate]) -> dict[str, str]:
        """One type per canonical name: an override, else the gazetteer, else PERSON when
        the full name was tagged PERSON or carries a courtesy title (NER often calls a
        lone surname a place or a company) or follows a role noun ("spokesman Orla
        Venn"), else ORG when a mention follows a noun describing an organisation ("software
        company Red Hat"), else the majority of the tagged mentions."""
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        person: set[str] = set()
        body: set[str] = set()
        known: dict[str, str] = {}
        for candidate in candidates:
            name = candidate.name
            if candidate.known is not None:
                known.setdefault(name, candidate.known.type)
            if candidate.tagged:
                votes[name][candidate.label] += 1
            words = candidate.written.split()
            if candidate.label == "PERSON" and len(words) > 1:
                person.add(name)
            if title_gender(candidate.span) is not None or (
                len(words) > 1 and candidate.known is None and _after_role(candidate.span)
            ):
                person.add(name)
            if _after_body_noun(candidate.span):
                body.add(name)
        types: dict[str, str] = {}
        for candidate in candidates:
            name = candidate.name
            if name in types:
                continue
            chosen = self.overrides.type_of(name) or known.get(name)
            if chosen is None and name in body:
                chosen = "ORG"
            if chosen is None and name in person:
                chosen = "PERSON"
            if chosen is None:
                counter = votes[name] or Counter({candidate.label: 1})
                top = max(counter.values())
                tied = [label for label, n in counter.items() if n == top]
                chosen = min(tied, key=_preference)
            types[name] = chosen
        return types

    def actor_at(self, token: Token) -> Actor | None:
        return self._by_token.get(token.i)

    def group_at(self, token: Token) -> list[Actor]:
        """Every actor a generic agent noun stands for: "US and British activists" are
        Activists (United States) and Activists (United Kingdom); and every actor a counted
        plural stands for ("the two leaders", coref.py)."""
        return self._groups.get(token.i, [])

    def country_at(self, token: Token) -> Actor | None:
        """The country a nationality adjective names where it only modifies a noun
        ("Israeli shelling"): not an actor of its own, but the agent of an event noun."""
        known = self.gazetteer.lookup(token.text, exact=True)
        if known is None or known.kind not in (COUNTRY, DEMONYM):
            return None
        span = self.doc[token.i : token.i + 1]
        return Actor(span, country_mention(span, known))

    def actors(self) -> list[Actor]:
        """Actors written as names, in document order (pronouns and descriptors are
        readings of these, not further mentions)."""
        seen: dict[int, Actor] = {}
        for actor in self._names.values():
            seen.setdefault(actor.span.start, actor)
        return [seen[start] for start in sorted(seen)]

    def references(self) -> list[Actor]:
        """Pronouns and descriptors resolved to a named actor, in document order."""
        return sorted(
            (a for a in self._by_token.values() if a.resolved_by != NAME),
            key=lambda a: a.span.start,
        )


def _names_its_committee(span: Span) -> bool:
    """ "the Commons public accounts committee": a house written before a committee in
    lower case starts the committee's name; the house itself does nothing in the clause."""
    head = span.root.head
    return (
        span.root.dep_ in ("compound", "nmod")
        and head.lemma_.lower() == "committee"
        and head.is_lower
        and head.i >= span.end
    )


def _named_surname(span: Span, written: str) -> bool:
    """ "the new Carney government": one word the model took for a nationality, which no
    gazetteer knows, is the surname of a person the document names in full."""
    return " " not in written and any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == written for ent in span.doc.ents
    )


def _shared_surname(candidate: _Candidate, labels: dict[int, str]) -> list[_Candidate]:
    """ "Tomas and Marek Novak": a given name alone, untagged or tagged as a person, joined
    by "and" to a full name that begins with a given name, shares its surname, and is a
    person of its own ("Tomas Novak")."""
    span, words = candidate.span, candidate.written.split()
    if candidate.label not in ("PERSON", "ORG") or candidate.known is not None or len(words) < 2:
        return []
    if span.start < 2 or span.doc[span.start - 1].lower_ != "and":
        return []
    given = span.doc[span.start - 2]
    if (
        labels.get(given.i, "PERSON") != "PERSON"
        or (given.i > 0 and given.i - 1 in labels)
        or given.pos_ != "PROPN"
        or not given.is_title
        or first_name_gender(candidate.written) is None
        or first_name_gender(f"{given.text} {words[-1]}") is None
    ):
        return []
    name = " ".join([given.text, *words[1:]])
    alone = Span(span.doc, given.i, given.i + 1, label="PERSON")
    return [_Candidate(alone, name, "PERSON", False, raw=given.text)]


def _first_surname(word: str, name: list[str]) -> bool:
    """ "Rosselló" in "Ricardo Rosselló Nevares": the word before the last of a name of
    three words or more, the first of two surnames, when it is a word of a name."""
    return (
        len(name) >= 3
        and name[-2] == word
        and word[:1].isupper()
        and len(word) > 2
        and word.lower() not in words().particles
    )


def _persons_over_bodies(candidates: list[_Candidate]) -> None:
    """ "Bloomberg" where the article names Michael Bloomberg: one word the gazetteer knows
    as an organisation's name is the surname of a person the article names in full."""
    surnames = {
        c.written.split()[-1]
        for c in candidates
        if c.label == "PERSON" and c.known is None and len(c.written.split()) > 1
    }
    for candidate in candidates:
        known = candidate.known
        if known is not None and known.type == "ORG" and candidate.written in surnames:
            candidate.known = None
            candidate.label = "PERSON"
            candidate.span = Span(
                candidate.span.doc, candidate.span.start, candidate.span.end, label="PERSON"
            )


def _abbreviations(candidates: list[_Candidate], gazetteer: Gazetteer) -> dict[str, _Candidate]:
    """ "Coastal Farmers Union (CFU)": an abbreviation in brackets right after a
    name, spelt by the initials of the capitalised words before the bracket, stands for
    that name wherever the document writes it. The initials also mend a name the model cut
    short ("Rashtriya Lok Morcha (RLM)" tagged as "Lok Morcha"), and a name with an
    abbreviation is an organisation's."""
    defined: dict[str, _Candidate] = {}
    for candidate in candidates:
        span = candidate.span
        doc = span.doc
        short = _bracketed(span)
        if short is None or short in defined or len(short) < 2:
            continue
        if not (short.isalpha() and short.isupper()):
            continue
        start = _spelt_by(doc, span.end, short)
        if start is None or start > span.start:
            continue
        if any(t.lower_ in role_table_nouns() for t in doc[start : span.start]):
            continue
        if start < span.start:
            candidate.span = Span(doc, start, span.end, label=span.label_)
            candidate.written = surface(candidate.span)
            candidate.known = gazetteer.lookup(candidate.written)
        if candidate.label == "PERSON":
            candidate.label = "ORG"
        defined[short] = candidate
    return defined


def _bracketed(span: Span) -> str | None:
    """The word in brackets right after a span ("Electoral Photo Identity Card (EPIC)"):
    the abbreviation of a name, which names no actor when the name does not."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        return doc[span.end + 1].text
    return None


_SPELLING_GAPS = frozenset({"of", "and", "for", "the", "on", "in", "de", "&", "-"})


def _spelt_by(doc: Doc, end: int, short: str) -> int | None:
    """Where the words ending at `end` whose capital initials spell `short` begin: small
    connecting words ("of", "and") are passed over, any other word breaks the spelling."""
    letters = list(short)
    i = end - 1
    while i >= 0 and letters:
        token = doc[i]
        if token.text[:1].isupper() and token.is_alpha:
            if token.text[0] != letters[-1]:
                return None
            letters.pop()
        elif token.lower_ not in _SPELLING_GAPS and not (i > 0 and doc[i - 1].text == "-"):
            return None
        i -= 1
    return i + 1 if not letters else None


def _expand(candidates: list[_Candidate], defined: dict[str, _Candidate]) -> None:
    """Each abbreviation the text defines takes the name it stands for; the abbreviation
    stays as the mention's written form."""
    for candidate in candidates:
        long = defined.get(candidate.written)
        if long is None or long is candidate:
            continue
        candidate.raw = candidate.raw or candidate.written
        candidate.written = long.written
        candidate.known = long.known
        candidate.label = long.label


def _narrowed(span: Span, name: str, label: str) -> Span:
    """The part of `span` a repaired name still covers ("House Nancy Pelosi" → the tokens of
    "Nancy Pelosi"), so the words cut off are free for the rules that read context."""
    at = span.text.rfind(name)
    if at < 0 or (name == span.text and label == span.label_):
        return span
    narrowed = span.doc.char_span(
        span.start_char + at,
        span.start_char + at + len(name),
        label=label,
        alignment_mode="expand",
    )
    return narrowed if narrowed is not None and len(narrowed) else span


def _after_role(span: Span) -> bool:
    """ "spokesman Orla Venn": a full name right after a role noun is a person's."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in role_table_nouns()


def _after_body_noun(span: Span) -> bool:
    """ "software company Red Hat", "the company Blue Lantern": a name right after a noun
    that describes an organisation, and joined to it (the noun modifies the name or the
    name stands in apposition to it), is that organisation's, whatever the model tagged
    it; "speaker of the parliament Ali Larijani" is not."""
    if span.start == 0:
        return False
    noun = span.doc[span.start - 1]
    root = span.root
    return noun.lower_ in body_descriptors() and (
        (noun.head == root and noun.dep_ == "compound")
        or (root.head == noun and root.dep_ == "appos")
    )


def _titled(span: Span) -> bool:
    """ "President Velazi": a capitalised role noun right before a name makes it a
    person's, whatever the model tagged it."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.is_title and before.lower_ in role_table_nouns()


def _most_written(matches: list[_Candidate], position: int) -> _Candidate | None:
    """The full name a short one abbreviates: the one written most often, and of those the
    nearest before `position` (else the first after it)."""
    if not matches:
        return None
    counts = Counter(c.written for c in matches)
    top = max(counts.values())
    frequent = [c for c in matches if counts[c.written] == top]
    before = [c for c in frequent if c.span.start < position]
    return before[-1] if before else frequent[0]


def _is_title(written: str) -> bool:
    """ "Vice President", "Foreign Secretary": a title the model tagged as an organisation."""
    words = written.split()
    return len(words) <= 3 and words[-1].lower().rstrip(".") in title_words()


def _only_title(written: str, span: Span) -> bool:
    """ "Vice President", "Prime Minister", "Deputy Mayor" tagged as a person: two words or
    more, each part of a title, name no one; coreference reads them as the office holder.
    So does one title word after a courtesy title or "the" ("the Lord Mayor")."""
    parts = [word.lower().rstrip(".") for word in written.split()]
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    lead = {span[0].lower_, before}
    if len(parts) == 1 and lead & (set(honorifics()) | set(_DETERMINERS)):
        return parts[0] in title_words()
    allowed = _title_parts()
    return len(parts) > 1 and parts[-1] in title_words() and all(p in allowed for p in parts)


@lru_cache(maxsize=1)
def _title_parts() -> frozenset[str]:
    """Words a title is made of ("Vice", "Prime", "Home", "of" in "Minister of State"), built
    once: `_only_title` asks for every candidate span of every article."""
    subordinate = frozenset(data_file("roles.json")["subordinate"])
    return title_words() | portfolios() | words().qualifiers | subordinate | {"prime", "of"}


def _starts_title(span: Span) -> bool:
    """ "Supreme Leader", "Grand Mufti": one capitalised word the model tagged as a body,
    right before a capitalised role noun, is the first word of a title; an acronym there
    ("NATO Secretary General") is the body the title is of, and so is a region or city
    ("California Attorney General", checked by the caller)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        len(span) == 1
        and not span[0].is_upper
        and after is not None
        and after.is_title
        and after.lower_ in role_table_nouns()
    )


def _names_an_event(span: Span) -> bool:
    """ "the joint naval exercise Malabar", "the summit Davos": a name right after the event
    noun it names is that event, not an actor. A role noun ("spokesman Orla Venn") names
    no event."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    root = span.root
    linked = (
        root.head.i == before.i
        or before.head.i == root.i
        or (root.head.i == before.head.i and root.dep_ == before.dep_)
    )
    if before.pos_ != "NOUN" or not linked or before.lower_ in role_table_nouns():
        return False
    sense = lexicon().noun(before)
    return sense is not None and sense.cameo is not None


def _own_bodies(candidates: list[_Candidate], gazetteer: Gazetteer, foreign: set[str]) -> None:
    """ "the Senate" in an article that names the United States more than any other country:
    a body named without its country ("Senate" for the "US Senate") is the body of that
    name of the country the article names most, so it has one name in every article;
    unless the article writes it as another place's body (`foreign`)."""
    named = Counter(
        c.known.country for c in candidates if c.known and c.known.kind in (COUNTRY, DEMONYM)
    )
    if not named:
        return
    top = most_named(named)
    for candidate in candidates:
        if candidate.known is not None or candidate.label != "ORG" or candidate.written in foreign:
            continue
        for body in gazetteer.bodies().get(candidate.written, []):
            if body.country == top:
                candidate.known = body
                break


def _someone_elses(span: Span, known: Known, gazetteer: Gazetteer) -> tuple[bool, Known | None]:
    """ "the state's House of Representatives", "Nigeria's House of Representatives":
    a body the gazetteer knows as one country's, written as the body of some other place,
    is not that country's; it keeps the name it is written with, and so does every other
    mention of it in the document. Also the place the possessive names, where the gazetteer
    knows it ("Nigeria" of "Nigeria's"), which the body is of."""
    if known.kind not in BODY_KINDS or not known.country:
        return False, None
    owners = [child for child in span.root.children if child.dep_ == "poss"]
    if not owners or owners[0].pos_ == "PRON":
        return False, None
    words = [t for t in owners[0].subtree if t.dep_ != "case" and not t.is_punct]
    place = gazetteer.lookup(" ".join(t.text for t in words).removeprefix("the "))
    return place is None or place.country != known.country, place


def _home(candidates: list[_Candidate], doc: Doc, gazetteer: Gazetteer) -> str | None:
    """ "Congress" in an Indian article, "Democrats" in a British one: a party or body the
    gazetteer knows by a name many countries' have (`names.common_name`) is that country's
    only where the article is not clearly about another one; where it is, the name is left
    unmapped, and a body (not a party: "Democrats" in an Indian article are American) is
    one of the country the article is about, with the sector of its kind. The vote: every
    actor the gazetteer or the place tables place, but for the common names in question
    (ten "Congress" in an Indian article are no vote for the United States), and every
    nationality adjective; a winner needs two votes and more than half of all. A party's
    adjective so unmapped ("the Democratic leader" in a Japanese article) describes a noun
    like any other nationality or family adjective, and names no actor."""
    votes: Counter[str] = Counter()
    for candidate in candidates:
        code = None
        if candidate.known is not None and candidate.known.country:
            if candidate.known.kind in BODY_KINDS and common_name(candidate.written):
                continue
            code = gazetteer.code(candidate.known.country)
        elif candidate.label == "GPE":
            code = gazetteer.place(candidate.written)
        if code:
            votes[code] += 1
    votes += demonym_votes(doc, gazetteer)
    return clear_winner(votes)


def _leave_home_names(
    candidates: list[_Candidate], home: str | None, gazetteer: Gazetteer
) -> set[str]:
    """Unmaps the common names of a country other than the article's home (`_home`), and
    returns them, which no other rule may map to a body again."""
    left: set[str] = set()
    if home is None:
        return left
    for candidate in candidates:
        known = candidate.known
        if known is None or known.kind not in BODY_KINDS or not known.country:
            continue
        if gazetteer.code(known.country) == home or not common_name(candidate.written):
            continue
        candidate.known = None
        left.add(candidate.written)
        if known.kind != "party":
            candidate.country, candidate.sector = home, sector_table().kinds.get(known.kind)
    candidates[:] = [
        c for c in candidates if c.known or c.label != "NORP" or not _is_modifier(c.span.root)
    ]
    return left


def _before_brief(span: Span, written: str, gazetteer: Gazetteer) -> tuple[Span, str, Known] | None:
    """ "Lib Dem Health spokesman": a known body with the brief of the role that follows
    run into its name is that body; the brief belongs to the title. So is one with the
    title itself run into it ("The Conservative Party Co-Chairman", "Labour Leader")."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    words = written.split()
    cut = len(words)
    if len(words) > 1 and _title_word(words[-1]):
        cut -= 1
    elif after is None or after.lower_ not in role_table_nouns():
        return None
    while cut > 1 and words[cut - 1].lower() in portfolios():
        cut -= 1
    known = gazetteer.lookup(" ".join(words[:cut])) if cut < len(words) else None
    if known is None:
        return None
    name = " ".join(words[:cut])
    narrowed = _narrowed(span, name, known.type)
    return Span(span.doc, narrowed.start, narrowed.end, label=known.type), name, known


def _title_word(word: str) -> bool:
    """ "Chairman", "Co-Chairman", "Vice-President": a role noun, after a hyphenated
    qualifier or not."""
    lowered = word.lower().rstrip(".")
    head = lowered.split("-")[-1]
    return lowered in role_table_nouns() or (
        head in role_table_nouns() and lowered.removesuffix(head).rstrip("-") in _qualifiers()
    )


def _portfolio(span: Span) -> bool:
    """ "Home Secretary", "Foreign Minister", "Union Sports Minister": a minister's brief,
    with the words that qualify a role, tagged as an organisation is part of the title that
    follows it."""
    words = {t.lower_ for t in span}
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        after is not None
        and after.lower_ in role_table_nouns()
        and bool(words & portfolios())
        and words <= portfolios() | _qualifiers()
    )


def _preference(label: str) -> int:
    return TYPE_PREFERENCE.index(label) if label in TYPE_PREFERENCE else len(TYPE_PREFERENCE)
