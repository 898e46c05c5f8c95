"""``build()``: ingest -> extract -> resolve -> graph -> export, with a report.

Documents stream through the stages that read text: files are read one at a time,
looked up in the extraction cache (:mod:`kgraph.cache`), and the new or changed ones
go to the extraction engine in batches (:mod:`kgraph.parallel`: this process, worker
processes, or a Dask cluster).  What is kept per document is its extraction without
the text, so memory grows with the graph, not with the corpus.  Resolution and the
graph then run over every document's extraction, cached or new, which is what makes
an incremental build identical to a clean one.
"""

from __future__ import annotations

import gc
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.config import Settings
from kgraph.errors import ExportError, InputError, KGraphError
from kgraph.ingest import find_sources, read_articles, read_sources
from kgraph.models import Article, Extraction, RelationMention, found_by_llm_only
from kgraph.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from kgraph.cache import ExtractionCache
    from kgraph.parallel import ExtractorSpec

__all__ = ["BuildReport", "build", "extract_articles", "count_documents", "confident", "min_confidence",
           "relation_threshold"]


@dataclass
class BuildReport:
    """What a build read, found and wrote.

    ``documents`` counts the documents in the graph: ``cached + extracted``.
    ``seconds`` holds the time of each stage: ``extract`` (reading and parsing,
    streamed together), ``cache`` (reading and writing cache entries), ``resolve``,
    ``graph`` and ``export``.
    """

    documents: int = 0
    skipped: list[InputError] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    cached: int = 0
    extracted: int = 0
    cache: str = "off"  # "new", "reused", "off" or why the old cache was discarded
    cache_rejected: list[str] = field(default_factory=list)
    jobs: int = 1
    engine: str = "local"
    mentions: int = 0
    entities: int = 0
    relations: int = 0
    #: the confidence threshold applied (:func:`min_confidence`) and the relations it left out
    min_confidence: float = 0.0
    below_confidence: int = 0
    statements: int = 0
    triples: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    #: an LLM extractor's counts over the documents extracted in this build (``llm.requests``,
    #: ``llm.tokens_in``, ``llm.tokens_out``, ``llm.cache_hits``, ``llm.seconds``, ``rejected.<reason>``, ...)
    llm: dict[str, float] = field(default_factory=dict)

    @property
    def read(self) -> int:
        """Documents read from the inputs (cached, extracted or failed)."""
        return self.cached + self.extracted + len(self.failed)


ProgressCallback = Callable[[int], None]


