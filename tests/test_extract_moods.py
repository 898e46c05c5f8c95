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
