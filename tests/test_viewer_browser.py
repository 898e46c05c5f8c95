"""The viewer page in a real browser: Debian's Chromium driven by Python playwright.

Skipped, with the reason, where /usr/bin/chromium or the playwright package is missing
(``apt-get install chromium``; ``pip install playwright``; never ``playwright install``).
Every request the page makes is routed: anything but the page's own file fails the test.
Screenshots go to out/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS

from kgraph.export.html import DEFAULT_MAX_NODES, HtmlReport, write_html

sys.path.insert(0, str(Path(__file__).parent))
from conftest import load_bench_script  # noqa: E402
from test_export_html import (  # noqa: E402
    ATTR_PROBE,
    DOC,
    EVIDENCE,
    ID,
    KG,
    SCRIPT_PROBE,
    add_relation,
    sample_graph,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out"
CHROMIUM = Path("/usr/bin/chromium")
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

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="needs the Python playwright package (pip install playwright; no browser download)",
    ),
]

# Runs before any page script: alert() and the probes' flag become observable.
_TRAP = """
window.__kgraphAlerts = [];
window.alert = function (m) { window.__kgraphAlerts.push(String(m)); };
window.confirm = window.prompt = window.alert;
"""


@dataclass
class Opened:
    """A loaded viewer page and everything it tried to do."""

    page: Any
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="kgraph-chromium-")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900},
        )
        context.add_init_script(_TRAP)
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def open_viewer(browser: Any, path: Path) -> Opened:
    page = browser.new_page()
    opened = Opened(page)

    def route(route: Any) -> None:
        url = route.request.url
        opened.requests.append(url)
        if url.startswith("file:"):
            route.continue_()
        else:
            opened.blocked.append(url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type in ("error", "warning") and opened.errors.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: opened.errors.append(f"pageerror: {e}"))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgraphViewer && window.kgraphViewer.ready", timeout=30_000)
    return opened


def check_clean(opened: Opened, path: Path) -> None:
    """No console error, no request but the page itself, no injected script ran."""
    assert opened.errors == []
    assert opened.blocked == []
    assert opened.requests == [path.as_uri()]
    assert opened.page.evaluate("window.__kgraphXss") is None
    assert opened.page.evaluate("window.__kgraphAlerts") == []
    assert opened.page.locator("img").count() == 0


def check_counts(opened: Opened, report: HtmlReport) -> None:
    counts = opened.page.evaluate(
        "[kgraphViewer.nodes.length, kgraphViewer.edges.length,"
        " kgraphViewer.network.body.nodeIndices.length, kgraphViewer.network.body.edgeIndices.length]"
    )
    assert counts == [report.nodes_drawn, report.edges_drawn, report.nodes_drawn, report.edges_drawn]


def search(opened: Opened, text: str) -> str:
    """Type into the search box, press Enter; return the label of the selected node."""
    page = opened.page
    page.fill("#search", text)
    page.press("#search", "Enter")
    selected = page.evaluate("kgraphViewer.network.getSelectedNodes()")
    assert len(selected) == 1
    return str(page.evaluate(f"kgraphViewer.meta.nodes[{selected[0]}].names[0]"))


_EDGE_POINT = """([sentence, nth]) => {
    const v = kgraphViewer, net = v.network;
    const ids = v.meta.edges.map((e, i) => i)
      .filter(i => v.meta.edges[i].evidence.some(ev => ev[0].includes(sentence)));
    let seen = 0;
    for (const id of ids) {
      const e = v.edges.get(id);
      const pos = net.getPositions([e.from, e.to]);
      const a = pos[e.from], b = pos[e.to];
      // A point along the edge that no node covers and no other edge is nearer to.
      for (const f of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
        const at = {x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y)};
        net.moveTo({position: at, scale: 2});
        const box = document.getElementById('network').getBoundingClientRect();
        const raw = net.canvasToDOM(at);
        const client = {x: Math.round(box.left + raw.x), y: Math.round(box.top + raw.y)};
        // The mouse lands on whole pixels: the edge must win a pixel around it too.
        const around = [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]].map(
          ([dx, dy]) => ({x: client.x + dx - box.left, y: client.y + dy - box.top}));
        if (around.every(p => net.getNodeAt(p) === undefined && net.getEdgeAt(p) === id)) {
          if (seen++ < nth) break;
          return client;
        }
      }
    }
    return null;
}"""


def hover_edge_with_evidence(opened: Opened, sentence: str, tries: int = 5) -> str:
    """Zoom to an edge whose evidence holds ``sentence``, hover its middle, return the tooltip.

    Where edges crowd, the pointer may land on a neighbour; then the next edge is tried.
    """
    page = opened.page
    text = ""
    for nth in range(tries):
        point = page.evaluate(_EDGE_POINT, [sentence, nth])
        assert point is not None, "no edge with that evidence could be hovered"
        page.evaluate("document.getElementById('tooltip').hidden = true")
        page.mouse.move(5, 5)  # off the drawing, so the next move lands in one step
        page.mouse.move(point["x"], point["y"])
        page.wait_for_selector("#tooltip:not([hidden])", timeout=10_000)
        text = str(page.inner_text("#tooltip"))
        if sentence in text:
            return text
    raise AssertionError(f"no tooltip showed {sentence!r}; last: {text!r}")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, HtmlReport]:
    path = tmp_path_factory.mktemp("small") / "graph.html"
    return path, write_html(sample_graph(), path, title="iPark sample")


def test_viewer_small_graph(browser: Any, small: tuple[Path, HtmlReport]) -> None:
    path, report = small
    opened = open_viewer(browser, path)
    page = opened.page
    check_counts(opened, report)
    assert page.inner_text("#title") == "iPark sample"
    assert page.inner_text("#stats") == "2 documents · 8 entities · 8 relations"
    legend = page.inner_text("#class-filters")
    assert "Government body" in legend and "Person" in legend

    # Search by an alternative name; the details panel then names the entity.
    assert search(opened, "shonan health") == "Shonan iPark"
    assert search(opened, "fujimoto") == "Kenji Fujimoto"
    details = page.inner_text("#details")
    assert "CEO at Shonan iPark (since 2019)" in details and "Also: Fujimoto; K. Fujimoto" in details

    tooltip = hover_edge_with_evidence(opened, EVIDENCE)
    assert EVIDENCE in tooltip and "Shonan iPark welcomes new tenants" in tooltip

    # Hovering a node shows its names, type and sources.
    point = page.evaluate("""() => {
        const net = kgraphViewer.network;
        const id = kgraphViewer.meta.nodes.findIndex(n => n.names[0] === 'Kenji Fujimoto');
        net.fit();
        const dom = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.getElementById('network').getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y};
    }""")
    page.mouse.move(5, 5)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("document.getElementById('tooltip').textContent.includes('Kenji Fujimoto')")
    node_tip = page.inner_text("#tooltip")
    assert "Also: Fujimoto; K. Fujimoto" in node_tip and "Person" in node_tip
    assert "Shonan iPark welcomes new tenants" in node_tip

    # The probes, shown as text in the tooltip and the details panel, stay text.
    probe_edge = hover_edge_with_evidence(opened, ATTR_PROBE)
    assert ATTR_PROBE in probe_edge and SCRIPT_PROBE in probe_edge
    assert search(opened, "onerror") == ATTR_PROBE
    page.evaluate(
        "kgraphViewer.showDetails('edge', kgraphViewer.meta.edges.findIndex("
        "e => e.evidence.some(ev => ev[0].includes('onerror'))))"
    )
    assert page.locator("#details a").count() == 0  # a javascript: source is never a link
    page.evaluate("kgraphViewer.showDetails('edge', 0)")

    # Filters hide a class and a relation, and bring them back.
    page.uncheck("#class-filters input[data-index='2']")  # Person
    assert page.evaluate("kgraphViewer.network.body.nodeIndices.length") == report.nodes_drawn - 2
    page.check("#class-filters input[data-index='2']")
    page.click("#relations-none")
    assert page.evaluate("kgraphViewer.network.body.edgeIndices.length") == 0
    page.click("#relations-all")
    check_counts(opened, report)

    OUT.mkdir(exist_ok=True)
    page.mouse.move(5, 5)
    page.evaluate("kgraphViewer.network.fit()")
    page.wait_for_timeout(200)
    page.screenshot(path=str(OUT / "viewer-small.png"))
    check_clean(opened, path)
    page.close()


def test_viewer_truncation_note_is_visible(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    report = write_html(sample_graph(), path, max_nodes=3)
    opened = open_viewer(browser, path)
    check_counts(opened, report)
    note = opened.page.locator("#truncation-note")
    assert note.is_visible()
    assert "Left out: 5 entities" in note.inner_text()
    assert "kgraph build --max-nodes 8" in note.inner_text()
    assert opened.page.inner_text("#stats").endswith(f"(drawn: 3 entities, {report.edges_drawn} relations)")
    check_clean(opened, path)
    opened.page.close()


def large_graph() -> Graph:
    """bench/viewer.py's 5,000/15,000 graph plus the probes, wired to its hubs so they are drawn."""
    g: Graph = bench_module().synthetic_graph(5000, 15000)
    g.add((ID.probe, RDF.type, KG.Person))
    g.add((ID.probe, RDFS.label, Literal(ATTR_PROBE)))
    for n in range(40):
        add_relation(g, 100_000 + n, ID.probe, KG.worksFor, ID[f"e{2000 + n}"], DOC["d1"], SCRIPT_PROBE)
    return g


