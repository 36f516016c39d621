"""Roles and structural relations (quad_class 0) read off titles, appositions and possessives.

"Kremlin spokesman Dmitry Peskov", "Dmitry Novikov, deputy chairman of the committee",
"former Trump adviser Steve Bannon", "Musk's SpaceX", "his Dragon spacecraft": news states
who belongs to, leads, speaks for or owns what in the noun phrase around a name, not with a
verb. The role nouns and the relation each implies are a data table (data/roles.json), so a
new title is a line of data, not a rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from polgraph.ingest.actors import (
    DESCRIPTOR,
    PRONOUN,
    Actor,
    data_file,
    honorifics,
    person_descriptors,
    portfolios,
)
from polgraph.ingest.agents import body_mention, country_mention
from polgraph.ingest.entities import PARTY_TAG, ActorIndex
from polgraph.ingest.gazetteer import CAPITAL, COUNTRY, DEMONYM, load_gazetteer
from polgraph.ingest.names import repair_words, storm_names
from polgraph.ingest.names import words as name_words
from polgraph.ingest.records import ArticleRef, Evidence, Mention, Relation, Triple, entity_id

REGION_WORDS = frozenset({"south", "north", "latin", "central", "east", "west", "southeast"})
SERVICE_VERBS = frozenset({"serve", "sit", "work"})
SERVICE_PREPS = frozenset({"in", "on", "for", "with"})
# "was elected to the Senate", "appointed Doe to the cabinet": a seat in a body given.
SEATING_VERBS = frozenset({"elect", "re-elect", "reelect", "appoint"})
ROLE_PREPS = frozenset({"of", "for", "at", "to", "in"})
# "Doe is the spokeswoman for…", "Johnson became leader of…".
COPULAS = frozenset({"be", "become"})
POLARITY = {"ALLY_OF": 1, "CRITIC_OF": -1, "RIVAL_OF": -1}
OWNABLE = frozenset({"PRODUCT", "ORG", "FAC", "WORK_OF_ART"})
POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
LEADERSHIP = "LEADER_OF"
# "Johnson's government", "the Modi administration": bodies a person's name before them
# says that person leads ("Modi's leadership" or "Johnson's ministers" say less).
LED_BODIES = frozenset({"government", "administration", "cabinet", "regime", "junta"})
# "his party", "Mr Doe's union, the FDA": bodies a person's name or pronoun before them
# says that person belongs to (a company or a paper may be only owned or written for).
MEMBER_BODIES = frozenset({"party", "union"})
# "his role as chief executive of Acme", "her time as leader": an office held.
POSTS = frozenset({"role", "job", "post", "position", "time", "tenure", "stint", "spell", "term"})
# "his 22 years in the Commons", "her time at the BBC": a stretch spent in a body.
TENURES = frozenset({"year", "decade", "time", "tenure", "career", "spell", "stint"})
MEMBERSHIP = "MEMBER_OF"
# "the UK's presidency of the G8", "its EU presidency": a turn at the head of a body.
CHAIRS = frozenset({"presidency", "chairmanship"})
PART = "PART_OF"
POLITY_NOUNS = frozenset(
    {"state", "commonwealth", "republic", "kingdom", "province", "territory", "city",
     "county", "emirate", "principality", "island", "islands", "region", "federation"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RoleTable:
    roles: dict[str, str]
    subordinate: frozenset[str]
    former: frozenset[str]
    local: frozenset[str]
    contests: frozenset[str]
    party_contests: frozenset[str]
    not_roles: frozenset[str]
    longest: int

    def lookup(self, words: list[str]) -> tuple[str, str] | None:
        """The longest role at the end of `words` ("chief executive" before "executive")."""
        lowered = [w.lower() for w in words]
        for size in range(min(self.longest, len(lowered)), 0, -1):
            phrase = " ".join(lowered[-size:])
            if phrase in self.roles:
                return phrase, self.roles[phrase]
        return None

    def lookup_tokens(self, tokens: list[Token]) -> tuple[str, str] | None:
        """As `lookup`, and "members of", "peers": a plural role noun is the role too."""
        if not tokens:
            return None
        found = self.lookup([t.text for t in tokens])
        last = tokens[-1]
        if found is None and last.tag_ in ("NNS", "NNPS"):
            found = self.lookup([t.text for t in tokens[:-1]] + [last.lemma_])
        if found is None and last.tag_ == "NNPS" and last.text.endswith("s"):
            # "Democratic Representatives": a capitalised plural keeps its "s" as its lemma.
            found = self.lookup([t.text for t in tokens[:-1]] + [last.text[:-1]])
        return found


@lru_cache(maxsize=1)
def role_table() -> RoleTable:
    data = data_file("roles.json")
    roles: dict[str, str] = data["roles"]
    return RoleTable(
        roles=roles,
        subordinate=frozenset(data["subordinate"]),
        former=frozenset(data["former"]),
        local=frozenset(data["local"]),
        contests=frozenset(data["contests"]),
        party_contests=frozenset(data["party_contests"]),
        not_roles=frozenset(data["not_roles"]),
        longest=max(len(noun.split()) for noun in roles),
    )


@dataclass(frozen=True, slots=True)
class Role:
    """A structural link before it becomes a triple."""

    holder: Mention
    type: str
    target: Mention
    role: str | None
    former: bool
    rule: str
    text: str
    confidence: float


def _country(token: Token, named: bool = False) -> Mention | None:
    """ "Russian Foreign Minister": a demonym modifier names the country the role is of;
    "the South American trade bloc" names a region, not the United States. With `named`,
    so does a country's own name ("US", "Britain") modifying an office."""
    known = load_gazetteer().lookup(token.text, exact=True)
    if known is None or known.kind not in ((DEMONYM, COUNTRY) if named else (DEMONYM,)):
        return None
    if known.kind == DEMONYM and token.i > 0 and token.doc[token.i - 1].lower_ in REGION_WORDS:
        return None
    return country_mention(token.doc[token.i : token.i + 1], known)


def _local(target: Mention, words: list[Token], table: RoleTable) -> Mention:
    """ "London mayor": a city's own office is of the city, not of the country its name
    stands for elsewhere."""
    role = " ".join(t.lower_ for t in words)
    known = load_gazetteer().lookup(target.mention, exact=True)
    if role in table.local and known is not None and known.kind == CAPITAL:
        return Mention(entity_id(target.mention), target.mention, target.mention, "GPE")
    return target


def _relation_for(relation: str, modifiers: list[Token], table: RoleTable) -> str:
    if relation == LEADERSHIP and any(
        t.lower_ in table.subordinate or t.lower_.startswith(("vice-", "co-")) for t in modifiers
    ):
        return MEMBERSHIP
    return relation


