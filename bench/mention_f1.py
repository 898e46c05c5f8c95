#!/usr/bin/env python
"""Exact entity F1 of kgraph's mentions (the NER + kgraph's repairs and typing) on a train split.

What it measures: the names ``find_mentions`` returns (not pronouns, descriptions or a country's
adjective; a country's own name set before a noun, "U.S. Sen. X", "the UK retailer", is a name), typed
Person -> PER, Organization (and its subclasses) -> ORG, Place -> LOC, against
the gold PER/ORG/LOC of CoNLL-2003 or Peop/Org/Loc of CoNLL04, by exact character span and type.
Other classes (events, awards) and the gold's MISC/Other are not scored.  For choosing span and
type repairs on **train** splits (issue 19); never point it at a dev set.

The parses are cached (``--cache``, a DocBin per file and model) so a before/after comparison
parses once; ``--diff FILE`` writes the sentences whose scored spans changed against a saved run
(``--save FILE``).

Usage::

    .venv/bin/python bench/mention_f1.py ../shared/devdata/conll03/train.jsonl ../shared/devdata/conll04/train.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "Peop": "PER", "Org": "ORG", "Loc": "LOC"}
SKIPPED_LABELS = {"pronoun", "description", "adjective"}


def _parse(path: Path, texts: list[str], cache: Path) -> list:
    from spacy.tokens import DocBin

    from kgraph.nlp import load_pipeline, model_name

    nlp = load_pipeline()
    key = hashlib.sha1(f"{path.resolve()}|{model_name()}|{len(texts)}".encode()).hexdigest()[:12]
    store = cache / f"{path.stem}-{key}.spacy"
    if store.exists():
        return list(DocBin().from_disk(store).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=256))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=True, docs=docs).to_disk(store)
    return docs


def _kind(ontology, cls: str) -> str | None:  # type: ignore[no-untyped-def]
    for name in ("Person", "Organization", "Place"):
        if ontology.is_a(cls, name):
            return {"Person": "PER", "Organization": "ORG", "Place": "LOC"}[name]
    return None


def score(path: Path, cache: Path, limit: int | None = None) -> tuple[Counter[str], dict[str, list]]:
    from kgraph.extract.mentions import find_mentions
    from kgraph.ontology import load_ontology

    ontology = load_ontology(ROOT / "ontology")
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r["text"].strip()][:limit]
    docs = _parse(path, [r["text"] for r in rows], cache)
    counts: Counter[str] = Counter()
    spans: dict[str, list] = {}
    for row, doc in zip(rows, docs, strict=True):
        gold = {(e["start"], e["end"], GOLD[e["type"]]) for e in row["entities"] if e["type"] in GOLD}
        predicted = set()
        for mention, _ in find_mentions(doc, ontology):
            named = mention.label == "adjective" and doc.text[mention.start : mention.end] == mention.text  # "U.S."
            kind = _kind(ontology, mention.type) if mention.label not in SKIPPED_LABELS or named else None
            if kind is not None:
                predicted.add((mention.start, mention.end, kind))
        for kind in ("PER", "ORG", "LOC", "all"):
            g = {s for s in gold if kind in {"all", s[2]}}
            p = {s for s in predicted if kind in {"all", s[2]}}
            counts[f"{kind} tp"] += len(g & p)
            counts[f"{kind} fp"] += len(p - g)
            counts[f"{kind} fn"] += len(g - p)
        spans[row["id"]] = sorted(predicted)
    return counts, spans


def _f1(counts: Counter[str], kind: str) -> tuple[float, float, float]:
    tp, fp, fn = counts[f"{kind} tp"], counts[f"{kind} fp"], counts[f"{kind} fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kgraph-mention-f1"))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--save", type=Path, help="write the predicted spans per sentence (JSON)")
    parser.add_argument("--diff", type=Path, help="a --save file to compare with: print the changed sentences")
    args = parser.parse_args(argv)
    saved_all: dict[str, list] = {}
    before = json.loads(args.diff.read_text()) if args.diff else {}
    for path in args.files:
        counts, spans = score(path, args.cache, args.limit)
        line = "  ".join(
            f"{kind} P {p:.4f} R {r:.4f} F1 {f:.4f}"
            for kind in ("all", "PER", "ORG", "LOC")
            for p, r, f in [_f1(counts, kind)]
        )
        totals = f"tp {counts['all tp']} fp {counts['all fp']} fn {counts['all fn']}"
        print(f"{path.parent.name}/{path.name}: {line}  ({totals})")
        saved_all.update({k: [list(s) for s in v] for k, v in spans.items()})
        if before:
            texts = {json.loads(x)["id"]: json.loads(x) for x in path.open(encoding="utf-8") if x.strip()}
            for key, now in spans.items():
                old = {tuple(s) for s in before.get(key, [])}
                if old != set(now) and key in texts:
                    row = texts[key]
                    gold = {(e["start"], e["end"], GOLD[e["type"]]) for e in row["entities"] if e["type"] in GOLD}

                    def show(s: tuple, text: str = row["text"], gold: set = gold) -> str:
                        return f"{text[s[0] : s[1]]}/{s[2]}{'+' if tuple(s) in gold else '-'}"

                    lost = [show(s) for s in sorted(old - set(now))]
                    new = [show(s) for s in sorted(set(now) - old)]
                    print(f"  {key}: -{lost} +{new} | {row['text'][:160]}")
    if args.save:
        args.save.write_text(json.dumps(saved_all))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
