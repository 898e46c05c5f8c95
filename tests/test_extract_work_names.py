"""kgraph.extract.work_names: which names the document calls works, products or characters."""

from __future__ import annotations

import pytest


def _names(nlp, ontology, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return {m.text: m.type for m, _ in find_mentions(nlp(text), ontology) if m.label not in {"pronoun", "description"}}


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Former Harbour Lights actress Mara Quill has joined a new drama.", "Harbour Lights"),
        ("Tom Ellery, who played Ben Marsh in Harbour Lights, has died. The actor was 70.", "Harbour Lights"),
        ("Tom Ellery, who played Ben Marsh in Harbour Lights, has died. The actor was 70.", "Ben Marsh"),
        ("Mara Quill starred in Harbour Lights for six years. The Harbour Lights star is now 40.", "Harbour Lights"),
        ("Dana Kell won praise for her role in Cold Harbour. The film opens in May.", "Cold Harbour"),
        ("Tom Ellery plays Ben Marsh in the film.", "Ben Marsh"),
        (
            "Dana Kell's film Cold Harbour opened in May. Jonas Brell, the Cold Harbour producer, was pleased.",
            "Cold Harbour",
        ),
        ("Orbitel launched the Xphone in May. The Xphone sold well.", "Xphone"),
        ("Critics loved the video game Starfall Rising this year.", "Starfall Rising"),
        ("Tom Ellery, the presenter of BBC Two's Night Harbour, joined the panel.", "Night Harbour"),
        ("Users can buy the software Vantor from Orbitel.", "Vantor"),
        ("Fans bought the charity single Kestrel Aid 20 in Leeds.", "Kestrel Aid 20"),
        ("You need special software, like Orbitel's Vantor or Kestrel Labs' Harlequin.", "Harlequin"),
        ("Fans love films such as Starfall and Harle Quest.", "Harle Quest"),
    ],
)
def test_a_name_the_article_calls_a_work_or_product_is_no_mention(nlp, ontology, text: str, gone: str) -> None:  # type: ignore[no-untyped-def]
    """A performer's noun after the name, "played Y in Z", "her role in Z", "X plays Y" in an article about
    a film, "launched the X": everywhere in the article the name (or character) is neither person nor body."""
    assert gone not in _names(nlp, ontology, text)


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        ("National Theatre actor Tom Ellery joined the cast of a new film.", "National Theatre", "Organization"),
        ("Rafael Soler played Ben Marsh in Madrid on Sunday.", "Ben Marsh", "Person"),
        ("Rafael Soler played Ben Marsh in Madrid on Sunday.", "Madrid", "Place"),
        (
            "Dana Kell launched Orbitel Mobile in 2001. Orbitel Mobile said it would cut jobs.",
            "Orbitel Mobile",
            "Organization",
        ),
        (
            "Launching the Department for Transport's plan, Lord Kell said no.",
            "Department for Transport",
            "GovernmentBody",
        ),
        ("Irish band Kestrel Lane won on Friday. Kestrel Lane guitarist Tom Ellery has left.", "Tom Ellery", "Person"),
        # guard: a channel's person is its staff, no programme
        ("BBC Two's Tom Ellery said the show was over.", "Tom Ellery", "Person"),
        # guard: "play" a verb, a "game" with no kind of game's word (a match)
        ("Kestrel Town will play Harle Rovers in May.", "Harle Rovers", "Organization"),
        ("Kestrel Town won the game Harle Rovers lost.", "Harle Rovers", "Organization"),
        # guard: the example of a kind of body is one ("firms like Orbitel")
        ("Shares in big firms like Orbitel Mobile fell in May.", "Orbitel Mobile", "Organization"),
    ],
)
def test_names_the_words_do_not_make_works_stay(nlp, ontology, text: str, name: str, cls: str) -> None:  # type: ignore[no-untyped-def]
    """A stage company before "actor", a match played (no film in the article), a launched name the article
    calls a firm ("X said it would ...") keep their class."""
    assert _names(nlp, ontology, text).get(name) == cls


