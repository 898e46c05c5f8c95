"""The ownership helpers (kgraph.extract.owners) on parses of our own; what they make of whole sentences is in
tests/test_extract_ownership.py."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "prep"),
    [
        ("Korvex Airlines, in which Kestrel Holdings holds 44%, made a profit.", "in"),
        ("Korvex Airlines, of which Kestrel Holdings owns 10%, made a profit.", "of"),
        # the relative pronoun is the verb's own object: no preposition opens the clause
        ("Korvex Airlines, which Kestrel Holdings owns, made a profit.", None),
    ],
)
def test_relative_prep_is_the_preposition_opening_the_clause(nlp, text: str, prep: str | None) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.owners import relative_prep

    verb = next(t for t in nlp(text) if t.dep_ == "relcl")
    found = relative_prep(verb)
    assert (found.lower_ if found is not None else None) == prep
