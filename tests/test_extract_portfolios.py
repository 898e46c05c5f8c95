"""A minister's portfolio is no organisation (kgraph/extract/portfolios.py), through find_mentions."""

from __future__ import annotations

import pytest


def _names(doc, ontology) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    found = find_mentions(doc, ontology)

    def inside(span) -> bool:  # type: ignore[no-untyped-def]
        # a country's word inside a body's name ("Germany" of "German Economy Ministry") is no name of its own
        return any(o.start <= span.start and span.end <= o.end and len(o) > len(span) for _, o in found)

    return [
        (m.text, m.type) for m, span in found
        if m.label not in {"pronoun", "description"} and not (m.label == "adjective" and inside(span))
    ]


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


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a field word before a minister's title in lower case is the post's portfolio
        (
            "The grant pleased Arts minister Ola Berg.",
            [(3, 4, "ORG"), (5, 7, "PERSON")],
            [("Ola Berg", "Person")],
        ),
        # ... so are field words joined by "and", and a country's adjective before them
        (
            "Trade and Industry secretary Ola Berg spoke.",
            [(0, 3, "ORG"), (4, 6, "PERSON")],
            [("Ola Berg", "Person")],
        ),
        (
            "The German Economy minister Ola Berg spoke.",
            [(1, 3, "ORG"), (4, 6, "PERSON")],
            [("Germany", "Place"), ("Ola Berg", "Person")],
        ),
        # guard: a body's head noun after the field words names the ministry
        (
            "The German Economy Ministry said no.",
            [(1, 4, "ORG")],
            [("German Economy Ministry", "GovernmentBody")],
        ),
        # guard: a party's name before a minister's title is the party's
        (
            "The plan was drawn up by Labour minister Ola Berg.",
            [(6, 7, "ORG"), (8, 10, "PERSON")],
            [("Labour", "Organization"), ("Ola Berg", "Person")],
        ),
        # guard: a firm's name before another title stays a firm
        (
            "The fund pleased Kestrel chief executive Ola Berg.",
            [(3, 4, "ORG"), (6, 8, "PERSON")],
            [("Kestrel", "Organization"), ("Ola Berg", "Person")],
        ),
    ],
)
def test_field_words_before_a_post_are_a_portfolio(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    assert _names(parse_with_ents(text, ents), ontology) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a title's adjective the NER took for an organisation before a capitalised title is part of the title
        (
            "The speech by Supreme Leader Ola Berg was long.",
            [(3, 4, "ORG"), (5, 7, "PERSON")],
            [("Ola Berg", "Person")],
        ),
        # ... and it is cut off a body's name the NER ran it into before a title
        (
            "The case went to Deputy High Court judge Ola Berg.",
            [(4, 7, "ORG"), (8, 10, "PERSON")],
            [("High Court", "Organization"), ("Ola Berg", "Person")],
        ),
        # ... also where the NER left the words unlabelled and took the title into the person's name
        (
            "The case went to Deputy High Court Judge Ola Berg.",
            [(7, 10, "PERSON")],
            [("High Court", "Organization"), ("Ola Berg", "Person")],
        ),
        # guard: no title after the name: the body's name is whole
        (
            "The Acting Company staged a play in Leeds.",
            [(1, 3, "ORG"), (7, 8, "GPE")],
            [("Acting Company", "Organization"), ("Leeds", "Place")],
        ),
        # guard: a title's word that is no adjective of a title keeps the organisation
        (
            "The deal was agreed by Kestrel Leader Ola Berg.",
            [(5, 6, "ORG"), (7, 9, "PERSON")],
            [("Kestrel", "Organization"), ("Ola Berg", "Person")],
        ),
    ],
)
def test_title_adjectives_are_no_organisations(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    assert _names(parse_with_ents(text, ents), ontology) == expected
