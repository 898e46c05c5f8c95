"""scripts/train_ner.py: how gold types become the labels the fine-tuned NER is taught."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from train_ner import MISSING, annotate, gold_label, line_kind  # noqa: E402


@pytest.mark.parametrize(
    ("gold_type", "stock_label", "expected"),
    [
        ("PER", "ORG", "PERSON"),  # gold overrides the stock model
        ("Peop", None, "PERSON"),
        ("ORG", "PERSON", "ORG"),
        ("Org", "GPE", "ORG"),
        ("LOC", "LOC", "LOC"),  # the stock model's finer place label when it agrees on the span
        ("LOC", "FAC", "FAC"),
        ("Loc", "ORG", "GPE"),  # else a place is a GPE
        ("LOC", None, "GPE"),
        ("MISC", "NORP", "NORP"),  # MISC keeps a stock label CoNLL does not annotate
        ("MISC", "EVENT", "EVENT"),
        ("MISC", "PERSON", MISSING),  # ... but not a core one
        ("MISC", "DATE", MISSING),  # ... nor one MISC never means
        ("MISC", None, MISSING),
        ("Other", "DATE", "DATE"),  # CoNLL04's Other covers dates and amounts
        ("Other", "ORG", MISSING),
        ("UNK", "PERSON", MISSING),  # KBP37's unknown types teach nothing
        ("TITLE", None, MISSING),
    ],
)
def test_train_ner_gold_label(gold_type: str, stock_label: str | None, expected: str) -> None:
    assert gold_label(gold_type, stock_label) == expected


def _doc(words: list[str], stock: list[tuple[int, int, str]]):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, start, end, label) for start, end, label in stock]
    return doc


def _entity(doc, start: int, end: int, etype: str) -> dict:  # type: ignore[no-untyped-def]
    span = doc[start:end]
    return {"start": span.start_char, "end": span.end_char, "type": etype, "text": span.text}


def test_train_ner_annotate_full_record() -> None:
    # "Orbitel of Japan hired Lena Berg , a Danish engineer , on Monday ."
    words = ["Orbitel", "of", "Japan", "hired", "Lena", "Berg", ",", "a", "Danish", "engineer", ",", "on",
             "Monday", "."]
    # the stock model: Orbitel a person, Japan a GPE, Danish NORP, Monday a DATE
    doc = _doc(words, [(0, 1, "PERSON"), (2, 3, "GPE"), (8, 9, "NORP"), (12, 13, "DATE")])
    gold = [_entity(doc, 0, 1, "ORG"), _entity(doc, 2, 3, "LOC"), _entity(doc, 4, 6, "PER"),
            _entity(doc, 8, 9, "MISC")]
    tags = annotate(doc, gold, "keep", Counter())
    assert tags == ["U-ORG", "O", "U-GPE", "O", "B-PERSON", "L-PERSON", "O", "O", "U-NORP", "O", "O", "O",
                    "U-DATE", "O"]


def test_train_ner_annotate_marks_unknown_misc_missing() -> None:
    words = ["Kestrel", "won", "the", "Lantern", "Cup", "."]
    doc = _doc(words, [(0, 1, "ORG")])  # the stock model sees no name in "Lantern Cup"
    tags = annotate(doc, [_entity(doc, 3, 5, "MISC")], "keep", Counter())
    assert tags == ["U-ORG", "O", "O", MISSING, MISSING, "O"]  # stock silver kept outside the gold span


def test_train_ner_annotate_partial_record() -> None:
    # KBP37: one marked pair; nothing is known about the other tokens
    words = ["Lena", "Berg", "joined", "Orbitel", "in", "Tacoma", "."]
    doc = _doc(words, [(5, 6, "GPE")])
    gold = [_entity(doc, 0, 2, "PER"), _entity(doc, 3, 4, "ORG")]
    tags = annotate(doc, gold, "keep", Counter(), partial=True)
    assert tags == ["B-PERSON", "L-PERSON", MISSING, "U-ORG", MISSING, MISSING, MISSING]


@pytest.mark.parametrize(
    ("tokens", "kind"),
    [
        (["Orbitel", "said", "on", "Monday", "it", "would", "buy", "Kestrel", "."], "prose"),
        (["CYCLING", "-", "BERG", "WINS", "STAGE"], "caps"),
        (["TACOMA", "1996-08-22"], "dateline"),
        (["Tacoma", "3", "Leeds", "1"], "table"),
        (["Lena", "Berg"], "table"),  # a byline
    ],
)
def test_train_ner_line_kind(tokens: list[str], kind: str) -> None:
    assert line_kind(tokens) == kind
