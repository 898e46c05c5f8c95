"""Count the nodes a reader would distrust in a seeded sample of BBC news: names merged across
articles into one entity whose articles read them as different kinds of thing, and names kept
as several entities.

Extracts ``--articles`` random BBC articles (``random.Random(seed).sample`` of the corpus's sorted
files), resolves them, and prints

* entities, and entities mentioned in more than one article;
* entities that mix type groups: in one article most of their names are typed Person, in another
  Organization or Place (the NER's noise on one thing, or two things of one name merged);
* names resolved to more than one entity across articles (a split by kind, or two people of one
  surname), each with its entities' articles and the mentions' types, to read.

Usage::

    .venv/bin/python bench/nodes.py --seed 4321 --articles 400
    .venv/bin/python bench/nodes.py --seed 4321 --articles 400 --show   # list every entity counted
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpus" / "bbc"
GROUPS = ("Person", "Organization", "Place")
sys.path.insert(0, str(ROOT))


def main() -> None:
    from kgraph import Settings
    from kgraph.names import NAME_LABELS, name_key
    from kgraph.ontology import load_ontology
    from kgraph.pipeline import extract_articles
    from kgraph.resolve import resolve_entities

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=4321)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--show", action="store_true", help="list the entities counted")
    args = parser.parse_args()

    files = random.Random(args.seed).sample(sorted(BBC.glob("*/*.txt")), args.articles)
    ontology = load_ontology()
    extractions = list(extract_articles(Settings(inputs=files, jobs=args.jobs)))
    result = resolve_entities(extractions, ontology)

    def group(cls: str) -> str:
        if cls == "Person":
            return cls
        return next((g for g in GROUPS[1:] if ontology.is_a(cls, g)), cls)

    # entity -> article -> type groups of its names there
    seen: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for (doc, mention), key in result.mention_entity.items():
        if mention.label not in NAME_LABELS:
            seen[key][doc][group(mention.type)] += 1
    shared = [key for key in result.entities if len(result.documents.get(key, ())) > 1]
    mixed = []
    for key in shared:
        kinds = {counts.most_common(1)[0][0] for counts in seen[key].values()} & set(GROUPS)
        if len(kinds) > 1:
            mixed.append(key)
    by_name: dict[str, list[str]] = defaultdict(list)
    for key, entity in result.entities.items():
        by_name[name_key(entity.label, entity.type == "Person")].append(key)
    several = {name: keys for name, keys in by_name.items() if len(keys) > 1}

    print(
        f"{len(extractions)} articles (seed {args.seed}): {len(result.entities)} entities, "
        f"{len(shared)} in more than one article, {len(mixed)} of them mixing type groups; "
        f"{len(several)} names resolved to more than one entity"
    )
    if not args.show:
        return

    def short(doc: str) -> str:
        return "/".join(Path(doc).parts[-2:])

    print("\nmixing type groups:")
    for key in sorted(mixed):
        print(
            f"  {result.entities[key].label}: "
            + "; ".join(f"{short(d)} {dict(c)}" for d, c in sorted(seen[key].items()))
        )
    print("\nnames resolved to more than one entity:")
    for name, keys in sorted(several.items()):
        print(f"  {name}")
        for key in sorted(keys):
            entity = result.entities[key]
            docs = "; ".join(f"{short(d)} {dict(c)}" for d, c in sorted(seen[key].items()))
            print(f"    {entity.type} {entity.label!r}: {docs}")


if __name__ == "__main__":
    main()
