"""Running the extractor and the co-occurrence baseline for `polgraph eval`, and the one
table that prints them side by side per corpus (shared by the command and bench/)."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from rich.table import Table

from polgraph.ingest.baseline import side_by_side
from polgraph.ingest.evaluate import WHOLE, Evaluation, GoldItem, Score
from polgraph.ingest.pipeline import Settings, extract
from polgraph.ingest.records import Article, Triple

ALL = "all"
TABLE_WIDTH = 110
"""Columns the side-by-side table needs to show every figure, even in a narrow or piped
terminal (rich would otherwise cut the numbers to fit 80 columns)."""


def default_corpora() -> Path:
    """`../shared/corpora` from where the command runs (the repository root), unless
    POLGRAPH_CORPORA says otherwise."""
    return Path(os.environ.get("POLGRAPH_CORPORA", "../shared/corpora"))


def run(
    articles: list[Article], settings: Settings, baseline: bool
) -> tuple[list[Triple], list[Triple] | None]:
    """The extractor's triples over whole articles and, when asked, the baseline's, read
    from the same parse."""
    if not baseline:
        return [t for extraction in extract(articles, settings) for t in extraction.triples], None
    triples: list[Triple] = []
    pairs: list[Triple] = []
    for extraction, cooccurring in side_by_side(articles, settings):
        triples.extend(extraction.triples)
        pairs.extend(cooccurring)
    return triples, pairs


def _cells(score: Score) -> list[str]:
    return [f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}"]


def comparison_table(
    title: str, items: list[GoldItem], extractor: Evaluation, baseline: Evaluation | None
) -> Table:
    """Dyad precision, recall and F1 per corpus and overall, extractor (P R F1) and baseline
    (base P R F1) in one table, so the ratio of F1s (F1 x) is read off one run."""
    table = Table(title=title)
    columns = ["corpus", "items", "gold", "P", "R", "F1"]
    if baseline is not None:
        columns += ["base P", "base R", "base F1", "F1 x"]
    for column in columns:
        table.add_column(column, justify="left" if column == "corpus" else "right", no_wrap=True)
    counts = Counter(item.label for item in items)
    labels = sorted(extractor.corpora, key=lambda label: (label == WHOLE, label))
    for label in [*labels, ALL]:
        ours = extractor.scores["dyad"] if label == ALL else extractor.corpora[label]
        name = label.removesuffix(".jsonl")
        row = [name, str(len(items) if label == ALL else counts[label]), str(ours.expected)]
        row += _cells(ours)
        if baseline is not None:
            theirs = baseline.scores["dyad"] if label == ALL else baseline.corpora[label]
            ratio = f"{ours.f1 / theirs.f1:.2f}" if theirs.f1 else "-"
            row += [*_cells(theirs), ratio]
        table.add_row(*row)
    return table
