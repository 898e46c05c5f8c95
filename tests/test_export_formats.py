"""kgraph export: TriG and N-Quads (one named graph per document), JSON-LD, GraphML, GEXF."""

from __future__ import annotations

import json
import random
import xml.etree.ElementTree as ET

import pytest
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from kgraph import cli
from kgraph.export import BUILD_FORMATS, EXPORTERS, FILE_FORMATS, export_file
from kgraph.export.dataset import document_graphs
from kgraph.ontology import KG


def test_export_formats_registry_is_pinned() -> None:
    assert set(EXPORTERS) == {"turtle", "html", "trig", "nquads", "jsonld", "graphml", "gexf"}
    assert FILE_FORMATS == tuple(n for n in EXPORTERS if n != "html")
    assert BUILD_FORMATS == ("turtle", "trig")


def test_export_formats_build_writes_trig(built_data, data_graph) -> None:
    report, out = built_data
    assert report.outputs["trig"] == out / "graph.trig"
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, data_graph)  # the build's TriG holds the build's graph, all of it
    named = {c for *_, c in dataset.quads((None, None, None, None)) if c != dataset.default_context.identifier}
    assert named == set(document_graphs(data_graph)) - {None}  # one named graph per document


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_export_formats_are_deterministic(data_graph, tmp_path, fmt: str) -> None:
    triples = list(data_graph)
    random.Random(4).shuffle(triples)
    shuffled = Graph(bind_namespaces="none")
    for prefix, ns in data_graph.namespaces():
        shuffled.bind(prefix, ns)
    for triple in triples:
        shuffled.add(triple)
    first = export_file(data_graph, fmt, tmp_path / f"a.{fmt}").read_bytes()
    second = export_file(shuffled, fmt, tmp_path / f"b.{fmt}").read_bytes()
    assert first == second and first


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_export_formats_dataset_union_is_the_graph(data_graph, data_exports, fmt: str) -> None:
    dataset = Dataset()
    dataset.parse(data_exports[fmt], format=fmt)
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, data_graph)


def test_export_formats_one_named_graph_per_document(data_graph) -> None:
    parts = document_graphs(data_graph)
    documents = set(data_graph.subjects(RDF.type, KG.Document))
    assert set(parts) - {None} == documents
    default = Graph()
    for triple in parts[None]:
        default.add(triple)
    # the default graph holds entity descriptions only: no statements, no documents, no relations
    assert not set(default.subjects(RDF.type, RDF.Statement)) and not set(default.subjects(RDF.type, KG.Document))
    assert not list(default.triples((None, KG.mentionedIn, None)))
    for doc in documents:
        named = Graph()
        for triple in parts[doc]:
            named.add(triple)
        assert (doc, RDF.type, KG.Document) in named
        # every statement in a document's graph comes from that document, with its fact
        for statement in named.subjects(RDF.type, RDF.Statement):
            assert named.value(statement, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) == doc
            fact = (named.value(statement, RDF.subject), named.value(statement, RDF.predicate),
                    named.value(statement, RDF.object))
            assert fact in named


def test_export_formats_drop_one_document(data_graph, data_exports) -> None:
    from kgraph.query import open_store, run_query

    store = open_store([data_exports["trig"]])
    doc = sorted(data_graph.subjects(RDF.type, KG.Document))[0]
    store.update(f"DROP GRAPH <{doc}>")
    left = run_query(store, f"ASK {{ ?s ?p <{doc}> }}")
    assert left.boolean is False
    assert run_query(store, "ASK { ?s a rdf:Statement }").boolean


def test_export_formats_jsonld_round_trip(data_graph, data_exports) -> None:
    document = json.loads(data_exports["jsonld"].read_text(encoding="utf-8"))
    assert document["@context"]["kgr"] == "https://w3id.org/kgraph/id/"
    assert any(node["@id"].startswith("kgr:") for node in document["@graph"])
    parsed = Graph().parse(data_exports["jsonld"], format="json-ld")
    assert to_isomorphic(parsed) == to_isomorphic(data_graph)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_formats_network(data_graph, data_exports, fmt: str) -> None:
    import networkx as nx

    ET.parse(data_exports[fmt])  # well-formed XML
    network = nx.read_graphml(data_exports[fmt]) if fmt == "graphml" else nx.read_gexf(data_exports[fmt])
    entities = set(data_graph.subjects(KG.mentionCount, None))
    assert {str(e) for e in entities} <= set(network.nodes)
    labels = {data["label"] for _, data in network.nodes(data=True)}
    assert "Clara Jensen" in labels
    statements = {(data_graph.value(st, RDF.subject), data_graph.value(st, RDF.predicate),
                   data_graph.value(st, RDF.object)) for st in data_graph.subjects(RDF.type, RDF.Statement)}
    assert network.number_of_edges() == len(statements)


def test_export_formats_cli(runner, built_data, tmp_path) -> None:
    _, out = built_data
    target = tmp_path / "g.nq"
    result = runner.invoke(cli.cli, ["export", "--format", "nquads", "--graph", str(out / "graph.ttl"),
                                     "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0 and result.stdout == f"{target}\n"
    assert target.read_text(encoding="utf-8").count("\n") > 100
    result = runner.invoke(cli.cli, ["export", "--format", "pdf"])
    assert result.exit_code == 2 and "trig" in result.stderr
