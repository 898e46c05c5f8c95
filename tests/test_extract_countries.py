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
