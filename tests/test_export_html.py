"""Tests for kgraph.export.html: the self-contained, offline, injection-safe viewer page.

These run without a browser; tests/test_viewer_browser.py opens the pages in Chromium.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kgraph.errors import ExportError
from kgraph.export.html import HtmlReport, write_html

KG = Namespace("https://w3id.org/kgraph/ontology#")
ID = Namespace("https://w3id.org/kgraph/id/")
STMT = Namespace("https://w3id.org/kgraph/stmt/")
DOC = Namespace("https://w3id.org/kgraph/doc/")

# Article text that would run script if it reached the page as markup. Each probe sets a
# flag the browser tests look for; alert() is overridden there too.
SCRIPT_PROBE = "</script><script>window.__kgraphXss='script';alert(1)</script>"
ATTR_PROBE = '"><img src=x onerror="window.__kgraphXss=\'img\';alert(1)">'
LINK_PROBE = "javascript:window.__kgraphXss='link';alert(1)"
EVIDENCE = "Kenji Fujimoto, CEO of Shonan iPark, signed the agreement with Takeda in Fujisawa."


def add_relation(
    g: Graph, n: int, s: URIRef, p: URIRef, o: URIRef, doc: URIRef, sentence: str, conf: str = "0.9"
) -> None:
    """A plain triple and the rdf:Statement that backs it, as the graph contract says."""
    g.add((s, p, o))
    stmt = STMT[f"s{n}"]
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, s))
    g.add((stmt, RDF.predicate, p))
    g.add((stmt, RDF.object, o))
    g.add((stmt, PROV.wasDerivedFrom, doc))
    g.add((stmt, KG.evidence, Literal(sentence)))
    g.add((stmt, KG.confidence, Literal(Decimal(conf), datatype=XSD.decimal)))
    g.add((stmt, KG.extractor, Literal("rules/0.1 pattern=ceo-of")))


def sample_graph() -> Graph:
    """Seven entities of every class, two documents, a role and three injection probes."""
    g = Graph()
    g.bind("kg", KG)
    d1, d2 = DOC["ipark-2024"], DOC["probe"]
    g.add((d1, RDF.type, KG.Document))
    g.add((d1, DCTERMS.source, Literal("https://example.org/news/ipark")))
    g.add((d1, DCTERMS.title, Literal("Shonan iPark welcomes new tenants")))
    g.add((d1, DCTERMS.date, Literal("2024-10-09")))
    g.add((d2, RDF.type, KG.Document))
    g.add((d2, DCTERMS.source, Literal(LINK_PROBE)))
    g.add((d2, DCTERMS.title, Literal(SCRIPT_PROBE)))
    people = {
        "fujimoto": (KG.Person, "Kenji Fujimoto", ["Fujimoto", "K. Fujimoto"]),
        "takeda": (KG.Organization, "Takeda Pharmaceutical", ["Takeda"]),
        "ipark": (KG.Organization, "Shonan iPark", ["Shonan Health Innovation Park"]),
        "fujisawa": (KG.Place, "Fujisawa", []),
        "mhlw": (KG.GovernmentBody, "Ministry of Health, Labour and Welfare", ["MHLW"]),
        "biojapan": (KG.Event, "BioJapan 2024", []),
        "prize": (KG.Award, "Japan Prize", []),
        "probe": (KG.Person, ATTR_PROBE, [SCRIPT_PROBE, "Probe \u2028 Person"]),
    }
    for key, (cls, label, alts) in people.items():
        iri = ID[key]
        g.add((iri, RDF.type, cls))
        if cls == KG.GovernmentBody:
            g.add((iri, RDF.type, KG.Organization))
        g.add((iri, RDFS.label, Literal(label)))
        for alt in alts:
            g.add((iri, SKOS.altLabel, Literal(alt)))
        g.add((iri, KG.mentionedIn, d2 if key == "probe" else d1))
        g.add((iri, KG.mentionCount, Literal(3 if key != "probe" else 1)))
    add_relation(g, 1, ID.fujimoto, KG.ceoOf, ID.ipark, d1, EVIDENCE)
    add_relation(g, 2, ID.ipark, KG.hasAgreementWith, ID.takeda, d1, EVIDENCE)
    # The same symmetric relation stated the other way round: one edge, two sentences.
    add_relation(g, 3, ID.takeda, KG.hasAgreementWith, ID.ipark, d1, "Takeda and iPark signed a deal.")
    add_relation(g, 4, ID.ipark, KG.basedIn, ID.fujisawa, d1, "Shonan iPark in Fujisawa grows.")
    add_relation(g, 5, ID.ipark, KG.participatedIn, ID.biojapan, d1, "iPark exhibited at BioJapan 2024.")
    add_relation(g, 6, ID.fujimoto, KG.receivedAward, ID.prize, d1, "Fujimoto received the Japan Prize.")
    add_relation(g, 7, ID.mhlw, KG.partnerOf, ID.ipark, d1, "The ministry partners with iPark.")
    add_relation(g, 8, ID.probe, KG.memberOf, ID.ipark, d2, ATTR_PROBE + " " + SCRIPT_PROBE)
    # A relation with no kg: label anywhere: drawn with its name in words.
    g.add((ID.takeda, URIRef("https://example.org/vocab#suppliesDrugsTo"), ID.mhlw))
    role = URIRef("https://w3id.org/kgraph/role/r1")
    g.add((role, RDF.type, KG.Role))
    g.add((role, KG.roleHolder, ID.fujimoto))
    g.add((role, KG.roleIn, ID.ipark))
    g.add((role, KG.roleProperty, KG.ceoOf))
    g.add((role, KG.roleTitle, Literal("CEO")))
    g.add((role, KG.startDate, Literal("2019")))
    # a public office of a place: its role names the place (kg:rolePlace), not an organisation
    office = URIRef("https://w3id.org/kgraph/role/r2")
    g.add((office, RDF.type, KG.Role))
    g.add((office, KG.roleHolder, ID.fujimoto))
    g.add((office, KG.rolePlace, ID.fujisawa))
    g.add((office, KG.roleProperty, KG.holdsOfficeIn))
    g.add((office, KG.roleTitle, Literal("Mayor")))
    g.add((office, KG.current, Literal(False)))
    return g


class _Page(HTMLParser):
    """Collects what the tests look at: attributes, script and style elements."""

    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def payload(path: Path) -> dict:
    page = parse(path)
    (data,) = [text for attrs, text in page.scripts if attrs.get("id") == "kgraph-data"]
    return json.loads(data)


@pytest.fixture
def sample_html(tmp_path: Path) -> tuple[Path, HtmlReport]:
    path = tmp_path / "graph.html"
    return path, write_html(sample_graph(), path, title="Sample")


def test_export_html_report_counts_entities_and_relations(sample_html: tuple[Path, HtmlReport]) -> None:
    _, report = sample_html
    # 8 entities; statements, documents and the role are not nodes. 9 relations, less
    # the symmetric agreement stated both ways.
    assert report == HtmlReport(
        nodes_drawn=8, edges_drawn=8, nodes_total=8, edges_total=8, truncated=False, nodes_listed=0
    )


def test_export_html_is_offline(sample_html: tuple[Path, HtmlReport]) -> None:
    path, _ = sample_html
    page = parse(path)
    for tag, name, value in page.attributes:
        if name in ("src", "href", "srcset", "action", "data", "poster"):
            assert not re.match(r"\s*(https?:)?//", value, re.I), (tag, name, value)
    assert "link" not in page.tags and "iframe" not in page.tags
    assert all("src" not in attrs for attrs, _ in page.scripts), "every script must be inline"
    (csp,) = [v for tag, name, v in page.attributes if tag == "meta" and name == "content" and "default-src" in v]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    html = path.read_text("utf-8")
    assert "sourceMappingURL" not in html


def test_export_html_escapes_article_text(sample_html: tuple[Path, HtmlReport]) -> None:
    path, _ = sample_html
    html = path.read_text("utf-8")
    page = parse(path)
    # Exactly our three scripts: data, vis-network and the viewer. No injected one.
    assert [attrs.get("type") for attrs, _ in page.scripts] == ["application/json", None, None]
    assert "img" not in page.tags
    for probe in (SCRIPT_PROBE, ATTR_PROBE, "<img", 'onerror="window', "\u2028"):
        assert probe not in html
    # Escaped, the text still arrives whole for the viewer to show as text.
    data = payload(path)
    names = [name for node in data["meta"]["nodes"] for name in node["names"]]
    assert ATTR_PROBE in names and SCRIPT_PROBE in names and "Probe \u2028 Person" in names
    docs = data["meta"]["documents"]
    assert {"iri": str(DOC["probe"]), "source": LINK_PROBE, "title": SCRIPT_PROBE} in docs
    sentences = [e[0] for edge in data["meta"]["edges"] for e in edge["evidence"]]
    assert ATTR_PROBE + " " + SCRIPT_PROBE in sentences


def test_export_html_escapes_title(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    write_html(Graph(), path, title=SCRIPT_PROBE)
    html = path.read_text("utf-8")
    assert SCRIPT_PROBE not in html
    assert "<title>&lt;/script&gt;&lt;script&gt;" in html


def test_export_html_viewer_never_uses_markup_apis() -> None:
    viewer = (Path(__file__).parents[1] / "kgraph" / "export" / "viewer" / "viewer.js").read_text()
    for api in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
        assert api not in viewer


def test_export_html_labels_and_classes(sample_html: tuple[Path, HtmlReport]) -> None:
    path, _ = sample_html
    data = payload(path)
    labels = {r["label"] for r in data["meta"]["relations"]}
    assert {"CEO of", "agreement with", "based in", "member of", "supplies drugs to"} <= labels
    edge_labels = {e["label"] for e in data["network"]["edges"]}
    assert "CEO of" in edge_labels
    classes = [c["label"] for c in data["meta"]["classes"]]
    by_name = {n["names"][0]: classes[n["cls"]] for n in data["meta"]["nodes"]}
    assert by_name["Ministry of Health, Labour and Welfare"] == "Government body"
    assert by_name["Kenji Fujimoto"] == "Person"
    fujimoto = next(n for n in data["meta"]["nodes"] if n["names"][0] == "Kenji Fujimoto")
    assert fujimoto["roles"] == ["CEO at Shonan iPark (since 2019)", "Mayor of Fujisawa (former)"]
    assert fujimoto["names"] == ["Kenji Fujimoto", "Fujimoto", "K. Fujimoto"]
    agreement = [e for e in data["meta"]["edges"] if data["meta"]["relations"][e["rel"]]["label"] == "agreement with"]
    assert len(agreement) == 1 and agreement[0]["symmetric"] and len(agreement[0]["evidence"]) == 2


def test_export_html_ontology_argument_overrides_labels(tmp_path: Path) -> None:
    ontology = Graph()
    ontology.add((KG.ceoOf, RDF.type, OWL.ObjectProperty))
    ontology.add((KG.ceoOf, RDFS.label, Literal("chief executive of", lang="en")))
    path = tmp_path / "graph.html"
    write_html(sample_graph(), path, ontology=ontology)
    labels = {r["label"] for r in payload(path)["meta"]["relations"]}
    assert "chief executive of" in labels and "CEO of" not in labels


def test_export_html_truncates_to_most_connected(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    report = write_html(sample_graph(), path, max_nodes=3)
    assert report.truncated and report.nodes_drawn == 3 and report.nodes_total == 8
    data = payload(path)
    drawn = {n["names"][0] for n in data["meta"]["nodes"]}
    assert "Shonan iPark" in drawn  # the hub: six relations
    assert len(data["network"]["nodes"]) == 3
    assert len(data["network"]["edges"]) == report.edges_drawn
    html = path.read_text("utf-8")
    assert 'id="truncation-note"' in html
    assert "kgraph build --max-nodes 8" in html
    assert "Left out: 5 entities and" in html


def test_export_html_no_note_when_everything_is_drawn(sample_html: tuple[Path, HtmlReport]) -> None:
    path, _ = sample_html
    assert "truncation-note" not in path.read_text("utf-8").split("<body>")[1].split("<script")[0]


def test_export_html_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_html(sample_graph(), first)
    # The same triples added in the opposite order.
    reordered = Graph()
    for triple in sorted(sample_graph(), reverse=True):
        reordered.add(triple)
    write_html(reordered, second)
    assert first.read_bytes() == second.read_bytes()


def test_export_html_is_deterministic_across_processes(tmp_path: Path) -> None:
    # Set and dict order depend on the hash seed; the page must not.
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]); from pathlib import Path;"
        "from test_export_html import sample_graph; from kgraph.export.html import write_html;"
        "write_html(sample_graph(), Path(sys.argv[1]))"
    )
    pages = []
    for seed in ("1", "2"):
        path = tmp_path / f"seed{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", code, str(path), str(Path(__file__).parent)], check=True, env=env, cwd=tmp_path
        )
        pages.append(path.read_bytes())
    assert pages[0] == pages[1]


def test_export_html_writes_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = out / "graph.html"
    path.write_text("previous page")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ExportError, match="disk full"):
        write_html(sample_graph(), path)
    assert path.read_text() == "previous page"
    assert sorted(p.name for p in out.iterdir()) == ["graph.html"]  # no temp file left
    monkeypatch.undo()
    write_html(sample_graph(), path)
    assert sorted(p.name for p in out.iterdir()) == ["graph.html"]
    assert path.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_export_html_writes_nothing_to_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    write_html(sample_graph(), tmp_path / "graph.html")
    assert list(cwd.iterdir()) == []


def test_export_html_empty_graph(tmp_path: Path) -> None:
    report = write_html(Graph(), tmp_path / "graph.html")
    assert report == HtmlReport(0, 0, 0, 0, False)


def test_export_html_rejects_max_nodes_below_one(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_nodes"):
        write_html(sample_graph(), tmp_path / "graph.html", max_nodes=0)


def test_html_layout_memo_gives_the_same_positions(tmp_path: Path) -> None:
    from kgraph.export.layout import LayoutMemo
    from kgraph.export.layout import layout as _layout

    ring = [(i, (i + 1) % 6) for i in range(6)]  # a component of 6
    star = [(6, 7), (6, 8), (6, 9)]  # and one of 4
    pairs = ring + star
    fresh = _layout(10, pairs)
    memo = LayoutMemo(tmp_path / "layouts.json")
    assert _layout(10, pairs, memo=memo) == fresh and memo.hits == 0
    memo.save()
    again = LayoutMemo(tmp_path / "layouts.json")
    assert _layout(10, pairs, memo=again) == fresh and again.hits == 2
    # the same shapes numbered elsewhere in the page still match
    shifted = [(a + 1, b + 1) for a, b in pairs]
    assert _layout(11, shifted, memo=again)[1:] == [(x, y) for x, y in _layout(11, shifted)[1:]]
    # a damaged file is not trusted
    (tmp_path / "layouts.json").write_bytes(b"{}\n{}")
    assert LayoutMemo(tmp_path / "layouts.json").get(6, sorted(ring)) is None


def lone_graph() -> Graph:
    """Linked firms, places and people, and three entities in no relation at all."""
    g = Graph()
    doc = DOC["harbour-news"]
    g.add((doc, RDF.type, KG.Document))
    entities = {
        "quayside": (KG.Organization, "Quayside Ferries", 5),
        "gullport": (KG.Organization, "Gullport Marine Holdings", 4),
        "saltmarsh": (KG.Place, "Saltmarsh", 1),
        "orrin": (KG.Person, "Orrin Vale", 1),
        "keeper": (KG.Person, "Mara Quill", 8),
        "authority": (KG.GovernmentBody, "Port Authority", 1),
        "tessa": (KG.Person, "Tessa Marlowe", 9),
        "brindle": (KG.Place, "Brindle Bay", 2),
        "regatta": (KG.Event, "Autumn Regatta", 1),
    }
    for key, (cls, label, mentions) in entities.items():
        g.add((ID[key], RDF.type, cls))
        g.add((ID[key], RDFS.label, Literal(label)))
        g.add((ID[key], KG.mentionCount, Literal(mentions)))
        g.add((ID[key], KG.mentionedIn, doc))
    add_relation(g, 1, ID.quayside, KG.acquired, ID.gullport, doc, "Quayside Ferries bought Gullport Marine Holdings.")
    add_relation(g, 2, ID.gullport, KG.basedIn, ID.saltmarsh, doc, "Gullport Marine Holdings, based in Saltmarsh.")
    add_relation(g, 3, ID.orrin, KG.livesIn, ID.saltmarsh, doc, "Orrin Vale lives in Saltmarsh.")
    add_relation(g, 4, ID.keeper, KG.worksFor, ID.authority, doc, "Mara Quill works for the Port Authority.")
    return g


def _drawn_and_listed(path: Path) -> tuple[list[str], list[str]]:
    data = payload(path)
    names = [n["names"][0] for n in data["meta"]["nodes"]]
    return [names[n["id"]] for n in data["network"]["nodes"]], [names[n["id"]] for n in data["network"]["lone"]]


def test_export_html_lists_entities_in_no_relation_instead_of_drawing_them(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    report = write_html(lone_graph(), path)
    assert (report.nodes_drawn, report.nodes_listed, report.nodes_total, report.truncated) == (6, 3, 9, False)
    drawn, listed = _drawn_and_listed(path)
    linked = {"Quayside Ferries", "Gullport Marine Holdings", "Saltmarsh", "Orrin Vale", "Mara Quill", "Port Authority"}
    assert set(drawn) == linked
    # Listed after the drawn ones (so their ids follow), the most mentioned first, with no position yet.
    assert listed == ["Tessa Marlowe", "Brindle Bay", "Autumn Regatta"]
    data = payload(path)
    assert [n["id"] for n in data["network"]["lone"]] == [6, 7, 8]
    assert all("x" not in n for n in data["network"]["lone"]) and all("x" in n for n in data["network"]["nodes"])
    assert "3 listed beside the drawing" in path.read_text("utf-8")
    # The opening view covers the drawn entities only.
    view = data["network"]["view"]
    assert len(view["top"]) == 6 and view["minScale"] > 0


def test_export_html_lists_an_entity_whose_partners_are_all_left_out(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    # The three best connected: Gullport and Saltmarsh (two relations each), then Mara Quill
    # (one, the most mentioned of those), whose only partner, the Port Authority, is left out.
    report = write_html(lone_graph(), path, max_nodes=3)
    assert (report.nodes_drawn, report.nodes_listed, report.truncated) == (2, 1, True)
    assert _drawn_and_listed(path) == (["Gullport Marine Holdings", "Saltmarsh"], ["Mara Quill"])
    # With room for the Port Authority too (the sixth), both are drawn.
    report = write_html(lone_graph(), path, max_nodes=6)
    assert (report.nodes_drawn, report.nodes_listed) == (6, 0)
    assert "Mara Quill" in _drawn_and_listed(path)[0]