def _role_in(tokens: list[Token], actors: ActorIndex, table: RoleTable) -> tuple[int, str] | None:
    """The rightmost role noun among `tokens`, as its index and the table's relation."""
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token.pos_ not in ("NOUN", "PROPN") or actors.actor_at(token) is not None:
            continue
        found = table.lookup_tokens(tokens[: index + 1])
        if found is not None:
            return index, found[1]
    return None


def _phrase(
    tokens: list[Token], actors: ActorIndex, table: RoleTable, noun: Token | None = None
) -> list[Token]:
    """The role's own words: back from the role noun to the first actor, determiner,
    demonym or "former" (a described holder is an actor at its own role `noun`)."""
    words: list[Token] = []
    for token in reversed(tokens):
        if (
            (actors.actor_at(token) is not None and token != noun)
            or token.dep_ in ("det", "poss", "case", "punct", "cc")
            or token.lower_ in table.former
            or _country(token) is not None
        ):
            break
        words.insert(0, token)
    return words


def _target(tokens: list[Token], actors: ActorIndex, holder: Actor) -> Mention | None:
    """The nearest actor (or demonym's country) before the role noun."""
    for token in reversed(tokens):
        actor = actors.actor_at(token)
        if actor is not None and actor.mention.id != holder.mention.id:
            return actor.mention
        country = _country(token)
        if country is not None:
            return country
    return None


def title_roles(holder: Actor, actors: ActorIndex, table: RoleTable) -> Iterator[Role]:
    """ "Kremlin spokesman Dmitry Peskov", "former Trump adviser Steve Bannon", "speaker of
    the parliament Ali Larijani"."""
    root = holder.span.root
    left = [t for t in root.subtree if t.i < holder.span.start]
    found = _role_in(left, actors, table) or _untabled_role(left, holder, table)
    if found is None:
        shared = list(_shared_title(holder, actors, table))
        if shared:
            yield from shared
            return
        conjunction = _conjunction_before(holder, actors)
        if conjunction is not None:
            yield from _conjoined_title(conjunction, holder, actors, table)
            return
        adjacent = list(_adjacent_title(holder, actors, table))
        yield from adjacent or _preceding_role(holder, actors, table)
        return
    index, relation = found
    before = left[: index + 1]
    words = _phrase(before, actors, table)
    rest = left[: index + 1 - len(words)]
    conjunction = _conjunction_before_title(words, actors, table) if words else None
    if conjunction is not None:
        yield from _conjoined_title(conjunction, holder, actors, table)
        rest = [t for t in rest if t.i > conjunction.i]
    target = _target(rest, actors, holder)
    if target is None:
        target = _of_target(left[index], actors, holder, ("of", "to", "for"))
        target = target or _of_target(root, actors, holder)
    if target is None:
        return
    target = _local(target, words, table)
    former = any(t.lower_ in table.former for t in left)
    role = " ".join(t.text for t in words)
    yield Role(
        holder.mention,
        _relation_for(relation, words, table),
        target,
        role,
        former,
        "title",
        role,
        0.8,
    )


def _shared_title(holder: Actor, actors: ActorIndex, table: RoleTable) -> Iterator[Role]:
    """ "Republican Senators John Doe and Jane Roe": a plural title before the first of
    coordinated names is each name's."""
    first = _first_conjunct(holder.span.root)
    named = actors.actor_at(first)
    if named is None or first.i == holder.span.root.i or named.mention.type != "PERSON":
        return
    left = [t for t in first.subtree if t.i < named.span.start]
    found = _role_in(left, actors, table)
    if found is None or left[found[0]].tag_ not in ("NNS", "NNPS"):
        return
    for role in title_roles(named, actors, table):
        yield replace(role, holder=holder.mention)


def _conjoined_title(
    conjunction: Token, holder: Actor, actors: ActorIndex, table: RoleTable
) -> Iterator[Role]:
    """ "BJP MP from Bihar and commercial pilot X": the modifier of a role in the first
    conjunct of a title belongs to that role, not to the one after "and"; the parser often
    hangs the first conjunct anywhere, so it is read off the words before "and" (a place
    after "from" is where the holder comes from, not a body they sit in)."""
    words: list[Token] = []
    for token in reversed(conjunction.doc[conjunction.sent.start : conjunction.i]):
        actor = actors.actor_at(token)
        if (
            token.is_punct
            or token.pos_ in ("VERB", "AUX", "CCONJ", "PRON", "DET")
            or (actor is not None and actor.mention.type == "PERSON")
        ):
            break
        words.insert(0, token)
    found = _role_in(words, actors, table)
    if found is None:
        return
    index, relation = found
    phrase = _phrase(words[: index + 1], actors, table)
    target = _target(words[: index + 1 - len(phrase)], actors, holder)
    if target is None:
        return
    role = " ".join(t.text for t in phrase)
    yield Role(
        holder.mention,
        _relation_for(relation, phrase, table),
        target,
        role,
        any(t.lower_ in table.former for t in words),
        "title",
        role,
        0.7,
    )


def _adjacent_title(holder: Actor, actors: ActorIndex, table: RoleTable) -> Iterator[Role]:
    """ "..., Sky News Arabia producer Jamal Doe, and ...": a body's name, a role noun and
    the person's name written in a row are a title even when the parser, lost in a list,
    hung the name on the noun as its object; an "and" before the body joins an earlier
    title ("Labour MP and former Cabinet minister X")."""
    doc, start = holder.span.doc, holder.span.start
    for size in (3, 2, 1):
        first = start - size
        if first - 1 < holder.span.sent.start:
            continue
        words = list(doc[first:start])
        if any(not t.is_alpha or actors.actor_at(t) is not None for t in words):
            continue
        body = actors.actor_at(doc[first - 1])
        if body is None or body.mention.id == holder.mention.id:
            continue
        found = table.lookup([t.text for t in words])
        if found is not None and found[0] == " ".join(t.lower_ for t in words):
            relation = found[1]
        elif size == 1 and _untabled_role(words, holder, table) and body.mention.type != "PERSON":
            relation = MEMBERSHIP
        else:
            continue
        role = " ".join(t.text for t in words)
        before = doc[max(body.span.start - 2, holder.span.sent.start) : body.span.start]
        yield Role(
            holder.mention,
            _relation_for(relation, words, table),
            body.mention,
            role,
            any(t.lower_ in table.former for t in before),
            "title",
            role,
            0.7,
        )
        conjunction = _conjunction_before_title(list(body.span), actors, table)
        if conjunction is not None:
            yield from _conjoined_title(conjunction, holder, actors, table)
        return


