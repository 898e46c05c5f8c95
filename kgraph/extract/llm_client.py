"""Talking to an OpenAI-compatible chat API: the backend, retries, and the ``response_format`` dialects.

Two layers, after httpx's transports:

* an :class:`LLMBackend` posts one JSON request and returns the status and body.
  :class:`HTTPBackend` does it over HTTP with the standard library (one POST route,
  JSON both ways, no streaming: a client library would add half a dozen packages
  for nothing we use); :class:`FakeBackend` answers from a function, so the whole
  LLM path is tested with no network and no API key;
* an :class:`LLMClient` builds chat requests (temperature 0, a fixed seed), retries
  with backoff on time-outs and the statuses in :data:`RETRIED_STATUSES` (408, 409,
  425, 429, 500, 502, 503, 504: a rate limit or a passing server trouble), and finds
  which ``response_format`` the server takes: OpenAI and Ollama take
  ``{"type": "json_schema", ...}``; the llama.cpp Python server refuses it (HTTP 500, every time) with an error naming
  ``response_format`` but honours ``{"type": "json_object", "schema": ...}``.  A 400
  or 422 naming ``response_format`` moves to the next form at once, a 500 naming it
  only when it comes twice for the same form.  The form that worked is remembered
  per endpoint.

The API key is read from the environment only (``KGRAPH_LLM_API_KEY``, else
``OPENAI_API_KEY``), sent as a bearer token, and scrubbed from every message.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kgraph.errors import BackendUnavailable, KGraphError, RequestFailed

__all__ = [
    "API_KEY_VARIABLES",
    "BackendResponse",
    "ChatResult",
    "FakeBackend",
    "HTTPBackend",
    "LLMBackend",
    "LLMClient",
    "RequestFailed",
    "api_key_from_env",
    "chat_response",
    "usage_lines",
]

#: where the API key is looked for, in order
API_KEY_VARIABLES = ("KGRAPH_LLM_API_KEY", "OPENAI_API_KEY")
#: the ``response_format`` forms tried, in order
FORMATS = ("json_schema", "json_object", "none")
SEED = 7
#: statuses retried with backoff (as are time-outs); the module docstring lists them too
RETRIED_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
#: statuses of a refusal of the ``response_format`` form that move the endpoint to the next one at once
FORMAT_REFUSALS = frozenset({400, 422})
#: refusals that every later request would get too (a bad key, a mistyped model): they stop the run
FATAL_STATUSES = frozenset({401, 403, 404})


def api_key_from_env(environ: Mapping[str, str] | None = None) -> str | None:
    """The API key from ``KGRAPH_LLM_API_KEY`` or ``OPENAI_API_KEY`` (None: send none)."""
    env = os.environ if environ is None else environ
    for name in API_KEY_VARIABLES:
        if env.get(name):
            return env[name]
    return None


@dataclass(frozen=True)
class BackendResponse:
    """One HTTP answer: status, body and headers (lower-case names)."""

    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


class LLMBackend:
    """Sends one JSON request to the API; the base of :class:`HTTPBackend` and :class:`FakeBackend`.

    Raises :class:`TimeoutError` on a time-out and
    :class:`~kgraph.errors.BackendUnavailable` when the endpoint cannot be reached.
    """

    endpoint = ""

    def post(self, path: str, payload: dict[str, Any], timeout: float) -> BackendResponse:
        raise NotImplementedError("The 'post' method must be implemented.")


class HTTPBackend(LLMBackend):
    """POSTs JSON to ``endpoint + path`` with ``urllib``.

    >>> HTTPBackend("http://localhost:11434/v1").endpoint
    'http://localhost:11434/v1'
    """

    def __init__(self, endpoint: str, api_key: str | None = None) -> None:
        parts = urllib.parse.urlsplit(endpoint)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise KGraphError(
                f"--llm-endpoint must be an http(s) base URL such as http://localhost:11434/v1, not {endpoint!r}."
            )
        self.endpoint = endpoint.rstrip("/")
        self._key = api_key

    def post(self, path: str, payload: dict[str, Any], timeout: float) -> BackendResponse:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self._key:
            headers["Authorization"] = f"Bearer {self._key}"
        request = urllib.request.Request(
            self.endpoint + path, data=json.dumps(payload).encode("utf-8"), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - http(s) only
                return BackendResponse(answer.status, answer.read(), _lower(answer.headers.items()))
        except urllib.error.HTTPError as error:
            return BackendResponse(error.code, error.read() or b"", _lower(error.headers.items()))
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise TimeoutError(str(error.reason)) from error
            raise BackendUnavailable(
                f"Cannot reach the LLM endpoint {_public(self.endpoint)} ({error.reason}). Is the server running, "
                "and is --llm-endpoint its base URL (ending in /v1)?"
            ) from None
        except (TimeoutError, OSError) as error:
            if isinstance(error, TimeoutError) or "timed out" in str(error):
                raise TimeoutError(str(error)) from error
            raise BackendUnavailable(
                f"Cannot reach the LLM endpoint {_public(self.endpoint)} ({type(error).__name__})."
            ) from None


Handler = Callable[[dict[str, Any]], "BackendResponse | dict[str, Any]"]


class FakeBackend(LLMBackend):
    """Answers from ``handler(request_payload)``: a response, a JSON dict (status 200), or an exception.

    Every request is kept in ``requests``.

    >>> fake = FakeBackend(lambda request: chat_response('{"facts": []}'))
    >>> fake.post("/chat/completions", {"messages": []}, 1.0).status
    200
    """

    def __init__(self, handler: Handler, endpoint: str = "fake://llm") -> None:
        self.handler = handler
        self.endpoint = endpoint
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def post(self, path: str, payload: dict[str, Any], timeout: float) -> BackendResponse:
        with self._lock:
            self.requests.append(json.loads(json.dumps(payload)))
        answer = self.handler(payload)
        if isinstance(answer, BackendResponse):
            return answer
        return BackendResponse(200, json.dumps(answer).encode("utf-8"))


def chat_response(content: str | None, prompt_tokens: int = 100, completion_tokens: int = 10) -> dict[str, Any]:
    """An OpenAI-style chat completion holding ``content`` (for fakes and fixtures)."""
    return {
        "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens},
    }


@dataclass
class ChatResult:
    """The text of one answer and what it cost."""

    content: str
    tokens_in: int = 0
    tokens_out: int = 0
    requests: int = 0
    retries: int = 0


# endpoint -> the response_format form it took (shared by the clients of one process)
_FORMAT_OF: dict[str, str] = {}
_FORMAT_LOCK = threading.Lock()


class LLMClient:
    """Chat requests to one endpoint and model, with retries and the ``response_format`` fallback.

    >>> client = LLMClient(FakeBackend(lambda r: chat_response('{"facts": []}')), "any-model")
    >>> client.chat([{"role": "user", "content": "hi"}], {"type": "object"}).content
    '{"facts": []}'
    """

    def __init__(
        self,
        backend: LLMBackend,
        model: str,
        *,
        timeout: float = 120.0,
        attempts: int = 4,
        backoff: float = 1.0,
        max_tokens: int = 1024,
        sleep: Callable[[float], None] = time.sleep,
        secret: str | None = None,
    ) -> None:
        self.backend = backend
        self.model = model
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.max_tokens = max_tokens
        self.sleep = sleep
        self._secret = secret

    def response_format(self) -> str:
        """The ``response_format`` form in use for this endpoint (``json_schema`` until one fails)."""
        with _FORMAT_LOCK:
            return _FORMAT_OF.get(self.backend.endpoint, FORMATS[0])

    def _fall_back(self, form: str) -> bool:
        with _FORMAT_LOCK:
            position = FORMATS.index(form)
            if position + 1 >= len(FORMATS):
                return False
            if _FORMAT_OF.get(self.backend.endpoint, FORMATS[0]) == form:
                _FORMAT_OF[self.backend.endpoint] = FORMATS[position + 1]
            return True

    def payload(self, messages: list[dict[str, str]], schema: dict[str, Any], form: str) -> dict[str, Any]:
        """The request body: deterministic decoding and the schema in the endpoint's form."""
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": 0,
            "seed": SEED,
            "max_tokens": self.max_tokens,
        }
        if form == "json_schema":
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "facts", "strict": True, "schema": schema},
            }
        elif form == "json_object":
            body["response_format"] = {"type": "json_object", "schema": schema}
        return body

    def chat(self, messages: list[dict[str, str]], schema: dict[str, Any]) -> ChatResult:
        """The answer's text.

        Raises :class:`~kgraph.errors.BackendUnavailable` on a 401, 403 or 404 (the key or
        the model is wrong: no later request would do better) and :class:`RequestFailed`
        on another refusal or when every attempt failed.
        """
        result = ChatResult(content="")
        problem = ""
        attempt = 0
        refused: str | None = None  # the form a 500 naming response_format was last given for
        while attempt < self.attempts:
            form = self.response_format()
            result.requests += 1
            try:
                answer = self.backend.post("/chat/completions", self.payload(messages, schema, form), self.timeout)
            except TimeoutError:
                problem = f"no answer within {self.timeout:.0f}s"
            else:
                if answer.status == 200:
                    return self._read(answer, result)
                text = self._scrub(answer.body.decode("utf-8", "replace"))
                problem = f"HTTP {answer.status}: {_first_line(text)}"
                # Another dialect of structured output, tried without counting a failed attempt, when
                # the server refuses this one: at once on a 400 or 422 naming response_format (a
                # client error: asking again cannot help); on a 500 naming it only the second time for
                # the same form, since a 500 may be transient (llama.cpp's server answers the
                # json_schema form with a 500 "response_format.type: Input should be 'text' or
                # 'json_object'", every time; a server that failed once and then answers keeps its form).
                if "response_format" in text and (
                    answer.status in FORMAT_REFUSALS or (answer.status == 500 and refused == form)
                ) and self._fall_back(form):
                    continue
                if answer.status == 500 and "response_format" in text:
                    refused = form
                if answer.status in FATAL_STATUSES:  # a bad key or model name: every request would be refused
                    raise BackendUnavailable(f"The LLM endpoint {_public(self.backend.endpoint)} refused the "
                                             f"request ({problem}); check the API key and --llm-model.")
                if answer.status not in RETRIED_STATUSES:
                    raise RequestFailed(f"The LLM endpoint {_public(self.backend.endpoint)} refused a request "
                                        f"({problem}).", result.requests)
                wait = _retry_after(answer.headers)
                if wait is not None:
                    attempt += 1
                    result.retries += 1
                    if attempt < self.attempts:
                        self.sleep(min(wait, 30.0))
                    continue
            attempt += 1
            result.retries += 1
            if attempt < self.attempts:
                self.sleep(self.backoff * 2 ** (attempt - 1))
        raise RequestFailed(
            f"The LLM endpoint {_public(self.backend.endpoint)} failed {self.attempts} times ({problem}).",
            result.requests,
        )

    def _read(self, answer: BackendResponse, result: ChatResult) -> ChatResult:
        try:
            data = answer.json()
            choice = data["choices"][0]["message"]
            content = choice.get("content") or ""
            usage = data.get("usage") or {}
            result.tokens_in = int(usage.get("prompt_tokens") or 0)
            result.tokens_out = int(usage.get("completion_tokens") or 0)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            content = ""  # not a chat completion: read as an empty answer
        result.content = str(content)
        return result

    def _scrub(self, text: str) -> str:
        return text.replace(self._secret, "***") if self._secret else text


