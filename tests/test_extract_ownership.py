"""Ownership in the rules (ontology/patterns.ttl, kgraph.extract.frames): stakes, owners, parents, "part of"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Holdings owns 10% of Corvane Mining.",
        "Kestrel Holdings controls at least 30% of Corvane Mining.",
        "Kestrel Holdings already holds an interest in Corvane Mining.",
        "Kestrel Holdings bought 15 percent of Corvane Mining last year.",
    ],
)
def test_ownership_a_share_held_is_an_investment(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Kestrel Holdings", "investedIn", "Corvane Mining") in found, found
    # a share is no control: the holder is no parent
    assert not any(p == "subsidiaryOf" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Holdings sold 10% of Corvane Mining.",  # a share given up
        "Kestrel Holdings has expressed interest in Corvane Mining.",  # a wish, no holding
        "Kestrel Holdings plans to buy 10% of Corvane Mining.",  # not yet bought
        "Kestrel Holdings owns 10% of the Corvane market.",  # a share of a market, not of a firm
    ],
)
def test_ownership_a_share_not_held_is_no_investment(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "investedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Corvane Mining's owner, Kestrel Holdings, backed the plan.",
        "Kestrel Holdings, the owner of Corvane Mining, said little.",
        "Kestrel Holdings, the holding company which controls Corvane Mining, said little.",
        "Corvane Mining Corp. is now part of the Australian group Kestrel Holdings.",
        "Corvane Mining became part of Kestrel Holdings in 2003.",
        "Kestrel Holdings owns the Corvane Mining football club.",  # the name on an organisation's noun
        "Orbitel said the Kestrel Holdings-owned Corvane Mining would close.",
        "Kestrel Holdings' Corvane Mining unit was sold last year.",  # the unit's own name before the noun
        "Kestrel Holdings sold its Corvane Mining unit last year.",
    ],
)
def test_ownership_a_firm_owned_by_a_firm_is_its_subsidiary(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    owned = "Corvane Mining Corp." if "Corp." in text else "Corvane Mining"
    assert (owned, "subsidiaryOf", "Kestrel Holdings") in found, found


@pytest.mark.parametrize(
    "text",
    [
        # "as part of" a deal: the deal's party is not the whole
        "Kestrel Holdings sold Corvane Mining as part of its deal with Orbitel Group.",
        "Kestrel Holdings was part of the deal with Orbitel Group.",
        # an alliance's member is no subsidiary
        "Orbitel Airways is part of the Star Alliance.",
    ],
)
def test_ownership_part_of_something_else_is_no_subsidiary(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "subsidiaryOf" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Vidal, who owns Corvane Rovers, said little.",
        "Tomas Vidal, the owner of Corvane Rovers, said little.",
        "Corvane Rovers owner Tomas Vidal said little.",
        "Tomas Vidal, who owns the Corvane Rovers team, said little.",
    ],
)
def test_ownership_a_person_who_owns_a_firm_invested_in_it(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Tomas Vidal", "investedIn", "Corvane Rovers") in found, found
    assert not any(p == "subsidiaryOf" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Vidal, the owner of the Kestrel Hotel, said little.",  # a place
        "Tomas Vidal owns the Corvane Rovers shares.",  # goods named after the firm, not the firm
        "Tomas Vidal owns the Corvane Tower building.",
    ],
)
def test_ownership_what_a_person_owns_is_no_firm(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "investedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kestrel Bank posted a loss on Monday. The German lender said costs had risen.", "Germany"),
        ("Corvane Mining cut 200 jobs. The Italian firm blamed higher fuel prices.", "Italy"),
        ("Kestrel Telecom raised its forecast. The Netherlands-based company sells phones.", "Netherlands"),
    ],
)
def test_ownership_description_with_a_country_says_where_the_firm_is_based(  # type: ignore[no-untyped-def]
    extract_text, text: str, place: str
) -> None:
    found = extract_text(text)
    firm = text.split(" posted")[0].split(" cut")[0].split(" raised")[0]
    assert (firm, "basedIn", place) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # two firms the description may stand for: neither is said to be German
        "Kestrel Bank and Corvane Mining posted losses. The German lender said costs had risen.",
        # no firm referred to
        "Kestrel Bank posted a loss. A German lender said costs had risen.",
        # no firm's noun: a market is no description of the bank
        "Kestrel Bank posted a loss. It blamed the German market.",
    ],
)
def test_ownership_description_with_a_country_needs_its_one_firm(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "basedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a public body with a country's adjective is that country's, not the firm named before
        "Kestrel Bank posted a loss. The German regulator said it would look into the accounts.",
        # a name inside the description: "the Tacoma Falcons American football team" names its own team
        "Kestrel Holdings bought land. It owns the successful Tacoma Falcons American football team based in Oregon.",
    ],
)
def test_ownership_description_of_another_body_says_nothing_of_the_firm(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(s == "Kestrel Bank" and p == "basedIn" for s, p, _ in found), found
    assert not any(s == "Kestrel Holdings" and p == "basedIn" for s, p, _ in found), found


def test_ownership_a_unit_without_its_own_name_is_no_subsidiary(extract_text) -> None:  # type: ignore[no-untyped-def]
    # a common noun before "unit" names what it does, and a title is no unit
    for text in (
        "Kestrel Holdings' mining unit was sold last year.",
        "Kestrel Holdings' Corvane Mining chief executive resigned.",
    ):
        found = extract_text(text)
        assert not any(p == "subsidiaryOf" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Rowan Bank posted a loss. The US lender said costs had risen.",
        "Rowan Bank, the UK lender, posted a loss.",
    ],
)
def test_ownership_a_countrys_short_name_on_a_firms_noun_says_where_it_is_based(  # type: ignore[no-untyped-def]
    extract_text, text: str
) -> None:
    found = extract_text(text)
    place = "US" if "US" in text else "UK"
    assert ("Rowan Bank", "basedIn", place) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Rowan Bank posted a loss. A US lender said costs had risen.",  # no firm referred to
        "Rowan Bank posted a loss. The German-US lender said costs had risen.",  # two countries, another firm
        "Rowan Bank posted a loss. The US regulator said it would look into it.",  # a public body
    ],
)
def test_ownership_a_countrys_short_name_needs_a_definite_firm(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(s == "Rowan Bank" and p == "basedIn" and o == "US" for s, p, o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Holdings' shares in Corvane Mining are worth $2bn.",
        "Kestrel Holdings' shareholding in Corvane Mining was sold last year.",
    ],
)
def test_ownership_shares_a_firm_holds_are_an_investment(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Kestrel Holdings", "investedIn", "Corvane Mining") in found, found


def test_ownership_shares_in_a_market_are_no_investment(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Kestrel Holdings' shares in the Tacoma market fell.")
    assert not any(p == "investedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "body", "owner"),
    [
        (
            "The Kestrel Group's Fisheries Research Agency warned of shortages.",
            "Fisheries Research Agency",
            "Kestrel Group",
        ),
        ("The Pentagon's Harbour Works Office said it had taken over.", "Harbour Works Office", "Pentagon"),
    ],
)
def test_ownership_a_body_named_with_its_organisations_possessive_is_part_of_it(  # type: ignore[no-untyped-def]
    extract_text, text: str, body: str, owner: str
) -> None:
    found = extract_text(text)
    assert (body, "subsidiaryOf", owner) in found, found


def test_ownership_a_possessive_on_a_name_of_no_body_is_no_parent(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the head noun does not say it is a body: the possessive may be a rival, a partner or a client
    found = extract_text("The Kestrel Group's Halvard Mining was fined.")
    assert not any(p == "subsidiaryOf" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kestrel Motors raised its dividend. France's second largest carmaker enjoyed a rise in profits.", "France"),
        ("Kestrel Motors raised its dividend. The UK's biggest carmaker said sales rose.", "UK"),
    ],
)
def test_ownership_a_countrys_possessive_on_a_description_says_where_the_firm_is_based(  # type: ignore[no-untyped-def]
    extract_text, text: str, place: str
) -> None:
    found = extract_text(text)
    assert ("Kestrel Motors", "basedIn", place) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # not the subject opening its sentence: the carmaker meant may be another firm
        "Kestrel Motors raised its dividend. Talks with France's second largest carmaker have stalled.",
        # a public body is the country's own
        "Kestrel Motors raised its dividend. Italy's financial watchdog said it would look into it.",
    ],
)
def test_ownership_a_countrys_possessive_needs_the_description_to_open_its_sentence(  # type: ignore[no-untyped-def]
    extract_text, text: str
) -> None:
    found = extract_text(text)
    assert not any(s == "Kestrel Motors" and p == "basedIn" for s, p, _ in found), found


def test_ownership_a_named_unit_of_a_firm_is_its_subsidiary(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Investors fear the sale of the key Corvane Mining unit of Kestrel Holdings.")
    assert ("Corvane Mining", "subsidiaryOf", "Kestrel Holdings") in found, found
    # a common noun before "unit" names what it does: no unit of its own name
    found = extract_text("Investors fear the sale of the mining unit of Kestrel Holdings.")
    assert not any(p == "subsidiaryOf" for _, p, _ in found), found
