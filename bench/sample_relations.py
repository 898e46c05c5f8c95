"""Print a seeded random sample of the relations kgraph finds in BBC news, for a careful reader.

Precision on articles nobody tuned for is judged by reading: this script picks ``--articles``
random BBC articles (../shared/corpus/bbc), extracts them with the default pipeline, and prints
``--relations`` random relations, each with its sentence, to mark right or wrong by hand.
The README quotes the latest judged sample.

Usage::

    .venv/bin/python bench/sample_relations.py --seed 23 --relations 70
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpus" / "bbc"
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--relations", type=int, default=70)
    parser.add_argument("--extractor", default="rules", choices=["rules", "rules+classifier"])
    parser.add_argument("--model", help="spaCy pipeline (default: kgraph's)")
    args = parser.parse_args(argv)
    if not BBC.is_dir():
        print(f"Cannot sample: {BBC} is absent (the BBC corpus lives in ../shared/corpus/bbc).", file=sys.stderr)
        return 1

    from kgraph.config import Settings
    from kgraph.pipeline import extract_articles
    from kgraph.report import extraction_record

    files = sorted(BBC.glob("*/*.txt"))
    random.Random(args.seed).shuffle(files)
    picked = files[: args.articles]
    relations = []
    for extraction in extract_articles(Settings(inputs=picked, extractor=args.extractor, model=args.model)):
        record = extraction_record(extraction)
        relations += [(extraction.article.id, rel) for rel in record["relations"]]
    print(f"{len(relations)} relations in {len(picked)} articles (seed {args.seed}); a sample of "
          f"{min(args.relations, len(relations))}:")
    random.Random(args.seed).shuffle(relations)
    for n, (doc, rel) in enumerate(relations[: args.relations], start=1):
        s, o = rel["subject"], rel["object"]
        print(f"{n:>3}. {s['text']} ({s['type']}) --{rel['predicate']}--> {o['text']} ({o['type']})   [{doc}]")
        print(f"     > {rel['evidence'][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
