"""kgraph validate: ontology/shapes.ttl (SHACL) over built graphs."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kgraph import cli
from kgraph.ontology import KG, ONTOLOGY_DIR
from kgraph.validate import validate

SH = "http://www.w3.org/ns/shacl#"
KGR = "https://w3id.org/kgraph/id/"


def test_validate_build_of_data_conforms(data_graph) -> None:
    report = validate(data_graph)
    assert report.conforms, report.text()
    assert report.text() == "The graph conforms to the kgraph shapes.\n"


def test_validate_reports_broken_graph(data_graph) -> None:
    graph = Graph()
    for triple in data_graph:
        graph.add(triple)
    clara = URIRef(KGR + "Clara_Jensen")
    graph.add((clara, RDFS.label, Literal("Another name")))  # two labels
    graph.add((clara, KG.basedIn, URIRef(KGR + "Nordwind_Energy")))  # no statement, wrong domain and range
    graph.remove((URIRef(KGR + "Aarhus"), RDF.type, None))  # untyped entity
    report = validate(graph)
    assert not report.conforms
    text = report.text()
    assert "kgr:Clara_Jensen rdfs:label: An entity must have exactly one non-empty rdfs:label" in text
    assert "kgr:Clara_Jensen kg:basedIn: This relation has no rdf:Statement" in text
    assert "The subject of kg:basedIn must be a kg:Organization" in text
    assert "kgr:Aarhus: An entity must be an IRI typed with a class of the kgraph ontology" in text
    assert text.rstrip().endswith("violations of the kgraph shapes.")


def test_validate_statement_needs_one_source(data_graph) -> None:
    graph = Graph()
    for triple in data_graph:
        graph.add(triple)
    statement = sorted(graph.subjects(RDF.type, RDF.Statement))[0]
    graph.remove((statement, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    report = validate(graph)
    assert any("prov:wasDerivedFrom" in v.path and "exactly one kg:Document" in v.message for v in report.violations)


def test_validate_shapes_cover_every_domain_and_range() -> None:
    ontology = Graph().parse(ONTOLOGY_DIR / "kgraph.ttl")
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    node_class = URIRef(SH + "class")

    def classes(target: str, prop: URIRef) -> set[object]:
        return {shapes.value(shape, node_class) for shape in shapes.subjects(URIRef(SH + target), prop)}

    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            domain = ontology.value(prop, RDFS.domain)
            if domain is not None:
                assert domain in classes("targetSubjectsOf", prop), prop  # type: ignore[arg-type]
            range_ = ontology.value(prop, RDFS.range)
            if range_ is not None and kind == OWL.ObjectProperty:
                assert range_ in classes("targetObjectsOf", prop), prop  # type: ignore[arg-type]


def test_validate_cli(runner, built_data, tmp_path) -> None:
    _, out = built_data
    result = runner.invoke(cli.cli, ["validate", "--graph", str(out / "graph.ttl")], catch_exceptions=False)
    assert result.exit_code == 0 and "conforms" in result.stdout
    broken = tmp_path / "broken.ttl"
    broken.write_text('<https://w3id.org/kgraph/id/X> <https://w3id.org/kgraph/ontology#mentionCount> 1 .\n',
                      encoding="utf-8")
    result = runner.invoke(cli.cli, ["validate", "--graph", str(broken)])
    assert result.exit_code == 1
    assert "kgr:X rdfs:label: An entity must have exactly one non-empty rdfs:label" in result.stdout
