"""The Wikinews sample in seeds/: shipped with its credit, and built by README command 1."""

import json
from pathlib import Path

import pytest

from polgraph.graph.store import Store
from tests.conftest import SEED_ARTICLE, SEEDS

SAMPLE = SEEDS / "wikinews_politics_2019_2020.jsonl"


def _sample() -> list[dict]:
    with SAMPLE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def test_the_sample_is_dated_politics_from_wikinews_each_with_its_original() -> None:
    articles = _sample()
    assert len(articles) == 131
    assert len({a["id"] for a in articles}) == 131
    for article in articles:
        assert article["source"] == "Wikinews" and article["text"].strip()
        assert article["url"].startswith("https://en.wikinews.org/wiki/")
        assert "2019-01-01" <= article["date"] <= "2020-12-31"


def test_the_licence_file_credits_the_source_names_the_licence_and_the_originals() -> None:
    licence = (SEEDS / "LICENSE").read_text(encoding="utf-8")
    for needed in (
        SAMPLE.name,
        "Wikinews contributors",
        "https://en.wikinews.org",
        "CC BY 2.5",
        "https://creativecommons.org/licenses/by/2.5/",
        '"url"',
        "Changes made",
    ):
        assert needed in licence, needed


def test_only_articles_are_read_from_seeds() -> None:
    """The licence file has no suffix a reader takes for an article: it is named as
    skipped, and everything else read is an article."""
    from polgraph.ingest.read import Skipped, read_paths
    from polgraph.ingest.records import Article

    read = list(read_paths([SEEDS]))
    skipped = [item for item in read if isinstance(item, Skipped)]
    assert [Path(item.source).name for item in skipped] == ["LICENSE"]
    assert sum(isinstance(item, Article) for item in read) == 132
    assert len(read) == 133


@pytest.mark.slow
def test_readme_command_one_builds_the_whole_sample(sample_build: Path) -> None:
    ids = {a["id"] for a in _sample()}
    with Store(sample_build / ".polgraph", read_only=True) as store:
        counts = store.counts()
    assert counts["articles"] == 132
    triples = (sample_build / "out" / "triples.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(triples) == counts["relations"]
    told = {json.loads(line)["article"]["id"] for line in triples}
    assert len(told & ids) >= 100
    assert told - ids == {
        json.loads(line)["article"]["id"]
        for line in triples
        if json.loads(line)["article"]["source"].endswith(SEED_ARTICLE.name)
    }
    dates = {json.loads(line)["article"]["date"][:4] for line in triples}
    assert {"2019", "2020", "2025"} <= dates
    page = (sample_build / "out" / "graph.html").read_text(encoding="utf-8")
    assert "Donald Trump" in page and "Joe Biden" in page
