"""Companies named after a country's possessive (kgraph/extract/company_names.py), through find_mentions."""

from __future__ import annotations

import pytest


def _types(doc, ontology) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return {m.text: m.type for m, _ in find_mentions(doc, ontology)}


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # it buys (the verb its clause complements)
        ("Italy's Orvana has agreed to buy 40% of a Chinese brewer.", [(0, 1, "GPE"), (2, 3, "GPE")], "Orvana"),
        # "said it would sell": the company speaks of itself as "it"
        ("Germany's Velbert said it would sell its stake.", [(0, 1, "GPE"), (2, 3, "PERSON")], "Velbert"),
        # the agent of "owned"
        ("The firm, majority-owned by Japan's Tomura, said sales rose.", [(7, 8, "GPE"), (9, 10, "PERSON")], "Tomura"),
        # the object of a takeover
        (
            "Shares in Halden fell on talk of a takeover by France's Marcel Dufay.",
            [(2, 3, "ORG"), (10, 11, "GPE"), (12, 14, "PERSON")],
            "Marcel Dufay",
        ),
        # a list beside organisations' names
        (
            "The deal was opposed by rivals, including Germany's Kestrel Air, Delta and Spain's Elvora.",
            [(8, 9, "GPE"), (10, 12, "ORG"), (13, 14, "ORG"), (15, 16, "GPE"), (17, 18, "PERSON")],
            "Elvora",
        ),
        # one word that opens a firm's longer name elsewhere in the article: its short name
        (
            "Shares in Tamsui Steel fell. Analysts expected Norway's Tamsui to cut prices.",
            [(2, 4, "ORG"), (8, 9, "GPE"), (10, 11, "GPE")],
            "Tamsui",
        ),
    ],
)
def test_company_names_country_possessive_and_a_firms_words_make_an_organisation(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, name
) -> None:
    assert _types(parse_with_ents(text, ents), ontology)[name] == "Organization"


