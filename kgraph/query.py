"""SPARQL over built graphs, with kgraph's prefixes pre-bound.

Two engines answer the same queries through one API:

* ``oxigraph`` (default): the graph files are loaded into an in-memory
  :class:`pyoxigraph.Store`.  At a million triples it loads Turtle in seconds and
  answers a two-hop join in well under a second, where rdflib's memory store takes
  about a minute to parse (see ``bench/store.py`` and the README, "Querying").
* ``rdflib``: rdflib's own SPARQL engine over an :class:`rdflib.Graph`; fine for
  small graphs, and an independent second opinion in the tests.

Whatever the engine, results come back as a :class:`QueryResult` holding rdflib
terms (``URIRef``, ``Literal``, ``BNode``) and, for CONSTRUCT/DESCRIBE, an
:class:`rdflib.Graph`: rdflib is the API, Oxigraph the engine.

>>> store = open_store([Path("out/graph.ttl")], infer=True)  # doctest: +SKIP
>>> print(format_result(run_query(store, "SELECT ?p WHERE { ?p kg:worksFor ?o }")))  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kgraph.errors import QueryError, StoreError
from kgraph.graph import PREFIXES, new_graph

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "ENGINES",
    "RESULT_FORMATS",
    "QueryResult",
    "read_query",
    "load_graphs",
    "open_store",
    "run_query",
    "format_result",
    "compact_iri",
    "nt_term",
]

#: Query engines by name (see the module docstring).
ENGINES = ("oxigraph", "rdflib")
#: How SELECT results can be printed.
RESULT_FORMATS = ("table", "csv", "tsv", "json")

# File suffix -> (rdflib format, pyoxigraph format name, holds named graphs)
_RDF_FILE_FORMATS: dict[str, tuple[str, str, bool]] = {
    ".ttl": ("turtle", "TURTLE", False),
    ".turtle": ("turtle", "TURTLE", False),
    ".nt": ("nt", "N_TRIPLES", False),
    ".trig": ("trig", "TRIG", True),
    ".nq": ("nquads", "N_QUADS", True),
    ".nquads": ("nquads", "N_QUADS", True),
    ".jsonld": ("json-ld", "JSON_LD", True),
    ".rdf": ("xml", "RDF_XML", False),
    ".owl": ("xml", "RDF_XML", False),
}

_RDF_LANG_STRING = str(RDF.langString)
_XSD_STRING = str(XSD.string)


@dataclass
class QueryResult:
    """The answer to one query, in rdflib terms.

    ``type`` is ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``. SELECT fills
    ``vars`` and ``rows`` (``None`` for an unbound cell), ASK ``boolean``, and
    CONSTRUCT/DESCRIBE ``graph``. Iterating gives the rows or the triples, and
    ``askAnswer`` is there for code written against rdflib's ``Result``.

    >>> result = run_query(graph, "ASK { ?s ?p ?o }")  # doctest: +SKIP
    >>> result.boolean
    True
    """

    type: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    @property
    def askAnswer(self) -> bool | None:  # noqa: N802 - rdflib's name, for drop-in use
        return self.boolean

    def __iter__(self) -> Iterator[Any]:
        if self.graph is not None:
            return iter(self.graph)
        return iter(self.rows)

    def __len__(self) -> int:
        if self.graph is not None:
            return len(self.graph)
        return len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.type == "ASK" else len(self) > 0


def read_query(text_or_path: str) -> str:
    """The query text: the argument itself, or the content of the file it names."""
    path = Path(text_or_path)
    if len(text_or_path) < 4096 and "\n" not in text_or_path and path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise QueryError(f"{path} does not exist. Pass a SPARQL query or the path of a .rq file.")
        return path.read_text(encoding="utf-8")
    return text_or_path


def _file_format(path: Path) -> tuple[str, str, bool]:
    fmt = _RDF_FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_RDF_FILE_FORMATS))
        raise StoreError(f"{path}: cannot tell the RDF format from the file name. Use one of: {known}.")
    return fmt


def _check_exists(path: Path) -> None:
    if not path.is_file():
        raise StoreError(f"{path} does not exist. Run 'kgraph build' first, or pass --graph.")


def load_graphs(paths: Sequence[Path], *, infer: bool = False, ontology_dir: Path | None = None) -> Graph:
    """Parse graph files (Turtle, N-Triples, TriG, N-Quads, ...) into one rdflib graph.

    Named graphs of TriG/N-Quads files are merged into the one graph.
    :param infer: add the ontology's entailments (see :mod:`kgraph.infer`).
    """
    graph = new_graph()
    for path in paths:
        _check_exists(path)
        rdflib_format, _, quads = _file_format(path)
        try:
            if quads:
                from rdflib import Dataset

                dataset = Dataset()
                dataset.parse(path, format=rdflib_format)
                for s, p, o, _ in dataset.quads((None, None, None, None)):
                    graph.add((s, p, o))
            else:
                graph.parse(path, format=rdflib_format)
        except Exception as error:  # rdflib raises several parser exception types
            raise StoreError(f"{path} is not a readable {rdflib_format} file: {error}") from error
    if infer:
        from kgraph.infer import entailment_rules, materialize_graph

        materialize_graph(graph, entailment_rules(ontology_dir))
    return graph


def open_store(paths: Sequence[Path], *, infer: bool = False, ontology_dir: Path | None = None) -> pyoxigraph.Store:
    """Load graph files into an in-memory Oxigraph store.

    Turtle and N-Triples go to the default graph; TriG and N-Quads keep their named
    graphs (queries see the union of all graphs; ``GRAPH ?g { ... }`` picks one).
    :param infer: add the ontology's entailments (see :mod:`kgraph.infer`).
    """
    import pyoxigraph as ox

    store = ox.Store()
    for path in paths:
        _check_exists(path)
        _, ox_format, _ = _file_format(path)
        try:
            # load(), not bulk_load(): for an in-memory store it is the faster of the two (bench/store.py)
            store.load(path=str(path), format=getattr(ox.RdfFormat, ox_format))
        except (SyntaxError, ValueError, OSError) as error:
            raise StoreError(f"{path} is not a readable {ox_format.replace('_', '-').title()} file: {error}") from error
    if infer:
        from kgraph.infer import entailment_rules, materialize_store

        materialize_store(store, entailment_rules(ontology_dir))
    return store


_POSITION = re.compile(r"error at (\d+):(\d+)")


def _syntax_message(text: str, message: str) -> str:
    """Oxigraph says "error at 3:2: expected ..."; say where the query went wrong, with a caret under it.

    Oxigraph reports the furthest point its parser tried, which for a misspelt keyword is far from the word
    ("SELEC ?x WHERE {}" gives column 10). rdflib's parser stops at the first token no rule could take, so
    its position places the caret; Oxigraph's is the fallback where rdflib reads the query.
    """
    match = _POSITION.search(message)
    if match is None:
        return f"The query is not valid SPARQL: {message}"
    line, column = int(match.group(1)), int(match.group(2))
    detail = message[match.end() :].lstrip(": ")
    # Oxigraph lists every token it would accept, character classes included: keep it short
    detail = re.sub(r",\s*\[.*", ", ...", detail, flags=re.DOTALL)
    if len(detail) > 240:
        detail = detail[:240] + "..."
    lines = text.replace("\t", " ").splitlines()
    first = _first_unreadable(text)
    if first is not None and first != (line, column):
        line, column = first
        words = lines[line - 1][column - 1 :].split() if line <= len(lines) else []
        detail = f"the query cannot be read from {words[0][:30]!r} on" if words else "the query ends too early"
    shown = ""
    if 1 <= line <= len(lines):
        shown = f"\n  {lines[line - 1]}\n  {' ' * max(column - 1, 0)}^"
    return f"The query is not valid SPARQL: line {line}, column {column}: {detail}{shown}"


def _first_unreadable(text: str) -> tuple[int, int] | None:
    """Line and column (1-based, in characters) of the first token rdflib's SPARQL grammar cannot take, if any."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    # pyparsing expands tabs before counting columns; a space reads the same in SPARQL outside literals
    try:
        parseQuery(text.replace("\t", " "))
    except ParseBaseException as error:
        return error.lineno, error.col
    except Exception:  # noqa: BLE001 - rdflib fails otherwise on what it cannot read: no position to give
        return None
    return None


