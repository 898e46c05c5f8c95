"""A country's word beside a firm's name or a person's title (kgraph/extract/countries.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("North Korean leaders met on Monday.", "Korean", "North Korea"),
        ("South Korean leaders met on Monday.", "Korean", "South Korea"),
        ("Korean leaders met on Monday.", "Korean", "South Korea"),
        ("South African leaders met on Monday.", "African", "South Africa"),
        ("Turkmen leaders met on Monday.", "Turkmen", "Turkmenistan"),
        # a continent's adjective names no country
        ("African leaders met on Monday.", "African", None),
    ],
)
def test_countries_adjective_of_one_or_two_words(nlp, text: str, word: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.countries import country_adjective

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert country_adjective(token) == country


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Shares in US phone firm Orbicom fell.", "US", True),
        ("Shares in US oil giant Orbicom fell.", "US", True),
        # a hyphen makes another word ("UK-listed"), "and" a list, more than two words a longer phrase
        ("Shares in UK-listed firm Orbicom fell.", "UK", False),
        ("Shares in Indian and Thai airline Orbicom fell.", "Thai", False),
        ("Shares in US big new phone firm Orbicom fell.", "US", False),
    ],
)
def test_countries_before_named_firm(nlp, ontology, text: str, word: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.countries import before_named_firm, organisation_descriptors

    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Orbicom")
    token = next(t for t in doc if t.text == word)
    nouns = organisation_descriptors(ontology) | ontology.words("RivalNoun")
    assert before_named_firm(token, {start}, nouns) is expected


@pytest.mark.parametrize(
    ("text", "word", "first"),
    [
        ("The Anglo-Dutch oil group cut jobs.", "Dutch", ("Anglo", "UK")),
        ("The Franco-German defence firm cut jobs.", "German", ("Franco", "France")),
        ("The UK-Dutch publisher cut jobs.", "Dutch", ("UK", "UK")),
        ("The Swedish-Finnish paper maker cut jobs.", "Finnish", ("Swedish", "Sweden")),
        # no country before the hyphen, or a continent's adjective after it
        ("The Anglo-Saxon poem was read aloud.", "Saxon", None),
        ("Indo-European languages were studied.", "European", None),
        ("The new-Dutch style was shown.", "Dutch", None),
    ],
)
def test_countries_first_nationality(nlp, text: str, word: str, first: tuple[str, str] | None) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.countries import first_nationality

    doc = nlp(text)
    pair = first_nationality(next(t for t in doc if t.text == word))
    assert (None if pair is None else (pair[0].text, pair[1])) == first


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Norvik Group, the Anglo-Dutch oil group, raised its dividend.",
         {("Norvik Group", "basedIn", "UK"), ("Norvik Group", "basedIn", "Netherlands")}),
        ("The Franco-German defence firm Talvex won the contract.",
         {("Talvex", "basedIn", "France"), ("Talvex", "basedIn", "Germany")}),
        ("Shares in UK-Dutch bank Relvane rose.",
         {("Relvane", "basedIn", "UK"), ("Relvane", "basedIn", "Netherlands")}),
        # a person's double nationality is the person's, not a base
        ("The Anglo-Dutch banker Pieter Smit joined the board.",
         {("Pieter Smit", "nationality", "UK"), ("Pieter Smit", "nationality", "Netherlands")}),
    ],
)
def test_countries_double_nationality_gives_both_countries(  # type: ignore[no-untyped-def]
    extract_text, text: str, facts: set[tuple[str, str, str]]
) -> None:
    found = extract_text(text)
    assert facts <= found
    assert not {f for f in found if f[1] == "basedIn" and f[0] == "Pieter Smit"}


def test_countries_no_double_nationality_without_two_countries(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "Anglo-Saxon" names no country: the firm's other adjective still says where it is
    found = extract_text("Shares in Anglo-Saxon oil group Norvik Group fell, while Dutch oil group Halvane rose.")
    assert ("Halvane", "basedIn", "Netherlands") in found
    assert not {f for f in found if f[0] == "Norvik Group" and f[1] == "basedIn"}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Shares in the European plane maker Aerolux fell.", ("Aerolux", "basedIn", "Europe")),
        ("Asian chipmaker Korvath reported higher profits.", ("Korvath", "basedIn", "Asia")),
    ],
)
def test_countries_continent_adjective_on_a_firm(extract_text, text: str, fact: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert fact in extract_text(text)


@pytest.mark.parametrize(
    "text",
    [
        # a continent's name of an organisation, a person's continent, a continent the firm works in
        "The European Commission fined Korvath on Monday.",
        "European leader Anna Berg met Korvath's chief executive.",
        "The European minister, Anna Berg, praised Korvath.",
        "Korvath is the biggest plane maker in Europe.",
    ],
)
def test_countries_continent_adjective_only_on_a_firms_noun(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(text)
    assert not {f for f in found if f[2] in {"Europe", "Asia"}}
    # (the positive case is test_countries_continent_adjective_on_a_firm)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        # the parser hangs the apposition on another noun; the words still set the name beside the body's noun
        ("The lawsuit was brought by the US financial watchdog, the Federal Trade Commission.",
         ("Federal Trade Commission", "basedIn", "US")),
        ("The case was brought by the US regulator, the Federal Trade Commission, on Monday.",
         ("Federal Trade Commission", "basedIn", "US")),
    ],
)
def test_countries_body_apposed_to_a_countrys_noun(extract_text, text: str, fact: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert fact in extract_text(text)


def test_countries_no_apposition_when_the_name_opens_a_clause(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "Unlike the German carmaker, Talvex has ...": the name is the clause's subject, not the carmaker
    found = extract_text("Unlike the German carmaker, Talvex Motors has raised its prices this year.")
    assert not {f for f in found if f[0] == "Talvex Motors" and f[1] == "basedIn"}
    # (the positive case is test_countries_body_apposed_to_a_countrys_noun)


def test_countries_apposed_start(nlp) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.countries import apposed_start

    doc = nlp("It was sued by the UK watchdog, the Selvane Board, and by Halvane Group rivals.")
    assert [t.text for t in doc[9:11]] == ["Selvane", "Board"]
    assert apposed_start(doc, 9, 11) == 7  # the comma after "watchdog"
    assert apposed_start(doc, 14, 16) == 14  # "by Halvane Group rivals": no comma before the name


def test_countries_a_country_is_a_sovereign_state_or_a_nation_of_the_uk(ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.countries import is_country

    # a state of kgx:Country, in any case, with or without "the"
    assert is_country("Norway", ontology)
    assert is_country("the UK", ontology)
    # a nation of the UK is a country too, though no state of kgx:Country
    assert is_country("Wales", ontology)
    assert is_country("scotland", ontology)
    # a continent, a town and a region are none
    assert not is_country("Europe", ontology)
    assert not is_country("Bergen", ontology)
    assert not is_country("Telemark", ontology)


def test_countries_the_one_notion_of_a_country_is_read_by_coreference_and_places(ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.coref import _Cluster, _kind_fits
    from kgraph.extract.places import country_in_a_town
    from kgraph.models import Mention

    # coreference: "the country" takes up a nation of the UK as it does a state, "the city" neither
    wales = _Cluster(keys={"wales"})
    assert _kind_fits("country", wales, ontology)
    assert not _kind_fits("city", wales, ontology)
    assert _kind_fits("city", _Cluster(keys={"cardiff"}), ontology)
    # places: a nation of the UK lies in no town, as a state does not; a town may lie in it
    scotland = Mention(text="Scotland", type="Place", start=0, end=8, label="GPE")
    glasgow = Mention(text="Glasgow", type="Place", start=12, end=19, label="GPE")
    assert country_in_a_town(scotland, glasgow, ontology)
    assert not country_in_a_town(glasgow, scotland, ontology)
    # "the country" in a nation of the UK is a country's own part, no country in a town
    country = Mention(text="the country", type="Place", start=0, end=11, label="description")
    assert country_in_a_town(country, glasgow, ontology)
    assert not country_in_a_town(country, scotland, ontology)


def test_country_key_folds_the_uk_and_us_other_names() -> None:
    from kgraph.extract.countries import country_key

    assert country_key("Britain") == country_key("the UK") == country_key("United Kingdom") == "uk"
    assert country_key("the U.S.") == country_key("America") == "us"
    # any other country is its lower-case name
    assert country_key("Norway") == "norway"
    assert country_key("the Netherlands") == "netherlands"
