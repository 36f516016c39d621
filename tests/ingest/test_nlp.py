"""Long texts are parsed in pieces, with offsets into the whole article."""

from polgraph.ingest.nlp import PIECE_CHARS, load_model, piece_limit, pieces
from polgraph.ingest.pipeline import Settings, extract
from polgraph.ingest.records import Article

OPENING = "Emmanuel Macron criticised Vladimir Putin on Tuesday.\n\n"
MIDDLE = "\n\nGermany sanctioned Russia over the dispute.\n\n"
CLOSING = "\n\nOlaf Scholz praised Narendra Modi in Berlin."


def _scraped_page(size: int) -> str:
    """A page as scrapers return them: prose around walls of markup debris with neither
    paragraph breaks nor sentence ends, cheap to parse (long tokens) but impossible to
    cut anywhere but at spaces."""
    blob = "x" * 4_000
    wall = " ".join([blob] * (size // (2 * len(blob))))
    return OPENING + wall + "." + MIDDLE + wall + "." + CLOSING


def test_pieces_cover_the_text_and_respect_the_limit() -> None:
    text = _scraped_page(200_000)
    cut = list(pieces(text, 20_000))
    assert "".join(p.text for p in cut) == text
    assert all(len(p.text) <= 20_000 for p in cut)
    assert all(text[p.offset : p.offset + len(p.text)] == p.text for p in cut)


def test_the_piece_size_never_passes_the_model_limit() -> None:
    nlp = load_model()
    assert piece_limit(nlp, 10 * nlp.max_length) == nlp.max_length
    assert piece_limit(nlp, PIECE_CHARS) == PIECE_CHARS


def test_a_huge_page_is_read_in_pieces_with_whole_article_offsets() -> None:
    text = _scraped_page(1_200_000)
    assert len(text) > 1_200_000 > load_model().max_length
    article = Article(id="huge", text=text)
    (extraction,) = extract([article], Settings())
    found = {(t.subject.name, t.object.name): t.evidence for t in extraction.triples}
    for evidence in found.values():
        assert text[evidence.start : evidence.end] == evidence.sentence
    for pair, sentence in (
        (("Emmanuel Macron", "Vladimir Putin"), OPENING.strip()),
        (("Germany", "Russia"), MIDDLE.strip()),
        (("Olaf Scholz", "Narendra Modi"), CLOSING.strip()),
    ):
        start = text.index(sentence)
        assert (found[pair].start, found[pair].end) == (start, start + len(sentence))
