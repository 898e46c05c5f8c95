"""kgraph.extract.country_mentions: the country's mention a country's word makes beside a name or a title."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        # the NER's person: "Sri Lankan" before a title
        ("Sri Lankan Prime Minister Ravi Perera said aid was arriving.", [(0, 2, "PERSON"), (4, 6, "PERSON")]),
        # ... its organisation
        ("Talks were led by Sri Lankan Finance Minister Ravi Perera and others.", [(4, 6, "ORG"), (8, 10, "PERSON")]),
        # ... no name at all, left to the pass over unlabelled capitalised words (the title cut off the person's)
        ("Sri Lankan President Ravi Perera met donors in Colombo.", [(2, 5, "PERSON"), (8, 9, "GPE")]),
        ("Sri Lankan President Ravi Perera met donors in Colombo.", [(0, 2, "PERSON"), (2, 5, "PERSON")]),
    ],
)
def test_country_mentions_a_two_word_adjective_is_no_name(parse_with_ents, ontology, text: str, ents) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    found = [(m.text, m.type, m.label) for m, _ in find_mentions(parse_with_ents(text, ents), ontology)]
    assert ("Sri Lanka", "Place", "adjective") in found
    assert ("Ravi Perera", "Person", "PERSON") in found
    assert not [m for m in found if "Lankan" in m[0]]


def test_country_mentions_a_name_the_adjective_opens_stays_whole(parse_with_ents, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents("Sri Lankan Airlines said profits rose.", [(0, 3, "ORG")])
    found = [(m.text, m.type) for m, _ in find_mentions(doc, ontology)]
    assert ("Sri Lankan Airlines", "Organization") in found


def test_country_mentions_a_two_word_person_name_stays_a_person(parse_with_ents, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # a person's two words, after a title, beside the adjective's: only the adjective is no name
    doc = parse_with_ents("South Korean Trade Minister Lee Hoon met Kwan Seong.", [(0, 2, "PERSON"), (4, 6, "PERSON"),
                                                                                   (7, 9, "PERSON")])
    found = [(m.text, m.type) for m, _ in find_mentions(doc, ontology)]
    assert ("Lee Hoon", "Person") in found and ("Kwan Seong", "Person") in found
    assert ("South Korea", "Place") in found and ("South Korean", "Person") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sri Lankan Prime Minister Ravi Perera said aid was arriving.",
         {("Ravi Perera", "holdsOfficeIn", "Sri Lanka"), ("Ravi Perera", "nationality", "Sri Lanka")}),
        ("Talks were led by Sri Lankan Finance Minister Ravi Perera and others.",
         {("Ravi Perera", "holdsOfficeIn", "Sri Lanka"), ("Ravi Perera", "nationality", "Sri Lanka")}),
    ],
)
def test_country_mentions_a_two_word_adjective_gives_the_office_and_nationality(
    extract_text, text: str, expected: set[tuple[str, str, str]]
) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected <= found
    assert not [r for r in found if "Sri Lankan" in (r[0], r[2])]