def _conjunction_before_title(
    words: list[Token], actors: ActorIndex, table: RoleTable
) -> Token | None:
    """The "and" straight before a title's words ("... and former teacher X"), or before
    the body the title is of ("Labour MP and former Cabinet minister X")."""
    at = words[0].i - 1
    doc = words[0].doc
    while at > words[0].sent.start and actors.actor_at(doc[at]) is not None:
        at -= 1
    while at > words[0].sent.start and doc[at].lower_ in table.former:
        at -= 1
    token = words[0].doc[at]
    return token if token.pos_ == "CCONJ" and at >= words[0].sent.start else None


def _conjunction_before(holder: Actor, actors: ActorIndex) -> Token | None:
    """The "and" of "... and commercial pilot X" when the parser hung none of the title
    on the name: at most a few lower-case modifier words between it and the name."""
    doc = holder.span.doc
    at = holder.span.start - 1
    while at > holder.span.sent.start and holder.span.start - at <= 3:
        token = doc[at]
        if token.pos_ == "CCONJ":
            words = doc[at + 1 : holder.span.start]
            return token if any(t.pos_ == "NOUN" for t in words) else None
        if not token.is_lower or token.pos_ not in ("ADJ", "NOUN") or actors.actor_at(token):
            return None
        at -= 1
    return None


def _preceding_role(holder: Actor, actors: ActorIndex, table: RoleTable) -> Iterator[Role]:
    """ "speaker of the parliament Ali Larijani", "Chairman of the committee John Smith": a
    role phrase right before the name that the parser hung beside it, not on it. With a
    comma between ("The new chairman of the Bar Council, John Doe warned") only when the
    phrase opens the sentence: elsewhere a role phrase before a comma is often a clause's
    object ("After meeting the head of the IMF, Doe said")."""
    start, sentence = holder.span.start, holder.span.sent
    opening = start - 1 > sentence.start and holder.span.doc[start - 1].text == ","
    end = start - 1 if opening else start
    if end == sentence.start:
        return
    doc = holder.span.doc
    body = actors.actor_at(doc[end - 1])
    if body is not None:
        found = list(_role_of_body(body, holder, table, opening))
        if found:
            yield from found
            return
    noun = doc[end - 1]
    while noun.head.i != noun.i and noun.head.i < end and noun.head.right_edge.i == end - 1:
        noun = noun.head
    found = table.lookup([noun.text]) if noun.pos_ == "NOUN" else None
    if found is None or (opening and not _opens(noun.left_edge.i, sentence, table)):
        return
    before = [t for t in noun.subtree if t.i < noun.i]
    target = _of_target(noun, actors, holder) or _target(before, actors, holder)
    if target is None:
        return
    role = noun.lower_
    yield Role(holder.mention, found[1], target, role, False, "title", noun.text, 0.7)


def _opens(first: int, sentence: Span, table: RoleTable) -> bool:
    """Nothing but an article or "former" before word `first` in the sentence."""
    words = sentence.doc[sentence.start : first]
    return all(t.dep_ == "det" or t.lower_ in table.former for t in words)


def _role_of_body(
    body: Actor, holder: Actor, table: RoleTable, opening: bool = False
) -> Iterator[Role]:
    """ "the President of Cyprus Archbishop Makarios", "Prime Minister of India X", "Chief
    Secretary to the Treasury X": a role noun, of/to/for and a body's name written straight
    before the name (with `opening`, the
    role's words open the sentence)."""
    doc, at = body.span.doc, body.span.start - 1
    if at > body.span.sent.start and doc[at].lower_ == "the":
        at -= 1
    if at - 1 < body.span.sent.start or doc[at].lower_ not in ("of", "to", "for"):
        return
    first = at - 1
    while (
        first > body.span.sent.start
        and doc[first - 1].is_alpha
        and doc[first - 1].dep_ not in ("det", "cc")
        and doc[first - 1].lower_ not in table.former
    ):
        first -= 1
    words = list(doc[first:at])
    found = table.lookup([t.text for t in words])
    if found is None or body.mention.id == holder.mention.id:
        return
    if opening and not _opens(first, body.span.sent, table):
        return
    former = any(t.lower_ in table.former for t in doc[max(first - 2, 0) : first])
    role = " ".join(t.text for t in words)
    yield Role(
        holder.mention,
        _relation_for(found[1], words, table),
        body.mention,
        role,
        former,
        "title",
        role,
        0.7,
    )


def _untabled_role(left: list[Token], holder: Actor, table: RoleTable) -> tuple[int, str] | None:
    """ "Grateful Dead drummer Mickey Hart", "AAP national convener Arvind Kejriwal": a
    common noun right before a name, after a body's name, is the person's place in that
    body even when the role table does not list the noun; kin and things ("Marvel film
    X") hold no place in a body."""
    if left and left[-1].i == holder.span.start - 1 and left[-1].lower_ in honorifics():
        left = left[:-1]
    if not left or left[-1].i != _before_courtesy(holder):
        return None
    noun = left[-1]
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not noun.is_lower:
        return None
    if noun.lower_ in table.not_roles:
        return None
    return len(left) - 1, MEMBERSHIP


def _of_target(
    root: Token, actors: ActorIndex, holder: Actor, preps: tuple[str, ...] = ("of",)
) -> Mention | None:
    """ "Senator Elizabeth Warren of Massachusetts", "speaker of the parliament Ali
    Larijani", "Chief Secretary to the Treasury X": the body after the name, or after the
    role noun before it."""
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                actor = actors.actor_at(pobj) if pobj.dep_ == "pobj" else None
                if actor is not None and actor.mention.id != holder.mention.id:
                    return actor.mention
    return None


def affiliation_after(holder: Actor, actors: ActorIndex, table: RoleTable) -> Iterator[Role]:
    """ "Mike Doe, of the League Against Cruel Sports, said", "Ann Roe from Human Rights
    Watch": a body after the name, with of/from, is the one the person speaks from. A place
    says only where someone lives or comes from, unless a title before the name makes it the
    seat held there ("Senator John Doe of Vermont"), so a place takes the title's relation."""
    root = holder.span.root
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        between = root.doc[holder.span.end : prep.i]
        if any(t.text != "," for t in between):
            continue
        for pobj in prep.children:
            body = actors.actor_at(pobj) if pobj.dep_ == "pobj" else None
            if body is None or body.mention.id == holder.mention.id:
                continue
            left = [t for t in root.subtree if t.i < holder.span.start]
            title = _role_in(left, actors, table)
            if body.mention.type == "ORG":
                relation = title[1] if title is not None else MEMBERSHIP
            elif body.mention.type == "GPE" and title is not None:
                relation = title[1]
            else:
                continue
            text = root.doc[holder.span.start : body.span.end].text
            yield Role(
                holder.mention, relation, body.mention, None, False, "affiliation", text, 0.7
            )


