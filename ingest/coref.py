"""Pronouns and descriptors resolved to the named actor they stand for, by rule.

News writes a name once and then "he", "the billionaire", "the company". The rules are the
classic salience ones (Lappin and Leass, simplified): the nearest compatible actor, with
subjects and recent sentences weighing more, and binding constraints that rule candidates
out: "him" is not the subject of its own clause, a descriptor is not the subject of the clause
that contains it, the person whose deportation someone calls for is not the caller. Inside a
quotation "I" and "we" are the speaker (or the body the speaker speaks for).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from polgraph.ingest.actors import DESCRIPTOR, NAME, PRONOUN, Actor, data_file, person_descriptors
from polgraph.ingest.affiliation import known_affiliation, sector_table
from polgraph.ingest.agents import (
    AGENT_TYPE,
    NATIONAL_SECTORS,
    OPPOSITION,
    Agent,
    agent_noun,
    agent_nouns,
    country_mention,
    country_modifiers,
    home_country,
    plural,
)
from polgraph.ingest.gazetteer import COUNTRY, DEMONYM, Known, load_gazetteer
from polgraph.ingest.records import Mention, entity_id

PERSON = frozenset({"PERSON"})
GROUP = frozenset({"ORG", "GPE", "NORP"})
PRONOUNS: dict[str, tuple[frozenset[str], str | None]] = {
    "he": (PERSON, "m"),
    "him": (PERSON, "m"),
    "his": (PERSON, "m"),
    "himself": (PERSON, "m"),
    "she": (PERSON, "f"),
    "her": (PERSON, "f"),
    "hers": (PERSON, "f"),
    "herself": (PERSON, "f"),
    "they": (GROUP, None),
    "them": (GROUP, None),
    "their": (GROUP, None),
    "themselves": (GROUP, None),
    "it": (GROUP - {"NORP"}, None),
    "its": (GROUP - {"NORP"}, None),
    "itself": (GROUP - {"NORP"}, None),
}
PLURAL = frozenset({"they", "them", "their", "themselves"})
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "myself"})
SPEAKER_GROUP_PRONOUNS = frozenset({"we", "us", "our", "ourselves"})
# "you" in an interviewer's question: the one interviewed.
ADDRESSEE_PRONOUNS = frozenset({"you", "your", "yours", "yourself"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "dative", "pobj", "iobj"})
INHERITED_SUBJECT = frozenset({"conj", "xcomp", "advcl", "acl", "relcl"})
REPORTING = frozenset(
    {"say", "tell", "add", "state", "claim", "write", "insist", "declare", "note", "warn",
     "argue", "explain", "announce", "reply", "respond", "continue", "tweet", "post", "ask"}
)  # fmt: skip
QUOTES = frozenset({'"', "\u201c", "\u201d"})
WINDOW = 2
# How many sentences back a quote running over several sentences looks for its speaker.
QUOTED_RUN = 8
# Clauses and phrases that can stand before the main clause and take its subject.
PREPOSED = frozenset({"advcl", "prep", "npadvmod"})
NUMBERS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
# "Blair's first government", "the new government": words that place a body in time keep it
# the body the article knows; any other qualifier makes it another one.
TENURE = frozenset(
    {
        OPPOSITION,
        "first",
        "second",
        "third",
        "new",
        "current",
        "previous",
        "outgoing",
        "interim",
        "next",
        "incoming",
        "present",
    }
)
# Sectors whose bodies "the party", "the church" may name by what the gazetteer knows of
# them; a state's bodies ("the ministry", "the police") are read as generic agents instead.
BODY_SECTORS = frozenset({"PTY", "REL", "EDU"})
# Words that end the title written before a name ("said courts minister Leslie").
_CLAUSAL = frozenset({"VERB", "AUX", "ADP", "PRON", "SCONJ", "ADV"})
# Title words a description must share with the title to mean its holder: "the chairman"
# is not the deputy chairman, "the home secretary" not the shadow home secretary.
_SHADOW = frozenset({"shadow", "acting", "interim"})
# Determiners under which an unnamed judge or court is the state's judiciary.
_JUDICIAL_DETERMINERS = frozenset({"a", "an", "another", "the"})
# Titles written with the first name rather than the surname.
_KNIGHTS = frozenset({"sir", "dame"})


@dataclass(frozen=True, slots=True)
class _Title:
    """An office or description the article gave an actor where it named them
    ("courts minister Christopher Leslie": the words {courts, minister}, head "minister"),
    with the bodies named in it ("UKIP leader Roger Knapman": UKIP)."""

    words: frozenset[str]
    head: str
    bodies: frozenset[str]
    actor: Actor | None = None
    listed: bool = False
    """From data/office_holders.tsv rather than the article's words: "the <office>" must
    name this office exactly and its body must be the one the description or the article's
    home country names."""


@dataclass(frozen=True, slots=True)
class _Referent:
    """A place where an actor was mentioned, as a candidate antecedent."""

    actor: Actor
    token: Token
    sentence: int
    speaker: bool = False


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """Descriptor nouns with the type they describe, patient nominals, role nouns, and the
    role nouns too ambiguous to resolve by nearness alone ("the president")."""
    coref = data_file("coref.json")
    roles = data_file("roles.json")["roles"]
    descriptors = {noun: "PERSON" for noun in roles if " " not in noun}
    descriptors.update(coref["descriptors"])
    return (
        descriptors,
        frozenset(coref["patient_nominals"]),
        frozenset(roles),
        frozenset(roles) - person_descriptors(),
    )


@dataclass(frozen=True, slots=True)
class _Holder:
    """A row of data/office_holders.tsv, kept under its holder's folded name: an office of
    a body and the years held."""

    words: frozenset[str]
    head: str
    body: str
    start: int
    end: int

    @property
    def years(self) -> range:
        """The years counted as the holder's: the year a successor took over is theirs."""
        return range(self.start, max(self.end, self.start + 1))


@lru_cache(maxsize=1)
def _office_holders() -> dict[str, list[_Holder]]:
    """Rows of data/office_holders.tsv by the folded name of their holder; an office still
    held runs through the last year the table knows."""
    text = resources.files("polgraph.ingest").joinpath("data", "office_holders.tsv")
    lines = [line for line in text.read_text("utf-8").splitlines() if not line.startswith("#")]
    fields = [line.split("\t") for line in lines[1:]]
    last = max(int(year) for row in fields for year in row[3:] if year)
    rows: dict[str, list[_Holder]] = {}
    for office, body, holder, start, end in fields:
        words = office.split()
        head = words[words.index("of") - 1] if "of" in words else words[-1]
        row = _Holder(
            frozenset(words) - {"of", "the"}, head, body, int(start), int(end or last + 1)
        )
        rows.setdefault(_folded(holder), []).append(row)
    return rows


def _folded(name: str) -> str:
    """A name compared without case and accents ("Francois Hollande" is "François")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().replace(".", "").split())


@lru_cache(maxsize=1)
def _agreeing() -> frozenset[str]:
    roles = data_file("roles.json")
    return frozenset(roles["subordinate"]) | frozenset(roles["former"]) | _SHADOW


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """First name → "m"/"f", from data/given_names.tsv (built by build_given_names.py)."""
    text = resources.files("polgraph.ingest").joinpath("data", "given_names.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            table[name] = gender
    return table


def first_name_gender(name: str) -> str | None:
    """The gender a person's first name tells, for a name of two words or more (a lone
    word may be a surname: "Warren" tells nothing)."""
    words = name.split()
    if len(words) < 2:
        return None
    folded = unicodedata.normalize("NFKD", words[0].casefold())
    first = "".join(c for c in folded if not unicodedata.combining(c))
    return given_names().get(first)


def clause_verb(token: Token) -> Token:
    """The verb of the clause a token stands in (the token itself when it is one)."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
    return current


