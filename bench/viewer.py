"""Benchmark the HTML viewer: Python write time and time to interactive in Chromium.

Builds a synthetic graph that follows the graph contract (5,000 entities and 15,000
relations by default, each relation backed by an rdf:Statement with an evidence
sentence), writes it with ``kgraph.export.html.write_html`` at several ``max_nodes``
caps, opens each page in headless Debian Chromium through Python playwright, and
prints the figures.

Time to interactive is the page's own clock (``performance.now()``, from navigation
start) at the moment the viewer has parsed the data, run the short physics layout,
switched physics off and drawn the first still frame (``kgraphViewer.ready``).

Usage::

    .venv/bin/python bench/viewer.py                      # 5,000 / 15,000, default caps
    .venv/bin/python bench/viewer.py --caps 1000,2000,5000 --runs 3

How ``DEFAULT_MAX_NODES`` was chosen: the cap is the largest round number whose
median time to interactive stayed under about 2.5 s on the project's 2-core machine
(shared, noisy), leaving half of the 5 s budget for slower laptops and busy cores.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KG = Namespace("https://w3id.org/kgraph/ontology#")
ID = Namespace("https://w3id.org/kgraph/id/")
STMT = Namespace("https://w3id.org/kgraph/stmt/")
DOC = Namespace("https://w3id.org/kgraph/doc/")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# (class, share of entities, relations it may start)
_CLASSES = [
    (KG.Person, 0.40),
    (KG.Organization, 0.30),
    (KG.GovernmentBody, 0.05),
    (KG.Place, 0.15),
    (KG.Event, 0.07),
    (KG.Award, 0.03),
]
_RELATIONS = [
    (KG.Person, KG.worksFor, KG.Organization),
    (KG.Person, KG.ceoOf, KG.Organization),
    (KG.Person, KG.memberOf, KG.GovernmentBody),
    (KG.Person, KG.livesIn, KG.Place),
    (KG.Person, KG.receivedAward, KG.Award),
    (KG.Organization, KG.basedIn, KG.Place),
    (KG.Organization, KG.hasAgreementWith, KG.Organization),
    (KG.Organization, KG.partnerOf, KG.GovernmentBody),
    (KG.Organization, KG.acquired, KG.Organization),
    (KG.Organization, KG.participatedIn, KG.Event),
    (KG.Event, KG.heldAt, KG.Place),
    (KG.GovernmentBody, KG.operates, KG.Place),
]
_FIRST = ["Aiko", "Ben", "Chloé", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jon"]
_LAST = ["Sato", "Okafor", "Müller", "Silva", "Novak", "Haddad", "Kim", "Rossi", "Dubois", "Lee"]
_WORDS = ["Blue", "North", "Quantum", "Harbor", "Civic", "Green", "Summit", "Orbit", "Cedar", "Atlas"]


def _name(cls: URIRef, i: int, rng: random.Random) -> str:
    if cls == KG.Person:
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {i}"
    if cls == KG.Place:
        return f"{rng.choice(_WORDS)}ville {i}"
    if cls == KG.Event:
        return f"{rng.choice(_WORDS)} Summit {i}"
    if cls == KG.Award:
        return f"{rng.choice(_WORDS)} Prize {i}"
    if cls == KG.GovernmentBody:
        return f"Ministry of {rng.choice(_WORDS)} Affairs {i}"
    return f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} Corp {i}"


def synthetic_graph(entities: int = 5000, relations: int = 15000, seed: int = 1) -> Graph:
    """A graph that follows the kgraph contract, with a skewed (news-like) degree spread."""
    rng = random.Random(seed)
    g = Graph()
    g.bind("kg", KG)
    documents = max(1, entities // 6)
    for d in range(documents):
        doc = DOC[f"d{d}"]
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, DCTERMS.source, Literal(f"data/articles/article-{d}.txt")))
        g.add((doc, DCTERMS.title, Literal(f"Article number {d}")))
        g.add((doc, DCTERMS.date, Literal(f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}")))
    by_class: dict[URIRef, list[URIRef]] = {cls: [] for cls, _ in _CLASSES}
    weights: dict[URIRef, list[float]] = {cls: [] for cls, _ in _CLASSES}
    names: dict[URIRef, str] = {}
    cumulative = 0.0
    bounds = []
    for cls, share in _CLASSES:
        cumulative += share
        bounds.append((cumulative, cls))
    for i in range(entities):
        r = (i + 0.5) / entities
        cls = next(c for bound, c in bounds if r <= bound + 1e-9)
        iri = ID[f"e{i}"]
        name = _name(cls, i, rng)
        names[iri] = name
        by_class[cls].append(iri)
        # Zipf-like popularity: a few hubs, a long tail.
        weights[cls].append(1.0 / (1 + len(by_class[cls])) ** 0.9)
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, Literal(name)))
        if i % 4 == 0:
            g.add((iri, SKOS.altLabel, Literal(name.split()[0] + f" #{i}")))
        mentions = 1 + int(rng.paretovariate(1.5))
        g.add((iri, KG.mentionCount, Literal(mentions)))
        for _ in range(min(mentions, 3)):
            g.add((iri, KG.mentionedIn, DOC[f"d{rng.randrange(documents)}"]))
    made = 0
    seen: set[tuple[URIRef, URIRef, URIRef]] = set()
    while made < relations:
        domain, prop, range_ = rng.choice(_RELATIONS)
        s = rng.choices(by_class[domain], weights[domain])[0]
        o = rng.choices(by_class[range_], weights[range_])[0]
        if s == o or (s, prop, o) in seen:
            continue
        seen.add((s, prop, o))
        g.add((s, prop, o))
        stmt = STMT[f"s{made}"]
        doc = DOC[f"d{rng.randrange(documents)}"]
        g.add((stmt, RDF.type, RDF.Statement))
        g.add((stmt, RDF.subject, s))
        g.add((stmt, RDF.predicate, prop))
        g.add((stmt, RDF.object, o))
        g.add((stmt, PROV.wasDerivedFrom, doc))
        sentence = f"{names[s]} and {names[o]} were named together in report {made}, officials said."
        g.add((stmt, KG.evidence, Literal(sentence)))
        g.add((stmt, KG.confidence, Literal(Decimal(rng.randrange(50, 100)) / 100, datatype=XSD.decimal)))
        g.add((stmt, KG.extractor, Literal("bench-synthetic/1")))
        made += 1
    return g


def launch_browser(playwright):  # type: ignore[no-untyped-def]
    """Debian's chromium, headless, with a fresh profile; nothing downloaded."""
    profile = tempfile.mkdtemp(prefix="kgraph-chromium-")
    return playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1400, "height": 900},
    )


