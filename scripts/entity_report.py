"""Actor-resolution figures on a real corpus: how many names were retyped, found where the
model missed them, mapped by the gazetteer; how many pronouns and descriptors resolved;
which roles came out; and whether any article crashed.

    python scripts/entity_report.py CORPUS.jsonl [MORE.jsonl] [--samples 20]

Unit tests check rules on sentences written for them; this looks at news nobody wrote the
rules for, so an analyst can read the samples and judge.
"""

from __future__ import annotations

import argparse
import random
import traceback
from collections import Counter
from pathlib import Path

from polgraph.ingest.actors import DESCRIPTOR, NAME
from polgraph.ingest.coref import PRONOUNS, SPEAKER_GROUP_PRONOUNS, SPEAKER_PRONOUNS
from polgraph.ingest.entities import ActorIndex
from polgraph.ingest.nlp import load_model, pieces
from polgraph.ingest.read import Failure, Skipped, read_paths
from polgraph.ingest.roles import sentence_roles

REFERRING = set(PRONOUNS) | SPEAKER_PRONOUNS | SPEAKER_GROUP_PRONOUNS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    nlp = load_model()
    counts: Counter[str] = Counter()
    pronouns: Counter[str] = Counter()
    resolved_pronouns: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    samples: dict[str, list[str]] = {"retyped": [], "pronoun": [], "descriptor": [], "role": []}
    for item in read_paths([str(p) for p in args.paths]):
        if isinstance(item, Failure):
            counts["unreadable"] += 1
            continue
        if isinstance(item, Skipped):
            continue
        counts["articles"] += 1
        for doc in nlp.pipe(piece.text for piece in pieces(item.text)):
            try:
                index = ActorIndex(doc)
                found = [r for s in doc.sents for r in sentence_roles(s, index)]
            except Exception:  # noqa: BLE001 - the report counts crashes instead of stopping
                counts["crashed pieces"] += 1
                traceback.print_exc()
                continue
            tagged = {(e.start, e.end): e.label_ for e in doc.ents}
            for actor in index.actors():
                counts["named mentions"] += 1
                label = tagged.get((actor.span.start, actor.span.end))
                if label is None:
                    counts["names the model missed"] += 1
                elif label != actor.mention.type:
                    counts["retyped"] += 1
                    samples["retyped"].append(
                        f"{actor.span.text!r} {label}->{actor.mention.type} ({actor.mention.name})"
                    )
                if actor.mention.name != actor.mention.mention:
                    counts["renamed (surname, gazetteer, override)"] += 1
            for token in doc:
                if token.lower_ in REFERRING and token.pos_ == "PRON":
                    pronouns[token.lower_] += 1
            for actor in index.references():
                context = actor.span.sent.text.strip().replace("\n", " ")[:140]
                line = f"{actor.mention.mention!r} -> {actor.mention.name} | {context}"
                if actor.resolved_by == DESCRIPTOR:
                    counts["descriptors resolved"] += 1
                    samples["descriptor"].append(line)
                elif actor.resolved_by != NAME:
                    resolved_pronouns[actor.mention.mention.lower()] += 1
                    samples["pronoun"].append(line)
            for role in found:
                roles[role.type] += 1
                samples["role"].append(
                    f"{role.holder.name} {role.type} {role.target.name} "
                    f"(role={role.role}, former={role.former})"
                )
    print("== figures")
    for key, value in counts.items():
        print(f"{key:40} {value}")
    total, done = sum(pronouns.values()), sum(resolved_pronouns.values())
    print(f"{'pronouns resolved / seen':40} {done} / {total} ({done / max(total, 1):.0%})")
    for word, seen in pronouns.most_common():
        print(f"    {word:10} {resolved_pronouns[word]:5} / {seen}")
    print(f"{'roles':40} {sum(roles.values())}  " + ", ".join(f"{k} {v}" for k, v in roles.items()))
    rng = random.Random(args.seed)
    for kind, lines in samples.items():
        print(f"== sample of {kind} ({len(lines)})")
        for line in rng.sample(lines, min(args.samples, len(lines))):
            print("   ", line)


if __name__ == "__main__":
    main()
