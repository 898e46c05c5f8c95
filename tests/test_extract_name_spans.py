"""Names' spans decided over the whole document (kgraph/extract/name_spans.py), through find_mentions."""

from __future__ import annotations

import pytest


def _names(doc, ontology) -> list[str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return [m.text for m, _ in find_mentions(doc, ontology) if m.label == "ORG"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # an "'s" that possesses nothing once ("at Corby's,") is the name's own where it possesses too
        (
            "Sales rose at Corby's, the retailer said. Corby's chief executive left.",
            [(3, 4, "ORG"), (10, 11, "ORG")],
            ["Corby's", "Corby's"],
        ),
        # ... and so is one inside the name, before "of"
        (
            "The head of Halden's of Bristol spoke. Halden's chief executive agreed.",
            [(3, 7, "ORG"), (9, 10, "ORG")],
            ["Halden's of Bristol", "Halden's"],
        ),
        # guard: the document writes the name bare elsewhere, so its "'s" possesses
        (
            "Corby said profits rose on Monday. Corby's chief executive left.",
            [(0, 1, "ORG"), (7, 8, "ORG")],
            ["Corby", "Corby"],
        ),
        # guard: no "'s" of the name's own anywhere: a possessive is no part of it
        ("Halden's chief executive spoke.", [(0, 1, "ORG")], ["Halden"]),
    ],
)
def test_name_spans_own_s_holds_through_the_document(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, expected
) -> None:
    assert _names(parse_with_ents(text, ents), ontology) == expected