def count_documents(settings: Settings) -> int:
    """How many documents a build will read (for progress bars): files, and lines of .jsonl files."""
    total = 0
    for path in find_sources(settings.inputs, on_error=lambda _: None):
        if path.suffix.lower() == ".jsonl":
            try:
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def extractor_options(settings: Settings, cache_dir: Path | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """The extractor's options, and those of them that belong in the cache's pipeline key.

    Only the LLM extractors take options; the API key is never one of them (each
    process reads it from its environment).
    """
    from kgraph.extract import LLM_EXTRACTORS

    if settings.extractor not in LLM_EXTRACTORS:
        return {}, {}
    if not settings.llm_endpoint or not settings.llm_model:
        raise KGraphError(
            f"--extractor {settings.extractor} needs --llm-endpoint URL and --llm-model NAME, e.g. "
            "--llm-endpoint http://localhost:11434/v1 --llm-model qwen2.5:7b for Ollama."
        )
    key = {"llm_endpoint": settings.llm_endpoint, "llm_model": settings.llm_model}
    options = {**key, "llm_concurrency": str(settings.llm_concurrency)}
    if cache_dir is not None:
        options["llm_cache_dir"] = str(cache_dir)
    return options, key


def _spec(
    settings: Settings, ontology: Ontology, cache_dir: Path | None = None
) -> tuple[ExtractorSpec, dict[str, str]]:
    from kgraph.cache import key_digest, pipeline_key
    from kgraph.nlp import model_name
    from kgraph.parallel import ExtractorSpec

    options, key_options = extractor_options(settings, cache_dir)
    model = model_name(settings.model)
    fingerprint = ontology.fingerprint()
    key = pipeline_key(settings.extractor, model, fingerprint, key_options or None)
    spec = ExtractorSpec.create(
        settings.extractor, model, settings.batch_size, ontology.source, fingerprint, key_digest(key),
        options, key_options,
    )
    return spec, key


def _engine(settings: Settings, stack: ExitStack) -> tuple[Executor | None, int, str]:
    """The executor to extract on (None: local processes), the parallelism, and its name."""
    from kgraph.parallel import default_jobs

    if settings.scheduler:
        from kgraph.distributed import cluster_executor

        executor, workers = stack.enter_context(cluster_executor(settings.scheduler))
        return executor, workers, f"dask {settings.scheduler}"
    jobs = settings.jobs or default_jobs()
    return None, jobs, "local"


def extract_articles(
    settings: Settings,
    on_error: Callable[[InputError], None] | None = None,
    progress: ProgressCallback | None = None,
) -> Iterator[Extraction]:
    """Read and extract every article of ``settings.inputs``, streaming, in input order.

    Uses ``settings.jobs`` processes (or ``settings.scheduler``'s cluster) and no
    cache.  Extractions come without the article text (see :func:`kgraph.cache.strip_text`).
    A document whose extraction fails is passed to ``on_error`` (or raised).
    """
    from kgraph.parallel import Failure, run_extraction

    ontology = load_ontology(settings.ontology_dir)
    spec, _ = _spec(settings, ontology)
    threshold = relation_threshold(settings)
    with ExitStack() as stack:
        executor, jobs, _ = _engine(settings, stack)
        for result in run_extraction(spec, read_articles(settings.inputs, on_error=on_error), jobs, executor):
            if progress is not None:
                progress(1)
            if isinstance(result, Failure):
                problem = _failure(result)
                if on_error is None:
                    raise problem
                on_error(problem)
                continue
            yield confident(result, threshold)


def min_confidence(settings: Settings) -> float:
    """The confidence below which a relation the rules found (alone or with an LLM) is left out:
    ``settings.min_confidence``, else the calibrated default (:data:`~kgraph.config.DEFAULT_MIN_CONFIDENCE`)."""
    from kgraph.config import DEFAULT_MIN_CONFIDENCE

    return DEFAULT_MIN_CONFIDENCE if settings.min_confidence is None else settings.min_confidence


def relation_threshold(settings: Settings) -> Callable[[RelationMention], float]:
    """The confidence each relation must reach to be kept.

    :func:`min_confidence` for every relation, except with no ``settings.min_confidence``
    a fact only an LLM found: its confidence is a fixed number nobody measured, so the
    calibrated default says nothing about it and it is kept (threshold 0).  A fact the
    rules found too, and every rule relation of ``rules+llm``, has the rules' threshold.
    """
    threshold = min_confidence(settings)
    if settings.min_confidence is not None:
        return lambda relation: threshold
    return lambda relation: 0.0 if found_by_llm_only(relation) else threshold


def confident(extraction: Extraction, threshold: float | Callable[[RelationMention], float]) -> Extraction:
    """``extraction`` without its relations of confidence below ``threshold`` (a number, or one per relation);
    the same object when none is left out.

    Applied after extraction and the cache, so changing the threshold parses nothing again.
    """
    level = threshold if callable(threshold) else (lambda relation: threshold)
    kept = [r for r in extraction.relations if r.confidence >= level(r)]
    return extraction if len(kept) == len(extraction.relations) else replace(extraction, relations=kept)


def _failure(failure: object) -> InputError:
    from kgraph.parallel import Failure

    assert isinstance(failure, Failure)
    return InputError(failure.article_id, f"could not be extracted ({failure.problem}).")


def _extract_all(
    settings: Settings,
    ontology: Ontology,
    report: BuildReport,
    progress: ProgressCallback | None,
) -> list[Extraction]:
    """Every document's extraction, from the cache or the engine, in input order."""
    from kgraph.cache import CACHE_DIRNAME, ExtractionCache, article_hash
    from kgraph.parallel import Failure, run_extraction

    # an LLM's answers are kept beside the extractions, per request (kgraph.extract.llm)
    spec, key = _spec(settings, ontology, settings.out_dir / CACHE_DIRNAME / "llm" if settings.cache else None)
    cache: ExtractionCache | None = None
    if settings.cache:
        with _writing(settings.out_dir / CACHE_DIRNAME):
            cache = ExtractionCache.open(settings.out_dir / CACHE_DIRNAME, key, clean=settings.clean)
        report.cache = cache.status
    cache_seconds = 0.0
    slots: list[Extraction | None] = []
    waiting: deque[tuple[int, str]] = deque()  # (slot, content hash) of documents sent to the engine

    def tick() -> None:
        if progress is not None:
            progress(1)

    def misses() -> Iterator[Article]:
        nonlocal cache_seconds
        for source in read_sources(settings.inputs, on_error=report.skipped.append):
            if cache is not None:
                # an input file read before, unchanged: its documents without parsing it again
                t = time.perf_counter()
                known = cache.source_documents(source.digest)
                cache_seconds += time.perf_counter() - t
                if known is not None:
                    slots.extend(known)
                    report.cached += len(known)
                    for _ in known:
                        tick()
                    continue
            problems = len(report.skipped)
            hashes: list[str] = []
            try:
                for article in source.articles(on_error=report.skipped.append):
                    digest = article_hash(article)
                    hashes.append(digest)
                    t = time.perf_counter()
                    hit = cache.get(digest) if cache is not None else None
                    cache_seconds += time.perf_counter() - t
                    slots.append(hit)
                    if hit is not None:
                        report.cached += 1
                        tick()
                    else:
                        waiting.append((len(slots) - 1, digest))
                        yield article
            except InputError as error:
                report.skipped.append(error)
            if cache is not None and len(report.skipped) == problems:
                cache.put_source(source.digest, hashes)

    with ExitStack() as stack:
        executor, report.jobs, report.engine = _engine(settings, stack)
        for result in run_extraction(spec, misses(), report.jobs, executor):
            slot, digest = waiting.popleft()
            if isinstance(result, Failure):
                report.failed.append(_failure(result))
            else:
                slots[slot] = result
                report.extracted += 1
                for name, value in result.stats.items():
                    report.llm[name] = report.llm.get(name, 0.0) + value
                # a document with an LLM answer that failed or could not be read is asked about again next time
                if cache is not None and not result.stats.get("llm.incomplete"):
                    t = time.perf_counter()
                    with _writing(cache.root):
                        cache.put(digest, result)
                    cache_seconds += time.perf_counter() - t
            tick()
    if cache is not None:
        t = time.perf_counter()
        if any(ex is not None for ex in slots):  # a build that read nothing fails: keep what earlier ones cached
            with _writing(cache.root):
                cache.prune()
        report.cache_rejected = cache.rejected
        cache_seconds += time.perf_counter() - t
    report.seconds["cache"] = cache_seconds
    return [ex for ex in slots if ex is not None]


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while the corpus-wide stages run.

    Those stages make and keep hundreds of thousands of small objects (mentions,
    entities, triples) and free them all at once; the collector, triggered every few
    hundred allocations, walked every live object again and again and took half of an
    incremental build's time.  Reference counting still frees everything as usual,
    and the collector runs once afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _rare_cycle_collection() -> Iterator[None]:
    """Collect cycles every 50,000 allocations instead of every 700 while extractions pile up.

    Reading a large cache makes hundreds of thousands of objects that all stay alive; at
    the default rate the collector keeps walking them. Cycles are still collected.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 50_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _cannot_write(folder: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"Cannot write to {folder}: {reason}. Choose an output folder kgraph may write with -o/--out."


@contextmanager
def _writing(folder: Path) -> Iterator[None]:
    """Turn a failure to write into ``folder`` into an :class:`ExportError` naming it."""
    try:
        yield
    except OSError as error:
        raise ExportError(_cannot_write(folder, error)) from error


def _writable_out_dir(out_dir: Path) -> list[Path]:
    """Make sure the build can write into ``out_dir`` before reading anything.

    Returns the folders this created (the outermost first), so that a failed build can
    take them away again.  Raises :class:`ExportError` naming the folder.
    """
    created = [p for p in (out_dir, *out_dir.parents) if not p.exists()][::-1]
    with _writing(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    return created


def _tidy_failed_build(out_dir: Path, created: list[Path]) -> None:
    """After a failed build: no cache without a document in it, no folder left empty by this build."""
    from kgraph.cache import CACHE_DIRNAME, remove_empty_cache

    remove_empty_cache(out_dir / CACHE_DIRNAME)
    for folder in reversed(created):
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone): keep it
            break


def build(
    settings: Settings,
    progress: ProgressCallback | None = None,
) -> BuildReport:
    """Build the graph of ``settings.inputs`` into ``settings.out_dir``.

    Bad input files are skipped and listed in the report, as are documents whose
    extraction failed; if no document could be extracted at all,
    :class:`~kgraph.errors.InputError` is raised and nothing is written (no empty
    cache either).  An output folder that cannot be written raises
    :class:`~kgraph.errors.ExportError` before any article is read; outputs already
    there stay as they were (every file is replaced atomically).
    """
    created = _writable_out_dir(settings.out_dir)
    try:
        return _build(settings, progress)
    except BaseException:
        _tidy_failed_build(settings.out_dir, created)
        raise


def _build(settings: Settings, progress: ProgressCallback | None) -> BuildReport:
    from kgraph.export import export_graph
    from kgraph.graph import to_dataset
    from kgraph.resolve import resolve_entities

    report = BuildReport()
    started = time.perf_counter()
    ontology = load_ontology(settings.ontology_dir)
    with _rare_cycle_collection():
        extractions = _extract_all(settings, ontology, report, progress)
    report.seconds["extract"] = time.perf_counter() - started - report.seconds["cache"]
    if not extractions:
        problems = report.skipped + report.failed
        if len(problems) == 1:
            raise problems[0]
        if problems:
            listed = "; ".join(str(p) for p in problems[:5]) + ("; ..." if len(problems) > 5 else "")
            raise KGraphError(f"None of the {len(problems)} inputs could be read, so nothing was built: {listed}")
        raise InputError(", ".join(map(str, settings.inputs)), "holds no articles (.txt, .md, .html, .jsonl).")
    report.min_confidence = min_confidence(settings)
    if report.min_confidence > 0:
        found = sum(len(ex.relations) for ex in extractions)
        threshold = relation_threshold(settings)
        extractions = [confident(ex, threshold) for ex in extractions]
        report.below_confidence = found - sum(len(ex.relations) for ex in extractions)
    with _no_cycle_collection():
        report.documents = len(extractions)
        report.mentions = sum(len(ex.mentions) for ex in extractions)

        t = time.perf_counter()
        resolution = resolve_entities(extractions, ontology)
        report.seconds["resolve"] = time.perf_counter() - t

        t = time.perf_counter()
        dataset = to_dataset(extractions, resolution, ontology)
        report.entities = len(resolution.entities)
        del extractions, resolution  # the dataset holds what is needed from here on
        report.statements = dataset.statements
        report.relations = dataset.relations
        report.triples = len(dataset)
        report.seconds["graph"] = time.perf_counter() - t

        t = time.perf_counter()
        with _writing(settings.out_dir):
            report.outputs = export_graph(dataset, settings, ontology)
        report.seconds["export"] = time.perf_counter() - t
        # freed now by reference counting: once the collector is back, its first pass
        # would otherwise walk every object the dataset holds
        del dataset
    return report
