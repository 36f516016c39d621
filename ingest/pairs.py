"""Every pair of actors in a sentence, judged by a model learned from blind-annotated news.

The construction rules (relations.py, roles.py) are precise on the sentences they were
written for and miss most of what a reader finds elsewhere: rules tuned on 33 articles
read dyad F1 0.67 there and 0.32 on 30 articles they had not seen. A reader's relations
are mostly between actors the pipeline already recognises, so every ordered pair of
actors in a sentence is a candidate, described by the rules that read it and by the
parse between the two (the dependency path, the word they hang from and its CAMEO
sense), and a logistic model trained on the tuning halves of `tests/data/real/` says how
likely a reader is to relate them. Rule triples the model finds unlikely are dropped;
pairs no rule read and the model finds likely get a triple of their own, typed by the
word they hang from (rule `learned`).

The model is a table of feature weights in `data/pair_model.json`, written by
`bench/train_pairs.py`; scoring is a sum of weights, so extraction needs no learning
library and stays deterministic.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

from spacy.tokens import Span, Token

from polgraph.ingest.actors import Actor, data_file
from polgraph.ingest.entities import ACTOR_TYPES, ActorIndex
from polgraph.ingest.records import ArticleRef, Evidence, Relation, Triple
from polgraph.ingest.semantics import Lexicon, Sense, lexicon, modality, unknown_sense

MODEL_FILE = "pair_model.json"
LEARNED = "learned"
LONGEST_PATH = 5


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place an actor stands in a sentence: its actor and the word it hangs by."""

    actor: Actor
    head: Token


@dataclass(slots=True)
class Candidate:
    """An ordered pair of actors of one sentence: the rule triples that read it, and what
    the model is told about it."""

    subject: Occurrence
    object: Occurrence
    triples: list[Triple] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    predicate: Token | None = None
    sense: Sense | None = None

    @property
    def pair(self) -> frozenset[str]:
        """The two actors' mention ids, whichever direction."""
        return frozenset((self.subject.actor.mention.id, self.object.actor.mention.id))


def occurrences(sentence: Span, actors: ActorIndex) -> dict[str, list[Occurrence]]:
    """The actors of a sentence by mention id, each where it stands: a run of words read as
    one actor hangs by the word whose head lies outside it; a generic agent's group
    ("US and British activists") stands at its noun for every actor it names."""
    found: dict[str, list[Occurrence]] = {}
    run: list[Token] = []

    def close() -> None:
        if not run:
            return
        actor = actors.actor_at(run[0])
        assert actor is not None
        inside = {t.i for t in run}
        head = next((t for t in run if t.head.i not in inside or t.head == t), run[-1])
        if actor.mention.type in ACTOR_TYPES:
            found.setdefault(actor.mention.id, []).append(Occurrence(actor, head))
        run.clear()

    for token in sentence:
        actor = actors.actor_at(token)
        if run and (actor is None or actor is not actors.actor_at(run[0])):
            close()
        if actor is not None:
            run.append(token)
        for member in actors.group_at(token)[1:]:
            if member.mention.type in ACTOR_TYPES:
                found.setdefault(member.mention.id, []).append(Occurrence(member, token))
    close()
    return found


def common_ancestor(one: Token, two: Token) -> Token | None:
    above = {two, *two.ancestors}
    return next((token for token in (one, *one.ancestors) if token in above), None)


def sense_of(predicate: Token, lex: Lexicon) -> Sense | None:
    """The dictionary's reading of the word two actors hang from, as the rules would look
    it up: a noun's own sense, a verb with its object noun ("lavished praise"), a light
    verb's object noun, else the verb."""
    if predicate.pos_ in ("NOUN", "PROPN"):
        return lex.noun(predicate)
    objects = [c for c in predicate.children if c.dep_ in ("dobj", "attr", "oprd")]
    for noun in objects:
        paired = lex.pair(predicate, noun)
        if paired is not None:
            return paired
    if lex.is_light(predicate):
        return next((s for s in map(lex.noun, objects) if s is not None), None)
    return lex.verb(predicate)


def _step(token: Token) -> str:
    """A dependency label, with the preposition for an object of one ("pobj:with")."""
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
        return f"pobj:{token.head.lower_}"
    return token.dep_


def _below(token: Token, top: Token) -> list[Token]:
    """The token and its heads up to, not including, `top`, without prepositions: a
    preposition's object already names it in its step ("pobj:with")."""
    chain: list[Token] = []
    while token != top and token.head != token:
        if token.dep_ != "prep":
            chain.append(token)
        token = token.head
    return chain


