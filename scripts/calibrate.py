"""Calibrate the rule extractor's confidences on the train splits; write ``ontology/calibration.ttl``.

Each relation the rules find carries the name of the pattern that found it (``kg:worksFor`` read off
a title is ``worksFor/RelationalNoun``; a property chain's step is ``a+b``) and the pattern's hand-set
``kgx:confidence`` (ontology/patterns.ttl).  This script measures how often each pattern is right on
TRAIN data only, and writes the calibrated precision per pattern, which the extractor then uses as
the relation's confidence (:func:`kgraph.ontology.load_ontology` reads the file).

Data (dev sets are never read):

* CoNLL04 train: exhaustively annotated for Work_For, OrgBased_In, Located_In and Live_In, so a
  prediction of a property the CoNLL04 mapping covers is right or wrong; other properties are unjudged.
* KBP37 train: ONE marked pair per sentence with its label (``no_relation`` when none).  Only a
  prediction between the two marked names is judged (against ``ontology/mappings/kbp37.json``);
  every other prediction is unjudged.  All 15.7k sentences by default (about 2.5 minutes);
  ``--kbp-sample N`` takes a seeded sample.

Also unjudged: a relation between two parts of one gold name (CoNLL04 writes "Portland, Ore." as one
place where kgraph finds Portland locatedIn Oregon: the gold set cannot state that fact, so its
absence says nothing), a relation between a name and a name inside it ("National Iranian Oil Company"
basedIn Iran: no gold set here has nested names, so none can state it), and ``kg:reportedFrom``
(``--unjudged``): the CoNLL04 mapping credits a dateline's agency with OrgBased_In, but CoNLL04
annotates it in only about half of its datelines, so a missing gold relation there is the annotators'
habit, not an error of the fact.

A prediction is judged with the evaluator's own matching (:func:`kgraph.evaluate.score`) in
``overlap`` mode: CoNLL04 writes "Portland, Ore." as one place where kgraph has two names, and
the question here is whether the fact is right, not whether the span conventions agree.

Estimate: per pattern, the posterior mean of a Beta prior centred on the pattern's hand-set
confidence ``m`` with ``--pseudo`` pseudo-counts: ``(correct + a*m) / (judged + a)``.  Patterns never
judged keep their hand-set value.  K-fold cross-validation over documents (seeded) gives the
reliability table: each held-out prediction gets the value estimated on the other folds.

Usage (offline, by hand; a few minutes per data set)::

    OMP_NUM_THREADS=1 .venv/bin/python scripts/calibrate.py            # writes ontology/calibration.ttl
    .venv/bin/python scripts/calibrate.py --no-write                  # tables only

Extractions are kept in ``out/calibration/``, named by a digest of the code, model and ontology that made them,
so a second run with other settings does not parse again, and a run after a rule change does.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgraph.evaluate import Mapping, load_mapping, read_gold, score, threshold_table  # noqa: E402
from kgraph.ontology import KGX, Ontology, load_ontology  # noqa: E402

DEVDATA = ROOT.parent / "shared" / "devdata"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.01)


@dataclasses.dataclass
class Judged:
    """One predicted relation: its document, pattern, hand-set confidence and verdict (None: unjudged)."""

    doc: str
    pattern: str
    prior: float
    correct: bool | None
    record: dict[str, Any]  # the relation as in kgraph extract's records


def _extract(gold: list[dict[str, Any]], ontology: Ontology, cache: Path) -> list[dict[str, Any]]:
    """Per document: its record, and each relation with its pattern and hand-set confidence."""
    if cache.is_file():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    from kgraph.extract import get_extractor
    from kgraph.models import Article
    from kgraph.report import extraction_record

    # the hand-set confidences: the extractor must not read a calibration already written
    plain = dataclasses.replace(ontology, calibration={})
    backend = get_extractor("rules", ontology=plain, batch_size=16)
    articles = [Article(id=str(g["id"]), text=g["text"], source="train") for g in gold]
    out = []
    started = time.perf_counter()
    for n, extraction in enumerate(backend.extract(articles), 1):
        record = extraction_record(extraction)
        singles = []
        seen: set[tuple[str, str, str]] = set()
        for rel in extraction.relations:
            one = extraction_record(dataclasses.replace(extraction, relations=[rel]))["relations"]
            if not one:
                continue
            key = (one[0]["subject"]["id"], one[0]["predicate"], one[0]["object"]["id"])
            if key in seen:  # kgraph extract reports a fact once per document (see kgraph.report)
                continue
            seen.add(key)
            singles.append({"pattern": rel.pattern, "prior": rel.confidence, "relation": one[0]})
        out.append({"record": record, "singles": singles})
        if n % 200 == 0:
            print(f"  {n}/{len(articles)} documents, {time.perf_counter() - started:.0f}s", file=sys.stderr)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(r) + "\n" for r in out), encoding="utf-8")
    return out


def _on_marked_pair(relation: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether a prediction's two ends overlap KBP37's two marked names (either way round)."""
    marked = [(e["start"], e["end"]) for e in gold["entities"][:2]]
    ends = [(relation[k]["start"], relation[k]["end"]) for k in ("subject", "object")]

    def hits(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    return len(marked) == 2 and (
        hits(ends[0], marked[0]) and hits(ends[1], marked[1]) or hits(ends[0], marked[1]) and hits(ends[1], marked[0])
    )


def _compatible(relation: dict[str, Any], gold: dict[str, Any], mapping: Mapping, ontology: Ontology) -> bool:
    """Whether a prediction on the marked pair states what its label's mapping lists as ``compatible``: a second
    fact the one label per pair neither states nor denies (a country's president and his nationality)."""
    labels = [r["type"] for r in gold.get("relations", [])]
    allowed = {p for label in labels if label in mapping.relations for p in mapping.relations[label].compatible}
    info = ontology.properties.get(relation["predicate"])
    return info is not None and bool(allowed & info.ancestors) and _on_marked_pair(relation, gold)


def inside_one_name(relation: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether both ends fall in one gold name ("Portland, Ore." is one CoNLL04 place, two for kgraph)."""
    ends = [(relation[k]["start"], relation[k]["end"]) for k in ("subject", "object")]
    return any(all(s < e["end"] and e["start"] < t for s, t in ends) for e in gold["entities"])


def nested(relation: dict[str, Any]) -> bool:
    """Whether one end lies inside the other ("Bank of Kellmark" basedIn "Kellmark"): a flat gold set cannot
    annotate such a pair."""
    (s1, e1), (s2, e2) = ((relation[k]["start"], relation[k]["end"]) for k in ("subject", "object"))
    return s1 <= s2 and e2 <= e1 or s2 <= s1 and e1 <= e2


def judge(
    gold: list[dict[str, Any]], extracted: list[dict[str, Any]], mapping: Mapping, ontology: Ontology, marked: bool,
    unjudged: frozenset[str] = frozenset(),
) -> list[Judged]:
    """Every prediction with its verdict; ``marked``: only predictions on the marked pair are judged.

    Left unjudged: a relation between two parts of one gold name or between a name and a name inside it
    (the gold set cannot state either) and the properties in ``unjudged``.
    """
    judged = []
    for g, item in zip(gold, extracted, strict=True):
        record = item["record"]
        for single in item["singles"]:
            relation = single["relation"]
            verdict: bool | None = None
            if relation["predicate"] in unjudged or inside_one_name(relation, g) or nested(relation):
                pass
            elif marked and _compatible(relation, g, mapping, ontology):
                pass
            elif not marked or _on_marked_pair(relation, g):
                alone = {**record, "relations": [relation]}
                micro = score([g], [alone], mapping, ontology, modes=("overlap",), thresholds=()).modes["overlap"].micro
                verdict = bool(micro.correct) if micro.predicted else None
            judged.append(Judged(str(g["id"]), single["pattern"], float(single["prior"]), verdict, relation))
    return judged


def estimate(items: list[Judged], pseudo: float) -> dict[str, tuple[float, int, int, float]]:
    """Pattern -> (calibrated precision, judged, correct, prior) from the judged ``items``."""
    by_pattern: dict[str, list[Judged]] = defaultdict(list)
    for item in items:
        if item.correct is not None:
            by_pattern[item.pattern].append(item)
    out = {}
    for pattern, group in sorted(by_pattern.items()):
        n, c = len(group), sum(1 for i in group if i.correct)
        prior = sum(i.prior for i in group) / n
        out[pattern] = ((c + pseudo * prior) / (n + pseudo), n, c, prior)
    return out


def folds(docs: list[str], k: int, seed: int) -> dict[str, int]:
    order = sorted(set(docs))
    random.Random(seed).shuffle(order)
    return {doc: n % k for n, doc in enumerate(order)}


def cross_validate(items: list[Judged], k: int, seed: int, pseudo: float) -> list[float]:
    """Each item's confidence as estimated on the other folds (its hand-set value when never judged there)."""
    fold_of = folds([i.doc for i in items], k, seed)
    out = [0.0] * len(items)
    for f in range(k):
        table = estimate([i for i in items if fold_of[i.doc] != f], pseudo)
        for n, item in enumerate(items):
            if fold_of[item.doc] == f:
                out[n] = round(table[item.pattern][0], 3) if item.pattern in table else item.prior
    return out


def reliability(
    pairs: list[tuple[float, bool]],
    bins: tuple[float, ...] = BINS,
    columns: tuple[str, str] = ("predicted confidence", "judged"),
) -> list[str]:
    """Predicted-confidence bins against observed precision (judged predictions only); ``columns`` names
    the first two columns (scripts/train_relations.py prints its model's probabilities with it)."""
    lines = [f"| {columns[0]} | {columns[1]} | correct | mean predicted | observed precision |",
             "|---|---:|---:|---:|---:|"]
    for low, high in zip(bins, bins[1:], strict=False):
        inside = [(c, ok) for c, ok in pairs if low <= c < high]
        if not inside:
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        right = sum(1 for _, ok in inside if ok)
        label = f"[{low:.2f}, {min(high, 1.0):.2f}{']' if high > 1 else ')'}"
        lines.append(f"| {label} | {len(inside)} | {right} | {mean:.3f} | {right / len(inside):.3f} |")
    return lines


def judged_thresholds(pairs: list[tuple[float, bool]]) -> list[str]:
    lines = ["| threshold | judged kept | precision |", "|---:|---:|---:|"]
    for t in THRESHOLDS:
        kept = [ok for c, ok in pairs if c >= t]
        precision = sum(kept) / len(kept) if kept else 0.0
        lines.append(f"| {t:.2f} | {len(kept)} | {100 * precision:.1f} |")
    return lines


def _markdown_thresholds(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| threshold | predicted | correct | P | R | F1 |", "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['threshold']:.2f} | {r['predicted']} | {r['correct']} | {100 * r['precision']:.1f} | "
                     f"{100 * r['recall']:.1f} | {100 * r['f1']:.1f} |")
    return lines


def write_calibration(path: Path, table: dict[str, tuple[float, int, int, float]], args: argparse.Namespace,
                      sources: str) -> None:
    lines = [
        "# Calibrated confidences of the rule extractor's patterns: data written by scripts/calibrate.py, not by hand.",
        "#",
        f"# Made with: {args.command}",
        f"# Data (train splits only): {sources}.",
        "# A prediction is judged with kgraph.evaluate's overlap matching (ontology/mappings/conll04.json,",
        "# kbp37.json); KBP37 judges only its marked pair. Reliability table and method: docs/quality.md#confidence.",
        f"# Value: (correct + a*m) / (judged + a), a Beta prior with a = {args.pseudo:g} pseudo-counts centred on m,",
        "# the mean hand-set confidence (ontology/patterns.ttl) of the pattern's judged predictions; a property",
        "# chain's step is named 'first+second'. A pattern not listed keeps its hand-set value.",
        "# kgraph.ontology.load_ontology reads this file; kgraph.extract.relations uses kgx:calibrated.",
        "",
        f"@prefix kgx: <{KGX}> .",
        "",
    ]
    for pattern, (value, n, c, prior) in table.items():
        lines.append(
            f'[] kgx:patternName "{pattern}" ; kgx:calibrated {value:.3f} ; kgx:judged {n} ; kgx:correct {c} ; '
            f"kgx:handSet {prior:.3f} ."
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conll04", type=Path, default=DEVDATA / "conll04" / "train.jsonl")
    parser.add_argument("--kbp37", type=Path, default=DEVDATA / "kbp37" / "train.jsonl")
    parser.add_argument("--kbp-sample", type=int, default=0, help="KBP37 sentences to use (a seeded sample; 0: all)")
    parser.add_argument("--unjudged", nargs="*", default=["reportedFrom"],
                        help="properties no gold set here annotates consistently: left unjudged")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--pseudo", type=float, default=5.0, help="pseudo-counts of the Beta prior")
    parser.add_argument("--target", type=float, default=0.85, help="the precision the default threshold aims at")
    parser.add_argument("--work", type=Path, default=ROOT / "out" / "calibration")
    parser.add_argument("--out", type=Path, default=ROOT / "ontology" / "calibration.ttl")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    args.command = " ".join(["python scripts/calibrate.py", *(argv if argv is not None else sys.argv[1:])])
    ontology = load_ontology()

    conll_gold = read_gold(args.conll04)
    print(f"CoNLL04 train: {len(conll_gold)} documents", file=sys.stderr)
    conll_mapping = load_mapping("conll04", ontology)
    # the extractions are named by what decides them (code, model, ontology), so a rerun after a rule
    # or pattern change parses again instead of calibrating the old extractions
    from kgraph.cache import key_digest, pipeline_key
    from kgraph.nlp import model_name

    made_by = key_digest(pipeline_key("rules", model_name(None), ontology.fingerprint()))
    conll = _extract(conll_gold, ontology, args.work / f"conll04-train-{made_by}.jsonl")
    unjudged = frozenset(args.unjudged)
    conll_items = judge(conll_gold, conll, conll_mapping, ontology, marked=False, unjudged=unjudged)

    kbp_all = read_gold(args.kbp37)
    kbp_gold = kbp_all if not args.kbp_sample else sorted(
        random.Random(args.seed).sample(kbp_all, min(args.kbp_sample, len(kbp_all))), key=lambda g: str(g["id"]))
    print(f"KBP37 train: {len(kbp_gold)} of {len(kbp_all)} sentences", file=sys.stderr)
    kbp = _extract(kbp_gold, ontology, args.work / f"kbp37-train-{len(kbp_gold)}-{args.seed}-{made_by}.jsonl")
    kbp_items = judge(kbp_gold, kbp, load_mapping("kbp37", ontology), ontology, marked=True, unjudged=unjudged)

    items = conll_items + kbp_items
    held_out = cross_validate(items, args.folds, args.seed, args.pseudo)
    report: list[str] = []
    for name, part in (("CoNLL04 train", conll_items), ("KBP37 train sample", kbp_items)):
        judged = [i for i in part if i.correct is not None]
        report.append(f"{name}: {len(part)} relations, {len(judged)} judged, "
                      f"{sum(1 for i in judged if i.correct)} correct")
    pairs_hand = [(i.prior, bool(i.correct)) for i in items if i.correct is not None]
    pairs_cv = [(c, bool(i.correct)) for i, c in zip(items, held_out, strict=True) if i.correct is not None]
    report += ["", f"Reliability, hand-set confidences (both train sets, {len(pairs_hand)} judged):",
               *reliability(pairs_hand)]
    report += ["", f"Reliability, calibrated on the other folds ({args.folds}-fold CV):", *reliability(pairs_cv)]
    report += ["", "Judged precision at each threshold (held-out calibrated confidences):",
               *judged_thresholds(pairs_cv)]

    # CoNLL04 train end to end with the held-out confidences: the evaluator's own threshold table
    confidence_of = {id(i.record): c for i, c in zip(items, held_out, strict=True)}
    records = []
    for item in conll:
        relations = [dict(s["relation"]) for s in item["singles"]]
        for rel, single in zip(relations, item["singles"], strict=True):
            rel["confidence"] = confidence_of.get(id(single["relation"]), single["prior"])
        records.append({**item["record"], "relations": relations})
    for mode in ("exact", "overlap"):
        rows = threshold_table(conll_gold, records, conll_mapping, ontology, THRESHOLDS, mode)
        report += ["", f"CoNLL04 train, held-out confidences, {mode} spans:",
                   *_markdown_thresholds([r.to_dict() for r in rows])]

    eligible = [t for t in THRESHOLDS
                if (kept := [ok for c, ok in pairs_cv if c >= t]) and sum(kept) / len(kept) >= args.target]
    total = sum(len(i["singles"]) for i in conll)
    for t in eligible[:1]:
        kept = sum(1 for c in held_out[: len(conll_items)] if c >= t)
        report.append(f"\nLowest threshold with judged precision >= {args.target}: {t} "
                      f"(keeps {kept} of {total} CoNLL04 train relations, {100 * kept / max(total, 1):.1f}%)")
    if not eligible:
        report.append(f"\nNo threshold reaches judged precision {args.target}.")

    final = estimate(items, args.pseudo)
    report += ["", "| pattern | judged | correct | hand-set | calibrated |", "|---|---:|---:|---:|---:|"]
    for pattern, (value, n, c, prior) in sorted(final.items(), key=lambda kv: -kv[1][1]):
        report.append(f"| {pattern} | {n} | {c} | {prior:.3f} | {value:.3f} |")
    print("\n".join(report))
    if not args.no_write:
        sources = (f"CoNLL04 train ({len(conll_gold)} documents), KBP37 train ({len(kbp_gold)} of "
                   f"{len(kbp_all)} sentences); unjudged: {', '.join(sorted(unjudged)) or 'none'}")
        write_calibration(args.out, final, args, sources)
        print(f"\nwrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
