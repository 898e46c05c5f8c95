"""kgraph.extract.deal_parties: firms of a deal the NER misses or mistypes, and a list's later items."""

from __future__ import annotations

import pytest


def _types(doc, ontology) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return {m.text: m.type for m, _ in find_mentions(doc, ontology)}


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        ("Dorval Telecom cut its prices.", [(0, 2, "PERSON")], "Dorval Telecom"),
        ("Analysts said Merrow Air would grow.", [(2, 4, "PERSON")], "Merrow Air"),
        ("Profits at Tessel Petroleum rose.", [(2, 4, "GPE")], "Tessel Petroleum"),
    ],
)
def test_a_name_ending_in_a_firms_word_is_an_organisation(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, name
) -> None:
    assert _types(parse_with_ents(text, ents), ontology)[name] == "Organization"


def test_a_name_ending_in_a_firms_word_given_a_form_of_address_stays_a_person(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents
) -> None:
    text = "Jon Air won the race. Mr Air said he was tired."
    types = _types(parse_with_ents(text, [(0, 2, "PERSON"), (6, 8, "PERSON")]), ontology)
    assert types["Jon Air"] == "Person"
    # and a person's title with the word inside names no firm: the name's last word decides
    types = _types(parse_with_ents("Telecom minister Jon Perrow resigned.", [(2, 4, "PERSON")]), ontology)
    assert types["Jon Perrow"] == "Person"


def test_one_word_buying_an_organisation_is_an_organisation(extract_text) -> None:  # type: ignore[no-untyped-def]
    assert ("Vantorix", "acquired", "Dorval Holdings") in extract_text("Vantorix bought Dorval Holdings in May.")
    assert ("Sorvanel", "acquired", "Dorval Holdings") in extract_text("Sorvanel bought Dorval Holdings in May.")
    assert ("Vantorix", "agreedToAcquire", "Dorval Holdings") in extract_text(
        "Vantorix has agreed to buy Dorval Holdings for $2bn."
    )


def test_a_capitalised_common_word_or_a_buyer_of_no_organisation_is_no_buyer(  # type: ignore[no-untyped-def]
    ontology, nlp, parse_with_ents
) -> None:
    from kgraph.extract.mentions import find_mentions

    texts = {m.text for m, _ in find_mentions(nlp("Investors bought Dorval Holdings shares."), ontology)}
    assert "Investors" not in texts
    types = _types(parse_with_ents("Vantorix bought a house.", []), ontology)
    assert "Vantorix" not in types
    # a country buying a firm stays a country
    assert _types(nlp("Norway bought Dorval Holdings in May."), ontology)["Norway"] == "Place"


def test_a_lists_later_item_after_a_description_of_the_first(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Dorval Bank owns Dorval Capital, its investment arm, and the card firm Kestrel Cards.")
    assert ("Dorval Capital", "subsidiaryOf", "Dorval Bank") in found
    assert ("Kestrel Cards", "subsidiaryOf", "Dorval Bank") in found
    # a second noun for the same firm adds none
    found = extract_text("Dorval Bank owns Dorval Capital, its investment arm and biggest unit.")
    assert {t[0] for t in found if t[1] == "subsidiaryOf"} == {"Dorval Capital"}
