"""kgraph.extract.product_names: a name right before a kind of product's noun is that product's there."""

from __future__ import annotations

import pytest


def _names(nlp, ontology, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return {m.text: m.type for m, _ in find_mentions(nlp(text), ontology) if m.label not in {"pronoun", "description"}}


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Dana Kell, who wrote the Kestrel operating system, lives in Oslo.", "Kestrel"),
        ("Tom Brell, who designed the Kestrel browser, moved to Velmar Systems in Oslo.", "Kestrel"),
    ],
)
def test_a_name_before_a_product_kind_is_no_mention(nlp, ontology, text: str, gone: str) -> None:  # type: ignore[no-untyped-def]
    """ "the X operating system", "the X browser": the name is the product's, no person, body or place."""
    names = _names(nlp, ontology, text)
    assert gone not in names and "Oslo" in names, names


def test_product_ranges_cover_the_name_only(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """The range is the name's between the possessive and the noun ("Orbitel's Kestrel Mini console")."""
    from kgraph.extract.product_names import product_ranges

    doc = nlp("Orbitel's Kestrel Mini console went on sale in May.")
    assert [doc.text[a:b] for a, b in product_ranges(doc, ontology)] == ["Kestrel Mini"]


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        # after "a"/"an" the name is the maker's
        ("Tom Brell sold an Orbitel handset to Dana Kell.", "Orbitel", "Organization"),
        # a body's head noun in the name: the maker
        ("Dana Kell built the Velmar University robot in Oslo.", "Velmar University", "Organization"),
        # a country before a product's noun compounded on another noun: a trade
        ("Dana Kell joined the Orbitel handset business in Oslo.", "Oslo", "Place"),
    ],
)
def test_a_maker_before_a_product_kind_stays(nlp, ontology, text: str, name: str, cls: str) -> None:  # type: ignore[no-untyped-def]
    """A name after an indefinite article, or with a body's head noun, is the maker's and keeps its class."""
    assert _names(nlp, ontology, text).get(name) == cls


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # "the" and a kind's noun with a version's number: the name with and without the number, everywhere
        (
            "Orbitel showed the new Velmo 3 console in Oslo. Velmo frontman Dana Kell said the Velmo would sell.",
            {"Velmo", "Velmo 3"},
            "Dana Kell",
        ),
        # the maker's possessive before the name and a service's noun after it, words between
        (
            "Mara Quill praised Orbitel's Velmo digital service. Velmo was more popular than cable in Oslo.",
            {"Velmo"},
            "Oslo",
        ),
        # "its" before the name and a plural kind's noun
        ("Orbitel sold more of its Velmo consoles. Tom Brell said Velmo helped Orbitel.", {"Velmo"}, "Tom Brell"),
        # a platform's name before "-based" on a device's noun
        (
            "Tom Brell sells the Pandra-based Velmo players in Oslo. Pandra is free to copy.",
            {"Pandra"},
            "Oslo",
        ),
    ],
)
def test_a_product_frame_holds_throughout(nlp, ontology, text: str, gone: set[str], kept: str) -> None:  # type: ignore[no-untyped-def]
    """ "the new Velmo 3 console", "Orbitel's Velmo digital service", "its Velmo consoles", "Pandra-based
    players": the name is no mention anywhere in the article."""
    from kgraph.extract.product_names import product_texts

    doc = nlp(text)
    assert gone <= product_texts(doc, ontology), product_texts(doc, ontology)
    names = _names(nlp, ontology, text)
    assert gone.isdisjoint(names) and kept in names, names


def _triples(doc, ontology) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    mentions = find_mentions(doc, ontology)
    links = link_mentions(doc, mentions, ontology)
    kept = [(m, s) for m, s in mentions if m in links]
    found = find_relations(doc, kept, ontology, links)
    return {(links[r.subject].text, r.predicate, links[r.object].text) for r in found}


def test_a_products_frontman_is_no_member(parse_with_ents, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Velmo frontman X" after "the Velmo 3 console": a product's frontman, no band's member (the NER's
    organisation)."""
    text = "Orbitel showed the new Velmo 3 console. Velmo frontman Dana Kell said it was fast."
    doc = parse_with_ents(text, [(0, 1, "ORG"), (4, 5, "ORG"), (8, 9, "ORG"), (10, 12, "PERSON")])
    triples = _triples(doc, ontology)
    assert not any(p == "memberOf" for _, p, _ in triples), triples
    # a band's frontman stays its member
    text = "Orbitel signed the band Velmo Lane. Velmo Lane frontman Dana Kell said it was fast."
    doc = parse_with_ents(text, [(0, 1, "ORG"), (4, 6, "ORG"), (7, 9, "ORG"), (10, 12, "PERSON")])
    assert ("Dana Kell", "memberOf", "Velmo Lane") in _triples(doc, ontology)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a unit's noun after the name elsewhere: the maker's division, a body
        ("Orbitel's Velmo console sold well. Dana Kell runs the Velmo division of Orbitel.", "Velmo"),
        # a firm's words around the name elsewhere: a firm, whatever its product's noun says
        ("Tom Brell installed the Kestrel operating system. Shares in Kestrel rose 5%.", "Kestrel"),
        # someone's post after the name: a body
        ("Dana Kell bought the Velmo handset. Velmo chief executive Tom Brell said sales rose.", "Velmo"),
        ("Dana Kell bought the Velmo handset, Velmo's Tom Brell said.", "Velmo"),
        # a service's noun after "the" alone: as often the provider's name
        ("The Velmo service reached Oslo in May.", "Velmo"),
        # a country before "-based": a place
        ("Tom Brell signed two Portugal-based players for Orbitel.", "Portugal"),
    ],
)
def test_a_body_or_place_in_a_product_frame_is_no_product(nlp, ontology, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """A name the article also treats as a firm, a unit or someone's employer, after "the" alone before a
    service's noun, or a country's before "-based", is no product throughout the article."""
    from kgraph.extract.product_names import product_texts

    assert name not in product_texts(nlp(text), ontology)


def test_a_firm_in_a_product_frame_stays_a_mention(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Shares in Kestrel" after "the Kestrel operating system": Kestrel is a firm in the later sentence."""
    names = _names(nlp, ontology, "Tom Brell installed the Kestrel operating system. Shares in Kestrel rose 5%.")
    assert names.get("Kestrel") == "Organization", names
