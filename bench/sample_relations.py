"""Print a seeded random sample of the relations kgraph finds in BBC news, for a careful reader.

Precision on articles nobody tuned for is judged by reading: this script picks ``--articles``
random BBC articles (../shared/corpus/bbc), extracts them with the default pipeline, and prints
``--relations`` random relations, each with its sentence, to mark right or wrong by hand.

``--mix`` picks the articles by category instead (the extraction issue's reading: 40 business,
20 politics, 10 tech and 10 entertainment articles).  ``--compare MODEL`` extracts the same
articles with another pipeline too (``--compare MODEL:EXTRACTOR`` another extractor as well,
``default`` for the stock model; repeatable) and prints every relation any of them finds, in
article order and unlabelled, so the reader cannot tell which pipeline found it; ``--key FILE`` writes which one
did, as JSON (with each relation's confidence), to score each pipeline once the relations are
judged: ``bench/score_reading.py`` counts them, at every confidence and at ``kgraph build``'s
threshold.  docs/quality.md keeps the judged readings.

Usage::

    .venv/bin/python bench/sample_relations.py --seed 23 --relations 70
    .venv/bin/python bench/sample_relations.py --seed 6061 --mix --compare kgraph-ner --key key.json > sample.md
    .venv/bin/python bench/sample_relations.py --seed 7 --mix --compare default:rules+classifier --compare kgraph-ner
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpus" / "bbc"
MIX = (("business", 40), ("politics", 20), ("tech", 10), ("entertainment", 10))
sys.path.insert(0, str(ROOT))


def pick_articles(seed: int, articles: int, mix: bool) -> list[Path]:
    """The seeded random articles: ``articles`` from the whole corpus, or by category (:data:`MIX`)."""
    rng = random.Random(seed)
    if mix:
        return [path for category, n in MIX for path in rng.sample(sorted((BBC / category).glob("*.txt")), n)]
    files = sorted(BBC.glob("*/*.txt"))
    rng.shuffle(files)
    return files[:articles]


def relations_of(picked: list[Path], extractor: str, model: str | None) -> list[tuple[str, dict[str, Any]]]:
    """(article id, relation record) for every relation the pipeline finds in the articles, in article order."""
    from kgraph.config import Settings
    from kgraph.ontology import load_ontology
    from kgraph.pipeline import extract_articles
    from kgraph.report import extraction_record

    ontology = load_ontology()
    found = []
    for extraction in extract_articles(Settings(inputs=picked, extractor=extractor, model=model, jobs=1)):
        record = extraction_record(extraction)
        labels = node_labels(extraction, ontology)
        for rel in record["relations"]:
            for end in (rel["subject"], rel["object"]):
                end["node"] = labels.get(end["id"], end["id"].replace("_", " "))
            found.append((extraction.article.id, rel))
    return found


def node_labels(extraction: Any, ontology: Any) -> dict[str, str]:
    """Each entity id of an extraction's record -> the label its node takes in the graph built from the article
    ("Vladimir Putin" for the cluster the record calls "Mr_Putin": the graph names a node by its fullest name)."""
    from kgraph.graph import slug
    from kgraph.resolve import resolve_entities

    resolution = resolve_entities([extraction], ontology)
    labels: dict[str, str] = {}
    for mention in extraction.mentions:
        key = resolution.mention_entity.get((extraction.article.id, mention))
        if key is not None:
            labels.setdefault(slug(extraction.links.get(mention, mention).text), resolution.entities[key].label)
    return labels


def _local_extractors() -> list[str]:
    """The extractors that run without a server (the LLM's need one)."""
    from kgraph.extract import EXTRACTORS, LLM_EXTRACTORS

    return [name for name in EXTRACTORS if name not in LLM_EXTRACTORS]


def _name(model: str | None, extractor: str) -> str:
    return f"{model or 'default'}/{extractor}"


def _named(entity: dict[str, Any]) -> str:
    """A relation's party as the sentence writes it, and the node it names in the graph where the two differ
    ("Reserve Bank [= Reserve Bank of Australia]": the article named the bank in full before)."""
    node = entity.get("node") or entity["id"].replace("_", " ")
    return entity["text"] if node == entity["text"] else f"{entity['text']} [= {node}]"


def _line(n: int, doc: str, rel: dict[str, Any]) -> str:
    s, o = rel["subject"], rel["object"]
    role = rel.get("role") or {}
    # a past post is stated with its role marked not current: the reader must see that
    past = " (former)" if role.get("current") is False else ""
    return (f"{n:>3}. {_named(s)} ({s['type']}) --{rel['predicate']}{past}--> {_named(o)} ({o['type']})   [{doc}]\n"
            f"     > {rel['evidence'][:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--mix", action="store_true", help="pick 40 business, 20 politics, 10 tech, 10 entertainment")
    parser.add_argument("--relations", type=int, default=70)
    parser.add_argument("--extractor", default="rules", choices=_local_extractors())
    parser.add_argument("--model", help="spaCy pipeline (default: kgraph's)")
    parser.add_argument("--compare", metavar="MODEL[:EXTRACTOR]", action="append", default=[],
                        help="another pipeline ('default' for the stock model; repeatable): print every relation "
                        "of all, unlabelled")
    parser.add_argument("--key", type=Path, help="write which pipeline found each relation, and its confidence, here")
    args = parser.parse_args(argv)
    if not BBC.is_dir():
        print(f"Cannot sample: {BBC} is absent (the BBC corpus lives in ../shared/corpus/bbc).", file=sys.stderr)
        return 1

    picked = pick_articles(args.seed, args.articles, args.mix)
    if args.compare:
        systems = {_name(args.model, args.extractor): (args.model, args.extractor)}
        for spec in args.compare:
            model, _, extractor = spec.partition(":")
            if extractor and extractor not in _local_extractors():
                parser.error(f"--compare {spec}: no extractor {extractor!r} (one of {', '.join(_local_extractors())})")
            pipeline = (None if model == "default" else model, extractor or args.extractor)
            systems.setdefault(_name(*pipeline), pipeline)
        if len(systems) < 1 + len(args.compare):
            parser.error("--compare names a pipeline twice")
        union: dict[tuple[str, str, str, str, str], tuple[dict[str, Any], set[str]]] = {}
        for name, (model, extractor) in systems.items():
            for doc, rel in relations_of(picked, extractor, model):
                item = (doc, rel["subject"]["text"], rel["predicate"], rel["object"]["text"], rel["evidence"])
                union.setdefault(item, (rel, {}))[1][name] = rel["confidence"]
        items = sorted(union, key=lambda i: (i[0], i[4], i[1], i[2], i[3]))
        print(f"{len(items)} relations in {len(picked)} articles (seed {args.seed}), "
              f"from {len(systems)} pipelines, unlabelled:")
        for n, item in enumerate(items, start=1):
            print(_line(n, item[0], union[item][0]))
        if args.key:
            key = [{"n": n, "doc": item[0], "found_by": sorted(union[item][1]), "confidence": union[item][1]}
                   for n, item in enumerate(items, start=1)]
            args.key.write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
        return 0

    relations = relations_of(picked, args.extractor, args.model)
    print(f"{len(relations)} relations in {len(picked)} articles (seed {args.seed}); a sample of "
          f"{min(args.relations, len(relations))}:")
    random.Random(args.seed).shuffle(relations)
    sample = relations[: args.relations]
    for n, (doc, rel) in enumerate(sample, start=1):
        print(_line(n, doc, rel))
    if args.key:
        name = _name(args.model, args.extractor)
        key = [{"n": n, "doc": doc, "found_by": [name], "confidence": {name: rel["confidence"]}}
               for n, (doc, rel) in enumerate(sample, start=1)]
        args.key.write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
