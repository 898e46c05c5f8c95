"""kgraph.extract.firm_posts: the firm of a post that names no organisation ("chief executive X said")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the firm named three sentences back, then "the company" and "it": coreference carries it to the title
        ("Sales at Orbitel Foods fell 5% last year. The company said demand was weak. It added that costs had risen."
         ' "We are confident," chief executive Dana Kell said.', ("Dana Kell", "ceoOf", "Orbitel Foods")),
        ("Profits at Kestrel Bank rose. The bank said it would open new branches. It expects more growth."
         " Chief executive Lena Berg stepped down on Friday.", ("Lena Berg", "ceoOf", "Kestrel Bank")),
        # "will remain chief executive": the post is held now, at the firm the text is about
        ("Vantor Group said sales rose. The group cut costs. It plans new stores. Lena Marsh will remain chief"
         " executive.", ("Lena Marsh", "ceoOf", "Vantor Group")),
    ],
)
def test_firm_posts_a_bare_chief_executive_is_the_firms_the_text_is_about(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        # another firm named in the title's own sentence: the post may be its, the text leaves it open
        "Profits at Kestrel Bank rose. The bank said it would open new branches. It expects more growth."
        " Chief executive Lena Berg said Dorran Securities had cut its forecast.",
        # a title in a list with other firms
        "Profits at Kestrel Bank rose. The bank said it would open new branches. It expects more growth."
        " Chief executive Lena Berg, Dorran Securities and Halvor Mining signed the letter.",
    ],
)
def test_firm_posts_a_bare_chief_executive_beside_another_firm_is_left_open(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[0] == "Lena Berg" and f[1] in {"ceoOf", "headOf", "worksFor"}], found


def test_firm_posts_an_analyst_in_an_article_about_a_firm_works_for_the_analysts_firm(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        "Profits at Kestrel Bank rose. The bank said it would open new branches. It expects more growth."
        ' "Rates will rise," said Tomas Vidal, an analyst at Dorran Securities.'
    )
    assert ("Tomas Vidal", "worksFor", "Dorran Securities") in found, found
    assert not [f for f in found if f[0] == "Tomas Vidal" and f[2] == "Kestrel Bank"], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post only a firm has: the firm the text goes on about
        ("Vantor Group said sales rose. The company cut costs. It plans new stores. Chief financial officer Dana Kell"
         " said margins rose.", ("Dana Kell", "worksFor", "Vantor Group")),
        ('Halden Bank said profits rose. The bank will open shops. "We are pleased," said vice-chairman Tomas Vidal.',
         ("Tomas Vidal", "worksFor", "Halden Bank")),
        # a list of titled names: each title is its own, the names before it none of its modifiers
        ("Three senior executives of Halden Bank will leave in May. They are chief executive Dana Kell, chief"
         " financial officer Tomas Vidal and chief risk officer Lena Berg.",
         ("Tomas Vidal", "worksFor", "Halden Bank")),
        # a board's title, where the text calls the organisation a firm
        ("Kellmore Trust said profits rose. The company will hire more staff. Chairman Dana Kell said the year was"
         " good.", ("Dana Kell", "headOf", "Kellmore Trust")),
        ("Vantor Motors said sales rose. The carmaker cut costs. Chairman Dana Kell said it had been a good year for"
         " the firm.", ("Dana Kell", "headOf", "Vantor Motors")),
    ],
)
def test_firm_posts_an_officer_or_chairman_is_the_firms_the_text_is_about(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # a chairman of an organisation nothing calls a firm: a trust's, a committee's, a party's as much
        ("The Kellmore Trust said donations rose. It will hire more staff. Chairman Dana Kell said the trust was"
         " growing.", "Dana Kell"),
        # the post's own phrase names what it is in
        ('Vantor Motors said sales rose. The carmaker cut costs. "We are pleased," said the chairman of the sales'
         " committee, Dana Kell.", "Dana Kell"),
        # a name before the title that is no mention: the post is in it, not in the firm in reach
        ("Halden Bank said profits rose. The bank will open shops. Kestrel vice-chairman Tomas Vidal said the bank"
         " was strong.", "Tomas Vidal"),
    ],
)
def test_firm_posts_a_title_elsewhere_borrows_no_firm(extract_text, text: str, holder: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[0] == holder and f[1] in {"ceoOf", "headOf", "worksFor"}], found


_TWO_FIRMS = (
    "Orbitel Foods will shut two plants, rival Kestrel Bank said on Monday. Orbitel Foods blamed weak demand."
    " Chief executive Dana Kell said the cuts were needed."
)


def test_firm_posts_two_firms_in_reach_and_no_headline_leave_the_post_open(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(_TWO_FIRMS)
    assert not [f for f in found if f[0] == "Dana Kell"], found


def test_firm_posts_the_headlines_firm_holds_the_post_among_several(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Orbitel Foods to shut plants\n\n" + _TWO_FIRMS)
    assert ("Dana Kell", "ceoOf", "Orbitel Foods") in found, found


@pytest.mark.parametrize(
    "text",
    [
        # the headline's firm is named in reach only inside someone's quoted words: the speaker may be a rival's
        'Orbitel Foods to shut plants\n\nKestrel Bank backed the move. "Orbitel Foods has been weak and we'
        ' gain from this," chief executive Dana Kell said.',
        # a name right before the title says whose post it is (the tagger calls this one a common noun)
        "Orbitel Foods to shut plants\n\nOrbitel Foods will shut two plants, rival Kestrel Bank said. Vantor"
        " chief executive Dana Kell said the cuts were needed.",
    ],
)
def test_firm_posts_the_headlines_firm_takes_no_post_spoken_of_or_named(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[0] == "Dana Kell" and f[2] == "Orbitel Foods"], found


_ITS = (
    "Halvorsen Steel Corp cuts jobs\n\nHalvorsen Steel Corp and Kestrel Bank signed a loan deal on Monday. Critics"
    " of Orbitel Bank blamed the ambitions of its former chief executive, Olek Brant."
)


def test_firm_posts_an_unlinked_its_is_the_firm_its_sentence_names(extract_text) -> None:  # type: ignore[no-untyped-def]
    # coreference leaves "its" open (three firms in reach); the one firm its sentence names before it is its
    # owner, not the headline's firm
    found = extract_text(_ITS)
    assert ("Olek Brant", "ceoOf", "Orbitel Bank") in found, found
    assert not any(s == "Olek Brant" and o == "Halvorsen Steel Corp" for s, _, o in found), found


def test_firm_posts_an_unlinked_its_after_two_firms_is_left_open(extract_text) -> None:  # type: ignore[no-untyped-def]
    two = "Both Orbitel Bank and Corvane Bank suffered from"
    found = extract_text(_ITS.replace("Critics of Orbitel Bank blamed", two))
    assert not any(s == "Olek Brant" and p in {"ceoOf", "worksFor", "headOf"} for s, p, _ in found), found


def test_firm_posts_a_chief_finance_officer_is_a_firms_post(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(_ITS.replace("chief executive", "chief finance officer"))
    assert ("Olek Brant", "worksFor", "Orbitel Bank") in found, found


def test_firm_posts_an_unlinked_its_before_any_title_is_the_firm(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(_ITS.replace("former chief executive", "founder"))
    assert ("Olek Brant", "founderOf", "Orbitel Bank") in found, found


def test_firm_posts_an_unlinked_its_after_a_place_and_a_firm_is_left_open(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "its" may be the country's as well as the firm's
    text = _ITS.replace("former chief executive", "founder").replace("Critics of", "Critics in Norway of")
    found = extract_text(text)
    assert not any(s == "Olek Brant" and o != "Olek Brant" for s, _, o in found), found


def test_firm_posts_an_unlinked_its_of_a_body_of_members_is_left_open(extract_text) -> None:  # type: ignore[no-untyped-def]
    # a party (its name's head word, kgx:BodyOfMembers) has donors and members, not staff
    text = _ITS.replace("former chief executive", "main donor").replace("Orbitel Bank", "the Orbitel Party")
    found = extract_text(text)
    assert not any(s == "Olek Brant" and o != "Olek Brant" for s, _, o in found), found


def test_firm_posts_an_unlinked_its_of_a_firm_by_its_name_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    # nothing calls Orbitel Foods a firm (kgx:FirmNoun), but nothing says it is a body of members either
    found = extract_text(_ITS.replace("former chief executive", "founder").replace("Orbitel Bank", "Orbitel Foods"))
    assert ("Olek Brant", "founderOf", "Orbitel Foods") in found, found
