"""One `query()` for both engines, and the bridge from Neo4j's Cypher to the embedded dialect.

Users write Cypher the Neo4j way. The embedded store (LadybugDB) speaks a close dialect with
a few differences, some of which fail loudly and some of which would answer differently
without a word (walks instead of trails in variable-length paths, no relationship
uniqueness within a MATCH, `labels()` returning something else). The translator rewrites what
it can prove equivalent and refuses the rest with a message naming the Neo4j way to run it:
an answer is Neo4j's answer, or there is no answer. The parity suite holds it to that.

One difference is left on purpose: a sum of floats may differ in its last digits, because
the engines add in different orders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path as FilePath
from typing import Any, Literal

import neo4j
from neo4j.graph import Node, Path, Relationship

from polgraph.config import Neo4jSettings
from polgraph.graph.store import RELATION_TABLE, Store
from polgraph.ingest.records import is_relation_type

Backend = Literal["embedded", "neo4j"]

NEO4J_HINT = "run it on Neo4j with `polgraph query --backend neo4j`"

NODE_TABLES = frozenset({"Entity", "Article"})
MENTIONS = "MENTIONS"

# Functions whose results were checked to agree on both engines (see the parity suite).
# Anything else is refused rather than trusted: `substring` is 0-based in Neo4j and 1-based
# in LadybugDB, `labels()` returns a different shape, and so on.
SAME_FUNCTIONS = frozenset(
    ["count", "sum", "avg", "min", "max", "collect", "size", "length", "nodes", "coalesce"]
    + ["abs", "trim"]
)
RENAMED_FUNCTIONS = {"relationships": "rels"}
REFUSED_FUNCTIONS = {
    "labels": "the embedded store keeps an entity's type label in `n.label`; return `n.label`, or",
    "id": "internal ids differ between engines; use the `id` property (`n.id`), or",
    "elementid": "internal ids differ between engines; use the `id` property (`n.id`), or",
    "startnode": "on an undirected match the embedded engine answers with the node it "
    "matched first; match each direction with an arrow instead, or",
    "endnode": "on an undirected match the embedded engine answers with the node it "
    "matched first; match each direction with an arrow instead, or",
    "tolower": "case mapping differs between engines outside ASCII ('İ', final 'Σ');",
    "toupper": "case mapping differs between engines outside ASCII ('ß');",
}
# `size()` of a string counts characters differently ('e\u0301' is 2 in Neo4j, 1 embedded);
# of a list it agrees. These arguments are lists by construction.
_LIST_ARGUMENT = re.compile(
    r"\s*(?:\w+\.`?(?:aliases|roles)`?|(?:nodes|relationships|rels|collect)\s*\(|\[)", re.I
)
WRITE_CLAUSES = frozenset(
    {"create", "merge", "set", "delete", "detach", "remove", "foreach", "load"}
)
_COLUMN = "_polgraph_c"
_RETURN_END = frozenset({"order", "skip", "limit", "union"})
CLAUSES = frozenset({"match", "optional", "with", "return", "unwind", "union", "where"})
KEYWORDS = frozenset(
    [
        "match",
        "optional",
        "where",
        "return",
        "with",
        "unwind",
        "union",
        "all",
        "and",
        "or",
        "xor",
        "not",
        "in",
        "as",
        "is",
        "null",
        "distinct",
        "order",
        "by",
        "asc",
        "desc",
        "ascending",
        "descending",
        "skip",
        "limit",
        "case",
        "when",
        "then",
        "else",
        "end",
        "exists",
        "contains",
        "starts",
        "ends",
        "true",
        "false",
    ]
)

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<bq>`(?:[^`]|``)*`)
  | (?P<param>\$\w+)
  | (?P<num>\d+\.\d+(?:[eE][+-]?\d+)?|\d+)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>->|<-|<>|<=|>=|=~|\.\.|[-()\[\]{}:,.*|=<>+/%^;!&])
    """,
    re.VERBOSE | re.DOTALL,
)


class Refused(Exception):
    """The embedded engine cannot give Neo4j's answer to this query; the message says why
    and how to run it on Neo4j instead."""


class QueryError(Exception):
    """The query failed on the engine it was sent to (syntax, unknown name, no server)."""


@dataclass(slots=True)
class Token:
    kind: str
    text: str

    @property
    def low(self) -> str:
        return self.text.lower() if self.kind == "name" else ""


