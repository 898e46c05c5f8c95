"""scripts/calibrate.py: which predictions on a one-label-per-pair set (KBP37) are judged, and how."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from calibrate import judge  # noqa: E402

from kgraph.evaluate import load_mapping  # noqa: E402

TEXT = "Norland's President Ada Varga met the press."


def _end(text: str, type_: str) -> dict[str, Any]:
    start = TEXT.index(text)
    return {"id": text, "text": text, "start": start, "end": start + len(text), "type": type_}


def _gold(label: str) -> dict[str, Any]:
    return {
        "id": "g1", "text": TEXT,
        "entities": [{"text": "Ada Varga", "type": "PER", "start": 20, "end": 29},
                     {"text": "Norland", "type": "ORG", "start": 0, "end": 7}],
        "relations": [{"type": label, "head_idx": 0, "tail_idx": 1}],
    }


def _extracted(*predicates: str) -> list[dict[str, Any]]:
    singles = [
        {"pattern": f"{p}/RelationalNoun", "prior": 0.7,
         "relation": {"subject": _end("Ada Varga", "Person"), "predicate": p, "object": _end("Norland", "Place"),
                      "confidence": 0.7, "evidence": TEXT}}
        for p in predicates
    ]
    return [{"record": {"doc": "g1", "entities": [], "relations": []}, "singles": singles}]


def test_calibrate_leaves_a_compatible_second_fact_unjudged(ontology) -> None:  # type: ignore[no-untyped-def]
    kbp = load_mapping("kbp37", ontology)
    assert "nationality" in kbp.relations["per:employee_of"].compatible
    verdicts = {j.record["predicate"]: j.correct for j in judge(
        [_gold("per:employee_of")], _extracted("nationality", "livesIn"), kbp, ontology, marked=True)}
    # the president's nationality is neither stated nor denied by the label: unjudged
    assert verdicts["nationality"] is None
    # a property the label's mapping does not list stays judged, and wrong
    assert verdicts["livesIn"] is False


def test_calibrate_judges_nationality_where_the_label_is_about_it(ontology) -> None:  # type: ignore[no-untyped-def]
    kbp = load_mapping("kbp37", ontology)
    verdicts = [j.correct for j in judge(
        [_gold("per:origin")], _extracted("nationality"), kbp, ontology, marked=True)]
    assert verdicts == [True]


def test_calibrate_leaves_a_name_and_a_name_inside_it_unjudged(ontology) -> None:  # type: ignore[no-untyped-def]
    conll = load_mapping("conll04", ontology)
    text = "The Bank of Norland raised rates, Ada Varga said in Kellby."
    gold = [{"id": "g2", "text": text, "relations": [],
             "entities": [{"text": "Bank of Norland", "type": "Org", "start": 4, "end": 19},
                          {"text": "Kellby", "type": "Loc", "start": 52, "end": 58}]}]

    def relation(obj: str, start: int) -> dict[str, Any]:
        return {"pattern": "basedIn/X", "prior": 0.85, "relation": {
            "subject": {"id": "b", "text": "Bank of Norland", "start": 4, "end": 19, "type": "Organization"},
            "predicate": "basedIn", "object": {"id": obj, "text": obj, "start": start, "end": start + len(obj),
                                               "type": "Place"}, "confidence": 0.85, "evidence": text}}

    extracted = [{"record": {"doc": "g2", "entities": [], "relations": []},
                  "singles": [relation("Norland", 12), relation("Kellby", 52)]}]
    verdicts = {j.record["object"]["text"]: j.correct for j in judge(gold, extracted, conll, ontology, marked=False)}
    # a flat gold set cannot state "Bank of Norland basedIn Norland": unjudged
    assert verdicts["Norland"] is None
    # a pair of separate names the gold set leaves unrelated is judged, and wrong
    assert verdicts["Kellby"] is False
