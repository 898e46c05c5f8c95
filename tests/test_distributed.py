"""Extraction on a real dask.distributed LocalCluster of two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA_DIR

from kgraph import Settings, build
from kgraph.cli import cli

pytest.importorskip("distributed", reason="the cluster extra is not installed (pip install 'kgraph-rdf[cluster]')")


def test_distributed_build_equals_local_build(dask_cluster, built_data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from distributed import Client

    from kgraph.parallel import loaded_pipelines

    # batch_size=2: three tasks for two workers
    settings = Settings(
        inputs=[DATA_DIR],
        out_dir=tmp_path,
        scheduler=dask_cluster.scheduler_address,
        batch_size=2,
        html=False,
        cache=False,
    )
    report = build(settings)
    assert report.engine == f"dask {dask_cluster.scheduler_address}"
    assert (report.jobs, report.extracted) == (2, 6)
    _, out = built_data
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()

    # each worker loaded the spaCy pipeline at most once for three tasks (and once more per build: never)
    build(settings)
    with Client(dask_cluster, set_as_default=False) as client:
        loads = client.run(loaded_pipelines)
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and sum(loads.values()) >= 1


def test_cli_build_scheduler(dask_cluster, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Toshio Fujimoto is the chief executive of Shonan iPark, based in Fujisawa.\n")
    result = runner.invoke(
        cli,
        ["build", str(src), "-o", str(tmp_path / "out"), "--no-html", "--scheduler", dask_cluster.scheduler_address],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert f"1 extracted (dask {dask_cluster.scheduler_address}, 2 processes)" in result.stdout


def test_distributed_unreachable_scheduler_fails_with_a_sentence() -> None:
    from kgraph.distributed import ClusterError, cluster_executor

    with pytest.raises(ClusterError, match="Cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with cluster_executor("tcp://127.0.0.1:9", timeout=1):
            pass
