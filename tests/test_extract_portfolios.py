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
        # two names the NER made of one portfolio at its "and", before a title, are the portfolio
        (
            "A spokesman for Kellish Justice and Home Affairs Commissioner Ola Berg said no.",
            [(3, 5, "ORG"), (6, 8, "ORG"), (8, 11, "PERSON")],
            [("Ola Berg", "Person")],
        ),
        # guard: a body's head noun ends the second: a firm and a ministry
        (
            "Kestrel Bank and Home Office Minister Ola Berg met.",
            [(0, 2, "ORG"), (3, 5, "ORG"), (5, 8, "PERSON")],
            [("Kestrel Bank", "Organization"), ("Home Office", "Organization"), ("Ola Berg", "Person")],
        ),
        # guard: no title after the second: two bodies
        (
            "Kellish Justice and Home Affairs officials met.",
            [(0, 2, "ORG"), (3, 5, "ORG")],
            [("Kellish Justice", "Organization"), ("Home Affairs", "Organization")],
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


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a person's name the NER ran into the portfolio keeps its last two words
        (
            "Minister for Work Jane Hollis opened the centre.",
            [(2, 5, "PERSON")],
            [("Jane Hollis", "Person")],
        ),
        # ... or the longer ending the article names as a person elsewhere
        (
            "Minister for Europe Anna Mae Lowe flew out. Anna Mae Lowe said little.",
            [(2, 6, "PERSON"), (9, 12, "PERSON")],
            [("Anna Mae Lowe", "Person"), ("Anna Mae Lowe", "Person")],
        ),
        # guard: three names after "for" without a minister's title stay one person's
        (
            "The prize went for Anna Mae Lowe in the end.",
            [(4, 7, "PERSON")],
            [("Anna Mae Lowe", "Person")],
        ),
    ],
)
def test_person_cut_out_of_a_portfolio(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    assert _names(parse_with_ents(text, ents), ontology) == expected
