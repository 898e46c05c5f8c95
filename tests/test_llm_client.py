"""The LLM client: retries with backoff, the response_format dialects, the key kept out of sight."""

from __future__ import annotations

import socket
import time
from typing import Any

import pytest

from kgraph.errors import BackendUnavailable
from kgraph.extract.llm_client import (
    BackendResponse,
    FakeBackend,
    HTTPBackend,
    LLMClient,
    RequestFailed,
    api_key_from_env,
    chat_response,
)

SCHEMA = {"type": "object", "properties": {"facts": {"type": "array"}}, "required": ["facts"]}
MESSAGES = [{"role": "user", "content": "Sentences: ..."}]
SECRET = "sk-test-0123456789abcdef"


def _scripted(*answers: Any) -> FakeBackend:
    """A backend giving the answers in turn (an exception is raised)."""
    queue = list(answers)

    def handler(request: dict[str, Any]) -> Any:
        answer = queue.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return FakeBackend(handler, endpoint=f"fake://{id(queue)}")


def _client(backend: FakeBackend, sleeps: list[float] | None = None, **options: Any) -> LLMClient:
    record = sleeps if sleeps is not None else []
    return LLMClient(backend, "tiny", sleep=record.append, **options)


def test_llm_client_sends_deterministic_requests_with_the_schema() -> None:
    backend = _scripted(chat_response('{"facts": []}', prompt_tokens=120, completion_tokens=7))
    result = _client(backend).chat(MESSAGES, SCHEMA)
    assert (result.content, result.tokens_in, result.tokens_out, result.requests) == ('{"facts": []}', 120, 7, 1)
    (sent,) = backend.requests
    assert sent["temperature"] == 0 and isinstance(sent["seed"], int) and sent["model"] == "tiny"
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["schema"] == SCHEMA


@pytest.mark.parametrize("failure", [
    BackendResponse(429, b'{"error": "rate limited"}', {"retry-after": "3"}),
    BackendResponse(500, b"internal error"),
    BackendResponse(503, b"overloaded"),
    TimeoutError("timed out"),
], ids=["429", "500", "503", "time-out"])
def test_llm_client_retries_a_transient_failure(failure: Any) -> None:
    sleeps: list[float] = []
    backend = _scripted(failure, failure, chat_response('{"facts": []}'))
    result = _client(backend, sleeps).chat(MESSAGES, SCHEMA)
    assert result.content == '{"facts": []}'
    assert (result.requests, result.retries) == (3, 2)
    # Retry-After is honoured; otherwise the wait doubles
    assert sleeps == ([3.0, 3.0] if isinstance(failure, BackendResponse) and failure.status == 429 else [1.0, 2.0])


def test_llm_client_gives_up_after_its_attempts() -> None:
    backend = _scripted(*[BackendResponse(500, b"down")] * 4)
    with pytest.raises(RequestFailed, match="failed 4 times .HTTP 500: down") as caught:
        _client(backend).chat(MESSAGES, SCHEMA)
    assert len(backend.requests) == caught.value.requests == 4


@pytest.mark.parametrize("status", [401, 403, 404])
def test_llm_client_a_refused_key_or_model_stops_the_run_with_the_reason_and_no_key(status: int) -> None:
    body = f'{{"error": "model tiny not found or bad key Bearer {SECRET}"}}'.encode()
    backend = _scripted(BackendResponse(status, body), chat_response(""))
    with pytest.raises(BackendUnavailable) as caught:
        LLMClient(backend, "tiny", sleep=lambda s: None, secret=SECRET).chat(MESSAGES, SCHEMA)
    message = str(caught.value)
    assert message.startswith(f"The LLM endpoint {backend.endpoint} refused the request (HTTP {status}: ")
    assert "model tiny not found" in message and "\n" not in message
    assert SECRET not in message and "***" in message
    assert len(backend.requests) == 1


