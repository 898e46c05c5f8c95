from __future__ import annotations

from rdflib import RDF, RDFS, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, SKOS

from kgraph.graph import document_iri, mint_entity_iris, slug, to_graph
from kgraph.models import Article, Entity, Extraction, Mention, RelationMention, Role
from kgraph.ontology import KG, KGR
from kgraph.resolve import resolve_entities


def test_graph_slug() -> None:
    assert slug("Toshio Fujimoto") == "Toshio_Fujimoto"
    assert slug("Korea's Ministry of SMEs & Startups") == "Korea_Ministry_of_SMEs_Startups"
    assert slug("Zürich Re") == "Zürich_Re"
    assert slug("<>\"") == "entity"


def test_graph_iris_are_order_independent_and_unique() -> None:
    a = Entity("park|Place", "Place", "Park")
    b = Entity("park|Person", "Person", "Park")
    c = Entity("acme|Organization", "Organization", "Acme")
    first = mint_entity_iris([a, b, c])
    assert first == mint_entity_iris([c, b, a])
    assert len(set(first.values())) == 3
    assert first["acme|Organization"] == KGR["Acme"]
    assert first["park|Person"] == KGR["Park_Person"]


def test_graph_document_iri_is_stable() -> None:
    assert document_iri("data/a.txt") == document_iri("data/a.txt")
    assert document_iri("data/a.txt") != document_iri("other/a.txt")
    assert str(document_iri("data/ipark.txt")).startswith("https://w3id.org/kgraph/doc/ipark_")


def _corpus() -> list[Extraction]:
    text = "Maria Lopez, former CEO of Acme Corp, spoke."
    person = Mention(0, 11, "Maria Lopez", "Person", "PERSON")
    org = Mention(27, 36, "Acme Corp", "Organization", "ORG")
    rel = RelationMention(person, "ceoOf", org, 0.9, 0, len(text), text, "ceoOf/RelationalNoun",
                          Role("CEO", current=False))
    article = Article(id="doc1", text=text, source="doc1.txt", title="A title")
    return [Extraction(article, [person, org], [rel], {person: person, org: org})]


def test_graph_model(ontology) -> None:  # type: ignore[no-untyped-def]
    extractions = _corpus()
    graph = to_graph(extractions, resolve_entities(extractions, ontology), ontology)
    lopez, acme = KGR["Maria_Lopez"], KGR["Acme_Corp"]
    assert (lopez, KG.ceoOf, acme) in graph
    assert (lopez, RDF.type, KG.Person) in graph
    assert list(graph.objects(lopez, RDFS.label)) == [Literal("Maria Lopez")]
    statements = list(graph.subjects(RDF.type, RDF.Statement))
    assert len(statements) == 1
    st = statements[0]
    assert graph.value(st, RDF.subject) == lopez and graph.value(st, RDF.object) == acme
    assert graph.value(st, PROV.wasDerivedFrom) == document_iri("doc1")
    assert str(graph.value(st, KG.evidence)).startswith("Maria Lopez, former CEO")
    assert 0 < float(graph.value(st, KG.confidence)) <= 1
    role = graph.value(None, RDF.type, KG.Role)
    assert role is not None and graph.value(role, KG.current) == Literal(False)
    assert graph.value(document_iri("doc1"), RDF.type) == KG.Document
    assert not list(graph.objects(None, SKOS.altLabel))