def appositive_roles(holder: Actor, actors: ActorIndex, table: RoleTable) -> Iterator[Role]:
    """ "Dmitry Novikov, deputy chairman of the committee", "the spokeswoman for the
    Commission, Jane Doe", the copula "Doe is the spokeswoman for the Commission" and the
    office taken "as" ("Doe resigned as governor of X")."""
    root = holder.span.root
    nouns = [child for child in root.children if child.dep_ == "appos"]
    # "Jane Doe, an activist and currently a candidate for ...": a chain of offices.
    nouns.extend(
        other
        for noun in list(nouns)
        for other in noun.conjuncts
        if other.i > noun.i and other.pos_ == "NOUN"
    )
    nouns.extend(_conjoined_apposition(root, holder, table))
    if root.dep_ == "appos" and _next_to(root.head, holder):
        nouns.append(root.head)
    nouns.extend(_shared_apposition(root))
    nouns.extend(_predicated(root))
    for clause in root.children:
        if clause.dep_ == "relcl" and any(c.tag_ == "WP" for c in clause.children):
            if clause.lemma_ in COPULAS:
                nouns.extend(child for child in clause.children if child.dep_ == "attr")
            nouns.extend(_as_role(clause))
        if clause.dep_ == "acl":
            # "Doe, speaking as Labour's health spokeswoman, said".
            nouns.extend(_as_role(clause))
    yield from _offices(nouns, holder, actors, table)


def _shared_apposition(root: Token) -> Iterator[Token]:
    """ "Two Democratic Representatives, Colin Doe and Jeff Roe, opposed…": a plural role
    noun with a list of names as its apposition is each name's office; so it is when the
    parser, after the comma, took the names for conjuncts of the noun."""
    first = _first_conjunct(root)
    if first is not root and first.tag_ in ("NNS", "NNPS"):
        names = [c for c in first.children if c.dep_ == "conj" and c.i > first.i]
        between = first.doc[first.i + 1 : names[0].left_edge.i] if names else []
        if between and all(t.text == "," for t in between):
            yield first
        return
    if first is root or first.dep_ != "appos" or first.head.tag_ not in ("NNS", "NNPS"):
        return
    noun = first.head
    between = noun.doc[noun.i + 1 : first.left_edge.i]
    if noun.i < first.i and all(t.is_punct for t in between):
        yield noun


def stated_roles(holder: Actor, actors: ActorIndex, table: RoleTable) -> Iterator[Role]:
    """ "He is co-owner of Bar Media", "she resigned as leader of the party": a pronoun
    the article resolved to a person states that person's office as a name would."""
    yield from _offices(list(_predicated(holder.span.root)), holder, actors, table)


def _predicated(root: Token) -> Iterator[Token]:
    """The office a copula gives its subject ("Doe is the spokeswoman for…", "Johnson
    became leader of…") or a verb takes or leaves "as"."""
    subject = _first_conjunct(root)
    if subject.dep_ == "nsubj" and subject.head.lemma_ in COPULAS:
        # "Jones and Evans are members of…": a plural office is each subject's.
        yield from (
            child
            for child in subject.head.children
            if child.dep_ == "attr" and (subject is root or child.tag_ == "NNS")
        )
    if root.dep_ in ("nsubj", "nsubjpass"):
        yield from _as_role(root.head)


def _first_conjunct(token: Token) -> Token:
    """The head of the list a word is coordinated in: what the list shares (a title, an
    apposition, a copula) hangs on its first member."""
    while token.dep_ == "conj":
        token = token.head
    return token


def _offices(
    nouns: list[Token], holder: Actor, actors: ActorIndex, table: RoleTable
) -> Iterator[Role]:
    for noun in nouns:
        if _named_after(noun, holder, actors):
            continue
        agent = actors.actor_at(noun)
        if agent is not None and _member_word(noun, agent):
            text = f"{holder.span.text}, {noun.text}"
            yield Role(
                holder.mention, MEMBERSHIP, agent.mention, None, False, "apposition", text, 0.7
            )
            continue
        if agent is not None:
            yield from _agent_office(noun, agent, holder, actors, table)
            continue
        yield from _noun_role(noun, holder, actors, table, "apposition")


def _member_word(noun: Token, agent: Actor) -> bool:
    """ "Jane Doe, a Conservative, said", "Tom Roe, the Democrat from Ohio": a party's
    member word as the name's apposition says which party the person is in."""
    if agent.resolved_by != "name" or len(agent.span) != 1 or noun.tag_ != "NNP":
        return False
    if not any(c.dep_ == "det" for c in noun.children):
        return False
    known = load_gazetteer().lookup(agent.mention.name)
    return known is not None and known.kind == "party"


def described_roles(holder: Actor, actors: ActorIndex, table: RoleTable) -> Iterator[Role]:
    """ "The new health minister for Wales says ...", resolved to the person the next
    sentence names: the description is an office as an apposition is, and is often the
    only place the article states it."""
    noun = holder.span.root
    if noun.pos_ == "NOUN" and table.lookup_tokens([noun]) is not None:
        yield from _noun_role(noun, holder, actors, table, "description")


def _noun_role(
    noun: Token, holder: Actor, actors: ActorIndex, table: RoleTable, rule: str
) -> Iterator[Role]:
    """The office a role noun names, held at the actor before it or after of/for/at."""
    start, end = _bounds(holder)
    left = [t for t in noun.subtree if t.i == noun.i or (t.i < noun.i and not start <= t.i < end)]
    found = table.lookup_tokens(left)
    if found is None and noun.tag_ == "NN" and noun.is_lower and noun.lower_ not in table.not_roles:
        target, _ = _prepositional_target(noun, actors, holder)
        if target is not None and target.type == "ORG":
            found = (noun.lower_, MEMBERSHIP)
    if found is None:
        return
    words = _phrase(left, actors, table, noun)
    if not words:
        return
    target = _target(left[: len(left) - len(words)], actors, holder)
    deeper = False
    if target is None:
        if _unknown_group(words, actors):
            return
        target, deeper = _prepositional_target(noun, actors, holder)
        for other in noun.conjuncts:
            if target is None and other.i > noun.i:
                target, deeper = _prepositional_target(other, actors, holder)
    if target is None and noun.lemma_.lower() in table.contests:
        target = _party_contest(noun, table)
    if target is None:
        return
    relation = _relation_for(found[1], words, table)
    if (deeper or _indefinite(noun)) and relation == LEADERSHIP:
        relation = MEMBERSHIP
    role = " ".join(t.text for t in words)
    yield Role(
        holder.mention,
        relation,
        target,
        role,
        any(t.lower_ in table.former for t in left),
        rule,
        role,
        0.8,
    )


