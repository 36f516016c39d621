"""Where the benchmark corpora are: never in the repository, always configurable.

Default: `../shared/corpora` next to the repository root, or next to the main checkout
when running from a git worktree; `POLGRAPH_CORPORA` or `--corpora` override it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def default_corpora() -> Path:
    if os.environ.get("POLGRAPH_CORPORA"):
        return Path(os.environ["POLGRAPH_CORPORA"])
    candidates = [REPO.parent / "shared" / "corpora"]
    common = subprocess.run(
        ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if common:
        candidates.append(Path(common).parent.parent / "shared" / "corpora")
    return next((path for path in candidates if path.is_dir()), candidates[0])


def repeat_with_fresh_ids(source: Path, target: Path, times: int, limit: int | None) -> int:
    """`times` copies of the first `limit` records, each copy with its own ids, so the
    store and the skip-by-id logic see `times` as many distinct articles."""
    written = 0
    with target.open("w", encoding="utf-8") as sink:
        for copy in range(times):
            with source.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines):
                    if limit is not None and number >= limit:
                        break
                    record = json.loads(line)
                    record["id"] = f"{record.get('id', number)}~{copy}"
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
    return written
