"""GraphML and GEXF for Gephi and other network tools, through networkx.

The network is the entity graph: one node per entity (``label``, ``type``, ``iri``,
``mentions``, ``documents``) and one directed edge per relation triple (``label``:
the property's local name, ``predicate``: its compact IRI, ``weight``: how many
evidence statements back it, ``confidence``: the highest of their confidences,
``evidence``: the first evidence sentence). Documents, statements and roles are
provenance, not nodes. Nodes and edges are added in sorted order and GEXF's
modification date is fixed, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kgraph.export import write_atomically
from kgraph.ontology import KG
from kgraph.query import compact_iri

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["to_networkx", "write_graphml", "write_gexf"]

_NOT_RELATIONS = {RDF.type, KG.mentionedIn, PROV.wasDerivedFrom}


def _entities(graph: Graph) -> set[URIRef]:
    not_entities = set(graph.subjects(RDF.type, KG.Document)) | set(graph.subjects(RDF.type, KG.Role))
    not_entities |= set(graph.subjects(RDF.type, RDF.Statement))
    found = set(graph.subjects(KG.mentionedIn, None)) | set(graph.subjects(KG.mentionCount, None))
    found |= {s for s in graph.subjects(RDFS.label, None)}
    return {e for e in found if isinstance(e, URIRef) and e not in not_entities}


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entity network of ``graph`` (see the module docstring for the attributes)."""
    import networkx as nx

    entities = _entities(graph)
    evidence: dict[tuple[URIRef, URIRef, URIRef], list[tuple[str, str]]] = defaultdict(list)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        fact = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate),
                graph.value(statement, RDF.object))
        sentence = graph.value(statement, KG.evidence)
        confidence = graph.value(statement, KG.confidence)
        evidence[fact].append((str(sentence or ""), str(confidence or "")))  # type: ignore[index]

    network = nx.MultiDiGraph()
    for entity in sorted(entities):
        types = sorted(compact_iri(str(t)) for t in graph.objects(entity, RDF.type))
        label = graph.value(entity, RDFS.label)
        count = graph.value(entity, KG.mentionCount)
        network.add_node(
            str(entity),
            label=str(label) if label is not None else _local(str(entity)),
            type=" ".join(types),
            iri=str(entity),
            mentions=int(count.toPython()) if isinstance(count, Literal) else 0,
            documents=len(set(graph.objects(entity, KG.mentionedIn))),
        )
    edges = sorted(
        (s, p, o) for s, p, o in graph
        if s in entities and o in entities and p not in _NOT_RELATIONS and isinstance(p, URIRef)
    )
    for s, p, o in edges:
        backing = sorted(evidence.get((s, p, o), []))  # type: ignore[arg-type]
        confidences = [float(c) for _, c in backing if c]
        attrs: dict[str, Any] = {
            "label": _local(str(p)),
            "predicate": compact_iri(str(p)),
            "weight": max(len(backing), 1),
            "confidence": max(confidences) if confidences else 0.0,
            "evidence": backing[0][0] if backing else "",
        }
        network.add_edge(str(s), str(o), key=compact_iri(str(p)), **attrs)
    return network


def write_graphml(graph: Graph, path: Path) -> None:
    """Write the entity network as GraphML (atomically)."""
    import networkx as nx

    network = to_networkx(graph)
    write_atomically(path, lambda tmp: nx.write_graphml(network, tmp, encoding="utf-8"))


def write_gexf(graph: Graph, path: Path) -> None:
    """Write the entity network as GEXF 1.2 (atomically), with a fixed modification date."""
    import networkx as nx

    network = to_networkx(graph)
    text = "\n".join(nx.generate_gexf(network, encoding="utf-8", version="1.2draft"))
    # networkx stamps today's date; a build's output must not depend on the day it ran
    text = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="2000-01-01"', text, count=1)

    def write(tmp: Path) -> None:
        tmp.write_text(text + "\n", encoding="utf-8")

    write_atomically(path, write)
