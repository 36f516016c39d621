"""Actors in a parsed document: which spans name them, and the canonical name each resolves to."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from polgraph.ingest.records import Mention, entity_id

ACTOR_TYPES: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


def surface(span: Span) -> str:
    """The span's words without a leading article or a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in _POSSESSIVE:
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    for suffix in _POSSESSIVE:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor span: where it stands and who it is."""

    span: Span
    mention: Mention


class ActorIndex:
    """Every actor span of a document, resolved to canonical names.

    Types are voted over the whole document, since spaCy types the same name differently
    from sentence to sentence; a bare surname resolves to the full name it abbreviates.
    """

    def __init__(self, doc: Doc) -> None:
        spans = [span for span in doc.ents if span.label_ in ACTOR_TYPES and surface(span)]
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for span in spans:
            votes[surface(span)][span.label_] += 1
        canonical = self._canonical_names(list(votes))
        by_token: dict[int, Actor] = {}
        for span in spans:
            written = surface(span)
            name = canonical[written]
            kind = self._vote(votes, canonical, name)
            actor = Actor(span, Mention(entity_id(name), name, written, kind))
            for token in span:
                by_token[token.i] = actor
        self._by_token = by_token

    @staticmethod
    def _canonical_names(names: list[str]) -> dict[str, str]:
        """Map each written name to the longest name in the document that ends with it."""
        canonical: dict[str, str] = {}
        multi = sorted((n for n in names if " " in n), key=len, reverse=True)
        for name in names:
            longer = [m for m in multi if m != name and m.split()[-1] == name.split()[-1]]
            canonical[name] = longer[0] if len(name.split()) == 1 and longer else name
        return canonical

    @staticmethod
    def _vote(votes: dict[str, Counter[str]], canonical: dict[str, str], name: str) -> str:
        total: Counter[str] = Counter()
        for written, counter in votes.items():
            if canonical[written] == name:
                total.update(counter)
        return total.most_common(1)[0][0]

    def actor_at(self, token: Token) -> Actor | None:
        return self._by_token.get(token.i)

    def actors(self) -> list[Actor]:
        seen: dict[int, Actor] = {}
        for actor in self._by_token.values():
            seen.setdefault(actor.span.start, actor)
        return [seen[start] for start in sorted(seen)]
