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

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal
from rdflib.term import Node

from kgraph.export import write_atomically
from kgraph.export.dataset import as_dataset, ntriples
from kgraph.graph import PREFIXES, KGDataset

__all__ = ["sorted_quads", "write_trig", "write_nquads"]


def _sort_key(term: Node | None) -> tuple[str, ...]:
    if term is None:
        return ("",)
    if isinstance(term, Literal):
        return ("3", str(term), str(term.datatype or ""), term.language or "")
    return ("2" if isinstance(term, BNode) else "1", str(term))


def _nquads(graph: Graph | KGDataset) -> str:
    """The dataset as N-Quads, default graph first, each graph's triples in N-Triples order."""
    import pyoxigraph as ox

    parts = ntriples(as_dataset(graph))
    lines: list[str] = []
    for name in sorted(parts, key=_sort_key):
        end = " .\n" if name is None else f" {ox.NamedNode(name)} .\n"
        lines += [statement + end for statement in sorted(parts[name])]
    return "".join(lines)


def sorted_quads(graph: Graph | KGDataset) -> Iterator[Any]:
    """The dataset of :func:`kgraph.export.dataset.document_graphs` as Oxigraph quads, default graph first, sorted."""
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
