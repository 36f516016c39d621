"""Graphs in the store's networkx shape without running the pipeline.

The benchmark needs a graph of a given size and the drawing needs a demo before any
corpus is loaded; both are built here so their shape follows the store's in one place.
"""

from __future__ import annotations

import random
from typing import Any

import networkx as nx

from polgraph.graph.rows import RELATION_PROPERTIES, entity_label
from polgraph.ingest.records import entity_id

_VERBS: tuple[tuple[str, int, int], ...] = (
    ("CRITICIZE", 3, -1),
    ("THREATEN", 4, -1),
    ("ACCUSE", 3, -1),
    ("SANCTION", 4, -1),
    ("PRAISE", 1, 1),
    ("MEET", 2, 1),
    ("SUPPORT", 1, 1),
    ("OFFER_ASYLUM", 1, 1),
    ("SAY", 1, 0),
    ("MEMBER_OF", 0, 0),
)
_TYPES: tuple[str, ...] = ("PERSON", "PERSON", "PERSON", "ORG", "GPE", "NORP")


def add_actor(graph: nx.MultiDiGraph, name: str, ent_type: str, **attrs: Any) -> str:
    """Add a node shaped like the store's: id, name, type, label, aliases, roles, counts."""
    node = entity_id(name)
    graph.add_node(
        node,
        id=node,
        name=name,
        type=ent_type,
        label=entity_label(ent_type),
        aliases=list(attrs.get("aliases", [])),
        roles=list(attrs.get("roles", [])),
        articles=int(attrs.get("articles", 1)),
        mentions=int(attrs.get("mentions", 1)),
    )
    return node


def add_relation(
    graph: nx.MultiDiGraph, source: str, target: str, rel_type: str, **attrs: Any
) -> str:
    """Add an edge shaped like the store's: every relation property, missing ones None."""
    row: dict[str, Any] = dict.fromkeys(RELATION_PROPERTIES)
    row.update(polarity=0, modality="asserted", confidence=0.5, former=False, start=0, end=0)
    row.update(attrs)
    row["type"] = rel_type
    row.setdefault("title", None)
    key = str(row.get("id") or f"r{graph.number_of_edges()}")
    row["id"] = key
    graph.add_edge(source, target, key=key, **row)
    return key


