"""kgraph.extract.described_lists: each firm a country-qualified plural description lists is based in the
country."""

from __future__ import annotations

import pytest

_FIRMS = ("Pellam Stores", "Corvane Group", "Orbix Inc")


@pytest.mark.parametrize(
    "text",
    [
        "US retailers such as Pellam Stores, Corvane Group and Orbix Inc reported weak sales.",
        "US retailers, including Pellam Stores, Corvane Group and Orbix Inc, reported weak sales.",
        "Big US firms like Pellam Stores, Corvane Group and Orbix Inc reported weak sales.",
    ],
)
def test_described_lists_each_example_is_based_in_the_country(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    for name in _FIRMS:
        assert (name, "basedIn", "US") in found, found


def test_described_lists_a_countrys_adjective_on_the_plural_noun(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the adjective is kept as the country's mention because the noun lists firms
    found = extract_text("German firms including Pellam AG and Corvane AG want lower taxes.")
    assert ("Pellam AG", "basedIn", "Germany") in found, found
    assert ("Corvane AG", "basedIn", "Germany") in found, found


def test_described_lists_no_country_no_base(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the same list after a noun no country's word describes: nothing to read (the positive case is above)
    found = extract_text("Retailers such as Pellam Stores and Corvane Group reported weak sales.")
    assert not any(p == "basedIn" for _, p, _ in found), found


def test_described_lists_people_listed_are_no_firms(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("US retailers such as Mira Soto and Dana Kell spoke at the meeting.")
    assert not any(s in {"Mira Soto", "Dana Kell"} and o == "US" for s, _, o in found), found
    # the positive case: firms in the same place
    found = extract_text("US retailers such as Pellam Stores and Corvane Group spoke at the meeting.")
    assert ("Corvane Group", "basedIn", "US") in found, found


def test_described_lists_places_listed_are_no_firms(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("European markets such as France and Spain grew last year.")
    assert not any(p == "basedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The rivals of US retailers such as Pellam Stores and Corvane Group cut prices.",
        "Sales to US retailers such as Pellam Stores and Corvane Group fell.",
    ],
)
def test_described_lists_the_noun_inside_a_phrase_still_describes_its_examples(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Pellam Stores", "basedIn", "US") in found, found
    assert ("Corvane Group", "basedIn", "US") in found, found
    assert len([r for r in found if r[1] == "basedIn"]) == 2, found


def test_described_lists_buyers_are_no_firms_kind(extract_text) -> None:  # type: ignore[no-untyped-def]
    # a buyer is a firm's role in a sale, not its kind: no base read (retailers: the test above)
    found = extract_text("Exports to US buyers such as Pellam Stores and Corvane Group fell.")
    assert not any(p == "basedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "firm", "place"),
    [
        ("The German arm, Oppelt AG, lost money last year.", "Oppelt AG", "Germany"),
        ("Corvane Motors said its German arm, Oppelt AG, lost money.", "Oppelt AG", "Germany"),
        ("Corvane Motors' European units Pellam and Orbix made losses.", "Orbix", "Europe"),
    ],
)
def test_described_lists_a_country_on_a_firms_part(extract_text, text: str, firm: str, place: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (firm, "basedIn", place) in found, found


def test_described_lists_a_part_without_a_country(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "investment arm": no country's word, no base (the positive case is above)
    found = extract_text("Corvane Motors said its investment arm, Oppelt AG, lost money.")
    assert not any(p == "basedIn" for _, p, _ in found), found


def test_described_lists_as_without_such_lists_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.described_lists import examples

    doc = nlp("Kestrel bought firms such as Pellam and Corvane.")
    firms = next(t for t in doc if t.lower_ == "firms")
    assert [t.text for t in examples(firms)] == ["Pellam", "Corvane"]
    doc = nlp("Kestrel bought the firms as investments.")
    firms = next(t for t in doc if t.lower_ == "firms")
    assert examples(firms) == []


def test_described_lists_a_places_possessive_describes_the_noun(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Britain's biggest retailers, such as Pellam Stores and Corvane Group, had a good Christmas.")
    assert ("Pellam Stores", "basedIn", "Britain") in found, found
    assert ("Corvane Group", "basedIn", "Britain") in found, found


@pytest.mark.parametrize(("noun", "listed"), [("retailers", ["Vale"]), ("regions", []), ("labels", [])])
def test_described_lists_a_noun_of_no_firms_kind_lists_none(nlp, ontology, noun: str, listed: list[str]) -> None:  # type: ignore[no-untyped-def]
    # the same list after a noun of no firm's kind ("regions", "labels": brands) lists no firm, whatever the NER
    # calls its names (here every proper noun is taken for a firm)
    from kgraph.extract.countries import organisation_descriptors
    from kgraph.extract.described_lists import listed_firms

    doc = nlp(f"Britain's oldest {noun}, such as Pellam Vale, have found it hard to invest.")
    head = next(t for t in doc if t.lower_ == noun)
    kinds = organisation_descriptors(ontology) | ontology.words("RivalNoun")
    found = listed_firms(head, kinds, lambda t: t.pos_ == "PROPN", lambda t: t.text == "Britain")
    assert [t.text for t in found] == listed


def test_described_lists_a_list_apposed_whose_first_item_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # the NER may miss the first item of "units A and B": B, a firm's name, still makes the noun a list of firms
    from kgraph.extract.described_lists import lists_firms

    doc = nlp("For its part, Corvane Motors' European units Opelta and Pellam Cars have both had trouble.")
    units = next(t for t in doc if t.lower_ == "units")
    second = {t.i for t in doc if t.text in {"Pellam", "Cars"}}
    assert lists_firms(units, second)
    assert not lists_firms(units, set())
    doc = nlp("For its part, Corvane Motors' European unit Opelta and Pellam Cars have both had trouble.")
    unit = next(t for t in doc if t.lower_ == "unit")
    assert not lists_firms(unit, {t.i for t in doc if t.text in {"Pellam", "Cars"}})
