"""scripts/train_ner.py: how gold types become the labels the fine-tuned NER is taught, what the
synthetic rehearsal sentences say, and what the shipped news NER (``--model kgraph-ner``) reads."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from train_ner import (  # noqa: E402
    MISSING,
    REHEARSAL_GROUPS,
    annotate,
    business_rehearsal,
    fill_template,
    gold_label,
    line_kind,
)


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
        ("EVENT", None, "EVENT"),  # the synthetic rehearsal names its events, laws, works, products directly
        ("LAW", "ORG", "LAW"),
        ("WORK_OF_ART", None, "WORK_OF_ART"),
        ("PRODUCT", "ORG", "PRODUCT"),
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


def test_train_ner_fill_template_spans() -> None:
    values = {"F1": ("Brantwell Inc.", "ORG"), "P": ("Ilse Marken", "PERSON"), "EV": ("Lumen Expo 2027", "EVENT")}
    text, spans = fill_template("{F1} met {P} at {EV}.", values)
    assert text == "Brantwell Inc. met Ilse Marken at Lumen Expo 2027."
    assert [(text[a:b], label) for a, b, label in spans] == [
        ("Brantwell Inc.", "ORG"), ("Ilse Marken", "PERSON"), ("Lumen Expo 2027", "EVENT")]
    text, _ = fill_template("Shares of {C1}.", {"C1": ("Tarsen Co.", "ORG")})
    assert text == "Shares of Tarsen Co."  # the name's period ends the sentence


_RECORDS = [
    {"entities": [{"text": "Ilse Marken", "type": "PER"}, {"text": "Porto", "type": "LOC"},
                  {"text": "Brantwell Foods", "type": "ORG"}, {"text": "Quorvex", "type": "ORG"},
                  {"text": "Lumen", "type": "MISC"}]},
    {"entities": [{"text": "Tarsen Vale", "type": "PER"}, {"text": "Malmo", "type": "LOC"}]},
]


@pytest.mark.parametrize("group", sorted(REHEARSAL_GROUPS))
def test_train_ner_rehearsal_groups(group: str) -> None:
    sentences = business_rehearsal(_RECORDS, 200, 0, group)
    assert sentences == business_rehearsal(_RECORDS, 200, 0, group)  # seeded
    labels = {label for _, spans in sentences for *_, label in spans}
    for text, spans in sentences:
        assert "{" not in text and "}" not in text
        for start, end, _ in spans:
            assert text[start:end] == text[start:end].strip() and start < end
    if group == "names":
        assert {"EVENT", "LAW", "WORK_OF_ART", "PRODUCT"} <= labels
    if group == "filings":  # bare companies take no word of a training person's name
        companies = [text[a:b] for text, spans in sentences for a, b, label in spans if label == "ORG"]
        assert "Quorvex" in companies or "Lumen" in companies
        assert not any(word in {"Ilse", "Marken", "Tarsen", "Vale"} for name in companies for word in name.split())
        assert labels == {"ORG", "GPE", "PERSON"}


# ------------------------------------------------- the shipped model (kgraph/resources/ner_conll03)


@pytest.fixture(scope="module")
def news_ner():  # type: ignore[no-untyped-def]
    from kgraph.nlp import load_pipeline

    return load_pipeline("kgraph-ner")


def _labels(nlp, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {ent.text: ent.label_ for ent in nlp(text).ents}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # an expo with a year is an event, not an organisation
        ("Visitors crowded the halls of Nordvik Garden Expo 2025 on its first day.", "Nordvik Garden Expo 2025",
         "EVENT"),
        ("Tarsen plans to present two robots at Lumen Robotics Expo 2027 in Porto.", "Lumen Robotics Expo 2027",
         "EVENT"),
        # a company in a filing, without a legal form, is an organisation, not a person
        ("Brantwell entered into a loan agreement with its banks on April 4, 2022.", "Brantwell", "ORG"),
        ("Quorvex, a Nevada corporation, said that its revenue rose in the second quarter.", "Quorvex", "ORG"),
        # ... while people and companies the old model read right stay so
        ("Ilse Marken, chief executive of Brantwell, signed the loan agreement.", "Ilse Marken", "PERSON"),
        ("Ilse Marken, chief executive of Brantwell, signed the loan agreement.", "Brantwell", "ORG"),
        ("Tarsen plans to present two robots at Lumen Robotics Expo 2027 in Porto.", "Porto", "GPE"),
    ],
)
def test_train_ner_shipped_model_reads(news_ner, text: str, name: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert _labels(news_ner, text).get(name) == label
