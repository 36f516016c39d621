"""How many persons with a role have a country, and a random sample to check by hand.

    python scripts/country_report.py --store STORE [--samples 50] [--seed 12]

A person "with a role" is the subject of a LEADER_OF or MEMBER_OF relation or of any
relation carrying a `role`. The sample prints each person's country and sector with the
sentences of their roles, so a reader can judge, person by person, whether the country is
the one they act for.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from pathlib import Path

from polgraph.graph.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    with Store(args.store, read_only=True) as store:
        rows = store.rows()
    entities = {row["id"]: row for row in rows.entities}
    roles: dict[str, list[str]] = defaultdict(list)
    for rel_type, batch in rows.relations.items():
        for row in batch:
            person = entities[row["source_id"]]
            if person["type"] != "PERSON":
                continue
            if rel_type in ("LEADER_OF", "MEMBER_OF") or row.get("role"):
                target = entities[row["target_id"]]["name"]
                roles[person["id"]].append(
                    f"{rel_type} {row.get('role') or ''} -> {target}: {row['sentence'][:160]}"
                )
    placed = [person for person in roles if entities[person]["country"]]
    share = len(placed) / len(roles) if roles else 0.0
    print(f"persons with a role: {len(roles)}; with a country: {len(placed)} ({share:.1%})")
    sample = random.Random(args.seed).sample(sorted(placed), min(args.samples, len(placed)))
    for number, person in enumerate(sample, start=1):
        entity = entities[person]
        print(f"\n{number}. {entity['name']}: {entity['country']} {entity['sector'] or ''}")
        for line in roles[person][:3]:
            print(f"   {line}")


if __name__ == "__main__":
    main()
