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
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from polgraph.ingest.actors import NAME, Actor, honorifics, portfolios, role_table_nouns
from polgraph.ingest.agents import country_mention, generic_agents
from polgraph.ingest.coref import resolve_references
from polgraph.ingest.gazetteer import CAPITAL, COUNTRY, DEMONYM, Gazetteer, Known, load_gazetteer
from polgraph.ingest.names import country_prefixed, repair, storm_names
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
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
_DETERMINERS = ("the", "a", "an")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"


def _trim(span: Span) -> tuple[list[Token], str | None]:
    """The name's own tokens, without determiners, titles and possessive marks, and the
    gender a courtesy title gave it."""
    tokens = [t for t in span if not (t.is_punct and t.text in _QUOTES)]
    gender: str | None = None
    titles = honorifics()
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].lower_ in titles):
        if tokens[0].lower_ in titles:
            gender = titles[tokens[0].lower_] or gender
        tokens = tokens[1:]
    while tokens and tokens[-1].text in _POSSESSIVE:
        tokens = tokens[:-1]
    return tokens, gender


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
    if gender is None and span.start > 0:
        gender = honorifics().get(span.doc[span.start - 1].lower_) or None
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


def _split_hyphenated(span: Span) -> Iterator[Span]:
    """ "the Trump-Musk rupture": a hyphen between capitalised words joins two names when
    each part is also written on its own, outside the hyphenated form ("Jean-Pierre" and
    "Kilroy-Silk" written three times stay one name); "Ex-Labour" is Labour, the "ex" is
    read by the role rules as "former"."""
    if len(span) > 2 and span[0].lower_ == "ex" and span[1].text == "-":
        span = Span(span.doc, span.start + 2, span.end, label=span.label_)
    parts = [part.strip() for part in span.text.split("-")]
    whole = span.doc.text.count(span.text)
    if len(parts) < 2 or any(span.doc.text.count(part) <= whole for part in parts):
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


def _is_modifier(token: Token) -> bool:
    """ "a Russian lawmaker": the demonym describes a noun, it does not act."""
    return token.dep_ in MODIFIER_DEPS or (token.dep_ == "poss" and token.head.pos_ == "NOUN")


def _is_location(token: Token) -> bool:
    """ "talks in Moscow": the city is where something happened, not who did it."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def _gazetteer_spans(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> Iterator[Span]:
    """Gazetteer names the model did not tag, matched with their exact capitalisation."""
    i = 0
    while i < len(doc):
        if i in taken or not (doc[i].is_title or doc[i].is_upper):
            i += 1
            continue
        for size in range(min(gazetteer.longest, len(doc) - i), 0, -1):
            if any(j in taken for j in range(i, i + size)):
                continue
            known = gazetteer.lookup(doc[i : i + size].text, exact=True)
            if known is not None and not (size == 1 and doc[i].pos_ != "PROPN" and not _ex(doc, i)):
                yield Span(doc, i, i + size, label=known.type)
                i += size
                break
        else:
            i += 1


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


def _hyphen_joins(doc: Doc, i: int, taken: set[int]) -> bool:
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


def _proper_runs(doc: Doc, taken: set[int]) -> Iterator[Span]:
    """Proper nouns the model tagged as nothing, standing as an argument: a company name
    like "SpaceX" often goes untagged. Only runs written in a way no common word is
    (inner capitals, all capitals) or repeated in the document count, typed ORG unless a
    courtesy title makes them a person."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        if i in taken or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
            i += 1
            continue
        end = i
        while end + 1 < len(doc) and end + 1 not in taken:
            if doc[end + 1].pos_ == "PROPN":
                end += 1
            elif _hyphen_joins(doc, end + 1, taken):
                end += 2
            else:
                break
        runs.append(doc[i : end + 1])
        i = end + 1
    counts = Counter(run.text for run in runs)
    for run in runs:
        if run.root.dep_ not in ARGUMENT_DEPS or not any(c.isalpha() for c in run.text):
            continue
        shaped = any(
            any(c.isupper() for c in t.text[1:]) and not t.text.startswith(("Mc", "Mac"))
            for t in run
        )
        if not (shaped or counts[run.text] > 1):
            continue
        titled = run.start > 0 and doc[run.start - 1].lower_ in honorifics()
        yield Span(doc, run.start, run.end, label="PERSON" if titled else "ORG")


