"""kgraph.extract.datelines: datelines and wire source lines at the head of a story."""

from __future__ import annotations

import pytest


def test_datelines_dateline_names_places_and_agency(nlp, ontology, relation_triples) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("KELLMORE, Ostravia (AP) _ Storms closed the harbour on Monday.")
    mentions = find_mentions(doc, ontology)
    types = {m.text: m.type for m, _ in mentions}
    assert types.get("KELLMORE") == "Place" and types.get("Ostravia") == "Place", types
    assert types.get("AP") == "Organization", types
    found = relation_triples(doc, mentions)
    assert ("KELLMORE", "locatedIn", "Ostravia") in found, found


def test_datelines_no_dateline_without_agency(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("NASA said on Monday that the launch was delayed.")
    assert not any(m.label == "dateline" for m, _ in find_mentions(doc, ontology))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm Damage Reported AB1203114594 Kellmore KELLMORE GAZETTE in English 12 Mar 94 p 3",
         ("KELLMORE GAZETTE", "basedIn", "Kellmore")),
        ("CD1708150591 Ostrava Radio Ostrava Network in Czech 1530 GMT 17 Aug 91",
         ("Radio Ostrava Network", "basedIn", "Ostrava")),
        # a hyphen inside the publisher's capitals
        ("LD2206101592 Kellmore KEST-NORD in English 1015 GMT 22 Jun 92", ("KEST-NORD", "basedIn", "Kellmore")),
        # without the wire code: a line that is only the place and the publisher in capitals
        ("Kellmore VECERNI LIST", ("VECERNI LIST", "basedIn", "Kellmore")),
        ("Flooding on the coast\nPort Arlen DAGBLADET NORD\nThe river rose overnight.",
         ("DAGBLADET NORD", "basedIn", "Port Arlen")),
    ],
)
def test_datelines_wire_source_line(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found
    assert not any(o in {"GMT", "English", "Czech"} for _, _, o in found), found


def test_datelines_dateline_without_agency(extract_text) -> None:  # type: ignore[no-untyped-def]
    assert ("MARLOWE", "locatedIn", "Ky.") in extract_text("MARLOWE, Ky.")
    found = extract_text("KESTREL SPRINGS, Calif. -- A fire burned a barn.")
    assert ("KESTREL SPRINGS", "locatedIn", "Calif.") in found
    found = extract_text("NORDWIND, Inc. -- The firm said its sales rose.")
    assert not any(p == "locatedIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HOLTVILLE, Oregon (AP) _ A fire burned two barns on Monday.",
         {("AP", "reportedFrom", "HOLTVILLE"), ("AP", "reportedFrom", "Oregon")}),
        ("(Text) Tallinn, March 3 (ETA) -- The government of Estonia met on Monday.",
         {("ETA", "reportedFrom", "Tallinn")}),
        ("Kaunas, Lithuania, Feb 2 (ELTA) -- Rescuers pulled two hikers from a river on Sunday.",
         {("ELTA", "reportedFrom", "Kaunas"), ("ELTA", "reportedFrom", "Lithuania")}),
    ],
)
def test_datelines_dateline_agency_reported_from(extract_text, text: str, expected: set) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected <= found, found
    assert not any(p == "basedIn" and s in {"AP", "ETA", "ELTA"} for s, p, _ in found), found


def test_datelines_dated_dateline_needs_a_date_and_no_person(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Anna Berg, May 4 (AP) -- said the plan would work.")
    assert not any(p == "reportedFrom" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "SMITH, John",  # a byline
        "MARKETS RALLY, Stocks Climb -- Shares rose on Monday.",  # a headline
        "UPDATE, Tomas Vidal Resigns -- He quit on Monday.",
        "Monday, March 3 (AP) -- The mayor spoke.",  # a weekday is no place
        "STOCKS FALL 5 PCT -- Shares dropped on Monday.",  # no month, no date
    ],
)
def test_datelines_no_dateline_in_bylines_and_headlines(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p in {"locatedIn", "reportedFrom"} for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Tallinn April 25 ETA - The Estonian Parliament voted.",  # a one-hyphen dash
        "\nTallinn April 25 ETA -- The Estonian Parliament voted.",  # white space first
    ],
)
def test_datelines_dated_dateline_variants(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("ETA", "reportedFrom", "Tallinn") in extract_text(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare source line: the broadcaster's name opens with "Radio"
        ("Kellmore Radio Vellan Network", ("Radio Vellan Network", "basedIn", "Kellmore")),
        # a coded source line: the place's name ends in "City"
        ("PA1107052291 Kestrel City Vellan Television in Spanish 2215 GMT 11 Jul 91",
         ("Vellan Television", "basedIn", "Kestrel City")),
    ],
)
def test_datelines_source_lines_of_broadcasters(extract_text, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found