def _party_contest(noun: Token, table: RoleTable) -> Mention | None:
    """ "a candidate in the Democratic primaries", "a contender for the Republican
    nomination": a party's own race, named by the party's adjective, is run as its member."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "for"):
            continue
        for race in prep.children:
            if race.dep_ != "pobj" or race.lower_ not in table.party_contests:
                continue
            for word in race.children:
                if word.dep_ not in ("amod", "compound") or not word.text[:1].isupper():
                    continue
                known = load_gazetteer().lookup(f"{word.text} Party", exact=True)
                if known is not None and known.kind == "party":
                    return body_mention(word.doc[word.i : word.i + 1], known)
    return None


def _agent_office(
    noun: Token, agent: Actor, holder: Actor, actors: ActorIndex, table: RoleTable
) -> Iterator[Role]:
    """ "Doe served as the US ambassador to the United Nations": a role noun read as a
    generic agent ("US ambassador" → Government (United States)) still names the holder's
    office, held at the body after to/of/for."""
    if agent.mention.sector is None or agent.span.root.i != noun.i:
        return
    found = table.lookup_tokens([noun])
    if found is None:
        return
    target, deeper = _prepositional_target(noun, actors, holder)
    if target is None and agent.mention.type == "ORG" and found[1] in (LEADERSHIP, MEMBERSHIP):
        # "Three Labour MPs, Jane Doe, ...": the body the words name is the one held in.
        target = agent.mention
    elif target is None or target.id == agent.mention.id:
        return
    relation = _relation_for(found[1], list(agent.span), table)
    if deeper and relation == LEADERSHIP:
        relation = MEMBERSHIP
    former = any(t.lower_ in table.former for t in noun.subtree if t.i < noun.i)
    yield Role(holder.mention, relation, target, noun.lower_, former, "apposition", noun.text, 0.7)
    if found[1] == "REPRESENTS":
        # "the US ambassador to the United Nations" speaks for the United States there.
        for token in agent.span[:-1]:
            country = _country(token, named=True)
            if country is not None:
                text = f"{token.text} {noun.text}"
                yield Role(
                    holder.mention, found[1], country, noun.lower_, former, "apposition", text, 0.7
                )
                return


def _conjoined_apposition(root: Token, holder: Actor, table: RoleTable) -> Iterator[Token]:
    """ "Eva Doe, the then chair and spokesperson for the Greens": the parser often joins an
    apposition to the name as a conjunct; a listed role noun after a comma is still the
    name's office (a list of people is of names, not of role nouns)."""
    for child in root.children:
        if child.dep_ != "conj" or child.pos_ != "NOUN":
            continue
        edge = child.left_edge
        if edge.i - 1 < holder.span.end or child.doc[edge.i - 1].text != ",":
            continue
        if table.lookup_tokens([child]) is not None:
            yield child


def _named_after(noun: Token, holder: Actor, actors: ActorIndex) -> bool:
    """ "Columbus, US presidents Washington and Grant": a role noun with another person's
    name straight after it is that person's title, not the holder's apposition."""
    if noun.i + 1 >= len(noun.doc):
        return False
    after = actors.actor_at(noun.doc[noun.i + 1])
    return (
        after is not None
        and after.mention.type == "PERSON"
        and after.mention.id != holder.mention.id
    )


def _indefinite(noun: Token) -> bool:
    """ "a leader of the party" is one of its leaders: a member, not the leader."""
    return any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in noun.children)


def _unknown_group(words: list[Token], actors: ActorIndex) -> bool:
    """ "a Jat leader of Western UP": a proper name before the role noun that is no actor
    names the group the role is in, so the place after "of" is where the group lives, not
    the body led."""
    return any(t.pos_ == "PROPN" and actors.actor_at(t) is None for t in words[:-1]) and any(
        _indefinite(t) for t in words[-1:]
    )


def _as_role(verb: Token) -> Iterator[Token]:
    """ "resigned as the governor of Puerto Rico", "was sworn in as its new governor",
    "served as ambassador to Japan": the office the subject takes or leaves ("appointed
    Pierluisi as secretary" gives it to the object, not the subject, whichever object
    label the parser gives Pierluisi)."""
    if any(child.dep_ in ("dobj", "oprd", "dative") for child in verb.children):
        return
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            yield from (pobj for pobj in prep.children if pobj.dep_ == "pobj")


def service_roles(holder: Actor, actors: ActorIndex) -> Iterator[Role]:
    """ "Nkurunziza served in the CNDD-FDD", "she sat on the committee", "he worked for
    Google", "Doe, who won the seat and served in Parliament": a person serving in a body is
    a member of it (a place is not a body)."""
    root = holder.span.root
    verbs = list(_own_verbs(root))
    if root.dep_ == "dobj" and root.head.lemma_.lower() in SEATING_VERBS:
        verbs.append(root.head)
    for verb in verbs:
        if verb.lemma_.lower() in SEATING_VERBS:
            yield from _seated(holder, verb, actors)
            continue
        if verb.lemma_.lower() not in SERVICE_VERBS:
            continue
        # "worked with the government", "sat with Doe": alongside, not inside.
        preps = SERVICE_PREPS if verb.lemma_.lower() == "serve" else SERVICE_PREPS - {"with"}
        for prep, body in _bodies_after(verb, preps, actors):
            text = f"{verb.text} {prep.text} {body.mention.mention}"
            yield Role(holder.mention, MEMBERSHIP, body.mention, None, False, "service", text, 0.6)


def _seated(holder: Actor, verb: Token, actors: ActorIndex) -> Iterator[Role]:
    """ "Doe was elected to the Senate", "Blair appointed Doe to the cabinet": a seat given
    in a body makes its holder a member of it (the one who gives it is not)."""
    passive = verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children)
    if not passive and holder.span.root.head != verb:
        return
    if not passive and holder.span.root.dep_ != "dobj":
        return
    for prep, body in _bodies_after(verb, frozenset({"to"}), actors):
        text = f"{verb.text} {prep.text} {body.span.text}"
        yield Role(holder.mention, MEMBERSHIP, body.mention, None, False, "seat", text, 0.6)


