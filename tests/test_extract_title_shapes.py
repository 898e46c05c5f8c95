"""kgraph.extract.title_shapes: a title tagged a verb between two names, and a plural title held by a list."""

from __future__ import annotations

import pytest

_HEAD = "In June Tavora Motors head Olek Brant is expected to leave."


def test_title_shapes_the_sentence_tags_the_title_a_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    # the shape the rule is for: the stock tagger reads "head" before a person's name as a verb
    doc = nlp(_HEAD)
    assert next(t for t in doc if t.lower_ == "head").pos_ == "VERB"


def test_title_shapes_a_verb_tagged_title_between_names_is_a_post(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(_HEAD)
    assert ("Olek Brant", "headOf", "Tavora Motors") in found, found


def test_title_shapes_an_inflected_verb_is_no_title(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "heads" is the firm's verb: the firm leads the list, the people hold no post
    found = extract_text("On Monday, Tavora Motors heads Olek Brant and Mira Soto met the press.")
    assert not any(p in {"headOf", "worksFor", "ceoOf"} for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Tavora Motors directors Dana Kell, Olek Brant and Mira Soto voted against the deal.",
        "Yesterday the Tavora Motors directors, Dana Kell, Olek Brant and Mira Soto, left.",
        "The three Tavora Motors directors in question, Dana Kell, Olek Brant and Mira Soto, have since left.",
    ],
)
def test_title_shapes_each_person_of_a_list_holds_a_plural_title(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    for name in ("Dana Kell", "Olek Brant", "Mira Soto"):
        assert (name, "worksFor", "Tavora Motors") in found, found


def test_title_shapes_a_singular_title_is_the_first_names_alone(extract_text) -> None:  # type: ignore[no-untyped-def]
    # one director named, then other people: the title is Dana Kell's only
    found = extract_text(
        "On Monday, Tavora Motors director Dana Kell, Olek Brant and Mira Soto voted against the deal."
    )
    assert ("Dana Kell", "headOf", "Tavora Motors") in found, found
    assert not any(s in {"Olek Brant", "Mira Soto"} and o == "Tavora Motors" for s, _, o in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The plan was backed by the Kestrel group, the main shareholder of Orbitel Foods.",
        "The Kestrel group, the main shareholder of Orbitel Foods, backed the plan.",
    ],
)
def test_title_shapes_a_firms_kind_noun_stands_for_its_name(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Kestrel", "investedIn", "Orbitel Foods") in found, found


def test_title_shapes_a_persons_noun_after_a_firms_name_is_no_firm(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the bank's chairman is the shareholder, not the bank
    found = extract_text("The plan was backed by the Kestrel Bank chairman, the largest shareholder of Orbitel Foods.")
    assert ("Kestrel Bank", "investedIn", "Orbitel Foods") not in found, found


@pytest.mark.parametrize(
    "text",
    [
        '"We are pleased," said Olek Brant, a member of the Tavora Motors management board.',
        "The car was praised by Olek Brant, a member of the board of Tavora Motors.",
    ],
)
def test_title_shapes_a_member_of_a_firms_board_works_for_it(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert ("Olek Brant", "worksFor", "Tavora Motors") in found, found
    assert ("Olek Brant", "memberOf", "Tavora Motors") not in found, found


def test_title_shapes_a_member_of_a_trusts_board_stays_a_member(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The plan was praised by Olek Brant, a member of the board of the Kellish Trust.")
    assert ("Olek Brant", "memberOf", "Kellish Trust") in found, found
    assert ("Olek Brant", "worksFor", "Kellish Trust") not in found, found


_EX = (
    "Halvorsen Steel Corp files for bankruptcy\n\nHalvorsen Steel Corp has filed for bankruptcy protection, the"
    " company said on Monday. Critics blamed ex-Halvorsen boss Olek Brant for the losses."
)


def test_title_shapes_a_name_after_ex_heads_the_title(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "ex-Halvorsen": the tagger makes the name an adjective; a past post is a post held, as "former" reads
    found = extract_text(_EX)
    assert ("Olek Brant", "headOf", "Halvorsen Steel Corp") in found, found


def test_title_shapes_a_country_after_ex_is_no_organisation(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("In Rome, the ex-Soviet leader Ivo Marek met the press.")
    assert not any(s == "Ivo Marek" and p in {"headOf", "worksFor", "ceoOf"} for s, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # the parser joins "president" to "reform", the object of the first title's "for"
        ("Dana Kell, a spokeswoman for reform and president of the Kellmore Foundation, declined to comment.",
         "Kellmore Foundation"),
        # ... and hangs "of Orvane Steel", right after "chairman", on "research"
        ("Olek Brant, head of research and chairman of Orvane Steel, declined to comment.", "Orvane Steel"),
        # ... and hangs "of the Kellmore Trust", right after "chairman", on the first noun "barrister"
        ("Olek Brant, a barrister and chairman of the Kellmore Trust, declined to comment.", "Kellmore Trust"),
    ],
)
def test_title_shapes_a_title_joined_to_a_field_is_the_holders(extract_text, text: str, org: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    holder = text.split(",")[0]
    assert (holder, "headOf", org) in found, found


def test_title_shapes_the_parse_joins_the_title_to_the_field(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Dana Kell, a spokeswoman for reform and president of the Kellmore Foundation, declined to comment.")
    president = next(t for t in doc if t.lower_ == "president")
    assert president.dep_ == "conj" and president.head.lower_ == "reform"


def test_title_shapes_a_title_joined_to_the_object_of_a_phrase_is_not_the_holders(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "of the plan and president of ...": the field has its article, so "president" may be another's (the critic
    # is of the plan and of the president); a bare field ("for reform") leaves no one else
    found = extract_text(
        "Dana Kell, a critic of the plan and president of the Kellmore Foundation, declined to comment."
    )
    assert not any(s == "Dana Kell" and o == "Kellmore Foundation" for s, _, o in found), found



def test_title_shapes_a_joined_title_heads_only_the_body_its_own_phrase_names(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("Olek Brant, a partner at Kellmore Law and chairman of Orvane Steel, declined to comment.")
    assert ("Olek Brant", "headOf", "Orvane Steel") in found, found
    assert ("Olek Brant", "headOf", "Kellmore Law") not in found, found
