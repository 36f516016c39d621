"""How the pipeline cuts work into parser batches and worker partitions."""

from polgraph.ingest.nlp import load_model
from polgraph.ingest.pipeline import Settings, extract_doc, headlines, partitions, text_batches
from polgraph.ingest.records import Article


def _articles(*sizes: int) -> list[Article]:
    return [Article(f"a{n}", "x" * size) for n, size in enumerate(sizes)]


def test_partitions_keep_every_article_once_and_in_order() -> None:
    articles = _articles(*([100] * 50))
    parts = list(partitions(articles, Settings(partition_size=16)))
    assert [len(part) for part in parts] == [16, 16, 16, 2]
    assert [a for part in parts for a in part] == articles


def test_partitions_are_even_in_text_not_only_in_count() -> None:
    settings = Settings(partition_size=16, partition_chars=1_000)
    parts = list(partitions(_articles(400, 400, 400, 50, 50, 5_000, 50), settings))
    assert [[a.id for a in part] for part in parts] == [
        ["a0", "a1"],
        ["a2", "a3", "a4"],
        ["a5"],
        ["a6"],
    ]


def test_parser_batches_cap_characters() -> None:
    items = [("x" * 60_000, None), ("y" * 60_000, None), ("z" * 10, None)]
    assert [len(batch) for batch in text_batches(items, 32, 100_000)] == [1, 2]


def test_a_statement_about_the_body_one_is_named_a_member_of_is_speaking_for_it() -> None:
    nlp = load_model()
    text = (
        "Liberal Democrat leader Charles Kennedy spoke in Leeds. "
        "He said the Liberal Democrats would win more seats than ever. "
        "He said the Conservatives would lose seats."
    )
    found, _ = extract_doc(nlp(text), Article(id="t", text=text), judge=False)
    edges = {(t.subject.name, t.relation.type, t.object.name) for t in found}
    assert ("Charles Kennedy", "LEADER_OF", "Liberal Democrats") in edges
    assert ("Charles Kennedy", "SAY", "Liberal Democrats") not in edges
    assert ("Charles Kennedy", "SAY", "Conservative Party") in edges


def test_an_office_holder_of_the_articles_year_speaks_for_the_body_of_the_office() -> None:
    """data/office_holders.tsv gives Michael Howard the Conservative leadership in 2004 and
    Gordon Brown the chancellorship: their words on their own party or government are
    spoken for it; Howard's on Labour, and anyone's in a year they held no listed office,
    are a statement about it."""
    nlp = load_model()
    text = (
        "Michael Howard and Gordon Brown clashed in Parliament. "
        "Michael Howard said the Conservatives would cut taxes. "
        "Michael Howard said Labour would raise taxes."
    )

    def edges(date: str) -> set[tuple[str, str]]:
        found, _ = extract_doc(nlp(text), Article(id="t", text=text, date=date), judge=False)
        return {(t.subject.name, t.object.name) for t in found if t.relation.type == "SAY"}

    assert ("Michael Howard", "Conservative Party") not in edges("2004-05-01")
    assert ("Michael Howard", "Labour Party") in edges("2004-05-01")
    assert ("Michael Howard", "Conservative Party") in edges("2015-05-01")


def test_a_government_speaking_of_its_own_office_holder_or_forces_speaks_of_itself() -> None:
    """Jack Straw is foreign secretary in 2004 (data/office_holders.tsv): Downing Street's
    words on him, or on British troops, are the state speaking of itself; on the
    Conservatives they are a statement about them."""
    nlp = load_model()
    lead = "Tony Blair and Jack Straw spoke in London. "

    def said(sentence: str) -> set[tuple[str, str]]:
        text = lead + sentence
        article = Article(id="t", text=text, date="2004-05-01")
        found, _ = extract_doc(nlp(text), article, judge=False)
        return {(t.subject.name, t.object.name) for t in found if t.relation.rule == "statement"}

    assert not said("Downing Street said Jack Straw was right.")
    assert not said("Downing Street has confirmed British troops are on standby.")
    assert ("Downing Street", "Conservative Party") in said(
        "Downing Street said the Conservatives were wrong."
    )


def test_a_run_of_headlines_is_not_read_as_prose() -> None:
    """Two capitalised small words after a word mark a scraped run of headlines; prose, a
    name or one quoted title is read."""
    nlp = load_model()
    run_on = (
        "Oil prices slide as Ruritania talks stall Why the Senate is wary of Poland "
        "How Germany plans to vote on aid"
    )
    text = (
        "The minister praised Poland for its support. "
        "The Tories attacked Labour over the plans, and the Lib Dems joined them. "
        "Jane Doe, who wrote Who Killed the Wizard, backed France."
    )
    assert any(headlines(s) for s in nlp(run_on).sents)
    assert not any(headlines(s) for s in nlp(text).sents)
    found, _ = extract_doc(nlp(run_on), Article(id="t", text=run_on), judge=False)
    assert found == []
