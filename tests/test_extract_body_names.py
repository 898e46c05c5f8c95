"""A body's name that holds an "of" (kgraph/extract/body_names.py), through find_mentions."""

from __future__ import annotations

import pytest


def _names(doc, ontology) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # (a country's word inside a body's name, "Wales" of "Kellish Council of Wales", is no name of its own)
    unnamed = {"pronoun", "description", "adjective"}
    return [(m.text, m.type) for m, _ in find_mentions(doc, ontology) if m.label not in unnamed]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the NER cut the name before "of" and took the place after it for a name of its own
        (
            "The Kellish Council of Wales said the plan was unfair.",
            [(1, 3, "ORG"), (4, 5, "GPE")],
            [("Kellish Council of Wales", "Organization")],
        ),
        # ... or found only the place: the capitalised words before the head noun open the name
        (
            "Nominees for the Painters Guild of Great Britain awards were named.",
            [(6, 8, "GPE")],
            [("Painters Guild of Great Britain", "Organization")],
        ),
        # ... or only the words after "of"
        (
            "Officials at the Department of Fisheries met on Friday.",
            [(5, 6, "ORG")],
            [("Department of Fisheries", "GovernmentBody")],
        ),
        # guard: a firm's words before "of" ("Bank") keep the firm and where it is apart
        (
            "Kestrel Bank of Oslo said profits rose.",
            [(0, 2, "ORG"), (3, 4, "GPE")],
            [("Kestrel Bank", "Organization"), ("Oslo", "Place")],
        ),
        # guard: a comma sets the place apart
        (
            "The Kellish Council, of Wales, said the plan was unfair.",
            [(1, 3, "ORG"), (5, 6, "GPE")],
            [("Kellish Council", "Organization"), ("Wales", "Place")],
        ),
        # guard: a possessive inside the name after "of" is beyond this repair
        (
            "The Association of Kellmore's Traders met.",
            [(3, 4, "GPE")],
            [("Kellmore", "Place")],
        ),
    ],
)
def test_body_names_join_a_body_of_a_name(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    assert _names(parse_with_ents(text, ents), ontology) == expected


def test_body_names_the_heads_are_the_ontology_list(ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.body_names import body_heads

    heads = body_heads(ontology)
    assert {"council", "guild", "department"} <= heads
    assert "bank" not in heads and "inc." not in heads


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a country's name of the NER's before a court's is its first word
        (
            "A ruling by the US District Court went against Orbix.",
            [(4, 5, "GPE"), (5, 7, "ORG")],
            ["US District Court"],
        ),
        # guard: a town's name before the court is its own
        (
            "A ruling by the Velland District Court went against Orbix.",
            [(4, 5, "GPE"), (5, 7, "ORG")],
            ["Velland", "District Court"],
        ),
    ],
)
def test_body_names_a_country_opens_its_court(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    assert [name for name, _ in _names(parse_with_ents(text, ents), ontology) if name != "Orbix"] == expected
