"""Small generated news corpora for the streaming, resume and engine tests.

Real names and plain political sentences, so the model finds actors and the extractor
finds relations; each article differs, so the order of writes matters to the store.
"""

import json
from pathlib import Path

LEADERS = (
    "Emmanuel Macron",
    "Olaf Scholz",
    "Joe Biden",
    "Vladimir Putin",
    "Narendra Modi",
    "Xi Jinping",
    "Giorgia Meloni",
    "Keir Starmer",
)
COUNTRIES = ("France", "Germany", "Russia", "India", "China", "Italy", "Japan", "Brazil")
ACTS = ("criticised", "praised", "thanked", "warned", "sanctioned", "invited")


def article(number: int) -> dict[str, str]:
    one = LEADERS[number % len(LEADERS)]
    two = LEADERS[(number * 3 + 1) % len(LEADERS)]
    if two == one:
        two = LEADERS[(number + 1) % len(LEADERS)]
    country = COUNTRIES[number % len(COUNTRIES)]
    act = ACTS[number % len(ACTS)]
    text = (
        f"{one} {act} {two} on Tuesday.\n\n"
        f"{country} sanctioned {COUNTRIES[(number + 2) % len(COUNTRIES)]} over the dispute, "
        f"and {two} invited {one} to a summit in {COUNTRIES[(number + 5) % len(COUNTRIES)]}.\n\n"
        f"Officials said {one} could thank {two} later this year."
    )
    return {
        "id": f"gen-{number:04d}",
        "title": f"Story {number}",
        "date": f"2025-03-{number % 28 + 1:02d}",
        "text": text,
    }


def write_corpus(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as sink:
        for number in range(count):
            sink.write(json.dumps(article(number)) + "\n")
    return path
