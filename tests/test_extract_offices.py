"""kgraph.extract.offices: public offices of places (kg:holdsOfficeIn), with their roles."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def offices(nlp, ontology):  # type: ignore[no-untyped-def]
    """The kg:holdsOfficeIn relations of a text as (holder, place, role title, current), by representative names."""
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    def run(text: str) -> set[tuple[str, str, str, bool]]:
        doc = nlp(text)
        mentions = find_mentions(doc, ontology)
        links = link_mentions(doc, mentions, ontology)
        kept = [(m, s) for m, s in mentions if m in links]
        return {
            (links[r.subject].text, links[r.object].text, r.role.title, r.role.current)
            for r in find_relations(doc, kept, ontology, links)
            if r.predicate == "holdsOfficeIn" and r.role is not None
        }

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place's adjective before the title
        ("Danish Prime Minister Erik Holm opened the new bridge.", ("Erik Holm", "Denmark", "Prime Minister", True)),
        # the place's possessive before the title, the name in apposition
        ("Kenya's finance minister, Joseph Mwangi, presented the budget on Friday.",
         ("Joseph Mwangi", "Kenya", "Finance Minister", True)),
        # "of" the place after the titled name
        ("President Lena Moss of Kenya opened the trade fair.", ("President Lena Moss", "Kenya", "President", True)),
        # the title after the name, with the place's possessive
        ("Joseph Mwangi, Kenya's president, opened the trade fair.", ("Joseph Mwangi", "Kenya", "President", True)),
        # "of" the place after the title
        ("Pierre Duval, the mayor of Lyon, opened the museum.", ("Pierre Duval", "Lyon", "Mayor", True)),
        ("The governor of Texas, Rick Dalton, signed the law in May.", ("Rick Dalton", "Texas", "Governor", True)),
        ("Britain's foreign secretary Tom Hale flew to Oslo.", ("Tom Hale", "Britain", "Foreign Secretary", True)),
        # a king's title, "of" the country after the name
        ("King Olav of Norway opened the new bridge.", ("King Olav", "Norway", "King", True)),
        # the portfolio stays in the minister's title
        ("Chile's economy minister, Rosa Vidal, met bankers.", ("Rosa Vidal", "Chile", "Economy Minister", True)),
    ],
)
def test_offices_title_of_a_place(offices, text: str, expected: tuple[str, str, str, bool]) -> None:  # type: ignore[no-untyped-def]
    found = offices(text)
    assert expected in found, found


def test_offices_former_office_is_past(offices) -> None:  # type: ignore[no-untyped-def]
    # "former" before the title puts the office in the past, as it does a post's role
    found = offices("Former Danish Prime Minister Erik Holm opened the new bridge.")
    assert found == {("Erik Holm", "Denmark", "Prime Minister", False)}, found


def test_offices_keep_the_nationality(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the office adds to what the country's word said: the holder's nationality stays
    found = extract_text("Kenya's finance minister, Joseph Mwangi, presented the budget on Friday.")
    assert {("Joseph Mwangi", "nationality", "Kenya"), ("Joseph Mwangi", "holdsOfficeIn", "Kenya")} <= found, found


def test_offices_mayor_of_a_town_is_a_place(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # the NER takes "Lyon" after "mayor of" for an organisation; a mayor's "of" is a town
    from kgraph.extract.mentions import find_mentions

    doc = nlp("The mayor of Lyon, Pierre Duval, opened the museum.")
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types.get("Lyon") == "Place", types
    # a body named "X of Y" after the title stays a body
    doc = nlp("As monarch she would be the supreme governor of the Church of England and its bishops.")
    types = {m.text: m.type for m, _ in find_mentions(doc, ontology)}
    assert types.get("Church of England") == "Organization", types


def test_offices_governor_of_a_bank_heads_the_bank(extract_text) -> None:  # type: ignore[no-untyped-def]
    # a body's name after "governor of" keeps its type: the post is in the body (positive case above: Texas)
    found = extract_text("The governor of the Bank of Kellmore, Lena Moss, raised interest rates.")
    assert ("Lena Moss", "headOf", "Bank of Kellmore") in found, found
    assert not any(p == "holdsOfficeIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Anna Weber, president of the Kestrel Bank, said profits rose.",
        "Tomas Vidal, vice-president of Airbus, said sales rose.",
        "Tomas Vidal, a minister at the Church of Scotland, led the service.",
    ],
)
def test_offices_post_in_a_body_is_no_office_of_a_place(offices, extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # the title of a body's post stays a post in the body (headOf/worksFor); positive cases above
    assert offices(text) == set()
    assert any(p in {"headOf", "worksFor"} for _, p, _ in extract_text(text))


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Britain's shadow chancellor Tom Hale attacked the budget.", "Tom Hale"),
        ("Shadow Home Secretary Tom Hale attacked the bill.", "Tom Hale"),
        ("The would-be president Tomas Vidal of Kenya spoke in Nairobi.", "Tomas Vidal"),
        ("Kenya's president-elect Tomas Vidal spoke in Nairobi.", "Tomas Vidal"),
        ("Kenyan presidential hopeful Tomas Vidal spoke in Nairobi.", "Tomas Vidal"),
        ("Shadow chancellor Tom Hale of Britain attacked the budget.", "Tom Hale"),
        ("Britain's would-be prime minister Tom Hale attacked the budget.", "Tom Hale"),
        # an honorary title is no office held
        ("Lisbon's honorary mayor, Tomas Vidal, opened the fair.", "Tomas Vidal"),
    ],
)
def test_offices_shadow_post_or_candidacy_is_no_office(offices, text: str, holder: str) -> None:  # type: ignore[no-untyped-def]
    # an opposition's shadow post and a candidacy hold no office of the country
    assert not any(h == holder for h, *_ in offices(text)), offices(text)


def test_offices_held_office_positive_for_the_guards(offices) -> None:  # type: ignore[no-untyped-def]
    # the same words without "shadow" or a candidacy state the office
    assert ("Tom Hale", "Britain", "Chancellor", True) in offices("Britain's chancellor Tom Hale attacked the budget.")
    found = offices("Kenyan President Tomas Vidal spoke in Nairobi.")
    assert ("Tomas Vidal", "Kenya", "President", True) in found, found
    found = offices("Lisbon's mayor, Tomas Vidal, opened the fair.")
    assert ("Tomas Vidal", "Lisbon", "Mayor", True) in found, found


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # a peer's title's place is no office's place (the office of a country's "of" is: "President X of Kenya")
        ("Former Welsh Office Minister Lord Evans of Conwy opened the school.", ("Lord Evans", "Conwy"), None),
        # a place in a list before another title is not that title's
        ("Mr Hale opened the show in Edinburgh and Welsh First Minister Rhodri Owen in Cardiff and Northern Ireland "
         "Minister John Spellar in Belfast.", ("Rhodri Owen", "Edinburgh"), None),
        ("Anna Berg spoke in Edinburgh, Welsh First Minister Rhodri Owen in Cardiff and Northern Ireland Minister "
         "Sam Kerr in Belfast.", ("Sam Kerr", "Cardiff"), ("Rhodri Owen", "Wales", "First Minister", True)),
        # a conjunction "as" the parser took for a preposition before a title with its own name: the office is that
        # name's, not the clause subject's
        ("Prime Minister Tom Hale met the press. The prime minister was speaking as London's Labour mayor Ken "
         "Livingstone remains embroiled in a row over comments he made to a reporter.",
         ("Tom Hale", "London"), ("Ken Livingstone", "London", "Mayor", True)),
    ],
)
def test_offices_place_not_of_the_office(offices, text: str, wrong: tuple[str, str], right) -> None:  # type: ignore[no-untyped-def]
    found = offices(text)
    assert not any((h, p) == wrong for h, p, *_ in found), found
    if right is not None:
        assert right in found, found


def test_offices_of_phrase_keeps_the_nationality(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "the Nth president of the United States": the office and the nationality the "of" phrase gives (the title's
    # relation does not make the name's "of" phrase say nothing)
    found = extract_text("Tom Hale, the 40th president of the United States, was born in a small town in Ohio.")
    office, nationality = ("Tom Hale", "holdsOfficeIn", "United States"), ("Tom Hale", "nationality", "United States")
    assert {office, nationality} <= found, found
