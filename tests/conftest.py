"""Fixtures shared by every test (defined here only)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
TEST_DATA_DIR = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "ipark-article.txt"

needs_shared = pytest.mark.skipif(
    not SEED.is_file(), reason="../shared is absent (a fresh clone has no evaluation data); nothing to check"
)


def load_bench_script(name: str) -> ModuleType:
    """The module of a script in ``bench/`` (``name`` without ".py"): the scripts are no package to import."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def ontology():  # type: ignore[no-untyped-def]
    from kgraph.ontology import load_ontology

    return load_ontology()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from kgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract_text(nlp, ontology):  # type: ignore[no-untyped-def]
    """Run the rule extractor on a text; return [(subject, predicate, object)] by representative names."""
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    def run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        mentions = find_mentions(doc, ontology)
        links = link_mentions(doc, mentions, ontology)
        kept = [(m, s) for m, s in mentions if m in links]
        return {
            (links[r.subject].text, r.predicate, links[r.object].text)
            for r in find_relations(doc, kept, ontology, links)
        }

    return run


@pytest.fixture(scope="session")
def parse_with_ents(nlp):  # type: ignore[no-untyped-def]
    """Parse a text with the NER's names replaced by ``ents`` ((start, end, label) tokens), to reproduce an
    NER mistake."""
    from spacy.tokens import Span

    def run(text: str, ents: list[tuple[int, int, str]]):  # type: ignore[no-untyped-def]
        doc = nlp(text)
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
        return doc

    return run


@pytest.fixture(scope="session")
def relation_triples(ontology):  # type: ignore[no-untyped-def]
    """The relations the rules find among given mentions of a parse, as (subject, predicate, object) texts."""
    from kgraph.extract.relations import find_relations

    def run(doc, mentions) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
        return {(r.subject.text, r.predicate, r.object.text) for r in find_relations(doc, mentions, ontology)}

    return run


@pytest.fixture(scope="session")
def built_data(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The build of data/ (done once), as (report, out_dir)."""
    from kgraph import Settings, build

    out = tmp_path_factory.mktemp("out")
    report = build(Settings(inputs=[DATA_DIR], out_dir=out))
    return report, out


@pytest.fixture(scope="session")
def data_graph(built_data):  # type: ignore[no-untyped-def]
    from kgraph.query import load_graphs

    _, out = built_data
    return load_graphs([out / "graph.ttl"])


@pytest.fixture(scope="session")
def data_extractions():  # type: ignore[no-untyped-def]
    """The extractions of data/ (in this process, no cache), as a list."""
    from kgraph import Settings, extract_articles

    return list(extract_articles(Settings(inputs=[DATA_DIR], jobs=1)))


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def oxigraph_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real Oxigraph server on a free loopback port; yields its base URL (…/store, …/query)."""
    import shutil
    import subprocess
    import sys
    import time
    import urllib.request

    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install 'oxigraph==0.5.13', part of the test extra)")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "oxigraph.log").open("wb")
    server = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph did not start: {(tmp_path / 'oxigraph.log').read_text()}")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def dask_cluster():  # type: ignore[no-untyped-def]
    """A real dask.distributed LocalCluster of 2 worker processes (1 thread each)."""
    distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster


# ---------------------------------------------------------------- querying, exports, validation (issue 4)

QUERIES_DIR = ROOT / "queries"


@pytest.fixture(scope="session")
def data_store(built_data):  # type: ignore[no-untyped-def]
    """The build of data/ in an Oxigraph store (kgraph query's default engine)."""
    from kgraph.query import open_store

    _, out = built_data
    return open_store([out / "graph.ttl"])


@pytest.fixture(scope="session")
def data_exports(built_data, tmp_path_factory):  # type: ignore[no-untyped-def]
    """Every `kgraph export` format of the build of data/, as {format: path}."""
    from kgraph.export import EXPORTERS, FILE_FORMATS, export_file
    from kgraph.query import load_graphs

    _, out = built_data
    graph = load_graphs([out / "graph.ttl"])
    folder = tmp_path_factory.mktemp("exports")
    return {fmt: export_file(graph, fmt, folder / EXPORTERS[fmt][2]) for fmt in FILE_FORMATS}


# ---------------------------------------------------------------- the LLM extractor (issue 20)


@pytest.fixture
def openai_stub():  # type: ignore[no-untyped-def]
    """A fake OpenAI-compatible server on a free loopback port, answering with ``stub.reply(payload)``.

    ``reply`` returns ``(status, body dict or bytes)``; every request's headers and
    payload are kept in ``stub.seen``.  Yields the stub; ``stub.url`` is the base URL.
    """
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from types import SimpleNamespace

    from kgraph.extract.llm_client import chat_response

    stub = SimpleNamespace(seen=[], reply=lambda payload: (200, chat_response('{"facts": []}')))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            payload = json.loads(body)
            stub.seen.append({"path": self.path, "headers": dict(self.headers), "payload": payload})
            status, answer = stub.reply(payload)
            data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that timed out and hung up (the time-out tests) is expected

    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
