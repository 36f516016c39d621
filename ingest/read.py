"""Paths, directories and stdin → Article records.

Every bad-input error is raised here as `InputError`, naming the file and the reason, so
the command line can report it in one line and go on with the other files.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from polgraph.ingest.records import Article

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
SNIFF_BYTES = 8192
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InputError(Exception):
    """Bad input: the message names the source and the problem in one line."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Failure:
    """A source that could not be read; reading goes on without it."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in a walked directory that is not read: a warning, not a failure, because
    a folder may hold notes, hidden files and empty placeholders beside its articles.
    `kind` is the short reason the end-of-run count groups by."""

    source: str
    kind: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: skipped, {self.reason}"


EMPTY = "empty file"


def text_id(text: str) -> str:
    """The same text gives the same id, whatever file it came in."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean_text(text: str) -> str:
    """Drop the bytes that are not text (NULs, control characters, BOMs) but keep layout."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return _CONTROL.sub(" ", text)


def split_date_line(text: str) -> tuple[str | None, str]:
    """A leading `date YYYY-MM-DD` line sets the article date and is not part of the text."""
    match = _DATE_LINE.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def make_article(
    source: str,
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    origin: str | None = None,
    date_override: str | None = None,
) -> Article:
    text = clean_text(text)
    line_date, text = split_date_line(text)
    text = text.strip()
    if not text:
        raise InputError(source, "no text")
    date = date_override or line_date or _normalise_date(date)
    return Article(
        id=str(id) if id not in (None, "") else text_id(text),
        text=text,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        date=date,
        source=origin,
        url=url or None,
    )


def _normalise_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    return match.group(0) if match else None


