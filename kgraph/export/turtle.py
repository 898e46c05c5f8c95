"""Turtle output: deterministic (same graph, same bytes)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kgraph.export import write_atomically

__all__ = ["write_turtle"]


def write_turtle(graph: Graph, path: Path) -> None:
    """Write ``graph`` as Turtle to ``path`` (atomically)."""
    write_atomically(path, lambda tmp: graph.serialize(destination=str(tmp), format="turtle", encoding="utf-8"))
