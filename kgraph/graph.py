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
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kgraph.extract.rules import EXTRACTOR_NAME
from kgraph.models import Entity, Extraction, RelationMention
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

    # Statements and roles are gathered first and written once: rdflib's Graph.set and
    # Graph.value cost a store lookup each, which dominated large builds.
    statements: dict[URIRef, tuple[Decimal, tuple[URIRef, URIRef, URIRef, URIRef], RelationMention]] = {}
    roles: dict[URIRef, _RoleFacts] = {}
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
            statement = KGS[_digest(str(subject), str(predicate), str(obj), str(doc), str(rel.sentence_start), size=16)]
            confidence = Decimal(f"{rel.confidence:.3f}")
            best = statements.get(statement)
            if best is None or confidence > best[0]:
                statements[statement] = (confidence, (subject, predicate, obj, doc), rel)
            if rel.role is not None and prop.domain == "Person":
                role = KGRole[_digest(str(subject), str(predicate), str(obj), size=16)]
                facts = roles.setdefault(role, _RoleFacts((subject, predicate, obj)))
                facts.titles.add(rel.role.title)
                facts.documents.add(doc)
                # one "former" in any source makes the role past: it is never stated as current
                facts.current = facts.current and rel.role.current
                if rel.role.start_date:
                    facts.start_dates.add(rel.role.start_date)

    triples: list[tuple[URIRef, URIRef, Literal | URIRef]] = []
    for statement, (confidence, (subject, predicate, obj, doc), rel) in statements.items():
        triples += [
            (subject, predicate, obj),
            (statement, RDF.type, RDF.Statement),
            (statement, RDF.subject, subject),
            (statement, RDF.predicate, predicate),
            (statement, RDF.object, obj),
            (statement, PROV.wasDerivedFrom, doc),
            (statement, KG.confidence, Literal(confidence, datatype=XSD.decimal)),
            (statement, KG.evidence, Literal(rel.evidence)),
            (statement, KG.extractor, Literal(f"{EXTRACTOR_NAME} {rel.pattern}".strip())),
            (statement, KG.charStart, Literal(rel.sentence_start)),
            (statement, KG.charEnd, Literal(rel.sentence_end)),
        ]
    for role, facts in roles.items():
        subject, predicate, obj = facts.relation
        triples += [
            (role, RDF.type, KG.Role),
            (role, KG.roleHolder, subject),
            (role, KG.roleIn, obj),
            (role, KG.roleProperty, predicate),
            (role, KG.current, Literal(facts.current)),
        ]
        triples += [(role, KG.roleTitle, Literal(title)) for title in sorted(facts.titles)]
        triples += [(role, PROV.wasDerivedFrom, doc) for doc in sorted(facts.documents)]
        if facts.start_dates:
            triples.append((role, KG.startDate, Literal(min(facts.start_dates))))
    graph.addN((s, p, o, graph) for s, p, o in triples)
    _check_no_pattern_terms(graph)
    return graph


@dataclass
class _RoleFacts:
    """What the sources say about one role: titles, documents, current, start dates."""

    relation: tuple[URIRef, URIRef, URIRef]
    titles: set[str] = field(default_factory=set)
    documents: set[URIRef] = field(default_factory=set)
    current: bool = True
    start_dates: set[str] = field(default_factory=set)


def _check_no_pattern_terms(graph: Graph) -> None:
    # patterns.ttl terms are extraction machinery and never belong in the output
    assert not any(str(p).startswith(str(KGX)) for p in graph.predicates())
