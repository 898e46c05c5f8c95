"""The LLM extractor: re-asking, failures, the answer cache, the union with the rules, and the plumbing.

A fake backend or a loopback stub plays the server: no network, no API key.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from kgraph import Settings, build
from kgraph.errors import KGraphError
from kgraph.extract import EXTRACTORS, LLM_EXTRACTORS, get_extractor
from kgraph.extract.llm import LLMExtractor
from kgraph.extract.llm_client import BackendResponse, FakeBackend, chat_response
from kgraph.models import Article
from kgraph.pipeline import extract_articles

TEXT = "Maria Lindqvist works for Corvane Systems. Corvane Systems is based in Tromsdal."
GOOD = {"facts": [{"subject": 1, "property": "worksFor", "object": 2, "sentence": 1,
                   "quote": "Maria Lindqvist works for Corvane Systems"}]}


def _extractor(handler: Any, endpoint: str, **options: Any) -> tuple[LLMExtractor, FakeBackend]:
    backend = FakeBackend(handler, endpoint=endpoint)
    extractor = LLMExtractor(llm_endpoint=endpoint, llm_model="fake-model", backend=backend, **options)
    extractor.client.sleep = lambda seconds: None
    return extractor, backend


def _one(extractor: LLMExtractor, text: str = TEXT) -> Any:
    return next(extractor.extract([Article(id="doc", text=text, source="doc")]))


def _turns(*contents: str | None) -> Any:
    queue = list(contents)
    return lambda request: chat_response(queue.pop(0) if len(queue) > 1 else queue[0])


def test_llm_registry_has_both_llm_extractors() -> None:
    assert EXTRACTORS["llm"][:2] == ("kgraph.extract.llm", "LLMExtractor")
    assert EXTRACTORS["rules+llm"][:2] == ("kgraph.extract.llm", "LLMExtractor")
    assert {"llm", "rules+llm"} == LLM_EXTRACTORS


def test_llm_extractor_needs_an_endpoint_and_a_model() -> None:
    with pytest.raises(KGraphError, match="needs --llm-endpoint URL and --llm-model NAME"):
        get_extractor("llm")


def test_llm_malformed_json_is_asked_once_more() -> None:
    extractor, backend = _extractor(_turns('{"facts": [{"subject": 1,', json.dumps(GOOD)), "fake://reask")
    extraction = _one(extractor)
    assert [(r.subject.text, r.predicate, r.object.text) for r in extraction.relations] == [
        ("Maria Lindqvist", "worksFor", "Corvane Systems")
    ]
    assert len(backend.requests) == 2
    complaint = backend.requests[1]["messages"][-1]["content"]
    assert "malformed answer" in complaint
    assert extraction.stats["llm.requests"] == 2 and "llm.incomplete" not in extraction.stats


@pytest.mark.parametrize(("content", "reason"), [
    ("Sure! Here are the facts: Maria works for Corvane.", "malformed answer"),
    ('["worksFor"]', "malformed answer"),
    ('{"relations": []}', "malformed answer"),
    ("", "empty answer"),
    (None, "empty answer"),
], ids=["prose", "a list", "no facts key", "empty", "null"])
def test_llm_an_unusable_answer_twice_gives_no_fact_and_is_not_cached(
    tmp_path: Path, content: str | None, reason: str
) -> None:
    extractor, backend = _extractor(_turns(content), f"fake://bad-{reason}", llm_cache_dir=tmp_path)
    extraction = _one(extractor)
    assert extraction.relations == []
    assert [r.reason for r in extraction.rejected] == [reason]
    assert extraction.stats["llm.incomplete"] == 1 and len(backend.requests) == 2
    assert not list(tmp_path.rglob("*.json"))  # never cached: the next build asks again


@pytest.mark.parametrize("failure", [
    BackendResponse(429, b"slow down"), BackendResponse(500, b"boom"), TimeoutError("timed out"),
], ids=["429", "500", "time-out"])
def test_llm_a_request_that_keeps_failing_gives_no_fact_and_is_not_cached(tmp_path: Path, failure: Any) -> None:
    def handler(request: dict[str, Any]) -> Any:
        if isinstance(failure, Exception):
            raise failure
        return failure

    extractor, backend = _extractor(handler, f"fake://down-{id(failure)}", llm_cache_dir=tmp_path)
    extraction = _one(extractor)
    assert extraction.relations == [] and [r.reason for r in extraction.rejected] == ["request failed"]
    assert len(backend.requests) == extractor.client.attempts == extraction.stats["llm.requests"]
    assert "failed 4 times" in extraction.rejected[0].detail
    assert not list(tmp_path.rglob("*.json"))


def test_llm_a_refused_request_keeps_the_servers_reason_and_counts_one_request() -> None:
    extractor, backend = _extractor(lambda r: BackendResponse(400, b'{"error": "prompt too long"}'), "fake://400")
    extraction = _one(extractor)
    assert [r.reason for r in extraction.rejected] == ["request failed"]
    assert "HTTP 400" in extraction.rejected[0].detail and "prompt too long" in extraction.rejected[0].detail
    assert len(backend.requests) == extraction.stats["llm.requests"] == 1


def test_llm_reads_a_long_document_in_pieces_with_offsets_true_to_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgraph.extract import spacy_rules

    def handler(request: dict[str, Any]) -> Any:  # the right fact and one the text does not support
        bad = {"subject": 1, "property": "worksFor", "object": 2, "sentence": 1, "quote": "Maria left Corvane"}
        return chat_response(json.dumps({"facts": [*GOOD["facts"], bad]}))

    extractor, backend = _extractor(handler, "fake://long")
    paragraph = TEXT + " She travels often."
    text = "\n\n".join([paragraph] * 5)
    # spaCy refuses a text over nlp.max_length (E088): lowered, with the piece sizes, to keep the test small
    monkeypatch.setattr(extractor.nlp, "max_length", 200)
    monkeypatch.setattr(spacy_rules, "LONG_TEXT", 150)
    monkeypatch.setattr(spacy_rules, "PIECE_CHARS", 150)
    with pytest.raises(ValueError, match="E088"):
        extractor.nlp(text)
    extraction = _one(extractor, text)
    assert len(extraction.relations) == 5 == len(backend.requests) == extraction.stats["llm.requests"]
    for relation in extraction.relations:
        assert relation.predicate == "worksFor"
        assert text[relation.subject.start:relation.subject.end] == "Maria Lindqvist"
        assert text[relation.object.start:relation.object.end] == "Corvane Systems"
        assert text[relation.sentence_start:relation.sentence_end] == relation.evidence
    assert max(r.subject.start for r in extraction.relations) > 4 * len(paragraph)
    assert [r.reason for r in extraction.rejected] == ["quote not in sentence"] * 5
    starts = sorted(r.chunk_start for r in extraction.rejected)
    assert starts == [i * (len(paragraph) + 2) for i in range(5)]
    assert all(text[r.chunk_start:r.chunk_end] == paragraph for r in extraction.rejected)
    assert extraction.stats["rejected.quote not in sentence"] == 5 and extraction.stats["llm.facts"] == 5


def test_llm_answers_are_cached_per_request(tmp_path: Path) -> None:
    first, backend = _extractor(lambda r: chat_response(json.dumps(GOOD)), "fake://cache", llm_cache_dir=tmp_path)
    one = _one(first)
    assert len(backend.requests) == 1 and one.stats["llm.requests"] == 1
    again, backend_again = _extractor(lambda r: chat_response("{}"), "fake://cache", llm_cache_dir=tmp_path)
    two = _one(again)
    assert backend_again.requests == [] and two.stats["llm.cache_hits"] == 1 and "llm.requests" not in two.stats
    assert two.relations == one.relations
    # another model is another key
    other = LLMExtractor(llm_endpoint="fake://cache", llm_model="other-model", llm_cache_dir=tmp_path,
                         backend=FakeBackend(lambda r: chat_response('{"facts": []}'), endpoint="fake://cache"))
    assert _one(other).stats["llm.requests"] == 1


def test_llm_a_chunk_with_nothing_to_relate_is_not_sent() -> None:
    extractor, backend = _extractor(lambda r: chat_response(json.dumps(GOOD)), "fake://quiet")
    extraction = _one(extractor, "It rained all day. Nobody came to the fair.")
    assert backend.requests == [] and extraction.relations == []


def test_llm_prompt_lists_numbered_sentences_mentions_and_properties() -> None:
    extractor, backend = _extractor(lambda r: chat_response('{"facts": []}'), "fake://prompt")
    _one(extractor)
    prompt = backend.requests[0]["messages"][1]["content"]
    assert "[1] Maria Lindqvist works for Corvane Systems." in prompt
    assert '1: "Maria Lindqvist", Person, sentence 1' in prompt
    assert "worksFor: Person -> Organization: works for" in prompt
    assert "mentionedIn" not in prompt  # not a fact any sentence states
    branches = backend.requests[0]["response_format"]["json_schema"]["schema"]["properties"]["facts"]["items"]["anyOf"]
    works = next(b["properties"] for b in branches if b["properties"]["property"]["enum"] == ["worksFor"])
    assert works["subject"]["enum"] == [1] and works["object"]["enum"] == [2, 3]  # only a person works for


def test_llm_union_with_the_rules_raises_the_confidence_of_facts_both_find() -> None:
    llm_only = {"subject": 3, "property": "locatedIn", "object": 4, "sentence": 2,
                "quote": "Corvane Systems is based in Tromsdal"}
    answer = {"facts": [*GOOD["facts"], llm_only]}
    rules_alone = get_extractor("rules")
    rules = next(rules_alone.extract([Article(id="doc", text=TEXT, source="doc")])).relations
    by_rules = {(r.subject.text, r.predicate, r.object.text): r.confidence for r in rules}
    assert ("Maria Lindqvist", "worksFor", "Corvane Systems") in by_rules
    union, _ = _extractor(lambda r: chat_response(json.dumps(answer)), "fake://union", with_rules=True)
    found = {(r.subject.text, r.predicate, r.object.text): r for r in _one(union).relations}
    both = found[("Maria Lindqvist", "worksFor", "Corvane Systems")]
    rule_confidence = by_rules[("Maria Lindqvist", "worksFor", "Corvane Systems")]
    assert both.confidence == round(1 - (1 - rule_confidence) * (1 - 0.6), 3) > rule_confidence
    assert both.pattern.endswith("+llm fake-model kgraph-llm-prompt/1")
    # the LLM-only fact is added unless a fact of the rules on the same pair implies it
    implied = ("Corvane Systems", "locatedIn", "Tromsdal")
    if ("Corvane Systems", "basedIn", "Tromsdal") in by_rules:
        assert implied not in found
    else:
        assert found[implied].confidence == 0.6
    assert set(by_rules) <= set(found)


def test_llm_spec_travels_without_the_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from kgraph.ontology import load_ontology
    from kgraph.pipeline import _spec

    monkeypatch.setenv("KGRAPH_LLM_API_KEY", "sk-never-in-a-spec")
    settings = Settings(extractor="llm", llm_endpoint="http://127.0.0.1:9/v1", llm_model="m", out_dir=tmp_path)
    spec, key = _spec(settings, load_ontology(), tmp_path / "llm")
    data = pickle.dumps(spec)
    assert b"sk-never-in-a-spec" not in data and pickle.loads(data) == spec
    assert dict(spec.options)["llm_model"] == "m" and "llm_model=m" in key["extractor"]
    with pytest.raises(KGraphError, match="--extractor llm needs --llm-endpoint URL and --llm-model NAME"):
        _spec(Settings(extractor="llm"), load_ontology())


# ---------------------------------------------------------------- through the pipeline, over HTTP


def _articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    (folder / "b.txt").write_text("Peter Okafor works for Halvorsen Bank. He did not join Corvane Systems.\n",
                                  encoding="utf-8")
    return folder


def _stub_answers(payload: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    prompt = payload["messages"][1]["content"]
    facts = []
    if "Maria Lindqvist" in prompt:
        facts = GOOD["facts"]
    elif "Peter Okafor" in prompt:
        facts = [{"subject": 1, "property": "worksFor", "object": 2, "sentence": 1, "quote": "works for Halvorsen"},
                 {"subject": 3, "property": "memberOf", "object": 4, "sentence": 2, "quote": "did not join"}]
    return 200, chat_response(json.dumps({"facts": facts}), prompt_tokens=50, completion_tokens=20)


@pytest.mark.parametrize("jobs", [1, 2])
def test_llm_build_reports_cost_and_rejections_and_caches(openai_stub, tmp_path: Path, jobs: int) -> None:  # type: ignore[no-untyped-def]
    from kgraph.query import load_graphs

    openai_stub.reply = _stub_answers
    settings = Settings(inputs=[_articles(tmp_path / "in")], out_dir=tmp_path / "out", extractor="llm",
                        llm_endpoint=openai_stub.url, llm_model="stub-model", jobs=jobs, batch_size=1, html=False)
    report = build(settings)
    assert report.extracted == 2 and report.relations == 2
    assert report.llm["llm.requests"] == 2 and report.llm["llm.tokens_in"] == 100
    assert report.llm["llm.tokens_out"] == 40 and report.llm["rejected.negated"] == 1
    graph = load_graphs([settings.out_dir / "graph.ttl"])
    extractors = {str(o) for o in graph.objects(None, graph.namespace_manager.expand_curie("kg:extractor"))}
    # the LLM's facts are labelled with the LLM extractor's name, the rules' with theirs
    assert extractors == {"kgraph-llm/0.1 llm stub-model kgraph-llm-prompt/1"}
    evidence = {str(o) for o in graph.objects(None, graph.namespace_manager.expand_curie("kg:evidence"))}
    assert "works for Halvorsen" in evidence  # the quote, as it stands in the text
    again = build(settings)
    assert again.cached == 2 and again.llm == {} and len(openai_stub.seen) == 2
    # after the extraction cache is discarded, the answers still come from the answer cache
    clean = build(Settings(**{**settings.__dict__, "clean": True}))
    assert clean.extracted == 2 and clean.llm["llm.cache_hits"] == 2 and len(openai_stub.seen) == 2


def test_llm_build_does_not_cache_a_document_whose_answer_failed(openai_stub, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openai_stub.reply = lambda payload: (200, chat_response("not json"))
    settings = Settings(inputs=[_articles(tmp_path / "in")], out_dir=tmp_path / "out", extractor="llm",
                        llm_endpoint=openai_stub.url, llm_model="stub-model", jobs=1, html=False)
    first = build(settings)
    assert first.llm["rejected.malformed answer"] == 2 and first.llm["llm.incomplete"] == 2
    openai_stub.reply = _stub_answers
    second = build(settings)
    assert second.cached == 0 and second.extracted == 2 and second.relations == 2


def test_llm_build_on_a_dask_cluster(openai_stub, dask_cluster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openai_stub.reply = _stub_answers
    settings = Settings(inputs=[_articles(tmp_path / "in")], out_dir=tmp_path / "out", extractor="llm",
                        llm_endpoint=openai_stub.url, llm_model="stub-model", scheduler=dask_cluster.scheduler_address,
                        batch_size=1, html=False)
    report = build(settings)
    assert report.engine.startswith("dask") and report.relations == 2 and report.llm["rejected.negated"] == 1


def test_llm_rules_and_llm_keeps_the_calibrated_threshold_for_the_rules_relations(  # type: ignore[no-untyped-def]
    openai_stub, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Maria Lindqvist spends her days at Corvane Systems. Peter Okafor lives in Tromsdal.\n"
    (folder / "c.txt").write_text(text, encoding="utf-8")
    fact = {"subject": 1, "property": "worksFor", "object": 3, "sentence": 1,
            "quote": "Maria Lindqvist spends her days at Corvane Systems"}
    openai_stub.reply = lambda payload: (200, chat_response(json.dumps({"facts": [fact]})))

    def built(**options: Any) -> list[tuple[str, str, float]]:
        settings = Settings(inputs=[folder], out_dir=tmp_path / "out", extractor="rules+llm", html=False, jobs=1,
                            llm_endpoint=openai_stub.url, llm_model="stub-model", **options)
        return sorted((r.predicate, r.pattern, r.confidence) for ex in extract_articles(settings) for r in ex.relations)

    # the rule's livesIn (calibrated just under 0.7, from ontology/calibration.ttl) is below the default
    # threshold; the LLM's own fact (0.6, unmeasured) is kept
    everything = built(min_confidence=0.0)
    assert [(p, pattern) for p, pattern, _ in everything] == [("livesIn", "livesIn/Verb"),
                                                              ("worksFor", "llm stub-model kgraph-llm-prompt/1")]
    lives = everything[0][2]
    assert 0.65 <= lives < 0.7 and everything[1][2] == 0.6
    assert built() == [("worksFor", "llm stub-model kgraph-llm-prompt/1", 0.6)]
    assert built(min_confidence=0.65) == [("livesIn", "livesIn/Verb", lives)]
    report = build(Settings(inputs=[folder], out_dir=tmp_path / "out", extractor="rules+llm", html=False, jobs=1,
                            llm_endpoint=openai_stub.url, llm_model="stub-model"))
    assert (report.relations, report.below_confidence, report.min_confidence) == (1, 1, 0.7)


def test_llm_graph_names_the_extractor_of_each_fact(openai_stub, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kgraph.query import load_graphs

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "d.txt").write_text("Maria Lindqvist works for Corvane Systems. Peter Okafor lives in Tromsdal.\n",
                                  encoding="utf-8")
    openai_stub.reply = lambda payload: (200, chat_response(json.dumps(GOOD)))
    settings = Settings(inputs=[folder], out_dir=tmp_path / "out", extractor="rules+llm", html=False, jobs=1,
                        llm_endpoint=openai_stub.url, llm_model="stub-model", min_confidence=0.0)
    build(settings)
    graph = load_graphs([settings.out_dir / "graph.ttl"])
    extractors = {str(o) for o in graph.objects(None, graph.namespace_manager.expand_curie("kg:extractor"))}
    assert extractors == {"kgraph-rules/0.1 livesIn/Verb",
                          "kgraph-rules/0.1 worksFor/Verb +kgraph-llm/0.1 llm stub-model kgraph-llm-prompt/1"}


def test_llm_cache_key_of_the_rules_is_unchanged_and_the_llms_names_it() -> None:
    from kgraph.cache import pipeline_key

    assert pipeline_key("rules", "en_core_web_sm", "x")["extractor"] == "rules kgraph-rules/0.1"
    assert pipeline_key("llm", "en_core_web_sm", "x", {"model": "m"})["extractor"] == (
        "llm kgraph-rules/0.1 kgraph-llm/0.1 model=m")


# ---------------------------------------------------------------- the command line


def test_llm_cli_unreachable_endpoint_is_one_line_without_the_key(runner, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from kgraph.cli import cli

    monkeypatch.setenv("KGRAPH_LLM_API_KEY", "sk-secret-cli-42")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = runner.invoke(cli, ["build", str(_articles(tmp_path / "in")), "-o", str(tmp_path / "out"), "-q",
                                 "--jobs", "1", "--extractor", "llm", "--llm-endpoint", f"http://127.0.0.1:{port}/v1",
                                 "--llm-model", "m"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: Cannot reach the LLM endpoint http://127.0.0.1:{port}/v1 (")
    assert result.output.count("\n") == 1 and "sk-secret-cli-42" not in result.output


@pytest.mark.parametrize("status", [401, 404])
def test_llm_cli_a_refused_key_or_model_fails_the_build_in_one_line(  # type: ignore[no-untyped-def]
    runner, openai_stub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    from kgraph.cli import cli

    monkeypatch.setenv("KGRAPH_LLM_API_KEY", "sk-secret-cli-43")
    openai_stub.reply = lambda payload: (status, {"error": {"message": "The model `m` does not exist"}})
    result = runner.invoke(cli, ["build", str(_articles(tmp_path / "in")), "-o", str(tmp_path / "out"), "-q",
                                 "--jobs", "1", "--extractor", "llm", "--llm-endpoint", openai_stub.url,
                                 "--llm-model", "m"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: The LLM endpoint {openai_stub.url} refused the request (HTTP {status}: ")
    assert "does not exist" in result.output and result.output.count("\n") == 1
    assert "sk-secret-cli-43" not in result.output
    assert len(openai_stub.seen) == 1


def test_llm_cli_needs_endpoint_and_model(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kgraph.cli import cli

    result = runner.invoke(cli, ["build", str(_articles(tmp_path / "in")), "-o", str(tmp_path / "out"),
                                 "--extractor", "llm"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: --extractor llm needs --llm-endpoint URL and --llm-model NAME")


def test_llm_cli_build_summary_and_extract_show_rejected(runner, openai_stub, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kgraph.cli import cli

    openai_stub.reply = _stub_answers
    folder = _articles(tmp_path / "in")
    options = ["--extractor", "llm", "--llm-endpoint", openai_stub.url, "--llm-model", "stub-model"]
    built = runner.invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1", "--no-html",
                                *options], catch_exceptions=False)
    assert built.exit_code == 0
    assert "LLM: 2 requests (0 retried), 100 tokens in, 40 out, 0 answers from the cache" in built.stdout
    assert "kept 2 proposed facts, rejected 1 (negated 1)." in built.stdout
    extracted = runner.invoke(cli, ["extract", str(folder / "b.txt"), "--show-rejected", *options],
                              catch_exceptions=False)
    (record,) = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [r["predicate"] for r in record["relations"]] == ["worksFor"]
    assert [(r["reason"], r["claim"], r["quote"]) for r in record["rejected"]] == [
        ("negated", "3 memberOf 4", "did not join")
    ]
    plain = runner.invoke(cli, ["extract", str(folder / "b.txt"), *options], catch_exceptions=False)
    assert "rejected" not in json.loads(plain.stdout)
