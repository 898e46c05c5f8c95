"""Benchmark kgraph's query path at scale: load a graph file, then a two-hop join.

Generates a graph that follows kgraph's contract (entities with type, label, other
names, mention count and documents; every relation a plain triple plus one
``rdf:Statement`` per (fact, source sentence) with evidence, offsets, confidence,
extractor and document), about 1,000,000 triples by default, writes it as Turtle,
and times what ``kgraph query`` does:

* load: ``kgraph.query.open_store`` (Oxigraph, in memory);
* query: a two-hop join through ``kgraph.query.run_query`` (answers converted to
  rdflib terms), and the same with ``--infer`` (entailment time reported apart);
* provenance cost: triples per fact and statements per fact.

``--rdflib N`` also times rdflib's memory store and SPARQL engine on an N-triple
graph of the same shape (rdflib takes about a minute to parse a million triples,
so the comparison defaults to off).

Usage::

    .venv/bin/python bench/store.py                    # 1M triples, Oxigraph
    .venv/bin/python bench/store.py --rdflib 100000    # plus rdflib on 100k
    .venv/bin/python bench/store.py --triples 200000 --keep out/bench/graph.ttl
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_HEAD = """@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix kgr: <https://w3id.org/kgraph/id/> .
@prefix kgd: <https://w3id.org/kgraph/doc/> .
@prefix kgs: <https://w3id.org/kgraph/stmt/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

