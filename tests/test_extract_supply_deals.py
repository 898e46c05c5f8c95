"""kgraph.extract.supply_deals: an order or a sale of goods between two firms is an agreement between them."""

from __future__ import annotations

import pytest


def _agreed(found: set[tuple[str, str, str]], a: str, b: str) -> bool:
    return (a, "hasAgreementWith", b) in found or (b, "hasAgreementWith", a) in found


@pytest.mark.parametrize(
    ("text", "buyer", "seller"),
    [
        # the seller after "with", hung on the goods
        ("Korvia Airways has placed a firm order for 20 jets with Halden Aerospace.", "Korvia Airways",
         "Halden Aerospace"),
        # a verb of buying with "from", the deal announced ("will buy")
        ("Korvia Airways will buy 10 A350s from Halden Aerospace.", "Korvia Airways", "Halden Aerospace"),
        # the maker named on the goods
        ("Jetwell builds jets in Bergen. Korvia Airways has ordered 30 Jetwell A320 planes.", "Korvia Airways",
         "Jetwell"),
        ("Jetwell builds jets in Bergen. Pellam Air signed a deal to buy 12 Jetwell A350s.", "Pellam Air", "Jetwell"),
        # a sale of goods to a buyer, the seller the noun's possessor or the subject of its verb
        ("Halden Aerospace confirmed the sale of 10 737-800s to Korvia Airways.", "Korvia Airways",
         "Halden Aerospace"),
        ("Halden Aerospace's sale of 10 jets to Korvia Airways was agreed last week.", "Korvia Airways",
         "Halden Aerospace"),
        # a verb of supplying: the buyer its object, or after "to"
        ("Halden Aerospace has struck a deal to supply Korvia Airways with 300 engines.", "Korvia Airways",
         "Halden Aerospace"),
        ("Halden Aerospace will supply 40 engines to Korvia Airways.", "Korvia Airways", "Halden Aerospace"),
        ("Halden Aerospace is to supply Korvia Airways with up to 50 of its new jets.", "Korvia Airways",
         "Halden Aerospace"),
        # the buyer the order's possessor, the seller the goods'
        ("Jetwell builds jets in Bergen. Korvia Airways's order for Jetwell's jets was worth $2bn.", "Korvia Airways",
         "Jetwell"),
        # a verb of winning an order: its subject is the seller, "from" the buyer
        ("Halden Aerospace has won an order for 20 jets from Korvia Airways.", "Korvia Airways", "Halden Aerospace"),
    ],
)
def test_supply_deals_an_order_or_sale_of_goods_is_an_agreement(extract_text, text, buyer, seller) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert _agreed(found, buyer, seller), found


@pytest.mark.parametrize(
    "text",
    [
        # hoped for or talked about (the positive case: "Korvia Airways will buy 10 A350s from Halden Aerospace.")
        "Korvia Airways is in talks to order 20 jets from Halden Aerospace.",
        "Korvia Airways could order 20 jets from Halden Aerospace.",
        "Korvia Airways may buy 10 A350s from Halden Aerospace.",
        # an order undone (the positive case: "Korvia Airways has placed a firm order for 20 jets with ...")
        "Korvia Airways has cancelled its order for 20 jets with Halden Aerospace.",
        # a sale of a unit or a stake is no supply of goods (the positive case: "the sale of 10 737-800s to ...")
        "Halden Aerospace confirmed the sale of its Bergen unit to Korvia Airways.",
    ],
)
def test_supply_deals_an_order_not_stated_is_no_agreement(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not _agreed(found, "Korvia Airways", "Halden Aerospace"), found


def test_supply_deals_a_share_purchase_stays_an_investment(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "bought a 10% stake in": an investment, no contract for goods (the positive case: "will buy 10 A350s from")
    found = extract_text("Korvia Airways bought a 10% stake in Halden Aerospace.")
    assert ("Korvia Airways", "investedIn", "Halden Aerospace") in found, found
    assert not _agreed(found, "Korvia Airways", "Halden Aerospace"), found


def test_supply_deals_shoppers_buying_a_makers_goods_make_no_agreement(extract_text) -> None:  # type: ignore[no-untyped-def]
    # people buying a firm's goods at a shop name no buying firm (the positive case: "Korvia Airways has ordered
    # 30 Jetwell A320 planes")
    found = extract_text("Jetwell makes phones in Bergen. Shoppers bought Jetwell phones at Tesco.")
    assert not [f for f in found if f[1] == "hasAgreementWith"], found