def test_viewer_large_graph(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    report = write_html(large_graph(), path, title="5,000 entities")
    assert report.nodes_total == 5001 and report.edges_total > 14_900
    assert report.nodes_drawn + report.nodes_listed == min(DEFAULT_MAX_NODES, report.nodes_total)
    opened = open_viewer(browser, path)
    page = opened.page
    ready_ms = page.evaluate("kgraphViewer.timings.ready")
    # The budget is 5 s; allow for a busy shared machine, the bench reports the real figure.
    assert ready_ms < 15_000
    check_counts(opened, report)
    if report.truncated:
        assert page.is_visible("#truncation-note")
        assert "kgraph build --max-nodes 5001" in page.inner_text("#truncation-note")
    first = page.evaluate("kgraphViewer.meta.nodes[0].names[0]")
    assert search(opened, first) == first
    tooltip = hover_edge_with_evidence(opened, "were named together")
    assert "were named together" in tooltip
    assert SCRIPT_PROBE in hover_edge_with_evidence(opened, SCRIPT_PROBE)
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "viewer-large.png"))
    check_clean(opened, path)
    page.close()


def bench_module() -> Any:
    return load_bench_script("viewer")


def harbour_graph() -> Graph:
    """Forty small groups (a firm and three pilots working for it) and five entities in no relation."""
    g = Graph()
    doc = DOC["harbour-digest"]
    g.add((doc, RDF.type, KG.Document))
    n = 0
    for k in range(40):
        firm = ID[f"firm{k}"]
        g.add((firm, RDF.type, KG.Organization))
        g.add((firm, RDFS.label, Literal(f"Harbour Towage Group {k}")))
        g.add((firm, KG.mentionCount, Literal(4)))
        for j in range(3):
            pilot = ID[f"pilot{k}-{j}"]
            g.add((pilot, RDF.type, KG.Person))
            g.add((pilot, RDFS.label, Literal(f"Pilot Imogen Tarrant {k}-{j}")))
            g.add((pilot, KG.mentionCount, Literal(1)))
            n += 1
            add_relation(g, n, pilot, KG.worksFor, firm, doc, f"Pilot {k}-{j} steers for Harbour Towage Group {k}.")
    for i in range(5):
        lone = ID[f"light{i}"]
        g.add((lone, RDF.type, KG.Place))
        g.add((lone, RDFS.label, Literal(f"Lighthouse Point {i}")))
        g.add((lone, KG.mentionCount, Literal(10 - i)))
        g.add((lone, KG.mentionedIn, doc))
    g.add((doc, DCTERMS.title, Literal("Harbour digest")))
    return g