def _own_verbs(root: Token) -> Iterator[Token]:
    """The verbs a name is the subject of: its own, those coordinated after it with no
    subject of their own ("Doe won the seat and served..."), those of a "who" clause on it
    ("Doe, who served...") and a participle after it ("Doe, elected in 1997, ...")."""
    heads: list[Token] = []
    if root.dep_ in ("nsubj", "nsubjpass"):
        heads.append(root.head)
    for clause in root.children:
        if clause.dep_ == "relcl" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" for c in clause.children
        ):
            heads.append(clause)
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            # "Doe, elected to the Senate in 2012, ...".
            heads.append(clause)
    for verb in heads:
        yield verb
        for other in verb.conjuncts:
            if other.i > verb.i and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in other.children
            ):
                yield other


def _next_to(noun: Token, holder: Actor) -> bool:
    """ "adviser Steve Bannon", "the spokeswoman, Jane Doe": nothing but a comma between the
    role noun and the name, so a later apposition of the same noun is not taken for it."""
    between = noun.doc[noun.i + 1 : holder.span.start]
    return noun.i < holder.span.start and all(t.text in (",", "\u2014", "-") for t in between)


def _bounds(actor: Actor) -> tuple[int, int]:
    return actor.span.start, actor.span.end


def _prepositional_target(
    noun: Token, actors: ActorIndex, holder: Actor
) -> tuple[Mention | None, bool]:
    """ "chairman of the committee": the actor behind of/for/at; `deeper` when it is only
    the owner of that object ("of the Duma's committee"), which makes the holder a member.
    A postpositive adjective carries the preposition for its noun: the parser hangs "of" of
    "director general of the BBC" on "general"."""
    after = [c for c in noun.children if c.dep_ == "amod" and c.i == noun.i + 1]
    for prep in [*noun.children, *(p for c in after for p in c.children)]:
        if prep.dep_ != "prep" or prep.lower_ not in ROLE_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            actor = actors.actor_at(pobj) or _named_polity(pobj, actors)
            if actor is not None and actor.mention.type == "ORG" and _brief(pobj):
                continue
            if actor is not None and actor.mention.id != holder.mention.id:
                return actor.mention, False
            for token in pobj.subtree:
                actor = actors.actor_at(token)
                if actor is not None and actor.mention.id != holder.mention.id:
                    return actor.mention, True
    return None, False


def _brief(noun: Token) -> bool:
    """ "the Secretary of Transportation", "Minister of Defence": a bare capitalised brief
    after the role names the office, not a body called "Transportation" ("of the Treasury",
    with its article, is the department; "minister for Scotland" is a place)."""
    return (
        noun.lower_ in portfolios()
        and not any(c.dep_ in ("det", "compound", "amod") for c in noun.children)
        and not any(c.dep_ == "conj" for c in noun.children)
    )


def _named_polity(noun: Token, actors: ActorIndex) -> Actor | None:
    """ "the state of New York", "the commonwealth of Puerto Rico": a polity noun with its
    name after "of" is that place itself, so its governor leads it."""
    if noun.lemma_.lower() not in POLITY_NOUNS:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                actor = actors.actor_at(pobj) if pobj.dep_ == "pobj" else None
                if actor is not None and actor.mention.type == "GPE":
                    return actor
    return None


def possessive_roles(owner: Actor, actors: ActorIndex) -> Iterator[Role]:
    """ "Musk's SpaceX" → leads; "Johnson's government" → leads the government the article
    means; "the BBC's Jane Doe" is its member; "Brazil's National Institute for Space
    Research" is part of the state; "his Dragon spacecraft" → owns the named thing. The
    thing's name is one no NER span gave, so it gets the name repair spans get here
    (names.py): "the NHC's Hurricane Humberto Intermediate Advisory" names a weather
    system's bulletin, no product anyone owns."""
    token = owner.span.root if owner.span.root.dep_ == "poss" else owner.span[-1]
    if token.dep_ != "poss":
        return
    head = token.head
    owned = actors.actor_at(head)
    if (
        owned is not None
        and owner.mention.type == "PERSON"
        and owned.resolved_by == DESCRIPTOR
        and owned.mention.sector == "GOV"
        and head.lemma_.lower() in LED_BODIES
    ):
        text = f"{owner.mention.mention}'s {head.text}"
        yield Role(owner.mention, LEADERSHIP, owned.mention, None, False, "possessive", text, 0.6)
        return
    if owner.mention.type == "PERSON" and head.lemma_.lower() in POSTS:
        # "his role as chief executive of Acme", "her time as leader of the party".
        table = role_table()
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for noun in prep.children:
                    if noun.dep_ == "pobj":
                        yield from _noun_role(noun, owner, actors, table, "possessive")
    if owner.mention.type == "PERSON" and head.lemma_.lower() in TENURES:
        yield from _tenure(owner, head, actors)
        return
    if owner.mention.type == "PERSON" and head.lemma_.lower() in MEMBER_BODIES:
        body = _body_named(head, owned, actors)
        if body is not None and body.mention.id != owner.mention.id:
            text = f"{token.text} {head.text}"
            yield Role(
                owner.mention, MEMBERSHIP, body.mention, None, False, "possessive", text, 0.6
            )
        return
    if owned is not None and owned.resolved_by == "name":
        text = f"{owner.mention.mention}'s {owned.mention.mention}"
        if (
            owner.mention.type == "PERSON"
            and owned.mention.type == "ORG"
            and not _common_word(owned)
        ):
            yield Role(
                owner.mention, LEADERSHIP, owned.mention, None, False, "possessive", text, 0.6
            )
        if _known_body(owner) and owned.mention.type == "PERSON":
            yield Role(
                owned.mention, MEMBERSHIP, owner.mention, None, False, "possessive", text, 0.6
            )
        if _country_named(owner) and _national(owned, owner):
            yield Role(owned.mention, PART, owner.mention, None, False, "possessive", text, 0.6)
        elif _known_body(owner) and _own_body(owned):
            # "Labour's National Executive Committee": a known body's own organ.
            yield Role(owned.mention, PART, owner.mention, None, False, "possessive", text, 0.6)
        return
    if head.pos_ != "NOUN":
        return
    names = [
        child
        for child in head.children
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i > token.i
    ]
    if not names or head.lemma_.lower() in _person_nouns() or any(_actor(c, actors) for c in names):
        return
    start = max(token.i + 1, min(child.left_edge.i for child in names))
    thing = head.doc[start : head.i + 1]
    labels = {ent.label_ for ent in thing.ents}
    if labels and not labels & OWNABLE:
        return
    name = repair_words([t.text for t in thing], "PRODUCT", storms=storm_names(head.doc)).name
    if name is None:
        return
    product = Mention(entity_id(name), name, thing.text, "PRODUCT")
    text = f"{owner.mention.mention} {thing.text}"
    yield Role(owner.mention, "OWNS", product, None, False, "possessive", text, 0.6)


