"""Benchmark the HTML viewer: Python write time and time to interactive in Chromium.

Builds a synthetic graph that follows the graph contract (5,000 entities and 15,000
relations by default, each relation backed by an rdf:Statement with an evidence
sentence), writes it with ``kgraph.export.html.write_html`` at several ``max_nodes``
caps, opens each page in headless Debian Chromium through Python playwright, and
prints the figures.

Time to interactive (TTI) is the page's own clock (``performance.now()``, from
navigation start) when the viewer has parsed the data, built the network and drawn
its first frame (``kgraphViewer.ready``); the layout comes from Python, so nothing
moves after that. "data ms" is the part up to handing the data to vis-network,
"draw ms" the first draw. Figures are medians of ``--runs`` page loads.

The first look is measured on the view the page opens with (``FIRST_LOOK``): the
zoom, the smallest on-screen name size among the 20 best connected entities ("top
px", the page aims at 10 px or more), how many of them are in the window, how many
names are drawn, how many drawn names overlap another ("overlaps") or a drawn
relation label ("rel/name"), all in a 1400x900 window.

Usage::

    .venv/bin/python bench/viewer.py                      # 5,000 / 15,000, default caps
    .venv/bin/python bench/viewer.py --caps 1000,2000,5000 --runs 3
    .venv/bin/python bench/viewer.py --page out/graph.html --screenshot docs/viewer.png

How ``DEFAULT_MAX_NODES`` was chosen: time to interactive grows with what is drawn
(entities plus relations), about 1 s plus 0.06-0.1 ms per item here. The default is
the largest round cap that kept every load of the 5,000/15,000 graph well inside the
5 s budget on the project's shared 2-core machine (medians 2.3-3.5 s at load average
4-5). Try ``--entities 10000 --relations 30000`` for a denser case.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

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
    # Cumulative weights once: rng.choices would otherwise sum them on every call.
    cumulative_weights = {cls: list(itertools.accumulate(w)) for cls, w in weights.items()}
    made = 0
    seen: set[tuple[URIRef, URIRef, URIRef]] = set()
    while made < relations:
        domain, prop, range_ = rng.choice(_RELATIONS)
        s = rng.choices(by_class[domain], cum_weights=cumulative_weights[domain])[0]
        o = rng.choices(by_class[range_], cum_weights=cumulative_weights[range_])[0]
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


def launch_browser(playwright: Any) -> Any:
    """Debian's chromium, headless, with a fresh profile; nothing downloaded."""
    profile = tempfile.mkdtemp(prefix="kgraph-chromium-")
    return playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1400, "height": 900},
    )


_REDRAW = """async (scale) => {
  const net = kgraphViewer.network;
  if (scale) net.moveTo({scale: scale});
  else net.fit();
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await new Promise(r => { net.once('afterDrawing', r); net.redraw(); });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[1];
}"""


# The first look, measured on the page as it opened: the on-screen name size of the
# best connected entities (numbered first), whether they are in the window, and how
# many drawn names overlap another drawn name (boxes from vis-network's own layout
# of each label, in canvas units) or a drawn relation label.
FIRST_LOOK = """(top) => {
  const v = kgraphViewer, net = v.network, body = net.body;
  const scale = net.getScale();
  const box = document.getElementById('network').getBoundingClientRect();
  const inView = (id) => {
    const p = net.canvasToDOM({x: body.nodes[id].x, y: body.nodes[id].y});
    return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
  };
  const drawnLabel = (item) => {
    const m = item.labelModule;
    if (!m || !m.elementOptions.label) return null;
    const px = m.fontOptions.size * scale;
    if (px < m.elementOptions.scaling.label.drawThreshold - 1) return null;
    const s = m.size;
    // A label vis-network has not laid out yet (its node was never in the window) is not drawn.
    if (item.x !== undefined && Math.abs(s.left + s.width / 2 - item.x) > 2) return null;
    const a = net.canvasToDOM({x: s.left, y: s.top});
    const b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    if (b.x < 0 || b.y < 0 || a.x > box.width || a.y > box.height) return null;
    return [a.x, a.y, b.x, b.y];
  };
  const ids = body.nodeIndices;
  const names = ids.map(id => drawnLabel(body.nodes[id])).filter(Boolean);
  const rels = body.edgeIndices.map(id => drawnLabel(body.edges[id])).filter(Boolean);
  const hit = (p, q) =>
    Math.min(p[2], q[2]) - Math.max(p[0], q[0]) > 1 && Math.min(p[3], q[3]) - Math.max(p[1], q[1]) > 1;
  let nameOverlaps = 0, relationOverlaps = 0;
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) if (hit(names[i], names[j])) nameOverlaps++;
    for (const r of rels) if (hit(names[i], r)) relationOverlaps++;
  }
  const topIds = ids.filter(id => id < top).slice(0, top);
  const px = topIds.map(id => body.nodes[id].options.font.size * scale);
  return {
    scale: scale,
    topMinPx: Math.min(...px),
    topInView: topIds.filter(inView).length,
    top: topIds.length,
    namesDrawn: names.length,
    nodesInView: ids.filter(inView).length,
    relationLabelsDrawn: rels.length,
    nameOverlaps: nameOverlaps,
    relationNameOverlaps: relationOverlaps,
    ready: v.timings.ready
  };
}"""


