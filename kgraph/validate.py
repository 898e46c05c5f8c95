"""Check a built graph against ``ontology/shapes.ttl`` (SHACL, run by pySHACL).

The shapes say what a valid kgraph graph is: every entity typed and labelled once,
every relation backed by an ``rdf:Statement`` with a source document, statements,
roles and documents complete, and each property's domain and range respected.
``ontology/kgraph.ttl`` is mixed into the data so ``sh:class`` follows the class
hierarchy.

>>> report = validate(load_graphs([Path("out/graph.ttl")]))  # doctest: +SKIP
>>> report.conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kgraph.errors import OntologyError

__all__ = ["Violation", "ValidationReport", "validate", "shapes_path"]


def shapes_path(ontology_dir: Path | None = None) -> Path:
    """``shapes.ttl`` in the ontology folder (``--ontology`` / ``$KGRAPH_ONTOLOGY``)."""
    from kgraph.ontology import default_ontology_dir

    return (ontology_dir or default_ontology_dir()) / "shapes.ttl"


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint, with terms shown with kgraph's prefixes."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    shape: str = ""

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".rstrip()
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass
class ValidationReport:
    """What ``validate`` found: ``conforms`` is False when any violation was found."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def text(self) -> str:
        """The report as lines a person reads: one per violation, then a summary."""
        if self.conforms:
            return "The graph conforms to the kgraph shapes.\n"
        lines = [str(v) for v in self.violations]
        count = len(self.violations)
        lines.append(f"{count} violation{'s' if count != 1 else ''} of the kgraph shapes.")
        return "\n".join(lines) + "\n"


def _show(term: Node | None) -> str:
    from kgraph.query import compact_iri

    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact_iri(str(term))
    if isinstance(term, Literal):
        text = str(term).replace("\n", "\\n")
        return f'"{text[:60]}{"..." if len(text) > 60 else ""}"'
    return f"[{term.n3()}]"


def _path(results: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return _show(node)
    inverse = results.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + _show(inverse)
    return "(complex path)"


def validate(graph: Graph, *, ontology_dir: Path | None = None, shapes: Path | None = None) -> ValidationReport:
    """Validate ``graph`` against the kgraph shapes; never raises for an invalid graph."""
    import pyshacl

    from kgraph.ontology import load_ontology

    shapes = shapes or shapes_path(ontology_dir)
    if not shapes.is_file():
        raise OntologyError(f"{shapes} is missing. Point --ontology (or KGRAPH_ONTOLOGY) at kgraph's ontology/ folder.")
    shapes_graph = Graph().parse(shapes, format="turtle")
    ontology = Graph().parse(load_ontology(ontology_dir).source / "kgraph.ttl", format="turtle")
    conforms, results, _ = pyshacl.validate(
        graph, shacl_graph=shapes_graph, ont_graph=ontology, inference="none", advanced=True,
        allow_warnings=True,
    )
    assert isinstance(results, Graph)
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        violations.append(Violation(
            focus=_show(results.value(result, SH.focusNode)),
            path=_path(results, results.value(result, SH.resultPath)),
            message=str(message) if message is not None else "constraint failed",
            value=_show(results.value(result, SH.value)),
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            shape=_show(results.value(result, SH.sourceShape)),
        ))
    return ValidationReport(conforms=bool(conforms), violations=sorted(set(violations)))
