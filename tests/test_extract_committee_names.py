"""Tests for kgraph.extract.committee_names: a chamber's lower-case committee is one name."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, committee",
    [
        ("Mark Brindle, who chairs the Commons transport committee, said the report was late.",
         "Commons transport committee"),
        ("Mark Brindle, who chairs the Commons work and pensions committee, said the report was late.",
         "Commons work and pensions committee"),
        ("Mark Brindle, chairman of the Commons public accounts committee, said the report was late.",
         "Commons public accounts committee"),
    ],
)
def test_committee_names_a_chambers_committee_is_headed_by_its_chair(  # type: ignore[no-untyped-def]
    extract_text, text: str, committee: str
) -> None:
    found = extract_text(text)
    assert ("Mark Brindle", "headOf", committee) in found, found


def test_committee_names_a_bare_chamber_committee_is_no_name(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("Mark Brindle told the Commons committee that the report was late.")
    texts = [m.text for m, _ in find_mentions(doc, ontology)]
    assert not [t for t in texts if "committee" in t], texts
    doc = nlp("Mark Brindle told the Commons transport committee that the report was late.")
    texts = [m.text for m, _ in find_mentions(doc, ontology)]
    assert "Commons transport committee" in texts, texts
