"""Units named by extending their parent's name (kgraph/extract/parent_names.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("words", "unit"),
    [
        (["usa"], True),
        (["north", "america"], True),
        (["europe"], True),
        (["capital"], True),
        (["europe", "capital"], True),
        (["group"], False),
        (["holdings"], False),
        (["motors"], False),
        (["of", "norway"], False),
        (["tokyo", "financial", "group"], False),
        ([], False),
    ],
)
def test_parent_names_unit_suffix(ontology, words: list[str], unit: bool) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.parent_names import unit_suffix

    assert unit_suffix(words, ontology) is unit


@pytest.mark.parametrize(
    ("text", "unit", "parent"),
    [
        # a country's name after the parent's whole name
        (
            "Shares in Halvorsen Foods rose 3% after the Norwegian firm reported higher profits. Halvorsen Foods USA,"
            " which sells frozen fish in 30 states, cut 200 jobs.",
            "Halvorsen Foods USA",
            "Halvorsen Foods",
        ),
        # a continent, a region
        (
            "Veltrona said its sales fell in the spring. Veltrona Europe, which makes the firm's vans in Spain, will"
            " close a plant.",
            "Veltrona Europe",
            "Veltrona",
        ),
        (
            "Orvella said sales of its wines rose by 6%. The growth was led by Orvella North America, where sales"
            " rose 12%.",
            "Orvella North America",
            "Orvella",
        ),
        # a unit's word (kgx:UnitNameWord)
        (
            "Shares in Brandtmoor fell 2% on Monday. Brandtmoor Investments manages $40bn of pension funds.",
            "Brandtmoor Investments",
            "Brandtmoor",
        ),
    ],
)
def test_parent_names_a_unit_named_by_its_parents_name(extract_text, text: str, unit: str, parent: str) -> None:  # type: ignore[no-untyped-def]
    assert (unit, "subsidiaryOf", parent) in extract_text(text)


@pytest.mark.parametrize(
    "text",
    [
        # "Group", "Motors": the firm itself or its parent, no unit
        "Shares in Halvorsen Foods rose 3% after the Norwegian firm reported higher profits. Halvorsen Foods Group"
        " chairman Tom Berg said the results were good.",
        "Shares in Brandtmoor fell 2% on Monday. Brandtmoor Motors, its carmaker, said sales fell.",
    ],
)
def test_parent_names_other_words_make_no_unit(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not {r for r in extract_text(text) if r[1] == "subsidiaryOf"}


def test_parent_names_no_unit_of_a_place_or_after_a_preposition(nlp, ontology, parse_with_ents) -> None:  # type: ignore[no-untyped-def]
    """"France Telecom" is no unit of France, "Bank of Sweden" none of "Bank"; "Kellmark Europe" beside the firm
    "Kellmark" is one (the positive case, on the same parse)."""
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    text = "Kellmark, Bank and France Telecom met. Kellmark Europe, Bank of Sweden and France met too."
    # Kellmark 0, Bank 2, France Telecom 4-6; Kellmark Europe 8-10, Bank of Sweden 11-14, France 16
    doc = parse_with_ents(
        text,
        [(0, 1, "ORG"), (2, 3, "ORG"), (4, 6, "ORG"), (8, 10, "ORG"), (11, 14, "ORG"), (16, 17, "GPE")],
    )
    mentions = find_mentions(doc, ontology)
    found = {(r.subject.text, r.object.text) for r in find_relations(doc, mentions, ontology) if r.predicate ==
             "subsidiaryOf"}
    assert found == {("Kellmark Europe", "Kellmark")}


def test_company_names_a_unit_of_a_firm_taken_for_a_person_is_a_firm(parse_with_ents, ontology) -> None:  # type: ignore[no-untyped-def]
    """"Orvella North America", a person's name to the NER, is a firm where the article treats "Orvella" as one;
    "Tom Orvella" is still a person."""
    from kgraph.extract.company_names import company_in_document

    text = "Shares in Orvella rose. Orvella North America and Tom Orvella met."
    doc = parse_with_ents(text, [(2, 3, "ORG"), (5, 8, "PERSON"), (9, 11, "PERSON")])
    _, unit, person = doc.ents
    assert company_in_document(unit, ontology) == "Organization"
    assert company_in_document(person, ontology) is None