@pytest.mark.parametrize(
    ("text", "ents", "name", "cls"),
    [
        # nothing a company does: a sportsman stays a person
        (
            "Spain's Rafael Soler won the final in Paris.",
            [(0, 1, "GPE"), (2, 4, "PERSON"), (8, 9, "GPE")],
            "Rafael Soler",
            "Person",
        ),
        # a city in its country stays a place
        ("Japan's Osaka was hit by a storm.", [(0, 1, "GPE"), (2, 3, "GPE")], "Osaka", "Place"),
        # no country's possessive: "Orvana" buys, but nothing here retypes the NER's place
        ("Orvana has agreed to buy 40% of a Chinese brewer.", [(0, 1, "GPE")], "Orvana", "Place"),
        # a list of players: the other organisation-labelled name is itself after a country's possessive
        (
            "Lyon were without Brazil's Tavares and Peru's Julio Ramos Vidal, both called up.",
            [(3, 4, "GPE"), (5, 6, "GPE"), (7, 8, "GPE"), (9, 12, "ORG")],
            "Tavares",
            "Place",
        ),
        # a longer name that opens with the word is a place's, not a firm's: the word stays a place
        (
            "Ships left Tamsui Bay. Analysts expected Norway's Tamsui to grow.",
            [(2, 4, "LOC"), (7, 8, "GPE"), (9, 10, "GPE")],
            "Tamsui",
            "Place",
        ),
        # a list with places is a list of places
        (
            "Fighting spread to Russia's Velkan, Moldova and the Kestrel Group.",
            [(3, 4, "GPE"), (5, 6, "GPE"), (7, 8, "GPE"), (10, 12, "ORG")],
            "Velkan",
            "Place",
        ),
    ],
)
def test_company_names_needs_the_country_and_a_firms_words(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, name, cls
) -> None:
    assert _types(parse_with_ents(text, ents), ontology)[name] == cls


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Velbert's profits rose.", "profits", True),  # by the noun's lemma
        ("Velbert's chief executive left.", "executive", True),  # by the noun and the word before it
        ("Velbert's deputy chairman left.", "chairman", False),  # a commission has a deputy chairman too
        ("Velbert's wife left.", "wife", False),
    ],
)
def test_company_names_what_only_a_company_has(nlp, ontology, text: str, noun: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.company_names import firms_possession

    doc = nlp(text)
    assert firms_possession(next(t for t in doc if t.text == noun), ontology) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares in Tarvik Coal fell sharply.", True),  # the object of a company's noun
        ("Tarvik Coal reported a loss on Monday.", True),  # the subject of a company's deed
        ("Tarvik Coal made a profit on Monday.", True),  # the subject of a verb whose object is a company's
        ("Snow fell across Tarvik Coal yesterday.", False),
    ],
)
def test_company_names_the_words_a_name_hangs_on_say_a_company(nlp, ontology, text: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.company_names import names_a_firm

    doc = nlp(text)
    head = next(t for t in doc if t.text == "Coal")
    assert names_a_firm(head, ontology) is expected, [(t.text, t.dep_, t.head.text) for t in doc]


def _tokens(nlp, text: str, names: list[tuple[str, str]]) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    """(start, end, label) of every occurrence of each name, by tokens: the NER's labels to force."""
    doc = nlp(text)
    words = [t.text for t in doc]
    ents = []
    for name, label in names:
        parts = [t.text for t in nlp.make_doc(name)]
        ents += [(i, i + len(parts), label) for i in range(len(words)) if words[i : i + len(parts)] == parts]
    return sorted(ents)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # shares in it: every mention of the name in the article is the company's
        ("Shares in Skylark rose 5% on Monday. Skylark has 3,000 staff in Leeds.", "Skylark", "PERSON"),
        ("Shares in Skylark rose 5% on Monday. Skylark has 3,000 staff in Leeds.", "Skylark", "GPE"),
        # its chief executive (a person's name the NER gave it)
        ("Skylark's chief executive quit on Monday. Skylark has 3,000 staff.", "Skylark", "PERSON"),
        # "said it would ...": the company speaks of itself as "it"
        ("Talvo Mead said it would sell its stake. Talvo Mead has 3,000 staff.", "Talvo Mead", "PERSON"),
        # its figures
        ("Brellex reported a loss of 5m euros. Brellex has 3,000 staff.", "Brellex", "GPE"),
        # an apposition right after it
        ("Brellex, the search firm, grew fast. Brellex has 3,000 staff.", "Brellex", "PERSON"),
        # a firm's part in apposition, words before its noun (a hyphenated name the NER took for a person's)
        (
            "Varno-Tek, the venture capital arm of Kestrel Group, sold it. Varno-Tek has 30 staff.",
            "Varno-Tek",
            "PERSON",
        ),
    ],
)
def test_company_in_document_an_article_treating_a_name_as_a_firm_makes_it_one(  # type: ignore[no-untyped-def]
    nlp, parse_with_ents, ontology, text: str, name: str, label: str
) -> None:
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(text, _tokens(nlp, text, [(name, label), ("Leeds", "GPE")]))
    found = [m.type for m, _ in find_mentions(doc, ontology) if m.text == name]
    assert found and set(found) == {"Organization"}, found


