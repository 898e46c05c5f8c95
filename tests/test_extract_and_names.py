"""A name cut at its "and" (kgraph/extract/and_names.py), through find_mentions."""

from __future__ import annotations

import pytest


def _names(doc, ontology) -> list[str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return [m.text for m, _ in find_mentions(doc, ontology) if m.label not in {"pronoun", "description"}]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a body's name, by its head noun: the unlabelled words before "and" are its own
        (
            "The Standards and Privileges Committee will report.",
            [(3, 5, "ORG")],
            ["Standards and Privileges Committee"],
        ),
        # guard: a lower-case word between keeps two names
        (
            "Kellmore Bank and the Privileges Committee will report.",
            [(0, 2, "ORG"), (4, 6, "ORG")],
            ["Kellmore Bank", "Privileges Committee"],
        ),
        # one word the NER made a name of its own between "the" and the "and" before a body's name
        (
            "Dana Kell led the Rural and Coastal Workers Union for years.",
            [(0, 2, "PERSON"), (4, 5, "ORG"), (6, 9, "ORG")],
            ["Dana Kell", "Rural and Coastal Workers Union"],
        ),
        # guard: each with its own "the", two bodies
        (
            "Dana Kell left the Kellmore and the Coastal Workers Union for years.",
            [(0, 2, "PERSON"), (4, 5, "ORG"), (7, 10, "ORG")],
            ["Dana Kell", "Kellmore", "Coastal Workers Union"],
        ),
        # guard: no "the" before the first name, two bodies
        (
            "Dana Kell left Kellmore and Coastal Workers Union for years.",
            [(0, 2, "PERSON"), (3, 4, "ORG"), (5, 8, "ORG")],
            ["Dana Kell", "Kellmore", "Coastal Workers Union"],
        ),
        # a firm of partners the text calls a firm: the NER's two names, or one
        (
            "The accountancy firm Hallam and Croft audited the books.",
            [(3, 4, "ORG"), (5, 6, "ORG")],
            ["Hallam and Croft"],
        ),
        ("The accountancy firm Hallam and Croft audited the books.", [(5, 6, "PERSON")], ["Hallam and Croft"]),
        # guard: "firms", two of them
        (
            "The accountancy firms Hallam and Croft audited the books.",
            [(3, 4, "ORG"), (5, 6, "ORG")],
            ["Hallam", "Croft"],
        ),
        # guard: a document that names one of them alone speaks of two firms
        (
            "The accountancy firm Hallam and Croft audited the books. Croft said so.",
            [(3, 4, "ORG"), (5, 6, "ORG"), (11, 12, "ORG")],
            ["Hallam", "Croft", "Croft"],
        ),
    ],
)
def test_and_names_give_a_cut_name_its_first_words(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    assert _names(parse_with_ents(text, ents), ontology) == expected
