"""From resolved extractions to RDF: IRI minting and the graph model.

The model (documented in the README, "The graph"):

* every entity: a stable IRI under ``https://w3id.org/kgraph/id/``, ``rdf:type``,
  one ``rdfs:label``, ``skos:altLabel`` for its other names, ``kg:mentionedIn`` each
  document, ``kg:mentionCount``;
* every relation: a plain triple ``<s> kg:ceoOf <o>`` backed by one ``rdf:Statement``
  per (fact, evidence sentence, document) with ``prov:wasDerivedFrom`` the document,
  ``kg:evidence``, ``kg:confidence``, ``kg:extractor`` and the sentence offsets;
* roles (``kg:Role``): a person's post with its title and whether it is current;
* every document: ``kg:Document`` with ``dcterms:source`` and, when known, title,
  date and author.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kgraph.extract.rules import EXTRACTOR_NAME
from kgraph.models import Entity, Extraction
from kgraph.ontology import KG, KGD, KGR, KGS, KGX, KGRole, Ontology
from kgraph.resolve import Resolution

__all__ = ["PREFIXES", "slug", "mint_entity_iris", "document_iri", "to_graph", "new_graph"]

#: Prefixes bound in every graph kgraph writes and every query it runs.
PREFIXES: dict[str, Namespace] = {
    "kg": Namespace(str(KG._NS)),
    "kgr": KGR,
    "kgd": KGD,
    "kgs": KGS,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
}


def new_graph() -> Graph:
    """An empty graph with kgraph's prefixes (and no others) bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def slug(text: str) -> str:
    """An IRI-safe local name for a label: "Toshio Fujimoto" -> "Toshio_Fujimoto"."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w]+", "_", text, flags=re.UNICODE).strip("_")
    return text[:80] or "entity"


def _digest(*parts: str, size: int = 12) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:size]


def mint_entity_iris(entities: Iterable[Entity]) -> dict[str, URIRef]:
    """Entity key -> IRI, from the label; clashes get the class, then a digest, appended.

    The result depends only on the set of entities, never on their order.
    """
    by_slug: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        by_slug[slug(entity.label)].append(entity)
    iris: dict[str, URIRef] = {}
    for name, group in sorted(by_slug.items()):
        if len(group) == 1:
            iris[group[0].key] = KGR[name]
            continue
        by_type: dict[str, list[Entity]] = defaultdict(list)
        for entity in group:
            by_type[entity.type].append(entity)
        for cls, members in by_type.items():
            for entity in members:
                local = f"{name}_{cls}" if len(members) == 1 else f"{name}_{cls}_{_digest(entity.key, size=6)}"
                iris[entity.key] = KGR[local]
    return iris


def document_iri(doc_id: str) -> URIRef:
    """A document's IRI: a readable stem of its id plus a digest of the whole id."""
    stem = slug(re.sub(r"\.[A-Za-z0-9]+$", "", doc_id.replace("\\", "/").rsplit("/", 1)[-1]))[:40]
    return KGD[f"{stem}_{_digest(doc_id, size=8)}"]


def to_graph(extractions: list[Extraction], resolution: Resolution, ontology: Ontology) -> Graph:
    """Build the RDF graph of a corpus."""
    graph = new_graph()
    iris = mint_entity_iris(resolution.entities.values())

    for ex in extractions:
        article = ex.article
        doc = document_iri(article.id)
        graph.add((doc, RDF.type, KG.Document))
        graph.add((doc, DCTERMS.source, Literal(article.url or article.source)))
        graph.add((doc, DCTERMS.identifier, Literal(article.id)))
        if article.title:
            graph.add((doc, DCTERMS.title, Literal(article.title)))
        if article.date:
            graph.add((doc, DCTERMS.date, Literal(article.date)))
        if article.author:
            graph.add((doc, DCTERMS.creator, Literal(article.author)))

    for key, entity in resolution.entities.items():
        node = iris[key]
        graph.add((node, RDF.type, ontology.iri(entity.type)))
        graph.add((node, RDFS.label, Literal(entity.label)))
        for alias in entity.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        graph.add((node, KG.mentionCount, Literal(resolution.mention_count[key])))
        for doc_id in sorted(resolution.documents.get(key, ())):
            graph.add((node, KG.mentionedIn, document_iri(doc_id)))

    for ex in extractions:
        doc = document_iri(ex.article.id)
        for rel in ex.relations:
            s_key = resolution.mention_entity.get((ex.article.id, rel.subject))
            o_key = resolution.mention_entity.get((ex.article.id, rel.object))
            if s_key is None or o_key is None or s_key == o_key:
                continue
            subject, obj = iris[s_key], iris[o_key]
            prop = ontology.properties[rel.predicate]
            if prop.symmetric and str(obj) < str(subject):
                subject, obj = obj, subject
            predicate = ontology.iri(rel.predicate)
            graph.add((subject, predicate, obj))
            statement = KGS[_digest(str(subject), str(predicate), str(obj), str(doc), str(rel.sentence_start), size=16)]
            previous = graph.value(statement, KG.confidence)
            confidence = Decimal(f"{rel.confidence:.3f}")
            if previous is not None and Decimal(str(previous)) >= confidence:
                continue
            graph.set((statement, KG.confidence, Literal(confidence, datatype=XSD.decimal)))
            graph.add((statement, RDF.type, RDF.Statement))
            graph.add((statement, RDF.subject, subject))
            graph.add((statement, RDF.predicate, predicate))
            graph.add((statement, RDF.object, obj))
            graph.add((statement, PROV.wasDerivedFrom, doc))
            graph.set((statement, KG.evidence, Literal(rel.evidence)))
            graph.set((statement, KG.extractor, Literal(f"{EXTRACTOR_NAME} {rel.pattern}".strip())))
            graph.set((statement, KG.charStart, Literal(rel.sentence_start)))
            graph.set((statement, KG.charEnd, Literal(rel.sentence_end)))
            if rel.role is not None and ontology.properties[rel.predicate].domain == "Person":
                role = KGRole[_digest(str(subject), str(predicate), str(obj), size=16)]
                graph.add((role, RDF.type, KG.Role))
                graph.add((role, KG.roleHolder, subject))
                graph.add((role, KG.roleIn, obj))
                graph.add((role, KG.roleProperty, predicate))
                graph.add((role, KG.roleTitle, Literal(rel.role.title)))
                graph.add((role, PROV.wasDerivedFrom, doc))
                current = graph.value(role, KG.current)
                # one "former" in any source makes the role past: it is never stated as current
                is_current = rel.role.current and (current is None or current == Literal(True))
                graph.set((role, KG.current, Literal(is_current)))
                if rel.role.start_date:
                    graph.set((role, KG.startDate, Literal(rel.role.start_date)))
    _check_no_pattern_terms(graph)
    return graph


def _check_no_pattern_terms(graph: Graph) -> None:
    # patterns.ttl terms are extraction machinery and never belong in the output
    assert not any(str(p).startswith(str(KGX)) for p in graph.predicates())
