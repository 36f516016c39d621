"""The queries of docs/queries.md as data, for the tests that check them and the benchmark
that times them: one reading of the page, so all three see the same queries."""

import json
import re
from pathlib import Path
from typing import Any

COOKBOOK = Path(__file__).resolve().parents[2] / "docs" / "queries.md"
_BLOCK = re.compile(r"^## (.+?)\n.*?```cypher\n(.*?)```", re.S | re.M)
_PARAMS = re.compile(r"^//\s*params:\s*(\{.*\})\s*$", re.M)


def cookbook() -> dict[str, tuple[str, dict[str, Any]]]:
    """Heading -> (query without its `//` lines, the example values of its `// params:`
    line) for every fenced cypher block."""
    found = {}
    for heading, block in _BLOCK.findall(COOKBOOK.read_text(encoding="utf-8")):
        params = _PARAMS.search(block)
        text = "\n".join(line for line in block.splitlines() if not line.startswith("//"))
        found[heading] = (text.strip().rstrip(";"), json.loads(params.group(1)) if params else {})
    return found
