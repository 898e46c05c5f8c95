"""Awards called by their prize's plural (kgraph/extract/award_names.py), through find_mentions."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "ents", "cls"),
    [
        # the document names the single prize before "award" (the NER's one-word person there is the prize)
        (
            "The film won a Kestrel award last year. It was a hit at the Kestrels in March.",
            [(4, 5, "PERSON"), (15, 16, "FAC")],
            "Award",
        ),
        # ... or before "-winning"
        ("The Kestrel-winning film was a hit at the Kestrels in March.", [(1, 2, "ORG"), (10, 11, "FAC")], "Award"),
        # guard: no prize of that name: a team's plural stays what the NER said
        ("The film was a hit. The Kestrels won the match in March.", [(7, 8, "ORG")], "Organization"),
        # guard: the word ends a person's name before "award" (the award is hers)
        (
            "The film won a Vance Kestrel award. It was a hit at the Kestrels in March.",
            [(4, 6, "PERSON"), (14, 15, "FAC")],
            "Place",
        ),
    ],
)
def test_award_names_plural_of_a_named_prize_is_an_award(  # type: ignore[no-untyped-def]
    ontology, parse_with_ents, text, ents, cls
) -> None:
    from kgraph.extract.mentions import find_mentions

    types = {m.text: m.type for m, _ in find_mentions(parse_with_ents(text, ents), ontology)}
    assert types["Kestrels"] == cls
