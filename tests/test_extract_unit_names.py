"""Names that go on in their own noun or their university's name (kgraph/extract/unit_names.py), through
find_mentions."""

from __future__ import annotations

import pytest


def _names(doc, ontology) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return [(m.text, m.type) for m, _ in find_mentions(doc, ontology) if m.label not in {"pronoun", "description"}]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # initials before a lower-case "bank" the article never writes without it end in the noun
        (
            "A KL bank economist, Jon Berg, said demand was weak.",
            [(1, 2, "ORG"), (5, 7, "PERSON")],
            [("KL bank", "Organization"), ("Jon Berg", "Person")],
        ),
        # guard: the article writes the initials alone too: they are the body's name
        (
            "A KL bank economist, Jon Berg, said KL would grow.",
            [(1, 2, "ORG"), (5, 7, "PERSON"), (8, 9, "ORG")],
            [("KL", "Organization"), ("Jon Berg", "Person"), ("KL", "Organization")],
        ),
        # guard: a name that is no initials stays as the NER read it
        (
            "A Kestrel bank economist, Jon Berg, said demand was weak.",
            [(1, 2, "ORG"), (5, 7, "PERSON")],
            [("Kestrel", "Organization"), ("Jon Berg", "Person")],
        ),
        # a university's unit before "at the" and the university's name is one name with it
        (
            "Ann Lee teaches at the Business School at the University of Kellmore.",
            [(0, 2, "PERSON"), (5, 7, "ORG"), (9, 12, "ORG")],
            [("Ann Lee", "Person"), ("Business School at the University of Kellmore", "Organization")],
        ),
        # guard: a unit before another body's name: two names
        (
            "Ann Lee left the Business School for Kellmore University.",
            [(0, 2, "PERSON"), (4, 6, "ORG"), (7, 9, "ORG")],
            [("Ann Lee", "Person"), ("Business School", "Organization"), ("Kellmore University", "Organization")],
        ),
        # guard: a body that is no university's unit before one stays apart
        (
            "Ann Lee of Kestrel Bank at the University of Kellmore spoke.",
            [(0, 2, "PERSON"), (3, 5, "ORG"), (7, 10, "ORG")],
            [("Ann Lee", "Person"), ("Kestrel Bank", "Organization"), ("University of Kellmore", "Organization")],
        ),
    ],
)
def test_names_with_their_nouns(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    assert _names(parse_with_ents(text, ents), ontology) == expected
