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
