"""Which short forms of an organisation's name coreference joins to the longer name (kgraph/extract/short_names.py)."""

from __future__ import annotations

from kgraph.extract.short_names import ShortNameContext, dominant_name, end_form_of, short_form_of


def test_short_names_a_short_form_before_two_longer_names_joins_neither(ontology) -> None:  # type: ignore[no-untyped-def]
    # the headline's "Vellmark" opens "Vellmark Foods" and "Vellmark Shipping": it may be either
    text = "Vellmark cuts jobs\nVellmark Foods cut 200 jobs. Vellmark Shipping rose."
    context = ShortNameContext(text=text, headline_end=text.index("\n"), place_keys=frozenset())
    for longer in (["vellmark", "foods"], ["vellmark", "shipping"]):
        first = text.index("Vellmark " + longer[1].title())
        assert not short_form_of(["vellmark"], longer, [(0, "Vellmark")], first, context, ontology)


def test_short_names_a_short_form_before_one_longer_name_joins_it(ontology) -> None:  # type: ignore[no-untyped-def]
    # the headline's "Vellmark" opens only "Vellmark Foods" ("a vellmark Report" is a common word, no name)
    text = "Vellmark cuts jobs\nVellmark Foods cut 200 jobs. A vellmark Report said so."
    context = ShortNameContext(text=text, headline_end=text.index("\n"), place_keys=frozenset())
    first = text.index("Vellmark Foods")
    assert short_form_of(["vellmark"], ["vellmark", "foods"], [(0, "Vellmark")], first, context, ontology)


def _context(text: str, headline: bool = False) -> ShortNameContext:
    return ShortNameContext(text=text, headline_end=text.index("\n") if headline else 0, place_keys=frozenset())


def test_short_names_a_clubs_last_word_after_its_name_joins_it(ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Kellby Rovers won on Saturday. Rovers are fifth."
    written = [(text.index("Rovers are"), "Rovers")]
    assert end_form_of(["rovers"], ["kellby", "rovers"], written, 0, _context(text), ontology)


def test_short_names_a_kind_of_thing_is_no_last_word_short_form(ontology) -> None:  # type: ignore[no-untyped-def]
    # "Bank" ends "Kellby Bank" but names a kind of thing ("Rovers" above is the positive case)
    text = "Kellby Bank cut jobs. The Bank said profits fell."
    written = [(text.index("Bank said"), "Bank")]
    assert not end_form_of(["bank"], ["kellby", "bank"], written, 0, _context(text), ontology)


def test_short_names_a_last_word_written_alone_first_is_a_name_of_its_own(ontology) -> None:  # type: ignore[no-untyped-def]
    # written alone in the body before "Marlow v Kellby Rovers", which runs the club "Marlow" into it: its own
    # name; in the headline: a short form; where "Marlow" is a town, no body's name: a short form
    text = "Rovers face a fine\nRovers fans met on Monday. Marlow v Kellby Rovers ended 1-1. Marlow won 2-0."
    first = text.index("Marlow v")
    longer, headline = ["marlow", "v", "kellby", "rovers"], text.index("\n")
    context = ShortNameContext(text, headline, frozenset(), name_keys=frozenset({"marlow"}))
    body = [(0, "Rovers"), (text.index("Rovers fans"), "Rovers")]
    assert not end_form_of(["rovers"], longer, body, first, context, ontology)
    assert end_form_of(["rovers"], longer, [(0, "Rovers")], first, context, ontology)
    town = ShortNameContext(text, headline, place_keys=frozenset({"marlow"}))
    assert end_form_of(["rovers"], longer, body, first, town, ontology)


def test_short_names_the_name_written_twice_as_often_takes_the_short_form() -> None:
    assert dominant_name([4, 1]) == 0
    assert dominant_name([1, 3, 1]) == 1
    assert dominant_name([1, 1]) is None  # "United" of "Kellby United" and "Fans United", each once: neither
    assert dominant_name([3, 2]) is None