"""

# (subject class, property, object class): the shape of news relations
_RELATIONS = [
    ("Person", "ceoOf", "Organization"),
    ("Person", "headOf", "Organization"),
    ("Person", "worksFor", "Organization"),
    ("Person", "livesIn", "Place"),
    ("Organization", "basedIn", "Place"),
    ("Organization", "acquired", "Organization"),
    ("Organization", "memberOf", "Organization"),
    ("Organization", "hasAgreementWith", "GovernmentBody"),
    ("Event", "heldAt", "Place"),
    ("Person", "participatedIn", "Event"),
]
_CLASSES = [("Person", 0.4), ("Organization", 0.3), ("GovernmentBody", 0.05), ("Place", 0.17), ("Event", 0.08)]
# literals that make parsers work: quotes, backslashes, newlines, non-Latin, emoji
_ODD = ['say "hi"', "back\\slash", "line\nbreak", "東京", "Zürich", "🚀 launch", "<tag> & co"]


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def generate(path: Path, triples: int, seed: int = 7) -> dict[str, int]:
    """Write a contract-shaped Turtle graph of about ``triples`` triples; return counts."""
    rng = random.Random(seed)
    # per entity ~5.4 triples, per fact 11 (1 plain + 10 statement), per document 4
    facts = int(triples * 0.70 / 11)
    entities = int(triples * 0.28 / 5.4)
    documents = max(1, entities // 10)
    written = 0
    by_class: dict[str, list[int]] = {c: [] for c, _ in _CLASSES}
    with path.open("w", encoding="utf-8") as out:
        out.write(_HEAD)
        for d in range(documents):
            out.write(f'kgd:d{d} a kg:Document ; dcterms:source "data/article-{d}.txt" ; '
                      f'dcterms:identifier "article-{d}" ; dcterms:title "Article {d} {_esc(_ODD[d % len(_ODD)])}" .\n')
            written += 4
        bounds, total = [], 0.0
        for cls, share in _CLASSES:
            total += share
            bounds.append((total, cls))
        for e in range(entities):
            cls = next(c for b, c in bounds if (e + 0.5) / entities <= b + 1e-9)
            by_class[cls].append(e)
            label = f"{cls} {e} {_ODD[e % len(_ODD)]}" if e % 50 == 0 else f"{cls} {e}"
            docs = {rng.randrange(documents) for _ in range(1 + (e % 3))}
            mentioned = " , ".join(f"kgd:d{d}" for d in sorted(docs))
            alt = f' ; skos:altLabel "{cls[0]}{e}"' if e % 2 == 0 else ""
            out.write(f'kgr:e{e} a kg:{cls} ; rdfs:label "{_esc(label)}"{alt} ; '
                      f"kg:mentionCount {len(docs) + e % 4} ; kg:mentionedIn {mentioned} .\n")
            written += 3 + len(docs) + (1 if alt else 0)
        seen: set[tuple[int, str, int]] = set()
        made = 0
        while made < facts:
            s_cls, prop, o_cls = rng.choice(_RELATIONS)
            # a skewed choice (a few hubs, a long tail), as in news
            s = by_class[s_cls][int(len(by_class[s_cls]) * rng.random() ** 2)]
            o = by_class[o_cls][int(len(by_class[o_cls]) * rng.random() ** 2)]
            if s == o or (s, prop, o) in seen:
                continue
            seen.add((s, prop, o))
            d = rng.randrange(documents)
            start = rng.randrange(5000)
            out.write(f"kgr:e{s} kg:{prop} kgr:e{o} .\n")
            out.write(
                f"kgs:s{made} a rdf:Statement ; rdf:subject kgr:e{s} ; rdf:predicate kg:{prop} ; rdf:object kgr:e{o} ; "
                f"prov:wasDerivedFrom kgd:d{d} ; "
                f'kg:evidence "Entity {s} and entity {o}: {_esc(_ODD[made % len(_ODD)])}, the article said." ; '
                f"kg:confidence {rng.randrange(50, 100) / 100:.3f} ; "
                f'kg:extractor "bench/1 {prop}/Verb" ; kg:charStart {start} ; kg:charEnd {start + 120} .\n'
            )
            written += 11
            made += 1
    return {"triples": written, "facts": facts, "statements": facts, "entities": entities, "documents": documents}


TWO_HOP = """SELECT ?person ?org ?place WHERE {
  ?person kg:ceoOf ?org .
  ?org kg:basedIn ?place .
}"""
TWO_HOP_INFERRED = """SELECT ?person ?org ?place WHERE {
  ?person kg:worksFor ?org .
  ?org kg:locatedIn ?place .
}"""
EVIDENCE = """SELECT ?evidence ?source WHERE {
  ?st rdf:subject kgr:e0 ; kg:evidence ?evidence ; prov:wasDerivedFrom ?doc .
  ?doc dcterms:source ?source .
}"""


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _time(label: str, fn, *args):  # type: ignore[no-untyped-def]
    """Run fn(*args); print wall-clock and CPU seconds (CPU shows the cost on a busy, shared machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    value = fn(*args)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print(f"  {label:<44} {seconds:8.2f} s wall {cpu_seconds:8.2f} s CPU", flush=True)
    return value, seconds


def run_oxigraph(path: Path) -> None:
    from kgraph.query import open_store, run_query

    print("Oxigraph (kgraph query's default engine):")
    store, load_s = _time("load Turtle (open_store)", open_store, [path])
    result, query_s = _time("two-hop join (run_query, rdflib terms out)", run_query, store, TWO_HOP)
    print(f"  {'':<44} {len(result.rows):8,} rows")
    _, evidence_s = _time("evidence of one entity's facts", run_query, store, EVIDENCE)
    print(f"  load + two-hop query: {load_s + query_s:.2f} s (target < 10 s); query {query_s:.2f} s (target < 1 s)")

    from kgraph.infer import entailment_rules, materialize_store

    added, infer_s = _time("--infer: add entailments", materialize_store, store, entailment_rules())
    print(f"  {'':<44} {added:8,} triples added")
    result, query_s = _time("two-hop join through sub-properties", run_query, store, TWO_HOP_INFERRED)
    print(f"  {'':<44} {len(result.rows):8,} rows")
    print(f"  peak RSS so far: {_rss_mb():,.0f} MB")


def run_rdflib(triples: int, workdir: Path) -> None:
    from kgraph.query import load_graphs, run_query

    path = workdir / f"rdflib-{triples}.ttl"
    counts = generate(path, triples)
    print(f"rdflib memory store, {counts['triples']:,} triples:")
    graph, load_s = _time("load Turtle (load_graphs)", load_graphs, [path])
    result, query_s = _time("two-hop join (rdflib SPARQL)", run_query, graph, TWO_HOP)
    print(f"  {'':<44} {len(result.rows):8,} rows")
    print(f"  load + two-hop query: {load_s + query_s:.2f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib", type=int, default=0, metavar="N",
                        help="also time rdflib on an N-triple graph (0: skip)")
    parser.add_argument("--keep", type=Path, help="write the generated Turtle here and keep it")
    args = parser.parse_args(argv)
    print(f"load average before the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")

    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as tmp:
        path = args.keep or Path(tmp) / "graph.ttl"
        path.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        counts = generate(path, args.triples)
        print(f"generated {counts['triples']:,} triples ({counts['entities']:,} entities, {counts['facts']:,} facts, "
              f"{counts['documents']:,} documents), {path.stat().st_size / 1e6:.0f} MB Turtle, "
              f"in {time.perf_counter() - start:.1f} s")
        relation_triples = counts["facts"] * 11
        print(f"provenance: {relation_triples / counts['facts']:.0f} triples per fact "
              f"(1 plain triple + 1 rdf:Statement of 10 triples per source sentence); "
              f"{counts['statements'] / counts['facts']:.2f} statements per fact; "
              f"relations and their evidence are {relation_triples / counts['triples']:.0%} of the graph")
        run_oxigraph(path)
        if args.rdflib:
            run_rdflib(args.rdflib, Path(tmp))


if __name__ == "__main__":
    main()