@pytest.mark.parametrize(
    ("text", "name", "label", "cls"),
    [
        # another name's shares traded in a place
        ("Orbix shares in Kestrel Bay rose 4%. Kestrel Bay has 3,000 people.", "Kestrel Bay", "GPE", "Place"),
        # a bid for a player, named after his post
        ("Orbix made a bid for Kestrel striker Dana Kell on Monday.", "Dana Kell", "PERSON", "Person"),
        # a person says "it" of anything
        ("Dana Kell said it was hard. Dana Kell has three sons.", "Dana Kell", "PERSON", "Person"),
        # a place has a chief executive and reports cases too; a country sells its stakes
        ("Kestrel Bay's chief executive quit. Kestrel Bay has 3,000 people.", "Kestrel Bay", "GPE", "Place"),
        ("Kestrel Bay reported 32 new cases. Kestrel Bay has 3,000 people.", "Kestrel Bay", "GPE", "Place"),
        ("France said it would sell its stake. France has 60m people.", "France", "GPE", "Place"),
        # an apposition of a person's post, a firm's part only in its words
        ("Dana Kell, the new head of the unit, quit. Dana Kell has three sons.", "Dana Kell", "PERSON", "Person"),
        # a firm's noun further on, hung on the name by a misparse
        (
            "said Dana Kell of the Orbix Council, a Leeds-based citizen action group.",
            "Dana Kell",
            "PERSON",
            "Person",
        ),
    ],
)
def test_company_in_document_needs_a_firms_words(  # type: ignore[no-untyped-def]
    nlp, parse_with_ents, ontology, text: str, name: str, label: str, cls: str
) -> None:
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(text, _tokens(nlp, text, [(name, label), ("Orbix Council", "ORG"), ("Leeds", "GPE")]))
    found = {m.type for m, _ in find_mentions(doc, ontology) if m.text == name}
    assert found == {cls}, found


@pytest.mark.parametrize(
    ("text", "ents", "name", "cls"),
    [
        # a performer's noun on the name: a person, though the NER said organisation
        (
            "Actor Tom Ellery and Dana Kell's film won praise.",
            [(1, 3, "ORG"), (4, 6, "PERSON")],
            "Tom Ellery",
            "Person",
        ),
        ("The film stars singer Tom Ellery.", [(4, 6, "ORG")], "Tom Ellery", "Person"),
        # a region's noun after the name it modifies: a place
        ("Troops left the Kestrel province on Monday.", [(3, 4, "ORG")], "Kestrel", "Place"),
        # a body's noun before, or a body's after: the organisation stands
        ("Broadcaster Kestrel TV won praise.", [(1, 3, "ORG")], "Kestrel TV", "Organization"),
        ("Troops left the Kestrel office on Monday.", [(3, 4, "ORG")], "Kestrel", "Organization"),
    ],
)
def test_not_a_company_a_performers_or_regions_noun_retypes_an_organisation(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology, text: str, ents: list[tuple[int, int, str]], name: str, cls: str
) -> None:
    assert _types(parse_with_ents(text, ents), ontology).get(name) == cls


