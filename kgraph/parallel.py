"""Running extraction in batches: in this process, in worker processes, or on a Dask cluster.

The unit of work is a *batch* of articles (one ``nlp.pipe`` batch).  Every engine
takes an iterator of articles and yields one result per article **in input order**,
keeping only a few batches in flight, so texts stream through and memory stays
bounded however large the corpus is:

* ``jobs=1``: the extractor runs here, on ``nlp.pipe`` directly;
* ``jobs=N``: ``N`` worker processes (``concurrent.futures.ProcessPoolExecutor``),
  each loading the spaCy pipeline once and running parse *and* rules, so the rules
  are parallel too and only small extractions travel back;
* a Dask cluster (:mod:`kgraph.distributed`): the same worker function, sent through
  ``Client.get_executor()``.

A worker checks that it runs the same pipeline (kgraph, spaCy, model, ontology and
extraction code) as the process that asked it; a mismatch stops the build rather
than mixing results of two pipelines.  A batch that fails is retried one article at a
time, so one bad document is reported as failed and does not sink the build.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.errors import BackendUnavailable, KGraphError, WorkerError

if TYPE_CHECKING:
    from kgraph.extract.base import Extractor
    from kgraph.models import Article, Extraction

__all__ = ["ExtractorSpec", "Failure", "extract_batch", "run_extraction", "default_jobs", "loaded_pipelines"]


@dataclass(frozen=True)
class ExtractorSpec:
    """What a worker needs to build the extractor: names, and the ontology's files themselves.

    The ontology travels as file contents so that cluster workers need no shared folder.
    """

    extractor: str
    model: str
    batch_size: int
    ontology_files: tuple[tuple[str, bytes], ...]
    ontology_fingerprint: str
    key_digest: str
    #: the extractor's own options (an LLM's endpoint and model; never a secret), and those in the pipeline key
    options: tuple[tuple[str, str], ...] = ()
    key_options: tuple[tuple[str, str], ...] = ()

    @classmethod
    def create(
        cls, extractor: str, model: str, batch_size: int, ontology_dir: Path, fingerprint: str, key_digest: str,
        options: dict[str, str] | None = None, key_options: dict[str, str] | None = None,
    ) -> ExtractorSpec:
        files = tuple((p.name, p.read_bytes()) for p in sorted(ontology_dir.glob("*.ttl")))
        return cls(extractor, model, batch_size, files, fingerprint, key_digest,
                   tuple(sorted((options or {}).items())), tuple(sorted((key_options or {}).items())))


@dataclass(frozen=True)
class Failure:
    """An article whose extraction raised: the build reports it and goes on."""

    article_id: str
    problem: str


# One extractor per process (and spec): a worker loads the spaCy pipeline once, not per task.
_EXTRACTORS: dict[ExtractorSpec, tuple[Extractor, str]] = {}
_LOCK = threading.Lock()
_LOADS = 0
# spaCy pipelines are not meant to be shared by threads: one batch at a time per process
_RUN = threading.Lock()


def loaded_pipelines() -> int:
    """How many times this process built an extractor (tests check "once per worker")."""
    return _LOADS


def _ontology_dir(spec: ExtractorSpec) -> Path:
    from kgraph.ontology import ONTOLOGY_DIR

    # the project's own ontology when it is the same; else a private copy of the sent files
    local = {p.name: p.read_bytes() for p in sorted(ONTOLOGY_DIR.glob("*.ttl"))} if ONTOLOGY_DIR.is_dir() else {}
    if local == dict(spec.ontology_files):
        return ONTOLOGY_DIR
    folder = Path(tempfile.gettempdir()) / f"kgraph-ontology-{spec.ontology_fingerprint}-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in spec.ontology_files:
        (folder / name).write_bytes(data)
    return folder


def _extractor(spec: ExtractorSpec) -> Extractor:
    global _LOADS
    with _LOCK:
        if spec not in _EXTRACTORS:
            from kgraph.cache import key_digest, pipeline_key
            from kgraph.extract import get_extractor
            from kgraph.ontology import load_ontology

            ontology = load_ontology(_ontology_dir(spec))
            digest = key_digest(
                pipeline_key(spec.extractor, spec.model, ontology.fingerprint(), dict(spec.key_options) or None)
            )
            extractor = get_extractor(spec.extractor, model=spec.model, ontology=ontology, batch_size=spec.batch_size,
                                      **dict(spec.options))
            _EXTRACTORS[spec] = (extractor, digest)
            _LOADS += 1
        extractor, digest = _EXTRACTORS[spec]
    if digest != spec.key_digest:
        raise KGraphError(
            f"A worker on {_host()} runs another pipeline than this build (kgraph, spaCy, model, ontology or "
            "extraction code differ). Install the same kgraph version and model on every worker."
        )
    return extractor


def _host() -> str:
    import socket

    return f"{socket.gethostname()} (pid {os.getpid()})"


def extract_batch(spec: ExtractorSpec, articles: list[Article]) -> list[Extraction | Failure]:
    """Extract a batch of articles; the worker-side function of every engine.

    Results come without article texts (:func:`kgraph.cache.strip_text`).
    """
    from kgraph.cache import strip_text

    extractor = _extractor(spec)
    with _RUN:
        try:
            return [strip_text(ex) for ex in extractor.extract(articles)]
        except BackendUnavailable:
            raise  # the server is down: every document would fail the same way
        except Exception:  # noqa: BLE001 - isolate the bad article below
            if len(articles) == 1:
                raise
        results: list[Extraction | Failure] = []
        for article in articles:
            try:
                results.extend(strip_text(ex) for ex in extractor.extract([article]))
            except BackendUnavailable:
                raise
            except Exception as error:  # noqa: BLE001 - reported as a failed document
                results.append(Failure(article.id, f"{type(error).__name__}: {error}"))
        return results


def _safe_batch(spec: ExtractorSpec, articles: list[Article]) -> list[Extraction | Failure]:
    try:
        return extract_batch(spec, articles)
    except KGraphError:
        raise
    except Exception as error:  # noqa: BLE001 - a one-article batch that failed
        return [Failure(articles[0].id, f"{type(error).__name__}: {error}")]


def default_jobs() -> int:
    """The machine's cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def ordered_map(
    submit: Callable[[list[Article]], Future[list[Extraction | Failure]]],
    batches: Iterable[list[Article]],
    window: int,
) -> Iterator[list[Extraction | Failure]]:
    """Submit batches with at most ``window`` in flight; yield their results in order."""
    pending: deque[Future[list[Extraction | Failure]]] = deque()
    try:
        for batch in batches:
            pending.append(submit(batch))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def run_extraction(
    spec: ExtractorSpec,
    articles: Iterable[Article],
    jobs: int = 1,
    executor: Executor | None = None,
) -> Iterator[Extraction | Failure]:
    """Extract ``articles`` (streamed) and yield results in input order.

    :param jobs: worker processes when no ``executor`` is given (1: in this process).
    :param executor: an executor to run batches on, e.g. a Dask client's
        (:func:`kgraph.distributed.cluster_executor`); ``jobs`` then sets the window.
    """
    batches = _batches(articles, spec.batch_size)
    if executor is None and jobs <= 1:
        for batch in batches:
            yield from _safe_batch(spec, batch)
        return
    if executor is not None:
        window = max(2, 2 * jobs)
        for results in ordered_map(lambda batch: executor.submit(_safe_batch, spec, batch), batches, window):
            yield from results
        return
    # a handful of new documents (an incremental build) is not worth starting processes for
    iterator = iter(batches)
    head = list(islice(iterator, 2))
    if len(head) < 2:
        for batch in head:
            yield from _safe_batch(spec, batch)
        return
    batches = chain(head, iterator)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: workers start clean (no threads or open files of ours), and faster than spawn
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
            for results in ordered_map(lambda batch: pool.submit(_safe_batch, spec, batch), batches, 2 * jobs):
                yield from results
    except BrokenProcessPool as exc:
        raise WorkerError(
            f"An extraction worker process died ({jobs} processes). It may have run out of memory or been "
            "killed; in a script, kgraph's workers re-import the script, so the code that calls kgraph must "
            "sit under `if __name__ == \"__main__\":`. Use --jobs 1 (Settings(jobs=1)) to extract in this "
            "process."
        ) from exc
