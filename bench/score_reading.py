"""Count a judged reading of ``bench/sample_relations.py``: right relations per pipeline, and what
a stricter ``--min-confidence`` would keep.

A reader marks each numbered relation of a sample R (right) or W (wrong) in a CSV with the header
``n,verdict,reason``; the sample's ``--key`` file says which pipeline found each relation and with
what confidence.  This prints, for each pipeline, how many of its relations are right, the share,
and the right relations per business article (a ``--mix`` reading has 40).  The sample holds what
``kgraph build`` keeps at its default threshold; with ``--min-confidence P`` it also counts the
relations at or above a higher P, to judge a stricter threshold from the same reading.

Usage::

    .venv/bin/python bench/score_reading.py judgements-8419.csv key-8419.json
    .venv/bin/python bench/score_reading.py judgements.csv key.json --min-confidence 0.85
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def read_verdicts(path: Path) -> dict[int, bool]:
    """Relation number → right, from a reader's CSV (``n,verdict,reason``; verdict R or W)."""
    with path.open(encoding="utf-8", newline="") as f:
        verdicts = {}
        for row in csv.DictReader(f):
            verdict = row["verdict"].strip().upper()
            if verdict not in {"R", "W"}:
                raise SystemExit(f"{path}: relation {row['n']} is judged {verdict!r}, not R or W")
            verdicts[int(row["n"])] = verdict == "R"
    return verdicts


def tally(verdicts: dict[int, bool], key: list[dict], threshold: float | None) -> dict[str, tuple[int, int, int]]:
    """Pipeline → (right, judged, right in business articles) over its relations (at ``threshold``)."""
    counts: dict[str, list[int]] = {}
    for item in key:
        right = verdicts.get(item["n"])
        if right is None:
            continue
        confidence = item.get("confidence") or {}
        for name in item["found_by"]:
            if threshold is not None and confidence.get(name, 1.0) < threshold:
                continue
            c = counts.setdefault(name, [0, 0, 0])
            c[0] += right
            c[1] += 1
            c[2] += right and "/business/" in item["doc"]
    return {name: (c[0], c[1], c[2]) for name, c in sorted(counts.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("judgements", type=Path, help="the reader's CSV: n,verdict,reason")
    parser.add_argument("key", type=Path, help="the sample's --key file")
    parser.add_argument("--min-confidence", type=float, help="also count the relations at or above this confidence")
    parser.add_argument("--business", type=int, default=40, help="business articles in the sample (40 with --mix)")
    args = parser.parse_args(argv)
    verdicts = read_verdicts(args.judgements)
    key = json.loads(args.key.read_text(encoding="utf-8"))
    if missing := sorted({item["n"] for item in key} - set(verdicts)):
        print(f"warning: {len(missing)} relations are not judged (first: {missing[0]})", file=sys.stderr)
    thresholds: list[tuple[str, float | None]] = [("every relation", None)]
    if args.min_confidence is not None:
        if not any(item.get("confidence") for item in key):
            print(f"{args.key} carries no confidences (an older sample)", file=sys.stderr)
            return 1
        thresholds.append((f"confidence >= {args.min_confidence}", args.min_confidence))
    for label, threshold in thresholds:
        print(f"{label}:")
        for name, (right, judged, business) in tally(verdicts, key, threshold).items():
            share = 100 * right / judged if judged else 0.0
            print(f"  {name:<28} {right:>4} of {judged:<4} right ({share:.0f} %), "
                  f"{business / args.business:.2f} right per business article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
