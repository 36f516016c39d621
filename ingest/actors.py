"""The resolved actor record shared by entity resolution, coreference and the relation rules,
and the word lists they share."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span

from polgraph.ingest.records import Mention

NAME = "name"
PRONOUN = "pronoun"
DESCRIPTOR = "descriptor"


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor span: where it stands and who it is. `resolved_by` says how the
    name was found: written as a name (NAME), or a PRONOUN or DESCRIPTOR resolved to one."""

    span: Span
    mention: Mention
    resolved_by: str = NAME


@cache
def data_file(name: str) -> dict[str, Any]:
    """A JSON table shipped in ingest/data, read once: there are a handful, and some are
    looked up per token."""
    text = resources.files("polgraph.ingest").joinpath("data", name).read_text("utf-8")
    return json.loads(text)


def honorifics() -> dict[str, str]:
    """Courtesy titles and the gender they tell ("m", "f", or "" for neither)."""
    return data_file("coref.json")["honorifics"]


@lru_cache(maxsize=1)
def person_descriptors() -> frozenset[str]:
    """Nouns that describe one person ("the envoy", "a spokeswoman") from data/coref.json."""
    descriptors = data_file("coref.json")["descriptors"]
    return frozenset(noun for noun, kind in descriptors.items() if kind == "PERSON")


@lru_cache(maxsize=1)
def body_descriptors() -> frozenset[str]:
    """Nouns that describe an organisation ("the company", "the party") from
    data/coref.json."""
    descriptors = data_file("coref.json")["descriptors"]
    return frozenset(noun for noun, kind in descriptors.items() if kind == "ORG")


@lru_cache(maxsize=1)
def role_table_nouns() -> frozenset[str]:
    """Single-word role nouns ("president", "spokesman") from data/roles.json."""
    return frozenset(noun for noun in data_file("roles.json")["roles"] if " " not in noun)


@lru_cache(maxsize=1)
def portfolios() -> frozenset[str]:
    """Words naming a minister's brief ("home", "foreign") from data/roles.json."""
    return frozenset(data_file("roles.json")["portfolios"])