def test_viewer_first_look(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    report = write_html(harbour_graph(), path, title="Harbour")
    assert (report.nodes_drawn, report.nodes_listed) == (160, 5)
    opened = open_viewer(browser, path)
    page = opened.page
    check_counts(opened, report)

    # The opening view: the best connected names at 10 px or more, none running into another.
    look = page.evaluate(bench_module().FIRST_LOOK, 20)
    assert look["topMinPx"] >= 10 and look["namesDrawn"] >= 20 and look["nameOverlaps"] == 0
    # Fitting the whole drawing instead would make them too small to read.
    fitted = page.evaluate("kgraphViewer.network.fit(), kgraphViewer.network.getScale()")
    assert fitted * 14 < 10
    page.click("#view-home")
    page.wait_for_function("(s) => Math.abs(kgraphViewer.network.getScale() - s) < 1e-3", arg=look["scale"])

    # The lone entities are not drawn but listed, most mentioned first, and the list filters.
    assert page.is_visible("#lone-section")
    assert page.text_content("#lone-heading") == "Lone entities (5)"
    rows = page.locator("#lone-list button")
    assert rows.count() == 5 and rows.nth(0).inner_text().startswith("Lighthouse Point 0")
    assert page.evaluate("kgraphViewer.network.body.nodes[160]") is None
    page.fill("#lone-filter", "point 3")
    page.wait_for_function("() => document.querySelectorAll('#lone-list button').length === 1")
    # One click draws it, selects it and shows its mentions.
    page.click("#lone-list button")
    assert page.evaluate("kgraphViewer.network.getSelectedNodes()") == [163]
    assert page.evaluate("kgraphViewer.network.body.nodeIndices.length") == report.nodes_drawn + 1
    details = page.inner_text("#details")
    assert "Lighthouse Point 3" in details and "mentioned 7 times" in details and "Harbour digest" in details
    # The search finds listed entities too and draws them the same way.
    assert search(opened, "lighthouse point 1") == "Lighthouse Point 1"
    assert page.evaluate("kgraphViewer.network.body.nodeIndices.length") == report.nodes_drawn + 2
    check_clean(opened, path)
    page.close()
