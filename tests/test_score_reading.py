"""bench/score_reading.py: a judged reading counted per pipeline and threshold."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from conftest import load_bench_script


@pytest.fixture(scope="module")
def score() -> ModuleType:
    return load_bench_script("score_reading")


KEY = [
    {"n": 1, "doc": "bbc/business/001.txt", "found_by": ["a", "b"], "confidence": {"a": 0.9, "b": 0.75}},
    {"n": 2, "doc": "bbc/business/001.txt", "found_by": ["a"], "confidence": {"a": 0.72}},
    {"n": 3, "doc": "bbc/politics/004.txt", "found_by": ["b"], "confidence": {"b": 0.95}},
]


def test_score_reading_counts_each_pipeline_and_business_articles(score: ModuleType, tmp_path: Path) -> None:
    judged = tmp_path / "j.csv"
    judged.write_text('n,verdict,reason\n1,R,\n2,W,"span cut"\n3,R,\n', encoding="utf-8")
    verdicts = score.read_verdicts(judged)
    assert verdicts == {1: True, 2: False, 3: True}
    assert score.tally(verdicts, KEY, None) == {"a": (1, 2, 1), "b": (2, 2, 1)}
    # a stricter threshold drops a's wrong 0.72 and b's right 0.75
    assert score.tally(verdicts, KEY, 0.8) == {"a": (1, 1, 1), "b": (1, 1, 0)}


def test_score_reading_main_prints_shares(
    score: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    judged, key = tmp_path / "j.csv", tmp_path / "key.json"
    judged.write_text("n,verdict,reason\n1,R,\n2,W,x\n3,R,\n", encoding="utf-8")
    key.write_text(json.dumps(KEY), encoding="utf-8")
    assert score.main([str(judged), str(key), "--business", "1", "--min-confidence", "0.8"]) == 0
    out = capsys.readouterr().out
    assert "a                               1 of 2    right (50 %), 1.00 right per business article" in out
    assert "confidence >= 0.8:" in out


def test_score_reading_refuses_an_unknown_verdict(score: ModuleType, tmp_path: Path) -> None:
    judged = tmp_path / "j.csv"
    judged.write_text("n,verdict,reason\n1,maybe,\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="not R or W"):
        score.read_verdicts(judged)
