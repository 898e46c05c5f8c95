"""A firm's name the NER split before a word it took for a person's or a product's (kgraph/extract/split_names.py),
through find_mentions."""

from __future__ import annotations

import pytest


def _names(doc, ontology) -> list[str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return [m.text for m, _ in find_mentions(doc, ontology) if m.label not in {"pronoun", "description"}]


_WHOLE_ELSEWHERE = "Kellworth Marlow won the contract. Rivals sued Kellworth Marlow in May."


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the second word tagged a product, written nowhere else: one firm's name
        (
            "Orbix and Kellworth Marlow signed a deal.",
            [(0, 1, "ORG"), (2, 3, "ORG"), (3, 4, "PRODUCT")],
            ["Orbix", "Kellworth Marlow"],
        ),
        # ... and tagged a person's name
        (
            "Orbix was sued by Kellworth Marlow last year.",
            [(0, 1, "ORG"), (4, 5, "ORG"), (5, 6, "PERSON")],
            ["Orbix", "Kellworth Marlow"],
        ),
        # the article writes the whole name as one organisation's elsewhere
        (_WHOLE_ELSEWHERE, [(0, 2, "ORG"), (8, 9, "ORG"), (9, 10, "PERSON")], ["Kellworth Marlow", "Kellworth Marlow"]),
    ],
    ids=["product", "person", "whole-elsewhere"],
)
def test_split_names_a_firms_name_split_by_the_ner_is_one(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, expected
) -> None:
    assert _names(parse_with_ents(text, ents), ontology) == expected


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # "the" before the pair: a model of the firm's, a product
        ("Drivers praised the Kellworth Marlow last year.", [(3, 4, "ORG"), (4, 5, "PRODUCT")]),
        # the second word written alone elsewhere: a name of its own
        ("Orbix sells the Kellworth Marlow. The Marlow costs $900.", [(0, 1, "ORG"), (3, 4, "ORG"), (4, 5, "PRODUCT")]),
        # a model's number: no word of a firm's name
        ("Orbix bought ten Kellworth K320 jets.", [(0, 1, "ORG"), (3, 4, "ORG"), (4, 5, "PRODUCT")]),
    ],
    ids=["determiner", "written-alone", "number"],
)
def test_split_names_a_product_after_a_firm_stays_apart(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents
) -> None:
    names = _names(parse_with_ents(text, ents), ontology)
    assert not any(" " in name and name.startswith("Kellworth") for name in names), names
