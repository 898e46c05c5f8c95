"""kgraph.extract.titles: organisations named in titles, and which post a title gives."""

from __future__ import annotations

import pytest


def test_titles_post_in_a_unit_of_the_owner(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "the Party's Senate leader" leads the party's group in the Senate, neither the party nor the Senate: a member
    # of the party (a body of members employs none of its politicians)
    for text in ("The Kestrel Party's Senate leader, Lena Berg, voted against the budget.",
                 "Lena Berg, the Kestrel Party's Senate leader, voted against the budget."):
        found = extract_text(text)
        assert found == {("Lena Berg", "memberOf", "Kestrel Party")}, found


@pytest.mark.parametrize(
    "text",
    ["Lena Berg, the boss of Kestrel Bank's UK arm, quit on Monday.",
     "Lena Berg, chairman of Kestrel Bank's US subsidiary, quit on Monday.",
     "Lena Berg, president of Kestrel Bank's North American unit, quit on Monday."],
)
def test_titles_head_of_a_unit_named_by_its_place_works_for_the_owner(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # the head of a firm's unit in a country or region heads a part of the firm, not the firm
    found = extract_text(text)
    assert ("Lena Berg", "worksFor", "Kestrel Bank") in found, found
    assert not [t for t in found if t[1] in {"headOf", "ceoOf", "chairOf"}], found


def test_titles_head_of_a_firm_or_of_a_named_unit_heads_it(extract_text) -> None:  # type: ignore[no-untyped-def]
    # positive cases: the head of the firm itself; a unit whose own name is an organisation's is the one headed
    assert ("Lena Berg", "headOf", "Kestrel Bank") in extract_text("Lena Berg, the boss of Kestrel Bank, quit.")
    found = extract_text("Lena Berg, chief executive of event organisers Harbour Nights Ltd, quit on Monday.")
    assert ("Lena Berg", "ceoOf", "Harbour Nights Ltd") in found, found


def test_titles_title_before_name_names_the_organisation(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The mayor met then Minister of Fisheries and Oceans Karin Holm in Bergen.")
    assert ("Karin Holm", "headOf", "Fisheries and Oceans") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brandt, senior vice president of sales at Orbitel Networks, spoke on Monday.",
        "Tomas Brandt, deputy director of Orbitel Networks, spoke on Monday.",
        "Tomas Brandt, program director at Orbitel Networks, spoke on Monday.",
        "Tomas Brandt, head of Orbitel Networks' audit unit, spoke on Monday.",
    ],
)
def test_titles_lesser_post_is_worksfor_not_headof(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Tomas Brandt", "worksFor", "Orbitel Networks") in found, found
    assert not any(p in {"headOf", "ceoOf"} for _, p, _ in found), found


def test_titles_top_post_stays_headof(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Tomas Brandt, president of Orbitel Networks, spoke on Monday.")
    assert ("Tomas Brandt", "headOf", "Orbitel Networks") in found, found


def test_titles_lesser_post_keeps_its_whole_title(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    doc = nlp("Tomas Brandt, senior vice president of sales at Orbitel Networks, spoke on Monday.")
    relations = find_relations(doc, find_mentions(doc, ontology), ontology)
    roles = [r.role.title for r in relations if r.predicate == "worksFor" and r.role is not None]
    assert roles == ["Senior Vice President"], relations


def test_titles_title_before_a_name_is_that_names_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Green Party leader Ida Vogel and Liberal leader Otto Hahnfeld toured Kiel on Monday.")
    assert ("Ida Vogel", "headOf", "Green Party") in found, found
    assert not any(s == "Otto Hahnfeld" and o == "Green Party" for s, _, o in found), found


@pytest.mark.parametrize(
    ("text", "function"),
    [
        ("Ms. Berg served as the Sales Director of Orbitel Networks Ltd. until she retired.", "Sales"),
        ("Ms. Berg, the Marketing Director of Orbitel Networks Ltd., resigned.", "Marketing"),
        pytest.param("Ms. Berg was the Finance Director of Orbitel Networks Ltd. until 2019.", "Finance",
                     marks=pytest.mark.xfail(strict=True, reason="with 'Finance' after 'was the', the post is "
                                                                 "read as the company's head (headOf)")),
    ],
)
def test_titles_capitalised_function_before_a_title_is_no_organisation(extract_text, text: str, function: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Ms. Berg", "worksFor", "Orbitel Networks Ltd.") in found, found
    assert not any(o == function for _, _, o in found), found
    assert not any(p == "headOf" for _, p, _ in found), found  # a function's director is a lesser post


@pytest.mark.parametrize(
    "text", ["Lena Berg, director on the board of Kestrel Energy, voted against the merger.",
             "Lena Berg was named director on the board of Kestrel Energy in May."],
)
def test_titles_a_seat_on_the_board_is_no_headship(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # (without an article: "a director of Y" is one of several anyway)
    found = extract_text(text)
    assert ("Lena Berg", "worksFor", "Kestrel Energy") in found, found
    assert ("Lena Berg", "headOf", "Kestrel Energy") not in found, found


def test_titles_title_after_a_common_noun_after_the_organisation(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "NTP floor leader X": the party hangs on "floor", not on "leader"; a floor leader is no head of the party
    found = extract_text("NTP floor leader Lena Berg told reporters the vote would pass.")
    assert ("Lena Berg", "worksFor", "NTP") in found, found
    assert ("Lena Berg", "headOf", "NTP") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Lena Berg, a director of Kestrel Group, said so.",  # one of the directors
        "Former Kestrel Group financial chief Lena Berg testified.",  # a function's chief
        "Lena Berg, a portfolio manager at Kestrel Group, said so.",
        "Lena Berg, Kestrel Group's global advisory leader, said so.",  # a practice's leader
    ],
)
def test_titles_indefinite_or_functional_titles_are_lesser_posts(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Lena Berg", "worksFor", "Kestrel Group") in found, found
    assert ("Lena Berg", "headOf", "Kestrel Group") not in found, found


def test_titles_a_leader_with_no_practice_word_heads_the_firm(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Lena Berg, Kestrel Group's leader, said so.")
    assert ("Lena Berg", "headOf", "Kestrel Group") in found, found


def test_titles_a_former_head_with_the_indefinite_article_is_still_a_head(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Lena Berg, a former chairman of Kestrel Group, said so.")
    assert ("Lena Berg", "headOf", "Kestrel Group") in found, found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a one-word "person" before a head's title before a person is the organisation
        ("He said Vellan boss Tomas Vidal was in jail.", [(2, 3, "PERSON"), (4, 6, "PERSON")],
         {("Tomas Vidal", "headOf", "Vellan")}),
        # a name the NER left unlabelled there is one
        ("On Monday, Kellmore chief executive Lena Berg resigned.", [(6, 8, "PERSON")],
         {("Lena Berg", "ceoOf", "Kellmore")}),
        # not a title only a head holds: "Vidal spokesman Lena Berg" may speak for a person
        ("He said Vidal spokesman Lena Berg was wrong.", [(2, 3, "PERSON"), (4, 6, "PERSON")], set()),
    ],
)
def test_titles_body_before_a_heads_title(ontology, parse_with_ents, relation_triples, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(text, ents)
    mentions = find_mentions(doc, ontology)
    found = relation_triples(doc, mentions)
    assert found == expected


def test_titles_a_directors_film_is_no_organisation(ontology, parse_with_ents, relation_triples) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    # "the Vellan director X": a film has a director, so the name before the title stays as the NER read it
    # (not at the start of a sentence, where no name before a title is retyped)
    for text, ents in (
        ("The jury includes Vellan director Lena Berg, who made the 1982 film Vellan.",
         [(3, 4, "PERSON"), (5, 7, "PERSON")]),
        ("Critics praised Vellan director Lena Berg for the film's score.", [(2, 3, "PERSON"), (4, 6, "PERSON")]),
    ):
        doc = parse_with_ents(text, ents)
        found = relation_triples(doc, find_mentions(doc, ontology))
        assert not any(p == "headOf" for _, p, _ in found), found
    # a head's title there does retype the name: "Vellan boss X" heads Vellan
    doc = parse_with_ents("Critics praised Vellan boss Lena Berg for the results.",
                     [(2, 3, "PERSON"), (4, 6, "PERSON")])
    assert ("Lena Berg", "headOf", "Vellan") in relation_triples(doc, find_mentions(doc, ontology))


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a capitalised portfolio between the organisation and the title: a post in it, not its head ...
        ("EU Trade Commissioner Lena Berg said the talks would resume.",
         ("Lena Berg", "worksFor", "EU"), ("Lena Berg", "headOf", "EU")),
        # ... while the organisation's own title heads it (a party's chairman is its officer: its member)
        ("Kestrel Bank Chairman Lena Berg said the talks would resume.", ("Lena Berg", "headOf", "Kestrel Bank"),
         None),
        ("Kestrel Party Chairman Lena Berg said the talks would resume.", ("Lena Berg", "memberOf", "Kestrel Party"),
         ("Lena Berg", "headOf", "Kestrel Party")),
        # the leader of a legislative chamber holds a seat in it; its head is the speaker
        ("Tomas Vidal, the Leader of the House of Commons, said the vote would be on Monday.",
         ("Tomas Vidal", "memberOf", "House of Commons"), ("Tomas Vidal", "headOf", "House of Commons")),
        ("Tomas Vidal, leader of the Kestrel Party, said the vote would be on Monday.",
         ("Tomas Vidal", "headOf", "Kestrel Party"), None),
        # a party's mayor is its member in a public office; a department named as a body has several ministers
        ("The row grew as Bellport's Labour mayor Tomas Vidal refused to apologise.",
         ("Tomas Vidal", "memberOf", "Labour"), ("Tomas Vidal", "headOf", "Labour")),
        ("Former Home Office Minister Lena Berg wrote a novel.",
         ("Lena Berg", "worksFor", "Home Office"), ("Lena Berg", "headOf", "Home Office")),
        ("The Kestrel Party's leader, Tomas Vidal, said the tax was unfair.",
         ("Tomas Vidal", "headOf", "Kestrel Party"), None),
        # "the architect of Y": a part in making it, no post; an architect at a firm, or its chief architect, works
        # there
        ("Lena Berg, the architect of the Kestrel Health Service, died.", None,
         ("Lena Berg", "worksFor", "Kestrel Health Service")),
        ("Lena Berg, an architect at Halder Group, designed the tower.", ("Lena Berg", "worksFor", "Halder Group"),
         None),
        ("Lena Berg, chief architect of Halder Group, designed the tower.", ("Lena Berg", "worksFor", "Halder Group"),
         None),
    ],
)
def test_titles_posts_that_head_no_body(extract_text, text: str, expected, absent) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    if expected is not None:
        assert expected in found, found
    assert absent not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In October Tory leader Marcus Fenwick said the plan would fail.", ("Marcus Fenwick", "headOf", "Tory")),
        ("On Monday Orbitel chief executive Lena Berg said sales rose.", ("Lena Berg", "ceoOf", "Orbitel")),
    ],
)
def test_titles_a_date_before_the_body_is_no_part_of_it(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    # the month or weekday dates the sentence; the body's name before the title starts after it
    found = extract_text(text)
    assert expected in found, found
    assert not any(o.startswith(("October", "Monday")) for _, _, o in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Karl Vogt, manager of firm Orbitel, said sales rose.", ("Karl Vogt", "worksFor", "Orbitel")),
        # a general manager too: often under a director general or chief executive the article names
        ("Karl Vogt, the general manager of Orbitel, said sales rose.", ("Karl Vogt", "worksFor", "Orbitel")),
        # the head the article names
        ("Ilse Brandt, the chief executive of Orbitel, said sales rose.", ("Ilse Brandt", "ceoOf", "Orbitel")),
        ("Ilse Brandt, the chairman of Orbitel, said sales rose.", ("Ilse Brandt", "headOf", "Orbitel")),
    ],
)
def test_titles_a_manager_or_general_manager_is_staff_a_chief_heads(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found
    assert len({p for _, p, _ in found}) == 1, found


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the NER took the last word of a film's title for a body: "King of the Comets" is a work, its director
        # heads nothing
        ("King of the Comets director Lena Berg said the film is done.", [(3, 4, "ORG"), (5, 7, "PERSON")], set()),
        # a company's director before the name still heads it
        ("He said Orbitel director Lena Berg was right.", [(2, 3, "ORG"), (4, 6, "PERSON")],
         {("Lena Berg", "headOf", "Orbitel")}),
    ],
)
def test_titles_a_titled_work_is_no_body(ontology, parse_with_ents, relation_triples, text, ents, expected) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(text, ents)
    assert relation_triples(doc, find_mentions(doc, ontology)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphened "vice-" is a lesser post, as "vice president" is
        ('"Rates will rise," said Mira Holt, vice-president of the Telvane Systems consultancy.',
         ("Mira Holt", "worksFor", "Telvane Systems")),
        ("Mira Holt, vice-chairman of Telvane Systems, said rates would rise.",
         ("Mira Holt", "worksFor", "Telvane Systems")),
        # the post without it heads the firm
        ('"Rates will rise," said Mira Holt, president of the Telvane Systems consultancy.',
         ("Mira Holt", "headOf", "Telvane Systems")),
    ],
)
def test_titles_a_hyphened_vice_is_a_lesser_post(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found
    assert len({p for _, p, _ in found}) == 1, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the head of a named unit the body owns works for the body, heads no more than the unit
        ('"Few firms act," said Dr Lena Moss, head of the Halden Trust\'s global Health Initiative.',
         ("Dr Lena Moss", "worksFor", "Halden Trust")),
        # the head of the body itself heads it
        ('"Few firms act," said Dr Lena Moss, head of the Halden Trust.', ("Dr Lena Moss", "headOf", "Halden Trust")),
    ],
)
def test_titles_the_head_of_a_bodys_named_unit_works_for_it(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found
    assert len(found) == 1, found


def test_titles_common_noun_opening_a_sentence_is_no_organisation(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the capital of "Party" is the sentence's: the word names no body of its own
    for text in ("Homes would be cheaper in Oslo. Party leader Lena Berg said so on Monday.",
                 "The Kestrel Party unveiled its plan. Party leader Lena Berg said homes would be cheaper.",
                 "Plans were unveiled by the Kestrel Party.\n\nParty leader Lena Berg said they would work."):
        found = extract_text(text)
        assert not any(p == "headOf" for _, p, _ in found), found


def test_titles_named_body_opening_a_sentence_before_a_title_stays(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Kestrel Party leader Lena Berg said homes would be cheaper.")
    assert ("Lena Berg", "headOf", "Kestrel Party") in found, found
