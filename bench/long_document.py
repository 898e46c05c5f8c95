"""Benchmark one very long document: wall time and peak memory of ``kgraph build`` on it.

The document is made by joining BBC news articles (``../shared/corpus/bbc``, the
categories in turn) with blank lines until it reaches ``--mb`` megabytes (default
2.5), written to a temporary folder, never into the repository.  spaCy alone refuses
a text over 1,000,000 characters (its ``nlp.max_length``); kgraph reads a long
document in pieces (:mod:`kgraph.extract.spacy_rules`), so any length builds and
memory stays flat.  Target: 2.5 MB builds with a peak RSS under 2 GB.

The build runs as a child process (``python -m kgraph build DOC -o OUT --no-html
-j 1 --clean``); the peak RSS is the largest resident set of that child or any of its
descendants (``getrusage(RUSAGE_CHILDREN).ru_maxrss``), the CPU time theirs too (the
figure to compare on a shared machine), and the build's own summary gives the
documents, entities, relations and the time of each stage.

Usage::

    .venv/bin/python bench/long_document.py              # 2.5 MB: a few minutes on a shared 2-core machine
    .venv/bin/python bench/long_document.py --mb 0.95
    .venv/bin/python bench/long_document.py --json bench-long.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


def long_document(size: int) -> tuple[str, int]:
    """BBC articles joined by blank lines, the categories in turn, up to ``size`` bytes; (text, articles)."""
    per_category = [sorted((CORPUS / c).glob("*.txt")) for c in CATEGORIES]
    parts: list[str] = []
    total = 0
    for row in range(max(len(files) for files in per_category)):
        for files in per_category:
            if row >= len(files):
                continue
            text = files[row].read_text(encoding="utf-8", errors="replace").strip()
            if total + len(text.encode()) + 2 > size:
                return "\n\n".join(parts) + "\n", len(parts)
            parts.append(text)
            total += len(text.encode()) + 2
    raise SystemExit(f"The corpus holds only {total:,} bytes; ask for less than --mb {size / 1e6:g}.")


def measure(document: Path, out: Path) -> dict[str, Any]:
    """Build ``document`` in a child process; its wall time, peak RSS and summary."""
    command = [sys.executable, "-m", "kgraph", "build", str(document), "-o", str(out), "--no-html", "-j", "1",
               "--clean"]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = done.stdout.strip().splitlines()
    error = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1] if done.returncode else ""
    return {
        "exit": done.returncode,
        "wall_s": round(wall, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),  # the figure to compare on a shared machine
        "peak_rss_mb": round(usage.ru_maxrss / 2**10),  # ru_maxrss is in KiB on Linux
        "summary": [line for line in lines if line.startswith(("Built", "Time:"))],
        "error": error,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.5, help="size of the document in MB (default: %(default)s)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is absent: the benchmark needs the BBC corpus in ../shared.")
    with tempfile.TemporaryDirectory(prefix="kgraph-long-") as tmp:
        text, articles = long_document(int(args.mb * 1e6))
        document = Path(tmp) / "long.txt"
        document.write_text(text, encoding="utf-8")
        result = {"bytes": len(text.encode()), "characters": len(text), "articles_joined": articles,
                  **measure(document, Path(tmp) / "out")}
    print(f"One document of {result['characters']:,} characters ({articles} BBC articles joined):")
    if result["exit"]:
        print(f"  build failed (exit {result['exit']}) after {result['wall_s']} s: {result['error']}")
    else:
        print("\n".join(f"  {line}" for line in result["summary"]))
    print(f"  wall {result['wall_s']} s, CPU {result['cpu_s']} s, peak RSS {result['peak_rss_mb']:,} MB "
          "(target: under 2,048 MB)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