def test_llm_client_another_refusal_fails_the_request_only_and_counts_what_was_sent() -> None:
    backend = _scripted(BackendResponse(400, f'{{"error": "context too long {SECRET}"}}'.encode()), chat_response(""))
    with pytest.raises(RequestFailed) as caught:
        LLMClient(backend, "tiny", sleep=lambda s: None, secret=SECRET).chat(MESSAGES, SCHEMA)
    assert "HTTP 400" in str(caught.value) and "context too long" in str(caught.value)
    assert SECRET not in str(caught.value) and "***" in str(caught.value)
    assert caught.value.requests == len(backend.requests) == 1


def test_llm_client_falls_back_to_json_object_and_remembers_it() -> None:
    """llama.cpp's server refuses json_schema with a 500 naming response_format (FACTS.md)."""

    def handler(request: dict[str, Any]) -> Any:
        if request["response_format"]["type"] == "json_schema":
            return BackendResponse(500, b"""{"error": {"message": "response_format.type: Input should be 'text' """
                                        b"""or 'json_object'"}}""")
        return chat_response('{"facts": []}')

    backend = FakeBackend(handler, endpoint="fake://llama-cpp")
    client = _client(backend)
    # a 500 may be transient: asked once more; refused again, the next form is tried
    assert client.chat(MESSAGES, SCHEMA).retries == 1
    assert [r["response_format"]["type"] for r in backend.requests] == ["json_schema", "json_schema", "json_object"]
    assert backend.requests[2]["response_format"]["schema"] == SCHEMA
    client.chat(MESSAGES, SCHEMA)
    assert backend.requests[3]["response_format"]["type"] == "json_object"  # no second try of json_schema
    # another endpoint starts from json_schema again
    other = FakeBackend(lambda request: chat_response('{"facts": []}'), endpoint="fake://openai")
    _client(other).chat(MESSAGES, SCHEMA)
    assert other.requests[0]["response_format"]["type"] == "json_schema"


@pytest.mark.parametrize("status", [400, 422])
def test_llm_client_a_client_error_naming_response_format_falls_back_at_once(status: int) -> None:
    refusal = BackendResponse(status, b'{"error": "response_format json_schema is not supported"}')
    backend = _scripted(refusal, chat_response('{"facts": []}'))
    assert _client(backend).chat(MESSAGES, SCHEMA).retries == 0
    assert [r["response_format"]["type"] for r in backend.requests] == ["json_schema", "json_object"]


def test_llm_client_a_transient_500_naming_response_format_keeps_the_form() -> None:
    flaky = BackendResponse(500, b'{"error": "worker crashed while applying response_format"}')
    backend = _scripted(flaky, chat_response('{"facts": []}'), chat_response('{"facts": []}'))
    client = _client(backend)
    client.chat(MESSAGES, SCHEMA)
    client.chat(MESSAGES, SCHEMA)
    assert [r["response_format"]["type"] for r in backend.requests] == ["json_schema"] * 3
    assert client.response_format() == "json_schema"


def test_llm_client_two_500s_move_the_form_down_one_level_not_two() -> None:
    refusal = BackendResponse(500, b"response_format.type: Input should be 'text' or 'json_object'")
    backend = _scripted(refusal, refusal, chat_response('{"facts": []}'))
    client = _client(backend)
    client.chat(MESSAGES, SCHEMA)
    assert [r["response_format"]["type"] for r in backend.requests] == ["json_schema", "json_schema", "json_object"]
    assert client.response_format() == "json_object"


@pytest.mark.parametrize("status", [415, 501])
def test_llm_client_other_refusals_naming_response_format_are_not_a_fallback(status: int) -> None:
    backend = _scripted(BackendResponse(status, b"response_format: unsupported"), chat_response('{"facts": []}'))
    client = _client(backend)
    with pytest.raises(RequestFailed, match=f"HTTP {status}"):
        client.chat(MESSAGES, SCHEMA)
    assert [r["response_format"]["type"] for r in backend.requests] == ["json_schema"]
    assert client.response_format() == "json_schema"


