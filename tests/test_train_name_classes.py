"""scripts/train_name_classes.py: the silver names it reads from KBP37-style relation rows, and how their weight
enters the loss."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from train_name_classes import KBP37_CLASSES, Name, accuracy, kbp37_names, train  # noqa: E402

from kgraph.ontology import load_ontology  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _row(text: str, relation: str, head: str, tail: str) -> dict[str, Any]:
    """A row shaped as KBP37 train's: the marked pair as entities and one relation between them."""
    entities = [
        {"text": name, "start": text.index(name), "end": text.index(name) + len(name), "type": "UNK"}
        for name in (head, tail)
    ]
    relations = [] if relation == "no_relation" else [{"type": relation, "head_idx": 0, "tail_idx": 1}]
    return {"text": text, "entities": entities, "relations": relations}


@pytest.fixture(scope="module")
def silver(tmp_path_factory: pytest.TempPathFactory) -> list[Name]:
    folder = tmp_path_factory.mktemp("kbp37")
    rows = [
        _row(
            "Helga Marstrand works as an engineer at Trevolt.",
            "per:employee_of",
            "Helga Marstrand",
            "Trevolt",
        ),
        _row(
            "Pellin moved its head office to Toronto last year.",
            "org:city_of_headquarters",
            "Pellin",
            "Toronto",
        ),
        # the relation fixes the head's class only: a member of a body may be a country or a body
        _row("Norway joined the Fishery Council in the spring.", "org:members", "Fishery Council", "Norway"),
        # no relation: nothing is known of the pair
        _row("Oskar Brandt met Lena Vogel in Berlin on Friday.", "no_relation", "Oskar Brandt", "Lena Vogel"),
    ]
    path = folder / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    names, _ = kbp37_names(path, folder / "cache", load_ontology(ROOT / "ontology"), 0.5)
    return names


def test_relation_fixes_the_classes_of_its_pair(silver: list[Name]) -> None:
    labels = {ex.text: ex.label for ex in silver}
    assert labels.get("Helga Marstrand") == "PER"
    assert labels.get("Trevolt") == "ORG"
    assert labels.get("Pellin") == "ORG"  # the repairs call it a place: the silver label is what teaches
    assert next(ex.kind for ex in silver if ex.text == "Pellin") == "LOC"
    assert labels.get("Toronto") == "LOC"
    assert all(ex.weight == 0.5 and ex.matched and not ex.sports for ex in silver)


def test_ambiguous_tails_and_no_relation_are_left_out(silver: list[Name]) -> None:
    texts = {ex.text for ex in silver}
    assert "Norway" not in texts  # org:members fixes no class for its tail
    assert "Oskar Brandt" not in texts and "Lena Vogel" not in texts
    assert "Berlin" not in texts  # a name outside the marked pair is not labelled
    assert KBP37_CLASSES["per:origin"] == ("PER", None)


def test_accuracy_counts_the_decided_class_against_the_silver_label(silver: list[Name]) -> None:
    decided = {i: ex.label for i, ex in enumerate(silver)}
    assert accuracy(silver, decided)["all"] == 1.0
    wrong = {i: "LOC" if ex.label == "PER" else ex.label for i, ex in enumerate(silver)}
    assert accuracy(silver, wrong)["PER"] == 0.0


def _name(word: str, label: str, weight: float) -> Name:
    return Name(["bias", f"w={word}"], label, True, 0, 0, word, (0, 1), "ORG", False, False, weight)


def test_an_example_with_more_weight_pulls_the_model_further() -> None:
    # the same name seen as a person (weight 1) and as a place (weight w): the place wins once it weighs more
    def leaning(weight: float) -> float:
        items = [_name("zell", "PER", 1.0), _name("zell", "LOC", weight)] * 2
        w, features = train(items, 1e-4, 100)
        row = w[features.index("w=zell")]
        return float(row[2] - row[0])  # LOC minus PER (LABELS order: PER, ORG, LOC, MISC, NONE)

    assert leaning(3.0) > 0 > leaning(1 / 3)
