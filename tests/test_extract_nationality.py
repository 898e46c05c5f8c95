"""A country's adjective on a person's title gives the person's nationality (ontology/patterns.ttl, kg:nationality)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        ("German Chancellor Tomas Vidal said the euro was too strong.", "Tomas Vidal", "Germany"),
        ("Norwegian Prime Minister Tomas Vidal visited Oslo.", "Tomas Vidal", "Norway"),
        ("The Dutch finance minister, Anna Weber, praised the deal.", "Anna Weber", "Netherlands"),
        ("Former French president Tomas Vidal praised the deal.", "Tomas Vidal", "France"),
        # any other noun of a person
        ("Brazilian striker Tomas Vidal scored twice.", "Tomas Vidal", "Brazil"),
        ("The Dutch actress Anna Weber won the award.", "Anna Weber", "Netherlands"),
        (
            "Kestrel Media, controlled by Australian billionaire Tomas Vidal, bought a studio.",
            "Tomas Vidal",
            "Australia",
        ),
    ],
)
def test_nationality_country_adjective_on_a_title(extract_text, text: str, person: str, country: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (person, "nationality", country) in found, found
    assert not any(p == "livesIn" for _, p, _ in found), found  # a nationality, not a home


@pytest.mark.parametrize(
    "text",
    [
        # a place's name before a title says where the person is, not their country
        "Tacoma architect Tomas Vidal praised the deal.",
        # the adjective is on another noun
        "Kestrel Bank boss Tomas Vidal praised the French deal.",
        # the title is not the named person's
        "Tomas Vidal met the French president on Monday.",
        # a language taught, a market watched: not the person's country
        "French translator Anna Weber won the award.",
        "Chinese market analyst Tomas Vidal said prices would rise.",
    ],
)
def test_nationality_needs_a_country_adjective_on_the_persons_title(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "nationality" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        ("Finance Minister Tomas Vidal of Norway praised the deal.", "Tomas Vidal", "Norway"),
        ("The summit was opened by President Anna Weber of Chile.", "President Anna Weber", "Chile"),
    ],
)
def test_nationality_a_governments_title_and_of_a_country(extract_text, text: str, person: str, country: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (person, "nationality", country) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # no title of a government: "of" may say where the person lives or works
        "Tomas Vidal of Norway praised the deal.",
        # a firm's title: "of" names the firm, no country
        "President Tomas Vidal of Kestrel Bank praised the deal.",
        # a region is no country
        "Minister Tomas Vidal of Bavaria praised the deal.",
    ],
)
def test_nationality_of_a_country_needs_a_governments_title(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "nationality" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        # people's nouns another pattern owns ("investor" is kg:investedIn's), which the wildcard leaves alone
        ("A German investor, Anna Weber, opposed the deal.", "Anna Weber", "Germany"),
        ("Dutch shareholder Tomas Vidal opposed the deal.", "Tomas Vidal", "Netherlands"),
    ],
)
def test_nationality_on_a_noun_another_pattern_owns(extract_text, text: str, person: str, country: str) -> None:  # type: ignore[no-untyped-def]
    assert (person, "nationality", country) in extract_text(text)


def test_nationality_an_owned_noun_keeps_its_own_relation(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the same noun with its "in" still says where the money is, and no adjective gives no country
    found = extract_text("Anna Weber, the biggest investor in Halder Trucks, opposed the deal.")
    assert ("Anna Weber", "investedIn", "Halder Trucks") in found, found
    assert not any(p == "nationality" for _, p, _ in found), found


def test_nationality_a_bands_player_keeps_the_country_of_the_adjective(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the band nouns are memberOf triggers, which the any-noun nationality pattern leaves to the explicit list
    assert ("Tom Lane", "nationality", "UK") in extract_text("The British guitarist Tom Lane died on Sunday.")


def test_nationality_of_a_state_the_adjective_table_lacks(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "of" a state after a title of its government: every kgx:Country, not only those with an adjective
    found = extract_text("Talks went well, President Tom Lane of South Africa said.")
    assert any(s.endswith("Tom Lane") and p == "nationality" and o == "South Africa" for s, p, o in found), found


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        # "US"/"UK" before a person's title, as an adjective would be
        ("US tycoon Harold Vance bought the team.", "Harold Vance", "US"),
        ("UK entrepreneur Lena Berg opened a shop.", "Lena Berg", "UK"),
        # a livesIn title under a country's word says the country: "U.S. Sen. X"
        ("U.S. Sen. Harold Vance praised the deal.", "Harold Vance", "U.S."),
        # a country's possessive on a title of its government
        ("France's finance minister Paul Maret said the budget was sound.", "Paul Maret", "France"),
        ("India's petroleum minister, Anil Rao, said prices would rise.", "Anil Rao", "India"),
        # adjectives of two words, and of states the first table lacked
        ("North Korean leader Tomas Vidal praised the deal.", "Tomas Vidal", "North Korea"),
        ("Former South African president Tomas Vidal praised the deal.", "Tomas Vidal", "South Africa"),
        ("Turkmen President Tomas Vidal praised the deal.", "Tomas Vidal", "Turkmenistan"),
    ],
)
def test_nationality_a_countrys_word_on_a_title(extract_text, text: str, person: str, country: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (person, "nationality", country) in found, found
    assert not any(p == "livesIn" for _, p, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        # the country word is a firm's branch: "Kestrel Bank's UK boss" runs the bank in the UK
        "Kestrel Bank's UK boss Tomas Vidal resigned.",
        "Kestrel Bank UK boss Tomas Vidal resigned.",
        # the possessive title is not the named person's
        "Paul Maret met France's finance minister on Monday.",
        # a country's possessive on a title that is no government's
        "Norway's top footballer Paul Maret said the season was long.",
    ],
)
def test_nationality_a_countrys_word_needs_the_persons_own_title(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "nationality" for _, p, _ in found), found


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        # a definite description of a person with a country's word, linked to the one person named before
        ("Harold Vance bought shares in the club. The US tycoon said he was pleased.", "Harold Vance", "US"),
        ("Harold Vance bought shares in the club. The Dutch investor said he was pleased.", "Harold Vance",
         "Netherlands"),
    ],
)
def test_nationality_of_a_described_person(extract_text, text: str, person: str, country: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert (person, "nationality", country) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # which of the two the description means is not said
        "Anna Weber met Harold Vance. The Dutch minister said she was pleased.",
        # one of a kind, not a reference to the person named before
        "Harold Vance spoke in Leeds. Mr Vance said the first British minister to run would win.",
        # a bare "woman" says too little to take up a person
        "Harold Vance spoke in Leeds. The British woman said she would win.",
    ],
)
def test_nationality_a_description_that_takes_up_no_one(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not any(p == "nationality" for _, p, _ in found), found
