"""Interoperability: independent tools read kgraph's outputs and answer its queries the same way.

* Raptor's ``rapper`` (Debian raptor2-utils) parses the Turtle, TriG and N-Quads;
* Oxigraph's parser (pyoxigraph) parses every RDF output, JSON-LD included;
* the ``oxigraph`` CLI (PyPI ``oxigraph``) runs queries/ and must agree with ``kgraph query``;
* IRIs and literals with odd characters survive every format exactly.

Tests that need rapper or the oxigraph CLI skip with the reason when it is absent;
``.ci/run`` installs both.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import QUERIES_DIR
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kgraph import cli
from kgraph.export import EXPORTERS, export_file
from kgraph.query import nt_term, read_query

pytestmark = pytest.mark.interop

RAPPER = shutil.which("rapper")
OXIGRAPH_CLI = shutil.which("oxigraph") or (
    str(Path(sys.executable).with_name("oxigraph")) if Path(sys.executable).with_name("oxigraph").is_file() else None
)
needs_rapper = pytest.mark.skipif(
    RAPPER is None, reason="rapper is absent: install Debian's raptor2-utils (.ci/run installs it with apt-get)"
)
needs_oxigraph_cli = pytest.mark.skipif(
    OXIGRAPH_CLI is None, reason="the oxigraph CLI is absent: pip install 'kgraph-rdf[test]' (it pins oxigraph==0.5.13)"
)

RDF_OUTPUTS = ["turtle", "trig", "nquads", "jsonld"]
RAPPER_SYNTAX = {"turtle": "turtle", "trig": "trig", "nquads": "nquads"}
OX_FORMAT = {"turtle": "TURTLE", "trig": "TRIG", "nquads": "N_QUADS", "jsonld": "JSON_LD"}


def triples_of(graph: Graph) -> set[str]:
    return {" ".join(nt_term(t) for t in triple) for triple in graph}  # type: ignore[arg-type]


def oxigraph_parse(path: Path, fmt: str) -> set[str]:
    """Triples (graph names dropped) as Oxigraph's own parser reads them, in N-Triples."""
    import pyoxigraph as ox

    from kgraph.query import to_rdflib

    out = set()
    with path.open("rb") as handle:
        for quad in ox.parse(handle, format=getattr(ox.RdfFormat, OX_FORMAT[fmt])):
            out.add(" ".join(nt_term(to_rdflib(t)) for t in (quad.subject, quad.predicate, quad.object)))
    return out


def rapper_parse(path: Path, fmt: str) -> set[str]:
    """Triples as Raptor reads them (its N-Quads output, re-read by Oxigraph's N-Quads parser)."""
    import pyoxigraph as ox

    from kgraph.query import to_rdflib

    done = subprocess.run([RAPPER, "-q", "-i", RAPPER_SYNTAX[fmt], "-o", "nquads", str(path)],  # type: ignore[list-item]
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return {" ".join(nt_term(to_rdflib(t)) for t in (q.subject, q.predicate, q.object))
            for q in ox.parse(done.stdout, format=ox.RdfFormat.N_QUADS)}


# ---------------------------------------------------------------- the build of data/


@pytest.mark.parametrize("fmt", RDF_OUTPUTS)
def test_interop_oxigraph_parses_every_output(data_graph, data_exports, fmt: str) -> None:
    assert oxigraph_parse(data_exports[fmt], fmt) == triples_of(data_graph)


@needs_rapper
@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_interop_rapper_parses_every_output(data_graph, data_exports, fmt: str) -> None:
    assert rapper_parse(data_exports[fmt], fmt) == triples_of(data_graph)


@needs_rapper
def test_interop_rapper_parses_the_build(built_data) -> None:
    _, out = built_data
    for name, syntax in (("graph.ttl", "turtle"), ("graph.trig", "trig")):
        done = subprocess.run([RAPPER, "-q", "-c", "-i", syntax, str(out / name)], capture_output=True,  # type: ignore[list-item]
                              check=False)
        assert done.returncode == 0, done.stderr.decode()


def canonical_json_term(term: dict[str, str]) -> str:
    if term["type"] == "uri":
        return nt_term(URIRef(term["value"]))
    if term["type"] == "bnode":
        return "_:b"
    datatype = term.get("datatype")
    if datatype in {str(XSD.decimal), str(XSD.integer)}:
        return f"{Decimal(term['value']).normalize()}^^{datatype}"
    return nt_term(Literal(term["value"], lang=term.get("xml:lang"), datatype=URIRef(datatype) if datatype else None))


def json_rows(text: str) -> tuple[list[str], Counter[tuple[str, ...]]]:
    document = json.loads(text)
    names = document["head"]["vars"]
    rows = Counter(tuple(canonical_json_term(b[n]) if n in b else "" for n in names)
                   for b in document["results"]["bindings"])
    return names, rows


@needs_oxigraph_cli
@pytest.mark.parametrize("path", sorted(QUERIES_DIR.glob("*.rq")), ids=lambda p: p.stem)
def test_interop_oxigraph_cli_agrees_with_kgraph_query(runner, built_data, tmp_path, path: Path) -> None:
    _, out = built_data
    infer = "--infer" in path.read_text(encoding="utf-8").splitlines()[0]
    data = out / "graph.ttl"
    if infer:  # the CLI knows nothing of kgraph's ontology: give it the entailed graph
        import pyoxigraph as ox

        from kgraph.query import open_store

        data = tmp_path / "inferred.nq"
        open_store([out / "graph.ttl"], infer=True).dump(str(data), format=ox.RdfFormat.N_QUADS)
    location = tmp_path / "store"
    subprocess.run([OXIGRAPH_CLI, "load", "--location", str(location), "--file", str(data)],  # type: ignore[list-item]
                   check=True, capture_output=True)
    theirs = subprocess.run([OXIGRAPH_CLI, "query", "--location", str(location), "--query-file", str(path),  # type: ignore[list-item]
                             "--results-format", "json"], check=True, capture_output=True).stdout.decode()
    args = ["query", "-g", str(out / "graph.ttl"), "--format", "json", str(path)] + (["--infer"] if infer else [])
    ours = runner.invoke(cli.cli, args, catch_exceptions=False).stdout
    assert json_rows(ours)[1], f"{path.name} finds nothing in data/: the tools would agree on nothing"
    assert json_rows(ours) == json_rows(theirs)


# ---------------------------------------------------------------- odd characters

ODD_TEXT = 'He said "hi" \\ back\\slash\nnew line\r\ttab 東京 Москва العربية 🚀🧪 <b>&amp;</b>  two  spaces'
ODD_IRIS = [
    "https://w3id.org/kgraph/id/東京_Москва",
    "https://w3id.org/kgraph/id/rocket_🚀",
    "https://w3id.org/kgraph/id/with%20space%3Cangle%3E%22quote%22",
    "https://example.org/path?query=a&b=c#frag",
]


def odd_graph() -> Graph:
    from kgraph.graph import new_graph
    from kgraph.ontology import KG, KGD, KGS

    graph = new_graph()
    doc = KGD["odd_doc"]
    graph.add((doc, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), KG.Document))
    graph.add((doc, URIRef("http://purl.org/dc/terms/title"), Literal(ODD_TEXT)))
    for i, iri in enumerate(ODD_IRIS):
        node = URIRef(iri)
        graph.add((node, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(ODD_TEXT + str(i))))
        graph.add((node, KG.mentionedIn, doc))
        graph.add((node, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("日本語", lang="ja")))
    graph.add((URIRef(ODD_IRIS[0]), KG.partnerOf, URIRef(ODD_IRIS[1])))
    graph.add((KGS["s1"], KG.evidence, Literal(ODD_TEXT)))
    graph.add((KGS["s1"], KG.confidence, Literal("0.900", datatype=XSD.decimal)))
    graph.add((KGS["s1"], KG.charStart, Literal(7)))
    graph.add((KGS["s1"], URIRef("http://purl.org/dc/terms/source"), Literal("")))
    return graph


