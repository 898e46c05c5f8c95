"""kgraph.extract.title_holders: a title that is the subject of "be", and a title between spaced dashes."""

from __future__ import annotations

import pytest

from kgraph.extract.title_holders import dash_named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The biggest shareholder in Tavora Motors is Brannock Capital.",
         [("Brannock Capital", "investedIn", "Tavora Motors")]),
        ("The main owners of Tavora Motors are Brannock Capital and Halvard Bank.",
         [("Tavora Motors", "subsidiaryOf", "Brannock Capital"), ("Tavora Motors", "subsidiaryOf", "Halvard Bank")]),
    ],
)
def test_title_holders_the_complement_of_be_holds_the_subject_title(  # type: ignore[no-untyped-def]
    extract_text, text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = extract_text(text)
    for fact in expected:
        assert fact in found, found


def test_title_holders_an_amount_holds_no_title(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Japan's annual trade deficit with Brazil was $124bn in 1999.")
    assert not any(p == "livesIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The biggest shareholder in Tavora Motors is not Brannock Capital.",
        "The biggest shareholder in Tavora Motors could soon be Brannock Capital.",
    ],
)
def test_title_holders_a_negated_or_modal_copula_names_no_holder(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(s == "Brannock Capital" for s, _, _ in found), found


class _Names:
    """The mentions of a parsed sentence, given by token ranges (the NER often runs a name on across a spaced
    dash into the next one, "A - B's owner", so the dash rule is tested on the names it is given)."""

    def __init__(self, doc, ranges: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
        self.mentions = [(None, doc[a:b]) for a, b in ranges]
        self.by_token = {i: n for n, (a, b) in enumerate(ranges) for i in range(a, b)}

    def at(self, token):  # type: ignore[no-untyped-def]
        return self.by_token.get(token.i)


def test_title_holders_the_name_before_a_dashed_title_holds_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Brannock Capital - Tavora Motors' majority owner - reported a loss on Monday.")
    owner = next(t for t in doc if t.lower_ == "owner")
    holders = dash_named(owner, _Names(doc, [(0, 2), (3, 5)]))  # type: ignore[arg-type]
    assert [t.i < 2 for t in holders] == [True], holders  # the first name, not "Tavora Motors" after the dash


def test_title_holders_a_dashed_clause_is_no_title(nlp) -> None:  # type: ignore[no-untyped-def]
    # a verb between the dashes: a clause, not a noun phrase apposed to the name before it
    doc = nlp("Brannock Capital - which became Tavora Motors' majority owner - reported a loss on Monday.")
    owner = next(t for t in doc if t.lower_ == "owner")
    assert dash_named(owner, _Names(doc, [(0, 2), (5, 7)])) == []  # type: ignore[arg-type]


def test_title_holders_the_dashes_are_the_nearest_around_the_title(nlp) -> None:  # type: ignore[no-untyped-def]
    # two dashed phrases in one sentence: each title takes the dashes right around it, so the name before its own
    doc = nlp(
        "Brannock Capital - Tavora Motors' majority owner - and Orlen Group - Tavora Motors' main lender - "
        "reported losses on Monday."
    )
    owner = next(t for t in doc if t.lower_ == "owner")
    lender = next(t for t in doc if t.lower_ == "lender")
    names = _Names(doc, [(0, 2), (3, 5), (10, 12), (13, 15)])
    assert [t.i < 2 for t in dash_named(owner, names)] == [True]  # type: ignore[arg-type]
    assert [10 <= t.i < 12 for t in dash_named(lender, names)] == [True]  # type: ignore[arg-type]
    # no closing dash in the sentence: no dashed title
    doc = nlp("Brannock Capital - Tavora Motors' majority owner. It reported a loss - a big one - on Monday.")
    owner = next(t for t in doc if t.lower_ == "owner")
    assert dash_named(owner, _Names(doc, [(0, 2), (3, 5)])) == []  # type: ignore[arg-type]
