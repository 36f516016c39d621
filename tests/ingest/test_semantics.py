from __future__ import annotations

import pytest
from spacy.language import Language

from polgraph.ingest.nlp import load_model
from polgraph.ingest.records import is_relation_type
from polgraph.ingest.semantics import Sense, lexicon, modality, parse_lexicon


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_dictionary_is_large_and_well_formed() -> None:
    lex = lexicon()
    assert len(lex.verbs) + len(lex.nouns) >= 400
    for sense in [*lex.verbs.values(), *lex.nouns.values(), *lex.pairs.values()]:
        assert is_relation_type(sense.type)
        if sense.cameo is not None:
            assert 1 <= int(sense.cameo[:2]) <= 20
            assert sense.goldstein is not None and -10 <= sense.goldstein <= 10


@pytest.mark.parametrize(
    ("lemma", "quad", "polarity"),
    [
        ("criticize", 3, -1),
        ("threaten", 3, -1),
        ("invade", 4, -1),
        ("arrest", 4, -1),
        ("praise", 1, 1),
        ("provide", 2, 1),
        ("meet", 1, 1),
        ("lead", 0, 0),
    ],
)
def test_quad_class_and_polarity_follow_the_code(lemma: str, quad: int, polarity: int) -> None:
    sense = lexicon().verbs[lemma]
    assert sense.quad_class == quad
    assert sense.polarity == polarity


def test_pairs_and_light_verbs() -> None:
    lex = lexicon()
    assert lex.pairs[("offer", "asylum")].type == "OFFER_ASYLUM"
    assert lex.pairs[("impose", "sanction")].quad_class == 4
    assert "make" in lex.light


def test_inert_rows_name_no_act_unless_a_phrasal_row_reads_them(nlp: Language) -> None:
    lex = parse_lexicon(
        "kind\tlemma\ttype\tcameo\tgoldstein\tflags\n"
        "inert\twalk\t-\t-\t-\t\ninert\tstay\t-\t-\t-\t\n"
        "verb\tstay on\tREMAIN\t-\t-\t\n"
    )
    doc = nlp("She walked in and stayed on, then made tea.")
    walked, stayed, made = (
        next(t for t in doc if t.text == w) for w in ("walked", "stayed", "made")
    )
    assert lex.names_no_act(walked)
    assert not lex.names_no_act(stayed) and not lex.names_no_act(made)


def test_quad_classes_cover_the_cameo_roots() -> None:
    assert [Sense("X", f"{root:02d}0").quad_class for root in (1, 5, 6, 8, 9, 13, 14, 20)] == [
        1, 1, 2, 2, 3, 3, 4, 4,
    ]  # fmt: skip


def test_bad_dictionary_rows_are_refused() -> None:
    header = "kind\tlemma\ttype\tcameo\tgoldstein\tflags\n"
    with pytest.raises(ValueError, match="unknown kind"):
        parse_lexicon(header + "adverb\tfast\tFAST\t010\t0\t\n")
    with pytest.raises(ValueError, match="unknown flags"):
        parse_lexicon(header + "verb\tgo\tGO\t010\t0\tweird\n")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Russia could provide asylum to him.", "provide", "hypothetical"),
        ("We don't intend to interfere in the vote.", "interfere", "negated"),
        ("If elected, she would expel the envoy.", "expel", "hypothetical"),
        ("Russia provided asylum to him.", "provided", "asserted"),
        ("He signaled a possible review of the contracts.", "review", "hypothetical"),
        ("She floated the possibility of offering him asylum.", "offering", "hypothetical"),
        ("Germany never supplied the missiles.", "supplied", "negated"),
    ],
)
def test_modality(nlp: Language, text: str, word: str, expected: str) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert modality(token) == expected


def test_agent_rows_are_read_with_their_preposition() -> None:
    lex = parse_lexicon(
        "kind\tlemma\ttype\tcameo\tgoldstein\tflags\nagent\tsupporter of\tSUPPORT\t051\t3.4\t\n"
    )
    assert lex.agents["supporter of"].type == "SUPPORT"
