"""The overrides file: its format, its checks, and where it is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from polgraph.ingest.overrides import (
    NO_OVERRIDES,
    OverridesError,
    find_overrides,
    load_overrides,
    parse_overrides,
)


def test_merge_maps_every_alias_case_insensitively() -> None:
    overrides = parse_overrides({"merge": {"Recep Tayyip Erdogan": ["Erdogan", "Erdoğan"]}})
    assert overrides.canonical("erdogan") == "Recep Tayyip Erdogan"
    assert overrides.canonical("ERDOĞAN") == "Recep Tayyip Erdogan"
    assert overrides.canonical("Someone Else") == "Someone Else"
    assert overrides.groups() == {
        "Recep Tayyip Erdogan": ["recep tayyip erdogan", "erdogan", "erdoğan"]
    }


def test_keep_apart_and_types() -> None:
    overrides = parse_overrides({"keep_apart": [["Kim", "Kim Jong Un"]], "types": {"Hamas": "ORG"}})
    assert overrides.kept_apart("kim", "Kim Jong Un")
    assert not overrides.kept_apart("Kim", "Kim Yo Jong")
    assert overrides.type_of("hamas") == "ORG"


def test_a_type_set_on_an_alias_applies_to_its_canonical_name() -> None:
    overrides = parse_overrides({"merge": {"Labour Party": ["Labour"]}, "types": {"Labour": "ORG"}})
    assert overrides.type_of("Labour Party") == "ORG"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (["not", "a", "mapping"], "expected a mapping"),
        ({"merges": {}}, "unknown section"),
        ({"merge": {"A": "B"}}, "must be a list"),
        ({"merge": {"A": ["X"], "B": ["X"]}}, "merged into both"),
        ({"keep_apart": [["A"]]}, "two or more"),
        ({"merge": {"A": ["B"]}, "keep_apart": [["A", "B"]]}, "kept apart but merged"),
        ({"types": {"A": "PLANET"}}, "is not one of"),
    ],
)
def test_contradictions_are_one_line_errors(data: object, message: str) -> None:
    with pytest.raises(OverridesError, match=message) as caught:
        parse_overrides(data, "mine.json")
    assert str(caught.value).startswith("mine.json: ")
    assert "\n" not in str(caught.value)


def test_json_and_yaml_files_read_the_same(tmp_path: Path) -> None:
    (tmp_path / "o.json").write_text('{"merge": {"Xi Jinping": ["Xi"]}}', encoding="utf-8")
    (tmp_path / "o.yaml").write_text("merge:\n  Xi Jinping: [Xi]\n", encoding="utf-8")
    first = load_overrides(tmp_path / "o.json")
    second = load_overrides(tmp_path / "o.yaml")
    assert first.merge == second.merge == {"xi jinping": "Xi Jinping", "xi": "Xi Jinping"}


def test_unreadable_or_malformed_files_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(OverridesError, match="missing.json: cannot read"):
        load_overrides(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{merge: ", encoding="utf-8")
    with pytest.raises(OverridesError, match="broken.json: not valid json"):
        load_overrides(broken)


def test_default_file_in_the_working_directory(tmp_path: Path) -> None:
    assert find_overrides(None, tmp_path) is NO_OVERRIDES
    (tmp_path / "polgraph-overrides.yaml").write_text("types:\n  Fatah: ORG\n", encoding="utf-8")
    assert find_overrides(None, tmp_path).type_of("Fatah") == "ORG"


def test_an_empty_file_means_no_overrides(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert not load_overrides(empty)
