"""kgraph.extract.kind_names: bands are bodies, venues places, and names used as common nouns no names."""

from __future__ import annotations

import pytest


def _types(doc, ontology) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return {m.text: m.type for m, _ in find_mentions(doc, ontology) if m.label not in {"pronoun", "description"}}


@pytest.mark.parametrize(
    ("text", "ents", "name", "cls"),
    [
        # a band's noun before the name, or its player or leader after it: a body, wherever the NER took it
        ("The band Harlow Vane played in Leeds.", [(2, 4, "PERSON"), (6, 7, "GPE")], "Harlow Vane", "Organization"),
        ("The rock group Harlow Vane split up.", [(3, 5, "PERSON")], "Harlow Vane", "Organization"),
        (
            "Harlow Vane frontman Tom Ellery lives in Leeds.",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (7, 8, "GPE")],
            "Harlow Vane",
            "Organization",
        ),
        (
            "Kestrel Rays singer Mara Quill was born in Leeds.",
            [(0, 2, "ORG"), (3, 5, "PERSON"), (9, 10, "GPE")],
            "Kestrel Rays",
            "Organization",
        ),
        # guards: the player is a person; a player's noun after a person's or a people's name is the player's own
        (
            "Harlow Vane frontman Tom Ellery lives in Leeds.",
            [(0, 2, "PERSON"), (3, 5, "PERSON"), (7, 8, "GPE")],
            "Tom Ellery",
            "Person",
        ),
        ("Dana Kell singer Mara Quill lives in Leeds.", [(0, 2, "PERSON"), (3, 5, "PERSON")], "Dana Kell", "Person"),
        # venues after "tracks at": places, every name of the list
        (
            "The dog tracks at Harle Vale and Bexmoor are for sale.",
            [(4, 6, "ORG"), (7, 8, "PERSON")],
            "Bexmoor",
            "Place",
        ),
        # guard: "at" after no venue's noun keeps the NER's class
        ("Analysts at Harle Vale said no.", [(2, 4, "ORG")], "Harle Vale", "Organization"),
    ],
)
def test_kind_names_the_words_beside_a_name_give_its_class(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text: str, ents: list[tuple[int, int, str]], name: str, cls: str
) -> None:
    assert _types(parse_with_ents(text, ents), ontology).get(name) == cls


def test_a_bands_player_is_its_member_and_the_band_has_no_home(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, relation_triples
) -> None:
    from kgraph.extract.mentions import find_mentions

    doc = parse_with_ents(
        "Harlow Vane frontman Tom Ellery said the tour was over.", [(0, 2, "PERSON"), (3, 5, "PERSON")]
    )
    triples = relation_triples(doc, find_mentions(doc, ontology))
    assert ("Tom Ellery", "memberOf", "Harlow Vane") in triples
    doc = parse_with_ents("The band Harlow Vane lives in Leeds.", [(2, 4, "PERSON"), (6, 7, "GPE")])
    assert not any(p in {"livesIn", "nationality"} for _, p, _ in relation_triples(doc, find_mentions(doc, ontology)))


@pytest.mark.parametrize(
    ("text", "ents", "name", "kept"),
    [
        # initials the lower-case words before the bracket spell: a common noun's short form
        ("Kellmark has launched digital radio broadcasting (DRB) at last.", [(7, 8, "ORG")], "DRB", False),
        # guard: a body's own initials after its name stay a body's
        ("The Kellmark Radio Board (KRB) said no.", [(1, 4, "ORG"), (5, 6, "ORG")], "KRB", True),
        # a word opening a sentence that the article writes in lower case elsewhere is no name
        ("Broadband is growing in Kellmark. Many broadband users live there.", [(0, 1, "GPE")], "Broadband", False),
        # guard: a name the article capitalises inside a sentence too is a name
        (
            "Orbitel is growing. Users like Orbitel and orbitel fans agree.",
            [(0, 1, "ORG"), (6, 7, "ORG")],
            "Orbitel",
            True,
        ),
    ],
)
def test_kind_names_a_name_used_as_a_common_noun_is_no_mention(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text: str, ents: list[tuple[int, int, str]], name: str, kept: bool
) -> None:
    assert (name in _types(parse_with_ents(text, ents), ontology)) is kept
