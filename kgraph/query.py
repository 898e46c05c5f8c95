"""SPARQL over built graphs, with kgraph's prefixes pre-bound."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.query import Result

from kgraph.errors import QueryError, StoreError
from kgraph.graph import PREFIXES, new_graph

__all__ = ["read_query", "load_graphs", "run_query", "format_result"]


def read_query(text_or_path: str) -> str:
    """The query text: the argument itself, or the content of the file it names."""
    path = Path(text_or_path)
    if len(text_or_path) < 4096 and "\n" not in text_or_path and path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise QueryError(f"{path} does not exist. Pass a SPARQL query or the path of a .rq file.")
        return path.read_text(encoding="utf-8")
    return text_or_path


def load_graphs(paths: list[Path]) -> Graph:
    """Parse Turtle files into one graph."""
    graph = new_graph()
    for path in paths:
        if not path.is_file():
            raise StoreError(f"{path} does not exist. Run 'kgraph build' first, or pass --graph.")
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises several parser exception types
            raise StoreError(f"{path} is not a readable Turtle file: {error}") from error
    return graph


def run_query(graph: Graph, text: str) -> Result:
    """Run a SPARQL query; syntax errors become :class:`QueryError`."""
    try:
        return graph.query(text, initNs={k: str(v) for k, v in PREFIXES.items()})
    except Exception as error:  # pyparsing's ParseException and rdflib's errors
        raise QueryError(f"The query is not valid SPARQL: {error}") from error


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def format_result(result: Result, fmt: str = "table") -> str:
    """Render SELECT/ASK results as an aligned table, CSV, TSV or SPARQL JSON; graphs as Turtle."""
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        out = new_graph()
        for triple in result:
            out.add(triple)  # type: ignore[arg-type]
        return out.serialize(format="turtle")
    names = [str(v) for v in result.vars or []]
    rows = [[_cell(row[i]) for i in range(len(names))] for row in result]  # type: ignore[index]
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"  # type: ignore[union-attr]
    if fmt in {"csv", "tsv"}:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
