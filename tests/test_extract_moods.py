"""kgraph.extract.moods: what a clause states of the event its trigger word names."""

from __future__ import annotations

import pytest

from kgraph.extract.moods import mood


def _verb(doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Kestrel Group bought Vellan Ltd. in 2001.", "bought", "fact"),
        ("Kestrel Group said it would buy Vellan Ltd.", "buy", "agreed"),
        ("Kestrel Group may buy Vellan Ltd.", "buy", None),
        # a past form dated in the past is done under a clause that plans
        ("Kestrel Group will cut 500 jobs after buying Vellan Ltd. last year.", "buying", "fact"),
        # dated in the future, or an infinitive, it is what the clause says
        ("Kestrel Group will cut 500 jobs after buying Vellan Ltd. next year.", "buying", "agreed"),
        ("Kestrel Group agreed last year to buy Vellan Ltd.", "buy", "agreed"),
        # a denial is no fact, dated or not
        ("Kestrel Group denied buying Vellan Ltd. last year.", "buying", None),
        # "is to buy" plans a deal, as "is set to buy" does; "the aim is to buy" only wishes it
        ("Kestrel Group is to buy its rival Vellan Ltd. for $2bn.", "buy", "agreed"),
        ("Kestrel Group is set to buy its rival Vellan Ltd. for $2bn.", "buy", "agreed"),
        ("Kestrel Group's aim is to buy its rival Vellan Ltd.", "buy", None),
        ("Kestrel Group is buying its rival Vellan Ltd.", "buying", "fact"),
        # a bidder's plan or the purpose of a bid is no deal; a price paid to buy is
        ("Kestrel Group plans to buy its rival Vellan Ltd.", "buy", None),
        ("Kestrel Group intends to buy its rival Vellan Ltd.", "buy", None),
        ("Kestrel Group has bid $2bn to buy its rival Vellan Ltd.", "buy", None),
        ("Kestrel Group paid $2bn to buy its rival Vellan Ltd.", "buy", "fact"),
    ],
)
def test_moods_a_clause_and_a_past_date(nlp, text: str, word: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    assert mood(_verb(nlp(text), word)) == expected


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        # a clause on the object of a wish or a fear is no fact
        ('Kestrel Bank has made a bid. "We do not want it or anyone else taking over Orbitel Networks," said Ann Marr.',
         False),
        ('"We fear Kestrel Bank taking over Orbitel Networks," said Ann Marr.', False),
        # on the object of a verb of seeing it is
        ('"We watched Kestrel Bank taking over Orbitel Networks," said Ann Marr.', True),
    ],
)
def test_moods_a_wished_or_feared_takeover_is_no_fact(extract_text, text: str, stated: bool) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (("Kestrel Bank", "acquired", "Orbitel Networks") in found) is stated, found


@pytest.mark.parametrize(
    ("verb", "held"), [("will remain", True), ("will stay", True), ("will not remain", False), ("may remain", False)]
)
def test_moods_a_post_one_will_keep_is_held_now(extract_text, verb: str, held: bool) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(f"Lena Marsh {verb} chief executive of Vantor Group.")
    assert (("Lena Marsh", "ceoOf", "Vantor Group") in found) is held, found


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Kestrel Motors and Orvana Corp. ended their five-year alliance.", "partnerOf"),
        ("Kestrel Motors ended its partnership with Orvana Corp.", "partnerOf"),
        ("Kestrel Motors terminated its agreement with Orvana Corp.", "hasAgreementWith"),
        # a deal lost is over
        ("Kestrel Motors lost its sponsorship deal with Orvana Corp.", "hasAgreementWith"),
        ("Kestrel Motors said its deal with Orvana Corp. was lost.", "hasAgreementWith"),
        # a stake sold or handed on is held no more
        ("Lev Orlov has sold his controlling stake in Orvana Corp. to a partner.", "investedIn"),
        ("Lev Orlov transferred his shares in Orvana Corp. to a trust.", "investedIn"),
    ],
)
def test_moods_a_link_its_parties_ended_is_none_now(extract_text, text: str, fact: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == fact for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Kestrel Motors and Orvana Corp. formed an alliance in 2001.", "partnerOf"),
        ("Kestrel Motors has a partnership with Orvana Corp.", "partnerOf"),
        ("Kestrel Motors signed an agreement with Orvana Corp.", "hasAgreementWith"),
        # the verb's own object is what is lost, not the deal of its phrase
        ("Kestrel Motors lost money on its deal with Orvana Corp.", "hasAgreementWith"),
        # a stake held, or one whose sale is only planned, is still held
        ("Lev Orlov owns a stake in Orvana Corp.", "investedIn"),
        ("Lev Orlov, who plans to sell part of it, holds a stake in Orvana Corp.", "investedIn"),
    ],
)
def test_moods_a_link_its_parties_made_is_stated(extract_text, text: str, fact: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert any(p == fact for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a deal under way: a progressive form
        "Norvik Foods is buying the dairy group Halsen Ltd for $400m.",
        "Halsen Ltd is being bought by Norvik Foods.",
        # a deal that awaits approval or completion, in its sentence or the next about "the deal"
        "Norvik Foods bought Halsen Ltd for $400m, subject to approval by shareholders.",
        "Norvik Foods has bought Halsen Ltd in a deal that is expected to close next year.",
        "Norvik Foods has bought Halsen Ltd in a deal expected to close next year.",
        "Norvik Foods bought Halsen Ltd for $400m. The deal still needs regulatory approval.",
        "Norvik Foods bought Halsen Ltd for $400m. The takeover is due to be completed in May.",
    ],
)
def test_moods_a_deal_under_way_is_agreed_not_done(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Norvik Foods", "agreedToAcquire", "Halsen Ltd") in found, found
    assert not any(p == "acquired" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Norvik Foods completed its purchase of Halsen Ltd in June.",
        "Norvik Foods bought Halsen Ltd for $400m. The deal was the largest in its history.",
        # what is expected is not the deal
        "Norvik Foods bought Halsen Ltd, which is expected to close two plants.",
        "Norvik Foods paid $400m to buy Halsen Ltd in May.",
    ],
)
def test_moods_a_deal_done_stays_acquired(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Norvik Foods", "acquired", "Halsen Ltd") in found, found


@pytest.mark.parametrize(
    ("text", "agreed"),
    [
        # a bid, its purpose or a bidder's plan agrees nothing
        ("Norvik Foods has bid $400m to buy Halsen Ltd in cash.", False),
        ("Norvik Foods plans to buy Halsen Ltd for $400m.", False),
        ("Norvik Foods intends to buy Halsen Ltd for $400m.", False),
        ("Norvik Foods made a $400m bid for Halsen Ltd in May.", False),
        ("Halsen Ltd rejected a takeover bid from Norvik Foods in May.", False),
        # a deal agreed or set
        ("Norvik Foods agreed to buy Halsen Ltd for $400m.", True),
        ("Norvik Foods is set to buy Halsen Ltd for $400m.", True),
        ("Halsen Ltd has agreed to be taken over by Norvik Foods.", True),
    ],
)
def test_moods_a_bid_is_no_agreed_deal(extract_text, text: str, agreed: bool) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (("Norvik Foods", "agreedToAcquire", "Halsen Ltd") in found) is agreed, found
    assert not any(p == "acquired" for _, p, _ in found), found


def test_moods_a_progressive_that_is_no_deal_is_a_fact(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Teresa Lind is working for Halsen Ltd in Oslo.")
    assert ("Teresa Lind", "worksFor", "Halsen Ltd") in found, found
