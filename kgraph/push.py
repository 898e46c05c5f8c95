"""Publishing a built graph to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

Any store that speaks the protocol works (Oxigraph, Apache Jena Fuseki, GraphDB,
Virtuoso, ...): ``kgraph push --endpoint URL`` sends one named graph per source
document, named by the document's IRI (:func:`kgraph.graph.document_iri`), plus the
default graph for corpus-level entity descriptions.  The split is the TriG export's
(:func:`kgraph.export.dataset.document_graphs`), so the store holds exactly what
``graph.trig`` holds.

Each graph is sent with ``PUT`` (replace); a push remembers what it sent to each
endpoint (``OUT/.kgraph-cache/push-<endpoint digest>.json``), so the next push sends
only the graphs that changed and ``DELETE``s those of documents that are gone.

Credentials come from the environment only, never from the command line:
``KGRAPH_PUSH_TOKEN`` (sent as ``Authorization: Bearer``) or ``KGRAPH_PUSH_USER`` and
``KGRAPH_PUSH_PASSWORD`` (HTTP Basic).  They are never logged or put in messages.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kgraph.errors import KGraphError

__all__ = ["PushError", "PushReport", "auth_from_env", "graph_payloads", "push_graph"]

_TOKEN, _USER, _PASSWORD = "KGRAPH_PUSH_TOKEN", "KGRAPH_PUSH_USER", "KGRAPH_PUSH_PASSWORD"


class PushError(KGraphError):
    """The triple store refused a request or cannot be reached."""


@dataclass
class PushReport:
    """What a push sent: graph IRIs (``None`` is the default graph) replaced, deleted, unchanged."""

    endpoint: str
    replaced: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    triples: int = 0


def auth_from_env(environ: Mapping[str, str] | None = None) -> str | None:
    """The ``Authorization`` header value from ``KGRAPH_PUSH_TOKEN`` or ``KGRAPH_PUSH_USER``/``PASSWORD``."""
    env = os.environ if environ is None else environ
    if env.get(_TOKEN):
        return f"Bearer {env[_TOKEN]}"
    if env.get(_USER):
        pair = f"{env[_USER]}:{env.get(_PASSWORD, '')}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")
    return None


def _ntriples(triples: list[tuple[object, object, object]]) -> bytes:
    from rdflib.plugins.serializers.nt import _nt_row

    return "".join(sorted(_nt_row(t) for t in triples)).encode("utf-8")  # type: ignore[arg-type]


def graph_payloads(graph: Graph) -> dict[str | None, bytes]:
    """Graph IRI (``None``: the default graph) -> its triples as sorted N-Triples."""
    from kgraph.export.dataset import document_graphs

    return {
        None if name is None else str(name): _ntriples(triples)  # type: ignore[arg-type]
        for name, triples in document_graphs(graph).items()
    }


def _target(endpoint: str, name: str | None) -> str:
    query = "default" if name is None else urllib.parse.urlencode({"graph": name})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def _request(
    method: str, url: str, auth: str | None, data: bytes | None, timeout: float, endpoint: str, name: str | None
) -> None:
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/n-triples; charset=utf-8")
    if auth:
        request.add_header("Authorization", auth)
    what = "the default graph" if name is None else f"graph <{name}>"
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as error:
        if method == "DELETE" and error.code == 404:
            return  # already gone
        detail = error.read(300).decode("utf-8", "replace").strip()
        hint = " Check KGRAPH_PUSH_TOKEN or KGRAPH_PUSH_USER/KGRAPH_PUSH_PASSWORD." if error.code in (401, 403) else ""
        raise PushError(
            f"{endpoint} refused to {method} {what}: HTTP {error.code} {error.reason}. {detail[:200]}{hint}".strip()
        ) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PushError(
            f"Cannot reach {endpoint} ({reason}). Is the store running, and is this its "
            "Graph Store endpoint (e.g. http://localhost:7878/store)?"
        ) from None


def _state_path(state_dir: Path, endpoint: str) -> Path:
    return state_dir / f"push-{hashlib.sha256(endpoint.encode()).hexdigest()[:16]}.json"


def push_graph(
    graph: Graph,
    endpoint: str,
    auth: str | None = None,
    state_dir: Path | None = None,
    full: bool = False,
    timeout: float = 60.0,
    progress: Callable[[int], None] | None = None,
) -> PushReport:
    """Send ``graph`` to a Graph Store endpoint, one named graph per document.

    :param endpoint: the store's Graph Store Protocol URL, e.g. ``http://localhost:7878/store``.
    :param auth: an ``Authorization`` header value (see :func:`auth_from_env`).
    :param state_dir: where to remember what was sent, so the next push sends only changes;
        ``None`` sends everything and deletes nothing.
    :param full: send every graph even if it did not change since the last push.
    """
    if not endpoint.startswith(("http://", "https://")):
        raise PushError(f"The endpoint {endpoint!r} is not an http(s) URL. Pass the store's Graph Store URL.")
    payloads = graph_payloads(graph)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in payloads.items()}
    state_file = _state_path(state_dir, endpoint) if state_dir is not None else None
    sent: dict[str, str] = {}
    if state_file is not None and not full:
        try:
            loaded = json.loads(state_file.read_text())
            sent = {str(k): str(v) for k, v in loaded.get("graphs", {}).items()}
        except (OSError, ValueError, AttributeError):
            sent = {}  # no usable record: send everything
    report = PushReport(endpoint=endpoint)
    remembered: dict[str, str] = dict(sent)

    def save() -> None:
        if state_file is not None:
            state_file.parent.mkdir(parents=True, exist_ok=True)
            state_file.write_text(json.dumps({"endpoint": endpoint, "graphs": remembered}, indent=0, sort_keys=True))

    try:
        for name in sorted(payloads, key=lambda n: "" if n is None else n):
            label = "" if name is None else name  # "" stands for the default graph in the record
            if sent.get(label) == digests[name]:
                report.unchanged += 1
            else:
                _request("PUT", _target(endpoint, name), auth, payloads[name], timeout, endpoint, name)
                report.replaced.append(label)
                remembered[label] = digests[name]
            report.triples += payloads[name].count(b"\n")
            if progress is not None:
                progress(1)
        current = {"" if n is None else n for n in payloads}
        for label in sorted(set(sent) - current):
            _request("DELETE", _target(endpoint, label or None), auth, None, timeout, endpoint, label or None)
            report.deleted.append(label)
            remembered.pop(label, None)
    finally:
        save()  # what did reach the store is remembered even when a later request failed
    return report


def document_graph_iris(graph: Graph) -> list[URIRef]:
    """The named graphs a push creates: one per document of ``graph``."""
    from kgraph.export.dataset import document_graphs

    return sorted(name for name in document_graphs(graph) if name is not None)
