"""Actor-to-actor relations read off the dependency parse, one function per construction.

Every construction function takes a predicate token and a `Frame` (the sentence's actors
and dictionary) and yields `Link`s: who acted, on whom, through which words, by which rule.
`extract_relations` runs them all over a sentence and drops repeats. Semantics (CAMEO code,
quad class, modality) are attached here too, so a link is complete when it leaves.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Span, Token

from polgraph.ingest.actors import NAME, PRONOUN, person_descriptors, role_table_nouns
from polgraph.ingest.affiliation import known_affiliation
from polgraph.ingest.agents import agent_noun, plural
from polgraph.ingest.coref import PLURAL, in_quote
from polgraph.ingest.entities import Actor, ActorIndex
from polgraph.ingest.gazetteer import load_gazetteer
from polgraph.ingest.names import words
from polgraph.ingest.records import Mention, Modality
from polgraph.ingest.semantics import (
    Lexicon,
    Sense,
    call_for_sense,
    lexicon,
    modality,
    reading_for,
    unknown_sense,
)
from polgraph.ingest.sources import MEDIA, is_outlet

SUBJECTS = frozenset({"nsubj"})
OBJECTS = frozenset({"dobj", "dative", "oprd"})
# Prepositions that name a place, a time, a manner or a contrast ("unlike Germany, France
# criticised Russia"), not a participant.
ADJUNCT_PREPS = frozenset(
    {
        "in", "at", "during", "since", "after", "before", "under", "within", "across",
        "throughout", "until", "near", "around", "amid", "amidst", "despite", "as", "like",
        "than", "through", "via", "per", "by", "of", "from", "ahead", "about",
        "following", "outside", "inside", "beyond", "upon", "toward", "towards", "because",
        "without", "unlike", "besides", "except", "excluding", "apart", "instead",
    }
)  # fmt: skip
# A claim's setting, not its topic: "under New Labour the country changed", "in Britain";
# a cause is its topic ("because of Mr Brown's management").
SETTING_PREPS = (ADJUNCT_PREPS - {"of", "by", "about", "from", "than", "like", "as", "because"}) | {
    "along",
    "beside",
}
CLAIM_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd"})
# "the policy of the BJP government", "all association with the Congress", "the decision
# by the party", "a row about Blair": the actor behind a noun's own argument belongs to what
# the noun phrase is about ("experts from the IMF" names where they come from).
CLAIM_NOUN_PREPS = frozenset(
    {"of", "by", "with", "against", "for", "to", "over", "toward", "towards", "about", "between"}
)
# A noun standing as a clause's complement ("the crash was likely Iran's doing").
CLAIM_COMPLEMENTS = frozenset({"ccomp", "xcomp", "acomp"})
IN_VERBS = frozenset({"interfere", "meddle", "intervene", "invest", "involve"})
# "a coup in Cyprus", "interference in Moldova": events whose "in" names their target.
IN_TYPES = frozenset({"COUP", "INTERFERE"})
NOUN_ARGUMENT_PREPS = frozenset({"of", "to", "against", "into", "for", "with", "over"})
# "an attack on Israel", "a jab at Trump": only conflict nouns take their target this way;
# "allegations … on Morning Joe" names a place.
CONFLICT_NOUN_PREPS = frozenset({"on", "at"})
FORMER_WORDS = frozenset(
    {"once", "former", "formerly", "erstwhile", "onetime", "ex", "previous", "past"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# "described himself as…": the object is the subject again, whatever coreference says.
REFLEXIVES = frozenset(
    {"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself", "oneself"}
)
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
STAND_INS = frozenset({"i", "we", "me", "us", "my", "our", "their", "they", "both"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# Heads whose nationality adjective stands for the state: "Russian forces", "the Chinese envoy".
COLLECTIVE = frozenset(
    {
        "government", "forces", "force", "troops", "military", "army", "navy", "authorities",
        "regime", "administration", "ministry", "state", "officials", "police", "warplanes",
        "jets", "drones", "missiles", "envoy", "ambassador", "embassy", "diplomats",
        "consul", "delegation", "leadership", "cabinet", "parliament", "court", "people",
        "ports", "territory", "soldiers", "coast", "guard", "intelligence",
    }
)  # fmt: skip
# Goods, which stand for the state they come from or go to when a measure is put on them.
TRADED = frozenset(
    {"good", "goods", "export", "import", "product", "shipment", "steel", "car", "produce"}
)
# Copulas, verbs whose object is the subject's own side ("distanced Moscow from the fray",
# "withdrew the US from the treaty"), and composition ("the exercise includes US forces"),
# which says what a thing is made of, not what one actor does to another.
NON_PREDICATES = frozenset(
    {"be", "have", "do", "get", "become", "seem", "appear", "remain", "distance", "withdraw",
     "include", "comprise"}
)  # fmt: skip
# "retaliated with insults": acts whose manner, given by "with", is the act itself.
RESPONSE_VERBS = frozenset({"retaliate", "respond", "react", "reply", "answer", "hit", "strike"})
INCLUDING = frozenset({"including", "like", "besides"})
TRAVEL_TYPES = frozenset({"VISIT"})
# Expulsion, removal from office and bans: "was expelled from the party" names who acted.
REMOVAL_TYPES = frozenset({"EXPEL", "REMOVE", "BAN"})
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
AID_ROOT = "07"
LEADING_VERBS = frozenset({"lead", "head", "spearhead"})
# "remain unconfirmed by the Senate": verbs that take a participle as their complement.
LINKING_VERBS = frozenset({"be", "remain", "seem", "appear", "become", "stay", "feel", "look"})
COMMUNICATION_TYPES = frozenset({"MEET", "SAY", "TELL", "COMMENT", "ANNOUNCE"})
IMPLICIT_TARGET_TYPES = frozenset({"INTERFERE"})
CALLS = frozenset({"URGE", "CALL_FOR"})
# "protested at the embassy": a protest's "at" is where it was held.
PROTEST_TYPES = frozenset({"COMPLAIN", "PROTEST"})
# CAMEO roots of asking: appeals (02) and demands (10).
REQUEST_ROOTS = frozenset({"02", "10"})
# "appealed against the ruling to the tribunal": appeals and complaints, and the words that
# name what they are against.
APPEALS = frozenset({"URGE", "APPEAL", "COMPLAIN"})
GRIEVANCE_PREPS = frozenset({"against", "over", "about"})
# "rejected a plea by Falconer", "granted Kyiv's request": an answer to an appeal, offer or
# demand says its author made it to the one answering.
ANSWER_TYPES = frozenset(
    {"REJECT", "ACCEPT", "GRANT", "APPROVE", "DENY", "SUPPORT", "CONSIDER", "HOST"}
)
ANSWERED_TYPES = frozenset({"APPEAL", "PROPOSE", "OFFER", "DEMAND"})
# "responded to a question from Davis", "replied to criticism by the Tories".
REPLY_VERBS = frozenset({"respond", "reply", "react", "answer"})
# "complied with the request of the PM", "bowed to the demands of the unions".
HEEDING_VERBS = frozenset({"comply", "accede", "bow", "yield", "agree", "respond", "heed"})
# "the court ruled on an appeal by the government", "heard Kenya's appeal".
JUDGING_VERBS = frozenset({"rule", "hear", "decide"})
HEAD_CONTROL_TYPES = frozenset({"THREATEN", "REJECT", "BLOCK"})
# "faced criticism from X", "won the backing of X", "came under pressure from X": the
# subject is the one acted on by the author of the act named.
RECEIVING_VERBS = frozenset(
    {"face", "receive", "draw", "attract", "earn", "garner", "get", "win", "gain", "enjoy",
     "encounter", "incur", "come"}
)  # fmt: skip
# Things of an outlet's through which someone speaks to the public.
MEDIA_NOUNS = frozenset(
    {"programme", "program", "show", "newspaper", "paper", "podcast", "channel", "column",
     "website", "broadcast", "magazine", "outlet", "broadcaster", "tabloid"}
)  # fmt: skip
# Last words of a company's name, which a capital "The" does not make a publication.
BUSINESS_WORDS = frozenset({"company", "group", "bank", "trust", "inc", "ltd", "plc", "llc"})
# The last word of a newspaper's name ("The Lagos Herald", "the Dhaka Tribune").
MASTHEAD_WORDS = frozenset(
    {"herald", "times", "post", "journal", "gazette", "tribune", "telegraph", "chronicle",
     "daily", "standard", "mirror", "observer", "inquirer", "dispatch"}
)  # fmt: skip
COMPOSING_VERBS = frozenset({"include", "comprise"})
# Names of bodies made of other actors.
GROUP_WORDS = frozenset(
    {"alliance", "coalition", "bloc", "group", "federation", "league", "union", "consortium",
     "network", "forum", "partnership", "confederation", "association", "caucus", "front"}
)  # fmt: skip
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
GIVING_TYPES = frozenset({"PROVIDE", "PAY", "SELL", "FUND"})
# Talking, whose partner may be an interviewer rather than someone met.
TALKING_VERBS = frozenset({"speak", "talk", "interview"})
# "spoke with Ethiopia", "agreed with Japan": the other side of a reciprocal act.
PARTNER_PREPS = frozenset({"with", "to"})
JOINT_WORDS = frozenset({"jointly", "together"})
DASHES = frozenset({"-", "\u2013", "\u2014"})
RECIPROCAL_TYPES = frozenset(
    {"AGREE", "FIGHT", "FEUD", "MEET", "NEGOTIATE", "SIGN_AGREEMENT", "AGREEMENT", "COOPERATE",
     "ALLY", "CUT_TIES", "RESTORE_TIES", "RECONCILE", "RIVALRY"}
)  # fmt: skip

RULE_CONFIDENCE: dict[str, float] = {
    "active": 0.8,
    "passive": 0.75,
    "prep": 0.65,
    "dative": 0.75,
    "light_verb": 0.7,
    "nominal": 0.6,
    "call_for": 0.7,
    "control": 0.65,
    "speech": 0.7,
    "reciprocal": 0.65,
    "symmetric_noun": 0.6,
    "with_absolute": 0.45,
    "implicit_target": 0.45,
    "statement": 0.5,
    "answered": 0.55,
    "received": 0.6,
    "composition": 0.6,
    "adjective": 0.6,
    "stance_noun": 0.6,
    "fallback": 0.45,
}


@dataclass(frozen=True, slots=True)
class Link:
    """A predicate joining two actors, with its semantics attached.

    `predicate` is the word whose meaning the relation carries (a verb or an event noun),
    `text` the words as written, `via` the thing through which the act reached its target.
    """

    subject: Actor
    object: Actor
    predicate: Token
    rule: str
    text: str
    sense: Sense
    modality: Modality
    via: str | None = None
    symmetric: bool = False
    former: bool = False
    confidence: float = 0.5


@dataclass(slots=True)
class Frame:
    """Per-sentence state shared by the constructions: actors, dictionary, speakers found
    so far, and the nouns a verb has already read so the noun pass does not read them again."""

    actors: ActorIndex
    lex: Lexicon
    discourse: Discourse
    consumed: set[int] = field(default_factory=set)


@dataclass(slots=True)
class Discourse:
    """What earlier sentences of the document established that a later one leans on: the
    last pair of actors named together ("the Trump-Musk rupture … their relationship")."""

    pair: tuple[Target, Target] | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """An actor found in a noun phrase, with the thing named when it is not the actor
    itself ("Trump's spending bill" → Trump via "spending bill")."""

    actor: Actor
    via: str | None = None
    weak: bool = False


def _phrase(token: Token) -> str:
    """A noun's words before it, without determiners or possessors: the `via` of a link
    ("Trump's spending bill" → "spending bill")."""
    skip: set[int] = set()
    for child in token.lefts:
        if child.dep_ in ("poss", "det", "predet", "punct", "case"):
            skip.update(t.i for t in child.subtree)
    words = [t.text for t in token.doc[token.left_edge.i : token.i + 1] if t.i not in skip]
    return " ".join(words) or token.text


def _speaker_actors(token: Token, frame: Frame) -> list[Actor]:
    """Who says the clause a token stands in: the subject of the nearest speech verb the
    token is reported under ("…, Novikov said"), so "I" and "we" in a quote are the speaker."""
    node = token
    for _ in range(12):
        if node.head.i == node.i:
            return _introduced_by(node, token, frame)
        edge = node.dep_
        node = node.head
        if edge in ("ccomp", "parataxis") and node.pos_ in ("VERB", "AUX"):
            sense = frame.lex.verb(node)
            if sense is not None and sense.has("speech"):
                return [t.actor for t in _subjects(node, frame)]
    return []


def _introduced_by(root: Token, token: Token, frame: Frame) -> list[Actor]:
    """ "Chan spoke to the press after the speech: "I urge her to step down."": the parser
    can make the words introducing a quotation after a colon a clause of the quotation's
    own verb; their subject is its speaker."""
    for clause in root.children:
        if clause.dep_ not in ("ccomp", "parataxis") or clause.pos_ != "VERB" or clause.i > token.i:
            continue
        sense = frame.lex.verb(clause)
        speaks = clause.lemma_.lower() in TALKING_VERBS or (
            sense is not None and sense.has("speech")
        )
        if speaks and any(t.text == ":" for t in root.doc[clause.i : token.i]):
            return [t.actor for t in _subjects(clause, frame)]
    return []


def _targets(token: Token, frame: Frame, as_subject: bool = False, depth: int = 0) -> list[Target]:
    """The actors a noun phrase names: itself, its conjuncts, appositions, "including" lists,
    and failing those its possessor, compound or nationality adjective (weaker readings).
    A group that acts "led by" someone acts with its leader ("protesters, led by Khan,
    marched against…")."""
    if depth > 3 or token.lower_ in REFLEXIVES:
        return []
    holder = _named_holder(token, frame)
    if holder is not None:
        return _targets(holder, frame, as_subject, depth + 1)
    found: list[Target] = []
    actor = frame.actors.actor_at(token)
    if actor is not None:
        found.append(Target(actor))
        found.extend(Target(member) for member in frame.actors.group_at(token))
    elif token.lower_ in FIRST_PERSON and token.pos_ == "PRON":
        found.extend(Target(a) for a in _speaker_actors(token, frame))
    elif token.pos_ in ("NOUN", "PROPN"):
        found.extend(_modifier_targets(token, frame, as_subject))
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_targets(child, frame, as_subject, depth + 1))
        elif child.dep_ == "appos" and all(t.weak for t in found) and not _titled(child):
            restated = _targets(child, frame, as_subject, depth + 1)
            if any(not t.weak for t in restated):
                found = [t for t in found if not t.weak]
            found.extend(restated)
        elif child.dep_ == "prep" and child.lower_ in INCLUDING and not _subject_list(child, frame):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(_targets(pobj, frame, as_subject, depth + 1))
        elif child.dep_ == "amod" and not found:
            found.extend(_listed_targets(child, frame))
        elif as_subject and child.dep_ == "acl" and child.lemma_.lower() in LEADING_VERBS:
            found.extend(
                t
                for agent in child.children
                if agent.dep_ == "agent"
                for pobj in agent.children
                if pobj.dep_ == "pobj"
                for t in _targets(pobj, frame, as_subject, depth + 1)
            )
        elif (
            child.dep_ == "prep"
            and child.lower_ == "such"
            and any(g.lower_ == "as" for g in child.children)
        ):
            for grand in child.children:
                for pobj in grand.children:
                    if pobj.dep_ == "pobj":
                        found.extend(_targets(pobj, frame, as_subject, depth + 1))
        elif (
            child.dep_ == "prep"
            and child.lower_ == "as"
            and any(g.lower_ == "such" for g in child.children)
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(_targets(pobj, frame, as_subject, depth + 1))
    unique: dict[str, Target] = {}
    for target in found:
        unique.setdefault(target.actor.mention.id, target)
    return list(unique.values())


def _unnamed_group(noun: Token, frame: Frame) -> bool:
    """ "147", "many countries", "several officials": a count or a plural common noun that
    names no actor, whose members a list elsewhere in the clause may name."""
    if frame.actors.actor_at(noun) is not None:
        return False
    return noun.pos_ == "NUM" or (noun.pos_ == "NOUN" and noun.tag_ == "NNS")


def _subject_list(prep: Token, frame: Frame) -> bool:
    """ "147 already recognise Palestine, including China and India", "many countries
    condemned Iran, including Canada": an "including" list set off by a comma after the
    object of a verb whose subject is a count or an unnamed group names members of that
    subject, not of the object (with a named subject, "Russia attacked several countries,
    including Georgia", the list stays with the object)."""
    noun = prep.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    verb = noun.head
    if noun.dep_ not in OBJECTS or verb.pos_ != "VERB" or prep.nbor(-1).text != ",":
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return len(subjects) == 1 and _unnamed_group(subjects[0], frame)


def _listed_members(verb: Token, frame: Frame) -> list[Target]:
    """The subject's members an "including" list after the verb's object names."""
    return [
        t
        for obj in verb.children
        if obj.dep_ in OBJECTS
        for node in obj.subtree
        if node.dep_ == "prep" and node.lower_ in INCLUDING and _subject_list(node, frame)
        for pobj in node.children
        if pobj.dep_ == "pobj"
        for t in _targets(pobj, frame, as_subject=True)
    ]


def _named_holder(noun: Token, frame: Frame) -> Token | None:
    """ "The British ambassador, Nigel Casey, …", "the US envoy to Ukraine, Keith Kellogg,
    met Zelensky": an office read as a generic agent (Government (United States)) and the
    person named beside it are one actor, and the named person is the one who acts or is
    acted on. The parser often hangs the name on the office's own "to" or "of" object,
    where a person cannot restate a country or a body."""
    if agent_noun(noun) is None or frame.actors.actor_at(noun) is None:
        return None
    places = [noun] + [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for place in places:
        owner = frame.actors.actor_at(place)
        if place is not noun and (owner is None or owner.mention.type == "PERSON"):
            continue
        for appos in place.children:
            person = frame.actors.actor_at(appos) if appos.dep_ == "appos" else None
            if (
                person is not None
                and person.mention.type == "PERSON"
                and person.resolved_by == NAME
            ):
                return appos
    return None


def _titled(appos: Token) -> bool:
    """ "The book, Brown's Britain, said…": a name with a possessor restating a thing is
    the thing's title, not the actor named in it."""
    return appos.pos_ == "PROPN" and any(c.dep_ == "poss" for c in appos.children)


def _listed_targets(modifier: Token, frame: Frame) -> list[Target]:
    """ "figures critical of Western governments, including Phillips": an "including" list
    the parser hung lower down inside the noun's modifier."""
    return [
        t
        for prep in modifier.subtree
        if prep.dep_ == "prep" and prep.lower_ in INCLUDING
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for t in _targets(pobj, frame)
    ]


def _modifier_targets(noun: Token, frame: Frame, as_subject: bool) -> list[Target]:
    """ "Trump's spending bill", "SpaceX contracts", "the Chinese envoy", "a plea by
    Falconer", "the pact with the EU", "dismissed criticism from Merkel" (what a verb acts
    on, _from_agent): the actor behind a thing. A possessor that is the
    patient of an event noun ("his deportation") is not the actor of the noun, so those are
    left to the nominal-event rule. Goods a measure is put on stand for the state they come
    from or go to ("tariffs on Chinese steel", "a duty on exports to the US"), weakly: only
    a coded act such as a sanction reaches that state through them. A paper or an outlet
    as the doer ("a Norwegian news outlet reported") is the reporting frame, not its
    country or owner acting."""
    if as_subject and noun.lemma_.lower() in MEDIA_NOUNS:
        return []
    sense = frame.lex.noun(noun)
    patient_noun = sense is not None and sense.has("patient")
    collective = _collective(noun)
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    traded = (
        noun.lemma_.lower() in TRADED
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("on", "against")
    )
    via = _phrase(noun)
    found: list[Target] = []
    for child in noun.children:
        dep = child.dep_
        if dep == "poss" and not patient_noun:
            weak = child.lower_ in POSSESSIVE_PRONOUNS
            found.extend(
                Target(t.actor, via, t.weak or weak) for t in _targets(child, frame, as_subject)
            )
        elif dep in ("compound", "nmod") and (not as_subject or collective):
            actor = frame.actors.actor_at(child)
            if actor is not None:
                found.append(Target(actor, via, weak=not collective))
        elif dep == "amod" and collective:
            actor = frame.actors.actor_at(child) or frame.actors.country_at(child)
            if actor is not None:
                found.append(Target(actor, via, weak=True))
        elif dep == "prep" and (
            child.lower_ == "by"
            or (child.lower_ == "with" and sense is not None and sense.symmetric and not as_subject)
            or (child.lower_ == "of" and _authored(sense))
            or (child.lower_ == "from" and not as_subject and _from_agent(sense, has_of))
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(Target(t.actor, via) for t in _targets(pobj, frame))
        elif dep == "prep" and child.lower_ == "of" and collective:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(Target(t.actor, via, True) for t in _targets(pobj, frame))
        elif traded and (
            (dep == "amod" and (actor := frame.actors.country_at(child)) is not None)
            or (dep == "prep" and child.lower_ in ("to", "from"))
        ):
            found.extend(
                Target(t.actor, via, weak=True)
                for t in (
                    [Target(actor)]
                    if dep == "amod"
                    else [t for p in child.children if p.dep_ == "pobj" for t in _targets(p, frame)]
                )
            )
    if not found and not as_subject:
        for child in noun.children:
            if child.dep_ == "amod":
                actor = frame.actors.actor_at(child)
                if actor is not None:
                    found.append(Target(actor, via, weak=True))
    if not found and as_subject and sense is not None and not sense.has("patient"):
        found.extend(Target(actor) for actor in _adjective_agents(noun, frame))
    return found


def _collective(noun: Token) -> bool:
    """ "the BJP government", "Russian forces": a noun that stands for the actor named on
    it."""
    return (
        noun.lemma_.lower() in COLLECTIVE
        or noun.lower_ in COLLECTIVE
        or agent_noun(noun) is not None
    )


def _adjective_agents(noun: Token, frame: Frame) -> list[Actor]:
    """ "Israeli shelling killed four", "the US airstrike that killed the general": the
    nationality adjective or the name before an event noun names who performed the
    event. A name before a role noun ("the Congress leader") is the body the role is in,
    not an agent: only events with a CAMEO code take it."""
    sense = frame.lex.noun(noun)
    event = sense is not None and sense.root is not None
    found: list[Actor] = []
    for child in noun.children:
        if child.dep_ == "amod":
            actor = frame.actors.country_at(child)
        elif child.dep_ in ("compound", "nmod") and child.i < noun.i and event:
            actor = frame.actors.actor_at(child)
        else:
            continue
        if actor is not None:
            found.append(actor)
    return found


def _object_controller(verb: Token, frame: Frame) -> list[Target]:
    """ "urged Germany to send…": the object of an object-control verb is the subject of
    its complement."""
    sense = frame.lex.verb(verb)
    if sense is None or not sense.has("objctl"):
        return []
    found: list[Target] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            found.extend(_targets(child, frame))
    return found


def _subjects(verb: Token, frame: Frame, depth: int = 0) -> list[Target]:
    """The actors doing what a verb says: its own subject, else the subject it shares with
    the verb it is coordinated with or controlled by, else the agent of the noun it
    completes ("Musk's threats to pull…")."""
    if depth > 5:
        return []
    found: list[Target] = []
    has_subject = False
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            has_subject = True
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                found.extend(_described(verb.head, frame))
            else:
                found.extend(_targets(child, frame, as_subject=True))
            if _unnamed_group(child, frame):
                found.extend(_listed_members(verb, frame))
    if has_subject or verb.head.i == verb.i:
        return found
    if depth == 0 and verb.tag_ == "VBG":
        inherited = _inherited_subjects(verb, frame)
        if inherited:
            return inherited
        actor = _with_actor(verb, frame)
        return [Target(actor, weak=True)] if actor is not None else []
    return _inherited_subjects(verb, frame, depth)


def _described(noun: Token, frame: Frame) -> list[Target]:
    """The actors a relative clause or participle describes: those its noun names, else,
    for a description set beside a name ("the Standards Committee, the group of MPs who
    will recommend…", "Jo Doe, the MP who tabled the motion"), the one the description
    restates."""
    found = _targets(noun, frame, as_subject=True)
    if not found and noun.dep_ == "appos" and frame.actors.actor_at(noun) is None:
        found = _targets(noun.head, frame, as_subject=True)
    return found


def _inherited_subjects(verb: Token, frame: Frame, depth: int = 0) -> list[Target]:
    """The subject a subjectless verb shares with the verb or noun it depends on; a
    participle on a thing that is not an actor is done by whoever handled the thing
    ("launched missiles targeting US troops")."""
    found: list[Target] = []
    head = verb.head
    dep = verb.dep_
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp"):
        head, dep = head.head, "xcomp"
    if dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
        controller = _object_controller(head, frame)
        return (
            controller
            or _subjects(head, frame, depth + 1)
            or (_passive_subjects(head, frame) if dep == "xcomp" else [])
        )
    if dep in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return _subjects(head, frame, depth + 1) or (
            [] if _is_passive(verb) or verb.tag_ == "VBN" else _passive_subjects(head, frame)
        )
    if dep == "relcl" or (dep == "acl" and verb.tag_ == "VBG"):
        found = _described(head, frame)
        if not found and dep == "acl" and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            return _subjects(head.head, frame, depth + 1)
        return found
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
        if _misparsed_main_verb(verb):
            return _targets(head, frame, as_subject=True)
        return _noun_agents(head, frame, depth + 1)
    if dep == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if governor.pos_ in ("VERB", "AUX"):
            if head.lower_ in ("of", "for") and any(
                c.dep_ in ("dobj", "dative") for c in governor.children
            ):
                return [
                    t
                    for c in governor.children
                    if c.dep_ in ("dobj", "dative")
                    for t in _targets(c, frame)
                ]
            return _subjects(governor, frame, depth + 1)
        if governor.pos_ in ("NOUN", "PROPN"):
            return _noun_agents(governor, frame, depth + 1)
    return found


def _misparsed_main_verb(verb: Token) -> bool:
    """ "Opposition MPs, led by Kharge, protested at Parliament": after an inserted
    phrase the parser can take the main verb for a participle on the subject, leaving the
    noun as the sentence's root. A participle set off by a comma on a root noun, with no
    "by" agent of its own, is that noun's main verb."""
    head = verb.head
    return (
        head.dep_ == "ROOT"
        and verb.i > head.i
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _passive_subjects(verb: Token, frame: Frame) -> list[Target]:
    """ "G8 ministers are believed to have agreed…", "Manafort was sentenced … and to pay
    restitution to…": the passive subject of a verb is the one who does what an active
    verb controlled by it or coordinated with it says."""
    return [t for c in verb.children if c.dep_ == "nsubjpass" for t in _targets(c, frame, True)]


def _noun_agents(noun: Token, frame: Frame, depth: int = 0) -> list[Target]:
    """Who performs an event noun: its possessor or nationality adjective ("Poland's
    expulsion", "the Russian seizure"), a "by"/"from" phrase, else the subject of the
    light verb that carries it ("floated the possibility…", "made the comment…"). An
    outlet or a paper ("a Norwegian news outlet reported…") is the reporting frame: nobody
    acts through it."""
    if noun.lemma_.lower() in MEDIA_NOUNS:
        return []
    sense = frame.lex.noun(noun)
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    patient_poss = sense is not None and sense.has("patient") and not has_of
    found: list[Target] = []
    for child in noun.children:
        if child.dep_ == "poss" and not patient_poss:
            found.extend(_targets(child, frame, as_subject=True))
        elif child.dep_ in ("amod", "compound", "nmod"):
            actor = frame.actors.actor_at(child) or frame.actors.country_at(child)
            if actor is not None and not (sense is not None and sense.symmetric):
                found.append(Target(actor, weak=child.dep_ == "amod"))
        elif child.dep_ in ("prep", "agent") and (
            child.lower_ == "by"
            or (child.lower_ == "from" and _from_agent(sense, has_of))
            or (child.lower_ == "of" and _authored(sense))
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(_targets(pobj, frame, as_subject=True))
    if found or depth > 5:
        return found
    governor = _governing_verb(noun, frame)
    if governor is not None:
        return _subjects(governor, frame, depth + 1)
    return []


def _authored(sense: Sense | None) -> bool:
    """ "the request of the prime minister", "at the invitation of Japan", "the demands of
    the unions": an appeal, offer or demand names its author with "of"."""
    return sense is not None and sense.type in ANSWERED_TYPES


def _from_agent(sense: Sense | None, has_of: bool) -> bool:
    """ "criticism from Musk", "attacks from Hamas on Israel" name their author; "the
    removal of troops from Afghanistan" names a place: verbal acts, and violence (CAMEO 18-20)
    with no "of" phrase, take their agent from "from"; so does what is given ("aid to Kyiv
    from the EU", "loans from the IMF"), whose "from" is the giver."""
    if sense is None or sense.has("patient"):
        return False
    if sense.quad_class in (1, 3):
        return True
    giving = sense.root == AID_ROOT or sense.type in GIVING_TYPES
    return (giving or sense.root in VIOLENCE_ROOTS) and not has_of


def _governing_verb(noun: Token, frame: Frame) -> Token | None:
    """The light verb whose act an event noun names: "made the comment", "retaliated with
    insults", "floated the possibility of…", "launched an investigation"."""
    node = noun
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return None
        if head.pos_ == "VERB" and node.dep_ in ("dobj", "attr"):
            return head if frame.lex.is_light(head) else None
        if head.dep_ == "prep" and node.dep_ == "pobj":
            verb = head.head
            if verb.pos_ == "VERB" and head.lower_ in ("with", "of"):
                return verb
            node = verb
            continue
        if node.dep_ == "conj":
            node = head
            continue
        if head.pos_ == "NOUN" and frame.lex.is_hypothetical_word(head):
            node = head
            continue
        return None
    return None


def _verb_objects(verb: Token, frame: Frame, preps_only: bool = False) -> list[Target]:
    """Everyone a verb acts on: direct and dative objects (a relative pronoun standing for
    the noun its clause describes: "the G8, which Britain chairs"), participants behind a
    preposition ("provide asylum to Musk", "interfere in Moldova"), and the "in addition
    to Snowden" extension."""
    found: list[Target] = []
    for child in verb.children:
        dep = child.dep_
        if dep in ("prep", "dative") and child.pos_ == "ADP":
            found.extend(_prep_targets(child, verb, frame))
        elif dep in OBJECTS and not preps_only:
            found.extend(
                _targets(child, frame)
                or _recipients(verb, child, frame)
                or _stray_author(verb, child, frame)
            )
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                found.extend(_targets(verb.head, frame))
        elif dep == "ccomp" and not preps_only:
            found.extend(_small_clause_subject(verb, child, frame))
    return found


def _stray_author(verb: Token, thing: Token, frame: Frame) -> list[Target]:
    """ "the Kremlin rejected the plea by Berlin", "rejected overtures from Howard": the
    parser often hangs an act noun's "by" or "from" (_from_agent) on the active verb acting
    on it; the actor behind it made the act the verb answers."""
    sense = frame.lex.noun(thing)
    if thing.pos_ != "NOUN" or sense is None or _is_passive(verb):
        return []
    if verb.lemma_.lower() in RECEIVING_VERBS:
        return []
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in thing.children)
    return _behind(verb, ("by", "from") if _from_agent(sense, has_of) else ("by",), frame)


def _behind(
    head: Token, preps: Collection[str], frame: Frame, as_subject: bool = False
) -> list[Target]:
    """The actors named behind the prepositions `preps` hung on `head` ("to Ukraine",
    "from Moscow"), in the order written."""
    return [
        t
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for t in _targets(pobj, frame, as_subject)
    ]


def _recipients(verb: Token, thing: Token, frame: Frame) -> list[Target]:
    """ "pay restitution to the tax office", "sold arms to Ukraine": the parser hangs the
    recipient of a giving verb on the thing given."""
    sense = frame.lex.verb(verb)
    if thing.dep_ != "dobj" or sense is None or sense.type not in GIVING_TYPES:
        return []
    return _behind(thing, ("to",), frame)


def _small_clause_subject(verb: Token, clause: Token, frame: Frame) -> list[Target]:
    """ "help India build a railway", "let Russia win": the subject of a bare clause right
    after the verb is who the verb acts on."""
    sense = frame.lex.verb(verb)
    if sense is None or not (sense.has("objctl") or sense.type == "HELP"):
        return []
    if any(c.dep_ == "mark" for c in clause.children):
        return []
    return [
        t
        for c in clause.children
        if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1
        for t in _targets(c, frame)
    ]


def _prep_targets(prep: Token, verb: Token, frame: Frame) -> list[Target]:
    """The participant behind a preposition of a verb, unless the preposition names a
    place or time, a medium ("spoke on TV"), or an opponent of a cooperative act
    ("supported the government against the rebels")."""
    word = prep.lower_
    sense = frame.lex.verb(verb)
    addressed = _addressed_past_grievance(prep, sense, frame)
    if addressed:
        return addressed
    if sense is not None and (
        (word == "on" and sense.type in COMMUNICATION_TYPES)
        or (word == "against" and sense.polarity > 0)
    ):
        return []
    if word == "in":
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.lower_ == "addition" and sense is not None:
            return [
                t
                for to in pobj.children
                if to.dep_ == "prep" and to.lower_ == "to"
                for p in to.children
                if p.dep_ == "pobj"
                for t in _targets(p, frame)
            ]
        if verb.lemma_.lower() not in IN_VERBS:
            return []
        return [
            t
            for c in prep.children
            if c.dep_ == "pobj"
            for t in (_targets(c, frame) or _nested_targets(c, frame))
        ]
    elif word in ADJUNCT_PREPS and not (word == "at" and _aimed(verb, sense, frame)):
        return []
    return [t for c in prep.children if c.dep_ == "pobj" for t in _targets(c, frame)]


def _aimed(verb: Token, sense: Sense | None, frame: Frame) -> bool:
    """ "lashed out at the minister", "hit back at Labour", "took a swipe at Brussels": a
    verbal attack, by its verb, its verb and object or the noun a light verb carries, takes
    its target with "at", where other acts and a protest name a place ("protested at
    Parliament"), as does an attack with its target as object ("criticised Iran at the
    UN")."""
    pair = _pair_object(verb, frame)
    carried = _light_object(verb, frame)
    if pair is None and carried is None and any(c.dep_ in OBJECTS for c in verb.children):
        return False
    if pair is not None:
        sense = pair[1]
    elif carried is not None:
        sense = frame.lex.noun(carried)
    return sense is not None and sense.quad_class == 3 and sense.type not in PROTEST_TYPES


def _addressed_past_grievance(prep: Token, sense: Sense | None, frame: Frame) -> list[Target]:
    """ "appealed against the ruling to the tribunal", "complained about the decision to
    the ombudsman": the parser hangs the "to" phrase of an appeal or complaint on the
    grievance named before it; it is who the appeal is made to."""
    if sense is None or sense.type not in APPEALS or prep.lower_ not in GRIEVANCE_PREPS:
        return []
    return [
        t
        for grievance in prep.children
        if grievance.dep_ == "pobj" and frame.actors.actor_at(grievance) is None
        for t in _behind(grievance, ("to",), frame)
    ]


def _nested_targets(noun: Token, frame: Frame) -> list[Target]:
    """ "interfere in the election in Moldova": the actor one preposition further down."""
    return [
        Target(t.actor, _phrase(noun), weak=True)
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for t in _targets(pobj, frame)
    ]


def _noun_objects(noun: Token, frame: Frame, act: Sense | None = None) -> list[Target]:
    """The participants an event noun acts on: "seizure of SpaceX", "attack on Israel",
    "support for Finland's bid", and its possessor when the noun's patient is its
    possessor ("his deportation"). `act` is the meaning of the verb and noun together
    when they name one act ("turned its back on the voters"). A visit's "for" names its
    purpose: the partner of talks held there is met, the names on the event are not
    visited ("a visit to Delhi for the India-Russia summit")."""
    sense = frame.lex.noun(noun)
    meaning = act or sense
    conflict = any(m is not None and m.quad_class in (3, 4) for m in (act, sense))
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    found: list[Target] = []
    preps = NOUN_ARGUMENT_PREPS | CONFLICT_NOUN_PREPS if conflict else NOUN_ARGUMENT_PREPS
    if meaning is not None and meaning.type in IN_TYPES:
        preps = preps | {"in"}
    travel = meaning is not None and meaning.type in TRAVEL_TYPES
    if _authored(sense):
        preps = preps - {"of"}
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            purpose = travel and child.lower_ == "for"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(t for t in _targets(pobj, frame) if not (purpose and t.weak))
        elif child.dep_ == "poss" and sense is not None and sense.has("patient") and not has_of:
            found.extend(_targets(child, frame))
        elif child.dep_ == "nmod":
            actor = frame.actors.actor_at(child)
            if actor is not None:
                found.append(Target(actor))
    return found


def _sense(verb: Token, frame: Frame) -> Sense:
    return frame.lex.verb(verb) or unknown_sense(verb)


def _words(*tokens: Token) -> str:
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    return " ".join(t.text for t in ordered)


class Found(NamedTuple):
    """What a construction read: who, on whom, meaning, rule, the words, and the word the
    modality walk starts from when it is not the predicate (an event noun's "possible")."""

    subjects: list[Target]
    objects: list[Target]
    sense: Sense
    rule: str
    text: str
    mood: Token | None = None
    former: bool = False
    negated: bool = False


Construction = Callable[[Token, Frame], Iterator[Found]]


def active_voice(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "Russia sheltered Phillips", "Germany would not supply missiles to Ukraine": the
    subject acts on the object or on the participant behind a preposition. Light verbs
    and the heads of threat/refusal complements are left to their own rules; a verb that
    names no act (Lexicon.names_no_act: "walking up Downing Street") relates nobody."""
    if verb.pos_ != "VERB" or _is_passive(verb) or verb.lemma_.lower() in NON_PREDICATES:
        return
    if _light_object(verb, frame) is not None or _pair_object(verb, frame) is not None:
        return
    if _received(verb, frame) is not None or any(_candidacy(verb, c) for c in verb.children):
        return
    if frame.lex.names_no_act(verb):
        return
    sense = _sense(verb, frame)
    if sense.has("speech") or _controlled_by_head(verb, frame):
        return
    objects = _verb_objects(verb, frame, preps_only=sense.has("topic") or _sends_actor(verb, sense))
    objects += _asked_of(verb, sense, frame)
    if verb.lemma_.lower() in TALKING_VERBS:
        objects = [t for t in objects if not _interviewer(t, verb)]
    objects = [t for t in objects if not _outlet_staff(t)]
    if not objects:
        return
    direct = any(c.dep_ in OBJECTS for c in verb.children) and not sense.has("topic")
    yield Found(_subjects(verb, frame), objects, sense, "active" if direct else "prep", verb.text)


def _asked_of(verb: Token, sense: Sense, frame: Frame) -> list[Target]:
    """ "demanded an explanation from Russia", "sought help from the UN", "asked for
    support from Japan": a demand or an appeal names who it is made to with "from", on the
    verb or on the thing asked for. A thing with an "of" phrase ("the return of hostages
    from Gaza") takes "from" as the place it comes from."""
    if sense.root not in REQUEST_ROOTS:
        return []
    things = [c for c in verb.children if c.dep_ == "dobj" and frame.actors.actor_at(c) is None] + [
        p for prep in _preps(verb, "for") for p in prep.children if p.dep_ == "pobj"
    ]
    return [
        t
        for thing in [verb, *things]
        if thing is verb or not _preps(thing, "of")
        for t in _behind(thing, ("from",), frame)
        if not t.weak
    ]


def _preps(head: Token, word: str) -> list[Token]:
    return [c for c in head.children if c.dep_ == "prep" and c.lower_ == word]


def _candidacy(verb: Token, prep: Token) -> bool:
    """ "run for the Senate": the body is the seat sought, not an actor acted on."""
    return verb.lemma_.lower() == "run" and prep.dep_ == "prep" and prep.lower_ == "for"


def _outlet_staff(target: Target) -> bool:
    """ "accused an Evening Standard journalist", "criticised a Times reporter": an
    unnamed person of an outlet is acted on, not the outlet."""
    if target.via is None or not _outlet(target.actor):
        return False
    noun = target.via.split()[-1].lower()
    return noun in role_table_nouns() or noun in person_descriptors()


def _interviewer(target: Target, verb: Token) -> bool:
    """ "spoke to BBC News", "Speaking with CNN, the senator said…": the outlet someone
    talks to, and the organisation a fronted "Speaking to …" clause names before the
    speaker's own clause, are the reporting frame (docs/eval.md), not a meeting. A person
    or a state there is a partner ("Speaking with Macron, Scholz said…")."""
    if _reporting_frame(target):
        return True
    fronted = verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i < verb.head.i
    return fronted and target.actor.mention.type not in ("PERSON", "GPE", "NORP")


def _received(verb: Token, frame: Frame) -> tuple[Token, Sense, list[Target]] | None:
    """The act a receiving verb's object names and who performed it: "faced criticism from
    Macron", "came under pressure from Moscow", and with "of" for approval only ("won the
    backing of the unions"; "won the release of X" is the subject's own act); the parser
    often hangs the "from" on the verb ("drew criticism from US lawmakers"). A subject
    that names no actor ("the plan drew an outcry from Germany") leaves the noun to the
    nominal-event rule."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RECEIVING_VERBS:
        return None
    if not _subjects(verb, frame):
        return None
    come = verb.lemma_.lower() == "come"
    for child in verb.children:
        if come and child.dep_ == "prep" and child.lower_ == "under":
            nouns = [p for p in child.children if p.dep_ == "pobj"]
        elif not come and child.dep_ == "dobj":
            nouns = [child]
        else:
            continue
        for noun in nouns:
            sense = frame.lex.noun(noun)
            if sense is None or sense.has("patient") or frame.actors.actor_at(noun) is not None:
                continue
            preps = ("from", "by", "of") if sense.quad_class == 1 else ("from", "by")
            authors = _behind(noun, preps, frame, as_subject=True) or (
                [] if come else _behind(verb, ("from",), frame, as_subject=True)
            )
            if authors:
                return noun, sense, authors
    return None


def received(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "Starmer faced criticism from Sunak", "Kyiv won the backing of the EU": the
    author of the act the object names acts on the subject."""
    found = _received(verb, frame)
    if found is None:
        return
    noun, sense, authors = found
    frame.consumed.add(noun.i)
    yield Found(authors, _subjects(verb, frame), sense, "received", _words(verb, noun), noun)


def composition(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "The Making Decisions Alliance, which includes Mencap and Age Concern", "the bloc
    comprises Chile and Peru": an alliance, coalition or other body made of actors has
    them as members (structural)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in COMPOSING_VERBS or _is_passive(verb):
        return
    bodies = [
        t
        for t in _subjects(verb, frame)
        if t.actor.mention.type == "ORG" and t.actor.mention.name.split()[-1].lower() in GROUP_WORDS
    ]
    if not bodies:
        return
    members = [
        t for c in verb.children if c.dep_ == "dobj" for t in _targets(c, frame) if not t.weak
    ]
    member = frame.lex.nouns.get("member")
    if members and member is not None:
        yield Found(members, bodies, member, "composition", verb.text)


def implicit_target(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "This is a domestic issue of the United States, and we don't intend to interfere":
    an objectless intervention whose target is the one actor the coordinated clause names."""
    if verb.pos_ != "VERB" or _sense(verb, frame).type not in IMPLICIT_TARGET_TYPES:
        return
    if _verb_objects(verb, frame):
        return
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.i == verb.i:
        return
    own = {t.i for t in verb.subtree}
    named = {
        actor.mention.id: actor
        for token in clause.subtree
        if token.i not in own
        and token.dep_ in ("pobj", "poss", "attr", "dobj")
        and (actor := frame.actors.actor_at(token)) is not None
    }
    subjects = _subjects(verb, frame)
    others = [a for key, a in named.items() if all(s.actor.mention.id != key for s in subjects)]
    if len(others) == 1:
        target = Target(others[0], weak=True)
        yield Found(subjects, [target], _sense(verb, frame), "implicit_target", verb.text)


def _sends_actor(verb: Token, sense: Sense) -> bool:
    """ "sent Secretary of State Pompeo": an actor as the only object of a giving verb is
    what is sent; the recipient is the dative or the "to" phrase."""
    if sense.type != "PROVIDE":
        return False
    children = list(verb.children)
    has_theme = sum(1 for c in children if c.dep_ in ("dobj", "dative")) > 1
    return not has_theme and not any(c.dep_ == "prep" and c.lower_ == "with" for c in children)


def passive_voice(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "Johnson was criticised by Sturgeon", "protections offered by the Kremlin": the
    agent acts on the passive subject, on the noun a participle modifies, or on whoever
    stands behind "to"/"on" ("sanctions imposed by the US on Iran"); "was unopposed by"
    is the negated sense of "oppose"."""
    if verb.pos_ != "VERB":
        return
    agents = [
        t
        for c in verb.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj"
        for t in _targets(p, frame, as_subject=True)
    ]
    removed_from = not agents and _removal(verb, frame)
    if removed_from:
        agents = _behind(verb, ("from",), frame, as_subject=True)
    if not agents:
        return
    patients: list[Target] = []
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            patients.extend(_targets(child, frame))
    if verb.dep_ == "acl":
        patients.extend(_targets(verb.head, frame))
    if not removed_from:
        patients.extend(_verb_objects(verb, frame))
    sense, negated = _sense(verb, frame), False
    if frame.lex.verb(verb) is None and verb.lower_.startswith("un"):
        sense, negated = _participle_sense(verb, frame) or (sense, False)
    yield Found(agents, patients, sense, "passive", verb.text, None, False, negated)


def _removal(verb: Token, frame: Frame) -> bool:
    """ "Galloway was expelled from the Labour party", "was suspended from the party": a
    passive expulsion, removal or ban with no "by" names who acted with "from"."""
    sense = frame.lex.verb(verb)
    return _is_passive(verb) and sense is not None and sense.type in REMOVAL_TYPES


def predicative_passive(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "should Pierluisi remain unconfirmed by the Senate", "Kyiv felt betrayed by
    Washington": a participle used as an adjective after a linking verb is a passive, its
    "by" phrase the agent acting on the subject; "un-" negates it. Only participles of
    verbs the dictionary knows are read, as the adjective is otherwise mostly a mood
    ("unfazed", "surprised")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in LINKING_VERBS:
        return
    for adjective in verb.children:
        if adjective.dep_ not in ("acomp", "oprd") or not adjective.lower_.endswith("ed"):
            continue
        found = _participle_sense(adjective, frame)
        if found is None:
            continue
        sense, negated = found
        agents = [
            t
            for head in (verb, adjective)
            for c in head.children
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
            for p in c.children
            if p.dep_ == "pobj"
            for t in _targets(p, frame, as_subject=True)
        ]
        if agents:
            text = _words(verb, adjective)
            yield Found(
                agents, _subjects(verb, frame), sense, "passive", text, adjective, False, negated
            )


def _participle_sense(adjective: Token, frame: Frame) -> tuple[Sense, bool] | None:
    """The dictionary sense of the verb a participle adjective comes from, and whether an
    "un-" prefix negates it ("unconfirmed" → confirm, negated)."""
    word = adjective.lower_
    for stem, negated in (
        (word, False),
        (word[2:], True) if word.startswith("un") else ("", False),
    ):
        for lemma in (stem[:-2], stem[:-1], stem[:-3], stem[:-3] + "y"):
            sense = frame.lex.verbs.get(lemma) if len(lemma) > 2 else None
            if sense is not None and sense.root is not None:
                return sense, negated
    return None


def verb_noun_pair(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "offering Musk political asylum", "imposed sanctions on Iran", "cut ties": a verb
    and its object noun that together name one act (OFFER_ASYLUM, SANCTION)."""
    found = _pair_object(verb, frame)
    if found is None:
        return
    noun, sense = found
    frame.consumed.add(noun.i)
    objects = _verb_objects(verb, frame, preps_only=True) + _noun_objects(noun, frame, sense)
    objects += [
        t
        for c in verb.children
        if c.dep_ in ("dative", "dobj") and c.i != noun.i
        for t in _targets(c, frame)
    ]
    subjects = _agents_of_predicate(verb, frame)
    rule = "dative" if _has_dative(verb) else "active"
    yield Found(subjects, objects, sense, rule, _words(verb, noun), noun)


def light_verb(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "made the comment to TASS", "issued a warning to Iran", "launched an investigation
    into Huawei": a light verb lends its subject to the event noun it carries."""
    noun = _light_object(verb, frame)
    if noun is None or _received(verb, frame) is not None:
        return
    if not frame.lex.noun(noun) or not frame.lex.noun(noun).has("callfor"):
        frame.consumed.add(noun.i)
    sense = frame.lex.noun(noun)
    if sense is None or sense.has("callfor"):
        return
    objects = _noun_objects(noun, frame) + _verb_objects(verb, frame, preps_only=True)
    objects += [t for c in verb.children if c.dep_ == "dative" for t in _targets(c, frame)]
    if not objects and sense.quad_class == 3:
        objects = _claim_targets(verb, frame)
    subjects = _agents_of_predicate(verb, frame)
    yield Found(subjects, objects, sense, "light_verb", _words(verb, noun), noun)


def _claim_targets(verb: Token, frame: Frame) -> list[Target]:
    """ "retaliated with insults, claiming Musk had lost his mind": a verbal attack with no
    object is aimed at whoever the accompanying claim is about."""
    found: list[Target] = []
    for clause in verb.children:
        sense = frame.lex.verb(clause) if clause.dep_ == "advcl" else None
        if sense is None or not sense.has("speech"):
            continue
        for claim in clause.children:
            if claim.dep_ == "ccomp":
                found.extend(
                    Target(t.actor, weak=True)
                    for c in claim.children
                    if c.dep_ == "nsubj"
                    for t in _targets(c, frame)
                )
    return found


def call_for(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "calling for his deportation and the seizure of SpaceX": a demand or appeal whose
    type names the act called for (CALL_FOR_DEPORTATION), aimed at that act's patient."""
    sense = frame.lex.verbs.get(f"{verb.lemma_.lower()} for") or frame.lex.verb(verb)
    nouns: list[Token] = []
    calling_verb = verb.pos_ == "VERB" and sense is not None and sense.type in CALLS
    if calling_verb or (verb.pos_ == "NOUN" and verb.lemma_.lower() == "call"):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        nouns.extend([pobj, *pobj.conjuncts])
    for noun in nouns:
        called = frame.lex.noun(noun)
        if called is None or frame.actors.actor_at(noun) is not None:
            continue
        frame.consumed.add(noun.i)
        agents = _subjects(verb, frame) if verb.pos_ == "VERB" else _noun_agents(verb, frame)
        yield Found(
            agents,
            _noun_objects(noun, frame),
            call_for_sense(noun, called),
            "call_for",
            (_words(verb, noun)),
        )


def appeal_clause(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "called for Russia to withdraw its troops", "asked for British troops to be pulled
    out": a call made to the subject of the "for … to" clause it governs (the clause is
    read by the other rules, not as done). A wish ("wants the G8 to match his target")
    is left out: on unseen text it named someone other than an addressee too often."""
    if verb.pos_ != "VERB":
        return
    called = frame.lex.verbs.get(f"{verb.lemma_.lower()} for")
    if called is None or called.type not in CALLS:
        return
    addressed = [
        t
        for clause in verb.children
        if clause.dep_ in ("advcl", "ccomp") and clause.pos_ == "VERB" and _for_to(clause)
        for subject in clause.children
        if subject.dep_ in ("nsubj", "nsubjpass")
        for t in _targets(subject, frame)
    ]
    if addressed:
        yield Found(_subjects(verb, frame), addressed, called, "call_for", verb.text)


def _for_to(clause: Token) -> bool:
    """A clause opened by "for" with a "to" infinitive ("for Russia to withdraw")."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    to = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in clause.children)
    return to and marks == ["for"]


def control(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "threatened to block Sweden's membership", "refused to meet Zelensky", "China's
    threats to invade Taiwan": a threat or refusal aimed at the target of the act it
    governs; the governed act itself is not emitted, it did not happen. An apposition
    after the complement ("threats to pull his spacecraft—NASA's link—") restates its
    object, which the parser tends to hang on the threat instead."""
    if verb.pos_ == "VERB":
        sense = frame.lex.verb(verb)
        agents_of = _subjects
    elif verb.pos_ == "NOUN":
        sense = frame.lex.noun(verb)
        agents_of = _noun_agents
    else:
        return
    if sense is None or sense.type not in HEAD_CONTROL_TYPES:
        return
    for child in verb.children:
        if child.dep_ in ("xcomp", "acl") and child.pos_ == "VERB":
            objects = _complement_targets(child, frame)
            restated = [
                t
                for appos in verb.children
                if appos.dep_ == "appos" and appos.i > child.i
                for t in _targets(appos, frame)
            ]
            if restated:
                objects = [t for t in objects if not t.weak] + restated
            if objects:
                frame.consumed.add(verb.i)
                yield Found(agents_of(verb, frame), objects, sense, "control", _words(verb, child))


def _complement_targets(verb: Token, frame: Frame) -> list[Target]:
    pair = _pair_object(verb, frame) or (
        (n, frame.lex.noun(n)) if (n := _light_object(verb, frame)) is not None else None
    )
    found = _verb_objects(verb, frame)
    if pair is not None:
        found += _noun_objects(pair[0], frame)
    if not found:
        for child in verb.children:
            if child.dep_ == "dobj":
                found += [
                    t
                    for grand in child.subtree
                    if grand.i != child.i and (actor := frame.actors.actor_at(grand)) is not None
                    for t in (Target(actor, _phrase(child), weak=True),)
                ]
    return found


def speech(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "Lula told the Saudi king…", "said to reporters": a statement from speaker to
    addressee. Only "tell"-type verbs take the addressee as object; "confirmed him" or
    "wrote on Twitter" name no addressee, and an outlet ("told the BBC") is the reporting
    frame, not an addressee (docs/eval.md). What the statement claims is read by the other
    rules and marked as reported."""
    if verb.pos_ != "VERB":
        return
    sense = frame.lex.verb(verb)
    if sense is None or not sense.has("speech"):
        return
    addressees: list[Target] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ != "ADP" and sense.type == "TELL":
            addressees.extend(_targets(child, frame))
        elif child.dep_ in ("prep", "dative") and child.lower_ == "to":
            addressees.extend(_prep_targets(child, verb, frame))
    addressees = [t for t in addressees if not _reporting_frame(t)]
    speakers = [t for t in _subjects(verb, frame) if _speaks_for(t)]
    if addressees and speakers and _names_others(verb, speakers + addressees, frame):
        addressees = [t for t in addressees if not _audience(t)]
    if addressees and speakers:
        yield Found(speakers, addressees, sense, "speech", verb.text)


def _audience(target: Target) -> bool:
    """ "told MPs", "told voters": a group named only by a plural noun of a sector is who
    heard the words, the room they were said in."""
    token = target.actor.span.root
    return plural(token) and agent_noun(token) is not None


def _names_others(verb: Token, parties: list[Target], frame: Frame) -> bool:
    """Whether what a speech verb reports names an actor other than the speaker and the
    addressee ("told MPs the chancellor had lost control"): the words are then about that
    actor (statement), and a group that heard them (_audience) is the setting, not who they
    are to; with nothing else named, the group is who they are to ("the minister has told
    MPs the post should go to the best person")."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    within = None
    if not clauses:
        clauses, within = _quote_before(verb)
    known = {t.actor.mention.id for t in parties}
    return any(
        (actor := frame.actors.actor_at(token)) is not None
        and actor.mention.id not in known
        and token.lower_ not in FIRST_PERSON
        for clause in clauses
        for token in clause.subtree
        if within is None or token.i in within
    )


def statement(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "Blair said the Tories were soft on terrorism", "they believe Blair is using the
    issue", "He warned that the government would have difficulty": a statement, belief or
    warning about actors is a relation from the speaker to each actor the claim is about
    (docs/eval.md). Actors named only as a place or time of the claim ("under New Labour",
    "in Britain") are its setting, not what it is about, and so are a country's people
    ("voters will have a clear choice"): the public a statement is made before. A country
    in a claim is left to the rules that read the claim itself: it is most often the
    speaker's own side or the stage ("Scholz said Germany would not supply missiles to
    Ukraine")."""
    if verb.pos_ != "VERB":
        return
    sense = frame.lex.verb(verb)
    if sense is None or not (sense.has("speech") or sense.has("claim") or sense.has("threat")):
        return
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    within = None
    if not clauses and sense.has("speech"):
        clauses, within = _quote_before(verb)
    if not clauses and sense.has("speech"):
        clauses = _parenthetical_claim(verb)
    if not clauses:
        return
    speakers = _speakers(verb, frame)
    own = _own_countries(speakers, frame)
    about = [
        t
        for clause in clauses
        for t in _claim_about(clause, frame, within, speakers)
        if not _neuter(t.actor)
        and not _reporting_frame(t)
        and not _quoted_pronoun(t.actor)
        and t.actor.mention.sector != "CVL"
        and (t.actor.mention.type != "GPE" or (own and _country_code(t.actor) not in own))
    ]
    if about:
        yield Found(speakers, about, sense, "statement", verb.text)


def _quoted_pronoun(actor: Actor) -> bool:
    """ "…unless they follow procedure," Kant said: a "he" or "they" inside the quotation
    points into the speaker's own talk, which the article does not show; read as the last
    person the narrative named, it is most often someone else. (The speaker's own "I" and
    "we" are left out of a claim, _claim_about.)"""
    return actor.resolved_by == PRONOUN and in_quote(actor.span.root)


def spoken_of(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "Sarkozy said of Chirac, …", "Starmer spoke warmly of Farage", "she talked about
    the Tories": the one a statement is said of or about is what it is about (docs/eval.md),
    whatever the quotation after it says."""
    if verb.pos_ != "VERB":
        return
    sense = frame.lex.verb(verb)
    talking = verb.lemma_.lower() in TALKING_VERBS
    if not talking and (sense is None or not (sense.has("speech") or sense.has("claim"))):
        return
    about = [
        t
        for t in _behind(verb, ("of", "about"), frame)
        if not t.weak and not _neuter(t.actor) and not _reporting_frame(t)
    ]
    speakers = _speakers(verb, frame)
    said = frame.lex.verbs.get("comment") if talking else sense
    if about and speakers and said is not None:
        yield Found(speakers, about, said, "statement", verb.text)


def _speakers(verb: Token, frame: Frame) -> list[Target]:
    """The subjects of a speech verb who can speak for themselves: not an "it" (_neuter),
    not an outlet or a reporter (_speaks_for)."""
    return [t for t in _subjects(verb, frame) if not _neuter(t.actor) and _speaks_for(t)]


def _parenthetical_claim(verb: Token) -> list[Token]:
    """ "Nobody, he claimed, could picture Kennedy in Downing Street", "Brown, as the
    Tories claim, plans to raise tax": a speech verb set inside the clause it reports has
    that clause as its claim."""
    head = verb.head
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
    elif verb.dep_ != "parataxis":
        return []
    return [head] if head.i != verb.i and head.pos_ in ("VERB", "AUX") else []


def _quote_before(verb: Token) -> tuple[list[Token], range | None]:
    """ "“… President Trump's policy will change,” Pompeo told the press": a quotation
    closed just before its speaker, which the parser did not hang on the speech verb, is
    the claim: the clauses rooted inside it, read only within it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    sentence = verb.sent
    if not subjects:
        return [], None
    left = min(verb.i, subjects[0].left_edge.i)
    close = None
    for token in reversed(verb.doc[max(sentence.start, left - 3) : left]):
        if token.text in QUOTE_MARKS:
            close = token.i
            break
        if not (token.is_punct or token.is_space):
            return [], None
    if close is None or close - sentence.start < 3:
        return [], None
    within = range(sentence.start, close)
    roots = [
        t
        for t in verb.doc[sentence.start : close]
        if t.pos_ in ("VERB", "AUX") and (t.head.i not in within or t.head.i == t.i)
    ]
    return roots, within


def _own_countries(speakers: list[Target], frame: Frame) -> set[str]:
    """The countries a speaker is known to speak for: one named in the speaker's own noun
    phrase ("US Secretary of State Mike Pompeo", "Iran's foreign minister") or the one an
    organisation belongs to. Empty when unknown: a country in the claim of a speaker of
    unknown side is then left out, as it is most often the speaker's own. A state's claim
    about another state is left to the rules that read the claim itself."""
    found: set[str] = set()
    for speaker in speakers:
        if speaker.actor.mention.type in ("GPE", "NORP"):
            continue
        code, _ = known_affiliation(speaker.actor.mention)
        if code is not None:
            found.add(code)
        if speaker.actor.resolved_by != "name":
            continue
        for token in speaker.actor.span.root.subtree:
            actor = frame.actors.actor_at(token) or frame.actors.country_at(token)
            if actor is not None and actor.mention.type == "GPE":
                found.add(_country_code(actor))
    return found


def _country_code(actor: Actor) -> str:
    code, _ = known_affiliation(actor.mention)
    return code or actor.mention.id


def _outlet(actor: Actor) -> bool:
    """ "told BBC News", "told radio host X", "the Lagos Herald reported": an outlet or a
    journalist is the reporting frame (docs/eval.md). Outlets the gazetteer knows are left
    in: sources.py takes them out and keeps them as the sentence's source; a name built on
    "News" or ending in a masthead word says it of the rest."""
    mention = actor.mention
    if mention.sector == "MED" or _outlet_run_on(mention):
        return True
    if mention.type != "ORG" or is_outlet(mention):
        return False
    words = mention.name.lower().split()
    return (
        "news" in words
        or (len(words) > 1 and words[-1] in MASTHEAD_WORDS)
        or _publication_title(actor)
    )


def _outlet_run_on(mention: Mention) -> bool:
    """ "told NPR Hamza bin Laden had appeared…": the recogniser ran a known outlet into
    the name after it; the addressee is the outlet, the reporting frame."""
    first = mention.name.split()[0]
    return first != mention.name and _media_name(first)


def _media_name(words: str) -> bool:
    """Words the gazetteer knows as an outlet, matched as written: they are cut from a
    longer name or a possessive, not a span the recogniser tagged, so a case-folded match
    would take common words for outlets."""
    known = load_gazetteer().lookup(words, exact=True)
    return known is not None and known.kind == MEDIA


def _publication_title(actor: Actor) -> bool:
    """ "told The EastAfrican", "commented to The Hindu": a name written after a capital
    "The" inside a sentence is a publication's title, where a body is "the committee", "the
    United Nations"; a name ending in an organisation word ("The Carter Center") is a body
    still, and one the gazetteer places is an actor it knows."""
    span = actor.span
    before = span.doc[span.start - 1] if span.start > span.sent.start + 1 else None
    if before is None or before.text != "The" or actor.resolved_by != NAME:
        return False
    last = actor.mention.name.lower().split()[-1]
    lists = words()
    if last in lists.organisations or last in lists.bodies or last in BUSINESS_WORDS:
        return False
    return known_affiliation(actor.mention) == (None, None)


def _speaks_for(speaker: Target) -> bool:
    """Whether a speaker is an actor whose words are a relation: not an outlet or a paper
    reporting ("the Lagos Herald reported", "a Norwegian news outlet reported") and not a
    nationality read off someone who no longer holds the office ("a former British
    diplomat told…" is not the United Kingdom speaking)."""
    if _reporting_frame(speaker):
        return False
    via = (speaker.via or "").lower().split()
    return not (speaker.weak and any(word in FORMER_WORDS for word in via))


def _reporting_frame(target: Target) -> bool:
    """An outlet, or an actor reached through a programme or paper of its ("told BBC One's
    Breakfast programme", "wrote in the Guardian newspaper"), or a name an outlet owns
    ("speaking to the BBC's Westminster Hour"): the reporting frame."""
    return (
        _outlet(target.actor)
        or (target.via is not None and target.via.split()[-1].lower() in MEDIA_NOUNS)
        or _outlet_owned(target.actor)
    )


def _outlet_owned(actor: Actor) -> bool:
    """ "the BBC's Westminster Hour", "CNN's State of the Union": a name whose possessor is
    an outlet is that outlet's programme or column, whatever the recogniser took it for."""
    return any(
        _media_name(" ".join(t.text for t in child.subtree if t.dep_ != "case"))
        for child in actor.span.root.children
        if child.dep_ == "poss"
    )


def _neuter(actor: Actor) -> bool:
    """ "it said", "it happened": a claim's "it" is too often an event or a document to be
    read as an actor's words or topic."""
    return actor.resolved_by != "name" and actor.span.text.lower() in ("it", "its")


def _claim_about(
    clause: Token, frame: Frame, within: range | None = None, speakers: list[Target] | None = None
) -> list[Target]:
    """The actors a claim is about: who acts or is acted on in it (subjects, objects,
    participants behind a verb's preposition) and their owners, not actors further down
    inside a thing ("a wall along the border with Mexico", "a member of the Lords"). A
    clause that relates two actors ("said Iran is supplying drones to Russia") is a
    reported act, read by the other rules with `modality: reported`; the claim is about
    an actor when that actor stands alone in its clause ("said the Tories were soft"),
    names coordinated in one phrase standing as one.
    "They" in the claim of two or more speakers is the speakers ("the Tories and the Lib
    Dems say they want…"). The speaker named again in the claim ("Solana said he had
    qualms about Clarke's plans") is the speaker's "I", which acts on nobody else."""
    speakers = speakers or []
    own = {t.actor.mention.id for t in speakers}
    placed: list[tuple[Token, Actor]] = []
    for token in clause.subtree:
        if (within is not None and token.i not in within) or (
            len(speakers) > 1 and token.lower_ in PLURAL
        ):
            continue
        actor = frame.actors.actor_at(token)
        if actor is None or token.lower_ in REFLEXIVES or token.lower_ in FIRST_PERSON:
            continue
        if _core(token, nested=False) or (_core(token) and _established(actor)):
            placed.append((token, actor))
    found: dict[str, Target] = {}
    for token, actor in placed:
        verb, phrase = _clause_of(token), _phrase_head(token)
        acts = any(
            other.mention.id not in (actor.mention.id, *own)
            and _clause_of(place) == verb
            and _phrase_head(place) != phrase
            for place, other in placed
        )
        if (not acts or _claim_subject(token, actor)) and not _qualifies(token, actor, frame):
            found.setdefault(actor.mention.id, Target(actor))
    return list(found.values())


def _claim_subject(token: Token, actor: Actor) -> bool:
    """ "Marr says Mr Blair will ask the Queen to dissolve Parliament", "Haskins suggested
    Mr Blair should reinstate Mr Brown": the one a reported act is told of, its subject,
    is who the statement is about, also when the act relates it to another actor (the act
    itself is read by the other rules, reported). Only a subject written as a name: a
    pronoun there is resolved across the speaker's own words too often wrongly."""
    if actor.resolved_by != NAME:
        return False
    node = token
    while node.dep_ in ("conj", "compound", "appos") and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass")


def _established(actor: Actor) -> bool:
    """A person, or an actor the gazetteer or its own name places in a sector or country:
    deeper inside a claim ("the implementation of the Act's measure", "symptoms of
    COVID-19") a name the recogniser took for an organisation is too often a law, a
    disease or a place."""
    if actor.mention.type == "PERSON":
        return True
    country, sector = known_affiliation(actor.mention)
    return country is not None or sector is not None


def _phrase_head(token: Token) -> int:
    """The noun phrase a name stands in, through coordination and the words before a
    head: "Macron and Matovič were known to have tested positive", "Russian
    opposition leader Alexei Navalny was poisoned" each name one side of their clause, not
    two actors acting on each other."""
    node = token
    while node.head.i != node.i and node.dep_ in ("conj", "compound", "amod"):
        node = node.head
    return node.i


def _qualifies(token: Token, actor: Actor, frame: Frame) -> bool:
    """A name that only qualifies another actor's name ("Russian opposition leader Alexei
    Navalny"): the claim is about the one named, not the body of the title."""
    node = token
    while node.head.i != node.i and node.dep_ in ("compound", "amod", "nmod"):
        node = node.head
        other = frame.actors.actor_at(node)
        if other is not None and other.mention.id != actor.mention.id:
            return True
    return False


def _clause_of(token: Token) -> int:
    """The verb whose clause a word is an argument of, a controlled verb counted as its
    controller's ("does not intend to interfere in Moldova" is one clause)."""
    node = token
    while node.head.i != node.i and (
        node.pos_ not in ("VERB", "AUX") or node.dep_ in ("xcomp", "aux", "auxpass")
    ):
        node = node.head
    return node.i


def _core(token: Token, depth: int = 0, loose: bool = True, nested: bool = True) -> bool:
    """Whether a word is an argument of a verb, or the owner or conjunct of one ("Iran's
    doing"), or, when `nested`, the actor behind such a noun's own argument ("the policy
    of the BJP government"), but not the body behind a role ("a member of the Lords" is
    someone else's place in it) nor a name that only qualifies a thing there ("a ton of
    Knicks stuff"); a two-word preposition ("because of", "due to") counts as one."""
    dep = token.dep_
    if depth > 5 or token.head.i == token.i:
        return False
    if dep in CLAIM_ARGUMENTS or (
        dep in CLAIM_COMPLEMENTS and token.pos_ in ("NOUN", "PROPN") and depth > 0
    ):
        return True
    if dep in ("conj", "poss", "appos"):
        return _core(token.head, depth + 1, loose, nested)
    if dep in ("compound", "nmod"):
        return _core(token.head, depth + 1, loose and _collective(token.head), nested)
    prep = token.head
    while prep.dep_ == "prep" and prep.head.dep_ == "prep":
        prep = prep.head
    if dep != "pobj" or prep.dep_ not in ("prep", "agent"):
        return False
    if prep.head.pos_ in ("VERB", "AUX"):
        return prep.lower_ not in SETTING_PREPS and not _candidacy(prep.head, prep)
    noun = prep.head
    return (
        loose
        and nested
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() not in role_table_nouns()
        and prep.lower_ in CLAIM_NOUN_PREPS
        and _core(noun, depth + 1, loose, nested)
    )


def answered(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "the Lords rejected a plea by Lord Falconer", "Berlin granted Kyiv's request", "the
    court ruled on an appeal by the government": the
    author of the appeal, offer or demand answered made it to the one answering (the
    answer itself is read by the other rules, aimed at the author)."""
    if verb.pos_ != "VERB":
        return
    sense = frame.lex.verb(verb)
    lemma = verb.lemma_.lower()
    judged = lemma in JUDGING_VERBS
    heeding = lemma in HEEDING_VERBS
    if not (judged or heeding) and (sense is None or sense.type not in ANSWER_TYPES):
        return
    preps = ("on", "over") if judged else ("with", "to") if heeding else ()
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for noun in nouns:
        asked = frame.lex.noun(noun)
        if asked is None or asked.type not in ANSWERED_TYPES:
            continue
        authors = _authors_of(noun, frame)
        if authors:
            yield Found(authors, _subjects(verb, frame), asked, "answered", _words(verb, noun))


def reply(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "the home secretary was responding to a question from Mr Davis", "she replied to
    criticism by the Tories": a reply to something an actor said or did is made to that
    actor, and what is replied to (a criticism, a question) was that actor's act on the one
    replying. The parser hangs the author's "from" or "by" on the thing replied to."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPLY_VERBS:
        return
    repliers = _subjects(verb, frame)
    for prep in _preps(verb, "to"):
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.pos_ != "NOUN" or frame.actors.actor_at(noun):
                continue
            authors = _behind(noun, ("from", "by"), frame, as_subject=True)
            if not authors:
                continue
            yield Found(repliers, authors, _sense(verb, frame), "answered", _words(verb, noun))
            act = frame.lex.noun(noun)
            if act is not None and not act.symmetric:
                frame.consumed.add(noun.i)
                yield Found(authors, repliers, act, "received", noun.text, noun)


def _authors_of(noun: Token, frame: Frame) -> list[Target]:
    """Who made an appeal, offer or demand: its owner ("Trudeau's request") or the one
    behind "by", "from" or "of" ("the plea by Falconer", "at the invitation of Zelensky")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    authors = [t for c in owners for t in _targets(c, frame, as_subject=True)]
    return authors + _behind(noun, ("by", "from", "of"), frame, as_subject=True)


def at_request(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "Payette resigned at the request of Trudeau", "visited Kyiv at the invitation of
    Zelensky", "acted at Washington's behest": the author of the appeal, offer or demand an
    act answers made it to the one acting (the act itself is read by the other rules)."""
    if verb.pos_ != "VERB":
        return
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "on", "upon"):
            continue
        for noun in prep.children:
            asked = frame.lex.noun(noun) if noun.dep_ == "pobj" else None
            if asked is None or asked.type not in ANSWERED_TYPES:
                continue
            authors = _authors_of(noun, frame)
            if authors:
                frame.consumed.add(noun.i)
                yield Found(authors, _subjects(verb, frame), asked, "answered", _words(prep, noun))


def joint_act(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "the Tories and the Lib Dems jointly tabled a motion", "Kenya and Uganda together
    built the road": coordinated subjects said to act jointly cooperate with each other."""
    if verb.pos_ != "VERB" or not any(
        c.dep_ == "advmod" and c.lower_ in JOINT_WORDS for c in verb.children
    ):
        return
    sense = frame.lex.verbs.get("cooperate")
    subjects = list({t.actor.mention.id: t for t in _subjects(verb, frame)}.values())
    if sense is None or len(subjects) < 2:
        return
    yield from _each_pair(subjects, sense, "reciprocal", verb.text)


def reciprocal(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "Armenia and Azerbaijan clashed", "Saudi Arabia and Qatar cut ties": coordinated
    subjects of a reciprocal act with no object act on each other. With a partner named
    ("Kenya and Uganda spoke with Ethiopia") the subjects are one side, not each other's."""
    if verb.pos_ != "VERB":
        return
    pair = _pair_object(verb, frame)
    sense = pair[1] if pair else frame.lex.verb(verb)
    if sense is None or not (sense.symmetric or sense.type in RECIPROCAL_TYPES):
        return
    if pair is None and any(c.dep_ in OBJECTS for c in verb.children):
        return
    if _behind(verb, PARTNER_PREPS, frame):
        return
    subjects = _subjects(verb, frame)
    if len(subjects) < 2:
        return
    frame.discourse.pair = (subjects[0], subjects[1])
    yield from _each_pair(subjects, sense, "reciprocal", verb.text)


def _each_pair(
    sides: list[Target],
    sense: Sense,
    rule: str,
    text: str,
    former: bool = False,
    hub: bool = False,
) -> Iterator[Found]:
    """One reading per pair of sides, each pair once: a symmetric act's two directions are
    made by _links. A `hub` (the first side) pairs with each other side only."""
    for i, first in enumerate(sides[:1] if hub else sides):
        for second in sides[i + 1 :]:
            yield Found([first], [second], sense, rule, text, former=former)


def symmetric_noun(noun: Token, frame: Frame) -> Iterator[Found]:
    """ "the feud between Musk and Trump", "the Trump-Musk rupture", "once close allies",
    "locked in talks with the G8": a relation noun naming two or more sides, which hold it
    toward each other."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return
    sense = frame.lex.noun(noun)
    if sense is None or not (sense.symmetric or _call_with(noun, sense)):
        return
    between: list[Target] = []
    named: list[Target] = []
    owners: list[Target] = []
    hub = False
    for child in [*noun.children, *_verb_between(noun)]:
        if child.dep_ == "prep" and child.lower_ in ("between", "among"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    between.extend(_targets(pobj, frame))
                    hub = hub or _and_twice(pobj)
        elif child.dep_ in ("compound", "nmod", "amod", "poss") and child.pos_ != "VERB":
            side = owners if child.dep_ == "poss" else named
            for token in child.subtree:
                actor = frame.actors.actor_at(token)
                if actor is not None:
                    side.append(Target(actor))
    named.extend(_dashed_first(noun, frame))
    sides = next((s for s in (between, named, owners) if _distinct(s) >= 2), [])
    partners = _behind(noun, ("with",), frame)
    if partners and _distinct(sides) < 2:
        sides = (owners or _noun_agents(noun, frame) or _clause_subjects(noun, frame)) + partners
    if _distinct(sides) < 2 and _held_by_subjects(noun):
        sides = _clause_subjects(noun, frame)
    if len(sides) < 2 and noun.dep_ in ("npadvmod", "advcl", "appos", "dep", "attr", "nsubj"):
        sides = _subjects(noun.head, frame) if noun.head.pos_ == "VERB" else sides
    if _distinct(sides) < 2 and frame.discourse.pair is not None and _plural_reference(noun, frame):
        sides = list(frame.discourse.pair)
    unique = list({t.actor.mention.id: t for t in sides}.values())
    if len(unique) < 2:
        return
    frame.consumed.add(noun.i)
    frame.discourse.pair = (unique[0], unique[1])
    former = _former(noun)
    hub = hub and sides is between
    yield from _each_pair(unique, sense, "symmetric_noun", noun.text, former, hub)


def _call_with(noun: Token, sense: Sense) -> bool:
    """ "during a call with Stoltenberg": a call (a demand or appeal elsewhere, "call for
    talks") had with someone is a conversation, held by the clause's subject with them; one
    with its own caller ("Scholz's call with Macron") is the nominal rule's."""
    children = [(c.dep_, c.lower_) for c in noun.children]
    return sense.has("callfor") and ("prep", "with") in children and "poss" not in dict(children)


def _held_by_subjects(noun: Token) -> bool:
    """ "Blair and Brown tried to bury their rivalry", "the two parties ended their feud": a
    relation noun owned by "their" is held among the coordinated subjects of its clause."""
    return any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children)


def _verb_between(noun: Token) -> list[Token]:
    """ "clashes erupted between police and protesters", "the race is between Labour and the
    Liberal Democrats", "arguments that raged between Labour and the Tories": the sides of a
    relation noun that is a clause's subject often hang on its verb; the noun's own
    "between" comes first."""
    if any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children):
        return []
    verbs = [c for c in noun.children if c.dep_ == "relcl"]
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(noun.head)
    return [
        c
        for verb in verbs
        if verb.pos_ in ("VERB", "AUX")
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "between"
    ]


def _dashed_first(noun: Token, frame: Frame) -> list[Target]:
    """ "amid NATO–Russia tensions": the parser often hangs the first name of a dashed
    pair outside the noun phrase (the noun made its apposition); the name just before a
    dash that opens the noun's modifiers is the first side all the same."""
    start = noun.left_edge.i
    if start < noun.sent.start + 2 or noun.doc[start - 1].text not in DASHES:
        return []
    actor = frame.actors.actor_at(noun.doc[start - 2])
    return [Target(actor)] if actor is not None else []


def _and_twice(first: Token) -> bool:
    """ "relations between Israel and the UAE and Bahrain": a second "and" where a list
    would have a comma sets the first side against each of the others, which are not
    each other's partners ("talks between the US, China and Russia" are among all three)."""
    joined = 0
    node = first
    while True:
        following = [c for c in node.children if c.dep_ == "conj"]
        if not following:
            return joined >= 2
        if any(c.dep_ == "cc" and c.lower_ == "and" for c in node.children) and not any(
            t.text == "," for t in node.doc[node.i : following[0].i]
        ):
            joined += 1
        node = following[0]


def adjective(adj: Token, frame: Frame) -> Iterator[Found]:
    """ "Scholz was critical of Orban", "MPs loyal to the prime minister", "his days of
    being useful to Washington": an adjective that takes its target with a preposition
    relates whoever it is said of to that target."""
    found = frame.lex.adjective(adj)
    if found is None:
        return
    sense, prep = found
    targets = [t for p in prep.children if p.dep_ == "pobj" for t in _targets(p, frame)]
    if not targets:
        return
    holder = adj
    while holder.dep_ == "conj" and holder.head.pos_ == "ADJ":
        holder = holder.head
    if holder.dep_ in ("acomp", "oprd", "xcomp") and holder.head.pos_ in ("VERB", "AUX"):
        subjects = _subjects(holder.head, frame)
    elif holder.dep_ in ("amod", "appos") and holder.head.pos_ in ("NOUN", "PROPN", "PRON"):
        subjects = _targets(holder.head, frame, as_subject=True)
    else:
        return
    yield Found(subjects, targets, sense, "adjective", _words(adj, prep))


def stance_noun(noun: Token, frame: Frame) -> Iterator[Found]:
    """ "Blair has been a strong supporter of Israel", "Chirac, a long-time admirer of
    Putin, …": a noun naming someone by their stance toward a target (dictionary kind
    `agent`) relates whoever it is said of to that target. Critics, rivals and allies are
    roles (roles.py), read there."""
    found = frame.lex.agent(noun)
    if found is None:
        return
    sense, prep = found
    targets = [t for p in prep.children if p.dep_ == "pobj" for t in _targets(p, frame)]
    holder = noun
    while holder.dep_ == "conj" and holder.head.pos_ == "NOUN":
        holder = holder.head
    if holder.dep_ == "attr" and holder.head.pos_ in ("VERB", "AUX"):
        holders = _subjects(holder.head, frame)
    elif holder.dep_ == "appos" and holder.head.pos_ in ("NOUN", "PROPN"):
        holders = _targets(holder.head, frame, as_subject=True)
    else:
        return
    if targets:
        yield Found(holders, targets, sense, "stance_noun", _words(noun, prep))


def _clause_subjects(noun: Token, frame: Frame) -> list[Target]:
    """ "Brown has been locked in talks with the G8": who holds a relation named inside a
    clause is that clause's subject."""
    node = noun
    while node.pos_ != "VERB" and node.head.i != node.i:
        node = node.head
    if node.pos_ != "VERB":
        return []
    return _subjects(node, frame) or _passive_subjects(node, frame)


def _former(noun: Token) -> bool:
    """ "once close allies", "former partners": the words just before the noun."""
    for token in reversed(noun.doc[max(noun.sent.start, noun.i - 3) : noun.i]):
        if token.lower_ in FORMER_WORDS:
            return True
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _plural_reference(noun: Token, frame: Frame) -> bool:
    """ "Once close allies, their relationship imploded": an unresolved "their"/"they" in
    the clause the relation noun belongs to points back at the last pair named."""
    clause = noun.head if noun.dep_ != "ROOT" else noun
    return any(
        t.lower_ in ("their", "they", "both") and frame.actors.actor_at(t) is None
        for t in clause.subtree
    )


def _distinct(targets: list[Target]) -> int:
    return len({t.actor.mention.id for t in targets})


def nominal_event(noun: Token, frame: Frame) -> Iterator[Found]:
    """ "Poland's expulsion of the consul", "the Russian seizure of Ukrainian ports",
    "Iran's attack on Israel": an event noun with its own agent and patient."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i in frame.consumed:
        return
    sense = frame.lex.noun(noun)
    if sense is None or sense.symmetric or frame.actors.actor_at(noun) is not None:
        return
    objects = _noun_objects(noun, frame)
    if sense.has("speech"):
        objects = [t for t in objects if not _reporting_frame(t)]
    if not objects:
        return
    agents = _noun_agents(noun, frame)
    yield Found(agents, objects, sense, "nominal", noun.text, former=_former(noun))


def with_absolute(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "…, with Bannon branding Musk an alien": a participle the parser hung on its own
    object as a modifier; the object is the noun it modifies."""
    if verb.tag_ != "VBG" or verb.dep_ != "amod":
        return
    target = frame.actors.actor_at(verb.head)
    sense = frame.lex.verb(verb)
    if target is None or sense is None:
        return
    yield Found(_subjects(verb, frame), [Target(target)], sense, "with_absolute", verb.text)


def _with_actor(verb: Token, frame: Frame) -> Actor | None:
    sentence = verb.sent
    for token in reversed(sentence[: verb.i - sentence.start]):
        if token.lower_ == "with" and token.dep_ == "prep":
            for later in sentence[token.i - sentence.start + 1 : verb.i - sentence.start]:
                if later.dep_ in ("compound", "amod", "poss"):
                    continue
                actor = frame.actors.actor_at(later)
                if actor is not None and actor.mention.type in ("PERSON", "ORG"):
                    return actor
            return None
        if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return None
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and not _misparsed_main_verb(verb)
    )


def _has_dative(verb: Token) -> bool:
    return any(c.dep_ == "dative" for c in verb.children)


def _pair_object(verb: Token, frame: Frame) -> tuple[Token, Sense] | None:
    if verb.pos_ != "VERB":
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            sense = frame.lex.pair(verb, child)
            if sense is not None:
                return child, sense
    return None


def _light_object(verb: Token, frame: Frame) -> Token | None:
    """The event noun a light verb carries, if it carries one."""
    if verb.pos_ != "VERB" or not frame.lex.is_light(verb):
        return None
    for child in verb.children:
        if (
            child.dep_ == "dobj"
            and frame.actors.actor_at(child) is None
            and (frame.lex.noun(child) is not None or frame.lex.is_hypothetical_word(child))
        ):
            return child
    if verb.lemma_.lower() not in RESPONSE_VERBS:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and frame.lex.noun(pobj) is not None:
                    return pobj
    return None


def _controlled_by_head(verb: Token, frame: Frame) -> bool:
    """True when a threat or refusal governs this verb: the head's rule emits it."""
    if verb.dep_ not in ("xcomp", "acl"):
        return False
    head = verb.head
    sense = frame.lex.verb(head) if head.pos_ == "VERB" else frame.lex.noun(head)
    return sense is not None and sense.type in HEAD_CONTROL_TYPES


def _agents_of_predicate(verb: Token, frame: Frame) -> list[Target]:
    subjects = _subjects(verb, frame)
    if subjects or not _is_passive(verb):
        return subjects
    return [
        t
        for c in verb.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj"
        for t in _targets(p, frame, as_subject=True)
    ]


# Prepositions by which the thing a verb acts on points at a party of its own: "an attack
# against the president", "messages between Rossello and his aides", "directions to the
# government". Behind all but "against" a place, or a name of unknown kind, is mostly a
# destination or a setting ("rail services to the Borders", "the dispute between Beijing
# and Taipei"), so the others reach only people and bodies of a known sector.
BURIED_PREPS = frozenset({"against", "between", "to", "toward", "towards"})
# Verb prepositions that give a manner or comparison, never a participant of the act.
MANNER_PREPS = frozenset({"as", "like", "than", "because", "by", "per", "via"})


def _buried_actors(phrase: Token, frame: Frame) -> Iterator[Actor]:
    """The named actors one argument preposition below what a verb acts on ("organised an
    attempt against the president"), not the possessors, "of" phrases, clauses or places
    the unseen text showed to be mostly someone else's business."""
    heads = [phrase] if phrase.dep_ in OBJECTS else [c for c in phrase.children if c.dep_ == "pobj"]
    heads.extend(c for h in list(heads) for c in h.children if c.dep_ == "conj")
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in BURIED_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for token in (pobj, *(c for c in pobj.children if c.dep_ == "conj")):
                    actor = frame.actors.actor_at(token)
                    if actor is None or actor.resolved_by != "name":
                        continue
                    mention = actor.mention
                    if prep.lower_ == "against" or mention.type == "PERSON" or mention.sector:
                        yield actor


def fallback(verb: Token, frame: Frame) -> Iterator[Found]:
    """ "Akhilesh Yadav accused the EC of deleting voters", "Britain condemned the
    junta's coup": a subject acts on an actor buried deeper in its object or behind a
    participant preposition than the other rules look. Read last and only for pairs no
    other rule related (extract_relations), at a lower confidence; never for a speech
    verb (the reporting frame), a place or time phrase, or an outlet."""
    if verb.pos_ != "VERB" or _is_passive(verb) or verb.lemma_.lower() in NON_PREDICATES:
        return
    sense = _sense(verb, frame)
    if sense.has("speech") or verb.lemma_.lower() in TALKING_VERBS:
        return
    subjects = [t for t in _subjects(verb, frame) if not t.weak]
    if not subjects:
        return
    phrases = [
        c
        for c in verb.children
        if c.dep_ in OBJECTS
        or (c.dep_ == "prep" and c.lower_ not in SETTING_PREPS and c.lower_ not in MANNER_PREPS)
    ]
    taken = {t.actor.mention.id for t in subjects}
    objects: dict[str, Target] = {}
    for phrase in phrases:
        for actor in _buried_actors(phrase, frame):
            if actor.mention.id not in taken and not _outlet(actor):
                objects.setdefault(actor.mention.id, Target(actor))
    if objects:
        yield Found(subjects, list(objects.values()), sense, "fallback", verb.text)


VERB_CONSTRUCTIONS: tuple[Construction, ...] = (
    verb_noun_pair,
    received,
    light_verb,
    call_for,
    appeal_clause,
    control,
    active_voice,
    passive_voice,
    predicative_passive,
    speech,
    statement,
    spoken_of,
    answered,
    at_request,
    reply,
    reciprocal,
    joint_act,
    with_absolute,
    implicit_target,
    composition,
)
NOUN_CONSTRUCTIONS: tuple[Construction, ...] = (call_for, control, symmetric_noun, nominal_event)


def _reported(link_subject: Actor, predicate: Token, frame: Frame) -> bool:
    speakers = _speaker_actors(predicate, frame)
    return bool(speakers) and all(s.mention.id != link_subject.mention.id for s in speakers)


def _links(
    predicate: Token, found: Iterable[Found], frame: Frame, seen: dict[tuple[str, ...], Link]
) -> None:
    for subjects, objects, sense, rule, text, mood, former, negated in found:
        base_modality = (
            "negated" if negated else modality(mood if mood is not None else predicate, frame.lex)
        )
        symmetric = rule in ("reciprocal", "symmetric_noun") or (
            rule == "received" and sense.symmetric
        )
        for subject in subjects:
            for target in objects:
                if _same_person(subject.actor, target.actor) or _officer_of(
                    subject.actor, target.actor
                ):
                    continue
                if _across_paragraphs(predicate, subject.actor, target.actor):
                    continue
                if sense.quad_class is None and (target.weak or subject.weak):
                    continue
                mood = base_modality
                if mood == "asserted" and _reported(subject.actor, predicate, frame):
                    mood = "reported"
                confidence = RULE_CONFIDENCE.get(rule, 0.5)
                if sense.cameo is None and sense.quad_class is None:
                    confidence -= 0.2
                if subject.weak or target.weak:
                    confidence -= 0.15
                if target.via:
                    confidence -= 0.05
                pairs = [(subject.actor, target.actor)]
                if sense.has("converse"):
                    pairs = [(target.actor, subject.actor)]
                if symmetric:
                    pairs.append((target.actor, subject.actor))
                for source, sink in pairs:
                    meaning = reading_for(sense, predicate, source.mention.type, sink.mention.type)
                    key = (source.mention.id, meaning.type, sink.mention.id, str(predicate.i))
                    if key in seen:
                        continue
                    seen[key] = Link(
                        subject=source,
                        object=sink,
                        predicate=predicate,
                        rule=rule,
                        text=text,
                        sense=meaning,
                        modality=mood,
                        via=target.via,
                        symmetric=symmetric,
                        former=former,
                        confidence=round(max(0.05, min(1.0, confidence)), 2),
                    )


def _across_paragraphs(predicate: Token, *actors: Actor) -> bool:
    """A blank line the parser left inside one sentence (a quotation closing a paragraph,
    the next paragraph's first words) ends what a predicate can reach: a link across it
    joins two paragraphs' actors. Pronouns resolved to a name elsewhere count where they
    stand; an actor carried over from an earlier sentence is not looked at."""
    sentence = predicate.sent
    inside = [a.span for a in actors if sentence.start <= a.span.start < sentence.end]
    start = min([predicate.i, *(span.start for span in inside)])
    end = max([predicate.i + 1, *(span.end for span in inside)])
    return any(t.is_space and t.text.count("\n") > 1 for t in predicate.doc[start:end])


def _officer_of(first: Actor, second: Actor) -> bool:
    """ "The Conservative Party Co-Chairman said the Conservative Party…": a name that is
    the other actor's name with a role noun after it is that body's own officer, read by
    the recogniser as one name; an officer's words on their own body are no relation."""
    for one, other in ((first, second), (second, first)):
        name, body = one.mention.name, other.mention.name
        if name.startswith(body + " "):
            last = name[len(body) :].split()[-1].lower()
            if last.split("-")[-1] in role_table_nouns():
                return True
    return False


def _same_person(first: Actor, second: Actor) -> bool:
    """An actor and itself, also when the recogniser left a bare surname apart from the
    full name ("Napier said … his rights", "his" being Robert Napier): a one-word name
    that is a person's last name on the other side is that person."""
    if first.mention.id == second.mention.id:
        return True
    for one, other in ((first, second), (second, first)):
        words = other.mention.name.split()
        if other.mention.type == "PERSON" and len(words) > 1 and one.mention.name == words[-1]:
            return True
    return False


def _may_relate(sentence: Span, frame: Frame) -> bool:
    """Two distinct actors, or one and a word that can stand for another (the speaker's "I",
    a "their" pointing back to an earlier pair); a nationality adjective counts as the
    country it names ("the Russian seizure of Ukrainian ports")."""
    named: set[str] = set()
    stand_ins = False
    for token in sentence:
        actor = frame.actors.actor_at(token)
        if actor is None and token.dep_ == "amod" and token.head.pos_ == "NOUN":
            actor = frame.actors.country_at(token)
        if actor is not None:
            named.add(actor.mention.id)
            named.update(member.mention.id for member in frame.actors.group_at(token))
            if len(named) > 1:
                return True
        elif token.lower_ in STAND_INS:
            stand_ins = True
    return stand_ins and (bool(named) or frame.discourse.pair is not None)


def extract_relations(
    sentence: Span,
    actors: ActorIndex,
    lex: Lexicon | None = None,
    discourse: Discourse | None = None,
) -> list[Link]:
    """Every actor-to-actor link in a sentence, by every construction, without repeats.

    Verbs go first so a light verb or a call can claim its event noun; the noun pass then
    reads only the event nouns nobody claimed. A sentence that cannot hold two actors is
    skipped before any rule runs: most sentences of an article are such, and speed matters.
    """
    frame = Frame(actors=actors, lex=lex or lexicon(), discourse=discourse or Discourse())
    if not _may_relate(sentence, frame):
        return []
    seen: dict[tuple[str, ...], Link] = {}
    verbs = [t for t in sentence if t.pos_ == "VERB"]
    for verb in verbs:
        for construction in VERB_CONSTRUCTIONS:
            _links(verb, construction(verb, frame), frame, seen)
    for noun in sentence:
        if noun.pos_ == "ADJ":
            _links(noun, adjective(noun, frame), frame, seen)
        elif noun.pos_ == "NOUN" and noun.i not in frame.consumed:
            _links(noun, stance_noun(noun, frame), frame, seen)
            for construction in NOUN_CONSTRUCTIONS:
                if noun.i in frame.consumed and construction is not symmetric_noun:
                    break
                _links(noun, construction(noun, frame), frame, seen)
    related = {frozenset((k.subject.mention.id, k.object.mention.id)) for k in seen.values()}
    for verb in verbs:
        for found in fallback(verb, frame):
            fresh = [
                t
                for t in found.objects
                if not any(
                    frozenset((s.actor.mention.id, t.actor.mention.id)) in related
                    for s in found.subjects
                )
            ]
            _links(verb, [found._replace(objects=fresh)], frame, seen)
    return list(seen.values())
