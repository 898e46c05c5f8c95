"""kgraph.nlp: the spaCy pipeline's repairs of NER boundaries."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lena Berg beat Czech Republic 7-5 6-3 in the final.", "Czech Republic"),
        ("Tomas Vidal lost to Republic of Georgia 6-7 in the semi-final.", "Republic of Georgia"),
    ],
)
def test_nlp_match_score_is_no_part_of_a_name(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    ents = [e.text for e in nlp(text).ents]
    assert name in ents, ents
    assert not any(e.startswith(name + " ") for e in ents), ents