def _words_between(one: Token, two: Token, path: list[Token]) -> list[str]:
    """The words that carry a relation besides the one the two hang from: each word on
    the path up to it ("director" in "Doe, director of Acme"), the word each actor hangs
    by with its role there ("of:pobj"), and the verbs standing between the two in the
    text ("accused" in "Doe, who accused Roe")."""
    words = [f"path_word={_word(step)}" for step in path if step not in (one, two)]
    words.append(f"s_gov={_word(one.head)}:{one.dep_}")
    words.append(f"o_gov={_word(two.head)}:{two.dep_}")
    low, high = sorted((one.i, two.i))
    words += [
        f"verb_between={t.lemma_.lower()}" for t in one.doc[low + 1 : high] if t.pos_ == "VERB"
    ]
    return words


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    return next((f"<={edge}" for edge in edges if value <= edge), f">{edges[-1]}")


def _word(token: Token) -> str:
    """A word as the model may know it: its lemma, but a name or number only as its part of
    speech, so the model learns how relations are said, never who they were about."""
    if token.pos_ in ("PROPN", "NUM") or token.ent_type_:
        return token.pos_
    return token.lemma_.lower()


def _path_features(
    one: Token, two: Token, lex: Lexicon
) -> tuple[list[str], Token | None, Sense | None]:
    top = common_ancestor(one, two)
    if top is None:
        return ["path=none"], None, None
    rise, fall = _below(one, top), _below(two, top)
    up, down = [_step(t) for t in rise], [_step(t) for t in fall]
    s_dep, o_dep, lemma = (up[0] if up else "top"), (down[0] if down else "top"), _word(top)
    features = [
        f"s_dep={s_dep}",
        f"o_dep={o_dep}",
        f"deps={s_dep}|{o_dep}",
        f"top_pos={top.pos_}",
        f"top_lemma={lemma}",
        f"frame={lemma}:{s_dep}|{o_dep}",
    ]
    features += _words_between(one, two, rise + fall)
    if len(up) + len(down) <= LONGEST_PATH:
        features.append(f"path={'>'.join(up)}|{'<'.join(reversed(down))}")
    else:
        features.append("path=long")
    features.append(f"path_len={_bucket(len(up) + len(down), (1, 2, 3, 4, 6))}")
    if "conj" in up or "conj" in down:
        features.append("path_conj")
    if "relcl" in up or "relcl" in down or "ccomp" in up or "ccomp" in down:
        features.append("path_clause")
    sense = sense_of(top, lex)
    if sense is None:
        features.append("top_sense=none")
    else:
        features.append(f"top_quad={sense.quad_class}")
        features.append(f"top_type={sense.type}")
        features.append(f"sense_deps={sense.quad_class}:{s_dep}|{o_dep}")
        if sense.symmetric:
            features.append("top_sym")
    return features, top, sense


def _pair_features(
    subject: Occurrence, obj: Occurrence, everyone: Iterable[Occurrence], count: int
) -> list[str]:
    one, two = subject.actor.mention, obj.actor.mention
    low, high = sorted((subject.head.i, obj.head.i))
    between = {
        o.actor.mention.id
        for o in everyone
        if low < o.head.i < high and o.actor.mention.id not in (one.id, two.id)
    }
    return [
        f"order={'fwd' if subject.head.i < obj.head.i else 'back'}",
        f"dist={_bucket(high - low, (1, 3, 6, 10, 20))}",
        f"between={min(len(between), 2)}",
        f"actors={_bucket(count, (2, 3, 5))}",
        f"types={one.type}>{two.type}",
        f"s_type={one.type}",
        f"o_type={two.type}",
        f"s_by={subject.actor.resolved_by}",
        f"o_by={obj.actor.resolved_by}",
        *(["same_country"] if one.country and one.country == two.country else []),
    ]


def _rule_features(triples: list[Triple], reverse: list[Triple]) -> list[str]:
    features = [f"rule={t.relation.rule}" for t in triples]
    if triples:
        features.append("rule_any")
        quads = {t.relation.quad_class for t in triples}
        features.extend(f"rule_quad={q}" for q in sorted(quads, key=str))
    elif reverse:
        features.append("rule_reverse")
    else:
        features.append("rule_none")
    return features


@dataclass(frozen=True, slots=True)
class Context:
    """What the rest of the parsed piece says about pairs (unordered mention ids): in how
    many other sentences the rules related them, and in how many both stand."""

    ruled: Counter[frozenset[str]] = field(default_factory=Counter)
    together: Counter[frozenset[str]] = field(default_factory=Counter)


def context(sentences: list[tuple[dict[str, list[Occurrence]], list[Triple]]]) -> Context:
    ruled: Counter[frozenset[str]] = Counter()
    together: Counter[frozenset[str]] = Counter()
    for present, found in sentences:
        ruled.update({frozenset((t.subject.id, t.object.id)) for t in found})
        together.update(frozenset(pair) for pair in combinations(sorted(present), 2))
    return Context(ruled, together)


def _context_features(key: frozenset[str], ruled_here: bool, around: Context) -> list[str]:
    ruled = around.ruled[key] - ruled_here
    together = around.together[key] - 1
    return [f"ruled_elsewhere={min(ruled, 2)}", f"together_elsewhere={min(together, 3)}"]