def clause_subjects(verb: Token) -> list[Token]:
    """Subjects of a verb, taken from the verb it hangs off when it has none of its own
    ("Bannon branding Musk ... and calling for", "saying")."""
    found = [child for child in verb.children if child.dep_ in SUBJECTS]
    # "although there is nothing to prevent him": an expletive is the clause's own subject.
    expletive = any(child.dep_ == "expl" for child in verb.children)
    if not found and not expletive and verb.dep_ in INHERITED_SUBJECT and verb.head.i != verb.i:
        return clause_subjects(verb.head)
    return found


def _ancestor_subjects(token: Token) -> list[Token]:
    """Subjects of the clauses that contain the token, with their conjuncts ("Labour and the
    Liberal Democrats say the party's sums…"); a clause joined by "and" to another does not
    contain it ("The premier met them, and the PM spoke")."""
    subjects: list[Token] = []
    below = token
    for ancestor in (token, *token.ancestors):
        if ancestor.pos_ in ("VERB", "AUX") and not (
            below.dep_ == "conj" and below.pos_ in ("VERB", "AUX")
        ):
            for subject in clause_subjects(ancestor):
                subjects.extend(s for s in subject.conjuncts if s.i != token.i)
                if subject.i != token.i:
                    subjects.append(subject)
        below = ancestor
    return subjects


def _weight(token: Token) -> int:
    """Salience of the grammatical role an antecedent was mentioned in; the subject of the
    sentence's main clause a little over one in a clause below it ("Amnesty said the World
    Bank had ignored warnings. It also expressed concern": Amnesty)."""
    if token.dep_ in SUBJECTS:
        return 60 if token.head.dep_ == "ROOT" else 50
    if token.dep_ == "appos" and token.head.dep_ in SUBJECTS and token.head.ent_type_ == "":
        return 60 if token.head.head.dep_ == "ROOT" else 50
    if token.dep_ == "poss" and token.head.dep_ in SUBJECTS:
        return 30
    if token.dep_ in OBJECTS:
        return 20
    return 0


def _quote_marks(token: Token, step: int) -> Iterator[tuple[Token, bool | None]]:
    """The quotation marks from the token towards the paragraph's start (step -1) or end
    (step 1), each with whether it opens a quote (None when its spacing does not tell)."""
    doc = token.doc
    i = token.i + step
    while 0 <= i < len(doc):
        mark = doc[i]
        if "\n" in mark.text or (step < 0 and "\n\n" in mark.text_with_ws):
            return
        if mark.text in QUOTES:
            yield mark, _opens(mark)
        if step > 0 and "\n\n" in mark.text_with_ws:
            return
        i += step


def _opens(mark: Token) -> bool | None:
    """ "said: "I" opens, "you."" closes: a curly mark says which it is; a straight one
    opens when written tight to the word after it and apart from the one before, and
    closes the other way round. A scraped text that lost its paragraph breaks ("for you.
    "Somehow I hope") keeps its quotes apart this way, where counting marks would not."""
    if mark.text != '"':
        return mark.text == "\u201c"
    doc = mark.doc
    apart_before = mark.i == 0 or bool(doc[mark.i - 1].whitespace_)
    tight_after = not mark.whitespace_ and mark.i + 1 < len(doc)
    if apart_before and tight_after:
        return True
    if not apart_before and not tight_after:
        return False
    return None


def in_quote(token: Token) -> bool:
    """Whether the token stands inside a quotation: the nearest mark before it in the
    paragraph opens one; failing marks whose spacing tells, an odd number of marks."""
    count = 0
    for _, opens in _quote_marks(token, -1):
        if opens is not None and count == 0:
            return opens
        count += 1
    return count % 2 == 1


def _starts_quoted(sentence: Span) -> bool:
    """Whether a sentence begins inside a quotation, or with one opening: it goes on with
    the quote of the sentence before, or with that sentence's speaker."""
    first = next((t for t in sentence if not t.is_space and not t.is_punct), None)
    return first is not None and in_quote(first)


def _quote_end(token: Token) -> Token | None:
    """The mark that closes the quotation the token stands in."""
    for mark, opens in _quote_marks(token, 1):
        return None if opens else mark
    return None


def _head_countries(token: Token) -> list[tuple[Span, Known]]:
    return country_modifiers(token.head, load_gazetteer())


_TURN_LABEL = re.compile(r"\(\(([^()\n]{1,60})\)\)")


def _turn_label(token: Token) -> str | None:
    """The label in double brackets heading the paragraph the token stands in, the way an
    interview transcript marks whose turn it is ("((WN)) Why did you ...?")."""
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    return _heading_label(text[start:] if end == -1 else text[start:end])


def _turn_labels(doc: Doc) -> Iterator[str]:
    """Every turn label of an interview transcript, one per paragraph it heads."""
    for line in doc.text.split("\n"):
        label = _heading_label(line)
        if label is not None:
            yield label


def _heading_label(line: str) -> str | None:
    """The turn label a paragraph's line opens with, if any: one reading for the label of a
    token's paragraph and for the list of a transcript's labels."""
    found = _TURN_LABEL.match(line.lstrip())
    return found.group(1).strip() if found else None


def _the_government(token: Token) -> bool:
    """ "the government's": the noun itself, with "the" and nothing else before it
    ("the administration's", "the committee's" name other bodies as often)."""
    determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
    return token.lemma_.lower() == "government" and determiners == ["the"]


def _place(token: Token) -> tuple[Token, Mention] | None:
    """ "police in Punjab", "protesters in Belgrade", "troops in Mali": the phrase that
    names where the body acts, and the country that place is or lies in."""
    gazetteer = load_gazetteer()
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN":
                continue
            start = min([pobj.i, *(c.i for c in pobj.children if c.dep_ == "compound")])
            words = token.doc[start : pobj.i + 1].text
            known = gazetteer.lookup(words, exact=True)
            if known is not None and known.kind != COUNTRY:
                known = gazetteer.lookup(known.country, exact=True) if known.country else None
            if known is None and (code := gazetteer.place(words)) is not None:
                name = next((n for n, c in gazetteer.codes.items() if c == code), None)
                known = gazetteer.lookup(name, exact=True) if name else None
            if known is not None and known.kind == COUNTRY:
                code = gazetteer.code(known.name)
                return prep, Mention(entity_id(known.name), known.name, words, "GPE", code)
    return None


def _names_something(phrase: Token, keep: Token | None = None) -> bool:
    """A prepositional phrase or modifier with a proper name or a nationality in it ("of
    Goa", "in Punjab", "from Russian units", "middle England") names what it qualifies."""
    return any(
        t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG", "LOC", "PERSON")
        for t in phrase.subtree
        if t.i != phrase.i or t == keep
    )


