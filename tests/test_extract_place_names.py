"""Names typed places by the words around them (kgraph/extract/place_names.py), through find_mentions."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the place-of-origin noun after the name makes it a place, whatever the NER said
        ("Lena Berg, a Duluth native, sang at the opening.", [(0, 2, "PERSON"), (4, 5, "ORG")],
         ("Lena Berg", "livesIn", "Duluth")),
        # a name before ", <place>" that ends the phrase is a place in a "Place, State" list
        ("Camp Orlen, Idaho; and Vellan Field, Tacoma, Wash.", [(0, 2, "ORG"), (3, 4, "GPE")],
         ("Camp Orlen", "locatedIn", "Idaho")),
        # the object of "a native of", "her hometown of" is a place
        ("Lena Berg, a native of Kellmore, sang at the opening.", [(0, 2, "PERSON"), (6, 7, "ORG")],
         ("Lena Berg", "livesIn", "Kellmore")),
        # a place followed by its region stays a place: the apposition after it is about the person
        ("Tomas Vidal, 83, of Port Arlen, Alaska, the last pilot of the old airline, died on Monday.",
         [(0, 2, "PERSON"), (6, 8, "GPE"), (9, 10, "GPE")],
         ("Tomas Vidal", "livesIn", "Port Arlen")),
        # "from" after a person's age gives the home town, and its region after it
        ("Tomas Vidal, 34, from Kellby, Gloucestershire, said he would plead not guilty.",
         [(0, 2, "PERSON"), (6, 7, "ORG"), (8, 9, "ORG")],
         ("Kellby", "locatedIn", "Gloucestershire")),
    ],
)
def test_place_names_place_evidence_retypes_a_name(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, relation_triples, text, ents, expected
) -> None:
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(text, ents)
    mentions = find_mentions(doc, ontology)
    types = {m.text: m.type for m, _ in mentions}
    assert types[expected[2]] == "Place" and types[expected[0]] == ("Person" if expected[1] == "livesIn" else "Place")
    found = relation_triples(doc, mentions)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("The prime minister of Britain, Blair, said so.", [(4, 5, "GPE"), (6, 7, "PERSON")]),
        ("The mayor of Spokane, Vidal, said the city would grow.", [(3, 4, "GPE"), (5, 6, "ORG")]),
    ],
)
def test_place_names_name_after_a_posts_place_holds_the_post(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, relation_triples, text, ents
) -> None:
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(text, ents)
    mentions = find_mentions(doc, ontology)
    holder = doc[ents[1][0]].text
    assert {m.text: m.type for m, _ in mentions}[holder] == "Person"
    assert not [r for r in relation_triples(doc, mentions) if r[1] == "locatedIn"]


def test_place_names_a_place_by_what_it_has(ontology, parse_with_ents, relation_triples) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # the NER's organisation owns a city: it is a place
    doc = parse_with_ents("The flood reached Tacoma, Vellania's third-largest city, on Monday.",
                     [(3, 4, "GPE"), (5, 6, "ORG")])
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert ("Tacoma", "locatedIn", "Vellania") in found, found
    # a street is a place's; a foothill range's name is a place
    doc = parse_with_ents("Kellmore's busiest street was closed for the parade.", [(0, 1, "ORG")])
    assert [m.type for m, _ in find_mentions(doc, ontology)] == ["Place"]
    doc = parse_with_ents("Sheep graze in the Vellan Ridge foothills every summer.", [(4, 6, "ORG")])
    assert [m.type for m, _ in find_mentions(doc, ontology)] == ["Place"]
    # a person has a home state without being a place
    doc = parse_with_ents("With Oregon being Lena Berg's home state, she campaigned hard.",
                     [(1, 2, "GPE"), (3, 5, "PERSON")])
    assert ("Lena Berg", "livesIn", "Oregon") in relation_triples(doc, find_mentions(doc, ontology))


def test_place_names_an_employers_title_does_not_make_a_place(ontology, parse_with_ents, relation_triples) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # "lawyer" names a home ("a Tacoma lawyer") and an employer ("a lawyer at Y"): "at" is no locative here
    doc = parse_with_ents("Tomas Vidal, a lawyer at Kellmore in New York, said so.",
                     [(0, 2, "PERSON"), (6, 7, "ORG"), (8, 10, "GPE")])
    found = relation_triples(doc, find_mentions(doc, ontology))
    assert ("Tomas Vidal", "worksFor", "Kellmore") in found, found
    # (and his desk "at" Kellmore "in New York" is a branch's: no basedIn, kgraph.extract.frames)
    assert ("Kellmore", "basedIn", "New York") not in found, found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a word written as a place before its region is that place where the NER took it for a person
        (
            "Marbury bosses go on trial. The Marbury crash killed four. The line at Marbury, Cheshire, was shut.",
            [(0, 1, "PERSON"), (7, 8, "PERSON"), (15, 16, "GPE"), (17, 18, "GPE")],
            ["Place", "Place", "Place", "Place"],
        ),
        # guard: without the region after it, the text does not say the word is a place everywhere
        (
            "Marbury said no. The line at Marbury was shut.",
            [(0, 1, "PERSON"), (7, 8, "GPE")],
            ["Person", "Place"],
        ),
    ],
)
def test_place_names_place_before_its_region_is_a_place_everywhere(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, expected
) -> None:
    from kgraph.extract.mentions import find_mentions

    found = find_mentions(parse_with_ents(text, ents), ontology, learned=False)  # the repair, without the model
    assert [m.type for m, _ in found if m.label in {"PERSON", "GPE"}] == expected


@pytest.mark.parametrize(
    ("text", "ents", "name", "cls"),
    [
        # a park's kind before "Park" (kgx:CentreUse) makes the name a place, though "park" heads a body's name
        ("Hikers were lost in Kellmore National Park on Sunday.", [(4, 7, "ORG")], "Kellmore National Park", "Place"),
        ("Families queued at the Varden Theme Park in May.", [(4, 7, "ORG")], "Varden Theme Park", "Place"),
        # a park of firms is a body, and so is a centre of research the NER calls one
        ("Kellmore Science Park said rents rose.", [(0, 3, "ORG")], "Kellmore Science Park", "Organization"),
        ("The Orvane Research Centre said rents rose.", [(1, 4, "ORG")], "Orvane Research Centre", "Organization"),
        # any other park is a place (kgx:ParkBodyWord names the bodies' kinds) ...
        ("Fans gathered in Harle Park on Sunday.", [(3, 5, "ORG")], "Harle Park", "Place"),
        ("Kellmore Business Park said rents rose.", [(0, 3, "ORG")], "Kellmore Business Park", "Organization"),
        # ... but a person's surname
        ("Min-jun Park said rents rose.", [(0, 4, "PERSON")], "Min-jun Park", "Person"),
    ],
)
def test_centre_class_a_parks_kind_makes_a_place(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text: str, ents: list[tuple[int, int, str]], name: str, cls: str
) -> None:
    from kgraph.extract.mentions import find_mentions

    types = {m.text: m.type for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
    assert types.get(name) == cls, types


def test_place_names_from_without_an_age_keeps_the_organisation(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, relation_triples
) -> None:
    from kgraph.extract.mentions import find_mentions

    # guard: "from" with no age before it is where a person works ("the age" case above is a home town)
    doc = parse_with_ents("Tomas Vidal from Kestrel Bank said rates would rise.", [(0, 2, "PERSON"), (3, 5, "ORG")])
    mentions = find_mentions(doc, ontology)
    assert {m.text: m.type for m, _ in mentions}["Kestrel Bank"] == "Organization"
    assert ("Tomas Vidal", "worksFor", "Kestrel Bank") in relation_triples(doc, mentions)


def test_place_names_a_later_name_hung_on_an_earlier_age_stays_a_person(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # guard: the parser hangs the list's next person on the first age's "from"; only the name right after
    # "from" is the home town (the positive case: Orvik)
    doc = nlp("The others are auctioneer Anna Berg, 42, from Orvik, near Kellby, point-to-point jockey "
              "Tomas Vidal, 34, from Oslo, and former chef Per Lund, 41.")
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types["Tomas Vidal"] == "Person", types
    assert types["Orvik"] == "Place", types
