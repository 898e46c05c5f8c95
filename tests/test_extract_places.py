"""kgraph.extract.places: place chains, places in brackets and names, and the guards for lists."""

from __future__ import annotations

import pytest


def test_places_dateline_with_apposition_terminates(extract_text) -> None:  # type: ignore[no-untyped-def]
    """A press-release dateline before an apposed company once sent the list counter round forever."""
    import threading

    text = "Rock Creek, Md., May 4, 2023 -- Orbitel Networks Inc. said it will release results."
    result: list[set[tuple[str, str, str]]] = []
    worker = threading.Thread(target=lambda: result.append(extract_text(text)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert result, "extraction did not finish within 20 s"
    assert ("Rock Creek", "locatedIn", "Md.") in result[0], result[0]


def test_places_place_in_name_exceptions(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The Estonian Embassy in Oslo said that Estonia would send aid.")
    assert ("Estonian Embassy", "basedIn", "Estonia") not in found, found
    found = extract_text("The Indian Government met the governor of Indiana on Monday.")
    assert not any(o == "Indiana" and p == "basedIn" for _, p, o in found), found
    # a company's first word may be its own short name
    found = extract_text("In addition, Dakota intends to file reports for Dakota Holding Corporation and Dakota Bank.")
    assert not any(p == "basedIn" for _, p, _ in found), found


def test_places_adjective_in_ic_is_no_place_adjective(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Atlantic Records signed a band from Atlanta.")
    assert not any(p == "basedIn" and o == "Atlanta" for _, p, o in found), found


def test_places_list_of_clubs_is_no_chain_and_a_grand_prix_is_an_event(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Tacoma, Spokane, Kellmore Rangers and other clubs voted for the new rules.")
    assert ("Tacoma", "locatedIn", "Spokane") not in found, found
    for text in ("The Kellmore Grand Prix in Tacoma drew 20,000 fans.",
                 "Lena Berg will race in the Kellmore Grand Prix, held in Tacoma each May."):
        found = extract_text(text)
        assert ("Kellmore Grand Prix", "heldAt", "Tacoma") in found, found


def test_places_team_sheet_is_no_chain_of_places(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.places import _team_sheet

    sheet = nlp("Berg; Vidal, Holm, Lind, Dahl; Kellmore, Tacoma; Orr, Vale, Kent, M Reed (capt); Hale, Cole, Park.")
    assert _team_sheet(list(sheet))
    # a list of addresses keeps its chains
    addresses = nlp("Kellmore Depot, Tacoma, Wash.; Vellan Works, Spokane, Wash.; and Orbitel Yard, Reno, Nev.")
    assert not _team_sheet(list(addresses))


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a place in brackets after a company, or after the noun describing it
        ("Lena Berg is president of Kestrel Drilling, a drilling firm (Tacoma, Washington).",
         ("Kestrel Drilling", "basedIn", "Tacoma"), None),
        ("Orbitel Labs (Tacoma) sold shares.", ("Orbitel Labs", "basedIn", "Tacoma"), None),
        # a bracket inside a name is no place of it
        ("One of our subsidiaries, Orbitel (UK) Limited, bought software.", None, ("Orbitel", "basedIn", "UK")),
    ],
)
def test_places_place_in_brackets(extract_text, text: str, expected, absent) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected is None or expected in found, found
    assert absent is None or absent not in found, found


@pytest.mark.parametrize(
    "text",
    ["The tour took the choir to Oslo, Bergen, Lima, even Quito.", "The firm has offices in Tacoma, Spokane, Boise."],
)
def test_places_list_without_and_stays_a_list(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # a "Place, Place" pair the parser calls conjuncts with no "and" is a chain; a list of three or more
    # without "and" is still a list
    found = extract_text(text)
    assert not any(p == "locatedIn" for _, p, _ in found), found
    assert ("Tacoma", "locatedIn", "Washington") in extract_text("The firm has an office in Tacoma, Washington.")


def test_places_place_set_off_by_commas_and_a_list_of_three_places(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The choir sang at the Kellmore Hall, in Tacoma, last Friday.")
    assert ("Kellmore Hall", "locatedIn", "Tacoma") in found, found
    found = extract_text("Power cuts hit Tacoma, Fort Vellan, Spokane and parts of Kellmore County.")
    assert ("Tacoma", "locatedIn", "Fort Vellan") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        # a list of countries without "and", which reads like "Town, State"
        "Staff from Sri Lanka, Peru, Jamaica joined the team this year.",
        '"Thanks to the nurses from New Zealand, Ghana, Peru, who keep our wards open," he said.',
    ],
)
def test_places_a_country_lies_in_no_other_country(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[1] == "locatedIn"], found


def test_places_a_place_in_a_country_still_lies_there(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The clinic opened in Kingston, Jamaica, last spring.")
    assert ("Kingston", "locatedIn", "Jamaica") in found, found
    # a state in a region
    assert ("Oman", "locatedIn", "Gulf") in extract_text("Oman, in the Gulf, signed the deal on Monday.")


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        ("Norvex operates the Madrid, Brussels, Lisbon and Paris exchanges.", None),
        ("Norvex runs the Madrid, Brussels, Lisbon or Paris markets, its filing says.", None),
        # a town and its state are a chain
        ("Norvex opened a plant in Salem, Oregon, last year.", ("Salem", "locatedIn", "Oregon")),
        # and before ", and" in a list
        ("In Leeds, Dale County, Fla., and Bath, teachers went on strike.", ("Dale County", "locatedIn", "Fla.")),
    ],
)
def test_places_a_closed_list_of_places_is_no_chain(extract_text, text: str, chain) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    if chain is not None:
        assert chain in found, found
    assert not [f for f in found if f[1] == "locatedIn" and f != chain], found


def test_places_a_list_of_name_in_place_items_keeps_each_place_its_own(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "The group owns stadiums at Elmfield in London, Crossway in Manchester, Perry Hill and Marsh End in "
        "Birmingham, Oxford and Portsmouth."
    )
    assert ("Marsh End", "basedIn", "Birmingham") in found, found
    assert ("Crossway", "locatedIn", "Manchester") in found, found
    assert not [f for f in found if f[0] == "Marsh End" and f[2] in {"Oxford", "Portsmouth"}], found


def test_places_chain_skips_a_place_naming_a_persons_post(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Talks were held in Bergen, Norway Secretary Anna Berg and Lars Holm said.")
    assert ("Bergen", "locatedIn", "Norway") not in found, found
    # a place after the comma that names no post is still the region
    found = extract_text("The plant in Bergen, Norway, closed as Lars Holm, the Norway Secretary, said.")
    assert ("Bergen", "locatedIn", "Norway") in found, found


def test_places_a_named_part_of_a_country_is_in_the_country(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "the Telemark region of Norway": the name before the noun names the region, which is in the country
    found = extract_text("Aid is going to the Telemark region of Norway and to Sweden.")
    assert ("Norway", "locatedIn", "Telemark") not in found, found
    # a name after "of" that is no country is the noun's own: "the Oregon city of Bellport"
    found = extract_text("The plant is in the Oregon city of Bellport.")
    assert ("Bellport", "locatedIn", "Oregon") in found, found


def test_places_names_before_a_plural_noun_are_a_list(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "the Oslo, Bergen and Stockholm exchanges": three exchanges, not Oslo in Bergen
    found = extract_text("Kestrel - formed after the Oslo, Bergen and Stockholm exchanges merged - is hiring.")
    assert ("Oslo", "locatedIn", "Bergen") not in found, found
    # a town and its state before a singular noun stay a chain
    found = extract_text("Kestrel closed its Bellport, Oregon plant and its Spokane office.")
    assert ("Bellport", "locatedIn", "Oregon") in found, found


def test_places_a_country_lies_in_no_town(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "across the country in Bergen and Trondheim": the towns are in the country, not the country in them
    found = extract_text("Norway has forty engineers working across the country in Bergen and Trondheim.")
    assert not any(p == "locatedIn" and o in {"Bergen", "Trondheim"} for _, p, o in found), found
    # a region may hold a country
    found = extract_text("Estonia is a small country in the Baltics.")
    assert ("Estonia", "locatedIn", "Baltics") in found, found
