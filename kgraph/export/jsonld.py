"""JSON-LD: the graph as compact JSON with kgraph's prefixes as its ``@context``.

One node object per subject in ``@graph``, sorted by ``@id``; properties sorted by
name and values sorted, so the same graph always gives the same bytes (rdflib's own
JSON-LD writer does not promise an order). Literals keep their exact lexical form:
strings are JSON strings, language strings carry ``@language`` and every other
literal is ``{"@value": ..., "@type": ...}`` (so ``0.900`` stays ``0.900``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kgraph.export import write_atomically
from kgraph.graph import PREFIXES

__all__ = ["to_jsonld", "write_jsonld"]

_XSD_STRING = str(XSD.string)


def _compact(iri: str) -> str:
    best = ""
    out = iri
    for prefix, namespace in PREFIXES.items():
        ns = str(namespace)
        local = iri[len(ns) :]
        # "kgr://x" would read as an absolute IRI: keep such IRIs whole
        if iri.startswith(ns) and len(ns) > len(best) and not local.startswith("//"):
            best, out = ns, f"{prefix}:{local}"
    return out


def _node_id(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else _compact(str(term))


def _value(term: Node) -> Any:
    if isinstance(term, Literal):
        if term.language:
            return {"@value": str(term), "@language": term.language}
        if term.datatype is None or str(term.datatype) == _XSD_STRING:
            return str(term)
        return {"@value": str(term), "@type": _compact(str(term.datatype))}
    return {"@id": _node_id(term)}


def _order(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def to_jsonld(graph: Graph) -> dict[str, Any]:
    """The graph as a compact JSON-LD document (a dict ready for ``json.dumps``)."""
    nodes: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        node = nodes[_node_id(s)]
        if p == RDF.type and isinstance(o, URIRef):
            node["@type"].append(_compact(str(o)))
        else:
            node[_compact(str(p))].append(_value(o))
    out = []
    for node_id in sorted(nodes):
        props = nodes[node_id]
        obj: dict[str, Any] = {"@id": node_id}
        for key in sorted(props):
            values = sorted(props[key], key=_order)
            obj[key] = values[0] if len(values) == 1 else values
        out.append(obj)
    return {"@context": {k: str(v) for k, v in PREFIXES.items()}, "@graph": out}


def write_jsonld(graph: Graph, path: Path) -> None:
    """Write ``graph`` as compact JSON-LD (atomically)."""
    text = json.dumps(to_jsonld(graph), ensure_ascii=False, indent=1) + "\n"

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomically(path, write)
