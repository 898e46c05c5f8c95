"""Benchmark extraction quality and speed (issue 3).

1. Quality: ``kgraph.evaluate`` on the CoNLL04 and FIRE dev sets in
   ``../shared/devdata`` (relations per type and micro-averaged, exact and overlap
   spans; entities per class), with the mappings in ``ontology/mappings/``.
2. Speed: spaCy's own parse of the same texts (``nlp.pipe`` with the very pipeline
   the extractor uses) against the full extraction, on the dev sentences and on BBC
   news articles (``../shared/corpus/bbc/business``).  Issue 3's target: extraction
   takes at most 1.30 times the parse.  Each timing is the best of ``--runs``
   alternating runs, after a warm-up, because the machine's two cores are shared.
3. The seed article (``../shared/seed/ipark-article.txt``): the relations found.

With ``--errors FILE`` it also writes a Markdown error analysis of CoNLL04 dev to
FILE and of FIRE dev next to it (``FILE-fire.md``): every false negative and false
positive put in a cause class, with counts and a seeded sample of each class,
sentence included.

Usage::

    .venv/bin/python bench/quality.py
    .venv/bin/python bench/quality.py --errors /tmp/eval_errors.md --sample 20
    .venv/bin/python bench/quality.py --skip-speed --limit 50
    .venv/bin/python bench/quality.py --skip-quality --runs 3   # speed and the seed article only
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEVDATA = SHARED / "devdata"
GOLD = {"conll04": DEVDATA / "conll04" / "dev.jsonl", "fire": DEVDATA / "fire" / "dev.jsonl"}
BBC = SHARED / "corpus" / "bbc" / "business"
SEED = SHARED / "seed" / "ipark-article.txt"
TARGET_RATIO = 1.30

sys.path.insert(0, str(ROOT))

from kgraph.evaluate import EvalReport, RelationItem, Span, evaluate, format_report  # noqa: E402


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- speed


def measure_speed(texts: list[str], model: str | None, runs: int, kind: str = "rules") -> tuple[float, float]:
    """Best-of-``runs`` seconds of the spaCy parse and of the full extraction of ``texts``."""
    from kgraph.extract import get_extractor
    from kgraph.models import Article

    extractor = get_extractor(kind, model=model)
    nlp = extractor.nlp  # type: ignore[attr-defined]
    batch = extractor.batch_size  # type: ignore[attr-defined]
    articles = [Article(id=str(i), text=t, source="bench") for i, t in enumerate(texts)]
    list(nlp.pipe(texts[:20], batch_size=batch))  # warm-up: vocab, lazy tables
    list(extractor.extract(articles[:20]))
    parse, full = [], []
    for _ in range(runs):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch):
            pass
        parse.append(time.perf_counter() - t)
        t = time.perf_counter()
        for _ex in extractor.extract(articles):
            pass
        full.append(time.perf_counter() - t)
    return min(parse), min(full)


def speed_section(model: str | None, runs: int, bbc_files: int, kind: str = "rules") -> list[str]:
    import json

    sets: dict[str, list[str]] = {}
    sentences = [json.loads(line)["text"] for path in GOLD.values() for line in path.open(encoding="utf-8")]
    sets[f"dev sentences ({len(sentences)})"] = sentences
    if BBC.is_dir():
        from kgraph.ingest import read_articles

        files = sorted(BBC.glob("*.txt"))[:bbc_files]
        sets[f"BBC business articles ({len(files)})"] = [a.text for a in read_articles(files)]
    lines = [f"Speed: spaCy parse vs full extraction (same pipeline, best of {runs} runs)"]
    header = f"{'texts':<32} {'chars':>9} {'parse s':>8} {'extract s':>9} {'ratio':>6}  target <= {TARGET_RATIO:.2f}"
    lines.append(header)
    for name, texts in sets.items():
        _log(f"timing {name} ...")
        parse, full = measure_speed(texts, model, runs, kind)
        ratio = full / parse
        verdict = "ok" if ratio <= TARGET_RATIO else "OVER"
        chars = sum(map(len, texts))
        lines.append(f"{name:<32} {chars:>9,} {parse:>8.2f} {full:>9.2f} {ratio:>6.2f}  {verdict}")
    return lines


# ---------------------------------------------------------------- seed article


def seed_section(model: str | None, kind: str = "rules") -> list[str]:
    from kgraph.config import Settings
    from kgraph.pipeline import extract_articles
    from kgraph.report import extraction_record

    lines = [f"Seed article: {SEED}"]
    for extraction in extract_articles(Settings(inputs=[SEED], model=model, extractor=kind)):
        record = extraction_record(extraction)
        lines.append(f"{len(record['entities'])} entity mentions, {len(record['relations'])} relations")
        for rel in record["relations"]:
            s, o = rel["subject"], rel["object"]
            via = [f"{e['text']!r} via {e['via']['text']!r}" for e in (s, o) if "via" in e]
            note = f"   [{'; '.join(via)}]" if via else ""
            lines.append(f"  {s['text']} ({s['type']}) --{rel['predicate']}--> {o['text']} ({o['type']})"
                         f"  {rel['confidence']:.2f}{note}")
    return lines


# ---------------------------------------------------------------- error analysis


def _fmt_span(span: Span) -> str:
    return f"'{span.text}' [{span.start}:{span.end}]"


class _Doc:
    """Gold and predicted entities/relations of one document, for diagnosis."""

    def __init__(self, gold: dict[str, Any], predicted: dict[str, Any], report: EvalReport) -> None:
        mapping = report.mapping
        self.text: str = gold["text"]
        self.gold_entities = [(Span(e["start"], e["end"], e["text"]), e["type"]) for e in gold["entities"]]
        self.gold_class = {(s.start, s.end): mapping.entities.get(t) for s, t in self.gold_entities}
        self.pred_entities = [
            (Span(e["start"], e["end"], e["text"]), e["type"])
            for e in predicted["entities"]
            if e.get("label") not in {"pronoun", "description"}
        ]
        self.gold_relations = [
            (Span(g["entities"][r["head_idx"]]["start"], g["entities"][r["head_idx"]]["end"]),
             Span(g["entities"][r["tail_idx"]]["start"], g["entities"][r["tail_idx"]]["end"]), r["type"])
            for g in [gold] for r in gold["relations"]
        ]
        self.pred_relations = [
            (Span(r["subject"]["start"], r["subject"]["end"], r["subject"]["text"]), r["predicate"],
             Span(r["object"]["start"], r["object"]["end"], r["object"]["text"]))
            for r in predicted["relations"]
        ]
        self.pred_arg_type = {
            (arg["start"], arg["end"]): arg["type"]
            for r in predicted["relations"] for arg in (r["subject"], r["object"])
        }


def _entity_problem(arg: Span, gold_class: str | None, doc: _Doc) -> str | None:
    from kgraph.ontology import load_ontology

    ontology = load_ontology()
    exact = [t for s, t in doc.pred_entities if (s.start, s.end) == (arg.start, arg.end)]
    near = [(s, t) for s, t in doc.pred_entities if s.overlaps(arg)]
    if not exact and not near:
        return "entity missed"
    types = exact or [t for _, t in near]
    if gold_class is not None and not any(ontology.is_a(t, gold_class) for t in types):
        return f"entity type wrong ({'/'.join(sorted(set(types)))} for {gold_class})"
    if not exact:
        return "entity boundary"
    return None


def _diagnose_fn(item: RelationItem, doc: _Doc, overlap_hit: bool) -> str:
    if overlap_hit:
        return "boundary only (found with overlapping spans)"
    problems = [
        p for p in (
            _entity_problem(item.head, doc.gold_class.get((item.head.start, item.head.end)), doc),
            _entity_problem(item.tail, doc.gold_class.get((item.tail.start, item.tail.end)), doc),
        ) if p
    ]
    missed = [p for p in problems if p == "entity missed"]
    if missed:
        return "entity missed"
    typed = [p for p in problems if p.startswith("entity type wrong")]
    if typed:
        return "entity type wrong"
    linked = [
        (s, p, o) for s, p, o in doc.pred_relations
        if (s.overlaps(item.head) and o.overlaps(item.tail)) or (s.overlaps(item.tail) and o.overlaps(item.head))
    ]
    if linked:
        return "pair found, other predicate/direction/class"
    # "born in Chisholm, Minn.": X livesIn Chisholm and Chisholm locatedIn Minn. imply X livesIn Minn.
    for s1, _, middle in doc.pred_relations:
        if s1.overlaps(item.head) and any(
            s2.overlaps(middle) and p2 in {"locatedIn", "basedIn"} and o2.overlaps(item.tail)
            for s2, p2, o2 in doc.pred_relations
        ):
            return "implied by a chain of predicted relations (X r A, A locatedIn B)"
    return "no relation predicted between the found entities"


def _diagnose_fp(item: RelationItem, doc: _Doc) -> str:
    from kgraph.ontology import load_ontology

    ontology = load_ontology()
    def gold_near(span: Span) -> bool:
        return any(s.overlaps(span) for s, _ in doc.gold_entities)

    if any(s.overlaps(item.head) and s.overlaps(item.tail) for s, _ in doc.gold_entities):
        return "both arguments inside one gold entity (gold has 'North Bend, Ohio' as one place)"
    if not gold_near(item.head) or not gold_near(item.tail):
        return "argument is not a gold entity"
    for span in (item.head, item.tail):
        predicted_type = doc.pred_arg_type.get((span.start, span.end))
        gold_classes = {doc.gold_class.get((s.start, s.end)) for s, _ in doc.gold_entities if s.overlaps(span)}
        if predicted_type and not any(c and ontology.is_a(predicted_type, c) for c in gold_classes):
            return "argument typed wrong (gold says another class)"
    between = [t for h, tl, t in doc.gold_relations if h.overlaps(item.head) and tl.overlaps(item.tail)]
    if between:
        return "gold has the pair with another type"
    reverse = [t for h, tl, t in doc.gold_relations if h.overlaps(item.tail) and tl.overlaps(item.head)]
    if reverse:
        return "gold has the pair reversed"
    return "no gold relation between the arguments (wrong pattern or gold omission)"


def error_analysis(report: EvalReport, sample: int, seed: int = 3) -> str:
    """Markdown: exact-mode false negatives and overlap-mode false positives, by cause."""
    docs = {str(g["id"]): _Doc(g, p, report) for g, p in zip(report.gold, report.predicted, strict=True)}
    overlap_matched = {(g.doc, g.type, g.head, g.tail) for _, g in report.modes["overlap"].matches}
    fns: dict[str, list[RelationItem]] = defaultdict(list)
    for item in report.modes["exact"].false_negatives:
        hit = (item.doc, item.type, item.head, item.tail) in overlap_matched
        fns[_diagnose_fn(item, docs[item.doc], hit)].append(item)
    fps: dict[str, list[RelationItem]] = defaultdict(list)
    for item in report.modes["overlap"].false_positives:
        fps[_diagnose_fp(item, docs[item.doc])].append(item)

    rng = random.Random(seed)
    out = [f"# Error analysis: {report.mapping.dataset} ({report.gold_path}, {report.documents} documents)", ""]
    for mode, result in report.modes.items():
        m = result.micro
        out.append(f"- {mode}: micro P {100 * m.precision:.1f} R {100 * m.recall:.1f} F1 {100 * m.f1:.1f} "
                   f"(gold {m.gold}, predicted {m.predicted}, correct {m.correct})")
    out.append("")

    def section(title: str, groups: dict[str, list[RelationItem]], with_predicate: bool) -> None:
        total = sum(map(len, groups.values()))
        out.extend([f"## {title}: {total}", "", "| cause | count | by type |", "|---|---:|---|"])
        ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))
        for cause, items in ordered:
            by_type = ", ".join(f"{t} {n}" for t, n in Counter(i.type for i in items).most_common())
            out.append(f"| {cause} | {len(items)} | {by_type} |")
        out.append("")
        everything = [(cause, item) for cause, items in ordered for item in items]
        picked = rng.sample(everything, min(sample, len(everything)))
        picked.sort(key=lambda ci: ([c for c, _ in ordered].index(ci[0]), ci[1].doc))
        current = None
        for cause, item in picked:
            if cause != current:
                out.extend([f"### {cause}", ""])
                current = cause
            doc = docs[item.doc]
            pred = f" — predicted `{item.predicate}`" if with_predicate else ""
            out.append(f"- **{item.type}** {_fmt_span(item.head)} → {_fmt_span(item.tail)}{pred} ({item.doc})")
            out.append(f"  > {doc.text}")
            ents = "; ".join(f"{s.text}:{t}" for s, t in doc.pred_entities) or "none"
            out.append(f"  kgraph entities: {ents}")
            rels = "; ".join(f"{s.text} {p} {o.text}" for s, p, o in doc.pred_relations) or "none"
            out.append(f"  kgraph relations: {rels}")
            if not with_predicate:
                problems = [
                    f"{which} {p}" for which, span in (("head", item.head), ("tail", item.tail))
                    if (p := _entity_problem(span, doc.gold_class.get((span.start, span.end)), doc))
                ]
                if problems:
                    out.append(f"  argument problems: {'; '.join(problems)}")
            out.append("")

    section("False negatives (exact mode)", fns, with_predicate=False)
    section("False positives (overlap mode)", fps, with_predicate=True)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--model", help="spaCy pipeline (default: kgraph's)")
    parser.add_argument("--extractor", default="rules", choices=["rules", "rules+classifier"],
                        help="relation extractor (default: rules)")
    parser.add_argument("--limit", type=int, help="score only the first N documents of each dev set")
    parser.add_argument("--runs", type=int, default=2, help="timing runs (best is kept)")
    parser.add_argument("--bbc", type=int, default=60, help="BBC business articles in the speed test")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true",
                        help="time extraction only: no scores of the dev sets (they check a round once)")
    parser.add_argument("--errors", type=Path,
                        help="write the CoNLL04 error analysis (Markdown) here, FIRE's next to it (NAME-fire.md)")
    parser.add_argument("--sample", type=int, default=20, help="sampled errors per side in --errors")
    args = parser.parse_args(argv)

    missing = [p for p in GOLD.values() if not p.is_file()]
    if not SHARED.is_dir() or missing:
        print(f"Cannot benchmark: {missing[0] if missing else SHARED} is absent. The dev sets live in "
              f"../shared/devdata next to the repository (see ../shared/devdata/README.md).", file=sys.stderr)
        return 1

    reports: dict[str, EvalReport] = {}
    for name, path in GOLD.items() if not args.skip_quality else ():
        _log(f"evaluating {path} ...")
        reports[name] = evaluate(path, name, model=args.model, extractor=args.extractor, limit=args.limit)
        print(format_report(reports[name]))
    if args.errors:
        for name, report in reports.items():
            target = args.errors if name == "conll04" else args.errors.with_name(
                f"{args.errors.stem}-{name}{args.errors.suffix}")
            target.write_text(error_analysis(report, args.sample), encoding="utf-8")
            _log(f"wrote {target}")
    if not args.skip_speed:
        print("\n".join(speed_section(args.model, args.runs, args.bbc, args.extractor)))
        print()
    if SEED.is_file():
        print("\n".join(seed_section(args.model, args.extractor)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