def _tenure(owner: Actor, head: Token, actors: ActorIndex) -> Iterator[Role]:
    """ "his 22 years in the Commons", "her time at the BBC": the body a person spent a
    stretch of their life in is one they were a member of (a place is not a body)."""
    for prep, body in _bodies_after(head, frozenset({"in", "at", "with"}), actors):
        text = f"{owner.span.text} {head.text} {prep.text} {body.span.text}"
        yield Role(owner.mention, MEMBERSHIP, body.mention, None, False, "possessive", text, 0.6)


def _bodies_after(
    head: Token, preps: frozenset[str], actors: ActorIndex
) -> Iterator[tuple[Token, Actor]]:
    """The organisations a word's prepositions of `preps` name ("served in the Senate",
    "her time at the BBC"), each with its preposition; a place is not a body."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for pobj in prep.children:
            body = actors.actor_at(pobj) if pobj.dep_ == "pobj" else None
            if body is not None and body.mention.type == "ORG":
                yield prep, body


def _body_named(head: Token, owned: Actor | None, actors: ActorIndex) -> Actor | None:
    """The organisation "his party" means: the one the article resolved the noun to, or the
    one its apposition names ("his new party, the Respect Coalition")."""
    if owned is not None and owned.resolved_by == DESCRIPTOR and owned.mention.type == "ORG":
        return owned
    for child in head.children:
        named = actors.actor_at(child) if child.dep_ == "appos" else None
        if named is not None and named.resolved_by == "name" and named.mention.type == "ORG":
            return named
    return None


def chair_roles(holder: Actor, actors: ActorIndex) -> Iterator[Role]:
    """ "the UK's presidency of the EU", "the UK presidency of the EU", "its EU and G8
    presidencies": a state or person holding a body's rotating chair leads that body (not
    "the Obama presidency", which names no body)."""
    token = holder.span.root
    head = token.head
    if token.dep_ not in ("poss", "compound") or head.lemma_.lower() not in CHAIRS:
        return
    if holder.mention.type not in ("GPE", "PERSON") or head.i < token.i:
        return
    words: list[Token] = [c for c in head.children if c.dep_ in ("compound", "nmod")]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            words.extend(c for c in prep.children if c.dep_ == "pobj")
    words.extend(conj for word in list(words) for conj in word.conjuncts)
    seen: set[str] = set()
    for word in words:
        body = actors.actor_at(word)
        if body is None or word.i in range(*_bounds(holder)) or body.mention.type != "ORG":
            continue
        if body.mention.id in seen:
            continue
        seen.add(body.mention.id)
        text = f"{holder.span.text} {head.text}"
        yield Role(
            holder.mention, LEADERSHIP, body.mention, head.lemma_.lower(), False, "chair", text, 0.6
        )


def state_memberships(holder: Actor, actors: ActorIndex) -> Iterator[Role]:
    """ "Turkey, a Nato member", "Hungary, an EU member state", "the EU member states of
    Poland and Sweden": a state named as a member of a body belongs to it."""
    if not _country_named(holder):
        return
    root = holder.span.root
    nouns = [child for child in root.children if child.dep_ == "appos"]
    first = _first_conjunct(root)
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.pos_ == "NOUN":
        nouns.append(first.head.head)
    for noun in nouns:
        words = [t for t in noun.subtree if t.i <= noun.i]
        if not any(t.lemma_.lower() == "member" for t in words):
            continue
        if noun.lemma_.lower() == "member":
            # "a member of Nato": the body after "of" comes first.
            words += [
                pobj
                for prep in noun.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ]
        for token in reversed(words):
            body = actors.actor_at(token)
            if body is not None and body.mention.type == "ORG" and body.span.root.i != root.i:
                text = f"{holder.span.text} {noun.text}"
                yield Role(
                    holder.mention, MEMBERSHIP, body.mention, None, False, "member", text, 0.6
                )
                break


