"""Benchmark a whole build at scale on the BBC news corpus (2,225 articles), against bare spaCy.

Reports, for the whole build (ingest, parse, rules, resolution, graph, Turtle/TriG/HTML):

* articles/s and words/s;
* the same texts through bare spaCy ``nlp.pipe`` (same model, same process count),
  and the ratio build time / bare parsing time (target <= 1.3);
* peak RSS of the whole process tree (main process + workers; target < 1.5 GB);
* an incremental rebuild after changing one article (target <= 5 % of a clean build);
* how time and memory grow from 250 to 500 to 1,000 to 2,225 articles (target: linear).

Each measured run is a fresh child process; the parent samples the RSS of the child
and all its descendants every 0.1 s.  The children import a snapshot of ``kgraph/``
and ``ontology/`` taken at the start, so edits made in the work tree while the
benchmark runs neither mix into it nor (rightly) invalidate the extraction cache
before the rebuild is measured.  The corpus is read from ``../shared/corpus/bbc``
and copied to a temporary folder (never into the repository) so one article can be
edited for the rebuild.  Subsets take the categories in turn, so every size has the
same mix of business, entertainment, politics, sport and tech.

Usage::

    .venv/bin/python bench/scale.py                       # everything: takes many minutes on 2 cores
    .venv/bin/python bench/scale.py --sizes 250 --jobs 2  # a quick look
    .venv/bin/python bench/scale.py --json bench-scale.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


# ------------------------------------------------------------------------------ child processes


def _child_build(args: argparse.Namespace) -> None:
    from kgraph import Settings, build

    files = [Path(line) for line in Path(args.list).read_text().splitlines() if line]
    started = time.perf_counter()
    report = build(Settings(inputs=files, out_dir=Path(args.out), jobs=args.jobs))
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "stages": report.seconds,
                "documents": report.documents,
                "cached": report.cached,
                "extracted": report.extracted,
                "cache": report.cache,
                "entities": report.entities,
                "relations": report.relations,
                "triples": report.triples,
                "outputs": {name: path.stat().st_size for name, path in report.outputs.items()},
            }
        )
    )


def _child_bare(args: argparse.Namespace) -> None:
    import spacy

    from kgraph.ingest import read_articles
    from kgraph.nlp import model_name

    files = [Path(line) for line in Path(args.list).read_text().splitlines() if line]
    texts = [article.text for article in read_articles(files)]
    started = time.perf_counter()
    nlp = spacy.load(model_name(None))
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16, n_process=args.jobs))
    print(json.dumps({"seconds": time.perf_counter() - started, "tokens": tokens}))


# ------------------------------------------------------------------------------ measuring


def _sample(process: Any, cpu: dict[int, float]) -> int:
    """RSS of a process tree now; records each process's CPU time so far in ``cpu``."""
    import psutil

    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            with proc.oneshot():
                total += proc.memory_info().rss
                times = proc.cpu_times()
                cpu[proc.pid] = times.user + times.system
        except psutil.Error:
            pass
    return total


