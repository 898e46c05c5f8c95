"""kgraph.extract.speaker_posts: a quoted speaker's employer given by "at" ("said X at Y")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will fight this," said Lars Holm at the Nordic Transport Workers\' Union.',
         ("Lars Holm", "worksFor", "Nordic Transport Workers' Union")),
        # the parser hangs "at" on the verb here: the name right before it is still the speaker's
        ('"Prices will rise in the spring," said economist Anna Berg at Kestrel Bank.',
         ("Anna Berg", "worksFor", "Kestrel Bank")),
    ],
)
def test_speaker_posts_a_speaker_at_an_organisation_works_for_it(extract_text, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        # the verb's own "at": a place where something is done, not an employer
        "Anna Berg spoke at Kestrel Bank on Monday.",
        # a listener, not a speaker (the positive case: '"Prices will rise," said Anna Berg at Kestrel Bank.')
        "The minister told Anna Berg at Kestrel Bank that costs rose.",
        # an event, not an organisation
        '"Costs are too high," said Anna Berg at the Oslo Trade Fair.',
    ],
)
def test_speaker_posts_an_at_that_names_no_employer_is_left_alone(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not [f for f in found if f[0] == "Anna Berg" and f[1] == "worksFor"], found
