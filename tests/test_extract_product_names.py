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