def _measure(command: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a child; return its JSON output, wall time, CPU time and peak RSS of its process tree.

    CPU time (user + system of the child and all its descendants, sampled every 0.1 s)
    is the figure to compare on a shared machine: wall time grows with other people's load.
    """
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    cpu: dict[int, float] = {}
    try:
        import psutil

        watched = psutil.Process(child.pid)
        while child.poll() is None:
            try:
                peak = max(peak, _sample(watched, cpu))
            except psutil.Error:
                pass
            time.sleep(0.1)
    except ImportError:  # no psutil: the largest single process, and no CPU figure
        child.wait()
    out, err = child.communicate()
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} ... failed:\n{err[-3000:]}")
    if not peak:
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result.update(wall=wall, cpu=sum(cpu.values()) or float("nan"), peak_rss=peak)
    return result


def _interleaved(folder: Path) -> list[Path]:
    per_category = [sorted((folder / c).glob("*.txt")) for c in CATEGORIES]
    ordered: list[Path] = []
    for row in range(max(len(files) for files in per_category)):
        ordered.extend(files[row] for files in per_category if row < len(files))
    return ordered


def _words(files: list[Path]) -> int:
    return sum(len(path.read_text(encoding="utf-8", errors="replace").split()) for path in files)


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,500,1000,2225", help="article counts to build (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: the machine's cores)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the BBC corpus folder (default: %(default)s)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (corpus copy, outputs, caches)")
    parser.add_argument("--child", choices=["build", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--list", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "build":
        return _child_build(args)
    if args.child == "bare":
        return _child_bare(args)

    sys.path.insert(0, str(ROOT))
    from kgraph.parallel import default_jobs

    jobs = args.jobs or default_jobs()
    if not (args.corpus / "business").is_dir():
        raise SystemExit(f"No BBC corpus at {args.corpus} (expected business/, sport/, ... folders of .txt files).")
    work = Path(tempfile.mkdtemp(prefix="kgraph-scale-"))
    me = [sys.executable, str(Path(__file__).resolve())]
    figures: dict[str, Any] = {"jobs": jobs, "cpus": os.cpu_count(), "sizes": {}}
    try:
        snapshot = work / "src"
        shutil.copytree(ROOT / "kgraph", snapshot / "kgraph", ignore=shutil.ignore_patterns("__pycache__"))
        # where a wheel carries the ontology (kgraph.ontology finds a checkout's only beside pyproject.toml)
        shutil.copytree(ROOT / "ontology", snapshot / "kgraph" / "ontology_data")
        env = {**os.environ, "PYTHONPATH": str(snapshot)}
        env.pop("KGRAPH_ONTOLOGY", None)
        corpus = work / "bbc"
        for category in CATEGORIES:
            shutil.copytree(args.corpus / category, corpus / category)
        everything = _interleaved(corpus)
        sizes = [min(int(s), len(everything)) for s in args.sizes.split(",")]
        print(
            f"BBC corpus: {len(everything)} articles; {jobs} process(es); machine: {os.cpu_count()} cores", flush=True
        )
        for size in sizes:
            files = everything[:size]
            listing = work / f"files-{size}.txt"
            listing.write_text("\n".join(map(str, files)))
            out = work / f"out-{size}"
            run = _measure(
                [*me, "--child", "build", "--list", str(listing), "--out", str(out), "--jobs", str(jobs)], env
            )
            run["words"] = _words(files)
            figures["sizes"][size] = run
            stages = ", ".join(f"{k} {v:.1f}s" for k, v in run["stages"].items())
            print(
                f"{size:>5} articles: {run['wall']:7.1f}s wall, {run['cpu']:7.1f}s CPU  "
                f"{size / run['wall']:5.2f} articles/s  {run['words'] / run['wall']:6.0f} words/s  "
                f"peak {_mb(run['peak_rss'])}  ({run['entities']} entities, {run['relations']} relations, "
                f"{run['triples']} triples; {stages})",
                flush=True,
            )

        largest = sizes[-1]
        files = everything[:largest]
        listing = work / f"files-{largest}.txt"
        bare = _measure([*me, "--child", "bare", "--list", str(listing), "--jobs", str(jobs)], env)
        figures["bare"] = bare
        full = figures["sizes"][largest]
        print(
            f"bare spaCy nlp.pipe, {largest} articles, n_process={jobs}: {bare['wall']:.1f}s wall, "
            f"{bare['cpu']:.1f}s CPU ({full['words'] / bare['wall']:.0f} words/s, peak {_mb(bare['peak_rss'])}); "
            f"build / bare = {full['wall'] / bare['wall']:.2f} by wall time, {full['cpu'] / bare['cpu']:.2f} by CPU "
            "time (target <= 1.3)",
            flush=True,
        )

        # incremental: one article edited in place, the rest from the cache
        edited = files[len(files) // 2]
        edited.write_text(
            edited.read_text(encoding="utf-8") + "\nThe company said its chief executive would stay.\n",
            encoding="utf-8",
        )
        out = work / f"out-{largest}"
        again = _measure([*me, "--child", "build", "--list", str(listing), "--out", str(out), "--jobs", str(jobs)], env)
        figures["rebuild"] = again
        stages = ", ".join(f"{k} {v:.1f}s" for k, v in again["stages"].items())
        print(
            f"rebuild after editing one article: {again['wall']:.1f}s wall = {100 * again['wall'] / full['wall']:.1f} %"
            f" of a clean build ({100 * again['cpu'] / full['cpu']:.1f} % by CPU time; target <= 5 %); "
            f"{again['cached']} cached, {again['extracted']} extracted "
            f"(cache {again['cache']}); {stages}",
            flush=True,
        )

        base = figures["sizes"][sizes[0]]
        print("growth (per article, relative to the smallest size; CPU time is the figure to trust on a busy machine):")
        for size in sizes:
            run = figures["sizes"][size]
            wall, cpu = run["wall"] / size, run["cpu"] / size
            print(
                f"  {size:>5}: {wall:.3f} s/article wall ({wall / (base['wall'] / sizes[0]):.2f}x), "
                f"{cpu:.3f} s/article CPU ({cpu / (base['cpu'] / sizes[0]):.2f}x), peak {_mb(run['peak_rss'])}"
            )
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1, default=str))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
