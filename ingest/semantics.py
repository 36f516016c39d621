"""Political meaning of a predicate: relation type, CAMEO code, quad class, Goldstein score,
polarity and modality.

The words live in a data file (data/cameo.tsv, documented in docs/cameo.md) so an analyst
can extend the dictionary without touching code; this module only reads it once and
answers lookups, which keeps per-token work to a dict access.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from polgraph.ingest.nlp import VERB_TABLE
from polgraph.ingest.records import Modality, relation_type

DATA_FILE = "cameo.tsv"
UNKNOWN_TYPE = "RELATED_TO"
KINDS = frozenset({"verb", "noun", "pair", "light", "hypo", "intent", "adj", "agent", "inert"})
FLAGS = frozenset(
    {
        "speech",
        "claim",
        "objctl",
        "callfor",
        "intent",
        "sym",
        "converse",
        "patient",
        "threat",
        "structural",
        "topic",
        "phrasal",
    }
)
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
# Adverbs the parser often gives a phrasal verb's particle as ("hit back", "pushed back").
PARTICLES = frozenset({"back", "out", "off", "away", "aside", "down", "up"})


@dataclass(frozen=True, slots=True)
class Sense:
    """What a lemma means politically. `cameo` is None for structural relations and for
    words outside the dictionary; `quad_class` then stays None too unless structural (0)."""

    type: str
    cameo: str | None = None
    goldstein: float | None = None
    flags: frozenset[str] = frozenset()

    @property
    def root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None

    @property
    def quad_class(self) -> int | None:
        """CAMEO's quad classes: 01-05 verbal cooperation, 06-08 material cooperation,
        09-13 verbal conflict, 14-20 material conflict; structural relations are 0."""
        if "structural" in self.flags:
            return 0
        if self.root is None:
            return None
        root = int(self.root)
        if root <= 5:
            return 1
        if root <= 8:
            return 2
        if root <= 13:
            return 3
        return 4

    @property
    def polarity(self) -> int:
        if self.goldstein is None or abs(self.goldstein) < 0.5:
            return 0
        return 1 if self.goldstein > 0 else -1

    @property
    def symmetric(self) -> bool:
        return "sym" in self.flags

    def has(self, flag: str) -> bool:
        return flag in self.flags


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The dictionary, split by kind so each lookup is one dict or set access."""

    verbs: dict[str, Sense]
    nouns: dict[str, Sense]
    pairs: dict[tuple[str, str], Sense]
    light: frozenset[str]
    reciprocal_light: frozenset[str]
    hypothetical: frozenset[str]
    intent: frozenset[str]
    adjectives: dict[str, Sense]
    inert: frozenset[str] = frozenset()
    agents: dict[str, Sense] = field(default_factory=dict)

    def verb(self, token: Token) -> Sense | None:
        """A verb's sense, trying a phrasal form first ("hit back", "crack down"), also when
        the parser took the particle for an adverb, or its "to" for a dative ("lost the seat
        to Labour")."""
        for child in token.children:
            particle = child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in PARTICLES)
            if particle or child.dep_ in ("prep", "dative"):
                phrasal = self.verbs.get(f"{token.lemma_.lower()} {child.lower_}")
                if phrasal is not None and (particle or "phrasal" in phrasal.flags):
                    return phrasal
        return self.verbs.get(token.lemma_.lower())

    def noun(self, token: Token) -> Sense | None:
        """A noun's sense, trying it with the modifier just before it first ("ethnic
        cleansing", "air strike", "assassination attempt")."""
        if token.i > 0:
            before = token.doc[token.i - 1]
            if before.head.i == token.i and before.dep_ in ("amod", "compound"):
                sense = self.nouns.get(f"{before.lower_} {token.lemma_.lower()}")
                if sense is not None:
                    return sense
        return self.nouns.get(token.lemma_.lower()) or self.nouns.get(token.lower_)

    def adjective(self, token: Token) -> tuple[Sense, Token] | None:
        """An adjective and the preposition it takes its target with ("critical of",
        "loyal to"), and that preposition's token."""
        return _with_preposition(self.adjectives, token, token.lower_)

    def agent(self, token: Token) -> tuple[Sense, Token] | None:
        """A noun naming someone by their stance toward a target and the preposition it takes
        the target with ("supporter of", "backer of"), and that preposition's token; keyed
        by lemma, so "supporters of" reads as "supporter of"."""
        return _with_preposition(self.agents, token, token.lemma_.lower())

    def pair(self, verb: Token, noun: Token) -> Sense | None:
        return self.pairs.get((verb.lemma_.lower(), noun.lemma_.lower()))

    def is_light(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.light

    def is_hypothetical_word(self, token: Token) -> bool:
        return token.lower_ in self.hypothetical or token.lemma_.lower() in self.hypothetical

    def is_intent(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.intent

    def names_no_act(self, verb: Token) -> bool:
        """A verb that says nothing of what one actor does to another by itself: bodily
        motion or lighting ("walking up Downing Street", "jets light up the sky"), whose
        objects are places and things, unless a phrasal row gives it a sense."""
        return verb.lemma_.lower() in self.inert and self.verb(verb) is None


def _with_preposition(
    table: dict[str, Sense], token: Token, word: str
) -> tuple[Sense, Token] | None:
    """The first of a word's prepositions that the table keys with it ("critical of",
    "supporter of"): the preposition takes the target, so it is returned too."""
    for child in token.children:
        if child.dep_ == "prep":
            sense = table.get(f"{word} {child.lower_}")
            if sense is not None:
                return sense, child
    return None


def parse_lexicon(text: str) -> Lexicon:
    """Read the dictionary table; the first row per (kind, lemma) wins."""
    verbs: dict[str, Sense] = {}
    nouns: dict[str, Sense] = {}
    pairs: dict[tuple[str, str], Sense] = {}
    light: set[str] = set()
    reciprocal: set[str] = set()
    hypothetical: set[str] = set()
    intent: set[str] = set()
    inert: set[str] = set()
    adjectives: dict[str, Sense] = {}
    agents: dict[str, Sense] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if not header_seen:
            header_seen = True
            continue
        kind, lemma = fields[0], fields[1]
        if kind not in KINDS:
            raise ValueError(f"{DATA_FILE} line {number}: unknown kind {kind!r}")
        flags = frozenset(f for f in (fields[5] if len(fields) > 5 else "").split(",") if f)
        if not flags <= FLAGS:
            raise ValueError(f"{DATA_FILE} line {number}: unknown flags {sorted(flags - FLAGS)}")
        if kind == "light":
            light.add(lemma)
            if "sym" in flags:
                reciprocal.add(lemma)
            continue
        if kind == "hypo":
            hypothetical.add(lemma)
            continue
        if kind == "intent":
            intent.add(lemma)
            continue
        if kind == "inert":
            inert.add(lemma)
            continue
        sense = Sense(
            type=relation_type(fields[2]),
            cameo=None if fields[3] in ("", "-") else fields[3],
            goldstein=None if fields[4] in ("", "-") else float(fields[4]),
            flags=flags,
        )
        if kind == "verb":
            verbs.setdefault(lemma, sense)
        elif kind == "noun":
            nouns.setdefault(lemma, sense)
        elif kind == "adj":
            adjectives.setdefault(lemma, sense)
        elif kind == "agent":
            agents.setdefault(lemma, sense)
        else:
            verb, noun = lemma.split(" ", 1)
            pairs.setdefault((verb, noun), sense)
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        pairs=pairs,
        light=frozenset(light),
        reciprocal_light=frozenset(reciprocal),
        hypothetical=frozenset(hypothetical),
        intent=frozenset(intent),
        adjectives=adjectives,
        inert=frozenset(inert),
        agents=agents,
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged dictionary, read once per process."""
    return parse_lexicon((files("polgraph.ingest") / "data" / DATA_FILE).read_text("utf-8"))


def unknown_sense(token: Token) -> Sense:
    """A predicate outside the dictionary keeps its lemma as type and no CAMEO code when the
    lemma is an English verb; anything else (a name or noun the tagger took for a verb, a
    lemmatiser slip like "suggesnte") is RELATED_TO, its words kept in `relation.text`."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and is_english_verb(token, lemma):
        return Sense(type=relation_type(lemma))
    return Sense(type=UNKNOWN_TYPE)


def is_english_verb(token: Token, lemma: str) -> bool:
    """Whether the model's verb list (see nlp.load_model) has the lemma; a pipeline that ships
    none leaves the tagger's word for it."""
    lookups = token.vocab.lookups
    if not lookups.has_table(VERB_TABLE):
        return lemma.isalpha()
    return lemma in lookups.get_table(VERB_TABLE)


VERBAL_ATTACK = Sense(type="CRITICIZE", cameo="111", goldstein=-2.0)


def reading_for(sense: Sense, predicate: Token, subject_type: str, object_type: str) -> Sense:
    """ "Biden attacked Trump for the tweet": between two people "attack" is almost always
    verbal in political news, so it is coded as criticism (111), not assault (18)."""
    if predicate.lemma_.lower() == "attack" and subject_type == object_type == "PERSON":
        return VERBAL_ATTACK
    return sense


def call_for_sense(noun: Token, called: Sense) -> Sense:
    """ "calling for his deportation": a demand (10) when the act called for is hostile,
    an appeal (02) when it is cooperative; the type names the act (CALL_FOR_DEPORTATION)."""
    hostile = called.goldstein is not None and called.goldstein < 0
    return Sense(
        type=relation_type(f"CALL_FOR_{noun.lemma_}"),
        cameo="100" if hostile else "020",
        goldstein=-5.0 if hostile else 3.0,
    )


def _asks_for(lex: Lexicon, verb: Token) -> bool:
    """ "urged Germany to send", "called for CNN to fire": what is asked has not happened."""
    sense = lex.verb(verb) or lex.verbs.get(f"{verb.lemma_.lower()} for")
    return sense is not None and (sense.has("objctl") or sense.has("callfor"))


# Edges along which the modality of a governing word reaches a predicate: "could offer",
# "intend to interfere", "the possibility of offering", "a possible review".
_MODAL_PATH = frozenset({"xcomp", "pcomp", "pobj", "prep", "dobj", "acl", "aux", "auxpass"})


def modality(predicate: Token, lex: Lexicon | None = None) -> Modality:
    """Negated beats hypothetical beats asserted; "reported" is decided by the caller, which
    knows who the speaker is. The walk climbs from the predicate through control verbs,
    prepositions and event nouns, and stops at a clause boundary (ccomp, conj, advcl)."""
    lex = lex or lexicon()
    negated = False
    hypothetical = False
    token = predicate
    for _ in range(6):
        for child in token.children:
            dep = child.dep_
            if dep == "neg" or (dep == "advmod" and child.lower_ == "never"):
                negated = True
            elif (dep in ("aux", "amod") and lex.is_hypothetical_word(child)) or (
                dep == "mark" and child.lower_ in HYPOTHETICAL_MARKS
            ):
                hypothetical = True
        if token.i != predicate.i and (
            lex.is_hypothetical_word(token)
            or (token.pos_ == "VERB" and (lex.is_intent(token) or _asks_for(lex, token)))
        ):
            hypothetical = True
        if token.dep_ not in _MODAL_PATH or token.head.i == token.i:
            break
        token = token.head
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    return "asserted"
