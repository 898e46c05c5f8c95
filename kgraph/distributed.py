"""Extraction on a Dask distributed cluster, for corpora one machine cannot parse in time.

``kgraph build --scheduler tcp://HOST:8786`` connects to a running Dask scheduler and
sends batches of articles to its workers; everything else (reading files, the cache,
resolution, the graph, the outputs) stays on the machine that runs ``kgraph build``,
so workers need no access to the input files or the output folder.

Running a cluster::

    # on one machine
    dask scheduler --host 0.0.0.0 --port 8786
    # on every worker machine: the same kgraph version and spaCy model as the client
    pip install 'kgraph-rdf[cluster]'
    dask worker tcp://SCHEDULER:8786 --nworkers 4 --nthreads 1
    # on the machine holding the articles
    kgraph build articles/ -o out/ --scheduler tcp://SCHEDULER:8786

Each worker process loads the spaCy pipeline once, on its first batch
(:func:`kgraph.parallel.extract_batch`), and checks that its pipeline matches the
client's; results come back in input order, so the graph is identical to a local
build.  Dask is an optional dependency: ``pip install 'kgraph-rdf[cluster]'``.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from typing import Any

from kgraph.errors import KGraphError

__all__ = ["ClusterError", "cluster_executor"]


class ClusterError(KGraphError):
    """The Dask scheduler cannot be reached, or the ``cluster`` extra is not installed."""


@contextmanager
def cluster_executor(address: str, timeout: float = 30.0) -> Iterator[tuple[Executor, int]]:
    """Connect to the Dask scheduler at ``address``; yield (executor, worker threads).

    The executor is the client's ``concurrent.futures`` view
    (``Client.get_executor()``), so :func:`kgraph.parallel.run_extraction` treats a
    cluster like a local process pool.
    """
    try:
        from distributed import Client
    except ImportError as error:
        raise ClusterError(
            "--scheduler needs Dask. Make sure you've installed everything with: pip install 'kgraph-rdf[cluster]'"
        ) from error
    try:
        client = Client(address, timeout=timeout, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as error:
        raise ClusterError(
            f"Cannot reach the Dask scheduler at {address} ({error}). Is `dask scheduler` running there?"
        ) from error
    try:
        workers = _threads(client)
        if workers == 0:
            try:
                client.wait_for_workers(1, timeout=timeout)
            except TimeoutError as error:
                raise ClusterError(
                    f"The Dask scheduler at {address} has no workers (waited {timeout:.0f}s). Start some with: "
                    f"dask worker {address} --nthreads 1"
                ) from error
            workers = _threads(client)
        yield client.get_executor(pure=False), max(1, workers)  # type: ignore[no-untyped-call]
    finally:
        client.close()  # type: ignore[no-untyped-call]


def _threads(client: Any) -> int:
    """Worker threads of the cluster: how many batches can run at once."""
    workers = client.scheduler_info(n_workers=-1).get("workers", {})
    return sum(int(info.get("nthreads", 1)) for info in workers.values())