def test_llm_client_a_500_that_does_not_name_response_format_is_retried_not_a_fallback() -> None:
    backend = _scripted(BackendResponse(500, b"model crashed"), chat_response('{"facts": []}'))
    _client(backend).chat(MESSAGES, SCHEMA)
    assert [r["response_format"]["type"] for r in backend.requests] == ["json_schema", "json_schema"]


def test_llm_client_key_comes_from_the_environment_only() -> None:
    assert api_key_from_env({"KGRAPH_LLM_API_KEY": "a", "OPENAI_API_KEY": "b"}) == "a"
    assert api_key_from_env({"OPENAI_API_KEY": "b"}) == "b"
    assert api_key_from_env({}) is None


def test_llm_client_http_sends_the_key_as_a_header_never_in_the_body(openai_stub) -> None:  # type: ignore[no-untyped-def]
    client = LLMClient(HTTPBackend(openai_stub.url, SECRET), "tiny", sleep=lambda s: None)
    assert client.chat(MESSAGES, SCHEMA).content == '{"facts": []}'
    (seen,) = openai_stub.seen
    assert seen["path"] == "/v1/chat/completions"
    assert seen["headers"]["Authorization"] == f"Bearer {SECRET}"
    assert SECRET not in str(seen["payload"])


def test_llm_client_http_time_out_is_retried_then_fails(openai_stub) -> None:  # type: ignore[no-untyped-def]
    def slow(payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        time.sleep(0.6)
        return 200, chat_response('{"facts": []}')

    openai_stub.reply = slow
    client = LLMClient(HTTPBackend(openai_stub.url), "tiny", timeout=0.2, attempts=2, sleep=lambda s: None)
    with pytest.raises(RequestFailed, match="no answer within"):
        client.chat(MESSAGES, SCHEMA)
    assert len(openai_stub.seen) == 2


def test_llm_client_unreachable_endpoint_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    with pytest.raises(BackendUnavailable) as caught:
        LLMClient(HTTPBackend(url, SECRET), "tiny", sleep=lambda s: None).chat(MESSAGES, SCHEMA)
    message = str(caught.value)
    assert message.startswith(f"Cannot reach the LLM endpoint {url} (") and "\n" not in message
    assert SECRET not in message


def test_llm_client_rejects_a_url_that_is_not_http() -> None:
    from kgraph.errors import KGraphError

    with pytest.raises(KGraphError, match="must be an http.s. base URL"):
        HTTPBackend("localhost:11434")


def test_llm_usage_lines_say_one_request_and_one_fact_in_the_singular() -> None:
    from kgraph.extract.llm_client import usage_lines

    (one,) = usage_lines({"llm.requests": 1, "llm.facts": 1, "llm.cache_hits": 1, "llm.seconds": 0.5})
    assert one.startswith("LLM: 1 request (0 retried), ") and "kept 1 proposed fact, rejected 0." in one
    (two,) = usage_lines({"llm.requests": 2, "llm.facts": 3, "rejected.negated": 1})
    assert two.startswith("LLM: 2 requests (0 retried), ") and "kept 3 proposed facts, rejected 1 (negated 1)." in two


def test_llm_client_docstring_names_the_statuses_it_retries() -> None:
    import re

    from kgraph.extract import llm_client

    assert llm_client.__doc__ is not None
    named = re.search(r"RETRIED_STATUSES`\s*\(([\d,\s]+)", llm_client.__doc__)
    assert named is not None
    assert {int(n) for n in re.findall(r"\d+", named.group(1))} == llm_client.RETRIED_STATUSES


def test_llm_request_failed_is_in_the_documented_error_tree() -> None:
    import kgraph.errors
    from kgraph.errors import KGraphError

    assert issubclass(RequestFailed, KGraphError) and RequestFailed.__module__ == "kgraph.errors"
    assert kgraph.errors.__doc__ is not None and "RequestFailed" in kgraph.errors.__doc__
