"""kgraph.extract.list_items: the items of a list a verb takes that the parser hangs elsewhere."""

from __future__ import annotations


def test_a_conjunct_noun_stands_for_the_name_apposed_to_it(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Vivendi owns the software firm Havas Media and the chip maker Canal Digital.")
    assert ("Havas Media", "subsidiaryOf", "Vivendi") in found
    assert ("Canal Digital", "subsidiaryOf", "Vivendi") in found
    found = extract_text(
        "In March, Deutsche Telekom, which also owns the mobile operator Vodaphonix and the cable firm Kabelnet, "
        "made a bid for Orange."
    )
    assert ("Vodaphonix", "subsidiaryOf", "Deutsche Telekom") in found
    assert ("Kabelnet", "subsidiaryOf", "Deutsche Telekom") in found


def test_a_conjunct_noun_with_no_name_adds_none(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Vivendi owns the software firm Havas Media and a chip plant in Lyon.")
    assert {t[0] for t in found if t[1] == "subsidiaryOf"} == {"Havas Media"}


def test_the_examples_of_a_plural_noun_of_firms(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Vivendi in recent years has also bought firms such as Havas Media and Canal Digital.")
    assert ("Vivendi", "acquired", "Havas Media") in found
    assert ("Vivendi", "acquired", "Canal Digital") in found
    found = extract_text("Siemens owns several firms, including Marconi Systems and Pellam Networks.")
    assert ("Marconi Systems", "subsidiaryOf", "Siemens") in found
    assert ("Pellam Networks", "subsidiaryOf", "Siemens") in found
    # "including" hung on the verb, and the examples as a passive's subject
    found = extract_text("Siemens bought three firms last year, including Marconi Systems and Vodaphonix.")
    assert ("Siemens", "acquired", "Vodaphonix") in found
    found = extract_text("Firms such as Marconi Systems and Vodaphonix were bought by Siemens.")
    assert ("Siemens", "acquired", "Marconi Systems") in found


def test_examples_of_goods_or_a_planned_purchase_are_no_firms_bought(extract_text) -> None:  # type: ignore[no-untyped-def]
    # brands are no kind of organisation: their examples are goods
    found = extract_text("Vivendi owns brands such as Havas Media and Canal Digital.")
    assert not [t for t in found if t[1] == "subsidiaryOf"]
    # "as" without "such" names no examples
    assert not [t for t in extract_text("Vivendi bought firms as investments.") if t[1] == "acquired"]
    # the verb's mood holds for every example: an agreed purchase is not done, a plan agrees nothing
    found = extract_text("Vivendi is set to buy firms such as Havas Media and Canal Digital.")
    assert not [t for t in found if t[1] == "acquired"]
    assert ("Vivendi", "agreedToAcquire", "Canal Digital") in found
    assert not extract_text("Vivendi plans to buy firms such as Havas Media and Canal Digital.")
    assert not extract_text("Siemens did not buy firms such as Marconi Systems and Vodaphonix.")


def test_the_object_of_a_gapped_clause(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Vivendi bought Havas Media in 1998 and Canal Digital in 2003.")
    assert ("Vivendi", "acquired", "Havas Media") in found
    assert ("Vivendi", "acquired", "Canal Digital") in found


def test_a_second_clause_with_a_verb_of_its_own_is_no_gap(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Vivendi bought Havas Media in 1998, and Canal Digital bought Orbis in 2003.")
    assert ("Vivendi", "acquired", "Havas Media") in found
    assert ("Vivendi", "acquired", "Canal Digital") not in found
    assert ("Vivendi", "acquired", "Orbis") not in found