def test_not_a_company_reads_its_nouns_from_the_ontology(parse_with_ents, ontology, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """kgx:PerformerNoun and kgx:RegionNoun are data: an ontology folder without "singer" or "province" on them
    leaves the NER's organisation alone."""
    import shutil

    from kgraph.ontology import ONTOLOGY_DIR, load_ontology

    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, folder)
    words = folder / "words.ttl"
    text = words.read_text(encoding="utf-8")
    text = text.replace('"singer", "rapper"', '"rapper"').replace('"province", "region"', '"region"')
    words.write_text(text, encoding="utf-8")
    edited = load_ontology(folder)
    assert "singer" not in edited.words("PerformerNoun") and "province" not in edited.words("RegionNoun")
    singer = ("The film stars singer Tom Ellery.", [(4, 6, "ORG")], "Tom Ellery")
    province = ("Troops left the Kestrel province on Monday.", [(3, 4, "ORG")], "Kestrel")
    for (sentence, ents, name), cls in ((singer, "Person"), (province, "Place")):
        assert _types(parse_with_ents(sentence, ents), ontology).get(name) == cls
        assert _types(parse_with_ents(sentence, ents), edited).get(name) == "Organization"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # a firm's part or kind right before the name, hung on it or left beside it by the parse
        ("The firm's Dutch subsidiary Velmar closed. Velmar had 200 staff.", "Velmar", "PERSON"),
        ("The Dutch retailer Verhoeven closed stores. Verhoeven had 200 staff.", "Verhoeven", "GPE"),
        ("Orbix sold it to parts maker Dana Kell last year.", "Dana Kell", "PERSON"),
        # a firm's part or kind right after a name the NER took for a person's
        ("Its key Zanfield division was sold. Zanfield had 200 staff.", "Zanfield", "PERSON"),
        ("The deal was agreed by Japan's troubled Kasumi bank.", "Kasumi", "PERSON"),
        # what only a company has, right after it
        ("Velmar shareholders rejected the offer. Velmar had 200 staff.", "Velmar", "PERSON"),
        # a part of it held
        ("Renwick Motors owns 44% of Tamsui. Tamsui had 200 staff.", "Tamsui", "GPE"),
        # its "its" of what only a company has
        ("Orbel said its profits rose. Orbel had 200 staff.", "Orbel", "PERSON"),
        # ... under a verb other than "say": its clause's subject or its object
        ("Orbel saw its shares rise 14% on Monday. Orbel had 200 staff.", "Orbel", "PERSON"),
        ("Orbel doubled its profits last year. Orbel had 200 staff.", "Orbel", "PERSON"),
        # one of a firm's kind in apposition; for a place's label, one of the makers of goods
        ("Norway's Velmora, one of Europe's biggest banks, cut jobs. Velmora had 200 staff.", "Velmora", "GPE"),
        ("Norway's Velmora, one of Europe's biggest video game publishers, cut jobs.", "Velmora", "GPE"),
        # what it is
        ("Kestrel Halder is India's first low-cost airline.", "Kestrel Halder", "PERSON"),
    ],
)
def test_company_in_document_a_name_in_a_firms_frame_is_one(  # type: ignore[no-untyped-def]
    nlp, parse_with_ents, ontology, text: str, name: str, label: str
) -> None:
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(text, _tokens(nlp, text, [(name, label), ("Renwick Motors", "ORG"), ("Orbix", "ORG")]))
    found = [m.type for m, _ in find_mentions(doc, ontology) if m.text == name]
    assert found and set(found) == {"Organization"}, (found, [(t.text, t.dep_, t.head.text) for t in doc])


@pytest.mark.parametrize(
    ("text", "name", "label", "cls"),
    [
        # a relative clause on the firm's noun: the name is its founder
        ("Orbix bought the firm Dana Kell founded.", "Dana Kell", "PERSON", "Person"),
        # a person's kind of maker, or a work's
        ("The talks were led by peacemaker Dana Kell.", "Dana Kell", "PERSON", "Person"),
        ("The prize went to film maker Dana Kell.", "Dana Kell", "PERSON", "Person"),
        ("The show was hosted by fellow broadcaster Dana Kell.", "Dana Kell", "PERSON", "Person"),
        # a kind of firms
        ("Velmar groups began to surface in 1990.", "Velmar", "PERSON", "Person"),
        # a place before the kind of another name
        ("Tamsui group Kestrel Rain won two prizes.", "Tamsui", "PERSON", "Person"),
        # a place before a firm's part is where it is; a family is no firm
        ("Its key Tamsui division was sold.", "Tamsui", "GPE", "Place"),
        ("The Velmar family sold the firm.", "Velmar", "PERSON", "Person"),
        # a place's possessive before a bank or an airport
        ("Jordan's bank was closed on Monday.", "Jordan", "GPE", "Place"),
        ("Tamsui's airport was closed on Monday.", "Tamsui", "GPE", "Place"),
        # a place's shares are traded there
        ("Tamsui shares fell on Monday.", "Tamsui", "GPE", "Place"),
        # a part of a place, not held
        ("The flood covered 30% of Tamsui.", "Tamsui", "GPE", "Place"),
        # a person's "its", "his", a country's "its"
        ("Dana Kell said its design was flawed.", "Dana Kell", "PERSON", "Person"),
        ("Dana Kell said his profits rose.", "Dana Kell", "PERSON", "Person"),
        ("Dana Kell said Tamsui should take its share of the cost.", "Dana Kell", "PERSON", "Person"),
        ("France said its profits rose.", "France", "GPE", "Place"),
        ("Dana Kell saw his shares rise 14% on Monday.", "Dana Kell", "PERSON", "Person"),
        ("Dana Kell doubled the firm's profits last year.", "Dana Kell", "PERSON", "Person"),
        # a maker of goods a person is too; "one of" no firm's kind
        ("Dana Kell, one of Europe's biggest video game publishers, quit.", "Dana Kell", "PERSON", "Person"),
        ("Dana Kell, one of the bank's directors, quit.", "Dana Kell", "PERSON", "Person"),
        # a person's job at a bank
        ("Dana Kell is a bank employee.", "Dana Kell", "PERSON", "Person"),
        # a name the article gives a person by a form of address
        ("Mr Velmar sold his shares. Velmar said its profits rose.", "Velmar", "PERSON", "Person"),
    ],
)
def test_company_in_document_a_firms_frame_needs_its_words(  # type: ignore[no-untyped-def]
    nlp, parse_with_ents, ontology, text: str, name: str, label: str, cls: str
) -> None:
    from kgraph.extract.mentions import find_mentions

    ents = _tokens(nlp, text, [(name, label), ("Orbix", "ORG"), ("Mr Velmar", "PERSON")])
    # "Velmar" inside "Mr Velmar" is the longer name's
    ents = [e for e in ents if not any(o != e and o[0] <= e[0] and e[1] <= o[1] for o in ents)]
    doc = parse_with_ents(text, ents)
    found = {m.type for m, _ in find_mentions(doc, ontology) if m.text == name}
    assert found == {cls}, (found, [(t.text, t.dep_, t.head.text) for t in doc])