def first_look(page: Any, top: int = 20) -> dict[str, float]:
    """The first-look figures of an opened viewer page (see ``FIRST_LOOK``)."""
    return dict(page.evaluate(FIRST_LOOK, top))


def time_to_interactive(
    context: Any, path: Path, timeout_s: float = 60.0, screenshot: Path | None = None
) -> dict[str, float]:
    """Open ``path`` and return the page's own timings in milliseconds, and its first look.

    ``ready`` is time to interactive; ``frameFit``/``frameZoom`` are the median time of
    one redraw with the whole graph in view and zoomed to scale 1 (labels drawn), which
    is what panning, hovering and filtering cost afterwards. The ``FIRST_LOOK`` figures
    are taken before that, on the view the page opened with (``screenshot`` saves it).
    """
    page = context.new_page()
    outside: list[str] = []
    page.route(
        "**/*",
        lambda route: (
            (outside.append(route.request.url), route.abort())
            if not route.request.url.startswith("file:")
            else route.continue_()
        ),
    )
    page.goto(path.as_uri())
    page.wait_for_function("window.kgraphViewer && window.kgraphViewer.ready", timeout=timeout_s * 1000)
    timings = dict(page.evaluate("window.kgraphViewer.timings"))
    timings.update(first_look(page))
    if screenshot is not None:
        page.mouse.move(5, 5)
        page.screenshot(path=str(screenshot))
    timings["frameFit"] = page.evaluate(_REDRAW, 0)
    timings["frameZoom"] = page.evaluate(_REDRAW, 1.0)
    page.close()
    if outside:
        raise RuntimeError(f"the page asked for {outside[:3]}")
    return timings


_LOOK_HEAD = f"{'scale':>6} {'top px':>6} {'in view':>7} {'names':>5} {'overlaps':>8} {'rel/name':>8}"


def _look_row(r: dict[str, float]) -> str:
    return (
        f"{r['scale']:>6.2f} {r['topMinPx']:>6.1f} {int(r['topInView']):>3}/{int(r['top']):<3} "
        f"{int(r['namesDrawn']):>5} {int(r['nameOverlaps']):>8} {int(r['relationNameOverlaps']):>8}"
    )


def measure_page(page_path: Path, runs: int, screenshot: Path | None) -> None:
    """The first look and time to interactive of a page already written (e.g. by kgraph build)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = launch_browser(p)
        try:
            results = [
                time_to_interactive(context, page_path, screenshot=screenshot if i == 0 else None) for i in range(runs)
            ]
        finally:
            context.close()
    ttis = sorted(r["ready"] for r in results)
    print(f"{page_path}: TTI median {statistics.median(ttis):.0f} ms ({ttis[0]:.0f}-{ttis[-1]:.0f})")
    print(_LOOK_HEAD)
    print(_look_row(results[0]))


def main(argv: list[str] | None = None) -> None:
    from kgraph.export.html import DEFAULT_MAX_NODES, write_html

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=15000)
    parser.add_argument(
        "--caps", default=f"1000,2000,3000,{DEFAULT_MAX_NODES}", help="comma-separated max_nodes values to try"
    )
    parser.add_argument("--runs", type=int, default=3, help="page loads per cap (median reported)")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench")
    parser.add_argument("--page", type=Path, help="measure this graph.html instead of synthetic graphs")
    parser.add_argument("--screenshot", type=Path, help="with --page: save the opening view as this PNG")
    args = parser.parse_args(argv)
    if args.page is not None:
        measure_page(args.page.resolve(), args.runs, args.screenshot)
        return

    start = time.perf_counter()
    graph = synthetic_graph(args.entities, args.relations)
    print(
        f"synthetic graph: {args.entities:,} entities, {args.relations:,} relations, "
        f"{len(graph):,} triples, built in {time.perf_counter() - start:.1f} s"
    )

    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    print(
        f"{'max_nodes':>9} {'drawn':>11} {'write s':>8} {'MB':>5} {'TTI ms':>7} {'min-max':>11} "
        f"{'data ms':>8} {'draw ms':>8} {'frame fit':>9} {'frame zoom':>10} | first look: {_LOOK_HEAD}"
    )
    with sync_playwright() as p:
        context = launch_browser(p)
        try:
            for cap in [int(c) for c in args.caps.split(",")]:
                path = args.out / f"viewer-{cap}.html"
                start = time.perf_counter()
                report = write_html(graph, path, title="kgraph benchmark", max_nodes=cap)
                write_s = time.perf_counter() - start
                runs = [time_to_interactive(context, path) for _ in range(args.runs)]

                def median(key: str, runs: list[dict[str, float]] = runs) -> float:
                    return statistics.median(r[key] for r in runs)

                ttis = [r["ready"] for r in runs]
                print(
                    f"{cap:>9} {report.nodes_drawn:>5}/{report.edges_drawn:<5} {write_s:>8.2f} "
                    f"{path.stat().st_size / 1e6:>5.1f} {median('ready'):>7.0f} "
                    f"{min(ttis):>5.0f}-{max(ttis):<5.0f} {median('dataSet'):>8.0f} "
                    f"{statistics.median(r['ready'] - r['dataSet'] for r in runs):>8.0f} "
                    f"{median('frameFit'):>9.0f} {median('frameZoom'):>10.0f} |             {_look_row(runs[0])}",
                    flush=True,
                )
        finally:
            context.close()


if __name__ == "__main__":
    main()