def candidates(
    sentence: Span,
    present: dict[str, list[Occurrence]],
    found: list[Triple],
    around: Context,
) -> tuple[list[Candidate], list[Triple]]:
    """Every ordered pair of distinct actors in the sentence with its rule triples and its
    features (where an actor stands more than once, the two places closest in the text),
    and the rule triples of actors that stand nowhere as a word of their own (the country
    of "Israeli shelling"), which are not judged."""
    lex = lexicon()
    ruled: dict[tuple[str, str], list[Triple]] = {}
    for triple in found:
        ruled.setdefault((triple.subject.id, triple.object.id), []).append(triple)
    everyone = [o for places in present.values() for o in places]
    result: list[Candidate] = []
    for one, places in present.items():
        for two, others in present.items():
            if one == two:
                continue
            subject, obj = min(
                ((a, b) for a in places for b in others),
                key=lambda ab: abs(ab[0].head.i - ab[1].head.i),
            )
            triples, reverse = ruled.get((one, two), []), ruled.get((two, one), [])
            features, top, sense = _path_features(subject.head, obj.head, lex)
            features += _pair_features(subject, obj, everyone, len(present))
            features += _rule_features(triples, reverse)
            features += _context_features(frozenset((one, two)), bool(triples or reverse), around)
            result.append(Candidate(subject, obj, triples, features, top, sense))
    unplaced = [
        t for (one, two), rest in ruled.items() if not {one, two} <= present.keys() for t in rest
    ]
    return result, unplaced


@dataclass(frozen=True, slots=True)
class PairModel:
    """Weights of a logistic model over candidate features, with the two cut-offs chosen
    in training: a rule triple is kept at or above `keep`, a pair no rule read gets a
    triple at or above `add`."""

    weights: dict[str, float]
    bias: float
    keep: float
    add: float

    def probability(self, features: Iterable[str]) -> float:
        total = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-total))


@cache
def pair_model() -> PairModel:
    data = data_file(MODEL_FILE)
    return PairModel(data["weights"], data["bias"], data["keep"], data["add"])


def learned_relation(candidate: Candidate) -> Relation:
    """A pair no rule read is typed by the word the two hang from, as the rules type theirs;
    a word with no political sense leaves it RELATED_TO, its words kept."""
    top = candidate.predicate
    if top is None:
        return Relation(type="RELATED_TO", text="", rule=LEARNED)
    sense = candidate.sense or unknown_sense(top)
    return Relation(
        type=sense.type,
        text=top.text,
        rule=LEARNED,
        cameo=sense.cameo,
        quad_class=sense.quad_class,
        goldstein=sense.goldstein,
        polarity=sense.polarity,
        modality=modality(top),
    )


def learned_triple(
    candidate: Candidate, score: float, ref: ArticleRef, evidence: Evidence
) -> Triple:
    return Triple(
        article=ref,
        subject=candidate.subject.actor.mention,
        relation=learned_relation(candidate),
        object=candidate.object.actor.mention,
        evidence=evidence,
        confidence=round(score, 3),
    )


def decide(
    scored: list[tuple[float, Candidate]],
    keep: float,
    add: float,
    ref: ArticleRef,
    evidence: Evidence,
) -> Iterator[Triple]:
    """Rule triples of pairs scored at least `keep`; for a pair no rule read, scored at
    least `add`, one learned triple in the likelier of its two directions."""
    best: dict[frozenset[str], float] = {}
    for score, c in scored:
        best[c.pair] = max(best.get(c.pair, 0.0), score)
    learned: set[frozenset[str]] = set()
    for score, c in scored:
        if c.triples:
            if score >= keep:
                yield from c.triples
            continue
        if score >= add and score >= best[c.pair] and c.pair not in learned:
            learned.add(c.pair)
            yield learned_triple(c, score, ref, evidence)


def candidate_sentences(
    read: list[tuple[Span, Evidence, list[Triple]]], actors: ActorIndex
) -> Iterator[tuple[Evidence, list[Candidate], list[Triple]]]:
    """Each sentence's evidence, candidates and unjudged rule triples, the candidates
    described in the context of the whole parsed piece."""
    present = [occurrences(sentence, actors) for sentence, _, _ in read]
    around = context([(p, found) for p, (_, _, found) in zip(present, read, strict=True)])
    for here, (sentence, evidence, found) in zip(present, read, strict=True):
        pairs, unplaced = candidates(sentence, here, found, around)
        yield evidence, pairs, unplaced


def judged(
    read: list[tuple[Span, Evidence, list[Triple]]],
    actors: ActorIndex,
    ref: ArticleRef,
    model: PairModel | None = None,
) -> list[Triple]:
    """The triples of a parsed piece's sentences after the model's judgement (see
    `decide`); rule triples of actors that stand in no word of the sentence pass unjudged."""
    model = model or pair_model()
    kept: list[Triple] = []
    for evidence, pairs, unplaced in candidate_sentences(read, actors):
        scored = [(model.probability(c.features), c) for c in pairs]
        kept += unplaced
        kept += decide(scored, model.keep, model.add, ref, evidence)
    return kept
