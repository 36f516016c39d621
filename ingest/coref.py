"""Pronouns and descriptors resolved to the named actor they stand for, by rule.

News writes a name once and then "he", "the billionaire", "the company". The rules are the
classic salience ones (Lappin and Leass, simplified): the nearest compatible actor, with
subjects and recent sentences weighing more, and binding constraints that rule candidates
out: "him" is not the subject of its own clause, a descriptor is not the subject of the clause
that contains it, the person whose deportation someone calls for is not the caller. Inside a
quotation "I" and "we" are the speaker (or the body the speaker speaks for).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from polgraph.ingest.actors import DESCRIPTOR, PRONOUN, Actor, data_file
from polgraph.ingest.agents import (
    AGENT_TYPE,
    OPPOSITION,
    Agent,
    agent_noun,
    home_country,
    plural,
)
from polgraph.ingest.gazetteer import COUNTRY, DEMONYM, load_gazetteer
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
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "dative", "pobj", "iobj"})
INHERITED_SUBJECT = frozenset({"conj", "xcomp", "advcl", "acl", "relcl"})
REPORTING = frozenset(
    {"say", "tell", "add", "state", "claim", "write", "insist", "declare", "note", "warn",
     "argue", "explain", "announce", "reply", "respond", "continue", "tweet", "post", "ask"}
)  # fmt: skip
QUOTES = frozenset({'"', "\u201c", "\u201d"})
WINDOW = 2
# "Blair's first government", "the new government": words that place a body in time keep it
# the body the article knows; any other qualifier makes it another one.
TENURE = frozenset(
    {OPPOSITION, "first", "second", "third", "new", "current", "previous", "outgoing", "interim"}
)


@dataclass(frozen=True, slots=True)
class _Referent:
    """A place where an actor was mentioned, as a candidate antecedent."""

    actor: Actor
    token: Token
    sentence: int


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """Descriptor nouns with the type they describe, patient nominals, role nouns, and the
    role nouns too ambiguous to resolve by nearness alone ("the president")."""
    coref = data_file("coref.json")
    roles = data_file("roles.json")["roles"]
    descriptors = {noun: "PERSON" for noun in roles if " " not in noun}
    descriptors.update(coref["descriptors"])
    person_nouns = {noun for noun, kind in coref["descriptors"].items() if kind == "PERSON"}
    return (
        descriptors,
        frozenset(coref["patient_nominals"]),
        frozenset(roles),
        frozenset(roles) - person_nouns,
    )


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
    if not found and verb.dep_ in INHERITED_SUBJECT and verb.head.i != verb.i:
        return clause_subjects(verb.head)
    return found


def _ancestor_subjects(token: Token) -> list[Token]:
    subjects: list[Token] = []
    for ancestor in (token, *token.ancestors):
        if ancestor.pos_ in ("VERB", "AUX"):
            subjects.extend(s for s in clause_subjects(ancestor) if s.i != token.i)
    return subjects


def _weight(token: Token) -> int:
    """Salience of the grammatical role an antecedent was mentioned in."""
    if token.dep_ in SUBJECTS:
        return 50
    if token.dep_ == "poss" and token.head.dep_ in SUBJECTS:
        return 30
    if token.dep_ in OBJECTS:
        return 20
    return 0


def _in_quote(token: Token) -> bool:
    """Whether an odd number of quotation marks stands between the paragraph start and
    the token (straight quotes count as both opening and closing)."""
    count = 0
    for previous in reversed(token.doc[: token.i]):
        if "\n\n" in previous.text_with_ws or "\n" in previous.text:
            break
        if previous.text in QUOTES:
            count += 1
    return count % 2 == 1


class _Resolver:
    def __init__(self, doc: Doc, names: dict[int, Actor], genders: dict[str, str]) -> None:
        self.doc = doc
        self.names = names
        self.genders = genders
        self.descriptors, self.patients, self.roles, self.ambiguous = _tables()
        self.abbreviations: dict[str, str] = data_file("coref.json")["abbreviations"]
        self.history: list[_Referent] = []
        self.bound: dict[str, Actor] = {}
        self.pending: list[tuple[Token, int]] = []
        self.found: dict[int, Actor] = {}
        self.seen: set[str] = set()
        self.home: tuple[Mention, ...] | None = None

    def run(self) -> dict[int, Actor]:
        for index, sentence in enumerate(self.doc.sents):
            for token in sentence:
                named = self.names.get(token.i)
                if named is not None:
                    if token.i == named.span.root.i:
                        self._named(named, token, index)
                    continue
                actor = self._reference(token, index)
                if actor is not None:
                    self.found[token.i] = actor
                    self.history.append(_Referent(actor, token, index))
        return self.found

    def _named(self, actor: Actor, token: Token, index: int) -> None:
        first = actor.mention.id not in self.seen
        self.seen.add(actor.mention.id)
        for noun in self._titles(actor):
            self.bound[noun] = actor
        if first and actor.mention.type == "PERSON" and token.dep_ in SUBJECTS:
            for waiting, at in self.pending:
                if index - at == 1 and waiting.i not in self.found:
                    self.bound.setdefault(waiting.lemma_.lower(), actor)
                    self.found[waiting.i] = _as(actor, waiting, DESCRIPTOR)
            self.pending.clear()
        self.history.append(_Referent(actor, token, index))

    def _titles(self, actor: Actor) -> Iterator[str]:
        """Nouns this actor was described by where named: "billionaire Elon Musk",
        "Novikov, a lawmaker", "the lawmaker, Novikov", "Musk is a billionaire"."""
        root = actor.span.root
        for child in root.children:
            if child.dep_ in ("compound", "appos") and child.i not in self.names:
                yield child.lemma_.lower()
        if root.dep_ == "appos" and root.head.i not in self.names:
            yield root.head.lemma_.lower()
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            for child in root.head.children:
                if child.dep_ == "attr" and child.i not in self.names:
                    yield child.lemma_.lower()

    def _reference(self, token: Token, index: int) -> Actor | None:
        lower = token.lower_
        if lower in SPEAKER_PRONOUNS or lower in SPEAKER_GROUP_PRONOUNS:
            return self._speaker(token, lower in SPEAKER_GROUP_PRONOUNS)
        if token.pos_ == "PRON" and lower in PRONOUNS:
            return self._pronoun(token, index)
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and (lemma in self.descriptors or lemma in self.abbreviations):
            found = self._descriptor(token, index)
            if found is not None:
                return found
        agent = agent_noun(token)
        if agent is not None:
            return self._agent(token, agent, index)
        return None

    def _agent(self, token: Token, agent: Agent, index: int) -> Actor | None:
        """ "the junta", "the police", "MPs", "Johnson's government": a generic agent of the
        same sector the article already named, else, for a state body, the one country the
        last sentences name ("In Myanmar ... the junta" → Military (Myanmar)), else the
        country the article is about ("the government" in a British article)."""
        if not self._definite(token, agent) or token.dep_ in ("compound", "amod", "poss"):
            return None
        for referent in reversed(self.history):
            mention = referent.actor.mention
            if mention.sector == agent.sector and mention.name.startswith(f"{agent.name} ("):
                return _as(referent.actor, token, DESCRIPTOR)
        if not agent.national:
            return None
        countries = {
            referent.actor.mention.name: referent.actor.mention
            for referent in self.history
            if index - referent.sentence <= WINDOW and _country(referent.actor.mention)
        }
        country = next(iter(countries.values())) if len(countries) == 1 else self._home()
        if country is None:
            return None
        name = f"{agent.name} ({country.name})"
        code = country.country or load_gazetteer().code(country.name)
        mention = Mention(entity_id(name), name, token.text, AGENT_TYPE, code, agent.sector)
        return Actor(Span(token.doc, token.i, token.i + 1), mention, DESCRIPTOR)

    def _definite(self, token: Token, agent: Agent) -> bool:
        """ "the government", bare "ministers", or a person's ("Johnson's government"):
        a body the reader knows from the article, not one qualified by other words."""
        determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
        owners = [child for child in token.children if child.dep_ == "poss"]
        qualifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "prep", "appos")]
        if any(c.lemma_.lower() not in TENURE and c.lower_ != agent.after for c in qualifiers):
            return False
        if owners:
            owner = self.names.get(owners[0].i)
            return owner is not None and owner.mention.type == "PERSON" and not determiners
        if not determiners:
            return plural(token)
        return determiners == {"the"}

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
        own = self._ids(clause_subjects(verb))
        best: tuple[int, int, _Referent] | None = None
        for referent in self.history:
            mention = referent.actor.mention
            if index - referent.sentence > WINDOW or mention.type not in types:
                continue
            if token.lower_ in PLURAL and (
                index - referent.sentence > 1 or referent.token.dep_ not in SUBJECTS
            ):
                continue
            if mention.id in excluded:
                continue
            known = self.genders.get(mention.id)
            if gender and known and known != gender:
                continue
            score = (WINDOW + 1 - (index - referent.sentence)) * 100 + _weight(referent.token)
            if mention.id in own and token.dep_ == "poss":
                score += 40
            if gender and known == gender:
                score += 60
            key = (score, referent.token.i, referent)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None:
            return None
        actor = best[2].actor
        if gender:
            self.genders.setdefault(actor.mention.id, gender)
        return _as(actor, token, PRONOUN)

    def _descriptor(self, token: Token, index: int) -> Actor | None:
        """ "the billionaire": a definite description of an actor already named; "a senior
        lawmaker" as the subject of a sentence waits for the person who is the subject of
        the next one (the news lede: "A senior lawmaker said... . Jane Doe, who...")."""
        if token.dep_ in ("compound", "amod", "attr", "appos") or token.head.i in self.names:
            return None
        if any(child.dep_ in ("compound", "poss") and child.i in self.names
               for child in token.children):  # fmt: skip
            return None
        determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
        lemma = token.lemma_.lower()
        lemma = self.abbreviations.get(lemma, lemma)
        if determiners & {"the", "this", "that"} and any(
            _demonym(child) for child in token.children if child.dep_ in ("amod", "compound")
        ):
            return None
        if determiners & {"a", "an"}:
            if (
                token.dep_ in SUBJECTS
                and token.tag_ == "NN"
                and token.head.dep_ == "ROOT"
                and self.descriptors[lemma] == "PERSON"
                and not any(child.dep_ == "prep" for child in token.children)
            ):
                self.pending = [(token, index)]
            return None
        if not determiners & {"the", "this", "that"} or token.tag_ not in ("NN", "NNP"):
            return None
        if any(
            c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children
        ):
            return None
        if lemma in self.bound:
            return _as(self.bound[lemma], token, DESCRIPTOR)
        if lemma in self.ambiguous:
            return None
        excluded = self._ids(_ancestor_subjects(token))
        for referent in reversed(self.history):
            mention = referent.actor.mention
            if index - referent.sentence > WINDOW:
                break
            if mention.id not in excluded and self._fits(lemma, mention):
                return _as(referent.actor, token, DESCRIPTOR)
        return None

    def _fits(self, lemma: str, mention: Mention) -> bool:
        """Whether "the <lemma>" can describe the actor: any person for a person noun
        ("the billionaire"); an organisation only when its name says what it is ("the party"
        for the Green Party); a country only when the gazetteer knows it as one."""
        wanted = self.descriptors[lemma]
        if mention.type != wanted:
            return False
        if wanted == "ORG":
            return lemma in mention.name.casefold().split()
        if wanted == "GPE":
            known = load_gazetteer().lookup(mention.name, exact=True)
            return known is not None and known.kind == COUNTRY
        return True

    def _speaker(self, token: Token, group: bool) -> Actor | None:
        """Inside a quotation, the subject of the reporting verb outside it; for "we",
        the body that speaker speaks for when a title says so ("Kremlin spokesman X")."""
        if not _in_quote(token):
            return None
        for ancestor in token.ancestors:
            if ancestor.lemma_ in REPORTING and not _in_quote(ancestor):
                for subject in clause_subjects(ancestor):
                    actor = self.names.get(subject.i) or self.found.get(subject.i)
                    if actor is not None:
                        body = self._affiliation(actor) if group else None
                        return _as(body or actor, token, PRONOUN)
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
            actor = self.names.get(token.i) or self.found.get(token.i)
            if actor is not None:
                ids.add(actor.mention.id)
        return ids


def _country(mention: Mention) -> bool:
    known = load_gazetteer().lookup(mention.name, exact=True)
    return mention.type == "GPE" and known is not None and known.kind == COUNTRY


def _demonym(token: Token) -> bool:
    """ "the French president": a nationality picks out someone not yet named."""
    known = load_gazetteer().lookup(token.text, exact=True)
    return known is not None and known.kind == DEMONYM


def _expletive(token: Token) -> bool:
    """ "it seems", "it is clear that": "it" stands for nothing."""
    head = token.head
    return head.lemma_ in ("be", "seem", "appear") or any(
        child.dep_ in ("ccomp", "xcomp") and child.i > head.i for child in head.children
    )


def _as(actor: Actor, token: Token, how: str) -> Actor:
    """The antecedent's identity at the reference's place, keeping the words as written."""
    span = Span(token.doc, token.i, token.i + 1)
    return Actor(span, replace(actor.mention, mention=token.text), how)


def resolve_references(
    doc: Doc, names: dict[int, Actor], genders: dict[str, str]
) -> dict[int, Actor]:
    """Token index → actor for every pronoun and descriptor that resolves; `genders`
    (actor id → "m"/"f") is read, and extended as "he"/"she" get resolved."""
    return _Resolver(doc, names, genders).run()