@pytest.mark.parametrize(
    ("text", "ents", "name", "cls"),
    [
        # a noun only a person is called, on a name written as initials and a surname
        ("Shares rose after the tycoon JP Halloran bought more.", [(5, 7, "ORG")], "JP Halloran", "Person"),
        # ... or on a name beside a person's in a list
        (
            "The deal needs the Irish tycoons Kell Varden and John Byrne.",
            [(4, 5, "NORP"), (6, 8, "ORG"), (9, 11, "PERSON")],
            "Kell Varden",
            "Person",
        ),
        # a firm's name after a noun of a person's job, or initials after a body's noun, stay organisations
        ("The fund manager Matrix Advisors bought shares.", [(3, 5, "ORG")], "Matrix Advisors", "Organization"),
        ("Shares in the bank JK Orvane rose.", [(4, 6, "ORG")], "JK Orvane", "Organization"),
        # a plural person's noun on one name alone: a body of people, a firm
        (
            "The bankers JK Orvane and the firm Kell Partners quit.",
            [(2, 4, "ORG"), (7, 9, "ORG")],
            "JK Orvane",
            "Organization",
        ),
    ],
)
def test_not_a_company_a_persons_noun_on_a_persons_name(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology, text: str, ents: list[tuple[int, int, str]], name: str, cls: str
) -> None:
    assert _types(parse_with_ents(text, ents), ontology).get(name) == cls


@pytest.mark.parametrize(
    ("text", "ents", "name", "cls"),
    [
        # a person's title before common words: a company's name, kept whole
        ("Tom Brell, chief executive of General Electric, met bankers.", [(0, 2, "PERSON"), (6, 8, "ORG")],
         "General Electric", "Organization"),
        ("Shares in General Motors fell on Monday.", [(2, 4, "ORG")], "General Motors", "Organization"),
        # a title before a surname: the person, title cut off
        ("General Kell met bankers on Monday.", [(0, 2, "ORG")], "Kell", "Person"),
        # a form of address is no common adjective, though the word after it is one ("stone")
        ("Mr Stone met bankers on Monday.", [(0, 2, "ORG")], "Mr Stone", "Person"),
    ],
)
def test_company_opened_by_a_title_is_a_company(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology, text: str, ents: list[tuple[int, int, str]], name: str, cls: str
) -> None:
    from kgraph.extract.mentions import find_mentions

    types = {m.text: m.type for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
    assert types.get(name) == cls, types
