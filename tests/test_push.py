"""Publishing to a Graph Store endpoint: a real Oxigraph server, and a stub for auth and errors."""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from conftest import DATA_DIR
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kgraph.cli import cli
from kgraph.graph import document_iri
from kgraph.push import PushError, auth_from_env, graph_payloads, push_graph


def _select(base: str, query: str) -> list[dict[str, str]]:
    url = f"{base}/query?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        data = json.load(response)
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


def _store_counts(base: str) -> dict[str, int]:
    rows = _select(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    counts = {row["g"]: int(row["n"]) for row in rows}
    default = _select(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    counts[""] = int(default[0]["n"])
    return counts


def _expected_counts(graph: Graph) -> dict[str, int]:
    return {name or "": data.count(b"\n") for name, data in graph_payloads(graph).items()}


def test_push_split_is_per_document_and_loses_nothing(data_graph: Graph) -> None:
    payloads = graph_payloads(data_graph)
    documents = {
        str(d) for d in data_graph.subjects(predicate=None, object=URIRef("https://w3id.org/kgraph/ontology#Document"))
    }
    assert documents and documents == {name for name in payloads if name is not None}
    assert document_iri(str(DATA_DIR / "ceo-appointment.txt")) in {URIRef(n) for n in payloads if n}
    union = Graph()
    for data in payloads.values():
        union.parse(data=data.decode(), format="nt")
    assert isomorphic(union, data_graph)


def test_push_auth_from_env() -> None:
    assert auth_from_env({}) is None
    assert auth_from_env({"KGRAPH_PUSH_TOKEN": "s3cret"}) == "Bearer s3cret"
    assert auth_from_env({"KGRAPH_PUSH_USER": "ann", "KGRAPH_PUSH_PASSWORD": "pw"}) == "Basic YW5uOnB3"


def test_push_to_oxigraph_replaces_changed_and_deletes_gone(
    data_graph: Graph, oxigraph_store: str, tmp_path: Path
) -> None:
    endpoint = f"{oxigraph_store}/store"
    first = push_graph(data_graph, endpoint, state_dir=tmp_path)
    assert first.unchanged == 0 and not first.deleted
    assert _store_counts(oxigraph_store) == _expected_counts(data_graph)

    # the same graph again: nothing is sent
    again = push_graph(data_graph, endpoint, state_dir=tmp_path)
    assert (again.replaced, again.unchanged) == ([], len(first.replaced))

    # one document gone: its graph is deleted, the corpus-level default graph replaced, the others untouched
    gone = document_iri(str(DATA_DIR / "acquisition.html"))
    smaller = Graph()
    for triple in data_graph:
        if gone not in triple:
            smaller.add(triple)
    third = push_graph(smaller, endpoint, state_dir=tmp_path)
    assert third.deleted == [str(gone)]
    assert str(gone) not in third.replaced and third.unchanged >= 1
    counts = _store_counts(oxigraph_store)
    assert str(gone) not in counts
    assert counts == _expected_counts(smaller)

    # --all sends everything
    full = push_graph(smaller, endpoint, state_dir=tmp_path, full=True)
    assert full.unchanged == 0 and len(full.replaced) == len(graph_payloads(smaller))


def test_cli_push(built_data, oxigraph_store: str, runner) -> None:  # type: ignore[no-untyped-def]
    _, out = built_data
    endpoint = f"{oxigraph_store}/store"
    result = runner.invoke(cli, ["push", "--endpoint", endpoint, "-g", str(out / "graph.ttl")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Pushed to {endpoint}: 7 graph(s) replaced, 0 unchanged, 0 deleted")


class _Recorder(BaseHTTPRequestHandler):
    requests: list[tuple[str, str, str | None]] = []
    status = 204

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        type(self).requests.append((self.command, self.path, self.headers.get("Authorization")))
        self.send_response(self.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_DELETE = _handle

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def stub_store() -> Iterator[type[_Recorder]]:
    handler = type("Handler", (_Recorder,), {"requests": [], "status": 204})
    server = HTTPServer(("127.0.0.1", 0), handler)
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/store"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler
    finally:
        server.shutdown()
        server.server_close()


def _tiny_graph() -> Graph:
    graph = Graph()
    graph.parse(
        data="""
        @prefix kg: <https://w3id.org/kgraph/ontology#> .
        <https://w3id.org/kgraph/doc/a_1> a kg:Document .
        <https://w3id.org/kgraph/id/Anna> kg:mentionedIn <https://w3id.org/kgraph/doc/a_1> ; kg:mentionCount 1 .
    """,
        format="turtle",
    )
    return graph


def test_push_sends_credentials_from_env_only_as_header(
    stub_store,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    runner,
) -> None:
    ttl = tmp_path / "graph.ttl"
    _tiny_graph().serialize(ttl, format="turtle")
    monkeypatch.setenv("KGRAPH_PUSH_TOKEN", "s3cret-token")
    result = runner.invoke(cli, ["push", "--endpoint", stub_store.url, "-g", str(ttl)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert [(m, a) for m, _, a in stub_store.requests] == [("PUT", "Bearer s3cret-token")] * 2
    assert sorted(p for _, p, _ in stub_store.requests) == [
        "/store?default",
        "/store?graph=https%3A%2F%2Fw3id.org%2Fkgraph%2Fdoc%2Fa_1",
    ]
    assert "s3cret" not in result.output


def test_push_refused_says_what_to_check_and_hides_the_secret(stub_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stub_store.status = 401
    with pytest.raises(PushError) as caught:
        push_graph(_tiny_graph(), stub_store.url, auth="Bearer s3cret-token", state_dir=tmp_path)
    message = str(caught.value)
    assert "HTTP 401" in message and "KGRAPH_PUSH_TOKEN" in message and "s3cret" not in message


def test_push_unreachable_endpoint() -> None:
    with pytest.raises(PushError, match="Cannot reach http://127.0.0.1:9/store"):
        push_graph(_tiny_graph(), "http://127.0.0.1:9/store", timeout=2)
    with pytest.raises(PushError, match="not an http"):
        push_graph(_tiny_graph(), "ftp://example.invalid/store")