def _tokens(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise QueryError(f"cannot read the query at {text[pos : pos + 20]!r}")
        kind = match.lastgroup or "op"
        word = match.group()
        tokens.append(Token(kind, " " if kind == "ws" and not word.isspace() else word))
        pos = match.end()
    return tokens


def _refuse(reason: str) -> Refused:
    return Refused(f"the embedded engine cannot run this query: {reason} {NEO4J_HINT}.")


def _next(tokens: list[Token], i: int) -> int:
    """Index of the first non-blank token at or after i (len(tokens) at the end)."""
    while i < len(tokens) and tokens[i].kind == "ws":
        i += 1
    return i


def _prev(tokens: list[Token], i: int) -> int:
    i -= 1
    while i >= 0 and tokens[i].kind == "ws":
        i -= 1
    return i


def _closing(tokens: list[Token], i: int) -> int:
    """Index of the bracket that closes the one at i."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].kind != "op":
            continue
        if tokens[j].text in pairs:
            depth += 1
        elif tokens[j].text in pairs.values():
            depth -= 1
            if depth == 0:
                return j
    raise QueryError("unbalanced brackets in the query")


def _top(tokens: list[Token], start: int, j: int) -> bool:
    """Whether token j sits at the bracket depth of token `start`."""
    depth = 0
    for token in tokens[start:j]:
        if token.kind == "op" and token.text in "([{":
            depth += 1
        elif token.kind == "op" and token.text in ")]}":
            depth -= 1
    return depth == 0


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _unquote(token: Token) -> str:
    return token.text[1:-1].replace("``", "`") if token.kind == "bq" else token.text


def _text(tokens: Iterable[Token]) -> str:
    return "".join(token.text for token in tokens)


def _relationship_head(inner: list[Token]) -> tuple[str, list[str], int]:
    """A relationship pattern's variable, its types (`:A|B`, `:A|:B`) and where the rest
    (length, properties) starts."""
    j = _next(inner, 0)
    var = ""
    if j < len(inner) and inner[j].kind in ("name", "bq"):
        var = inner[j].text
        j = _next(inner, j + 1)
    types: list[str] = []
    if j < len(inner) and inner[j].text == ":":
        j = _next(inner, j + 1)
        while j < len(inner):
            types.append(_unquote(inner[j]))
            j = _next(inner, j + 1)
            if j < len(inner) and inner[j].text == "|":
                j = _next(inner, j + 1)
                if j < len(inner) and inner[j].text == ":":
                    j = _next(inner, j + 1)
                continue
            break
    return var, types, j


def _with_property(rest: list[Token], condition: str) -> list[Token]:
    """The rest of a pattern with `condition` (`key: value`) first in its property map."""
    k = _next(rest, 0)
    if k < len(rest) and rest[k].text == "{":
        close = _closing(rest, k)
        body = _text(rest[k + 1 : close]).strip()
        props = "{" + condition + (", " + body if body else "") + "}"
        return _tokens(" " + props) + rest[close + 1 :]
    return _tokens(" {" + condition + "}") + rest


def _type_condition(var: str, types: list[str]) -> str:
    """Which relationships of the embedded tables carry one of `types`: an entity's
    relation names its type in the `type` column of the one relation table."""
    acts = sorted({t for t in types if t != MENTIONS})
    listed = ", ".join(f"'{t}'" for t in acts)
    condition = f"{var}.type = {listed}" if len(acts) == 1 else f"{var}.type IN [{listed}]"
    if MENTIONS not in types:
        return condition
    return f"(label({var}) = '{MENTIONS}' OR {condition})"


@dataclass(slots=True)
class Translator:
    """Rewrites one Neo4j query for the embedded store.

    Every relation between entities lives in one table, `RELATION`, with its Neo4j type in
    a `type` column: `[r:A|B]` becomes `[r:RELATION]` held to `r.type IN ['A', 'B']`, and
    `type(r)` reads that column."""

    _fresh: int = field(default=0)
    columns: list[str] = field(default_factory=list)
    _collected: set[str] = field(default_factory=set)
    _relationship_types: dict[str, set[str]] = field(default_factory=dict)
    _pending: dict[str, str] = field(default_factory=dict)

    def translate(self, text: str) -> str:
        tokens = _tokens(text)
        self._collected = set(re.findall(r"collect\s*\(.*?\)\s+AS\s+`?(\w+)", text, re.I))
        self._check_clauses(tokens)
        self._pending = {}
        self._relationship_variables(tokens, text)
        tokens = self._return_aliases(tokens)
        tokens = self._comprehensions(tokens)
        tokens = self._functions(tokens)
        tokens = self._shortest_paths(tokens)
        tokens = self._bare_relationships(tokens)
        tokens = self._patterns(tokens)
        tokens = self._label_predicates(tokens)
        tokens = self._match_conditions(tokens)
        if self._pending:
            raise _refuse("a relationship of several types outside a MATCH pattern;")
        tokens = self._names(tokens)
        return _text(tokens)

    def _relationship_variables(self, tokens: list[Token], text: str) -> None:
        """Note the types each relationship variable can have, for `type()`, and refuse
        `r.type`: Neo4j has no such property (null), the embedded table has."""
        self._relationship_types = {}
        for i, token in enumerate(tokens):
            if token.kind == "op" and token.text == "[" and self._is_relationship(tokens, i):
                var, types, _ = _relationship_head(tokens[i + 1 : _closing(tokens, i)])
                if var:
                    known = self._relationship_types.setdefault(var, set())
                    known.update(types or ["*"])
        listed = r"(\w+)\s+IN\s+relationships\s*\(|relationships\s*\([^)]*\)\s+AS\s+(\w+)"
        for match in re.finditer(listed, text, re.I):
            self._relationship_types.setdefault(match.group(1) or match.group(2), set()).add("*")
        # A relationship renamed (`WITH r AS s`, `WITH r AS s, s AS t`) is still one.
        renames = re.findall(r"(?<![.\w`])(\w+)\s+AS\s+(\w+)", text, re.I)
        grew = True
        while grew:
            grew = False
            for old_name, new_name in renames:
                known = self._relationship_types.get(old_name)
                if known and not known <= self._relationship_types.get(new_name, set()):
                    self._relationship_types.setdefault(new_name, set()).update(known)
                    grew = True
        for i, token in enumerate(tokens):
            dot = _next(tokens, i + 1)
            key = _next(tokens, dot + 1)
            if (
                token.kind in ("name", "bq")
                and token.text in self._relationship_types
                and key < len(tokens)
                and tokens[dot].text == "."
                and _unquote(tokens[key]).lower() == "type"
            ):
                raise _refuse(
                    f"`{token.text}.{_unquote(tokens[key])}`: a relationship has no `type` "
                    "property in Neo4j (null there, its type here); use `type(...)`, or"
                )

    def _check_clauses(self, tokens: list[Token]) -> None:
        in_with = ordered = False
        for i, token in enumerate(tokens):
            if token.low in ("with", "return", "match", "unwind"):
                before = tokens[_prev(tokens, i)].low if i else ""
                if before not in ("starts", "ends"):
                    in_with = token.low == "with"
            ordered = ordered or (in_with and token.low == "order")
            if ordered and token.low == "collect":
                raise _refuse(
                    "collect() after a WITH ... ORDER BY (the embedded engine does not keep "
                    "that order into the list);"
                )
            if token.text == "=~":
                pattern = tokens[_next(tokens, i + 1)]
                if pattern.kind != "str" or "(?" in pattern.text:
                    raise _refuse(
                        "`=~` with a pattern that is not a plain literal (regex flags and "
                        "dialects differ between the engines);"
                    )
            if token.low == "call" and (i == 0 or tokens[_prev(tokens, i)].text != "."):
                raise _refuse("`CALL` (Neo4j procedures such as full-text search);")
            if token.low in WRITE_CLAUSES and (i == 0 or tokens[_prev(tokens, i)].text != "."):
                raise _refuse(f"`{token.text.upper()}` writes, and polgraph query only reads;")
            if token.kind == "op" and token.text == ";":
                raise _refuse("one statement at a time (no `;`);")

    # -- expressions -------------------------------------------------------------------

    def _comprehensions(self, tokens: list[Token]) -> list[Token]:
        """`[x IN list WHERE c | e]` becomes `list_transform(list_filter(list, x -> c), x -> e)`."""
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            first = _next(tokens, i + 1)
            second = _next(tokens, first + 1)
            if (
                token.kind == "op"
                and token.text == "["
                and first < len(tokens)
                and tokens[first].kind == "name"
                and second < len(tokens)
                and tokens[second].low == "in"
            ):
                end = _closing(tokens, i)
                out.extend(self._comprehension(tokens[first].text, tokens[second + 1 : end]))
                i = end + 1
                continue
            out.append(token)
            i += 1
        return out

    def _comprehension(self, var: str, body: list[Token]) -> list[Token]:
        body = self._comprehensions(body)
        depth = 0
        where = bar = None
        for j, token in enumerate(body):
            if token.kind == "op" and token.text in "([{":
                depth += 1
            elif token.kind == "op" and token.text in ")]}":
                depth -= 1
            elif depth == 0 and token.low == "where" and where is None:
                where = j
            elif depth == 0 and token.kind == "op" and token.text == "|":
                bar = j
        stop = min(x for x in (where, bar, len(body)) if x is not None)
        text = _text(body[:stop]).strip()
        if where is not None:
            condition = _text(body[where + 1 : bar if bar is not None else len(body)]).strip()
            text = f"list_filter({text}, {var} -> {condition})"
        if bar is not None:
            text = f"list_transform({text}, {var} -> {_text(body[bar + 1 :]).strip()})"
        return _tokens(text)

    def _functions(self, tokens: list[Token]) -> list[Token]:
        """Rename, keep or refuse each function call; `sum()` of no rows is 0 in Neo4j and
        null in LadybugDB, so it becomes `coalesce(sum(...), 0)`."""
        out: list[Token] = []
        close_after: set[int] = set()
        skip_to = -1
        for i, token in enumerate(tokens):
            if i <= skip_to:
                continue
            out.append(token)
            if i in close_after:
                out.extend(_tokens(", 0)"))
            if token.kind == "op" and token.text == "[" and self._is_index(tokens, i):
                raise _refuse("list indexing or slicing (the embedded engine counts from 1);")
            if token.kind != "name" or token.low in KEYWORDS:
                continue
            after = _next(tokens, i + 1)
            before = _prev(tokens, i)
            if after >= len(tokens) or tokens[after].text != "(":
                continue
            if before >= 0 and tokens[before].text in (".", ":"):
                continue
            name = token.low
            if name in ("shortestpath", "allshortestpaths", "list_transform", "list_filter"):
                continue
            if name == "type":
                skip_to = _closing(tokens, after)
                out[-1:] = self._type_of(tokens[after + 1 : skip_to])
                continue
            if name in RENAMED_FUNCTIONS:
                token.text = RENAMED_FUNCTIONS[name]
            elif name in REFUSED_FUNCTIONS:
                raise _refuse(f"`{token.text}()`: {REFUSED_FUNCTIONS[name]}")
            elif name not in SAME_FUNCTIONS:
                raise _refuse(
                    f"`{token.text}()` is not known to give the same answer on both engines;"
                )
            argument = _next(tokens, after + 1)
            if argument < len(tokens) and tokens[argument].text == "(":
                raise _refuse(f"a pattern inside `{token.text}()`;")
            if name == "size" and not self._is_list(tokens, after):
                raise _refuse(
                    "`size()` of what may be a string (the engines count characters "
                    "differently); `size()` of aliases, roles, nodes(p) or collect() is fine, or"
                )
            if name == "sum":
                out[-1:] = _tokens("coalesce(") + [token]
                close_after.add(_closing(tokens, after))
        return out

    def _type_of(self, argument: list[Token]) -> list[Token]:
        """`type(r)`: the `type` column of an entity relation, the table name of a mention.
        LadybugDB rejects `r.type` where r can only be a mention, so that reads the label."""
        words = [t for t in argument if t.kind != "ws"]
        if len(words) != 1 or words[0].kind not in ("name", "bq"):
            raise _refuse("`type()` of anything but a relationship variable;")
        var = words[0].text
        types = self._relationship_types.get(var, {"*"})
        if types == {MENTIONS}:
            return _tokens(f"label({var})")
        if "*" in types or MENTIONS in types:
            return _tokens(f"coalesce({var}.type, label({var}))")
        return _tokens(f"{var}.type")

    def _is_list(self, tokens: list[Token], paren: int) -> bool:
        inner = _text(tokens[paren + 1 : _closing(tokens, paren)])
        if _LIST_ARGUMENT.match(inner):
            return True
        name = inner.strip().strip("`")
        return name in self._collected

    @staticmethod
    def _is_index(tokens: list[Token], i: int) -> bool:
        """`xs[0]`, `xs[1..2]`: a bracket right after a value, not after `-` or a keyword."""
        before = _prev(tokens, i)
        if before < 0:
            return False
        prev = tokens[before]
        if prev.kind in ("bq", "param") or prev.text in (")", "]"):
            return True
        return prev.kind == "name" and prev.low not in KEYWORDS

    # -- patterns ----------------------------------------------------------------------

    def _shortest_paths(self, tokens: list[Token]) -> list[Token]:
        """`shortestPath((a)-[*..n]-(b))` becomes `(a)-[* SHORTEST 1..n]-(b)`."""
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.low in ("shortestpath", "allshortestpaths"):
                start = _next(tokens, i + 1)
                end = _closing(tokens, start)
                inner = tokens[start + 1 : end]
                rels = [j for j, t in enumerate(inner) if t.kind == "op" and t.text == "["]
                if len(rels) != 1:
                    raise _refuse(f"`{token.text}` over anything but one relationship pattern;")
                star = next((j for j in range(rels[0], len(inner)) if inner[j].text == "*"), None)
                if star is None:
                    raise _refuse(f"`{token.text}` without a variable-length `*`;")
                mode = "SHORTEST" if token.low == "shortestpath" else "ALL SHORTEST"
                inner[star] = Token("op", f"* {mode}")
                out.extend(inner)
                i = end + 1
                continue
            out.append(token)
            i += 1
        return out

    @staticmethod
    def _bare_relationships(tokens: list[Token]) -> list[Token]:
        """`(a)-->(b)`, `(a)<--(b)`, `(a)--(b)` get brackets, `-[]->`, so that uniqueness
        applies to them like to any other relationship."""
        shapes = {("-", "->"): "-[]->", ("<-", "-"): "<-[]-", ("-", "-"): "-[]-"}
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            out.append(tokens[i])
            pair = tuple(t.text for t in tokens[i + 1 : i + 3])
            follows = _next(tokens, i + 3)
            if (
                tokens[i].text == ")"
                and pair in shapes
                and follows < len(tokens)
                and tokens[follows].text == "("
            ):
                out.extend(_tokens(shapes[pair]))
                i += 3
                continue
            i += 1
        return out

    def _patterns(self, tokens: list[Token]) -> list[Token]:
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.kind == "op" and token.text == "(" and self._is_node(tokens, i):
                end = _closing(tokens, i)
                out.extend(self._node(tokens[i + 1 : end]))
                i = end + 1
                continue
            if token.kind == "op" and token.text == "[" and self._is_relationship(tokens, i):
                end = _closing(tokens, i)
                out.extend(self._relationship(tokens[i + 1 : end]))
                i = end + 1
                continue
            out.append(token)
            i += 1
        return out

    @staticmethod
    def _is_node(tokens: list[Token], i: int) -> bool:
        """`(n:Label ...)` or `(:Label ...)`: a colon right after an optional variable."""
        j = _next(tokens, i + 1)
        if j < len(tokens) and tokens[j].kind in ("name", "bq"):
            j = _next(tokens, j + 1)
        return j < len(tokens) and tokens[j].text == ":"

    @staticmethod
    def _is_relationship(tokens: list[Token], i: int) -> bool:
        before = _prev(tokens, i)
        return before >= 0 and tokens[before].text in ("-", "<-")

    def _node(self, inner: list[Token]) -> list[Token]:
        j = _next(inner, 0)
        var = inner[j].text if inner[j].kind in ("name", "bq") else ""
        if var:
            j = _next(inner, j + 1)
        labels: list[str] = []
        while j < len(inner) and inner[j].text == ":":
            j = _next(inner, j + 1)
            labels.append(_unquote(inner[j]))
            j = _next(inner, j + 1)
            if j < len(inner) and inner[j].text in ("|", "&", "!", "%"):
                raise _refuse("label expressions (`|`, `&`, `!`, `%`) on a node;")
        rest = inner[j:]
        tables = [label for label in labels if label in NODE_TABLES]
        types = [label for label in labels if label not in NODE_TABLES]
        if "Article" in tables and types or len(set(tables)) > 1:
            raise _refuse(f"a node labelled {':'.join(labels)} (no node has these labels);")
        if len(set(types)) > 1:
            raise _refuse(
                f"a node with two type labels {':'.join(labels)} "
                "(each entity has one type in the embedded store);"
            )
        head = f"({var}"
        if not types:
            return _tokens(head + "".join(f":{t}" for t in tables)) + rest + [Token("op", ")")]
        rest = _with_property(rest, f"label: '{types[0]}'")
        return _tokens(head + ":Entity") + rest + [Token("op", ")")]

    def _relationship(self, inner: list[Token]) -> list[Token]:
        """Typed relationships between entities become the one relation table held to their
        types: inline for one type, in the MATCH's WHERE for several (see
        `_match_conditions`), in the per-step filter of a variable-length pattern."""
        var, types, j = _relationship_head(inner)
        rest = inner[j:]
        k = _next(rest, 0)
        length = ""
        if k < len(rest) and rest[k].text.startswith("*"):
            length, rest = self._length(rest[k].text, rest[k + 1 :])
            if _next(rest, 0) < len(rest):
                raise _refuse("properties on a variable-length relationship;")
        if self._has_type_key(rest):
            raise _refuse("a `type` key in a relationship's properties (none has one in Neo4j);")
        wrong = [t for t in types if not is_relation_type(t)]
        if wrong:
            raise _refuse(
                f"relationship type {wrong[0]!r}: polgraph stores only [A-Z][A-Z0-9_]* types;"
            )
        acts = [t for t in types if t != MENTIONS]
        tables = ([MENTIONS] if MENTIONS in types else []) + ([RELATION_TABLE] if acts else [])
        head = f"[{var}" + (":" + "|".join(map(_quote, tables)) if tables else "")
        if not acts:
            return _tokens(head + length) + rest + [Token("op", "]")]
        if length:
            step = "_polgraph_step"
            condition = _type_condition(step, types)
            return _tokens(f"{head}{length} ({step}, _polgraph_node | WHERE {condition})]")
        if len(set(acts)) == 1 and MENTIONS not in types:
            return _tokens(head) + _with_property(rest, f"type: '{acts[0]}'") + _tokens("]")
        if not var:
            self._fresh += 1
            var = f"_polgraph_r{self._fresh}"
            head = f"[{var}:" + "|".join(map(_quote, tables))
        self._pending[var] = _type_condition(var, types)
        return _tokens(head) + rest + [Token("op", "]")]

    @staticmethod
    def _has_type_key(rest: list[Token]) -> bool:
        k = _next(rest, 0)
        if k >= len(rest) or rest[k].text != "{":
            return False
        body = rest[k + 1 : _closing(rest, k)]
        return any(
            _unquote(t).lower() == "type"
            and _next(body, n + 1) < len(body)
            and body[_next(body, n + 1)].text == ":"
            and (_prev(body, n) < 0 or body[_prev(body, n)].text == ",")
            for n, t in enumerate(body)
            if t.kind in ("name", "bq")
        )

    @staticmethod
    def _length(star: str, rest: list[Token]) -> tuple[str, list[Token]]:
        """`*`, `*n`, `*a..b`, `*..b` → ` * TRAIL a..b` (Neo4j never repeats a relationship
        within a path; LadybugDB's default walk does)."""
        mode = star[1:].strip() or "TRAIL"
        k = _next(rest, 0)
        low = high = None
        if k < len(rest) and rest[k].kind == "num":
            low = rest[k].text
            k = _next(rest, k + 1)
        ranged = k < len(rest) and rest[k].text == ".."
        if ranged:
            k = _next(rest, k + 1)
            if k < len(rest) and rest[k].kind == "num":
                high = rest[k].text
                k = _next(rest, k + 1)
        elif low is not None:
            high = low
        if high is None:
            raise _refuse(
                "a variable-length pattern without an upper bound (the embedded engine stops "
                "at 30 hops where Neo4j does not); give one, e.g. `*1..5`, or"
            )
        low = low or "1"
        if "SHORTEST" in mode and low not in ("0", "1"):
            raise _refuse("a shortest path with a lower bound above 1;")
        if "SHORTEST" in mode and low == "0":
            raise _refuse("a shortest path of length 0;")
        return f"* {mode} {low}..{high}", rest[k:]

    @staticmethod
    def _label_predicates(tokens: list[Token]) -> list[Token]:
        """`WHERE n:Entity` becomes `label(n) = 'Entity'`, `n:Person` becomes
        `coalesce(n.label = 'Person', false)`: false, as in Neo4j, for a node of another kind."""
        out: list[Token] = []
        stack: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.kind == "op" and token.text in "([{":
                stack.append(token.text)
            elif token.kind == "op" and token.text in ")]}":
                stack.pop()
            colon = _next(tokens, i + 1)
            label = _next(tokens, colon + 1)
            before = _prev(tokens, i)
            if (
                token.kind == "name"
                and token.low not in KEYWORDS
                and colon < len(tokens)
                and tokens[colon].text == ":"
                and label < len(tokens)
                and tokens[label].kind in ("name", "bq")
                and stack[-1:] != ["{"]
                and stack[-1:] != ["["]
                and (before < 0 or tokens[before].text != "(")
            ):
                name = _unquote(tokens[label])
                if _next(tokens, label + 1) < len(tokens) and tokens[
                    _next(tokens, label + 1)
                ].text in (":", "|", "&"):
                    raise _refuse("a label expression in a WHERE;")
                if name in NODE_TABLES:
                    out.extend(_tokens(f"label({token.text}) = '{name}'"))
                else:
                    out.extend(_tokens(f"coalesce({token.text}.label = '{name}', false)"))
                i = label + 1
                continue
            out.append(token)
            i += 1
        return out

    def _match_conditions(self, tokens: list[Token]) -> list[Token]:
        """Each MATCH gets the WHERE conditions its patterns need: the types of relationships
        with several (`r.type IN [...]`), and `id(r1) <> id(r2)` between its relationships,
        as Neo4j never binds one relationship twice within a MATCH and LadybugDB does."""
        out = list(tokens)
        i = 0
        while i < len(out):
            if out[i].low != "match":
                i += 1
                continue
            start = i + 1
            end = self._clause_end(out, start)
            where = next(
                (j for j in range(start, end) if out[j].low == "where" and _top(out, start, j)),
                None,
            )
            stop = where if where is not None else end
            if where is not None and any(t.low == "shortest" for t in out[start:stop]):
                raise _refuse(
                    "a WHERE in the MATCH of a shortest path (Neo4j searches for the shortest "
                    "path that satisfies it, the embedded engine filters the one it found);"
                )
            rels = [
                j
                for j in range(start, stop)
                if out[j].text.startswith("[") and self._is_relationship(out, j)
            ]
            conditions = [
                self._pending.pop(out[k].text)
                for k in (_next(out, j + 1) for j in rels)
                if out[k].kind in ("name", "bq") and out[k].text in self._pending
            ]
            names = []
            for j in reversed(rels if len(rels) > 1 else []):
                close = _closing(out, j)
                if any(t.text == "*" for t in out[j:close]):
                    raise _refuse(
                        "a variable-length or shortest path next to other relationships in one "
                        "MATCH (relationship uniqueness cannot be carried over); split it into "
                        "two MATCH clauses if repeats are fine, or"
                    )
                k = _next(out, j + 1)
                if out[k].kind in ("name", "bq"):
                    names.append(out[k].text)
                else:
                    self._fresh += 1
                    name = f"_polgraph_r{self._fresh}"
                    out.insert(j + 1, Token("name", name))
                    names.append(name)
                    if where is not None:
                        where += 1
                    end += 1
            names.reverse()
            conditions += [
                f"id({a}) <> id({b})" for n, a in enumerate(names) for b in names[n + 1 :]
            ]
            if not conditions:
                i = end
                continue
            condition = " AND ".join(conditions)
            if where is None:
                out[end:end] = _tokens(f" WHERE {condition} ")
            else:
                out[end:end] = _tokens(") ")
                out[where + 1 : where + 1] = _tokens(f" ({condition}) AND (")
            i = self._clause_end(out, start)
        return out

    @staticmethod
    def _clause_end(tokens: list[Token], start: int) -> int:
        """Where the clause starting at `start` ends: the next clause keyword at its depth,
        or the bracket that closes its subquery."""
        depth = 0
        for j in range(start, len(tokens)):
            token = tokens[j]
            if token.kind == "op" and token.text in "([{":
                depth += 1
            elif token.kind == "op" and token.text in ")]}":
                depth -= 1
                if depth < 0:
                    return j
            elif depth == 0 and token.low in CLAUSES - {"where"}:
                before = _prev(tokens, j)
                if not (
                    token.low == "with" and before >= 0 and tokens[before].low in ("starts", "ends")
                ):
                    return j
        return len(tokens)

    # -- names -------------------------------------------------------------------------

    def _names(self, tokens: list[Token]) -> list[Token]:
        """Backquote property names, aliases and map keys: LadybugDB reserves words such as
        `end` that Neo4j accepts there."""
        stack: list[str] = []
        for i, token in enumerate(tokens):
            if token.kind == "op" and token.text in "([{":
                stack.append(token.text)
            elif token.kind == "op" and token.text in ")]}":
                stack.pop()
            if token.kind != "name":
                continue
            before = _prev(tokens, i)
            after = _next(tokens, i + 1)
            prev_text = tokens[before].text if before >= 0 else ""
            next_text = tokens[after].text if after < len(tokens) else ""
            property_access = prev_text == "." and next_text != "("
            alias = tokens[before].low == "as" if before >= 0 else False
            map_key = stack[-1:] == ["{"] and prev_text in ("{", ",") and next_text == ":"
            if property_access or alias or map_key:
                token.kind, token.text = "bq", _quote(token.text)
        return tokens

    def _return_aliases(self, tokens: list[Token]) -> list[Token]:
        """Project every RETURN column under a private name and remember the one Neo4j would
        give it (its alias, else the expression's text). LadybugDB resolves a name in ORDER BY
        to the variable it shadows in one case and to the column in another; a private name
        is never ambiguous, and `columns` renames the result back."""
        out: list[Token] = []
        i = 0
        depth = 0
        while i < len(tokens):
            token = tokens[i]
            out.append(token)
            depth += _depth_change(token)
            i += 1
            if token.low != "return" or depth != 0:
                continue
            j = _next(tokens, i)
            if j < len(tokens) and tokens[j].low == "distinct":
                out.extend(tokens[i : j + 1])
                i = j + 1
            items, i = _items(tokens, i, _RETURN_END)
            if _text(items[0]).strip() == "*":
                raise _refuse("`RETURN *` (columns would be named differently);")
            aliases: dict[str, str] = {}
            self.columns = []
            for n, item in enumerate(items):
                expression, name = _split_alias(item)
                private = f"{_COLUMN}{n}"
                aliases[name] = private
                self.columns.append(name)
                alias = [Token("ws", " "), Token("name", "AS"), Token("ws", " ")]
                out.extend(
                    ([Token("op", ",")] if n else [])
                    + _strip(expression)
                    + alias
                    + [Token("bq", _quote(private))]
                )
            out.append(Token("ws", " "))
            j = _next(tokens, i)
            if j < len(tokens) and tokens[j].low == "order":
                by = _next(tokens, j + 1)
                out.extend(tokens[i : by + 1])
                keys, i = _items(tokens, by + 1, _RETURN_END - {"order"})
                for n, key in enumerate(keys):
                    key = _strip(_order_key(key, aliases))
                    out.extend(([Token("op", ",")] if n else []) + key)
                out.append(Token("ws", " "))
        return out


def _split_alias(item: list[Token]) -> tuple[list[Token], str]:
    """A RETURN item's expression and the column name Neo4j gives it."""
    at = next((k for k, t in enumerate(item) if t.low == "as"), None)
    if at is None:
        return item, _text(item).strip()
    return item[:at], _unquote(item[_next(item, at + 1)])


def _strip(item: list[Token]) -> list[Token]:
    """An item without blanks around it, spaced after its comma: LadybugDB rejects `x , y`."""
    words = [k for k, t in enumerate(item) if t.kind != "ws"]
    if not words:
        return item
    return [Token("ws", " ")] + item[words[0] : words[-1] + 1]


def _depth_change(token: Token) -> int:
    if token.kind == "op" and token.text in "([{":
        return 1
    if token.kind == "op" and token.text in ")]}":
        return -1
    return 0


def _items(tokens: list[Token], i: int, stops: frozenset[str]) -> tuple[list[list[Token]], int]:
    """The comma-separated items from i up to a stop keyword at depth 0, and where they end."""
    items: list[list[Token]] = [[]]
    depth = 0
    while i < len(tokens):
        token = tokens[i]
        if depth == 0 and token.low in stops:
            break
        depth += _depth_change(token)
        if depth == 0 and token.kind == "op" and token.text == ",":
            items.append([])
        else:
            items[-1].append(token)
        i += 1
    return items, i


def _order_key(key: list[Token], aliases: dict[str, str]) -> list[Token]:
    words = [k for k, t in enumerate(key) if t.kind != "ws"]
    if not words or key[words[0]].kind not in ("name", "bq"):
        return key
    if len(words) > 1 and key[words[1]].low not in ("asc", "desc", "ascending", "descending"):
        return key
    name = _unquote(key[words[0]])
    if name not in aliases:
        return key
    return key[: words[0]] + [Token("bq", _quote(aliases[name]))] + key[words[0] + 1 :]


def normalize(value: Any) -> Any:
    """A value as plain Python, the same from either engine: nodes and relationships become
    their property maps (no nulls, as Neo4j stores none), paths {nodes, relationships}."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list | tuple):
        return [normalize(item) for item in value]
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {
                "nodes": normalize(value["_NODES"]),
                "relationships": normalize(value["_RELS"]),
            }
        if "_ID" in value and "_LABEL" in value:
            # An entity relation's `type` column is its Neo4j type, not a property.
            typed = value["_LABEL"] == RELATION_TABLE
            return _properties(
                (key, item)
                for key, item in value.items()
                if not key.startswith("_") and not (typed and key == "type")
            )
        return {key: normalize(item) for key, item in value.items()}
    if isinstance(value, Path):
        return {
            "nodes": [normalize(node) for node in value.nodes],
            "relationships": [normalize(rel) for rel in value.relationships],
        }
    if isinstance(value, Node | Relationship):
        return _properties(value.items())
    return value


def _properties(items: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """Properties sorted by name: Neo4j keeps no order, and keeps no nulls."""
    return {key: normalize(item) for key, item in sorted(items) if item is not None}


def _parameters(text: str, params: dict[str, Any]) -> dict[str, Any]:
    used = {token.text[1:] for token in _tokens(text) if token.kind == "param"}
    missing = used - set(params)
    if missing:
        raise QueryError(f"missing query parameter(s): {', '.join(sorted(missing))}")
    return {name: value for name, value in params.items() if name in used}


def run_embedded(
    store_path: str | FilePath, text: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    with Store(store_path, read_only=True) as store:
        translator = Translator()
        translated = translator.translate(text)
        try:
            rows = store.execute(translated, _parameters(text, params))
        except RuntimeError as error:
            reason = str(error).splitlines()[0]
            raise _refuse(f"{reason};") from None
    return [
        {
            name: normalize(value)
            for name, value in zip(translator.columns, row.values(), strict=True)
        }
        for row in rows
    ]


def run_neo4j(settings: Neo4jSettings, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Errors come back as `Neo4jFailure`, one line naming the URI."""
    from polgraph.graph.neo4j.connect import connect, translated

    with connect(settings) as driver, translated(settings):
        records, _, keys = driver.execute_query(
            text, params, database_=settings.database, routing_=neo4j.RoutingControl.READ
        )
    return [{key: normalize(record[key]) for key in keys} for record in records]


def query(
    text: str,
    params: dict[str, Any] | None = None,
    backend: Backend = "embedded",
    *,
    store: str | FilePath | None = None,
    neo4j: Neo4jSettings | None = None,
) -> list[dict[str, Any]]:
    """Run read-only Cypher on either engine; rows come back as plain dicts, the same shape
    from both, so a notebook or a test can compare them."""
    params = dict(params or {})
    if backend == "neo4j":
        if neo4j is None:
            raise QueryError("no Neo4j settings given for --backend neo4j")
        return run_neo4j(neo4j, text, params)
    if store is None:
        raise QueryError("no embedded store given")
    return run_embedded(store, text, params)