@pytest.mark.parametrize(
    ("second", "ents", "expected"),
    [
        # a firm the NER took for a person ends in its own "'s" too, where the article calls it a firm
        ("Shares in Corby's fell.", [(3, 4, "ORG"), (12, 13, "PERSON")], ("Corby's", "Organization")),
        # guard: a person's name stays cut at the possessive
        ("Mr Corby's wife left.", [(3, 4, "ORG"), (11, 12, "PERSON")], ("Corby", "Person")),
    ],
)
def test_name_spans_own_s_holds_for_a_firm_the_ner_took_for_a_person(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, second, ents, expected
) -> None:
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(f"Sales rose at Corby's, the retailer said. {second}", ents)
    found = [(m.text, m.type) for m, _ in find_mentions(doc, ontology) if m.label in {"ORG", "PERSON"}]
    assert found[-1] == expected, found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the bracketed initials spell the words before them: one name, of the initials' class
        (
            "The biggest brewer, Halden and Croft (H&C), is to buy a rival.",
            [(4, 5, "GPE"), (6, 7, "GPE"), (8, 9, "ORG")],
            ["Halden and Croft", "H&C"],
        ),
        # guard: initials that spell other words leave the NER's names
        (
            "The biggest brewer, Halden and Croft (HB), is to buy a rival.",
            [(4, 5, "GPE"), (6, 7, "GPE"), (8, 9, "ORG")],
            ["Halden", "Croft", "HB"],
        ),
    ],
)
def test_name_spans_words_spelt_by_bracketed_initials_are_one_name(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, expected
) -> None:
    from kgraph.extract.mentions import find_mentions

    mentions = find_mentions(parse_with_ents(text, ents), ontology)
    found = [m.text for m, _ in mentions if m.label not in {"pronoun", "description"}]
    assert found == expected
    if "H&C" in found:  # of the initials' class
        assert {m.text: m.type for m, _ in mentions}["Halden and Croft"] == "Organization"


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a weekday the NER took for a date, a compound inside the newspaper's name after it
        ("The Sunday Herald said the deal was off.", [(1, 2, "DATE"), (2, 3, "PERSON")], "Sunday Herald"),
        # ... after a preposition other than "on", where the name is on a noun
        (
            "The book by Sunday Courier journalist Tom Vale said the pair had fallen out.",
            [(3, 4, "DATE"), (4, 5, "ORG"), (6, 8, "PERSON")],
            "Sunday Courier",
        ),
        # guard: "by" a weekday is a deadline where no name on a noun follows
        ("The plan must be ready by Sunday, Orvix Holdings said.", [(6, 7, "DATE"), (8, 10, "ORG")], "Orvix Holdings"),
        # guard: a weekday after "on" is the day, though the parser makes it a compound of the name
        (
            "Officials confirmed on Friday Orvix Holdings had sold the plant.",
            [(3, 4, "DATE"), (4, 6, "ORG")],
            "Orvix Holdings",
        ),
        # a one-word organisation with "of" and a capitalised name the parse hangs on it
        (
            "Shares in House of Kellor fell after the retailer warned.",
            [(2, 3, "ORG"), (4, 5, "GPE")],
            "House of Kellor",
        ),
        # guard: a country after "of" says where the firm or club is
        ("Kestrel of Norway beat Orvix 2-0.", [(0, 1, "ORG"), (2, 3, "GPE"), (4, 5, "ORG")], "Kestrel"),
    ],
)
def test_name_spans_joined_ents(ontology, parse_with_ents, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    names = [m.text for m, _ in find_mentions(parse_with_ents(text, ents), ontology)]
    assert expected in names, names


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a saint's name the NER took for a place, "'s" and unlabelled words ending in a place's head noun
        ("Sales at St Mary's Shopping Centre rose.", [(2, 4, "GPE")], ["St Mary's Shopping Centre"]),
        # unlabelled words before the "'s", a place's name of the NER's after it
        ("Shoppers filled St Ellen's Shopping Centre.", [(5, 7, "FAC")], ["St Ellen's Shopping Centre"]),
        # a person's name before a head noun the NER made a name alone
        ("Patients at Vidal's Hospital were moved.", [(2, 3, "PERSON"), (4, 5, "ORG")], ["Vidal's Hospital"]),
        # guard: a place's "'s" says whose the hall is
        ("Velland's Grand Hall was closed.", [(0, 1, "GPE")], ["Velland", "Grand Hall"]),
        # guard: so does a person's before a name of the NER's own
        ("Mr Vance's Grand Hall was closed.", [(0, 2, "PERSON"), (3, 5, "FAC")], ["Mr Vance", "Grand Hall"]),
    ],
)
def test_name_spans_possessive_inside_a_place_name(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, expected
) -> None:
    from kgraph.extract.mentions import find_mentions

    found = find_mentions(parse_with_ents(text, ents), ontology)
    assert [m.text for m, _ in found if m.label not in {"pronoun", "description"}] == expected


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # a word that drops its "g" for an apostrophe goes on over the capitalised words after it
        ("Fans of Blazin' Squad cheered.", [(4, 5, "ORG")], "Blazin' Squad"),
        ("Fans of Blazin' Squad cheered.", [(2, 3, "ORG")], "Blazin' Squad"),
        ("Fans of Blazin' Squad cheered.", [(2, 3, "ORG"), (4, 5, "ORG")], "Blazin' Squad"),
    ],
)
def test_name_spans_dropped_g_joins_the_name(ontology, parse_with_ents, text, ents, name) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    names = {m.text: m.type for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
    assert names.get(name) == "Organization", names


def test_name_spans_plural_possessive_stays_apart(ontology, parse_with_ents) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # guard: a plural's possessive ("the Martins'") is whose the name after it is
    doc = parse_with_ents("The Martins' Kestrel Bank grew fast.", [(1, 2, "PERSON"), (3, 5, "ORG")])
    names = {m.text for m, _ in find_mentions(doc, ontology)}
    assert "Kestrel Bank" in names and not any("'" in n for n in names), names


@pytest.mark.parametrize(
    ("text", "ents", "kept"),
    [
        # a plural common noun opening a sentence, taken for a place, is no name
        ("Slowdowns in Veldora could hit exports.", [(0, 1, "GPE"), (2, 3, "GPE")], ["Veldora"]),
        ("Economies in Veldora grew.", [(0, 1, "LOC"), (2, 3, "GPE")], ["Veldora"]),
        # guard: a place's name opening a sentence, a dictionary word itself ("Wales") or no plural ("Turkey")
        ("Wales voted for Veldora.", [(0, 1, "GPE"), (3, 4, "GPE")], ["Wales", "Veldora"]),
        ("Turkey traded with Veldora.", [(0, 1, "GPE"), (3, 4, "GPE")], ["Turkey", "Veldora"]),
        # guard: a plural the text writes capitalised inside a sentence too is a name ("Exports to Orchards")
        (
            "Orchards traded with Veldora. Exports to Orchards rose.",
            [(0, 1, "GPE"), (3, 4, "GPE"), (7, 8, "GPE")],
            ["Orchards", "Veldora", "Orchards"],
        ),
    ],
)
def test_plural_nouns_opening_a_sentence_are_no_places(ontology, parse_with_ents, text, ents, kept) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    found = [m.text for m, _ in find_mentions(parse_with_ents(text, ents), ontology) if m.type == "Place"]
    assert found == kept