def synthetic_graph(nodes: int, edges: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """A news-like graph: a few actors everybody talks about, a long tail of the rest.

    Targets are drawn with preferential attachment so degrees are skewed like a real
    corpus, which is what makes layout and drawing hard.
    """
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    ids = [
        add_actor(
            graph,
            f"Actor {i}",
            rng.choice(_TYPES),
            aliases=[f"A{i}"],
            mentions=rng.randint(1, 40),
            articles=rng.randint(1, 20),
        )
        for i in range(nodes)
    ]
    pool = list(ids)
    for i in range(edges):
        source = rng.choice(ids)
        target = rng.choice(pool)
        if target == source:
            target = rng.choice(ids)
        pool.append(target)
        verb, quad, polarity = rng.choice(_VERBS)
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = f"art{rng.randint(0, edges // 3)}"
        add_relation(
            graph,
            source,
            target,
            verb,
            id=f"r{i}",
            text=verb.lower(),
            rule="synthetic",
            quad_class=quad,
            polarity=polarity,
            modality=rng.choice(("asserted", "asserted", "asserted", "reported", "hypothetical")),
            sentence=f"{graph.nodes[source]['name']} {verb.lower()} {graph.nodes[target]['name']}.",
            start=i,
            end=i + 40,
            article_id=article,
            date=day,
            title=f"Report {article}",
        )
    return graph


def feud_graph() -> nx.MultiDiGraph:
    """A small hand-read graph of the June 2025 Musk-Trump feud, for demos and docs."""
    graph = nx.MultiDiGraph()
    actor = {
        name: add_actor(graph, name, ent_type, **attrs)
        for name, ent_type, attrs in (
            ("Elon Musk", "PERSON", {"aliases": ["Musk"], "mentions": 14, "articles": 4}),
            ("Donald Trump", "PERSON", {"aliases": ["Trump"], "mentions": 11, "articles": 4}),
            (
                "Dmitry Novikov",
                "PERSON",
                {
                    "aliases": ["Novikov"],
                    "roles": ["First Deputy Chairman"],
                    "mentions": 3,
                },
            ),
            (
                "Dmitry Peskov",
                "PERSON",
                {"aliases": ["Peskov"], "roles": ["spokesman"], "mentions": 2},
            ),
            ("Steve Bannon", "PERSON", {"aliases": ["Bannon"], "roles": ["adviser"]}),
            ("Edward Snowden", "PERSON", {"aliases": ["Snowden"], "mentions": 2}),
            ("Graham Phillips", "PERSON", {"roles": ["blogger"]}),
            ("JD Vance", "PERSON", {"aliases": ["Vance"], "roles": ["Vice President"]}),
            ("Russia", "GPE", {"mentions": 6, "articles": 3}),
            ("United States", "GPE", {"aliases": ["U.S."], "mentions": 3, "articles": 2}),
            ("Kremlin", "ORG", {"mentions": 3, "articles": 2}),
            ("State Duma", "ORG", {"aliases": ["Duma"]}),
            ("SpaceX", "ORG", {"mentions": 4, "articles": 2}),
            ("NASA", "ORG", {"mentions": 2}),
            ("TASS", "ORG", {}),
            ("Republicans", "NORP", {"mentions": 3, "articles": 2}),
        )
    }
    asylum = {
        "article_id": "a1",
        "title": "Russian lawmaker floats asylum for Musk",
        "date": "2025-06-07",
    }
    feud = {"article_id": "a2", "title": "Trump and Musk trade barbs", "date": "2025-06-05"}
    bill = {"article_id": "a3", "title": "Musk attacks spending bill", "date": "2025-06-03"}
    truce = {"article_id": "a4", "title": "Musk says he regrets some posts", "date": "2025-06-11"}
    relations: list[tuple[str, str, str, int | None, int, str, str, dict[str, Any]]] = [
        (
            "Dmitry Novikov",
            "Elon Musk",
            "OFFER_ASYLUM",
            1,
            1,
            "hypothetical",
            "Novikov said Russia “could provide” asylum to Musk, should the billionaire seek it.",
            asylum,
        ),
        (
            "Russia",
            "Elon Musk",
            "OFFER_ASYLUM",
            1,
            1,
            "hypothetical",
            "If he did, Russia, of course, could provide it, Novikov said.",
            asylum,
        ),
        (
            "Russia",
            "Edward Snowden",
            "GRANT_ASYLUM",
            2,
            1,
            "asserted",
            "Novikov drew parallels to the asylum granted to Edward Snowden.",
            asylum,
        ),
        (
            "Russia",
            "Graham Phillips",
            "SHELTER",
            2,
            1,
            "asserted",
            "It has sheltered other figures critical of Western governments, including "
            "British blogger Graham Phillips.",
            asylum,
        ),
        (
            "Steve Bannon",
            "Elon Musk",
            "ACCUSE",
            3,
            -1,
            "asserted",
            "Steve Bannon branded Musk “an illegal alien” and called for his deportation.",
            asylum,
        ),
        (
            "Steve Bannon",
            "SpaceX",
            "DEMAND_SEIZURE",
            3,
            -1,
            "asserted",
            "Bannon called for the government seizure of SpaceX under the Defense Production Act.",
            asylum,
        ),
        (
            "Elon Musk",
            "NASA",
            "THREATEN",
            4,
            -1,
            "asserted",
            "Musk threatened to pull his Dragon spacecraft, NASA's link to the ISS.",
            asylum,
        ),
        (
            "Dmitry Peskov",
            "United States",
            "NOT_INTERFERE",
            1,
            0,
            "negated",
            "“This is a domestic issue of the United States, and we don't intend to "
            "interfere,” Peskov said.",
            asylum,
        ),
        (
            "Dmitry Novikov",
            "State Duma",
            "MEMBER_OF",
            0,
            0,
            "asserted",
            "Dmitry Novikov, First Deputy Chairman of the State Duma’s Committee on "
            "International Affairs, made the comment.",
            asylum,
        ),
        (
            "Dmitry Peskov",
            "Kremlin",
            "MEMBER_OF",
            0,
            0,
            "asserted",
            "Kremlin spokesman Dmitry Peskov distanced Moscow from the fray.",
            asylum,
        ),
        (
            "Dmitry Novikov",
            "TASS",
            "SAY",
            1,
            0,
            "asserted",
            "Novikov made the comment to Russian state news agency TASS.",
            asylum,
        ),
        (
            "Steve Bannon",
            "Donald Trump",
            "MEMBER_OF",
            0,
            0,
            "asserted",
            "Former Trump adviser Steve Bannon weighed in.",
            asylum,
        ),
        (
            "Elon Musk",
            "SpaceX",
            "MEMBER_OF",
            0,
            0,
            "asserted",
            "Musk, who runs SpaceX, hit back within minutes.",
            feud,
        ),
        (
            "Donald Trump",
            "Elon Musk",
            "THREATEN",
            4,
            -1,
            "asserted",
            "Trump threatened to cut Musk's government contracts.",
            feud,
        ),
        (
            "Donald Trump",
            "Elon Musk",
            "CRITICIZE",
            3,
            -1,
            "asserted",
            "Trump said he was “very disappointed” in Musk.",
            feud,
        ),
        (
            "Elon Musk",
            "Donald Trump",
            "CRITICIZE",
            3,
            -1,
            "asserted",
            "Musk said Trump would have lost the election without him.",
            feud,
        ),
        (
            "Elon Musk",
            "Donald Trump",
            "CRITICIZE",
            3,
            -1,
            "asserted",
            "Musk called the spending bill a “disgusting abomination”.",
            bill,
        ),
        (
            "Elon Musk",
            "Republicans",
            "CRITICIZE",
            3,
            -1,
            "asserted",
            "Musk urged voters to fire the Republicans who backed the bill.",
            bill,
        ),
        (
            "JD Vance",
            "Donald Trump",
            "SUPPORT",
            1,
            1,
            "asserted",
            "Vance said he was proud to stand beside the President.",
            feud,
        ),
        (
            "JD Vance",
            "Elon Musk",
            "PRAISE",
            1,
            1,
            "asserted",
            "Vance called Musk “an incredible entrepreneur”.",
            feud,
        ),
        (
            "JD Vance",
            "United States",
            "MEMBER_OF",
            0,
            0,
            "asserted",
            "Vice President JD Vance spoke to reporters.",
            feud,
        ),
        (
            "Donald Trump",
            "United States",
            "MEMBER_OF",
            0,
            0,
            "asserted",
            "President Donald Trump of the United States.",
            feud,
        ),
        (
            "Republicans",
            "Donald Trump",
            "SUPPORT",
            1,
            1,
            "reported",
            "Republicans in Congress were reported to rally behind Trump.",
            bill,
        ),
        (
            "Elon Musk",
            "Donald Trump",
            "REGRET",
            1,
            1,
            "asserted",
            "Musk said he regretted some of his posts about President Trump.",
            truce,
        ),
        (
            "Donald Trump",
            "Elon Musk",
            "ACCEPT_APOLOGY",
            1,
            1,
            "reported",
            "Trump was said to have welcomed Musk's regret.",
            truce,
        ),
        (
            "Kremlin",
            "Elon Musk",
            "SAY",
            1,
            0,
            "asserted",
            "The Kremlin said Musk's future was not its business.",
            truce,
        ),
    ]
    for start, (subj, obj, verb, quad, polarity, modality, sentence, article) in enumerate(
        relations
    ):
        add_relation(
            graph,
            actor[subj],
            actor[obj],
            verb,
            id=f"feud{start}",
            text=verb.lower().replace("_", " "),
            rule="hand-read",
            quad_class=quad,
            polarity=polarity,
            modality=modality,
            sentence=sentence,
            start=start * 100,
            end=start * 100 + len(sentence),
            subject_mention=subj,
            object_mention=obj,
            **article,
        )
    return graph
