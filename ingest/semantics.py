"""Political meaning of a predicate: its modality, from the words around the verb."""

from __future__ import annotations

from spacy.tokens import Token

from polgraph.ingest.records import Modality

HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "can"})
REPORTING_VERBS = frozenset({"say", "tell", "claim", "state", "add", "note", "report"})


def modality(verb: Token) -> Modality:
    """Negated beats hypothetical beats asserted; "could provide" is an offer, not an act."""
    children = list(verb.children)
    if any(child.dep_ == "neg" for child in children):
        return "negated"
    if any(child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX for child in children):
        return "hypothetical"
    if any(child.dep_ == "mark" and child.lower_ == "if" for child in children):
        return "hypothetical"
    return "asserted"
