"""A minister's portfolio is no organisation (kgraph/extract/portfolios.py), through find_mentions."""

from __future__ import annotations

import pytest


def _names(doc, ontology) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return [(m.text, m.type) for m, _ in find_mentions(doc, ontology) if m.label not in {"pronoun", "description"}]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the name after a minister's title and "for" is the post's portfolio
        (
            "Minister for Fisheries Ola Berg opened the port.",
            [(2, 3, "ORG"), (3, 5, "PERSON")],
            [("Ola Berg", "Person")],
        ),
        (
            "Ola Berg, the commissioner for Monetary Affairs, spoke.",
            [(0, 2, "PERSON"), (6, 8, "ORG")],
            [("Ola Berg", "Person")],
        ),
        # guard: a body's own name after "for" stays one
        (
            "Minister for the Cabinet Office Ola Berg spoke.",
            [(3, 5, "ORG"), (5, 7, "PERSON")],
            [("Cabinet Office", "Organization"), ("Ola Berg", "Person")],
        ),
        # guard: "for" after another word ("a grant for Fisheries")
        (
            "Ola Berg won a grant for Kestrel Fisheries.",
            [(0, 2, "PERSON"), (6, 8, "ORG")],
            [("Ola Berg", "Person"), ("Kestrel Fisheries", "Organization")],
        ),
    ],
)
def test_portfolios_are_no_organisations(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    assert _names(parse_with_ents(text, ents), ontology) == expected