def test_a_work_takes_no_employee_but_a_theatre_does(parse_with_ents, ontology, relation_triples) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    def triples(text: str, ents: list[tuple[int, int, str]]) -> set[tuple[str, str, str]]:
        doc = parse_with_ents(text, ents)
        return relation_triples(doc, find_mentions(doc, ontology))

    work = "Harbour Lights actress Mara Quill is to play the lead in a new series."
    assert not any("Harbour Lights" in t for t in triples(work, [(0, 2, "ORG"), (3, 5, "PERSON")]))
    theatre = "Kestrel Theatre actress Mara Quill is to play the lead in a new series."
    assert ("Mara Quill", "worksFor", "Kestrel Theatre") in triples(theatre, [(0, 2, "ORG"), (3, 5, "PERSON")])


def test_a_name_cut_from_a_title_the_ner_saw_whole_is_no_mention(parse_with_ents, ontology) -> None:  # type: ignore[no-untyped-def]
    """The NER reads "The Fall of the Tsar" whole once and takes "Tsar" for a person in the next sentence:
    the article has called the whole a work, so the name cut from it is none; a prize's name the NER calls
    a work of art ("the Kestrel Prize in Physics") names no work."""
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.work_names import is_work

    text = "The film The Fall of the Tsar opened in May. The Fall of the Tsar made money."
    doc = parse_with_ents(text, [(3, 7, "WORK_OF_ART"), (15, 16, "PERSON")])
    assert "Tsar" not in {m.text for m, _ in find_mentions(doc, ontology)}
    doc = parse_with_ents(
        "Dana Kell won the Kestrel Prize in Physics in May.", [(0, 2, "PERSON"), (4, 8, "WORK_OF_ART")]
    )
    assert not is_work(doc[4:8], ontology)
    assert not is_work(doc[0:2], ontology)


