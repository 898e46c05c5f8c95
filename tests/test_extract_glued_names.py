"""Words the NER glued onto a name or split off one (kgraph/extract/glued_names.py), through find_mentions."""

from __future__ import annotations

import pytest


def _names(doc, ontology) -> list[str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    skipped = {"pronoun", "description", "adjective"}
    return [m.text for m, _ in find_mentions(doc, ontology) if m.label not in skipped]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a list read as one name is its items
        (
            "The fund bought shares in Kestrel, Orbix and Velland.",
            [(5, 8, "ORG"), (9, 10, "ORG")],
            ["Kestrel", "Orbix", "Velland"],
        ),
        # a party's word glued to a parliament's name is the party; the parliament is a name of its own
        ("SNP Holyrood leader Anna Kerr spoke.", [(0, 2, "ORG"), (3, 5, "PERSON")], ["SNP", "Holyrood", "Anna Kerr"]),
        (
            "Harbour Party Holyrood leader Anna Kerr spoke.",
            [(0, 3, "ORG"), (4, 6, "PERSON")],
            ["Harbour Party", "Holyrood", "Anna Kerr"],
        ),
        # guard: a parliament word after a name that is no party's stays in the name
        ("Kestrel Senate chairman Lee Ash spoke.", [(0, 2, "ORG"), (3, 5, "PERSON")], ["Kestrel Senate", "Lee Ash"]),
        # guard: a company's suffix after the comma is the firm's own
        ("Analysts at Kestrel, Inc. agreed.", [(2, 5, "ORG")], ["Kestrel, Inc."]),
        # guard: the words go on past the name with "and" (a title the NER cut)
        ("Fans of Kestrel, Orbix and Two Green Lamps queued.", [(2, 5, "ORG")], ["Kestrel, Orbix"]),
        # a verb's "-ing" form opening the sentence is no part of the name
        (
            "Praising Kestrel and Velland for their work, he left.",
            [(0, 2, "PERSON"), (3, 4, "GPE")],
            ["Kestrel", "Velland"],
        ),
        # guard: not before a head noun that says the name's kind
        ("Racing Club won again.", [(0, 2, "ORG")], ["Racing Club"]),
        # an organisation's name opening a sentence, written only there, the rest written elsewhere
        (
            "Senior Kestrel Bank staff resigned. The board of Kestrel Bank met.",
            [(0, 3, "ORG"), (9, 11, "ORG")],
            ["Kestrel Bank", "Kestrel Bank"],
        ),
        # guard: nowhere else, the first word may be the name's own
        ("Senior Kestrel Bank staff resigned.", [(0, 3, "ORG")], ["Senior Kestrel Bank"]),
        # a compass word before a place's name is its first word ...
        ("Sales to South East Asia rose.", [(2, 4, "LOC"), (4, 5, "LOC")], ["South East Asia"]),
        # ... and before a country's adjective no place of its own
        ("He toured South East Asian countries.", [(2, 4, "LOC"), (4, 5, "NORP")], []),
        # guard: a region of its own stays one
        ("Prices in the North East rose.", [(3, 5, "LOC")], ["North East"]),
        # a list of three places read as one name is its items ...
        ("Nurses came from Ghana, Peru, Jamaica.", [(3, 8, "GPE")], ["Ghana", "Peru", "Jamaica"]),
        # ... and so is a place and where it is, which a tuned NER may write as one ("Town, State"): two places,
        # as kgraph writes them (the place chain then says the first lies in the second)
        ("She was born in Bellport, Oregon.", [(4, 7, "GPE")], ["Bellport", "Oregon"]),
        # a plural demonym glued before a person's name is no part of it ...
        (
            "Irishmen PJ Dunleavy and Liam Corcoran own a stake.",
            [(0, 3, "ORG"), (4, 6, "PERSON")],
            ["PJ Dunleavy", "Liam Corcoran"],
        ),
        ("The deal was praised by fellow Britons Tom Hartley.", [(6, 9, "PERSON")], ["Tom Hartley"]),
        # ... guard: a plural that names no people of a country stays in the name
        ("Friends Provident Life paid out.", [(0, 3, "ORG")], ["Friends Provident Life"]),
        # a body's name cut before its "for the ..." phrase runs to the phrase's last capitalised word ...
        (
            "Anna Keller heads the UN Office for the Coordination of Maritime Affairs.",
            [(0, 2, "PERSON"), (4, 6, "ORG"), (8, 12, "ORG")],
            ["Anna Keller", "UN Office for the Coordination of Maritime Affairs"],
        ),
        # ... guard: not into a "for" phrase with nothing capitalised
        ("She worked at the UN Office for two years.", [(4, 6, "ORG")], ["UN Office"]),
        # a body's name the NER left unlabelled, or cut to its "for" phrase's words, opening a sentence ...
        (
            "Commission for Fair Trade chairman Anna Berg said prices fell.",
            [(2, 4, "ORG"), (5, 7, "PERSON")],
            ["Commission for Fair Trade", "Anna Berg"],
        ),
        (
            "Commission for Fair Trade chairman Anna Berg said prices fell.",
            [(5, 7, "PERSON")],
            ["Commission for Fair Trade", "Anna Berg"],
        ),
        # ... guard: not before a lower-case word nor a person's name
        ("The Commission for once agreed with Anna Berg.", [(6, 8, "PERSON")], ["Anna Berg"]),
        ("Money went to a Trust for Anna Berg.", [(6, 8, "PERSON")], ["Anna Berg"]),
        # a name starts after a closing bracket it did not open ...
        (
            "The probe was built at the agency's (Nasa) Lindqvist Research Center.",
            [(9, 14, "ORG")],
            ["Lindqvist Research Center"],
        ),
        # ... guard: a bracket opened inside the name stays
        ("It met Kestrel Holdings (UK) Research.", [(2, 8, "ORG")], ["Kestrel Holdings (UK) Research"]),
        # the "for" phrase without "the" after a foundation's name ...
        (
            "Staff of the Kellmore Foundation for Southern Grasslands met.",
            [(3, 5, "ORG")],
            ["Kellmore Foundation for Southern Grasslands"],
        ),
        # ... guard: not into a "for" phrase with nothing capitalised
        ("She gave to the Kellmore Foundation for years.", [(4, 6, "ORG")], ["Kellmore Foundation"]),
        # a venue's name runs on through "'s in the" and a place's name before a venue's noun ...
        (
            "The deal includes the nearby Kellan's in the Mall restaurant.",
            [(5, 6, "ORG"), (9, 10, "GPE")],
            ["Kellan's in the Mall"],
        ),
        # ... guard: no venue's noun after the place
        ("She ate at Kellan's in the Mall on Friday.", [(3, 4, "ORG"), (7, 8, "GPE")], ["Kellan's", "Mall"]),
        # a firm's kind before a name spelt like a brand is no part of it ...
        (
            "Tom Ward, managing director of ISP Netkell2go said so.",
            [(0, 2, "PERSON"), (6, 8, "ORG")],
            ["Tom Ward", "Netkell2go"],
        ),
        # ... guard: not before an ordinary capitalised word
        ("Shares in ISP Holdings fell.", [(2, 4, "ORG")], ["ISP Holdings"]),
        # a list of bodies is its items though one has an "of" inside ...
        (
            "Seats went to members in the House of Lords, Kellish Parliament or Orvane Assembly.",
            [(6, 12, "ORG"), (13, 15, "ORG")],
            ["House of Lords", "Kellish Parliament", "Orvane Assembly"],
        ),
        # ... guard: a place after the comma keeps the name with an "of" whole
        ("The Bank of Kellmore, Dorset rose.", [(1, 6, "ORG")], ["Bank of Kellmore, Dorset"]),
        # a common noun opening the sentence before a person's role noun is the person's field ...
        (
            "Opera impresario Sir Leo Marsh said the show would tour.",
            [(0, 1, "ORG"), (2, 5, "PERSON")],
            ["Sir Leo Marsh"],
        ),
        # ... guard: not a name the dictionary does not know ("Orbix") ...
        ("Orbix boss Leo Marsh said the show would tour.", [(0, 1, "ORG"), (2, 4, "PERSON")], ["Orbix", "Leo Marsh"]),
        # ... nor one before a job title (a post in the organisation) ...
        ("Harbour manager Leo Marsh said so.", [(0, 1, "ORG"), (2, 4, "PERSON")], ["Harbour", "Leo Marsh"]),
        # ... nor one the document writes with a capital elsewhere
        (
            "Falcon boss Leo Marsh said sales at Falcon rose.",
            [(0, 1, "ORG"), (2, 4, "PERSON"), (8, 9, "ORG")],
            ["Falcon", "Leo Marsh", "Falcon"],
        ),
        # two bodies' names run together at an "and" are two names ...
        (
            "The Kellish Department of Fisheries and State University of Oslo ran the study.",
            [(1, 10, "ORG")],
            ["Kellish Department of Fisheries", "State University of Oslo"],
        ),
        (
            "The Kellish Department of Fisheries and Halden Tourist Board ran the study.",
            [(1, 9, "ORG")],
            ["Kellish Department of Fisheries", "Halden Tourist Board"],
        ),
        # ... guard: not an "and" inside one body's "of" phrase
        (
            "The Kellish Department of Fisheries and Forests said so.",
            [(1, 7, "ORG")],
            ["Kellish Department of Fisheries and Forests"],
        ),
        # a body's name run on into "in" and a place is the body's name and the place's ...
        (
            "Mrs Berg teaches at Kellby Infants School in Oslo.",
            [(0, 2, "PERSON"), (4, 9, "ORG")],
            ["Mrs Berg", "Kellby Infants School", "Oslo"],
        ),
        # ... guard: not where the word before "in" is no organisation's head noun
        ("The Kellish Church in Wales said so.", [(1, 5, "ORG")], ["Kellish Church in Wales"]),
    ],
)
def test_glued_names_are_repaired(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    assert _names(parse_with_ents(text, ents), ontology) == expected


def test_glued_demonym_makes_the_name_a_persons(ontology, parse_with_ents) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents("Irishmen PJ Dunleavy and Liam Corcoran own a stake.", [(0, 3, "ORG"), (4, 6, "PERSON")])
    classes = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert classes.get("PJ Dunleavy") == "Person", classes


@pytest.mark.parametrize(
    ("text", "ents", "name", "cls"),
    [
        # a name before a police force's noun is the place the force is in ...
        ("However, Kellshire police chief Tom Ward warned.", [(2, 3, "ORG"), (5, 7, "PERSON")], "Kellshire", "Place"),
        # ... guard: not across a comma
        ("In Kellshire, police said little.", [(1, 2, "ORG")], "Kellshire", "Organization"),
        # ... nor initials ("the K.P. police": a body's own force)
        ("K.P. police monitors were trapped.", [(0, 1, "ORG")], "K.P.", "Organization"),
    ],
)
def test_a_name_before_a_police_force_is_a_place(ontology, parse_with_ents, text, ents, name, cls) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    classes = {m.text: m.type for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
    assert classes.get(name) == cls, classes


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a time zone after a clock time is no part of the name after it ...
        ("By 0900 GMT Kestrel's shares were up.", [(1, 2, "TIME"), (2, 4, "ORG")], {"Kestrel": "Organization"}),
        ("At 10am BST Orbix Bank opened.", [(1, 3, "TIME"), (3, 6, "ORG")], {"Orbix Bank": "Organization"}),
        # ... guard: not where no clock time comes before it
        ("Analysts at GMT Kestrel said so.", [(2, 4, "ORG")], {"GMT Kestrel": "Organization"}),
        # a word that dates a post, opening the sentence, is no part of the name; one word before a title is the firm
        (
            "Incoming Kestrel chief executive Anna Berg spoke.",
            [(0, 2, "PERSON"), (4, 6, "PERSON")],
            {"Kestrel": "Organization", "Anna Berg": "Person"},
        ),
        ("Outgoing Anna Berg thanked staff.", [(0, 3, "PERSON")], {"Anna Berg": "Person"}),
        # ... guard: not inside a sentence, where the word is the name's own
        ("Shares in Future Kestrel Bank rose.", [(2, 5, "ORG")], {"Future Kestrel Bank": "Organization"}),
    ],
)
def test_words_before_a_name_that_close_a_time_or_date_a_post(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    classes = {m.text: m.type for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
    assert {name: classes.get(name) for name in expected} == expected, classes


@pytest.mark.parametrize(
    ("text", "ents", "name", "label"),
    [
        # a word cut off a name's front leaves the NER's label on the rest (a slice of a span has none)
        ("Praising Kestrel for its work, he left.", [(0, 2, "ORG")], "Kestrel", "ORG"),
        ("Senior Kestrel Bank staff resigned. The board of Kestrel Bank met.", [(0, 3, "ORG"), (9, 11, "ORG")],
         "Kestrel Bank", "ORG"),
        ("Irishmen PJ Dunleavy and Liam Corcoran own a stake.", [(0, 3, "PERSON"), (4, 6, "PERSON")],
         "PJ Dunleavy", "PERSON"),
        # guard: a name nothing is cut off keeps its label too
        ("Kestrel Bank staff resigned.", [(0, 2, "ORG")], "Kestrel Bank", "ORG"),
    ],
)
def test_a_name_cut_at_its_front_keeps_its_label(ontology, parse_with_ents, text, ents, name, label) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    labels = {m.text: m.label for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
    assert labels.get(name) == label, labels
