"""The built graph as the writers read it: split into document graphs, each as N-Triples strings.

Decides which named graph each triple of a graph read back from a file belongs to
(:func:`document_graphs`, the split :mod:`kgraph.export.quads` describes), and writes each
term once in N-Triples form for the Turtle, TriG and N-Quads writers (:func:`ntriples`).
Example: the triple ``<acme> kg:basedIn <tacoma>`` stated by one article goes to that
article's graph ``kgd:<article>``; the entity's ``rdfs:label`` goes to the default graph.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from kgraph.graph import KGDataset
from kgraph.ontology import KG
from kgraph.query import to_oxigraph

__all__ = ["document_graphs", "as_dataset", "ntriples"]

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


def as_dataset(graph: Graph | KGDataset) -> KGDataset:
    """``graph`` itself if it is a :class:`~kgraph.graph.KGDataset`, else split into its document graphs."""
    if isinstance(graph, KGDataset):
        return graph
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    entities = set(graph.subjects(KG.mentionCount, None))
    relations = sum(1 for s, _, o in graph if s in entities and o in entities)
    return KGDataset(document_graphs(graph), len(statements), relations)


def ntriples(dataset: KGDataset) -> dict[URIRef | None, list[str]]:
    """Each graph's triples as N-Triples statements without the closing `` .``, made once per dataset.

    The writers sort these strings and hand them to Oxigraph's parser and serializer,
    both in Rust: building an Oxigraph object per triple from Python cost more than
    sorting and writing them.  Each term is converted once per term object (the
    triples share their entity, document and predicate IRIs and many literals).
    """
    if dataset.ntriples_memo is None:
        import pyoxigraph as ox

        named_node = ox.NamedNode
        strings: dict[int, str] = {}  # the graphs keep every term alive, so ids stay unique

        def term(node: Node) -> str:
            found = strings.get(id(node))
            if found is None:
                # IRIs first: most terms; Oxigraph checks them and writes the N-Triples form
                found = str(named_node(node) if type(node) is URIRef else to_oxigraph(node))
                strings[id(node)] = found
            return found

        get = strings.get  # most terms are seen before: a lookup, not a call (strings are never empty)
        dataset.ntriples_memo = {
            name: [f"{get(id(s)) or term(s)} {get(id(p)) or term(p)} {get(id(o)) or term(o)}" for s, p, o in triples]
            for name, triples in dataset.graphs.items()
        }
    return dataset.ntriples_memo
