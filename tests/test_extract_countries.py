"""A country's word beside a firm's name or a person's title (kgraph/extract/countries.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("North Korean leaders met on Monday.", "Korean", "North Korea"),
        ("South Korean leaders met on Monday.", "Korean", "South Korea"),
        ("Korean leaders met on Monday.", "Korean", "South Korea"),
        ("South African leaders met on Monday.", "African", "South Africa"),
        ("Turkmen leaders met on Monday.", "Turkmen", "Turkmenistan"),
        # a continent's adjective names no country
        ("African leaders met on Monday.", "African", None),
    ],
)
def test_countries_adjective_of_one_or_two_words(nlp, text: str, word: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.countries import country_adjective

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert country_adjective(token) == country


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Shares in US phone firm Orbicom fell.", "US", True),
        ("Shares in US oil giant Orbicom fell.", "US", True),
        # a hyphen makes another word ("UK-listed"), "and" a list, more than two words a longer phrase
        ("Shares in UK-listed firm Orbicom fell.", "UK", False),
        ("Shares in Indian and Thai airline Orbicom fell.", "Thai", False),
        ("Shares in US big new phone firm Orbicom fell.", "US", False),
    ],
)
def test_countries_before_named_firm(nlp, ontology, text: str, word: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.countries import before_named_firm, organisation_descriptors

    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Orbicom")
    token = next(t for t in doc if t.text == word)
    nouns = organisation_descriptors(ontology) | ontology.words("RivalNoun")
    assert before_named_firm(token, {start}, nouns) is expected
