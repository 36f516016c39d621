"""Paths, directories and stdin → Article records.

Every bad-input error is raised here as `InputError`, naming the file and the reason, so
the command line can report it in one line and go on with the other files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from polgraph.ingest.records import Article

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
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
        raise InputError(path_label, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path_label, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            path_label, f"undecodable bytes at offset {err.start} (expected UTF-8)"
        ) from None


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


def _json_articles(label: str, text: str, date_override: str | None) -> Iterator[Article | Failure]:
    """One JSON document (an object or a list of them), else JSON Lines."""
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as err:
        first_line = next(line for line in text.splitlines() if line.strip())
        try:
            json.loads(first_line)
        except json.JSONDecodeError:
            yield Failure(label, f"malformed JSON at line {err.lineno}: {err.msg}")
            return
        yield from _json_lines(label, text, date_override)
        return
    records = whole if isinstance(whole, list) else [whole]
    for index, record in enumerate(records, 1):
        where = label if len(records) == 1 else f"{label} item {index}"
        try:
            yield _record_article(where, record, label, date_override)
        except InputError as err:
            yield Failure(err.source, err.reason)


def _json_lines(label: str, text: str, date_override: str | None) -> Iterator[Article | Failure]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label} line {number}"
        try:
            yield _record_article(where, json.loads(line), label, date_override)
        except json.JSONDecodeError as err:
            yield Failure(where, f"malformed JSON: {err.msg}")
        except InputError as err:
            yield Failure(err.source, err.reason)


def _csv_articles(label: str, text: str, date_override: str | None) -> Iterator[Article | Failure]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text))
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
    """Articles from one file's bytes; failures are yielded, not raised, so a bad line
    in a JSONL file does not hide the good ones."""
    try:
        text = _decode(label, data)
        if suffix in JSON_SUFFIXES:
            yield from _json_articles(label, text, date_override)
        elif suffix in CSV_SUFFIXES:
            yield from _csv_articles(label, text, date_override)
        elif suffix in HTML_SUFFIXES:
            body, title = _html_text(label, text)
            yield make_article(label, body, title=title, origin=label, date_override=date_override)
        else:
            yield make_article(label, text, origin=label, date_override=date_override)
    except InputError as err:
        yield Failure(err.source, err.reason)


def _files(path: Path) -> Iterator[Path | Failure]:
    if path.is_dir():
        try:
            children = sorted(p for p in path.rglob("*") if p.is_file())
        except OSError as err:
            yield Failure(str(path), f"cannot list directory: {err.strerror}")
            return
        for child in children:
            if child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                yield child
        return
    if not path.exists():
        yield Failure(str(path), "no such file or directory")
        return
    if path.suffix.lower() not in SUFFIXES:
        yield Failure(
            str(path),
            f"unknown extension {path.suffix or '(none)'!r}; use one of "
            + ", ".join(sorted(SUFFIXES)),
        )
        return
    yield path


def read_paths(
    paths: Iterable[str | Path], *, date: str | None = None, stdin_suffix: str = ".txt"
) -> Iterator[Article | Failure]:
    """Lazily read every article under the given paths ('-' is stdin), in a stable order."""
    for raw in paths:
        if str(raw) == "-":
            yield from read_source("<stdin>", sys.stdin.buffer.read(), stdin_suffix, date)
            continue
        for item in _files(Path(raw)):
            if isinstance(item, Failure):
                yield item
                continue
            try:
                data = item.read_bytes()
            except OSError as err:
                yield Failure(str(item), f"cannot read: {err.strerror or err}")
                continue
            yield from read_source(str(item), data, item.suffix.lower(), date)
