"""Actor-to-actor relations read off the dependency parse, one function per construction.

Each function takes a verb and the document's actors and returns the (subject, object,
rule) links it finds; `extract_relations` runs them all over a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from polgraph.ingest.entities import Actor, ActorIndex

SUBJECTS = frozenset({"nsubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})


@dataclass(frozen=True, slots=True)
class Link:
    """A predicate joining two actors, before semantics are attached."""

    subject: Actor
    object: Actor
    verb: Token
    rule: str
    text: str


def _actors_in(token: Token, actors: ActorIndex) -> list[Actor]:
    """The actor a noun phrase names, and those coordinated with it ("Musk and Trump")."""
    found: list[Actor] = []
    for candidate in (token, *(t for t in token.conjuncts)):
        actor = actors.actor_at(candidate)
        if actor is not None and all(actor.span != a.span for a in found):
            found.append(actor)
    return found


def _subjects(verb: Token, actors: ActorIndex) -> list[Actor]:
    found: list[Actor] = []
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            found.extend(_actors_in(child, actors))
    if not found and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head, actors)
    if not found and verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head, actors)
    return found


def active_object(
    verb: Token, actors: ActorIndex
) -> Iterator[tuple[list[Actor], list[Actor], str]]:
    """ "Russia sheltered Phillips": a direct or dative object."""
    for child in verb.children:
        if child.dep_ in OBJECTS:
            yield _subjects(verb, actors), _actors_in(child, actors), "active"


def prepositional_object(
    verb: Token, actors: ActorIndex
) -> Iterator[tuple[list[Actor], list[Actor], str]]:
    """ "made the comment to TASS", "provide asylum to Musk": an actor behind a preposition
    hanging off the verb or off its direct object."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ in ("by", "in", "at", "on", "during", "since"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    yield _subjects(verb, actors), _actors_in(pobj, actors), f"prep_{prep.lower_}"


def passive(verb: Token, actors: ActorIndex) -> Iterator[tuple[list[Actor], list[Actor], str]]:
    """ "Snowden was granted asylum by Russia": the agent acts on the passive subject."""
    agents: list[Actor] = []
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    agents.extend(_actors_in(pobj, actors))
    if not agents:
        return
    patients: list[Actor] = []
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECTS:
            patients.extend(_actors_in(child, actors))
    if verb.dep_ == "acl":
        patients.extend(_actors_in(verb.head, actors))
    yield agents, patients, "passive"


Construction = Callable[[Token, ActorIndex], Iterator[tuple[list[Actor], list[Actor], str]]]

CONSTRUCTIONS: tuple[Construction, ...] = (
    active_object,
    prepositional_object,
    passive,
)


def extract_relations(sentence: Span, actors: ActorIndex) -> list[Link]:
    """Every actor-to-actor link in a sentence, by every construction, without repeats."""
    links: dict[tuple[int, int, int], Link] = {}
    for verb in sentence:
        if verb.pos_ != "VERB":
            continue
        for construction in CONSTRUCTIONS:
            for subjects, objects, rule in construction(verb, actors):
                for subject in subjects:
                    for obj in objects:
                        if subject.mention.id == obj.mention.id:
                            continue
                        key = (subject.span.start, verb.i, obj.span.start)
                        links.setdefault(key, Link(subject, obj, verb, rule, verb.text))
    return list(links.values())
