import json
from pathlib import Path

from polgraph.ingest.read import Failure, Skipped, read_paths, text_id
from polgraph.ingest.records import Article


def _read(*paths: Path | str, **kwargs: object) -> tuple[list[Article], list[Failure]]:
    items = list(read_paths(list(paths), **kwargs))
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, Failure)],
    )


def test_leading_date_line_sets_the_date_and_leaves_the_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2024-03-05 The minister resigned.\n", encoding="utf-8")
    (article,), failures = _read(path)
    assert not failures
    assert article.date == "2024-03-05"
    assert article.text == "The minister resigned."
    assert _read(path, date="2020-01-01")[0][0].date == "2020-01-01"


def test_ids_are_stable_given_or_hashed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same words.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Same words.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "given", "text": "Other words.", "title": "T", "date": "2021-02-03"})
        + "\n",
        encoding="utf-8",
    )
    articles, failures = _read(tmp_path)
    assert not failures
    assert [a.id for a in articles] == [text_id("Same words."), text_id("Same words."), "given"]
    assert articles[2].title == "T" and articles[2].date == "2021-02-03"


def test_json_csv_and_html_inputs(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "A said B.", "url": "u"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": "C."}, {"text": "D."}]))
    (tmp_path / "t.csv").write_text('id,text,date\nx1,"E met F, twice.",2022-05-06\n')
    body = "<p>" + "The senator criticised the governor over the budget plan. " * 5 + "</p>"
    (tmp_path / "p.html").write_text(
        f"<html><head><title>Budget</title></head><body><nav>Home | News</nav>"
        f"<article>{body}</article><footer>Cookie policy</footer></body></html>"
    )
    articles, failures = _read(tmp_path)
    assert not failures, failures
    texts = {a.text for a in articles}
    assert {"A said B.", "C.", "D.", "E met F, twice."} <= texts
    page = next(a for a in articles if a.text.startswith("The senator"))
    assert "Cookie policy" not in page.text and "Home | News" not in page.text
    assert next(a for a in articles if a.id == "x1").date == "2022-05-06"


def test_every_bad_input_fails_alone_with_its_reason(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The president met the prime minister.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02GIF89a")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 society".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text('{"text": "Fine."}\n{"text": broken\n{"id": "x"}\n')
    (tmp_path / "notes.docx").write_bytes(b"PK")
    articles, failures = _read(
        tmp_path / "empty.txt",
        tmp_path / "binary.txt",
        tmp_path / "latin1.txt",
        tmp_path / "lines.jsonl",
        tmp_path / "notes.docx",
        tmp_path / "missing.txt",
        good,
    )
    reasons = {f.source.replace(f"{tmp_path}/", ""): f.reason for f in failures}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "undecodable bytes at offset 3" in reasons["latin1.txt"]
    assert "malformed JSON" in reasons["lines.jsonl line 2"]
    assert "text" in reasons["lines.jsonl line 3"]
    assert "unknown extension '.docx'" in reasons["notes.docx"]
    assert "no such file" in reasons["missing.txt"]
    assert [a.text for a in articles] == ["Fine.", "The president met the prime minister."]


def test_a_dangling_link_is_reported_and_a_directory_is_walked(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deep.txt").write_text("The envoy left.")
    articles, failures = _read(tmp_path / "dangling.txt", tmp_path)
    assert "no such file" in failures[0].reason
    assert [a.text for a in articles] == ["The envoy left."]


def test_odd_bytes_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes("\ufeffThe envoy\x07 left.\r\nThen he returned.".encode())
    (article,), _ = _read(path)
    assert article.text == "The envoy  left.\nThen he returned."


def test_a_directory_walk_names_what_it_passes_over(tmp_path: Path) -> None:
    """One `Skipped` per entry, a hidden directory counting as one however much it holds;
    the same files named on their own are read or refused, never skipped."""
    (tmp_path / "a.txt").write_text("The envoy left.")
    (tmp_path / "notes.xyz").write_text("The envoy left.")
    (tmp_path / "blank.jsonl").write_text("\n  \n")
    (tmp_path / ".git").mkdir()
    for number in range(3):
        (tmp_path / ".git" / f"object{number}.txt").write_text("The envoy left.")
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "b.md").write_text("The envoy returned.")
    (tmp_path / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(read_paths([tmp_path]))
    skipped = {
        item.source.replace(f"{tmp_path}/", ""): (item.kind, item.reason)
        for item in items
        if isinstance(item, Skipped)
    }
    assert skipped == {
        ".git": ("hidden", "hidden directory"),
        "blank.jsonl": ("empty", "empty file"),
        "gone.txt": ("broken link", "broken link"),
        "linked": ("link", "link to a directory, not followed"),
        "notes.xyz": ("unknown extension", "unknown extension '.xyz'"),
    }
    assert [i.text for i in items if isinstance(i, Article)] == [
        "The envoy left.",
        "The envoy returned.",
    ]
    assert not [i for i in items if isinstance(i, Failure)]
    named, failures = _read(tmp_path / "blank.jsonl", tmp_path / ".git" / "object0.txt")
    assert [f.reason for f in failures] == ["empty file"]
    assert [a.text for a in named] == ["The envoy left."]
