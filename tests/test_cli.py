"""The command line as a user meets it: exit codes, one-line errors, the JSONL contract."""

import json
import signal
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.graph.store import Store

runner = CliRunner()

CONTRACT = {
    "article": {"id", "title", "date", "source"},
    "subject": {"id", "name", "mention", "type"},
    "relation": {
        "type",
        "text",
        "rule",
        "cameo",
        "quad_class",
        "goldstein",
        "polarity",
        "modality",
    },
    "object": {"id", "name", "mention", "type"},
    "evidence": {"sentence", "start", "end"},
}


def _check_line(line: str, text: str) -> None:
    data = json.loads(line)
    assert set(data) == {*CONTRACT, "confidence"}
    for part, keys in CONTRACT.items():
        assert keys <= set(data[part]), part
    assert data["relation"]["type"].replace("_", "").isalnum()
    assert data["relation"]["type"] == data["relation"]["type"].upper()
    assert data["relation"]["quad_class"] in (None, 0, 1, 2, 3, 4)
    assert data["relation"]["polarity"] in (-1, 0, 1)
    assert data["relation"]["modality"] in ("asserted", "hypothetical", "negated", "reported")
    assert 0.0 <= data["confidence"] <= 1.0
    evidence = data["evidence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]


def test_extract_prints_contract_lines_for_the_seed(seeds: Path) -> None:
    result = runner.invoke(app, ["extract", str(seeds)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines
    raw = next(seeds.glob("*.txt")).read_text(encoding="utf-8")
    text = raw.split("2025-06-07", 1)[1].strip()
    for line in lines:
        _check_line(line, text)


def test_extract_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("The senator criticised the governor of Texas, Greg Abbott.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.jsonl").write_text('{"text": "Russia sheltered Graham Phillips."}\n{oops\n')
    result = runner.invoke(
        app, ["extract", str(tmp_path), str(tmp_path / "nothere.txt"), str(tmp_path / "empty.txt")]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 3
    assert all(line.startswith("polgraph: error: ") for line in errors)
    assert any(line.endswith("empty.txt: empty file") for line in errors)
    assert any("bad.jsonl line 2: malformed JSON" in line for line in errors)
    assert any("nothere.txt: no such file" in line for line in errors)
    assert "Traceback" not in result.output
    subjects = {json.loads(line)["subject"]["name"] for line in result.stdout.splitlines()}
    assert "Russia" in subjects


def test_a_folder_names_every_file_it_skips_and_still_succeeds(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "good.txt").write_text("The Kremlin praised Hungary. Moscow sanctioned Estonia.")
    (folder / "more.jsonl").write_text('{"text": "Russia sheltered Graham Phillips."}\n')
    (folder / "notes.xyz").write_text("The president met the prime minister.")
    (folder / ".draft.txt").write_text("The president met the prime minister.")
    (folder / "empty.txt").write_text("")
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 0, result.output
    warnings = result.stderr.strip().splitlines()
    assert warnings == [
        f"polgraph: warning: {folder / '.draft.txt'}: skipped, hidden file",
        f"polgraph: warning: {folder / 'empty.txt'}: skipped, empty file",
        f"polgraph: warning: {folder / 'notes.xyz'}: skipped, unknown extension '.xyz'",
        "polgraph: warning: skipped 3 files in folders (1 empty, 1 hidden, 1 unknown extension)",
    ]
    articles = {json.loads(line)["article"]["source"] for line in result.stdout.splitlines()}
    assert articles == {str(folder / "good.txt"), str(folder / "more.jsonl")}


def test_extract_into_a_closed_pipe_ends_quietly(seeds: Path) -> None:
    """A real pipe whose reader is gone before the first triple is written: every write
    fails with EPIPE, as after `| head` has read its lines."""
    command = [str(Path(sys.executable).parent / "polgraph"), "extract", str(seeds)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.close()
    _, errors = process.communicate(timeout=300)
    assert errors.decode() == ""
    assert process.returncode == 128 + signal.SIGPIPE
    shell = subprocess.run(
        f"{command[0]} extract {seeds} | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert shell.stderr == ""
    assert len(shell.stdout.splitlines()) == 1 and json.loads(shell.stdout)["subject"]


def test_build_twice_changes_nothing_and_a_new_article_adds(seeds: Path, tmp_path: Path) -> None:
    store, out = tmp_path / "store", tmp_path / "out"
    args = ["build", str(seeds), "--store", str(store), "--out", str(out)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert (out / "graph.html").stat().st_size > 0
    triples = (out / "triples.jsonl").read_text()
    assert triples
    with Store(store) as db:
        rows_before, counts_before = db.rows(), db.counts()
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert (out / "triples.jsonl").read_text() == triples
    with Store(store) as db:
        assert db.counts() == counts_before
        assert db.rows() == rows_before
    extra = tmp_path / "extra.txt"
    extra.write_text("date 2025-07-01 The Kremlin praised Hungary. Moscow sanctioned Estonia.")
    third = runner.invoke(app, ["build", str(extra), "--store", str(store), "--out", str(out)])
    assert third.exit_code == 0, third.output
    with Store(store) as db:
        counts = db.counts()
    assert counts["articles"] == counts_before["articles"] + 1
    assert counts["relations"] > counts_before["relations"]
    assert len((out / "triples.jsonl").read_text().splitlines()) == counts["relations"]


def test_help_reads_well() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "build"):
        assert command in result.stdout
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0 and "Usage" in sub.stdout


def test_draw_from_a_store_and_refuse_a_missing_one(seeds: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    built = runner.invoke(app, ["build", str(seeds), "--store", str(store), "--out", str(tmp_path)])
    assert built.exit_code == 0, built.output
    page = tmp_path / "focus.html"
    result = runner.invoke(
        app, ["draw", "--from", str(store), "-o", str(page), "--focus", "novikov", "--depth", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout and page.stat().st_size > 0
    missing = runner.invoke(app, ["draw", "--from", str(tmp_path / "none"), "-o", str(page)])
    assert missing.exit_code == 1
    assert missing.stderr.count("\n") == 1 and "no polgraph store here" in missing.stderr


def test_stats_export_and_query_on_a_built_store(tmp_path: Path) -> None:
    from tests.graph.world import build

    store = str(build(tmp_path / "store"))
    result = runner.invoke(
        app, ["stats", "--store", store, "--format", "json", "--dyad", "Carland", "Dovia"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["hostile"][0]["score"] == -8.8 and len(data["timeline"]) == 2
    for fmt in ("graphml", "gexf", "cypher", "jsonl", "csv"):
        target = tmp_path / f"export.{fmt}"
        result = runner.invoke(
            app, ["export", "--store", store, "--format", fmt, "-o", str(target)]
        )
        assert result.exit_code == 0, result.output
        assert target.exists()
    result = runner.invoke(
        app,
        [
            "query",
            "--backend",
            "embedded",
            "--store",
            store,
            "--format",
            "json",
            "-p",
            'id="dovia"',
            "MATCH (e:Country {id: $id}) RETURN e.name AS name",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"name": "Dovia"}]


def test_exploration_commands_fail_in_one_line(tmp_path: Path) -> None:
    from tests.graph.world import build

    store = str(build(tmp_path / "store"))
    cases = [
        (["stats", "--store", str(tmp_path / "none")], "no polgraph store here"),
        (["stats", "--store", store, "--dyad", "Zed", "Dovia"], "no actor named 'Zed'"),
        (["export", "--store", store, "--format", "pdf"], "choose one of graphml"),
        (
            ["query", "--backend", "embedded", "--store", store, "MATCH (n) RETURN labels(n)"],
            "--backend neo4j",
        ),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert message in result.stderr
        assert "Traceback" not in result.output


def test_a_store_in_the_old_layout_is_one_line_asking_for_a_rebuild(tmp_path: Path) -> None:
    from tests.graph.test_store import _old_layout

    _old_layout(tmp_path / "old")
    for command in (["stats"], ["query", "MATCH (e:Entity) RETURN e.id"]):
        result = runner.invoke(app, [*command, "--store", str(tmp_path / "old")])
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1 and "rebuild" in result.stderr
        assert str(tmp_path / "old") in result.stderr and "Traceback" not in result.output