def _decode(path_label: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(path_label, EMPTY)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(path_label, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path_label, _undecodable(err.start)) from None


def _undecodable(offset: int) -> str:
    return f"undecodable bytes at offset {offset} (expected UTF-8)"


def _record_article(
    label: str, record: Any, origin: str | None, date_override: str | None
) -> Article:
    if not isinstance(record, dict):
        raise InputError(label, "expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(label, "missing or empty 'text' field")
    return make_article(
        label,
        text,
        id=record.get("id"),
        title=record.get("title"),
        date=record.get("date"),
        url=record.get("url"),
        origin=record.get("source") or origin,
        date_override=date_override,
    )


@dataclass(frozen=True, slots=True)
class _Line:
    """One decoded line of a file, with its number and the byte offset it starts at."""

    number: int
    offset: int
    text: str | None


def _lines(label: str, stream: BinaryIO) -> Iterator[_Line]:
    """Decoded lines, one at a time, so a file of any size costs one line of memory.

    The first block is sniffed for NUL bytes before anything is yielded, as a binary file is
    refused whole. Lines are cut at \\n only: JSON strings may hold U+2028 and friends, which
    `str.splitlines` would wrongly treat as line ends. A line that is not UTF-8 comes with
    `text=None`; the caller decides whether the rest of the file still makes sense.
    """
    head = stream.read(SNIFF_BYTES)
    if b"\x00" in head:
        raise InputError(label, "binary file (NUL bytes), not text")
    offset = 0
    raw_lines = itertools.chain(io.BytesIO(head + stream.readline()), stream)
    for number, raw in enumerate(raw_lines, 1):
        skip = 3 if number == 1 and raw.startswith(codecs.BOM_UTF8) else 0
        try:
            text: str | None = raw[skip:].decode("utf-8")
        except UnicodeDecodeError as err:
            yield _Line(number, offset + skip + err.start, None)
        else:
            yield _Line(number, offset, text)
        offset += len(raw)


def _content(label: str, lines: Iterator[_Line]) -> Iterator[_Line]:
    """Lines from the first one that is not blank; an all-blank file is refused as empty."""
    for line in lines:
        if line.text is None or line.text.strip():
            yield line
            yield from lines
            return
    raise InputError(label, EMPTY)


def _json_articles(
    label: str, stream: BinaryIO, date_override: str | None
) -> Iterator[Article | Failure]:
    """JSON Lines, streamed; else one JSON document (an object or a list of them).

    A first line that parses on its own, followed by more, means JSON Lines. Otherwise the
    file is one document, which has to be read whole to be parsed at all.
    """
    lines = _content(label, _lines(label, stream))
    first = next(lines)
    if first.text is None:
        raise InputError(label, _undecodable(first.offset))
    try:
        json.loads(first.text)
    except json.JSONDecodeError:
        yield from _json_document(label, [first], lines, date_override)
        return
    following = next((line for line in lines if line.text is None or line.text.strip()), None)
    if following is None:
        yield from _json_document(label, [first], iter(()), date_override)
        return
    yield from _json_lines(label, itertools.chain((first, following), lines), date_override)


def _json_document(
    label: str, read: list[_Line], rest: Iterator[_Line], date_override: str | None
) -> Iterator[Article | Failure]:
    parts: list[str] = []
    for line in itertools.chain(read, rest):
        if line.text is None:
            raise InputError(label, _undecodable(line.offset))
        parts.append(line.text)
    try:
        whole = json.loads("".join(parts))
    except json.JSONDecodeError as err:
        yield Failure(label, f"malformed JSON at line {err.lineno}: {err.msg}")
        return
    records = whole if isinstance(whole, list) else [whole]
    for index, record in enumerate(records, 1):
        where = label if len(records) == 1 else f"{label} item {index}"
        try:
            yield _record_article(where, record, label, date_override)
        except InputError as err:
            yield Failure(err.source, err.reason)


def _json_lines(
    label: str, lines: Iterable[_Line], date_override: str | None
) -> Iterator[Article | Failure]:
    """One article per line; a bad line fails alone and reading goes on."""
    for line in lines:
        if line.text is None:
            yield Failure(f"{label} line {line.number}", _undecodable(line.offset))
            continue
        if not line.text.strip():
            continue
        where = f"{label} line {line.number}"
        try:
            yield _record_article(where, json.loads(line.text), label, date_override)
        except json.JSONDecodeError as err:
            yield Failure(where, f"malformed JSON: {err.msg}")
        except InputError as err:
            yield Failure(err.source, err.reason)


def _csv_lines(label: str, lines: Iterator[_Line]) -> Iterator[str]:
    for line in lines:
        if line.text is None:
            raise InputError(label, _undecodable(line.offset))
        yield line.text


def _csv_articles(
    label: str, stream: BinaryIO, date_override: str | None
) -> Iterator[Article | Failure]:
    """Rows streamed one by one. Quoted fields may span lines, so a row is not a line, and
    an undecodable line ends the file: the rows after it cannot be told apart reliably."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(_csv_lines(label, _content(label, _lines(label, stream))))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield Failure(label, "CSV has no 'text' column")
        return
    for number, record in enumerate(reader, 2):
        try:
            yield _record_article(f"{label} row {number}", record, label, date_override)
        except InputError as err:
            yield Failure(err.source, err.reason)


def _html_text(label: str, html: str) -> tuple[str, str | None]:
    """Main text of a page, boilerplate (menus, footers, ads) dropped, and its title."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(label, "no article text found in the HTML page")
    return extracted.text, extracted.title


def read_source(
    label: str, data: bytes, suffix: str, date_override: str | None = None
) -> Iterator[Article | Failure]:
    """Articles from one file's bytes already in memory."""
    return read_stream(label, io.BytesIO(data), suffix, date_override)


def read_stream(
    label: str, stream: BinaryIO, suffix: str, date_override: str | None = None
) -> Iterator[Article | Failure]:
    """Articles from one open binary file. JSON Lines and CSV are read a line at a time, so
    a corpus file of any size is never held whole; failures are yielded, not raised, so a
    bad line in a JSONL file does not hide the good ones."""
    try:
        if suffix in JSON_SUFFIXES:
            yield from _json_articles(label, stream, date_override)
        elif suffix in CSV_SUFFIXES:
            yield from _csv_articles(label, stream, date_override)
        elif suffix in HTML_SUFFIXES:
            body, title = _html_text(label, _decode(label, stream.read()))
            yield make_article(label, body, title=title, origin=label, date_override=date_override)
        else:
            text = _decode(label, stream.read())
            yield make_article(label, text, origin=label, date_override=date_override)
    except InputError as err:
        yield Failure(err.source, err.reason)
    except OSError as err:
        yield Failure(label, f"cannot read: {err.strerror or err}")


def _unknown_extension(path: Path) -> str:
    return f"unknown extension {path.suffix or '(none)'!r}"


def _walk(directory: Path) -> Iterator[Path | Skipped | Failure]:
    """The readable files under `directory` in name order, and a `Skipped` for every entry
    passed over. A hidden directory is one entry: its contents are not listed, as a `.git`
    would otherwise bring a line per object. Links to directories are not followed, so a
    link back up the tree cannot loop."""
    try:
        entries = sorted(directory.iterdir())
    except OSError as err:
        yield Failure(str(directory), f"cannot list directory: {err.strerror}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            what = "directory" if entry.is_dir() else "file"
            yield Skipped(str(entry), "hidden", f"hidden {what}")
        elif entry.is_dir():
            if entry.is_symlink():
                yield Skipped(str(entry), "link", "link to a directory, not followed")
            else:
                yield from _walk(entry)
        elif not entry.is_file():
            kind = "broken link" if entry.is_symlink() else "not a regular file"
            yield Skipped(str(entry), kind, kind)
        elif entry.suffix.lower() not in SUFFIXES:
            yield Skipped(str(entry), "unknown extension", _unknown_extension(entry))
        else:
            yield entry


def _files(path: Path) -> Iterator[Path | Skipped | Failure]:
    if path.is_dir():
        yield from _walk(path)
        return
    if not path.exists():
        yield Failure(str(path), "no such file or directory")
        return
    if path.suffix.lower() not in SUFFIXES:
        yield Failure(
            str(path), f"{_unknown_extension(path)}; use one of " + ", ".join(sorted(SUFFIXES))
        )
        return
    yield path


def read_paths(
    paths: Iterable[str | Path], *, date: str | None = None, stdin_suffix: str = ".txt"
) -> Iterator[Article | Failure | Skipped]:
    """Lazily read every article under the given paths ('-' is stdin), in a stable order.

    A file named on its own that cannot be read is a `Failure`. In a directory, files that
    are not articles (unknown extension, hidden, empty) are `Skipped`, one each, so nothing
    is passed over without a word and none of them fails the run."""
    for raw in paths:
        if str(raw) == "-":
            yield from read_stream("<stdin>", sys.stdin.buffer, stdin_suffix, date)
            continue
        walked = Path(raw).is_dir()
        for item in _files(Path(raw)):
            if not isinstance(item, Path):
                yield item
                continue
            try:
                stream = item.open("rb")
            except OSError as err:
                yield Failure(str(item), f"cannot read: {err.strerror or err}")
                continue
            with stream:
                for read in read_stream(str(item), stream, item.suffix.lower(), date):
                    if walked and isinstance(read, Failure) and read == Failure(str(item), EMPTY):
                        yield Skipped(read.source, "empty", EMPTY)
                    else:
                        yield read


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles the paths hold, when that is cheap to know: one per text or HTML
    file, one per non-blank line of JSON Lines. None when a file must be parsed to count
    (a JSON document, CSV with multi-line fields, stdin); progress then shows a rate only."""
    total = 0
    for raw in paths:
        if str(raw) == "-":
            return None
        for item in _files(Path(raw)):
            if not isinstance(item, Path):
                total += 1
                continue
            suffix = item.suffix.lower()
            if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
                total += 1
            elif suffix in {".jsonl", ".ndjson"}:
                try:
                    total += _count_lines(item)
                except OSError:
                    total += 1
            else:
                return None
    return total


def _count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())
