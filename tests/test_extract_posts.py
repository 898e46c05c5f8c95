"""Tests for kgraph.extract.posts: what a title makes its holder."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Tom Lane, European boss of Orbix, said sales rose.",
        "Tom Lane, the UK chief executive of Orbix, said sales rose.",
        "Orbix's European boss Tom Lane said sales rose.",
    ],
)
def test_posts_a_regional_head_is_the_firms_staff(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Tom Lane", "worksFor", "Orbix") in found, found
    assert not [f for f in found if f[1] in {"headOf", "ceoOf"}], found


def test_posts_a_head_with_no_region_heads_the_firm(extract_text) -> None:  # type: ignore[no-untyped-def]
    assert ("Tom Lane", "ceoOf", "Orbix") in extract_text("Tom Lane, chief executive of Orbix, said sales rose.")
    # a country's name in the body's own name
    found = extract_text("Asked about rates on Friday, US Treasury chief Tom Lane declined to comment.")
    assert ("Tom Lane", "headOf", "US Treasury") in found, found


def test_posts_the_chair_of_a_bodys_committee_is_no_head_of_the_body(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "The chairman of the Harbour Council's planning committee, Tobias Renwick, said the vote would be close."
    )
    assert ("Tobias Renwick", "worksFor", "Harbour Council") in found, found
    assert not [f for f in found if f[1] == "headOf"], found
    # the chairman of the body itself heads it
    found = extract_text("The chairman of the Harbour Council, Tobias Renwick, said the vote would be close.")
    assert ("Tobias Renwick", "headOf", "Harbour Council") in found, found


def test_posts_a_firms_bare_director_sits_on_its_board(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The regulator said the wife of current Kestrel Bank director Marcus Hale was paid $1m.")
    assert ("Marcus Hale", "worksFor", "Kestrel Bank") in found, found
    assert not [f for f in found if f[1] == "headOf"], found
    # a body's director heads it; a firm's managing director runs it
    assert ("Lena Voss", "headOf", "Harbour Trust") in extract_text(
        "Lena Voss, director of the Harbour Trust, spoke on Monday."
    )
    assert ("Lena Voss", "ceoOf", "Kestrel Bank") in extract_text(
        "Kestrel Bank managing director Lena Voss resigned on Monday."
    )


@pytest.mark.parametrize("body", ["working party", "working group"])
def test_posts_the_chair_of_a_sub_body_is_no_post_in_the_body_named_before(  # type: ignore[no-untyped-def]
    extract_text, body: str
) -> None:
    found = extract_text(
        "The Harbour Trade Council met in Oslo on Monday. Its members agreed to set up a "
        f"{body} on fishing. But the chairman of the {body}, Lena Berg, warned that much work remained."
    )
    assert not [f for f in found if f[0] == "Lena Berg" and f[2] == "Harbour Trade Council"], found
    # the body's own chairman heads it
    found = extract_text(
        "The Harbour Trade Council met in Oslo on Monday. Its chairman, Lena Berg, warned that much work remained."
    )
    assert ("Lena Berg", "headOf", "Harbour Trade Council") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "It will be up to the incoming president of the Kellish Commission, Anna Berg, to adopt the plan.",
        "Anna Berg, the incoming president of Orbix, said sales would rise.",
        "Anna Berg, the chief executive designate of Orbix, said sales would rise.",
        "Anna Berg, president-elect of the Oslo Guild, said the vote would be close.",
        "Orbix's future chairman Anna Berg said sales would rise.",
    ],
)
def test_posts_a_post_yet_to_be_taken_up_is_no_post_now(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[0] == "Anna Berg" and f[1] in {"headOf", "ceoOf", "worksFor"}], found


def test_posts_a_new_holder_holds_the_post(extract_text) -> None:  # type: ignore[no-untyped-def]
    # a party's future MP is its member already
    found = extract_text("Anna Berg, a prospective Kestrel Party MP, said the vote would be close.")
    assert ("Anna Berg", "memberOf", "Kestrel Party") in found, found
    found = extract_text("Anna Berg, the new president of the Kellish Commission, said the plan would be adopted.")
    assert ("Anna Berg", "headOf", "Kellish Commission") in found, found
    found = extract_text("Anna Berg, the president of Orbix, said sales would rise.")
    assert ("Anna Berg", "headOf", "Orbix") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The Kellish Green Party's health spokeswoman, Anna Berg, said she was pleased.",
        "The Kellish Green Party was split. Anna Berg, the party's Treasury spokesman, said the tax was wrong.",
    ],
)
def test_posts_a_spokeswoman_of_a_body_called_a_party_is_its_member(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Anna Berg", "memberOf", "Kellish Green Party") in found, found
    assert ("Anna Berg", "worksFor", "Kellish Green Party") not in found, found


def test_posts_a_spokeswoman_of_a_trust_works_for_it(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Kestrel Trust spokeswoman Anna Berg said the plan was wrong.")
    assert ("Anna Berg", "worksFor", "Kestrel Trust") in found, found
    assert ("Anna Berg", "memberOf", "Kestrel Trust") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Air's new chief executive Tom Lane, who will take over in May, said he was pleased.",
        "Tom Lane, Kestrel Air's new chief executive, who will succeed Anna Berg in May, said he was pleased.",
    ],
)
def test_posts_a_holder_who_will_take_the_post_over_holds_none_yet(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[0] == "Tom Lane" and f[1] in {"ceoOf", "headOf", "worksFor"}], found


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Air's chief executive Tom Lane, who will step down in May, said he was pleased.",
        "Kestrel Air's new chief executive Tom Lane, who took over in May, said he was pleased.",
    ],
)
def test_posts_a_holder_whose_clause_takes_up_no_post_holds_it(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("Tom Lane", "ceoOf", "Kestrel Air") in extract_text(text)
