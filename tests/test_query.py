"""kgraph query: SPARQL over the build of data/, the queries/ folder, --infer, output formats."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import QUERIES_DIR
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.term import Node

from kgraph import cli
from kgraph.errors import QueryError
from kgraph.query import (
    QueryResult,
    compact_iri,
    format_result,
    load_graphs,
    nt_term,
    open_store,
    read_query,
    run_query,
)

KGR = "https://w3id.org/kgraph/id/"
EXAMPLES = sorted(QUERIES_DIR.glob("*.rq"))


def needs_infer(path: Path) -> bool:
    """Example queries that need --infer say so on their first line: ``# kgraph: --infer``."""
    return "--infer" in path.read_text(encoding="utf-8").splitlines()[0]


def canonical(term: Node | None) -> str:
    """A term in N-Triples, numbers by value: Oxigraph's store answers 0.900 as 0.9 (same value)."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype in {XSD.decimal, XSD.integer}:
        return f"{Decimal(str(term)).normalize()}^^{term.datatype}"
    return nt_term(term)


def rows_as_text(result: QueryResult) -> Counter[tuple[str, ...]]:
    """SELECT rows as a multiset of canonical terms (engines may order ties differently)."""
    return Counter(tuple(canonical(t) for t in row) for row in result.rows)


def run_example(path: Path, out: Path, engine: str = "oxigraph") -> QueryResult:
    graphs = [out / "graph.ttl"]
    infer = needs_infer(path)
    source = open_store(graphs, infer=infer) if engine == "oxigraph" else load_graphs(graphs, infer=infer)
    return run_query(source, read_query(str(path)))


def names(result: QueryResult, *columns: str) -> set[tuple[str, ...]]:
    idx = [result.vars.index(c) for c in columns]
    return {tuple(str(row[i]) for i in idx) for row in result.rows}


def test_query_examples_exist_and_are_documented() -> None:
    assert {p.name for p in EXAMPLES} >= {
        "leaders.rq", "government-agreements.rq", "entity.rq", "multi-article.rq", "fact-evidence.rq", "employers.rq"
    }
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#") and "Usage: kgraph query" in text, f"{path.name} needs a comment and usage line"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_query_example_same_answer_from_both_engines(built_data, path: Path) -> None:
    _, out = built_data
    oxigraph = run_example(path, out, "oxigraph")
    rdflib = run_example(path, out, "rdflib")
    assert oxigraph.type == "SELECT"
    assert oxigraph.vars == rdflib.vars
    assert oxigraph.rows, f"{path.name} finds nothing in data/: the engines would agree on nothing"
    assert rows_as_text(oxigraph) == rows_as_text(rdflib)


def test_query_leaders(built_data, data_graph) -> None:
    _, out = built_data
    from kgraph.ontology import KG

    result = run_example(QUERIES_DIR / "leaders.rq", out)
    expected = {(str(s), str(o)) for p in (KG.headOf, KG.ceoOf) for s, o in data_graph.subject_objects(p)}
    assert expected and names(result, "person", "organisation") == expected
    assert ("Clara Jensen", "Nordwind Energy", "Chief Executive") in names(result, "name", "orgName", "title")
    assert all(int(row[result.vars.index("sources")]) >= 1 for row in result.rows)  # type: ignore[arg-type]


def test_query_government_agreements(built_data, data_graph) -> None:
    _, out = built_data
    from rdflib import RDF

    from kgraph.ontology import KG

    result = run_example(QUERIES_DIR / "government-agreements.rq", out)
    government = set(data_graph.subjects(RDF.type, KG.GovernmentBody))
    expected = set()
    for a, b in data_graph.subject_objects(KG.hasAgreementWith):
        expected |= {(str(x), str(y)) for x, y in ((a, b), (b, a)) if y in government and x != y}
    assert expected, "data/ has an agreement with a ministry"
    assert names(result, "organisation", "government") == expected
    assert all(row[result.vars.index("evidence")] is not None for row in result.rows)
    assert any(str(row[result.vars.index("source")]).endswith("ipark-bio-japan.txt") for row in result.rows)


def test_query_entity_with_evidence(built_data, data_graph) -> None:
    _, out = built_data
    from rdflib import RDF

    result = run_example(QUERIES_DIR / "entity.rq", out)
    rows = [dict(zip(result.vars, row, strict=True)) for row in result.rows]
    about = {str(r["property"]).rsplit("#", 1)[-1]: str(r["value"]) for r in rows if str(r["direction"]) == "about"}
    assert about["label"] == "Toshio Fujimoto"
    entity = URIRef(KGR + "Toshio_Fujimoto")
    statements = set(data_graph.subjects(RDF.subject, entity)) | set(data_graph.subjects(RDF.object, entity))
    relation_rows = [r for r in rows if str(r["direction"]) != "about"]
    assert statements and len(relation_rows) == len(statements)
    # descriptions carry no evidence; relations always carry the sentence and the source
    assert all(r["evidence"] is None for r in rows if str(r["direction"]) == "about")
    assert all(r["evidence"] is not None and "Fujimoto" in str(r["evidence"]) for r in relation_rows)
    assert all(str(r["source"]).endswith("ipark-bio-japan.txt") for r in relation_rows)


def test_query_multi_article_matches_the_graph(built_data, data_graph) -> None:
    _, out = built_data
    result = run_example(QUERIES_DIR / "multi-article.rq", out)
    from kgraph.ontology import KG

    expected = {str(e) for e in set(data_graph.subjects(KG.mentionedIn, None))
                if len(set(data_graph.objects(e, KG.mentionedIn))) > 1}
    assert KGR + "Northern_Clinical_Trials_Network" in expected  # named in two of the sample articles
    assert {str(row[0]) for row in result.rows} == expected


def test_query_multi_article_finds_shared_entities() -> None:
    graph = Graph()
    graph.parse(data="""
        @prefix kg: <https://w3id.org/kgraph/ontology#> . @prefix kgr: <https://w3id.org/kgraph/id/> .
        @prefix kgd: <https://w3id.org/kgraph/doc/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        kgr:A rdfs:label "A" ; kg:mentionedIn kgd:one, kgd:two .
        kgr:B rdfs:label "B" ; kg:mentionedIn kgd:one .""", format="turtle")
    result = run_query(graph, read_query(str(QUERIES_DIR / "multi-article.rq")))
    assert [(str(r[1]), int(r[2])) for r in result.rows] == [("A", 2)]  # type: ignore[arg-type]


def test_query_fact_evidence_one_row_per_statement(built_data, data_graph) -> None:
    _, out = built_data
    from rdflib import RDF

    result = run_example(QUERIES_DIR / "fact-evidence.rq", out)
    assert len(result.rows) == len(set(data_graph.subjects(RDF.type, RDF.Statement)))
    assert all(row[result.vars.index("evidence")] is not None for row in result.rows)


def test_query_infer_finds_ceos_and_heads_as_workers(built_data, data_graph) -> None:
    _, out = built_data
    from kgraph.ontology import KG

    query = "SELECT ?p ?o WHERE { ?p kg:worksFor ?o }"
    plain = {(str(p), str(o)) for p, o in run_query(open_store([out / "graph.ttl"]), query)}
    inferred = {(str(p), str(o)) for p, o in run_query(open_store([out / "graph.ttl"], infer=True), query)}
    leaders = {(str(s), str(o)) for p in (KG.ceoOf, KG.headOf) for s, o in data_graph.subject_objects(p)}
    assert leaders and leaders - plain, "data/ has CEOs and heads"
    assert inferred == plain | leaders
    # the rdflib path infers the same
    rdflib_inferred = {(str(p), str(o)) for p, o in run_query(load_graphs([out / "graph.ttl"], infer=True), query)}
    assert rdflib_inferred == inferred


def test_query_infer_symmetric_and_subclass(built_data) -> None:
    _, out = built_data
    store = open_store([out / "graph.ttl"], infer=True)
    assert run_query(store, """ASK { kgr:Ministry_of_SMEs_and_Startups kg:hasAgreementWith ?x .
                                     ?x kg:hasAgreementWith kgr:Ministry_of_SMEs_and_Startups }""").boolean
    assert run_query(store, "ASK { kgr:Ministry_of_SMEs_and_Startups a kg:Organization, kg:Agent, kg:Entity }").boolean


def test_query_compiled_rules_cover_inverse_properties() -> None:
    from kgraph.infer import compile_rules, entailed

    ontology = Graph().parse(data="""
        @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix : <http://example.org/> .
        :parentOf owl:inverseOf :childOf . :childOf rdfs:subPropertyOf :relativeOf .
        :relativeOf a owl:SymmetricProperty .""", format="turtle")
    ex = "http://example.org/"
    triples = entailed([(URIRef(ex + "a"), URIRef(ex + "parentOf"), URIRef(ex + "b"))], compile_rules(ontology))
    assert (URIRef(ex + "b"), URIRef(ex + "childOf"), URIRef(ex + "a")) in triples
    assert (URIRef(ex + "b"), URIRef(ex + "relativeOf"), URIRef(ex + "a")) in triples
    assert (URIRef(ex + "a"), URIRef(ex + "relativeOf"), URIRef(ex + "b")) in triples


def test_query_construct_describe_ask(data_store) -> None:
    result = run_query(data_store, "CONSTRUCT { ?p kg:ceoOf ?o } WHERE { ?p kg:ceoOf ?o }")
    assert result.type == "CONSTRUCT" and len(result) >= 2
    text = format_result(result)
    assert "kgr:Clara_Jensen kg:ceoOf kgr:Nordwind_Energy" in text
    assert len(Graph().parse(data=text, format="turtle")) == len(result)
    described = run_query(data_store, "DESCRIBE kgr:Toshio_Fujimoto")
    assert described.type == "DESCRIBE"
    assert (URIRef(KGR + "Toshio_Fujimoto"), None, None) in described.graph  # type: ignore[operator]
    assert run_query(data_store, "ASK { kgr:Clara_Jensen kg:ceoOf kgr:Nordwind_Energy }").askAnswer is True
    assert format_result(run_query(data_store, "ASK { kgr:Nobody ?p ?o }")) == "false\n"


def test_query_formats(data_store) -> None:
    result = run_query(data_store, """SELECT ?p ?o ?n WHERE { ?p kg:ceoOf ?o ; kg:mentionCount ?n }
                                      ORDER BY ?p LIMIT 2""")
    table = format_result(result, "table")
    assert "kgr:Clara_Jensen" in table and table.rstrip().endswith("(2 rows)")
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == ["p", "o", "n"] and rows[1][0] == KGR + "Clara_Jensen" and rows[1][2].isdigit()
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?p\t?o\t?n"
    assert tsv[1].startswith(f"<{KGR}Clara_Jensen>\t") and "^^<http://www.w3.org/2001/XMLSchema#integer>" in tsv[1]
    document = json.loads(format_result(result, "json"))
    assert document["head"]["vars"] == ["p", "o", "n"]
    first = document["results"]["bindings"][0]
    assert first["p"] == {"type": "uri", "value": KGR + "Clara_Jensen"}
    assert first["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert json.loads(format_result(run_query(data_store, "ASK {}"), "json")) == {"head": {}, "boolean": True}


def test_query_compact_iri() -> None:
    assert compact_iri(KGR + "Toshio_Fujimoto") == "kgr:Toshio_Fujimoto"
    assert compact_iri("https://w3id.org/kgraph/ontology#ceoOf") == "kg:ceoOf"
    assert compact_iri("http://example.org/x") == "<http://example.org/x>"
    assert compact_iri(KGR + "a b") == f"<{KGR}a b>"  # not a valid local name: keep the whole IRI


def test_query_table_escapes_newlines() -> None:
    result = QueryResult("SELECT", vars=["x"], rows=[(Literal("a\nb"),)])
    assert "a\\nb" in format_result(result)


@pytest.mark.parametrize(
    ("query", "position", "line", "caret"),
    [
        # a misspelt keyword: the caret under the word, not where Oxigraph's parser gave up (column 10)
        ("SELEC ?x WHERE { ?x ?y ?z }", "line 1, column 1:", "  SELEC ?x WHERE { ?x ?y ?z }", "  ^"),
        ("SELECT ?x WHERE { ?x ?y ?z } LIMT 3", "line 1, column 30:", "  SELECT ?x WHERE { ?x ?y ?z } LIMT 3",
         "  " + " " * 29 + "^"),
        # on a later line, after a tab (shown as one space so the caret stays under its column)
        ("SELECT ?x WHERE {\n\t?x ?y ?z .\n\tFILTR(?x) }", "line 3, column 2:", "   FILTR(?x) }", "   ^"),
        # a triple without its object: the caret under the triple that cannot be read
        ("SELECT ?x WHERE {\n  ?x kg:ceoOf \n}", "line 2, column 3:", "    ?x kg:ceoOf ", "    ^"),
    ],
)
def test_query_syntax_error_has_line_and_column(data_store, query: str, position: str, line: str, caret: str) -> None:
    with pytest.raises(QueryError) as raised:
        run_query(data_store, query)
    message = str(raised.value).split("\n")
    assert position in message[0], message
    assert message[1:] == [line, caret], message


def test_query_cli_syntax_error_exits_2(runner, built_data) -> None:
    _, out = built_data
    result = runner.invoke(cli.cli, ["query", "-g", str(out / "graph.ttl"), "SELEC ?x WHERE { ?x ?y ?z }"])
    assert result.exit_code == 2
    assert result.stderr == ("Error: The query is not valid SPARQL: line 1, column 1: the query cannot be read from "
                             "'SELEC' on\n  SELEC ?x WHERE { ?x ?y ?z }\n  ^\n")
    assert result.stdout == ""


def test_query_cli_table_json_infer(runner, built_data) -> None:
    _, out = built_data
    graph = str(out / "graph.ttl")
    result = runner.invoke(cli.cli, ["query", "-g", graph, str(QUERIES_DIR / "leaders.rq")], catch_exceptions=False)
    assert result.exit_code == 0 and "kgr:Clara_Jensen" in result.stdout
    result = runner.invoke(cli.cli, ["query", "-g", graph, "--infer", "--format", "json",
                                     "SELECT ?o WHERE { kgr:Clara_Jensen kg:worksFor ?o } ORDER BY ?o"],
                           catch_exceptions=False)
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert {"o": {"type": "uri", "value": KGR + "Nordwind_Energy"}} in bindings
    result = runner.invoke(cli.cli, ["query", "-g", graph, "--engine", "rdflib", "ASK { ?s kg:ceoOf ?o }"],
                           catch_exceptions=False)
    assert result.stdout == "true\n"


def test_query_cli_several_graphs_and_trig(runner, built_data, data_exports, tmp_path) -> None:
    _, out = built_data
    query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    one = runner.invoke(cli.cli, ["query", "-g", str(out / "graph.ttl"), "--format", "csv", query])
    trig = runner.invoke(cli.cli, ["query", "-g", str(data_exports["trig"]), "--format", "csv", query])
    assert one.stdout == trig.stdout  # the union of the named graphs is the graph
    both = runner.invoke(cli.cli, ["query", "-g", str(out / "graph.ttl"), "-g", str(data_exports["nquads"]),
                                   "--format", "csv", query])
    assert both.exit_code == 0 and both.stdout == one.stdout  # the same triples twice are the same graph
    extra = tmp_path / "extra.ttl"
    extra.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    more = runner.invoke(cli.cli, ["query", "-g", str(out / "graph.ttl"), "-g", str(extra), "--format", "csv", query])
    assert more.exit_code == 0, more.output
    count = int(one.stdout.split()[-1])
    assert more.stdout.split() == ["n", str(count + 1)]  # every graph named is queried


def test_query_cli_missing_graph_exits_1(runner, tmp_path) -> None:
    result = runner.invoke(cli.cli, ["query", "-g", str(tmp_path / "none.ttl"), "ASK {}"])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
