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
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from kgraph.models import Entity, Extraction, RelationMention, extractor_label
from kgraph.ontology import KG, KGD, KGR, KGS, KGX, KGRole, Ontology
from kgraph.resolve import Resolution

__all__ = ["PREFIXES", "KGDataset", "slug", "mint_entity_iris", "document_iri", "to_graph", "to_dataset",
           "new_graph"]

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


Triple = tuple[Node, Node, Node]


class KGDataset:
    """A built graph as an RDF dataset: one named graph per document, plus the default graph.

    What goes where is described in :mod:`kgraph.export.quads`; the union of the graphs
    is the graph (:meth:`to_graph`); :func:`kgraph.export.dataset.as_dataset` splits a
    graph read back from a file into one.  The build writes its outputs straight from here:
    no rdflib store is filled, which kept a third of a large rebuild's time.
    """

    def __init__(self, graphs: dict[URIRef | None, list[Triple]], statements: int, relations: int) -> None:
        #: graph name (None: the default graph) -> its triples, each once
        self.graphs = graphs
        #: how many ``rdf:Statement`` nodes and distinct relation triples the graph holds
        self.statements = statements
        self.relations = relations
        self._union: set[Triple] | None = None
        #: each graph's triples as N-Triples strings, made once by :func:`kgraph.export.dataset.ntriples`
        self.ntriples_memo: dict[URIRef | None, list[str]] | None = None

    def __len__(self) -> int:
        return len(self.triples())

    def triples(self) -> set[Triple]:
        """The union of the graphs (made once; do not modify it)."""
        if self._union is None:
            self._union = set()
            for triples in self.graphs.values():
                self._union.update(triples)
        return self._union

    def to_graph(self) -> Graph:
        """The union as an rdflib graph with kgraph's prefixes."""
        graph = new_graph()
        graph.addN((s, p, o, graph) for s, p, o in self.triples())
        return graph


def to_graph(extractions: list[Extraction], resolution: Resolution, ontology: Ontology) -> Graph:
    """Build the RDF graph of a corpus (the union of :func:`to_dataset`)."""
    return to_dataset(extractions, resolution, ontology).to_graph()


# rdflib's namespace attribute lookups cost microseconds each; to_dataset makes ~10^5 triples
_DCTERMS_CREATOR = DCTERMS.creator
_DCTERMS_DATE = DCTERMS.date
_DCTERMS_IDENTIFIER = DCTERMS.identifier
_DCTERMS_SOURCE = DCTERMS.source
_DCTERMS_TITLE = DCTERMS.title
_KG_DOCUMENT = KG.Document
_KG_ROLE = KG.Role
_KG_CHAREND = KG.charEnd
_KG_CHARSTART = KG.charStart
_KG_CONFIDENCE = KG.confidence
_KG_CURRENT = KG.current
_KG_EVIDENCE = KG.evidence
_KG_EXTRACTOR = KG.extractor
_KG_MENTIONCOUNT = KG.mentionCount
_KG_MENTIONEDIN = KG.mentionedIn
_KG_ROLEHOLDER = KG.roleHolder
_KG_ROLEIN = KG.roleIn
_KG_ROLEPLACE = KG.rolePlace
_KG_HOLDSOFFICEIN = KG.holdsOfficeIn
_KG_ROLEPROPERTY = KG.roleProperty
_KG_ROLETITLE = KG.roleTitle
_KG_STARTDATE = KG.startDate
_PROV_WASDERIVEDFROM = PROV.wasDerivedFrom
_RDF_STATEMENT = RDF.Statement
_RDF_OBJECT = RDF.object
_RDF_PREDICATE = RDF.predicate
_RDF_SUBJECT = RDF.subject
_RDF_TYPE = RDF.type
_RDFS_LABEL = RDFS.label
_SKOS_ALTLABEL = SKOS.altLabel
_XSD_DECIMAL = XSD.decimal


