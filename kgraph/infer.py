"""The ontology's entailments, added to a graph before it is queried (``--infer``).

From ``ontology/kgraph.ttl`` kgraph reads four kinds of axiom and adds what they entail:

* ``p rdfs:subPropertyOf q``: ``s p o`` entails ``s q o`` (a CEO works for the company);
* ``c rdfs:subClassOf d``: ``x a c`` entails ``x a d`` (a government body is an organisation);
* ``p a owl:SymmetricProperty``: ``s p o`` entails ``o p s`` (agreements go both ways);
* ``p owl:inverseOf q``: ``s p o`` entails ``o q s``.

``owl:propertyChainAxiom`` is applied by the extractor, within one sentence
(kgraph.extract.relations), not here: across a corpus, a SPARQL path
(``kg:basedIn/kg:locatedIn*``) asks the same without materialising every step.

``rdfs:domain`` and ``rdfs:range`` are left out on purpose: they would type an entity
from a single extracted relation, so one wrong extraction would silently give a
person the type of a place. kgraph states types only from what the text says.

The rules are compiled once per ontology into, for each property, every
``(reversed?, property)`` it entails (the closure of the four rules), so a single pass
over the data adds everything; there is nothing left to chain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, Graph, URIRef

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["EntailmentRules", "compile_rules", "entailment_rules", "entailed", "materialize_graph", "materialize_store"]


@dataclass(frozen=True)
class EntailmentRules:
    """Compiled entailments: property -> what it entails, class -> its superclasses.

    >>> rules = entailment_rules()
    >>> (False, KG.worksFor) in rules.properties[KG.ceoOf]
    True
    """

    #: p -> {(reversed, q)}: ``s p o`` entails ``s q o`` (or ``o q s`` when reversed); p itself excluded
    properties: dict[URIRef, frozenset[tuple[bool, URIRef]]]
    #: c -> every strict superclass of c
    classes: dict[URIRef, frozenset[URIRef]]


def _closure(graph: Graph, start: URIRef, link: URIRef) -> set[URIRef]:
    seen: set[URIRef] = set()
    todo = [start]
    while todo:
        node = todo.pop()
        for parent in graph.objects(node, link):
            if isinstance(parent, URIRef) and parent not in seen and parent != start:
                seen.add(parent)
                todo.append(parent)
    return seen


def compile_rules(ontology: Graph) -> EntailmentRules:
    """Compile the sub-property, sub-class, symmetric and inverse axioms of ``ontology``."""
    symmetric = {p for p in ontology.subjects(RDF.type, OWL.SymmetricProperty) if isinstance(p, URIRef)}
    inverse: dict[URIRef, set[URIRef]] = {}
    for p, q in ontology.subject_objects(OWL.inverseOf):
        if isinstance(p, URIRef) and isinstance(q, URIRef):
            inverse.setdefault(p, set()).add(q)
            inverse.setdefault(q, set()).add(p)
    properties = {p for p in ontology.subjects(RDFS.subPropertyOf, None) if isinstance(p, URIRef)}
    properties |= symmetric | set(inverse)
    supers = {p: _closure(ontology, p, RDFS.subPropertyOf) for p in properties}

    compiled: dict[URIRef, frozenset[tuple[bool, URIRef]]] = {}
    for p in sorted(properties):
        reached = {(False, p)}
        todo = [(False, p)]
        while todo:
            reverse, q = todo.pop()
            nexts = [(reverse, s) for s in supers.get(q) or _closure(ontology, q, RDFS.subPropertyOf)]
            if q in symmetric:
                nexts.append((not reverse, q))
            nexts += [(not reverse, r) for r in inverse.get(q, ())]
            for item in nexts:
                if item not in reached:
                    reached.add(item)
                    todo.append(item)
        reached.discard((False, p))
        if reached:
            compiled[p] = frozenset(reached)

    classes: dict[URIRef, frozenset[URIRef]] = {}
    for c in sorted({c for c in ontology.subjects(RDFS.subClassOf, None) if isinstance(c, URIRef)}):
        classes[c] = frozenset(_closure(ontology, c, RDFS.subClassOf))
    return EntailmentRules(properties=compiled, classes=classes)


def entailment_rules(ontology_dir: Path | None = None) -> EntailmentRules:
    """The compiled rules of the project's ontology (``--ontology`` / ``$KGRAPH_ONTOLOGY``)."""
    from kgraph.ontology import load_ontology

    return compile_rules(load_ontology(ontology_dir).graph)


Triple = tuple[object, object, object]


def entailed(triples: Iterable[Triple], rules: EntailmentRules) -> set[Triple]:
    """Every triple the rules add to ``triples`` (some may already be there)."""
    out: set[Triple] = set()
    for s, p, o in triples:
        if p == RDF.type:
            for sup in rules.classes.get(o, ()):  # type: ignore[call-overload]
                out.add((s, RDF.type, sup))
            continue
        for reverse, q in rules.properties.get(p, ()):  # type: ignore[call-overload]
            out.add((o, q, s) if reverse else (s, q, o))
    return out


def materialize_graph(graph: Graph, rules: EntailmentRules) -> int:
    """Add the entailed triples to an rdflib graph; return how many were new."""
    before = len(graph)
    for triple in entailed(list(graph), rules):
        graph.add(triple)  # type: ignore[arg-type]
    return len(graph) - before


def _values(pairs: Iterable[tuple[URIRef, URIRef]]) -> str:
    return " ".join(f"(<{a}> <{b}>)" for a, b in sorted(pairs))


def materialize_store(store: pyoxigraph.Store, rules: EntailmentRules) -> int:
    """Add the entailed triples to an Oxigraph store's default graph; return how many were new.

    Triples in named graphs entail too (their consequences go to the default graph,
    which queries see together with the named graphs).
    """
    before = len(store)
    forward = [(p, q) for p, entails in rules.properties.items() for reverse, q in entails if not reverse]
    backward = [(p, q) for p, entails in rules.properties.items() for reverse, q in entails if reverse]
    types = [(c, sup) for c, sups in rules.classes.items() for sup in sups]
    where = "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }"
    updates = []
    if forward:
        updates.append(f"INSERT {{ ?s ?q ?o }} WHERE {{ VALUES (?p ?q) {{ {_values(forward)} }} {where} }}")
    if backward:
        updates.append(f"INSERT {{ ?o ?q ?s }} WHERE {{ VALUES (?p ?q) {{ {_values(backward)} }} {where} }}")
    if types:
        type_where = where.replace("?p", f"<{RDF.type}>")
        updates.append(
            f"INSERT {{ ?s <{RDF.type}> ?q }} WHERE {{ VALUES (?o ?q) {{ {_values(types)} }} {type_where} }}"
        )
    for update in updates:
        store.update(update)
    return len(store) - before