def run_query(source: Graph | pyoxigraph.Store, text: str) -> QueryResult:
    """Run a SPARQL 1.1 query on an rdflib graph or an Oxigraph store.

    kgraph's prefixes (``kg:``, ``kgr:``, ...) are pre-bound; a syntax error becomes
    :class:`~kgraph.errors.QueryError` with its line and column.
    """
    if isinstance(source, Graph):
        return _run_rdflib(source, text)
    return _run_oxigraph(source, text)


def _run_rdflib(graph: Graph, text: str) -> QueryResult:
    try:
        result = graph.query(text, initNs={k: str(v) for k, v in PREFIXES.items()})
    except Exception as error:  # pyparsing's ParseException and rdflib's errors
        raise QueryError(f"The query is not valid SPARQL: {error}") from error
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        out = new_graph()
        for triple in result:
            out.add(triple)  # type: ignore[arg-type]
        return QueryResult(result.type, graph=out)
    names = [str(v) for v in result.vars or []]
    rows = [tuple(row) for row in result]  # type: ignore[arg-type]
    return QueryResult("SELECT", vars=names, rows=rows)  # type: ignore[arg-type]


def _query_type(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query keyword after the prologue."""
    body = re.sub(r"#[^\n]*", " ", text)
    body = re.sub(r"<[^>\s]*>", " ", body)  # IRIs in PREFIX/BASE may hold keywords
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)
    return match.group(1).upper() if match else "SELECT"


def _run_oxigraph(store: pyoxigraph.Store, text: str) -> QueryResult:
    import pyoxigraph as ox

    try:
        answer = store.query(text, prefixes={k: str(v) for k, v in PREFIXES.items()},
                             use_default_graph_as_union=True)
    except SyntaxError as error:
        raise QueryError(_syntax_message(text, str(error))) from error
    except (ValueError, OSError) as error:
        raise QueryError(f"The query failed: {error}") from error
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        out = new_graph()
        for triple in answer:
            out.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return QueryResult(_query_type(text), graph=out)
    names = [v.value for v in answer.variables]
    rows = [tuple(None if t is None else to_rdflib(t) for t in solution) for solution in answer]
    return QueryResult("SELECT", vars=names, rows=rows)


def to_rdflib(term: Any) -> Node:
    """An Oxigraph term as the equal rdflib term (``xsd:string`` literals stay plain)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            return Literal(term.value, lang=term.language)
        if datatype == _XSD_STRING:
            return Literal(term.value)
        # keep the lexical form exactly as written ("0.900" stays "0.900")
        return Literal(term.value, datatype=URIRef(datatype), normalize=False)
    raise QueryError(f"kgraph cannot show the RDF-star term {term}.")


def to_oxigraph(term: Node) -> Any:
    """An rdflib term as the equal Oxigraph term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


# ---------------------------------------------------------------- output

_PN_LOCAL = re.compile(r"^[\w-](?:[\w.-]*[\w-])?$|^$", re.UNICODE)


def compact_iri(iri: str) -> str:
    """``kgr:Toshio_Fujimoto`` for a kgraph IRI, ``<iri>`` when no prefix fits."""
    best = ""
    name = f"<{iri}>"
    for prefix, namespace in PREFIXES.items():
        ns = str(namespace)
        if iri.startswith(ns) and len(ns) > len(best) and _PN_LOCAL.match(iri[len(ns) :]):
            best = ns
            name = f"{prefix}:{iri[len(ns):]}"
    return name


def _escape_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def nt_term(term: Node) -> str:
    """A term in N-Triples syntax (also used for TSV results and N-Quads output)."""
    if isinstance(term, URIRef):
        return "<" + _IRI_FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04X}", str(term)) + ">"
    if isinstance(term, BNode):
        return "_:" + re.sub(r"[^A-Za-z0-9_]", "_", str(term))
    if isinstance(term, Literal):
        text = f'"{_escape_string(str(term))}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) not in {_XSD_STRING, _RDF_LANG_STRING}:
            return f"{text}^^<{term.datatype}>"
        return text
    raise TypeError(f"not an RDF term: {term!r}")


def _table_cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact_iri(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    # one line per row: show control characters escaped
    return str(term).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def _csv_cell(term: Node | None) -> str:
    # SPARQL 1.1 Query Results CSV: IRIs in full, literals as their lexical form
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
        out["datatype"] = str(term.datatype)
    return out


def _results_json(result: QueryResult) -> str:
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, ensure_ascii=False) + "\n"
    bindings = [
        {name: _json_term(term) for name, term in zip(result.vars, row, strict=True) if term is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": result.vars}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result: SELECT as an aligned table, CSV, TSV or SPARQL 1.1 results JSON;
    ASK as ``true``/``false`` (or results JSON); CONSTRUCT/DESCRIBE as Turtle.

    CSV and TSV follow the W3C "SPARQL 1.1 Query Results CSV and TSV Formats"
    (CSV: full IRIs and plain values; TSV: terms in N-Triples syntax).
    """
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"Unknown result format {fmt!r}. Available formats: {', '.join(RESULT_FORMATS)}.")
    if result.graph is not None:
        return result.graph.serialize(format="turtle")
    if fmt == "json":
        return _results_json(result)
    if result.type == "ASK":
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.vars)
        writer.writerows([_csv_cell(t) for t in row] for row in result.rows)
        return buffer.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += ["\t".join("" if t is None else nt_term(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    names = result.vars
    rows = [[_table_cell(t) for t in row] for row in result.rows]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