class _Resolver:
    def __init__(
        self, doc: Doc, names: dict[int, Actor], genders: dict[str, str], year: int | None = None
    ) -> None:
        self.doc = doc
        self.names = names
        self.genders = genders
        self.descriptors, self.patients, self.roles, self.ambiguous = _tables()
        self.abbreviations: dict[str, str] = data_file("coref.json")["abbreviations"]
        self.any_body = frozenset(data_file("coref.json")["any_body"])
        self.any_actor = frozenset(data_file("coref.json")["any_actor"])
        self.pairs = frozenset(data_file("coref.json")["pairs"])
        self.agreeing = _agreeing()
        self.history: list[_Referent] = []
        self.pending: list[tuple[Token, int]] = []
        self.interviewee: tuple[Actor, ...] | None = None
        self.found: dict[int, Actor] = {}
        self.groups: dict[int, list[Actor]] = {}
        self.unnamed: list[tuple[Token, int]] = []
        # Offices the article wrote as "the <office>" without saying whose they were.
        self.vacant: set[str] = set()
        self.seen: set[str] = set()
        self.home: tuple[Mention, ...] | None = None
        # The sentence being read, for a pronoun read ahead of its turn.
        self.index = 0
        # Per sentence, how many sentences of narration (not starting inside a quote) so far.
        self.told: list[int] = []
        named = {actor.span.start: actor for actor in names.values()}
        self.titles: list[_Title] = [
            title for actor in named.values() for title in self._titles(actor)
        ]
        self.titles.extend(_listed_titles(list(named.values()), year))
        self.named_genders = {
            actor.mention.id: gender
            for actor in named.values()
            if actor.mention.type == "PERSON"
            and (gender := first_name_gender(actor.mention.name)) is not None
        }

    def run(self) -> tuple[dict[int, Actor], dict[int, list[Actor]]]:
        full = _first_names(self.doc, self.names)
        self.found.update(full)
        self.names = {**self.names, **full}
        told = 0
        for index, sentence in enumerate(self.doc.sents):
            self.index = index
            told += not _starts_quoted(sentence)
            self.told.append(told)
            for token in sentence:
                named = self.names.get(token.i)
                if named is not None:
                    if token.i == named.span.root.i:
                        self._named(named, token, index)
                    continue
                actor = self._reference(token, index)
                if actor is None:
                    continue
                self.found[token.i] = actor
                speaker = token.lower_ in SPEAKER_PRONOUNS | SPEAKER_GROUP_PRONOUNS
                self.history.append(_Referent(actor, token, index, speaker))
        return self.found, self.groups

    def _named(self, actor: Actor, token: Token, index: int) -> None:
        first = actor.mention.id not in self.seen
        self.seen.add(actor.mention.id)
        if first and actor.mention.type == "PERSON" and token.dep_ in SUBJECTS:
            for waiting, at in self.pending:
                if index - at == 1 and waiting.i not in self.found:
                    office = self._office(waiting, title=True)
                    if office is not None:
                        self.titles.append(replace(office, actor=actor))
                    self.found[waiting.i] = _as(actor, waiting, DESCRIPTOR)
            self.pending.clear()
        self.history.append(_Referent(actor, token, index))

    def _titles(self, actor: Actor) -> Iterator[_Title]:
        """Offices and descriptions this actor was given where named: "billionaire Elon
        Musk", "courts minister Christopher Leslie", "Novikov, a lawmaker", "the lawmaker,
        Novikov", "Tony Blair, the prime minister", "Musk is a billionaire"."""
        root = actor.span.root
        heads: list[Token] = []
        before = actor.span.start - 1
        if (
            before >= 0
            and before not in self.names
            and self.doc[before].dep_ in ("compound", "amod", "nmod")
            and actor.span.start <= self.doc[before].head.i < actor.span.end
        ):
            heads.append(self.doc[before])
        heads.extend(
            child
            for child in root.children
            if child.dep_ == "appos" and child.i not in self.names and child.i > root.i
        )
        if root.dep_ == "appos" and root.head.i not in self.names:
            heads.append(root.head)
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            heads.extend(
                child
                for child in root.head.children
                if child.dep_ == "attr" and child.i not in self.names
            )
        # "Karl Weber, who is the party's chairman": a clause that says what they are.
        heads.extend(
            attr
            for clause in root.children
            if clause.dep_ == "relcl" and clause.lemma_ == "be"
            and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children)
            for attr in clause.children
            if attr.dep_ == "attr" and attr.i not in self.names
        )  # fmt: skip
        for head in heads:
            office = self._office(head, before_name=head.i == before, title=True)
            if office is not None:
                yield replace(office, actor=actor)

    def _office(self, head: Token, before_name: bool = False, title: bool = False) -> _Title | None:
        """The words of a title or description ending in `head` (its modifiers to the left,
        short forms spelled out: "the PM" is {prime, minister}), its head noun, and the
        bodies and countries named in it ("Indian" is India); a title also counts a body's
        own words ("Secretary of State", with State a name, is "the secretary of state").
        None when the head is not a person or office noun."""
        lemma = head.lemma_.lower()
        if lemma not in self.descriptors and lemma not in self.abbreviations:
            return None
        words: list[str] = []
        bodies: set[str] = set()
        if before_name:
            modifiers = []
            for token in reversed(self.doc[head.sent.start : head.i]):
                if token.dep_ == "case":
                    continue
                if token.dep_ in ("det", "punct", "cc", "prep") or token.pos_ in _CLAUSAL:
                    break
                modifiers.append(token)
                if token.i in self.names:
                    break
        else:
            modifiers = [
                t
                for t in head.subtree
                if t.i < head.i and t.dep_ in ("compound", "amod", "nmod", "poss")
            ]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                modifiers.extend(t for t in prep.subtree if t.i != prep.i)
        for token in modifiers:
            named = self.names.get(token.i)
            if named is not None:
                bodies.add(named.mention.id)
                if title:
                    words.extend(word.lower_ for word in named.span if word.is_alpha)
            elif (known := _demonym(token)) is not None:
                bodies.add(entity_id(known.name))
            elif token.pos_ in ("NOUN", "PROPN", "ADJ") or token.lower_ in self.agreeing:
                words.extend(self.abbreviations.get(token.lemma_.lower(), token.lower_).split())
        expanded = self.abbreviations.get(lemma, lemma).split()
        words.extend(expanded)
        return _Title(frozenset(words), expanded[-1], frozenset(bodies))

    def _reference(self, token: Token, index: int) -> Actor | None:
        lower = token.lower_
        if lower in SPEAKER_PRONOUNS or lower in SPEAKER_GROUP_PRONOUNS:
            return self._speaker(token, lower in SPEAKER_GROUP_PRONOUNS)
        if lower in ADDRESSEE_PRONOUNS:
            return self._interviewee(token)
        if token.pos_ == "PRON" and lower in PLURAL:
            pair = self._coordinated_subjects(token, index) or self._coordinated_people(
                token, index
            )
            if pair:
                self.groups[token.i] = pair
                return pair[0]
        if token.pos_ == "PRON" and lower in PRONOUNS:
            return self._pronoun(token, index)
        lemma = token.lemma_.lower()
        if token.tag_ == "NNS" and (lemma in self.descriptors or lemma in self.any_actor):
            members = self._counted(token, lemma, index)
            if members:
                self.groups[token.i] = members
                return members[0]
        if token.tag_ == "NN" and lemma in self.pairs:
            members = self._pair(token, index)
            if members:
                self.groups[token.i] = members
                return members[0]
        # An office is often capitalised ("the Prime Minister"), so tagged a proper noun.
        office = token.pos_ == "PROPN" and lemma in self.roles
        if (
            (token.pos_ == "NOUN" or office) and lemma in self.descriptors
        ) or lemma in self.abbreviations:
            found = self._descriptor(token, index)
            if found is not None:
                return found
            if lemma in self.roles and any(c.lower_ == "the" for c in token.children):
                self.vacant.add(self.abbreviations.get(lemma, lemma).split()[-1])
            if self._someone(token):
                self.unnamed.append((token, index))
        agent = agent_noun(token)
        if agent is not None:
            return self._agent(token, agent, index)
        return None

    def _coordinated_subjects(self, token: Token, index: int) -> list[Actor]:
        """ "Judge Anna Roth and Judge Peter Lind ruled that ... . They said": the actors
        joined by "and" as the last subject of this sentence or the one before are who
        "they" stands for; not the subjects of its own clause ("A, B and C welcomed them")."""
        own = _own_subjects(token)
        for referent in reversed(self.history):
            if index - referent.sentence > 1:
                return []
            if referent.token.dep_ not in SUBJECTS or referent.token.i in own | {token.i}:
                continue
            members: dict[str, Actor] = {}
            for word in sorted((referent.token, *referent.token.conjuncts), key=lambda t: t.i):
                actor = self._known(word)
                if actor is not None:
                    members.setdefault(actor.mention.id, actor)
            if len(members) < 2:
                return []
            return [_as(actor, token, PRONOUN) for actor in members.values()]
        return []

    def _coordinated_people(self, token: Token, index: int) -> list[Actor]:
        """ "Karl Berg and his sister Lena Berg ... as they": two people named side by side,
        joined by "and" (with at most a kin or role word before the second), and no actor
        named since, are who "they" stands for."""
        if len(self.history) < 2:
            return []
        second = self.history[-1]
        # "Karl Berg and his sister Lena Berg": "his" is a referent of its own in between.
        earlier = [r for r in self.history[:-1] if r.actor.resolved_by == NAME]
        if not earlier:
            return []
        first = earlier[-1]
        if index - first.sentence > 1 or first.actor.mention.id == second.actor.mention.id:
            return []
        if {first.token.i, second.token.i} & _own_subjects(token):
            return []
        if any(
            r.actor.resolved_by != NAME or r.actor.mention.type not in PERSON
            for r in (first, second)
        ):
            return []
        between = self.doc[first.actor.span.end : second.actor.span.start]
        if not between or between[0].lower_ != "and" or len(between) > 3:
            return []
        if not all(t.is_lower and t.is_alpha for t in between[1:]):
            return []
        return [_as(first.actor, token, PRONOUN), _as(second.actor, token, PRONOUN)]

    def _agent(self, token: Token, agent: Agent, index: int) -> Actor | None:
        """ "the junta", "the police", "MPs", "Johnson's government": a generic agent of the
        same sector the article already named, else, for a state body, the one country the
        last sentences name ("In Myanmar ... the junta" → Military (Myanmar)), else the
        country the article is about ("the government" in a British article)."""
        judicial = self._judicial(token, agent)
        prep, place = _place(token) or (None, None)
        if self._acts_through(token, agent):
            # "Russian opposition leader": the nationality on the head is the body's.
            found = {known.name: (words, known) for words, known in _head_countries(token)}
            if len(found) > 1:
                return None
            if found:
                place = country_mention(*next(iter(found.values())))
        elif (
            token.dep_ in ("compound", "amod")
            # "the Trump administration's pressure": a person's government acts as possessor,
            # and so does "the government's" of the article ("the government's policy").
            or (token.dep_ == "poss" and self._owner(token) is None and not _the_government(token))
            or not (judicial or self._definite(token, agent, prep))
        ):
            return None
        leader = self._owner(token)
        earlier = self.history if leader is None and place is None else []
        for referent in reversed(earlier):
            mention = referent.actor.mention
            if mention.sector == agent.sector and mention.name.startswith(f"{agent.name} ("):
                return _as(referent.actor, token, DESCRIPTOR)
        if not (agent.national or judicial):
            return None
        if place is not None:
            country: Mention | None = place
        elif leader is not None:
            country = self._title_country(leader) or self._home() or self._nearest_country(index)
        else:
            country = self._nearest_country(index) or self._home()
        if country is None:
            return None
        name = f"{agent.name} ({country.name})"
        code = country.country or load_gazetteer().code(country.name)
        mention = Mention(entity_id(name), name, token.text, AGENT_TYPE, code, agent.sector)
        return Actor(Span(token.doc, token.i, token.i + 1), mention, DESCRIPTOR)

    def _definite(self, token: Token, agent: Agent, place: Token | None = None) -> bool:
        """ "the government", bare "ministers", or a person's ("Johnson's government"):
        a body the reader knows from the article, not one qualified by other words. A
        phrase after it that names nothing ("police in response", "the actions of police
        toward protesters") does not make it another body; one that names a place or body
        ("the government of Goa") does, unless it is the `place` the body acts in ("police
        in Punjab"). Civilians counted ("71 protesters were arrested") are victims, not the
        country's crowd."""
        determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
        owners = [child for child in token.children if child.dep_ == "poss"]
        # "the Carney government", "the Trump administration": a person's, as a possessor.
        owners += [c for c in token.children if c.dep_ == "compound" and self._leader(c, agent)]
        # "women voters", "disillusioned core voters": a crowd described is still a crowd.
        describing = () if agent.crowd else ("amod", "compound")
        qualifiers = [
            c for c in token.children if c.dep_ in (*describing, "appos") and c not in owners
        ]
        qualifiers += [
            c
            for c in token.children
            if c.dep_ in ("amod", "compound") and agent.crowd and _names_something(c, c)
        ]
        qualifiers += [
            c for c in token.children if c.dep_ == "prep" and c != place and _names_something(c)
        ]
        if any(c.lemma_.lower() not in TENURE and c.lower_ != agent.after for c in qualifiers):
            return False
        if agent.crowd and any(child.dep_ == "nummod" for child in token.children):
            return False
        if owners:
            # "his government": a possessive pronoun resolved to a person.
            person = self._person(owners[0]) is not None
            return person and (not determiners or owners[0].dep_ == "compound")
        if not determiners:
            return plural(token)
        return determiners == {"the"}

    def _acts_through(self, token: Token, agent: Agent) -> bool:
        """ "police violence against protesters", "a government spokeswoman", "army
        shelling": a state body named bare before what it does or who speaks for it is
        that body; "government ministers" or "police officers" are people of their own."""
        head = token.head
        return (
            token.dep_ == "compound"
            and agent.sector in NATIONAL_SECTORS
            and head.pos_ == "NOUN"
            and head.i == token.i + 1
            and agent_noun(head) is None
            and head.lemma_.lower() not in agent_nouns()
            and head.i not in self.names
            and not any(c.dep_ in ("det", "amod", "compound") for c in token.children)
        )

    def _owner(self, token: Token) -> Mention | None:
        """The person whose government this is ("Trump's government", "the Trump
        administration"): the country it governs is theirs, which the nearest sentence
        or an earlier government of another state need not be."""
        for child in token.children:
            named = self._person(child) if child.dep_ in ("poss", "compound") else None
            if named is not None:
                return named.mention
        return None

    def _titles_of(self, person: Mention) -> list[_Title]:
        """One actor's titles so far, the article's and the listed ones: the offices and
        bodies that are theirs."""
        return [
            title
            for title in self.titles
            if title.actor is not None and title.actor.mention.id == person.id
        ]

    def _title_country(self, person: Mention) -> Mention | None:
        """The country a title the article gave the person names ("US President Donald
        Trump")."""
        gazetteer = load_gazetteer()
        for title in self._titles_of(person):
            for name in gazetteer.codes:
                if entity_id(name) in title.bodies:
                    known = gazetteer.lookup(name, exact=True)
                    if known is not None and known.kind == COUNTRY:
                        code = gazetteer.code(name)
                        return Mention(entity_id(known.name), known.name, name, "GPE", code)
        return None

    def _leader(self, modifier: Token, agent: Agent) -> bool:
        """A person named before a government noun, as its leader ("the Carney
        government")."""
        named = self.names.get(modifier.i)
        return (
            agent.sector == "GOV"
            and named is not None
            and named.mention.type == "PERSON"
            and named.span.end - 1 == modifier.i
        )

    def _known(self, token: Token) -> Actor | None:
        """The actor a word is known as so far: a name, or a reference already resolved."""
        return self.names.get(token.i) or self.found.get(token.i)

    def _person(self, token: Token) -> Actor | None:
        """The person a name or a pronoun resolved so far stands for."""
        actor = self._known(token)
        return actor if actor is not None and actor.mention.type == "PERSON" else None

    def _nearest_country(self, index: int) -> Mention | None:
        """The one country the nearest sentence that names any names, looking back from
        this one up to WINDOW sentences: "Although India remains a democracy, ... . Media
        freedoms have been eroded, law enforcement bodies have targeted..." is India's
        police, whatever other countries the sentences before named. None when that
        sentence names several."""
        for distance in range(WINDOW + 1):
            countries = {
                referent.actor.mention.name: referent.actor.mention
                for referent in self.history
                if index - referent.sentence == distance and _country(referent.actor.mention)
            }
            if countries:
                return next(iter(countries.values())) if len(countries) == 1 else None
        return None

    def _judicial(self, token: Token, agent: Agent) -> bool:
        """ "another federal judge sentenced him", "a court ruled", "was jailed by a
        judge": a judge or court the article does not name, acting as the agent of a clause,
        acts for the judiciary of its state, however it is qualified, unless by a place or
        body of its own ("a court in Paris"). Where a court is only a place or a topic
        ("went to court", "said courts had flexibility") it is no actor."""
        if agent.sector != "JUD":
            return False
        determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
        named = any(
            t.i in self.names for t in token.subtree if t.i != token.i and t.dep_ != "relcl"
        )
        agentive = (token.dep_ == "nsubj" and token.head.lemma_ != "be") or (
            token.dep_ == "pobj" and token.head.dep_ == "agent"
        )
        return (
            agentive
            and len(determiners) == 1
            and determiners <= _JUDICIAL_DETERMINERS
            and not named
        )

    def _home(self) -> Mention | None:
        if self.home is None:
            found = home_country(self.doc, self.names)
            self.home = (found,) if found else ()
        return self.home[0] if self.home else None

    def _pronoun(self, token: Token, index: int) -> Actor | None:
        types, gender = PRONOUNS[token.lower_]
        if token.lower_ == "it" and token.dep_ not in SUBJECTS:
            return None
        if token.lower_ == "it" and _expletive(token):
            return None
        excluded: set[str] = set()
        verb = clause_verb(token)
        if token.dep_ in OBJECTS or token.dep_ == "dobj":
            excluded |= self._ids(clause_subjects(verb))
            if any(s.lower_ in SPEAKER_PRONOUNS | SPEAKER_GROUP_PRONOUNS
                   for s in clause_subjects(verb)):  # fmt: skip
                speaker = self._speaker(token, False)
                if speaker is not None:
                    excluded.add(speaker.mention.id)
        if token.dep_ == "poss" and token.head.lemma_.lower() in self.patients:
            excluded |= self._ids(clause_subjects(verb))
        if token.dep_ == "poss":
            excluded |= self._ids([c for c in token.head.children if c.dep_ == "appos"])
        excluded |= self._reported(token, verb)
        if types == PERSON:
            speaker = self._speaker(token, False)
            if speaker is not None:
                excluded.add(speaker.mention.id)
            enclosing = _ancestor_subjects(token)
            if enclosing and self._someone(enclosing[0]):
                return None
            decided, ahead = self._main_subject(token, gender)
            if decided:
                if ahead is None or ahead.mention.id in excluded:
                    return None
                return _as(ahead, token, PRONOUN)
        own = self._ids(clause_subjects(verb))
        quoted = in_quote(token)
        best: tuple[int, int, _Referent] | None = None
        for referent in self.history:
            mention = referent.actor.mention
            back = self._back(referent.sentence, index, quoted)
            if back > WINDOW or mention.type not in types:
                continue
            # The speaker of a quote ("I", "we") is as salient as a subject to the narrative
            # after it ('"We will finish the job." He also said'), not inside another's quote.
            if referent.speaker and quoted:
                continue
            if token.lower_ in PLURAL and (
                index - referent.sentence > 1 or referent.token.dep_ not in SUBJECTS
            ):
                continue
            if mention.id in excluded:
                continue
            known = self.genders.get(mention.id)
            told = known or self.named_genders.get(mention.id)
            if gender and told and told != gender:
                continue
            score = (WINDOW + 1 - back) * 100 + _weight(referent.token)
            # "A veteran of the Blair government, he…": a name that only qualifies another
            # noun is not what the sentence is about (Lappin and Leass's head-noun factor).
            if referent.token.dep_ in ("compound", "amod") and referent.token.head.pos_ == "NOUN":
                score -= 80
            if token.lower_ in PLURAL and referent.token.tag_ in ("NNS", "NNPS"):
                score += 20
            if mention.id in own and token.dep_ == "poss":
                score += 40
            if gender and known == gender:
                score += 60
            key = (score, referent.token.i, referent)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None or (types == PERSON and self._unnamed_score(token, index) > best[0]):
            return None
        actor = best[2].actor
        if gender:
            self.genders.setdefault(actor.mention.id, gender)
        return _as(actor, token, PRONOUN)

    def _reported(self, token: Token, verb: Token) -> set[str]:
        """'"Trust in Smith is gone," he said': the one reporting a quote or a clause is
        not someone named in what they report, however near (a pronoun does not stand for
        a name in the clause it governs)."""
        if token.dep_ not in SUBJECTS or verb.lemma_ not in REPORTING or in_quote(token):
            return set()
        return {self.names[t.i].mention.id for t in token.sent if t.i in self.names and in_quote(t)}

    def _back(self, sentence: int, index: int, quoted: bool) -> int:
        """How many sentences back an antecedent is for a pronoun: outside a quote, only
        sentences of narration count, not those a quote runs over ('Smith said... . "A. B.
        C," he said. He added': "he" and "He" are still Smith's); a reader follows the
        narration around a quote."""
        if quoted or sentence == index:
            return index - sentence
        return self.told[index - 1] - self.told[sentence] + 1

    def _main_subject(self, token: Token, gender: str | None) -> tuple[bool, Actor | None]:
        """ "Offering his condolence, Ali Larijani wrote", "After he resigned, Smith left":
        a pronoun in a clause or phrase set before the main clause is its subject, named
        after it, unless a clause of its own has another subject ("While Smith was praised
        for his role, Jones…"); when that subject is a person the article does not name ("As
        is his habit, the prime minister…"), the pronoun is decided and stands for no one."""
        below = token
        for ancestor in token.ancestors:
            if (
                ancestor.pos_ in ("VERB", "AUX")
                and not (below.dep_ in PREPOSED and below.i < ancestor.i)
                and any(
                    child.dep_ in SUBJECTS
                    and not child.left_edge.i <= token.i <= child.right_edge.i
                    for child in ancestor.children
                )
            ):
                return False, None
            if ancestor.pos_ in ("VERB", "AUX") and below.dep_ in PREPOSED and below.i < ancestor.i:
                for subject in clause_subjects(ancestor):
                    if subject.i <= token.i:
                        continue
                    named = self.names.get(subject.i) or next(
                        (self.names[c.i] for c in subject.children
                         if c.dep_ == "appos" and c.i in self.names),
                        None,
                    )  # fmt: skip
                    if named is None:
                        if self._someone(subject):
                            return True, None
                        continue
                    if named.mention.type != "PERSON":
                        return False, None
                    known = self.genders.get(named.mention.id) or self.named_genders.get(
                        named.mention.id
                    )
                    return not (gender and known and known != gender), named
                return False, None
            below = ancestor
        return False, None

    def _someone(self, token: Token) -> bool:
        """ "the prime minister", "a spokesman": a person the article does not name here,
        who a later "he" may stand for as well as anyone it does name."""
        lemma = self.abbreviations.get(token.lemma_.lower(), token.lemma_.lower()).split()[-1]
        return (
            token.tag_ in ("NN", "NNP")
            and self.descriptors.get(lemma) == "PERSON"
            and token.dep_ in SUBJECTS | OBJECTS
            and token.i not in self.found
            and any(child.dep_ == "det" for child in token.children)
            and not any(child.i in self.names for child in token.subtree)
        )

    def _unnamed_score(self, token: Token, index: int) -> int:
        """The salience of the most salient person mentioned without a name, scored as a
        named antecedent would be: a pronoun that more likely stands for them stays
        unresolved rather than taking the next best name."""
        verb = clause_verb(token)
        own = {s.i for s in clause_subjects(verb)} if token.dep_ in OBJECTS else set()
        scores = [
            (WINDOW + 1 - (index - at)) * 100 + _weight(someone)
            for someone, at in self.unnamed
            if index - at <= WINDOW and someone.i not in self.found and someone.i not in own
        ]
        return max(scores, default=-1)

    def _descriptor(self, token: Token, index: int) -> Actor | None:
        """ "the billionaire", "the courts minister": a definite description of an actor
        the article named; "a senior lawmaker" as the subject of a sentence waits for the
        person who is the subject of the next one (the news lede: "A senior lawmaker
        said... . Jane Doe, who...")."""
        # "Weber, the minister" is the name's apposition; "Weber and his minister" another.
        beside = token.dep_ != "conj" and token.head.i in self.names
        if token.dep_ in ("compound", "amod", "attr", "appos") or beside:
            return None
        determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
        lemma = token.lemma_.lower()
        lemma = self.abbreviations.get(lemma, lemma).split()[-1]
        owned = self._owned_body(token, lemma)
        if owned is not None:
            return _as(owned, token, DESCRIPTOR)
        if determiners & {"a", "an"}:
            if (
                token.dep_ in SUBJECTS
                and token.tag_ == "NN"
                and token.head.dep_ == "ROOT"
                and self.descriptors[lemma] == "PERSON"
                and not any(child.dep_ == "prep" for child in token.children)
                and not _attribution_after(token)
            ):
                self.pending = [(token, index)]
            return None
        if not determiners and token.tag_ in ("NN", "NNP"):
            officer = self._their_officer(token)
            return _as(officer, token, DESCRIPTOR) if officer is not None else None
        if not determiners & {"the", "this", "that"} or token.tag_ not in ("NN", "NNP"):
            return None
        if any(c.dep_ == "appos" for c in token.children):
            return None
        excluded = self._ids(_ancestor_subjects(token))
        holder = self._holder(token, excluded)
        if holder is not None:
            return _as(holder, token, DESCRIPTOR)
        if index == 0 and self._lede_subject(token, lemma):
            self.pending = [(token, index)]
            return None
        qualified = any(
            (
                child.dep_ in ("compound", "poss", "amod")
                and (child.i in self.names or _demonym(child) is not None)
            )
            or (child.dep_ == "prep" and child.lower_ == "of")
            for child in token.children
        )
        if lemma in self.roles:
            sole = self._sole_person(token, index, excluded)
            if sole is not None:
                return _as(sole, token, DESCRIPTOR)
        if qualified or lemma in self.ambiguous:
            return None
        # The most salient fit, as for a pronoun: "X founded the Green Party with backers of
        # Y's bid for the Liberal Party's nomination. The party…" is the Green Party.
        best: tuple[int, int, Actor] | None = None
        for referent in self.history:
            mention = referent.actor.mention
            distance = index - referent.sentence
            if distance > WINDOW or mention.id in excluded or not self._fits(lemma, mention):
                continue
            key = ((WINDOW + 1 - distance) * 100 + _weight(referent.token), referent.token.i)
            if best is None or key > best[:2]:
                best = (*key, referent.actor)
        if best is not None:
            return _as(best[2], token, DESCRIPTOR)
        sole = self._sole_body(token, lemma, excluded)
        return _as(sole, token, DESCRIPTOR) if sole is not None else None

    def _sole_body(self, token: Token, lemma: str, excluded: set[str]) -> Actor | None:
        """ "the committee", "the party" further on than the nearest sentences: the one
        body of that kind the article has mentioned so far (a reader keeps "the committee"
        for the only committee named, however far back); none when it named several, nor
        for a noun that fits any body ("the organisation"), nor for one qualified by any
        word ("the Public and Commercial Services union" is a body of its own)."""
        if (
            self.descriptors.get(lemma) != "ORG"
            or lemma in self.any_body
            or any(child.dep_ != "det" for child in token.lefts)
            or any(child.dep_ in ("prep", "appos", "acl") for child in token.rights)
        ):
            return None
        found = {
            referent.actor.mention.id: referent.actor
            for referent in self.history
            if referent.actor.mention.id not in excluded
            and self._fits(lemma, referent.actor.mention)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _their_officer(self, token: Token) -> Actor | None:
        """ "The prime minister and his chancellor": an office owned by a person a pronoun
        stands for is the one the article or the listed offices give that title, never
        the owner; a mere description ("his colleague") stays open."""
        owners = [child for child in token.children if child.dep_ == "poss"]
        if (
            len(owners) != 1
            or owners[0].pos_ != "PRON"
            or any(c.dep_ not in ("poss", "compound", "amod") for c in token.children)
        ):
            return None
        owner = self._person(owners[0])
        if owner is None:
            return None
        excluded = self._ids(_ancestor_subjects(token)) | {owner.mention.id}
        return self._holder(token, excluded)

    def _owned_body(self, token: Token, lemma: str) -> Actor | None:
        """ "his party", "Kennedy's party": the one body of that kind the article named in a
        title of the person ("Lib Dem leader Charles Kennedy"; the listed leader of the
        Liberal Democrats)."""
        owners = [child for child in token.children if child.dep_ == "poss"]
        if self.descriptors.get(lemma) != "ORG" or len(owners) != 1:
            return None
        person = self._person(owners[0])
        if person is None:
            return None
        bodies = {body for title in self._titles_of(person.mention) for body in title.bodies}
        found = {
            actor.mention.id: actor
            for actor in self.names.values()
            if actor.mention.id in bodies and self._fits(lemma, actor.mention)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _sole_person(self, token: Token, index: int, excluded: set[str]) -> Actor | None:
        """ "Karl Weber will speak to voters. The Green leader will also say…":
        an office written as the subject of a clause, when this sentence and the one before
        mention one person and no one else, is that person's (news varies a name with the
        office it holds). Not when someone unnamed could hold it, or the article already
        wrote the office as someone's it did not name ("X says it is the prime minister
        who..."), nor for a person given another office, nor for an office of another
        country ("the French president") or spelled out as one ("the Secretary of State
        would succeed"); the office then counts as the person's title for the rest of the
        article."""
        office = self._office(token)
        if (
            office is None
            or token.dep_ not in SUBJECTS
            or office.head in self.vacant
            or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        ):
            return None
        home = self._home()
        bodies = {a.mention.id for a in self.names.values() if not _is_place(a.mention)}
        if office.bodies - bodies - ({entity_id(home.name)} if home is not None else set()):
            return None
        if any(index - at <= 1 and someone.i not in self.found for someone, at in self.unnamed):
            return None
        people: dict[str, Actor] = {}
        for referent in reversed(self.history):
            if index - referent.sentence > 1:
                break
            actor = referent.actor
            # "dubbing Mr Weber 'Sir Taxalot'": a name set beside a person's is theirs.
            beside = referent.token.dep_ == "appos" and self._person(referent.token.head)
            if actor.mention.type == "PERSON" and not beside and self._may_hold(actor, office):
                people.setdefault(actor.mention.id, actor)
        if len(people) != 1:
            return None
        (sole,) = people.values()
        # "the prime minister was less rough with Mr Weber": not the one named after it.
        later = (self.names.get(t.i) for t in token.sent if t.i > token.i)
        if sole.mention.id in excluded | {a.mention.id for a in later if a is not None}:
            return None
        self.titles.append(replace(office, actor=sole))
        return sole

    def _may_hold(self, actor: Actor, office: _Title) -> bool:
        """Whether the actor may hold the office: they were given no office, or this one
        ("the chancellor" is not Peter Lind, the shadow chancellor; "the Labour leader"
        is not the leader of the Green Party)."""
        held = [title for title in self._titles_of(actor.mention) if title.head in self.roles]
        agreeing = office.words & self.agreeing
        return not held or any(
            title.head == office.head
            and office.words <= title.words
            and office.bodies <= title.bodies
            and title.words & self.agreeing == agreeing
            for title in held
        )

    def _lede_subject(self, token: Token, lemma: str) -> bool:
        """ "The new health minister for Wales says ...": a person described, not named,
        as the subject of an article's first sentence is the person the next sentence
        names as its subject (the news lede names in its second sentence)."""
        return (
            token.dep_ in SUBJECTS
            and token.head.dep_ == "ROOT"
            and self.descriptors.get(lemma) == "PERSON"
        )

    def _counted(self, token: Token, lemma: str, index: int) -> list[Actor]:
        """ "the two leaders", "both countries": as many actors of the noun's kind as the
        number says, the last ones named in this sentence or the one before, when the
        description is not qualified further ("the two Labour leaders")."""
        count = _count(token)
        if count is None or any(
            child.dep_ in ("compound", "amod", "poss", "prep", "relcl", "acl")
            for child in token.children
        ):
            return []
        return self._last_named(token, index, count, lambda m: self._fits(lemma, m))

    def _last_named(
        self, token: Token, index: int, count: int, fits: Callable[[Mention], bool]
    ) -> list[Actor]:
        """The last `count` actors a group description can stand for, named in this
        sentence or the one before, in the order the text names them; none when fewer
        fit (a reader does not reach further back for "the two leaders" or "the pair")."""
        chosen: dict[str, _Referent] = {}
        for referent in reversed(self.history):
            mention = referent.actor.mention
            if index - referent.sentence > 1 or len(chosen) == count:
                break
            if mention.id not in chosen and fits(mention):
                chosen[mention.id] = referent
        if len(chosen) < count:
            return []
        ordered = sorted(chosen.values(), key=lambda referent: referent.token.i)
        return [_as(referent.actor, token, DESCRIPTOR) for referent in ordered]

    def _pair(self, token: Token, index: int) -> list[Actor]:
        """ "Mr Blair and Mr Brown ... . The pair": the two people named last, in this
        sentence or the one before, other than the subjects of the clauses that hold it
        ("X said the pair had..." is not X); "the pair" qualified ("the pair of shoes",
        "the Labour pair") is someone else."""
        determiners = [child.lower_ for child in token.children if child.dep_ == "det"]
        if determiners != ["the"] or any(
            child.dep_ in ("compound", "amod", "poss", "prep", "relcl", "acl", "nummod")
            for child in token.children
        ):
            return []
        excluded = self._ids(_ancestor_subjects(token))
        return self._last_named(
            token, index, 2, lambda m: m.type == "PERSON" and m.id not in excluded
        )

    def _holder(self, token: Token, excluded: set[str]) -> Actor | None:
        """The actor the article gave the office or description that `token` heads: every
        word of the description is in the title ("the minister" is the courts minister,
        "the prime minister" is not), the bodies it names are the title's ("the UKIP
        leader"), and so are "former", "deputy" and "shadow". Of several holders, the one
        mentioned last; of none yet mentioned, the one named after when the office is
        written in more than one word (the lede's "the courts minister has told MPs", named
        in the next paragraph; a bare "the minister" may be any of the article's ministers).
        A listed title (data/office_holders.tsv) needs the office's exact words and body: the
        article never gave it, so a looser match would lend the person an office at random."""
        office = self._office(token)
        if office is None:
            return None
        agreeing = office.words & self.agreeing
        home = self._home()
        implied = frozenset({entity_id(home.name)} if home is not None else ())
        holders: dict[str, Actor] = {}
        for title in self.titles:
            if title.actor is None or title.actor.mention.id in excluded:
                continue
            if title.listed:
                held = title.words == office.words and title.bodies <= (office.bodies or implied)
            else:
                bodies = office.bodies - implied if not title.bodies else office.bodies
                held = (
                    title.head == office.head
                    and office.words <= title.words
                    and bodies <= title.bodies
                    and title.words & self.agreeing == agreeing
                )
            if held:
                holders.setdefault(title.actor.mention.id, title.actor)
        for referent in reversed(self.history):
            if referent.actor.mention.id in holders:
                return holders[referent.actor.mention.id]
        if len(office.words) < 2 or len(holders) != 1:
            return None
        return next(iter(holders.values()))

    def _fits(self, lemma: str, mention: Mention) -> bool:
        """Whether "the <lemma>" can describe the actor: any person for a person noun
        ("the billionaire"); an organisation only when its name says what it is ("the party"
        for the Green Party) or the gazetteer knows it as one ("the party" for Likud), or
        the noun says no more than that it is one ("the organisation": any named one); a
        country only when the gazetteer knows it as one; any named actor for a counted noun
        that says nothing of its kind ("the two sides")."""
        if lemma in self.any_actor:
            return "(" not in mention.name and (
                mention.type in PERSON | {"ORG"} or _country(mention)
            )
        wanted = self.descriptors[lemma]
        if mention.type != wanted:
            return False
        if wanted == "ORG":
            if lemma in mention.name.casefold().split():
                return True
            if lemma in self.any_body:
                return "(" not in mention.name
            sector = sector_table().words.get(lemma)
            return sector in BODY_SECTORS and known_affiliation(mention)[1] == sector
        if wanted == "GPE":
            known = load_gazetteer().lookup(mention.name, exact=True)
            return known is not None and known.kind == COUNTRY
        return True

    def _speaker(self, token: Token, group: bool) -> Actor | None:
        """Inside a quotation, the subject of the reporting verb outside it; for "we",
        the body that speaker speaks for when a title says so ("Kremlin spokesman X");
        in an interview's answer, the person whose label heads it."""
        if not in_quote(token):
            # "((Dana Vale)) I think": an interview's answer is its labelled speaker's.
            label = None if group else _turn_label(token)
            answering = self._labelled_person(label) if label is not None else None
            return None if answering is None else _as(answering, token, PRONOUN)
        speaker = self._reporter(token)
        if speaker is None:
            return None
        body = self._affiliation(speaker) if group else None
        return _as(body or speaker, token, PRONOUN)

    def _interviewee(self, token: Token) -> Actor | None:
        """ "((WN)) Why did you join the party?": "you" in a turn an interviewer's label
        heads (a bracketed label naming no person of the article) is the one interviewed,
        the one person whose label heads the answers; a transcript with the answers left
        out, or answered by several, says nothing of whom a question is put to."""
        label = _turn_label(token)
        if label is None or self._labelled_person(label) is not None:
            return None
        if self.interviewee is None:
            answering = {
                person.mention.id: person
                for paragraph_label in _turn_labels(self.doc)
                if (person := self._labelled_person(paragraph_label)) is not None
            }
            self.interviewee = tuple(answering.values()) if len(answering) == 1 else ()
        return _as(self.interviewee[0], token, PRONOUN) if self.interviewee else None

    def _labelled_person(self, label: str) -> Actor | None:
        """The person of the article a turn's label names ("((Gregory Kurtzer))")."""
        for actor in self.names.values():
            mention = actor.mention
            if mention.type == "PERSON" and label in (mention.name, mention.mention):
                return actor
        return None

    def _reporter(self, token: Token) -> Actor | None:
        """The speaker of the quote the token stands in: the subject of the reporting verb
        its sentence hangs it from; else, for a quote that runs over several sentences
        (or opens again right after the sentence that gave its speaker: '"...," he said.
        "I think..."'), the speaker given in the sentences before, or the one given right
        after it closes ('... right," Smith said.')."""
        for ancestor in token.ancestors:
            if ancestor.lemma_ in REPORTING and not in_quote(ancestor):
                for subject in clause_subjects(ancestor):
                    actor = self._known(subject) or self._ahead(subject)
                    if actor is not None:
                        return actor
                return None
        end = _quote_end(token)
        after = self._attributed(end) if end is not None else None
        if after is not None:
            return after
        sentence = token.sent
        for _ in range(QUOTED_RUN):
            if sentence.start == 0 or not _starts_quoted(sentence):
                break
            sentence = self.doc[sentence.start - 1].sent
            speaker = self._quote_speaker(sentence)
            if speaker is not None:
                return speaker
        return None

    def _ahead(self, subject: Token) -> Actor | None:
        """'"We will fight this," he said': the pronoun that reports a quote, written after
        it, read before the quote's "we" and "I" so they are its speaker's."""
        if subject.pos_ != "PRON" or subject.lower_ not in PRONOUNS or subject.i in self.found:
            return None
        return self._pronoun(subject, self.index)

    def _quote_speaker(self, sentence: Span) -> Actor | None:
        """The actor a sentence says is speaking ("Smith said", "he added") outside the
        quote it holds."""
        for word in sentence:
            if word.lemma_ in REPORTING and not in_quote(word):
                for subject in clause_subjects(word):
                    actor = self._known(subject)
                    if actor is not None and subject.sent.start == sentence.start:
                        return actor
        return None

    def _attributed(self, end: Token) -> Actor | None:
        """'... ," Smith said.': the named subject of a reporting verb right after the
        closing mark, in the sentence that closes the quote."""
        for word in end.sent[end.i - end.sent.start + 1 :]:
            if word.lemma_ in REPORTING and word.i - end.i <= 4:
                for subject in clause_subjects(word):
                    actor = self.names.get(subject.i)
                    if actor is not None and subject.i > end.i:
                        return actor
        return None

    def _affiliation(self, actor: Actor) -> Actor | None:
        for child in actor.span.root.children:
            if child.dep_ == "compound" and child.lemma_.lower() in self.roles:
                for modifier in child.children:
                    body = self.names.get(modifier.i)
                    if body is not None and body.mention.type != "PERSON":
                        return body
        return None

    def _ids(self, tokens: list[Token]) -> set[str]:
        ids: set[str] = set()
        for token in tokens:
            actor = self._known(token)
            if actor is not None:
                ids.add(actor.mention.id)
        return ids


def _first_names(doc: Doc, names: dict[int, Actor]) -> dict[int, Actor]:
    """ "Sir Edward", "Dame Judi", "Jeremy": a first name written alone is the one person
    the article names in full with it ("Edward Heath"; the first word of the full name
    that is a given name, past a title run into it), when it is no one's surname there;
    "Sir" and "Dame" go with the first name (the British form for knights and dames), a
    bare word must be a first name or tagged as a person. Token index → the full name's
    actor, written as the short form."""
    people: dict[str, set[str]] = {}
    surnames: set[str] = set()
    full: dict[str, Actor] = {}
    for actor in names.values():
        words = actor.mention.name.split()
        if actor.mention.type == "PERSON" and len(words) > 1:
            first = next((w for w in words[:-1] if w.casefold() in given_names()), words[0])
            people.setdefault(first, set()).add(actor.mention.id)
            surnames.add(words[-1])
            full.setdefault(actor.mention.id, actor)
    found: dict[int, Actor] = {}
    for i, actor in names.items():
        name = actor.mention.name
        if " " in name or name in surnames or len(people.get(name, ())) != 1:
            continue
        before = doc[actor.span.start - 1] if actor.span.start > 0 else None
        knighted = before is not None and before.lower_ in _KNIGHTS
        if not knighted and (
            actor.mention.type != "PERSON" or name.casefold() not in given_names()
        ):
            continue
        whole = full[next(iter(people[name]))]
        found[i] = Actor(actor.span, replace(whole.mention, mention=actor.mention.mention), NAME)
    return found


def _listed_titles(actors: list[Actor], year: int | None) -> list[_Title]:
    """The offices data/office_holders.tsv gives the people the article names, as held in
    the article's year; an article without a date is placed in the years when most of them
    held a listed office, and an office counts only if held in every one of those years
    ("Blair" and "Brown" together: 1997-2007, the prime minister and his chancellor, not
    Brown as prime minister after); an office two of them held in those years (the year
    one succeeded the other) is left to the article's own words."""
    table = _office_holders()
    people = {
        name: actor
        for actor in actors
        if actor.mention.type == "PERSON" and (name := _folded(actor.mention.name)) in table
    }
    rows = [(people[name], row) for name in people for row in table[name]]
    if not rows:
        return []
    if year is not None:
        years = {year}
    else:
        counts = {
            when: len({actor.mention.id for actor, row in rows if when in row.years})
            for when in {when for _, row in rows for when in row.years}
        }
        best = max(counts.values())
        years = {when for when, count in counts.items() if count == best}
    held: dict[tuple[str, frozenset[str], str, str], set[int]] = {}
    for actor, row in rows:
        key = (actor.mention.id, row.words, row.head, row.body)
        held.setdefault(key, set()).update(row.years)
    actor_of = {actor.mention.id: actor for actor, _ in rows}
    kept = [key for key, during in held.items() if years <= during]
    holders = Counter(key[1:] for key in kept)
    return [
        _Title(words, head, frozenset({entity_id(body)}), actor_of[person], listed=True)
        for person, words, head, body in kept
        if holders[words, head, body] == 1
    ]


def listed_offices(actors: list[Actor], year: int | None) -> set[tuple[str, str]]:
    """(person id, body id) for each office data/office_holders.tsv gives a person the
    article names, in the article's year as _listed_titles places it: whom they speak for
    ("the chancellor" speaks for the government of his country, a party leader for it)."""
    return {
        (title.actor.mention.id, body)
        for title in _listed_titles(actors, year)
        if title.actor is not None
        for body in title.bodies
    }


def _own_subjects(token: Token) -> set[int]:
    """The subjects of the token's own clause with their conjuncts: "A, B and C welcomed
    them" is none of them."""
    own = {subject.i for subject in clause_subjects(clause_verb(token))}
    return own | {c.i for i in own for c in token.doc[i].conjuncts}


def _count(token: Token) -> int | None:
    """How many "the two leaders" or "both leaders" are (None when no number is given)."""
    for child in token.children:
        if child.dep_ == "nummod" and child.lower_ in NUMBERS:
            return NUMBERS[child.lower_]
        if child.dep_ in ("det", "predet", "preconj") and child.lower_ == "both":
            return 2
    return None


def _country(mention: Mention) -> bool:
    known = load_gazetteer().lookup(mention.name, exact=True)
    return mention.type == "GPE" and known is not None and known.kind == COUNTRY


def _is_place(mention: Mention) -> bool:
    """Whether a mention is of a country or place, also as a nationality ("French")."""
    known = load_gazetteer().lookup(mention.name, exact=True)
    return mention.type == "GPE" or (known is not None and known.type == "GPE")


def _demonym(token: Token) -> Known | None:
    """ "the French president": a nationality picks out someone not yet named."""
    known = load_gazetteer().lookup(token.text, exact=True)
    return known if known is not None and known.kind == DEMONYM else None


def _expletive(token: Token) -> bool:
    """ "it seems", "it is clear that": "it" stands for nothing. "It said that…" is a body
    speaking: a reporting verb's own subject is no placeholder for the clause after it."""
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_ in REPORTING:
        return False
    return head.lemma_ in ("be", "seem", "appear") or any(
        child.dep_ in ("ccomp", "xcomp") and child.i > head.i for child in head.children
    )


def _as(actor: Actor, token: Token, how: str) -> Actor:
    """The antecedent's identity at the reference's place, keeping the words as written."""
    span = Span(token.doc, token.i, token.i + 1)
    return Actor(span, replace(actor.mention, mention=token.text), how)


def resolve_references(
    doc: Doc, names: dict[int, Actor], genders: dict[str, str], year: int | None = None
) -> tuple[dict[int, Actor], dict[int, list[Actor]]]:
    """Token index → actor for every pronoun and descriptor that resolves, and token index
    → every actor a plural description stands for ("the two leaders"); `genders` (actor id
    → "m"/"f", from courtesy titles) is read, and extended as "he"/"she" get resolved. A
    gender told by a title or an earlier pronoun weighs for a candidate; one told only by a
    first name rules the other gender out and weighs nothing, so "he" keeps to the man the
    text has been talking about rather than the last man named. `year`, the article's,
    places offices named by title alone (data/office_holders.tsv) in time."""
    return _Resolver(doc, names, genders, year).run()


def _attribution_after(token: Token) -> bool:
    """ "..., a party leader said": a source put after what it said is kept anonymous, so
    the person the next sentence names is someone else, not who the description is."""
    return any(child.dep_ == "ccomp" and child.i < token.i for child in token.head.children)
