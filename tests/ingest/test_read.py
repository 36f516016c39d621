"""Reading streams: a corpus file is never held whole, and odd lines fail alone."""

import json
from pathlib import Path

from polgraph.ingest.read import Failure, count_articles, read_paths, read_stream
from polgraph.ingest.records import Article


def _jsonl(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as sink:
        for number in range(count):
            sink.write(json.dumps({"id": f"a{number}", "text": f"Article {number}. " * 40}) + "\n")
    return path


def test_jsonl_yields_the_first_article_before_reading_the_file(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "big.jsonl", 20_000)
    size = path.stat().st_size
    with path.open("rb") as stream:
        first = next(read_stream(str(path), stream, ".jsonl"))
        assert isinstance(first, Article) and first.id == "a0"
        assert stream.tell() < size / 50


def test_csv_yields_the_first_row_before_reading_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = "".join(f'r{n},"Row {n} said,\nacross lines."\n' for n in range(20_000))
    path.write_text("id,text\n" + rows, encoding="utf-8")
    with path.open("rb") as stream:
        first = next(read_stream(str(path), stream, ".csv"))
        assert isinstance(first, Article) and first.text == "Row 0 said,\nacross lines."
        assert stream.tell() < path.stat().st_size / 50


def test_an_undecodable_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "First."}\n{"text": "Caf\xe9."}\n{"text": "Third."}\n')
    items = list(read_paths([path]))
    assert [i.text for i in items if isinstance(i, Article)] == ["First.", "Third."]
    (failure,) = [i for i in items if isinstance(i, Failure)]
    assert failure.source == f"{path} line 2"
    assert failure.reason == "undecodable bytes at offset 32 (expected UTF-8)"


def test_line_separators_inside_json_strings_do_not_split_records(tmp_path: Path) -> None:
    path = tmp_path / "seps.jsonl"
    texts = ["One\u2028two.", "Three\u2029four\x85five."]
    path.write_text(
        "\ufeff" + "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts),
        encoding="utf-8",
    )
    items = list(read_paths([path]))
    assert [i.text for i in items if isinstance(i, Article)] == texts


def test_a_pretty_printed_document_is_still_one_json_file(tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps([{"text": "A."}, {"text": "B."}], indent=2), encoding="utf-8")
    assert [i.text for i in read_paths([path]) if isinstance(i, Article)] == ["A.", "B."]
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "text": "A."\n  "id": 1\n}\n', encoding="utf-8")
    (failure,) = list(read_paths([broken]))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("malformed JSON at line 3")


def test_articles_are_counted_without_parsing(tmp_path: Path) -> None:
    _jsonl(tmp_path / "a.jsonl", 7)
    (tmp_path / "b.txt").write_text("One article.")
    (tmp_path / "c.md").write_text("Another.")
    assert count_articles([tmp_path]) == 9
    (tmp_path / "d.csv").write_text("text\nx\n")
    assert count_articles([tmp_path]) is None
    assert count_articles(["-"]) is None