def test_graph_turtle_is_deterministic(ontology, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kgraph.export.turtle import write_turtle

    extractions = _corpus()
    g1 = to_graph(extractions, resolve_entities(extractions, ontology), ontology)
    g2 = to_graph(list(reversed(extractions)), resolve_entities(extractions, ontology), ontology)
    write_turtle(g1, tmp_path / "a.ttl")
    write_turtle(g2, tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    assert isomorphic(g1, g2)
    assert not list(tmp_path.glob(".*.tmp"))


def test_graph_dataset_puts_each_triple_where_document_graphs_does(data_extractions, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.export.dataset import document_graphs
    from kgraph.graph import to_dataset

    dataset = to_dataset(data_extractions, resolve_entities(data_extractions, ontology), ontology)
    split = document_graphs(dataset.to_graph())
    assert {name: set(triples) for name, triples in dataset.graphs.items()} == {
        name: set(triples) for name, triples in split.items()
    }
    # each graph lists a triple once, so the writers need not deduplicate
    assert all(len(triples) == len(set(triples)) for triples in dataset.graphs.values())
    assert dataset.statements == len(set(dataset.to_graph().subjects(RDF.type, RDF.Statement))) > 0
    assert dataset.relations > 0


def test_graph_relation_evidence_types_entities_and_types_bound_triples(ontology) -> None:  # type: ignore[no-untyped-def]
    def doc(doc_id: str, org_type: str, org_label: str, with_relation: bool) -> Extraction:
        text = "Maria Lopez works at Halden."
        person = Mention(0, 11, "Maria Lopez", "Person", "PERSON")
        org = Mention(21, 27, "Halden", org_type, org_label)
        rels = [RelationMention(person, "worksFor", org, 0.8, 0, len(text), text, "worksFor/Attribute")] \
            if with_relation else []
        return Extraction(Article(id=doc_id, text=text, source=doc_id), [person, org], rels,
                          {person: person, org: org})

    # two documents call Halden a place, one has it employ someone: the relation's checked type wins
    corpus = [doc("a", "Place", "GPE", False), doc("b", "Place", "GPE", False), doc("c", "Organization", "ORG", True)]
    graph = to_graph(corpus, resolve_entities(corpus, ontology), ontology)
    halden = next(graph.subjects(RDFS.label, Literal("Halden")))
    assert (halden, RDF.type, KG.Organization) in graph
    assert len(list(graph.subject_objects(KG.worksFor))) == 1

    # five place mentions outvote it: the entity is a place, so the triple would break worksFor's range
    corpus = [doc(str(i), "Place", "GPE", False) for i in range(5)] + [doc("c", "Organization", "ORG", True)]
    graph = to_graph(corpus, resolve_entities(corpus, ontology), ontology)
    halden = next(graph.subjects(RDFS.label, Literal("Halden")))
    assert (halden, RDF.type, KG.Place) in graph
    assert not list(graph.subject_objects(KG.worksFor))


def test_graph_role_told_twice_has_one_title(ontology) -> None:  # type: ignore[no-untyped-def]
    # "the chief of Acme ... has held the helm of Acme since 2019": one role, named by its title noun
    text = "Maria Lopez, the chief of Acme Corp, spoke. She has held the helm of Acme Corp since 2019."
    person = Mention(0, 11, "Maria Lopez", "Person", "PERSON")
    org = Mention(26, 35, "Acme Corp", "Organization", "ORG")
    chief = RelationMention(person, "headOf", org, 0.85, 0, 43, text[:43], "headOf/RelationalNoun", Role("Chief"))
    helm = RelationMention(person, "headOf", org, 0.8, 44, len(text), text[44:], "headOf/EventNoun",
                           Role("Helm", start_date="2019"))
    article = Article(id="doc1", text=text, source="doc1.txt")
    extractions = [Extraction(article, [person, org], [helm, chief], {person: person, org: org})]
    graph = to_graph(extractions, resolve_entities(extractions, ontology), ontology)
    role = graph.value(None, RDF.type, KG.Role)
    assert list(graph.objects(role, KG.roleTitle)) == [Literal("Chief")]
    assert graph.value(role, KG.startDate) == Literal("2019")


def test_graph_office_of_a_place_has_a_role_with_its_place(ontology) -> None:  # type: ignore[no-untyped-def]
    # a public office of a place (kg:holdsOfficeIn) gets a role like a post, with kg:rolePlace for kg:roleIn; the
    # graph conforms to the shapes and SPARQL finds who held the office
    from kgraph.query import run_query
    from kgraph.validate import validate

    text = "Former Danish Prime Minister Erik Holm opened the bridge."
    person = Mention(29, 38, "Erik Holm", "Person", "PERSON")
    place = Mention(7, 13, "Danish", "Place", "adjective")
    rel = RelationMention(person, "holdsOfficeIn", place, 0.8, 0, len(text), text, "holdsOfficeIn/RelationalNoun",
                          Role("Prime Minister", current=False))
    article = Article(id="doc1", text=text, source="doc1.txt")
    extractions = [Extraction(article, [place, person], [rel], {person: person, place: place})]
    graph = to_graph(extractions, resolve_entities(extractions, ontology), ontology)
    role = graph.value(None, RDF.type, KG.Role)
    assert role is not None and graph.value(role, KG.roleIn) is None
    holm, denmark = graph.value(role, KG.roleHolder), graph.value(role, KG.rolePlace)
    assert (holm, KG.holdsOfficeIn, denmark) in graph
    assert graph.value(denmark, RDF.type) == KG.Place
    report = validate(graph)
    assert report.conforms, report.text()
    query = ("SELECT ?title ?current WHERE { ?r kg:roleProperty kg:holdsOfficeIn ; kg:roleHolder ?who ; "
             "kg:rolePlace ?where ; kg:roleTitle ?title ; kg:current ?current }")
    rows = [tuple(str(v) for v in row) for row in run_query(graph, query).rows]
    assert rows == [("Prime Minister", "false")], rows