def place_parts(holder: Actor, actors: ActorIndex) -> Iterator[Role]:
    """ "Nevada became the first state in the United States", "Texas, a state in the United
    States", "England, the only country in the United Kingdom": a place called a state,
    province or country of a country is part of it (only a country the gazetteer knows:
    "the largest country in Europe" names a region)."""
    if holder.mention.type != "GPE":
        return
    root = holder.span.root
    nouns = [child for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "nsubj" and root.head.lemma_ in COPULAS:
        nouns += [child for child in root.head.children if child.dep_ == "attr"]
    for noun in nouns:
        if noun.lemma_.lower() not in POLITY_NOUNS | {"country", "nation"}:
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of"):
                continue
            for pobj in prep.children:
                state = actors.actor_at(pobj) if pobj.dep_ == "pobj" else None
                if state is None or state.mention.id == holder.mention.id:
                    continue
                if _country_named(state):
                    text = f"{holder.span.text} {noun.text} {prep.text} {state.span.text}"
                    yield Role(holder.mention, PART, state.mention, None, False, "part", text, 0.6)


def party_labels(holder: Actor, actors: ActorIndex) -> Iterator[Role]:
    """ "Tory Liam Fox", "Labour's Robin Cook", "Republican Mitt Romney": a party's name
    written straight before a person's name, with or without a possessive, labels the
    person a member; so it does each name coordinated with that one ("Labour's Robin Cook
    and Tony Wright"). Only a party the gazetteer knows: a company's name straight before
    a person's says less ("Tesla Elon Musk"; with a possessive, possessive_roles reads it)."""
    person: Actor | None = holder
    while person is not None:
        party = _party_before(person, actors)
        if party is not None:
            text = person.span.doc[party.span.start : person.span.end].text
            yield Role(
                holder.mention, MEMBERSHIP, party.mention, None, False, "party_label", text, 0.7
            )
            return
        root = person.span.root
        head = actors.actor_at(root.head) if root.dep_ == "conj" else None
        named = head is not None and head.mention.type == "PERSON" and head.resolved_by == "name"
        person = head if named and head is not person else None


def _party_before(person: Actor, actors: ActorIndex) -> Actor | None:
    """The party written right before the name, or its tag right after it in brackets or
    commas ("Elizabeth Warren (D-MA)", entities.py)."""
    doc, sentence = person.span.doc, person.span.sent
    at = _before_courtesy(person)
    if at > sentence.start and doc[at].text in POSSESSIVES:
        at -= 1
    found: list[Actor] = []
    if at >= sentence.start and (party := actors.actor_at(doc[at])) is not None:
        found += [party] if party.span.end == at + 1 else []
    after = person.span.end + 1
    if after < sentence.end and doc[after - 1].text in ("(", ","):
        party = actors.actor_at(doc[after])
        if party is not None and PARTY_TAG.fullmatch(party.mention.mention):
            found.append(party)
    for party in found:
        # "Irish republican Jane Doe": a party's word in lower case names a belief.
        if party.span.text[:1].islower():
            continue
        known = load_gazetteer().lookup(party.mention.name)
        if party.resolved_by == "name" and known is not None and known.kind == "party":
            return party
    return None


def _country_named(actor: Actor) -> bool:
    """A state written by its name ("Brazil's"), not a city or a region."""
    known = load_gazetteer().lookup(actor.mention.mention, exact=True)
    return actor.mention.type == "GPE" and known is not None and known.kind == COUNTRY


def _known_body(actor: Actor) -> bool:
    """An organisation the gazetteer knows ("the BBC's"): a name only the tagger calls one
    may be a constituency ("Derby North's Bob Laxton") or a column's owner."""
    known = load_gazetteer().lookup(actor.mention.name)
    return actor.mention.type == "ORG" and known is not None


def _own_body(body: Actor) -> bool:
    """A body named after another's possessive that is its organ, not a body of its own
    the gazetteer knows ("Labour's National Executive Committee", not "Labour's Unite")."""
    return (
        body.mention.type == "ORG"
        and len(body.mention.name.split()) > 1
        and load_gazetteer().lookup(body.mention.name) is None
    )


def _national(body: Actor, state: Actor) -> bool:
    """ "Brazil's National Institute for Space Research" is the state's own; "Argentina's
    Amnesty International" is a branch of a body the gazetteer knows as of no one state,
    and "India's Partition", a capitalised word, is no body. A name the gazetteer does not
    know is the state's body only when a word of it says it is a body ("Agency",
    "Congress", "Force"): "France's Dassault Aviation" is a company of the country, "Hong
    Kong's Hang Seng Index" and "the EU's Common Agricultural Policy" are things, and a
    reader finds no structural relation in any of them (docs/eval.md)."""
    if body.mention.type != "ORG":
        return False
    known = load_gazetteer().lookup(body.mention.name)
    if known is not None:
        return known.country == state.mention.name
    names = body.mention.name.lower().split()
    lists = name_words()
    kinds = lists.organisations | lists.bodies
    return len(names) > 1 and any(w in kinds or f"{w}s" in kinds for w in names)


def _before_courtesy(person: Actor) -> int:
    """The word before a name and its courtesy title ("Labour's Mr Doe" → "'s")."""
    at = person.span.start - 1
    if at > person.span.sent.start and person.span.doc[at].lower_ in honorifics():
        at -= 1
    return at


def _plausible(role: Role, table: RoleTable) -> bool:
    """Alliance and rivalry are between actors, not with a country named by a modifier
    ("U.S. Senate opponent" is no rival of the United States); one leads or belongs to a
    body, not to a person ("Tory party leader" next to "Blair's"); a candidate runs in a
    country, not as its member ("U.S. presidential candidate X")."""
    if role.role is not None and role.target.type == "GPE":
        last = role.role.lower().split()[-1]
        if last in table.contests or last.rstrip("s") in table.contests:
            return False
    if role.type in (LEADERSHIP, MEMBERSHIP):
        return role.target.type != "PERSON"
    return role.type not in POLARITY or role.target.type in ("PERSON", "ORG")


def _common_word(actor: Actor) -> bool:
    """ "Brown's Budget": a one-word name the same text also writes in lower case is a
    capitalised common noun, not a company someone leads."""
    words = actor.mention.mention.split()
    if len(words) != 1:
        return False
    lowered = words[0].lower()
    return any(t.text == lowered for t in actor.span.doc)


def _actor(token: Token, actors: ActorIndex) -> bool:
    """A compound naming a known actor ("his EU counterparts", "the Army regiments") is
    not a product's name; an organisation tagged only by the model may be ("Dragon")."""
    actor = actors.actor_at(token)
    if actor is None:
        return False
    return actor.mention.type != "ORG" or load_gazetteer().lookup(actor.mention.name) is not None


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return person_descriptors() | frozenset(role_table().roles)


def sentence_roles(sentence: Span, actors: ActorIndex) -> list[Role]:
    """Every structural link in a sentence, once each."""
    table = role_table()
    found: dict[tuple[str, str, str], Role] = {}
    holders: dict[int, Actor] = {}
    for token in sentence:
        actor = actors.actor_at(token)
        if actor is not None:
            holders.setdefault(actor.span.start, actor)
    for actor in holders.values():
        rules = [
            possessive_roles(actor, actors),
            chair_roles(actor, actors),
            state_memberships(actor, actors),
            place_parts(actor, actors),
        ]
        if actor.resolved_by == "name" and actor.mention.type == "PERSON":
            rules += [
                title_roles(actor, actors, table),
                appositive_roles(actor, actors, table),
                affiliation_after(actor, actors, table),
                party_labels(actor, actors),
            ]
        if actor.resolved_by == PRONOUN and actor.mention.type == "PERSON":
            rules.append(stated_roles(actor, actors, table))
        if actor.resolved_by == DESCRIPTOR and actor.mention.type == "PERSON":
            rules.append(described_roles(actor, actors, table))
        if actor.mention.type == "PERSON":
            rules.append(service_roles(actor, actors))
        for rule in rules:
            for role in rule:
                if role.holder.id != role.target.id and _plausible(role, table):
                    found.setdefault((role.holder.id, role.type, role.target.id), role)
    return list(found.values())


def role_triples(
    sentence: Span, actors: ActorIndex, article: ArticleRef, evidence: Evidence
) -> list[Triple]:
    """The structural links of a sentence as triples, ready for the pipeline."""
    return [
        Triple(
            article=article,
            subject=role.holder,
            relation=Relation(
                type=role.type,
                text=role.text,
                rule=role.rule,
                quad_class=0,
                goldstein=0.0,
                polarity=POLARITY.get(role.type, 0),
                role=role.role,
                former=role.former,
            ),
            object=role.target,
            evidence=evidence,
            confidence=role.confidence,
        )
        for role in sentence_roles(sentence, actors)
    ]
