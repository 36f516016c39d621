"""Inter-annotator agreement on the real-text gold set: the ceiling an extractor is held to.

A second reader annotated the dev half blind (`tests/data/real/dev_second.jsonl`: the same
sentences, the guidelines of docs/eval.md, without seeing the first annotation or any
extractor output). Its relations are scored against the first annotation exactly as the
extractor's are, so its dyad F1 reads on the same scale as `bench/eval_real.py --half dev`.

    python bench/agreement.py [--first tests/data/real/dev.jsonl] [--second ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import REPO  # noqa: E402
from rich.console import Console  # noqa: E402

from polgraph.evaltable import comparison_table  # noqa: E402
from polgraph.ingest.evaluate import GoldError, agreement, read_gold  # noqa: E402

GOLD = REPO / "tests" / "data" / "real"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=Path, default=GOLD / "dev.jsonl")
    parser.add_argument("--second", type=Path, default=GOLD / "dev_second.jsonl")
    args = parser.parse_args()
    try:
        first, second = read_gold(args.first), read_gold(args.second)
        result = agreement(first, second)
    except GoldError as error:
        sys.exit(f"agreement: {error}")
    out = Console(width=120)
    out.print(
        comparison_table("second annotator scored against the first, dyads", first, result, None)
    )
    for level, score in result.scores.items():
        out.print(f"{level}: F1 {score.f1:.3f} (P {score.precision:.3f} R {score.recall:.3f})")
    out.print(
        f"relations: first {sum(len(i.relations) for i in first)}, "
        f"second {sum(len(i.relations) for i in second)}"
    )


if __name__ == "__main__":
    main()
