"""TriG and N-Quads: the graph as a dataset with one named graph per source document.

What goes where (see also the README, "The graph"):

* the graph named ``kgd:<document>`` holds what that article says: the document's
  own description (``kg:Document``, ``dcterms:*``), every ``rdf:Statement`` derived
  from it (with evidence, offsets, confidence), the plain relation triples those
  statements back, the ``kg:Role`` records it supports, and ``?entity kg:mentionedIn``
  the document;
* the default graph holds the corpus-level entity descriptions: ``rdf:type``,
  ``rdfs:label``, ``skos:altLabel`` and ``kg:mentionCount`` (a total over all
  documents), plus anything not traced to a single document.

A fact stated by two articles appears in both graphs, so dropping one article's graph
(``DROP GRAPH kgd:...``) removes exactly the facts only that article supports.  The
union of all graphs is the Turtle graph, triple for triple.

Both writers sort each graph's triples in N-Triples order and write them with
Oxigraph's serializer, so the same graph always gives the same bytes, and a million
triples take seconds, not minutes.  The sorted statements go to the serializer as
N-Quads text through Oxigraph's parser: both run in Rust, where building an Oxigraph
object per triple from Python took longer than the sorting and writing together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from kgraph.export import write_atomically
from kgraph.graph import PREFIXES, KGDataset, as_dataset
from kgraph.ontology import KG

__all__ = ["document_graphs", "sorted_quads", "write_trig", "write_nquads"]

Triple = tuple[Node, Node, Node]


def document_graphs(graph: Graph) -> dict[URIRef | None, list[Triple]]:
    """Split ``graph`` into the default graph (key ``None``) and one graph per document."""
    documents = {d for d in graph.subjects(RDF.type, KG.Document) if isinstance(d, URIRef)}
    sources: dict[Node, set[URIRef]] = defaultdict(set)  # statement or role -> its documents
    for node, doc in graph.subject_objects(PROV.wasDerivedFrom):
        if doc in documents:
            sources[node].add(doc)  # type: ignore[arg-type]
    fact_docs: dict[Triple, set[URIRef]] = defaultdict(set)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        fact = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate),
                graph.value(statement, RDF.object))
        if None not in fact:
            fact_docs[fact] |= sources.get(statement, set())  # type: ignore[index]

    parts: dict[URIRef | None, list[Triple]] = defaultdict(list)
    for triple in graph:
        s, p, o = triple
        if s in documents:
            targets: set[URIRef] | list[None] = {URIRef(str(s))}
        elif p == PROV.wasDerivedFrom and o in documents:
            targets = {URIRef(str(o))}
        elif s in sources:
            targets = sources[s]
        elif p == KG.mentionedIn and o in documents:
            targets = {URIRef(str(o))}
        elif triple in fact_docs and fact_docs[triple]:
            targets = fact_docs[triple]
        else:
            targets = [None]
        for target in targets:
            parts[target].append(triple)
    return dict(parts)


def _sort_key(term: Node | None) -> tuple[str, ...]:
    if term is None:
        return ("",)
    if isinstance(term, Literal):
        return ("3", str(term), str(term.datatype or ""), term.language or "")
    return ("2" if isinstance(term, BNode) else "1", str(term))


def _nquads(graph: Graph | KGDataset) -> str:
    """The dataset as N-Quads, default graph first, each graph's triples in N-Triples order."""
    import pyoxigraph as ox

    parts = as_dataset(graph).ntriples()
    lines: list[str] = []
    for name in sorted(parts, key=_sort_key):
        end = " .\n" if name is None else f" {ox.NamedNode(name)} .\n"
        lines += [statement + end for statement in sorted(parts[name])]
    return "".join(lines)


def sorted_quads(graph: Graph | KGDataset) -> Iterator[Any]:
    """The dataset of :func:`document_graphs` as Oxigraph quads, default graph first, sorted."""
    import pyoxigraph as ox

    return iter(ox.parse(_nquads(graph), format=ox.RdfFormat.N_QUADS))


def _write(graph: Graph | KGDataset, path: Path, format_name: str) -> None:
    import pyoxigraph as ox

    quads = sorted_quads(graph)  # streamed from Oxigraph's parser to its serializer
    prefixes = {k: str(v) for k, v in PREFIXES.items()} if format_name == "TRIG" else None

    if prefixes:
        from kgraph.export.turtle import sorted_prefixes

        data = sorted_prefixes(ox.serialize(quads, format=getattr(ox.RdfFormat, format_name), prefixes=prefixes) or b"")
    else:
        data = ox.serialize(quads, format=getattr(ox.RdfFormat, format_name)) or b""

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    write_atomically(path, write)


def write_trig(graph: Graph | KGDataset, path: Path) -> None:
    """Write ``graph`` as TriG, one named graph per source document (atomically)."""
    _write(graph, path, "TRIG")


def write_nquads(graph: Graph | KGDataset, path: Path) -> None:
    """Write ``graph`` as N-Quads, one named graph per source document (atomically)."""
    _write(graph, path, "N_QUADS")
