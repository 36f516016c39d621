"""Sources are provenance: the news outlet a sentence cites is where a report came from,
not a political actor.

"Stamenković told Wikinews…", "Wikinews caught up with…", "the BBC understands…",
"according to Reuters…": the relation rules read these as acts between a person and an
outlet, and made a news site quoting itself the third actor of a corpus by degree. An
outlet (gazetteer kind `media`) in a relation is taken out of it and kept, by name, as the
`outlet` of the other relations of that sentence, unless it is acted on: the target of
conflict ("Russia banned the BBC", "he accused Reuters", quad classes 3 and 4) or the doer
of a material conflict act. "According to X" cites X whether or not a rule linked it. A
person's place in an outlet ("a columnist for The Washington Post") is kept, except in the
outlet's own articles: there "Wikinews reporter X" or "past Wikinews interviewee Y" is the
outlet speaking of itself, which is provenance too.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from polgraph.ingest.actors import NAME
from polgraph.ingest.entities import ActorIndex
from polgraph.ingest.gazetteer import load_gazetteer
from polgraph.ingest.records import Mention, Triple

MEDIA = "media"
CONFLICT = (3, 4)


def is_outlet(mention: Mention) -> bool:
    known = load_gazetteer().lookup(mention.name, exact=True)
    return known is not None and known.kind == MEDIA and known.name == mention.name


def publishes(triple: Triple, outlet: Mention) -> bool:
    """The outlet is the one that published the article the triple was read from."""
    source = triple.article.source
    known = load_gazetteer().lookup(source, exact=True) if source else None
    return known is not None and known.name == outlet.name


def acted_on(triple: Triple) -> bool:
    """The outlet is itself part of the politics: conflict done to it, material conflict
    it does, or a person's place in it ("a columnist for The Washington Post", "BBC
    political editor Andrew Marr"), which is a fact about the person, not a citation,
    unless the outlet is the article's own publisher speaking of itself."""
    quad = triple.relation.quad_class
    if (
        quad == 0
        and triple.subject.type == "PERSON"
        and is_outlet(triple.object)
        and not publishes(triple, triple.object)
    ):
        return True
    if is_outlet(triple.object) and quad in CONFLICT:
        return True
    return is_outlet(triple.subject) and quad == 4


def cited(sentence: Span, actors: ActorIndex) -> list[str]:
    """Outlets the sentence cites with "according to"."""
    found: list[str] = []
    for token in sentence:
        actor = actors.actor_at(token)
        if (
            actor is None
            or actor.resolved_by != NAME
            or token.dep_ != "pobj"
            or token.head.lower_ != "to"
            or token.head.head.lower_ != "according"
            or not is_outlet(actor.mention)
        ):
            continue
        if actor.mention.name not in found:
            found.append(actor.mention.name)
    return found


def as_provenance(triples: list[Triple], outlets: list[str] = ()) -> list[Triple]:
    """One sentence's triples without the outlets in them, each marked with the outlet the
    sentence cites (the first, when it cites several)."""
    kept: list[Triple] = []
    names = list(outlets)
    for triple in triples:
        ends = [m for m in (triple.subject, triple.object) if is_outlet(m)]
        if ends and not acted_on(triple):
            names.extend(m.name for m in ends if m.name not in names)
            continue
        kept.append(triple)
    if not names:
        return kept
    return [
        t if t.relation.outlet else replace(t, relation=replace(t.relation, outlet=names[0]))
        for t in kept
    ]