def time_to_interactive(context, path: Path, timeout_s: float = 60.0) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Open ``path`` and return the page's own timings in milliseconds."""
    page = context.new_page()
    outside: list[str] = []
    page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
               if not route.request.url.startswith("file:") else route.continue_())
    page.goto(path.as_uri())
    page.wait_for_function("window.kgraphViewer && window.kgraphViewer.ready", timeout=timeout_s * 1000)
    timings = page.evaluate("window.kgraphViewer.timings")
    # A probe that the main thread answers promptly once ready, i.e. the page is usable.
    start = time.perf_counter()
    page.evaluate("window.kgraphViewer.search('a', 10).length")
    timings["probeMs"] = (time.perf_counter() - start) * 1000
    page.close()
    if outside:
        raise RuntimeError(f"the page asked for {outside[:3]}")
    return timings


def main(argv: list[str] | None = None) -> None:
    from kgraph.export.html import DEFAULT_MAX_NODES, write_html

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=15000)
    parser.add_argument("--caps", default=f"500,1000,{DEFAULT_MAX_NODES},3000,5000",
                        help="comma-separated max_nodes values to try")
    parser.add_argument("--runs", type=int, default=3, help="page loads per cap (median reported)")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    graph = synthetic_graph(args.entities, args.relations)
    print(f"synthetic graph: {args.entities:,} entities, {args.relations:,} relations, "
          f"{len(graph):,} triples, built in {time.perf_counter() - start:.1f} s")

    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    print(f"{'max_nodes':>9} {'drawn':>11} {'write s':>8} {'MB':>6} {'TTI ms':>8} "
          f"{'layout ms':>9} {'min-max TTI':>13}")
    with sync_playwright() as p:
        context = launch_browser(p)
        try:
            for cap in [int(c) for c in args.caps.split(",")]:
                path = args.out / f"viewer-{cap}.html"
                start = time.perf_counter()
                report = write_html(graph, path, title="kgraph benchmark", max_nodes=cap)
                write_s = time.perf_counter() - start
                ttis, layouts = [], []
                for _ in range(args.runs):
                    t = time_to_interactive(context, path)
                    ttis.append(t["ready"])
                    layouts.append(t.get("stabilized", t["ready"]) - t["dataSet"])
                size_mb = path.stat().st_size / 1e6
                print(f"{cap:>9} {report.nodes_drawn:>5}/{report.edges_drawn:<5} {write_s:>8.2f} "
                      f"{size_mb:>6.1f} {statistics.median(ttis):>8.0f} "
                      f"{statistics.median(layouts):>9.0f} {min(ttis):>6.0f}-{max(ttis):<6.0f}",
                      flush=True)
        finally:
            context.close()


if __name__ == "__main__":
    main()
