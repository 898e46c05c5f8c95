"""Evidence is checked, not trusted: every hostile fact an LLM may propose is rejected for its reason.

The answers are recorded in tests/data/llm/hostile.json; the server is a fake backend
(no network, no API key).  Each guard comes with the plain sentence where the same
kind of fact is kept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kgraph.extract.evidence import REASONS, locate_quote, normalise
from kgraph.extract.llm import LLMExtractor
from kgraph.extract.llm_client import FakeBackend, chat_response
from kgraph.models import Article, Extraction

RECORDED = json.loads((Path(__file__).resolve().parent / "data" / "llm" / "hostile.json").read_text(encoding="utf-8"))


def _run(text: str, facts: list[dict[str, Any]], endpoint: str = "fake://evidence") -> Extraction:
    answer = chat_response(json.dumps({"facts": facts}))
    extractor = LLMExtractor(llm_endpoint=endpoint, llm_model="recorded",
                             backend=FakeBackend(lambda request: answer, endpoint=endpoint))
    return next(extractor.extract([Article(id="t", text=text, source="t")]))


def _facts(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(r.subject.text, r.predicate, r.object.text) for r in extraction.relations}


def test_evidence_recorded_mentions_are_numbered_as_the_cases_assume(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.llm import make_chunks
    from kgraph.extract.mentions import find_mentions

    for key, listed in (("text", RECORDED["mentions"]), ("hedged_text", None), ("plain_text", None)):
        doc = nlp(RECORDED[key])
        found = find_mentions(doc, ontology)
        links = link_mentions(doc, found, ontology)
        (chunk,) = make_chunks(doc, [m for m, _ in found if m in links], links)
        names = [f"{i} {m.text} (s{s})" for i, (m, s) in enumerate(zip(chunk.mentions, chunk.mention_sentences,
                                                                        strict=True), start=1)]
        if listed is not None:
            assert names == listed
        else:  # the hedged and plain texts: the cases use mentions 1 to 6
            assert names[:6] == [
                "1 Halvorsen Bank (s1)", "2 Corvane Systems (s1)", "3 Peter Okafor (s2)", "4 Tromsdal (s2)",
                "5 Elin Berg (s3)", "6 Halvorsen Bank (s3)",
            ]


def test_evidence_keeps_the_good_facts() -> None:
    extraction = _run(RECORDED["text"], RECORDED["good"])
    assert _facts(extraction) == {
        ("Maria Lindqvist", "worksFor", "Corvane Systems"),
        ("Corvane Systems", "basedIn", "Tromsdal"),
    }
    assert extraction.rejected == []
    # the statement keeps the quote as it stands in the text (whitespace and quote marks normalised to find it)
    based = next(r for r in extraction.relations if r.predicate == "basedIn")
    assert based.evidence == "Corvane Systems is based in Tromsdal"
    assert RECORDED["text"][based.sentence_start : based.sentence_end] == based.evidence
    assert based.pattern == "llm recorded kgraph-llm-prompt/1"


@pytest.mark.parametrize("case", RECORDED["cases"], ids=[c["case"] for c in RECORDED["cases"]])
def test_evidence_rejects_a_hostile_fact(case: dict[str, Any]) -> None:
    extraction = _run(RECORDED["text"], [*RECORDED["good"], case["fact"]])
    # zero invented facts: only the two good ones pass
    assert _facts(extraction) == {
        ("Maria Lindqvist", "worksFor", "Corvane Systems"),
        ("Corvane Systems", "basedIn", "Tromsdal"),
    }
    assert [r.reason for r in extraction.rejected] == [case["reason"]]
    assert extraction.stats[f"rejected.{case['reason']}"] == 1
    assert case["reason"] in REASONS


def test_evidence_rejects_every_hostile_fact_at_once() -> None:
    extraction = _run(RECORDED["text"], [c["fact"] for c in RECORDED["cases"]])
    assert extraction.relations == []
    assert sorted(r.reason for r in extraction.rejected) == sorted(c["reason"] for c in RECORDED["cases"])


@pytest.mark.parametrize("case", RECORDED["hedged"], ids=[c["case"] for c in RECORDED["hedged"]])
def test_evidence_rejects_a_hedged_or_speculative_clause(case: dict[str, Any]) -> None:
    extraction = _run(RECORDED["hedged_text"], [case["fact"]])
    assert extraction.relations == []
    assert [r.reason for r in extraction.rejected] == [case["reason"]]


def test_evidence_keeps_the_same_facts_stated_plainly() -> None:
    """The positive side of the mood guards: the same shapes, stated as facts, pass."""
    extraction = _run(RECORDED["plain_text"], RECORDED["plain"])
    assert _facts(extraction) == {
        ("Halvorsen Bank", "acquired", "Corvane Systems"),
        ("Peter Okafor", "livesIn", "Tromsdal"),
        ("Elin Berg", "memberOf", "Halvorsen Bank"),
    }
    assert extraction.rejected == []


def test_evidence_quote_is_found_after_normalising_whitespace_and_quote_marks() -> None:
    sentence = "Ms. Lindqvist  said \u201cwe are\nready\u201d on Monday."
    where = locate_quote('said "we are ready"', sentence)
    assert where is not None
    assert sentence[where[0] : where[1]] == "said \u201cwe are\nready\u201d"
    assert locate_quote("said we are ready", sentence) is None  # words, not only letters, must match
    assert locate_quote("SAID", sentence) is None
    assert normalise(" a\u2019b \t c ") == "a'b c"