def _lower(items: Any) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in items}


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("retry-after", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _first_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line[:limit] + ("..." if len(line) > limit else "")


def _public(url: str) -> str:
    """The URL without any user:password part, for messages."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def usage_lines(stats: Mapping[str, float], documents: int = 0) -> list[str]:
    """One-line summaries of an LLM extractor's counts (``Extraction.stats`` summed), for reports."""
    if not stats:
        return []
    n = {name: int(value) for name, value in stats.items()}
    requests, kept = n.get("llm.requests", 0), n.get("llm.facts", 0)
    line = (
        f"LLM: {requests} request{'' if requests == 1 else 's'} ({n.get('llm.retries', 0)} retried), "
        f"{n.get('llm.tokens_in', 0)} tokens in, {n.get('llm.tokens_out', 0)} out, "
        f"{n.get('llm.cache_hits', 0)} answer{'' if n.get('llm.cache_hits', 0) == 1 else 's'} from the cache, "
        f"{stats.get('llm.seconds', 0.0):.1f}s"
    )
    if documents:
        per = (n.get("llm.tokens_in", 0) + n.get("llm.tokens_out", 0)) / documents
        line += f" ({stats.get('llm.seconds', 0.0) / documents:.2f}s and {per:.0f} tokens per document)"
    rejected = {name.removeprefix("rejected."): count for name, count in n.items() if name.startswith("rejected.")}
    facts = f"; kept {kept} proposed fact{'' if kept == 1 else 's'}, rejected {sum(rejected.values())}"
    if rejected:
        facts += " (" + ", ".join(f"{reason} {count}" for reason, count in sorted(rejected.items())) + ")"
    return [line + facts + "."]
