"""kgraph.extract.seat_names: constituencies and peers' titles are places, no employer or home."""

from __future__ import annotations

import pytest


def _types(nlp, ontology, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return {m.text: m.type for m, _ in find_mentions(nlp(text), ontology) if m.label not in {"pronoun", "description"}}


@pytest.mark.parametrize(
    ("text", "seat"),
    [
        ("Tom Ellery, Labour MP for Cardmore North, said the plan would fail.", "Cardmore North"),
        ("He became an MP for his home seat of Westbridge in 1970.", "Westbridge"),
        ("The Westbridge constituency is safe, Tom Ellery of Westbridge said.", "Westbridge"),
        ("The Duke of Westmoor opened the new hospital.", "Westmoor"),
        ("The Queen and Duke of Westmoor said they were very happy.", "Westmoor"),
    ],
)
def test_seat_names_a_seat_or_a_peers_place_is_a_place(nlp, ontology, extract_text, text: str, seat: str) -> None:  # type: ignore[no-untyped-def]
    """ "MP for X", "seat of X", "the X constituency", "the Duke of X" (however the parser hangs "of"): X is a
    place, and no person works for it or lives in it."""
    assert _types(nlp, ontology, text).get(seat) == "Place"
    assert not [r for r in extract_text(text) if r[2] == seat], extract_text(text)


def test_seat_names_a_compass_name_is_a_seat_in_a_document_about_seats(extract_text) -> None:  # type: ignore[no-untyped-def]
    """ "Westbridge North's Tom Ellery" where the document speaks of MPs: the seat is no employer; the same
    words about a firm ("Orbitel's Tom Ellery") still say where he works."""
    seat = extract_text("Westbridge North's Tom Ellery asked the prime minister about schools. He has been an MP "
                        "since 1997.")
    assert not [r for r in seat if r[2] == "Westbridge North"], seat
    firm = extract_text("Orbitel's Tom Ellery asked the prime minister about schools. He has been an MP since 1997.")
    assert ("Tom Ellery", "worksFor", "Orbitel") in firm, firm


def test_seat_names_a_partys_seats_keep_the_party(extract_text) -> None:  # type: ignore[no-untyped-def]
    """ "the Labour constituencies" are the party's seats: Labour stays a party its people are members of."""
    found = extract_text("For the most part the Labour constituencies are safe, Tom Ellery of Labour said.")
    assert ("Tom Ellery", "memberOf", "Labour") in found, found


def test_seat_names_an_article_about_a_parliament_speaks_of_seats(extract_text) -> None:  # type: ignore[no-untyped-def]
    """A compass name in an article about the Commons is a seat; the same name where nothing speaks of a
    parliament keeps the NER's reading."""
    text = "Westbridge North's Tom Ellery asked the prime minister about schools."
    assert not [r for r in extract_text(text + " The Commons was full.") if r[2] == "Westbridge North"]
    assert ("Tom Ellery", "worksFor", "Westbridge North") in extract_text(text)
