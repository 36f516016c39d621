"""The record types that cross from `ingest` to `graph`: the public JSONL contract in one place.

Both packages import these and nothing else from each other, so a change of field name
here is a change of the public contract (see docs/data-model.md).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "hypothetical", "negated", "reported"]
MODALITIES: tuple[str, ...] = ("asserted", "hypothetical", "negated", "reported")

_REL_TYPE = re.compile(r"[A-Z][A-Z0-9_]*")

SECTORS: dict[str, str] = {
    "GOV": "Government",
    "MIL": "Military",
    "JUD": "Judiciary",
    "LEG": "Legislature",
    "COP": "Police",
    "REB": "Rebels",
    "OPP": "Opposition",
    "PTY": "Party",
    "BUS": "Business",
    "MED": "Media",
    "CVL": "Civilians",
    "EDU": "Education",
    "REL": "Religion",
    "IGO": "International organisation",
    "NGO": "Non-governmental organisation",
}
"""The agent sectors of an actor, modelled on CAMEO's agent codes (docs/data-model.md). The
name is the one ICEWS gives a generic agent: "Judiciary (Tunisia)"."""


def relation_type(word: str) -> str:
    """Turn any predicate into a name Neo4j accepts as a relationship type or label.

    Types cannot travel as Cypher parameters, so everything that comes from text is forced
    into `[A-Z][A-Z0-9_]*` here, the one place every writer passes through.
    """
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Z0-9]+", "_", ascii_word.upper()).strip("_")
    if not name:
        return "RELATED_TO"
    if not name[0].isalpha():
        name = "R_" + name
    return name


def is_relation_type(name: str) -> bool:
    return _REL_TYPE.fullmatch(name) is not None


def entity_id(name: str) -> str:
    """A stable id for an actor from its canonical name.

    The id depends on the name alone, not on the NER type, because spaCy types the same
    person differently across articles; the same actor must get the same id everywhere.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    slug = re.sub(r"[\W_]+", "-", folded).strip("-")
    return slug or "unnamed"


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. `id` is the given id, else a hash of the text."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None

    def ref(self) -> ArticleRef:
        return ArticleRef(id=self.id, title=self.title, date=self.date, source=self.source)


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The article as a triple cites it: everything but the text."""

    id: str
    title: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor as one sentence names it.

    `name` is the canonical name the mention resolved to, `mention` the words as written,
    so an analyst can audit resolution by comparing the two ("he" → "Elon Musk").
    `country` (ISO 3166 alpha-3) and `sector` (a code of `SECTORS`) say whom the actor acts
    for, where the text or the gazetteer tells it, so events roll up to states.
    """

    id: str
    name: str
    mention: str
    type: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """The predicate of a triple with its political semantics.

    `rule` names the construction that produced it, so a surprising edge can be audited.
    `via` keeps the thing through which an act reached its target ("spending bill"),
    `role` and `former` qualify structural relations (quad_class 0). `outlet` is the news
    outlet the sentence cites for it ("according to Reuters", "she told Wikinews"): the
    source of the report, kept as provenance rather than as an actor.
    """

    type: str
    text: str
    rule: str
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    polarity: int = 0
    modality: Modality = "asserted"
    via: str | None = None
    role: str | None = None
    former: bool = False
    outlet: str | None = None

    def __post_init__(self) -> None:
        if not is_relation_type(self.type):
            raise ValueError(f"relation type {self.type!r} is not of the form [A-Z][A-Z0-9_]*")
        if self.modality not in MODALITIES:
            raise ValueError(f"modality {self.modality!r} is not one of {MODALITIES}")
        if self.polarity not in (-1, 0, 1):
            raise ValueError(f"polarity {self.polarity!r} is not -1, 0 or 1")
        if self.quad_class is not None and self.quad_class not in range(5):
            raise ValueError(f"quad_class {self.quad_class!r} is not 0-4")


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a triple was read from; offsets are into the whole article text."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Triple:
    """One relation instance with its provenance: a line of the JSONL contract."""

    article: ArticleRef
    subject: Mention
    relation: Relation
    object: Mention
    evidence: Evidence
    confidence: float = 0.5

    @property
    def key(self) -> str:
        """Identity of the instance: the same article read twice yields the same keys."""
        parts = (
            self.article.id,
            str(self.evidence.start),
            self.subject.id,
            self.relation.type,
            self.object.id,
            self.relation.rule,
            self.relation.text,
        )
        return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Triple:
        return cls(
            article=ArticleRef(**data["article"]),
            subject=Mention(**data["subject"]),
            relation=Relation(**data["relation"]),
            object=Mention(**data["object"]),
            evidence=Evidence(**data["evidence"]),
            confidence=float(data.get("confidence", 0.5)),
        )

    @classmethod
    def from_json(cls, line: str) -> Triple:
        return cls.from_dict(json.loads(line))


@dataclass(slots=True)
class Entity:
    """An actor as the store knows it, gathered over every article that names it."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: int = 0
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything one article yields: its triples and every actor it mentions.

    Mentions without a triple still matter: they link the article to the actors it names.
    """

    article: Article
    triples: list[Triple]
    mentions: list[Mention]
