"""Parties named by their adjective or member noun (kgraph/extract/party_names.py), through the rule extractor."""

from __future__ import annotations

import pytest


def _types(nlp, ontology, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    return {m.text: m.type for m, _ in find_mentions(nlp(text), ontology)}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        # an adjective before a politician's title
        ("Republican senator Arlen Spencer said the bill would fail.", ("Arlen Spencer", "memberOf", "Republican")),
        ("Democrat congressman Bill Lowe voted for the plan.", ("Bill Lowe", "memberOf", "Democrat")),
        # a member noun the NER calls a group of people
        ("On Monday, Tory MP Jane Hollis backed the plan.", ("Jane Hollis", "memberOf", "Tory")),
        # "Liberal Democrat" kept whole; a party's spokesman is its member, not its employee
        (
            "The plan was opposed by the Liberal Democrat spokesman Tom Reed.",
            ("Tom Reed", "memberOf", "Liberal Democrat"),
        ),
        ("Lib Dem MP Ian Sharp was absent.", ("Ian Sharp", "memberOf", "Lib Dem")),
        # a leader by the existing leader rules, at the start of a sentence too
        ("Liberal Democrat leader Paul Kent said the plan would fail.", ("Paul Kent", "headOf", "Liberal Democrat")),
        ("Tory leader Mark Dunn disagreed.", ("Mark Dunn", "headOf", "Tory")),
        # a nation's adjective before the word names the party's branch there, one name with it
        ("Scottish Labour leader Ian Rowe said the plan would fail.", ("Ian Rowe", "headOf", "Scottish Labour")),
        ("On Friday, Welsh Conservative leader Mark Dunn disagreed.", ("Mark Dunn", "headOf", "Welsh Conservative")),
        # a person's name of the NER's ending in the word ("Leeds Labour", "Labour") gives way to the party
        ("Leeds Labour councillor Ann Cole voted against it.", ("Ann Cole", "memberOf", "Labour")),
        ("On Monday, Leeds Labour councillor Ann Cole voted against it.", ("Ann Cole", "memberOf", "Labour")),
        # the words of the title's field between the party and the title ("home affairs", "local government")
        ("Tory health spokesman Andrew Pell said the plan was wrong.", ("Andrew Pell", "memberOf", "Tory")),
        (
            "Liberal Democrat home affairs spokesman Mark Rudd said Labour was right.",
            ("Mark Rudd", "memberOf", "Liberal Democrat"),
        ),
        (
            "Conservative local government spokeswoman Carol Spey said the tax was unfair.",
            ("Carol Spey", "memberOf", "Conservative"),
        ),
        # guard: a sovereign country's adjective stays apart from the party
        ("German Social Democrat leader Franz Lind spoke.", ("Franz Lind", "headOf", "Social Democrat")),
    ],
)
def test_party_word_before_a_title_names_the_party(extract_text, text, fact) -> None:  # type: ignore[no-untyped-def]
    assert fact in extract_text(text)


def test_the_plural_after_the_names_the_party(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, ontology, "The Tories said they would vote against the plan.")["Tories"] == "Organization"


@pytest.mark.parametrize(
    "text",
    [
        # no title or name after the word: voters, a government, an idea
        "Republican voters backed the plan in the poll.",
        "A Conservative government would cut taxes, the report said.",
        # the word inside a longer name
        "The Young Conservatives met in Leeds on Friday.",
        # lower-case words after the word and a name with no title between them: no field of a title
        "Republican voters Dan Hale and Amy Rowe backed the plan.",
    ],
)
def test_party_word_elsewhere_names_no_party(nlp, ontology, text) -> None:  # type: ignore[no-untyped-def]
    types = _types(nlp, ontology, text)
    assert not any(
        name in {"Republican", "Conservative", "Conservatives"} and t == "Organization" for name, t in types.items()
    )


def test_a_place_before_a_senator_is_no_party(extract_text) -> None:  # type: ignore[no-untyped-def]
    facts = extract_text("US senator Arlen Spencer visited Ohio. Republican senator Ruth Marks stayed home.")
    assert not any(p == "memberOf" and s == "Arlen Spencer" for s, p, _ in facts)
    assert ("Ruth Marks", "memberOf", "Republican") in facts


def test_a_lesser_post_in_a_party_is_membership(extract_text) -> None:  # type: ignore[no-untyped-def]
    facts = extract_text("Liberal Democrat deputy leader Ann Hale spoke first.")
    assert ("Ann Hale", "memberOf", "Liberal Democrat") in facts
    assert ("Ann Hale", "worksFor", "Liberal Democrat") not in facts


def test_a_staff_title_for_a_party_after_it_stays_staff(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the party after the title: an adviser for it may be hired; before the title, a spokesman is a member
    facts = extract_text("Mr Dunn is acting as an adviser for Labour. Labour spokesman Ed Varley agreed.")
    assert ("Mr Dunn", "worksFor", "Labour") in facts
    assert ("Ed Varley", "memberOf", "Labour") in facts


def test_a_party_word_inside_another_party_is_another_party(extract_text) -> None:  # type: ignore[no-untyped-def]
    facts = extract_text("Liberal Democrat leader Paul Kent spoke. Democrat congressman Bill Lowe voted later.")
    assert ("Bill Lowe", "memberOf", "Democrat") in facts
    assert ("Paul Kent", "headOf", "Liberal Democrat") in facts
