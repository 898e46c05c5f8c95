"""Tests for kgraph.extract.unit_posts: posts in a unit of a body, not in the body."""

from __future__ import annotations

import pytest


def test_unit_posts_a_named_unit_at_a_body_is_part_of_it(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Paul Reed, head of Global Bonds at Kestrel Investments, agreed.")
    assert ("Global Bonds", "partOf", "Kestrel Investments") in found, found
    assert ("Paul Reed", "headOf", "Global Bonds") in found, found
    assert ("Paul Reed", "headOf", "Kestrel Investments") not in found, found
    # a lesser title works in the unit, which is the firm's
    found = extract_text("Paul Reed, investment director of Global Bonds at Kestrel Investments, agreed.")
    assert ("Global Bonds", "partOf", "Kestrel Investments") in found, found
    assert ("Paul Reed", "worksFor", "Global Bonds") in found, found
    # no "at" phrase: no unit, the title's own organisation
    found = extract_text("Paul Reed, head of Kestrel Investments, agreed.")
    assert ("Paul Reed", "headOf", "Kestrel Investments") in found, found
    assert not [f for f in found if f[1] == "partOf"], found


def test_unit_posts_an_unnamed_function_at_a_body_is_a_post_in_it(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Jo Parry, Lena Bright's head of press at Velvet Records, said the singer was resting.")
    assert ("Jo Parry", "worksFor", "Velvet Records") in found, found
    assert not [f for f in found if f[1] == "headOf"], found
    # the head of the label itself heads it
    found = extract_text("Jo Parry, head of Velvet Records, said the singer was resting.")
    assert ("Jo Parry", "headOf", "Velvet Records") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Gerald Tamm, chairman of the Culture, Media and Sport select committee, said the charter was vital.",
        "Kellish Fisheries select committee chairman Gerald Tamm said the charter was vital.",
    ],
)
def test_unit_posts_a_committee_named_after_a_body_is_no_post_in_it(  # type: ignore[no-untyped-def]
    extract_text, text: str
) -> None:
    found = extract_text(text)
    assert not [f for f in found if f[0] == "Gerald Tamm" and f[1] in {"headOf", "worksFor"}], found


def test_unit_posts_the_chair_of_a_body_still_heads_it(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The chairman of Hollis Bank, Dan Frost, said profits rose.")
    assert ("Dan Frost", "headOf", "Hollis Bank") in found, found
    found = extract_text("Sara Lind, head of Hollis Bank's card unit, said costs fell.")
    assert ("Sara Lind", "worksFor", "Hollis Bank") in found, found
    assert not [f for f in found if f[1] == "headOf"], found


def test_unit_posts_a_committee_word_beside_the_name_still_names_the_committee(  # type: ignore[no-untyped-def]
    nlp, ontology
) -> None:
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    def relations(text: str, committee_tag: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        # as the parser may read it: the committee's word tagged a name's, and both words before the title on it
        doc[1].pos_ = committee_tag
        doc[0].head = doc[2]
        mentions = find_mentions(doc, ontology)
        links = link_mentions(doc, mentions, ontology)
        kept = [(m, s) for m, s in mentions if m in links]
        return {(r.subject.text, r.predicate, r.object.text) for r in find_relations(doc, kept, ontology, links)}

    found = relations("OHM committee chairman Tom Haddow said the plan was flawed.", "PROPN")
    assert not [f for f in found if f[0] == "Tom Haddow" and f[1] in {"headOf", "worksFor"}], found
    # a firm's board's chairman is the firm's
    found = relations("Orbix board chairman Tom Haddow said the plan was flawed.", "PROPN")
    assert ("Tom Haddow", "headOf", "Orbix") in found, found
