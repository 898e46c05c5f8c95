"""Errors raised by kgraph.

Our exception hierarchy::

    KGraphError                 base class; the CLI prints its message, no traceback
    ├── InputError              an article file cannot be read or has no text
    ├── ModelError              the spaCy pipeline cannot be loaded
    ├── OntologyError           the ontology or pattern files are missing or malformed
    ├── StoreError              a built graph cannot be read
    ├── QueryError              a SPARQL query is malformed or fails
    ├── ExportError             an output file cannot be written
    ├── WorkerError             an extraction worker process died
    ├── BackendUnavailable      an extraction back-end's server (an LLM endpoint) cannot be reached, or
    │                           refuses every request (a wrong API key or model name)
    └── RequestFailed           one LLM request failed after its retries, or was refused; the chunk it
                                asked about gives no facts (a rejection), the build goes on
"""

from __future__ import annotations

__all__ = [
    "KGraphError",
    "InputError",
    "ModelError",
    "OntologyError",
    "StoreError",
    "QueryError",
    "ExportError",
    "WorkerError",
    "BackendUnavailable",
    "RequestFailed",
]


class KGraphError(Exception):
    """Base class for kgraph's errors: a user mistake or a broken input, never a bug."""


class InputError(KGraphError):
    """An article file cannot be read, is not text, or holds no article text."""

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        message = f"{path}: {problem}"
        if hint:
            message += f" {hint}"
        super().__init__(message)


class ModelError(KGraphError):
    """The spaCy pipeline named by --model / KGRAPH_SPACY_MODEL cannot be loaded."""


class OntologyError(KGraphError):
    """The ontology or pattern files are missing or malformed."""


class StoreError(KGraphError):
    """A built graph (Turtle file) is missing or cannot be parsed."""


class QueryError(KGraphError):
    """A SPARQL query has a syntax error or fails to run."""


class ExportError(KGraphError):
    """An output file cannot be written."""


class WorkerError(KGraphError):
    """An extraction worker process died: killed, out of memory, or never started."""


class BackendUnavailable(KGraphError):
    """An extraction back-end's server (an LLM endpoint) cannot be reached, or refuses every request."""


class RequestFailed(KGraphError):
    """An LLM request still failed after its retries (rate limits, server errors, time-outs), or was refused.

    ``requests`` counts the HTTP requests actually sent for it.  The LLM extractor turns it
    into a ``request failed`` rejection (:mod:`kgraph.extract.llm`); it reaches the CLI
    only from :class:`kgraph.extract.llm_client.LLMClient` used directly.
    """

    def __init__(self, message: str, requests: int = 0) -> None:
        super().__init__(message)
        self.requests = requests