def to_dataset(extractions: list[Extraction], resolution: Resolution, ontology: Ontology) -> KGDataset:
    """Build the RDF dataset of a corpus: each triple in the graph of the document it comes from."""
    iris = mint_entity_iris(resolution.entities.values())
    doc_iris: dict[str, URIRef] = {}

    def doc_of(doc_id: str) -> URIRef:
        if doc_id not in doc_iris:
            doc_iris[doc_id] = document_iri(doc_id)
        return doc_iris[doc_id]

    literals: dict[tuple[type, object], Literal] = {}

    def lit(value: str | int) -> Literal:
        # one Literal per value: rdflib's constructor costs microseconds, and counts,
        # offsets, names and extractor labels repeat across the corpus
        key = (type(value), value)  # True and 1 are equal but different literals
        made = literals.get(key)
        if made is None:
            made = literals[key] = Literal(value)
        return made

    graphs: dict[URIRef | None, list[Triple]] = defaultdict(list)
    for ex in extractions:
        article = ex.article
        doc = doc_of(article.id)
        described = graphs[doc]
        described += [
            (doc, _RDF_TYPE, _KG_DOCUMENT),
            (doc, _DCTERMS_SOURCE, lit(article.url or article.source)),
            (doc, _DCTERMS_IDENTIFIER, lit(article.id)),
        ]
        if article.title:
            described.append((doc, _DCTERMS_TITLE, lit(article.title)))
        if article.date:
            described.append((doc, _DCTERMS_DATE, lit(article.date)))
        if article.author:
            described.append((doc, _DCTERMS_CREATOR, lit(article.author)))

    default = graphs[None]
    for key, entity in resolution.entities.items():
        node = iris[key]
        default += [
            (node, _RDF_TYPE, ontology.iri(entity.type)),
            (node, _RDFS_LABEL, lit(entity.label)),
            (node, _KG_MENTIONCOUNT, lit(resolution.mention_count[key])),
        ]
        default += [(node, _SKOS_ALTLABEL, lit(alias)) for alias in entity.aliases]
        for doc_id in resolution.documents.get(key, ()):
            doc = doc_of(doc_id)
            graphs[doc].append((node, _KG_MENTIONEDIN, doc))

    # one statement per (fact, document, sentence): the most confident extraction of it
    statements: dict[URIRef, tuple[Decimal, tuple[URIRef, URIRef, URIRef, URIRef], RelationMention]] = {}
    roles: dict[URIRef, _RoleFacts] = {}
    predicates: dict[str, URIRef] = {}
    for ex in extractions:
        doc = doc_of(ex.article.id)
        for rel in ex.relations:
            s_key = resolution.mention_entity.get((ex.article.id, rel.subject))
            o_key = resolution.mention_entity.get((ex.article.id, rel.object))
            if s_key is None or o_key is None or s_key == o_key:
                continue
            prop = ontology.properties[rel.predicate]
            if not (ontology.fits(resolution.entities[s_key].type, prop.domain)
                    and ontology.fits(resolution.entities[o_key].type, prop.range)):
                # the corpus typed an end otherwise than this sentence did ("O'Connor" an organisation
                # by most of its mentions): the triple would break the property's domain or range
                continue
            subject, obj = iris[s_key], iris[o_key]
            if prop.symmetric and str(obj) < str(subject):
                subject, obj = obj, subject
            if rel.predicate not in predicates:
                predicates[rel.predicate] = _output_term(ontology.iri(rel.predicate))
            predicate = predicates[rel.predicate]
            statement = KGS[_digest(str(subject), str(predicate), str(obj), str(doc), str(rel.sentence_start), size=16)]
            confidence = Decimal(f"{rel.confidence:.3f}")
            best = statements.get(statement)
            if best is None or confidence > best[0]:
                statements[statement] = (confidence, (subject, predicate, obj, doc), rel)
            if rel.role is not None and prop.domain == "Person":
                role = KGRole[_digest(str(subject), str(predicate), str(obj), size=16)]
                facts = roles.setdefault(role, _RoleFacts((subject, predicate, obj)))
                # a title noun ("chief") names the role better than an event noun ("held the helm")
                facts.titles[(rel.pattern.endswith("/EventNoun"), rel.role.title)] += 1
                facts.documents.add(doc)
                # one "former" in any source makes the role past: it is never stated as current
                facts.current = facts.current and rel.role.current
                if rel.role.start_date:
                    facts.start_dates.add(rel.role.start_date)

    stated: set[tuple[URIRef, URIRef, URIRef, URIRef]] = set()
    confidences: dict[str, Literal] = {}  # by lexical form: Decimal("0.9") == Decimal("0.900")
    for statement, (confidence, (subject, predicate, obj, doc), rel) in statements.items():
        triples = graphs[doc]
        confidence_literal = confidences.get(str(confidence))
        if confidence_literal is None:
            confidence_literal = confidences[str(confidence)] = Literal(confidence, datatype=_XSD_DECIMAL)
        if (subject, predicate, obj, doc) not in stated:  # the fact itself, once per document stating it
            stated.add((subject, predicate, obj, doc))
            triples.append((subject, predicate, obj))
        triples += [
            (statement, _RDF_TYPE, _RDF_STATEMENT),
            (statement, _RDF_SUBJECT, subject),
            (statement, _RDF_PREDICATE, predicate),
            (statement, _RDF_OBJECT, obj),
            (statement, _PROV_WASDERIVEDFROM, doc),
            (statement, _KG_CONFIDENCE, confidence_literal),
            (statement, _KG_EVIDENCE, lit(rel.evidence)),
            (statement, _KG_EXTRACTOR, lit(extractor_label(rel.pattern))),
            (statement, _KG_CHARSTART, lit(rel.sentence_start)),
            (statement, _KG_CHAREND, lit(rel.sentence_end)),
        ]
    for role, facts in roles.items():
        subject, predicate, obj = facts.relation
        described_role: list[Triple] = [
            (role, _RDF_TYPE, _KG_ROLE),
            (role, _KG_ROLEHOLDER, subject),
            # a post is in an organisation, a public office of a place (kg:holdsOfficeIn)
            (role, _KG_ROLEPLACE if predicate == _KG_HOLDSOFFICEIN else _KG_ROLEIN, obj),
            (role, _KG_ROLEPROPERTY, predicate),
            (role, _KG_CURRENT, lit(facts.current)),
        ]
        # one title per role: the sources' most frequent title noun (SHACL: exactly one kg:roleTitle)
        (_, title), _ = min(facts.titles.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))
        described_role.append((role, _KG_ROLETITLE, lit(title)))
        if facts.start_dates:
            described_role.append((role, _KG_STARTDATE, lit(min(facts.start_dates))))
        for doc in facts.documents:  # the role in each supporting document's graph; its source only there
            graphs[doc] += described_role
            graphs[doc].append((role, _PROV_WASDERIVEDFROM, doc))
    relations = len({(s, p, o) for s, p, o, _ in stated})
    return KGDataset(dict(graphs), statements=len(statements), relations=relations)


def _output_term(predicate: URIRef) -> URIRef:
    # patterns.ttl terms are extraction machinery and never belong in the output
    assert not str(predicate).startswith(str(KGX)), predicate
    return predicate


@dataclass
class _RoleFacts:
    """What the sources say about one role: titles, documents, current, start dates."""

    relation: tuple[URIRef, URIRef, URIRef]
    titles: Counter[tuple[bool, str]] = field(default_factory=Counter)  # (from an event noun?, title) -> sources
    documents: set[URIRef] = field(default_factory=set)
    current: bool = True
    start_dates: set[str] = field(default_factory=set)