class ActorIndex:
    """Every actor span of a document, resolved to canonical names.

    Public face for the relation rules: `actor_at(token)` answers for names, pronouns and
    descriptors alike, so a rule written for "Musk criticised Trump" also reads
    "he criticised the president".
    """

    def __init__(
        self,
        doc: Doc,
        overrides: Overrides = NO_OVERRIDES,
        gazetteer: Gazetteer | None = None,
        *,
        references: bool = True,
    ) -> None:
        self.doc = doc
        self.overrides = overrides
        self.gazetteer = gazetteer or load_gazetteer()
        candidates = self._candidates(doc)
        self._canonicalise(candidates, candidates)
        missed = list(self._untagged(doc, candidates))
        self._canonicalise(missed, candidates)
        candidates.extend(missed)
        types = self._types(candidates)
        self.genders: dict[str, str] = {}
        by_token: dict[int, Actor] = {}
        for candidate in candidates:
            name = candidate.name
            written = candidate.raw or candidate.written
            mention = Mention(entity_id(name), name, written, types[name])
            actor = Actor(candidate.span, mention)
            gender = title_gender(candidate.span)
            if gender:
                self.genders.setdefault(mention.id, gender)
            for token in candidate.span:
                by_token[token.i] = actor
        self._groups: dict[int, list[Actor]] = {}
        for span, mentions in generic_agents(doc, self.gazetteer):
            group = [Actor(span, mention) for mention in mentions]
            for token in span:
                by_token[token.i] = group[0]
            self._groups[span.root.i] = group
        self._by_token = by_token
        self._names = dict(by_token)
        if references:
            found, groups = resolve_references(doc, self._names, self.genders)
            self._by_token.update(found)
            self._groups.update(groups)

    def _candidates(self, doc: Doc) -> list[_Candidate]:
        spans = [
            part for ent in doc.ents if ent.label_ in NAME_LABELS for part in _split_hyphenated(ent)
        ]
        taken = {token.i for ent in doc.ents for token in ent}
        spans.extend(_gazetteer_spans(doc, self.gazetteer, taken))
        taken |= {token.i for span in spans for token in span}
        spans.extend(_proper_runs(doc, taken))
        found: list[_Candidate] = []
        storms = storm_names(doc)
        for span in sorted(spans, key=lambda s: s.start):
            raw = surface(span)
            if not raw or not any(c.isalpha() for c in raw):
                continue
            fixed = repair(span, raw, storms)
            if fixed.name is None:
                continue
            written = fixed.name
            tagged = span in doc.ents
            span = _narrowed(span, written, fixed.label or span.label_)
            known = self.gazetteer.lookup(written) or country_prefixed(written, self.gazetteer)
            if known is not None and span.label_ == "PERSON" and known.type == "GPE":
                known = None
            if known is not None and known.kind == DEMONYM and _is_modifier(span.root):
                continue
            if known is not None and known.kind == CAPITAL and _is_location(span.root):
                known = Known(written, "LOC", "place", known.country)
            if known is None and span.label_ not in ACTOR_TYPES:
                continue
            if known is None and span.label_ != "PERSON" and _is_title(written):
                continue
            if known is None and span.label_ != "PERSON" and _starts_title(span):
                continue
            if known is None and span.label_ != "PERSON" and _names_an_event(span):
                continue
            if known is None and _portfolio(span):
                continue
            if known is None and span.label_ == "NORP" and _is_modifier(span.root):
                continue
            raw = raw if fixed.rules else ""
            found.append(_Candidate(span, written, span.label_, tagged, known, raw=raw))
        return found

    def _canonicalise(self, candidates: list[_Candidate], pool: list[_Candidate]) -> None:
        """Gazetteer names first; then a short name takes the nearest full name that ends
        with it, preferring one written before it, unless the overrides keep them apart."""
        full = [c for c in pool if c.known is None and len(c.written.split()) > 1]
        persons = {c.written for c in full if c.label == "PERSON"}
        for candidate in candidates:
            if candidate.known is not None:
                candidate.name = self.overrides.canonical(candidate.known.name)
                continue
            written = self.overrides.canonical(candidate.written)
            if written != candidate.written:
                candidate.name = written
                continue
            words = written.split()
            matches = [
                c
                for c in full
                if c.written in persons
                and c.written != written
                and c.written.split()[-len(words) :] == words
                and not self.overrides.kept_apart(written, c.written)
            ]
            if len(words) == 1 and self._placename(written, pool):
                matches = []
            chosen = _most_written(matches, candidate.span.start)
            candidate.name = self.overrides.canonical(chosen.written if chosen else written)

    @staticmethod
    def _placename(written: str, pool: list[_Candidate]) -> bool:
        """A single word tagged as a place or body at least twice and never as a person is
        a name of its own ("Melbourne"), not a surname; a lone GPE tag ("Snowden") is not."""
        labels = Counter(c.label for c in pool if c.tagged and c.written == written)
        return labels["PERSON"] == 0 and sum(labels.values()) >= 2

    def _untagged(self, doc: Doc, candidates: list[_Candidate]) -> Iterator[_Candidate]:
        """Mentions the model missed: the same words as a resolved name, or the surname of
        a full personal name, wherever they stand capitalised outside another name."""
        forms: dict[tuple[str, ...], _Candidate] = {}
        for candidate in candidates:
            if candidate.known is not None:
                continue
            words = tuple(candidate.written.split())
            forms.setdefault(_hyphen_split(words), candidate)
            if candidate.label == "PERSON" and len(words) > 1 and len(words[-1]) > 2:
                forms.setdefault(_hyphen_split(words[-1:]), candidate)
        taken = {token.i for c in candidates for token in c.span}
        taken |= {token.i for ent in doc.ents for token in ent}
        longest = max((len(f) for f in forms), default=0)
        i = 0
        while i < len(doc):
            match = None
            if i not in taken and doc[i].is_title:
                for size in range(min(longest, len(doc) - i), 0, -1):
                    words = tuple(t.text for t in doc[i : i + size])
                    if words in forms and not any(j in taken for j in range(i, i + size)):
                        match = (size, forms[words])
                        break
            if match is None or (match[0] == 1 and doc[i].pos_ != "PROPN"):
                i += 1
                continue
            size, source = match
            span = Span(doc, i, i + size, label=source.label)
            yield _Candidate(span, span.text, source.label, False)
            i += size

    def _types(self, candidates: list[_Candidate]) -> dict[str, str]:
        """One type per canonical name: an override, else the gazetteer, else PERSON when
        the full name was tagged PERSON or carries a courtesy title (NER often calls a
        lone surname a place or a company), else the majority of the tagged mentions."""
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        person: set[str] = set()
        known: dict[str, str] = {}
        for candidate in candidates:
            name = candidate.name
            if candidate.known is not None:
                known.setdefault(name, candidate.known.type)
            if candidate.tagged:
                votes[name][candidate.label] += 1
            words = candidate.written.split()
            if candidate.tagged and candidate.label == "PERSON" and len(words) > 1:
                person.add(name)
            if title_gender(candidate.span) is not None:
                person.add(name)
        types: dict[str, str] = {}
        for candidate in candidates:
            name = candidate.name
            if name in types:
                continue
            chosen = self.overrides.type_of(name) or known.get(name)
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
    return len(words) <= 3 and role_table_nouns().intersection([words[-1].lower()]) != set()


def _starts_title(span: Span) -> bool:
    """ "Supreme Leader", "Grand Mufti": one capitalised word the model tagged as a body,
    right before a capitalised role noun, is the first word of a title."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        len(span) == 1
        and after is not None
        and after.is_title
        and after.lower_ in role_table_nouns()
    )


def _names_an_event(span: Span) -> bool:
    """ "the joint naval exercise Malabar", "the summit Davos": a name right after the event
    noun it names is that event, not an actor."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    root = span.root
    linked = (
        root.head.i == before.i
        or before.head.i == root.i
        or (root.head.i == before.head.i and root.dep_ == before.dep_)
    )
    return before.pos_ == "NOUN" and linked and lexicon().noun(before) is not None


def _portfolio(span: Span) -> bool:
    """ "Home Secretary", "Foreign Minister": a minister's brief tagged as an organisation
    is part of the title that follows it."""
    words = {t.lower_ for t in span}
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lower_ in role_table_nouns() and words <= portfolios()


def _preference(label: str) -> int:
    return TYPE_PREFERENCE.index(label) if label in TYPE_PREFERENCE else len(TYPE_PREFERENCE)
