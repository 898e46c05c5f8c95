"""Which short forms of an organisation's name coreference joins to the longer name (kgraph/extract/short_names.py)."""

from __future__ import annotations

from kgraph.extract.short_names import ShortNameContext, short_form_of


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
