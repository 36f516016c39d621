"""Time of actor resolution (names, gazetteer, coreference, roles) next to spaCy's own parse.

    python bench/entities.py CORPUS.jsonl [--limit 100]

Both are measured in the same run over the same parsed documents: first `nlp.pipe` on the
article pieces, then ActorIndex and the role rules on the resulting docs. The ratio is what
entity work adds to parsing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from polgraph.ingest.entities import ActorIndex
from polgraph.ingest.nlp import load_model, pieces
from polgraph.ingest.read import Failure, Skipped, read_paths
from polgraph.ingest.roles import sentence_roles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args()
    nlp = load_model()
    texts = []
    for item in read_paths([str(p) for p in args.paths]):
        if not isinstance(item, Failure | Skipped):
            texts.extend(piece.text for piece in pieces(item.text))
        if len(texts) >= args.limit:
            break
    nlp("warm up")
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - started
    started = time.perf_counter()
    roles = 0
    for doc in docs:
        index = ActorIndex(doc)
        roles += sum(len(sentence_roles(sentence, index)) for sentence in doc.sents)
    entities = time.perf_counter() - started
    tokens = sum(len(doc) for doc in docs)
    print(f"pieces {len(docs)}  tokens {tokens}  roles {roles}")
    print(f"nlp.pipe          {parse:8.2f} s  ({tokens / parse:,.0f} tokens/s)")
    print(f"entities + roles  {entities:8.2f} s  ({entities / parse:.1%} of nlp.pipe)")


if __name__ == "__main__":
    main()