@pytest.fixture(scope="module")
def odd_exports(tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("odd")
    graph = odd_graph()
    return {fmt: export_file(graph, fmt, folder / EXPORTERS[fmt][2]) for fmt in RDF_OUTPUTS}


@pytest.mark.parametrize("fmt", RDF_OUTPUTS)
def test_interop_odd_characters_survive_oxigraph(odd_exports, fmt: str) -> None:
    assert oxigraph_parse(odd_exports[fmt], fmt) == triples_of(odd_graph())


@pytest.mark.parametrize("fmt", RDF_OUTPUTS)
def test_interop_odd_characters_survive_rdflib(odd_exports, fmt: str) -> None:
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(odd_exports[fmt], format={"turtle": "turtle", "trig": "trig", "nquads": "nquads",
                                            "jsonld": "json-ld"}[fmt])
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    assert triples_of(graph) == triples_of(odd_graph())


@needs_rapper
@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_interop_odd_characters_survive_rapper(odd_exports, fmt: str) -> None:
    assert rapper_parse(odd_exports[fmt], fmt) == triples_of(odd_graph())


def test_interop_odd_article_round_trip(tmp_path) -> None:
    """A crafted article with odd characters in its id, title, URL and text, built and read back."""
    from kgraph import Settings, build

    record = {"id": "odd/\"id\" 🚀 <1>", "title": ODD_TEXT, "url": "https://example.org/a b?x=<1>&y=\"2\"",
              "text": "Clara Jensen is the chief executive of Nordwind Energy, a company based in Aarhus. "
                      "Ямада Таро (山田太郎) said \"hello\" \\ 🚀 <b>bold</b>."}
    source = tmp_path / "odd.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    build(Settings(inputs=[source], out_dir=out, html=False))
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    assert Literal(ODD_TEXT) in set(graph.objects(None, URIRef("http://purl.org/dc/terms/title")))
    assert Literal(record["id"]) in set(graph.objects(None, URIRef("http://purl.org/dc/terms/identifier")))
    exports = {fmt: export_file(graph, fmt, out / EXPORTERS[fmt][2]) for fmt in RDF_OUTPUTS if fmt != "turtle"}
    exports["turtle"] = out / "graph.ttl"
    for fmt, path in exports.items():
        assert oxigraph_parse(path, fmt) == triples_of(graph), fmt
        if RAPPER is not None and fmt in RAPPER_SYNTAX:
            assert rapper_parse(path, fmt) == triples_of(graph), fmt


def test_interop_nt_term_escapes() -> None:
    assert nt_term(Literal('a"b\\c\nd')) == '"a\\"b\\\\c\\nd"'
    assert nt_term(Literal("x", lang="en")) == '"x"@en'
    assert nt_term(BNode("b1")) == "_:b1"
    assert read_query("SELECT * WHERE { ?s ?p ?o }").startswith("SELECT")
    node: Node = URIRef("http://example.org/a")
    assert nt_term(node) == "<http://example.org/a>"