def test_two_names_the_ner_made_of_one_title_are_no_mentions(parse_with_ents, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Bright Harbour" + "of the" + "Silent Moon" in an article about a film: one title, no body and no
    place; a body's head noun ("Kestrel Bank of the North") or a place ("Friends of the Earth") keeps them."""
    from kgraph.extract.mentions import find_mentions

    def names(text: str, ents: list[tuple[int, int, str]]) -> set[str]:
        return {m.text for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}

    film = "Mara Quill won praise for Bright Harbour of the Silent Moon. The film opens in May."
    found = names(film, [(0, 2, "PERSON"), (5, 7, "ORG"), (9, 11, "FAC")])
    assert "Mara Quill" in found and not found & {"Bright Harbour", "Silent Moon"}, found
    bank = "Mara Quill won praise for Kestrel Bank of the Silent Moon. The film opens in May."
    assert "Kestrel Bank" in names(bank, [(0, 2, "PERSON"), (5, 7, "ORG"), (9, 11, "FAC")])
    earth = "Mara Quill won praise for Friends of the Earth. The film opens in May."
    assert "Friends" in names(earth, [(0, 2, "PERSON"), (5, 6, "ORG"), (8, 9, "LOC")])


def test_a_works_noun_before_a_split_title_makes_it_one_though_the_ner_saw_a_person(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology
) -> None:
    """ "the drama" + "Lena Bright" (a person's name to the NER) + "of" + "Morning": one title after a work's noun;
    with no such noun before it, a person's name "of" a name stays the person's ("Lena Bright of Kestrel")."""
    from kgraph.extract.mentions import find_mentions

    def names(text: str, ents: list[tuple[int, int, str]]) -> set[str]:
        return {m.text for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}

    drama = "Mara Quill starred in the Danish drama Lena Bright of Morning. The film opens in May."
    found = names(drama, [(0, 2, "PERSON"), (5, 6, "NORP"), (7, 9, "PERSON"), (10, 11, "ORG")])
    assert "Mara Quill" in found and not found & {"Lena Bright", "Morning"}, found
    person = "Mara Quill starred with Lena Bright of Kestrel. The film opens in May."
    assert "Lena Bright" in names(person, [(0, 2, "PERSON"), (4, 6, "PERSON"), (7, 8, "ORG")])


@pytest.mark.parametrize(
    ("second", "kept"),
    [("Kestrel and Tacoma Lane defender Dana Kell scored.", True), ("Kestrel and Tacoma Lane made a film.", False)],
)
def test_a_title_the_ner_saw_whole_counts_in_an_article_about_performances(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology, second: str, kept: bool
) -> None:
    """The NER's "work of art" of three words is a title only where the article speaks of a film, an album
    ...: in a match report "Kestrel and Tacoma Lane" is two teams."""
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(f"Kestrel and Tacoma Lane won. {second}", [(0, 4, "WORK_OF_ART"), (6, 7, "ORG")])
    assert ("Kestrel" in {m.text for m, _ in find_mentions(doc, ontology)}) is kept


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("The award went to Tom Ellery from Night Porters (BBC Two) on Sunday.", "Night Porters"),
        ("Gervais and The Lodge co-writer Stephen Marsh received an award.", "Lodge"),
        ("Dana Kell, star of Harbour Lights, won best actress. The film opens in May.", "Harbour Lights"),
    ],
)
def test_a_programme_or_a_makers_work_is_no_employer(nlp, ontology, extract_text, text: str, work: str) -> None:  # type: ignore[no-untyped-def]
    """A channel in brackets after the name, "the Z co-writer X", "X, star of Z" (in an article about
    performances): Z is a work, neither a mention nor anyone's employer."""
    assert work not in _names(nlp, ontology, text)
    assert not any(p == "worksFor" for _, p, _ in extract_text(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The award went to Tom Ellery from Kestrel Media (Bergen) on Sunday.", "Kestrel Media"),
        ("Kestrel Media writer Stephen Marsh received an award.", "Kestrel Media"),
        ("Dana Kell, chairman of Kestrel Media, won an award for the film.", "Kestrel Media"),
    ],
)
def test_a_firm_beside_a_place_or_a_writer_stays_a_firm(nlp, ontology, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """A place in brackets is no channel, "writer" alone no hand in a work, a chairman "of" no star "of"."""
    assert _names(nlp, ontology, text).get(name) == "Organization"


def test_a_name_called_a_film_is_a_work(ontology, parse_with_ents) -> None:  # type: ignore[no-untyped-def]
    """ "Z was named best film": Z is a work (the same words about a company keep it one)."""
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents("Cold Harbour was named best film on Sunday.", [(0, 2, "ORG")])
    assert not [m for m, _ in find_mentions(doc, ontology) if m.text == "Cold Harbour"]
    doc = parse_with_ents("Kestrel Media was named best company on Sunday.", [(0, 2, "ORG")])
    assert [m.type for m, _ in find_mentions(doc, ontology) if m.text == "Kestrel Media"] == ["Organization"]


def test_a_performers_for_on_an_award_list_names_a_work(ontology, parse_with_ents, relation_triples) -> None:  # type: ignore[no-untyped-def]
    """ "Best actor - X for Z" in an article about performances: Z is X's work, so "Z's X" (the NER's
    organisation) is no employment; the same list leaves a firm's possessive ("Orbitel's X") its employee."""
    from kgraph.extract.mentions import find_mentions

    text = "The Silver Road's Tom Ellery won best musical actor. The winners: Best musical actor - Tom Ellery for The "
    doc = parse_with_ents(text + "Silver Road.", [(1, 3, "ORG"), (4, 6, "PERSON"), (18, 20, "PERSON")])
    assert not relation_triples(doc, find_mentions(doc, ontology))
    doc = parse_with_ents(text + "Silver Road.", [(1, 3, "ORG"), (4, 6, "PERSON")])  # no list: no work
    assert ("Tom Ellery", "worksFor", "Silver Road") in relation_triples(doc, find_mentions(doc, ontology))
    doc = parse_with_ents("Orbitel's Tom Ellery won best actor. The winners: Best actor - Tom Ellery for Cold Harbour.",
                          [(0, 1, "ORG"), (2, 4, "PERSON"), (14, 16, "PERSON")])
    assert ("Tom Ellery", "worksFor", "Orbitel") in relation_triples(doc, find_mentions(doc, ontology))


def test_a_works_noun_before_its_titles_the_names_a_work(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Hollywood blockbuster The Silver Road": a work's noun, then the title with its own "The"; a firm's noun
    there leaves a firm ("media group The Silver Road")."""
    from kgraph.extract.mentions import find_mentions

    def types(text: str) -> list[str]:
        doc = nlp(text)
        doc.ents = [doc.char_span(text.index("Silver"), text.index("Road") + 4, label="ORG")]
        return [m.type for m, _ in find_mentions(doc, ontology) if m.text == "Silver Road"]

    assert types("Hollywood blockbuster The Silver Road took four awards.") == []
    assert types("Hollywood media group The Silver Road took four awards.") == ["Organization"]


def test_a_character_of_a_role_takes_no_award_of_its_actor(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Berg's performance as Mara won a Kestrel Guild Award.")
    assert not [f for f in found if f[1] == "receivedAward"], found
    # the actor named before her role takes it; a name that wins in its own clause too
    found = extract_text("Anna Berg won the Kestrel Award for her role as Queen Mara in The Long Tide.")
    assert ("Anna Berg", "receivedAward", "Kestrel Award") in found, found
    found = extract_text("Mara Quill won a Kestrel Guild Award.")
    assert ("Mara Quill", "receivedAward", "Kestrel Guild Award") in found, found


@pytest.mark.parametrize(
    ("text", "ents", "gone"),
    [
        # a product's noun right before the name (kgx:ProductNoun)
        ("Orvane won the rights to the drug Xenor from its maker.", [(0, 1, "ORG"), (7, 8, "PERSON")], "Xenor"),
        (
            "Kellmore Pharma makes the anti-depressant Xenor in Oslo.",
            [(0, 2, "ORG"), (7, 8, "PERSON"), (9, 10, "GPE")],
            "Xenor",
        ),
        # a program's noun: "web browser X"
        (
            "Orbitel bundles the web browser Pelican with its phones.",
            [(0, 1, "ORG"), (5, 6, "PERSON")],
            "Pelican",
        ),
        # a product's noun as what the name is
        (
            "Orbitel's Kestrel Pocket is the top gadget of the year.",
            [(0, 1, "ORG"), (2, 4, "PERSON")],
            "Kestrel Pocket",
        ),
    ],
)
def test_a_name_the_article_calls_a_product_is_no_mention(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology, text: str, ents: list[tuple[int, int, str]], gone: str
) -> None:
    from kgraph.extract.mentions import find_mentions

    names = {m.text for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
    assert gone not in names and names, names


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # a product's noun compounded on a firm's noun: the name is the maker
        ("The drug maker Kellmore Pharma said profits rose.", [(3, 5, "ORG")], "Kellmore Pharma"),
        # a product's noun nowhere near the name
        ("Kellmore Pharma is the biggest firm in the drug trade.", [(0, 2, "ORG")], "Kellmore Pharma"),
        # a browser's maker
        ("The browser maker Pelican said sales rose.", [(3, 4, "ORG")], "Pelican"),
        # a browser's name the article calls a firm too
        (
            "Tom Brell uses the web browser Pelican. Pelican said it would hire staff.",
            [(0, 2, "PERSON"), (6, 7, "ORG"), (8, 9, "ORG")],
            "Pelican",
        ),
    ],
)
def test_a_firm_beside_a_products_noun_stays(  # type: ignore[no-untyped-def]
    parse_with_ents, ontology, text: str, ents: list[tuple[int, int, str]], name: str
) -> None:
    from kgraph.extract.mentions import find_mentions

    types = {m.text: m.type for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
    assert types.get(name) == "Organization", types


@pytest.mark.parametrize(
    ("text", "ents", "gone"),
    [
        # a channel's possessive before a name: a programme
        (
            "Tom Ellery, the presenter of BBC Two's Night Harbour, joined the panel.",
            [(0, 2, "PERSON"), (6, 8, "ORG"), (9, 11, "ORG")],
            "Night Harbour",
        ),
        # an example of a kind of product: a product, whatever the NER took it for
        (
            "You need special software, like Orbitel's Vantor or Kestrel Labs' Harlequin.",
            [(6, 7, "ORG"), (10, 12, "ORG"), (13, 14, "PERSON")],
            "Harlequin",
        ),
    ],
)
def test_work_names_a_channels_programme_and_a_kinds_example_are_no_mentions(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text: str, ents: list[tuple[int, int, str]], gone: str
) -> None:
    from kgraph.extract.mentions import find_mentions

    assert gone not in {m.text for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
