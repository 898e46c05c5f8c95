"""Companies named after a country's possessive (kgraph/extract/company_names.py), through find_mentions."""

from __future__ import annotations

import pytest


def _types(doc, ontology) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return {m.text: m.type for m, _ in find_mentions(doc, ontology)}


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # it buys (the verb its clause complements)
        ("Italy's Orvana has agreed to buy 40% of a Chinese brewer.", [(0, 1, "GPE"), (2, 3, "GPE")], "Orvana"),
        # "said it would sell": the company speaks of itself as "it"
        ("Germany's Velbert said it would sell its stake.", [(0, 1, "GPE"), (2, 3, "PERSON")], "Velbert"),
        # the agent of "owned"
        ("The firm, majority-owned by Japan's Tomura, said sales rose.", [(7, 8, "GPE"), (9, 10, "PERSON")], "Tomura"),
        # the object of a takeover
        (
            "Shares in Halden fell on talk of a takeover by France's Marcel Dufay.",
            [(2, 3, "ORG"), (10, 11, "GPE"), (12, 14, "PERSON")],
            "Marcel Dufay",
        ),
        # a list beside organisations' names
        (
            "The deal was opposed by rivals, including Germany's Kestrel Air, Delta and Spain's Elvora.",
            [(8, 9, "GPE"), (10, 12, "ORG"), (13, 14, "ORG"), (15, 16, "GPE"), (17, 18, "PERSON")],
            "Elvora",
        ),
    ],
)
def test_company_names_country_possessive_and_a_firms_words_make_an_organisation(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, name
) -> None:
    assert _types(parse_with_ents(text, ents), ontology)[name] == "Organization"


@pytest.mark.parametrize(
    ("text", "ents", "name", "cls"),
    [
        # nothing a company does: a sportsman stays a person
        (
            "Spain's Rafael Soler won the final in Paris.",
            [(0, 1, "GPE"), (2, 4, "PERSON"), (8, 9, "GPE")],
            "Rafael Soler",
            "Person",
        ),
        # a city in its country stays a place
        ("Japan's Osaka was hit by a storm.", [(0, 1, "GPE"), (2, 3, "GPE")], "Osaka", "Place"),
        # no country's possessive: "Orvana" buys, but nothing here retypes the NER's place
        ("Orvana has agreed to buy 40% of a Chinese brewer.", [(0, 1, "GPE")], "Orvana", "Place"),
        # a list of players: the other organisation-labelled name is itself after a country's possessive
        (
            "Lyon were without Brazil's Tavares and Peru's Julio Ramos Vidal, both called up.",
            [(3, 4, "GPE"), (5, 6, "GPE"), (7, 8, "GPE"), (9, 12, "ORG")],
            "Tavares",
            "Place",
        ),
        # a list with places is a list of places
        (
            "Fighting spread to Russia's Velkan, Moldova and the Kestrel Group.",
            [(3, 4, "GPE"), (5, 6, "GPE"), (7, 8, "GPE"), (10, 12, "ORG")],
            "Velkan",
            "Place",
        ),
    ],
)
def test_company_names_needs_the_country_and_a_firms_words(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, name, cls
) -> None:
    assert _types(parse_with_ents(text, ents), ontology)[name] == cls


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Velbert's profits rose.", "profits", True),  # by the noun's lemma
        ("Velbert's chief executive left.", "executive", True),  # by the noun and the word before it
        ("Velbert's deputy chairman left.", "chairman", False),  # a commission has a deputy chairman too
        ("Velbert's wife left.", "wife", False),
    ],
)
def test_company_names_what_only_a_company_has(nlp, text: str, noun: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.company_names import firms_possession

    doc = nlp(text)
    assert firms_possession(next(t for t in doc if t.text == noun)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares in Tarvik Coal fell sharply.", True),  # the object of a company's noun
        ("Tarvik Coal reported a loss on Monday.", True),  # the subject of a company's deed
        ("Tarvik Coal made a profit on Monday.", True),  # the subject of a verb whose object is a company's
        ("Snow fell across Tarvik Coal yesterday.", False),
    ],
)
def test_company_names_the_words_a_name_hangs_on_say_a_company(nlp, text: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.company_names import names_a_firm

    doc = nlp(text)
    head = next(t for t in doc if t.text == "Coal")
    assert names_a_firm(head) is expected, [(t.text, t.dep_, t.head.text) for t in doc]
