"""A country inside an organisation's own name (kgraph/extract/name_countries.py)."""

from __future__ import annotations

import pytest


def _country(nlp, ontology, text: str, name: str) -> str | None:  # type: ignore[no-untyped-def]
    """The country :func:`name_country` reads in ``name``, the organisation's name in ``text``."""
    from kgraph.extract.name_countries import name_country

    doc = nlp(text)
    start = next(t.i for t in doc if text.find(name) == t.idx)
    end = next(t.i for t in doc if t.idx + len(t) == text.find(name) + len(name)) + 1
    found = name_country(doc[start:end], ontology)
    return None if found is None else found[2]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a country's adjective (or "US", "UK") before the name's first preposition
        ("The National Iranian Cable Company signed a contract.", "National Iranian Cable Company", "Iran"),
        ("Prices rose, the British Garden Traders Federation said.", "British Garden Traders Federation", "UK"),
        ("The Turkish Savings Bank cut its rates.", "Turkish Savings Bank", "Turkey"),
        ("The US Maritime Board approved the plan.", "US Maritime Board", "US"),
        ("The South African Federation of Bakers met.", "South African Federation of Bakers", "South Africa"),
        ("The German Institute for Coastal Studies met.", "German Institute for Coastal Studies", "Germany"),
        ("The Royal Danish Cable Company met.", "Royal Danish Cable Company", "Denmark"),
        ("Fees rose, Migration Help UK said.", "Migration Help UK", "UK"),
        ("The Russian Federation of Boxing met.", "Russian Federation of Boxing", "Russia"),
        # a country's name closing the name's "of" phrase after a body's head noun
        ("Sales rose, the Reserve Bank of Kenya said.", "Reserve Bank of Kenya", "Kenya"),
        ("The Muslim Council of Britain met.", "Muslim Council of Britain", "UK"),
        ("The Federation of Boat Builders of South Africa met.", "Federation of Boat Builders of South Africa",
         "South Africa"),
        # a country's name beside a national firm's word (kgx:CountryFirmWord)
        ("Passengers of Air Norway waited.", "Air Norway", "Norway"),
        ("Shares in Peru Telecom rose.", "Peru Telecom", "Peru"),
    ],
)
def test_name_countries_a_name_carries_its_country(nlp, ontology, text, name, country) -> None:  # type: ignore[no-untyped-def]
    assert _country(nlp, ontology, text, name) == country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a body that stands for a country abroad (kgx:ForeignPostNoun)
        ("The French Embassy issued visas.", "French Embassy"),
        # a country after another preposition: what the body studies
        ("The Institute for German Studies met.", "Institute for German Studies"),
        # two countries, or a double nationality's first half and an adjective
        ("The British American Cable Company met.", "British American Cable Company"),
        ("Shares in Anglo American fell.", "Anglo American"),
        # a country's name without a national firm's word: a body about the country
        ("The Iraq Survey Group reported.", "Iraq Survey Group"),
        # a compass word makes the name a part of the country
        ("The Northern Ireland Office said so.", "Northern Ireland Office"),
        # "of" a country after no body's head noun
        ("The Friends of Kenya met.", "Friends of Kenya"),
        # a continent is no country
        ("The Asian Savings Bank cut its rates.", "Asian Savings Bank"),
        # the adjective inside another phrase of the name, or after another country's word the lexicon lacks
        ("The Inter-American Savings Bank met.", "Inter-American Savings Bank"),
        ("The Pew Internet and American Life Project reported.", "Pew Internet and American Life Project"),
        # the state itself
        ("The Russian Federation signed the treaty.", "Russian Federation"),
        # the phrase after the name places the body abroad
        ("The British Chamber of Trade in Shanghai met.", "British Chamber of Trade"),
    ],
)
def test_name_countries_names_that_carry_no_base(nlp, ontology, text, name) -> None:  # type: ignore[no-untyped-def]
    assert _country(nlp, ontology, text, name) is None


def test_name_countries_positive_cases_beside_the_guards(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """Each guard's name without the word that sets it off carries its country."""
    assert _country(nlp, ontology, "The French Savings Bank met.", "French Savings Bank") == "France"
    assert _country(nlp, ontology, "The British Cable Company met.", "British Cable Company") == "UK"
    assert _country(nlp, ontology, "The Iraq Telecom board met.", "Iraq Telecom") == "Iraq"
    assert _country(nlp, ontology, "The Ireland Post board met.", "Ireland Post") == "Ireland"
    assert _country(nlp, ontology, "The British Chamber of Trade met.", "British Chamber of Trade") == "UK"


def test_name_countries_based_in_from_the_name(extract_text) -> None:  # type: ignore[no-untyped-def]
    found = extract_text("The National Iranian Cable Company signed a contract with Orbicom on Monday.")
    assert ("National Iranian Cable Company", "basedIn", "Iran") in found, found
    found = extract_text("Shares in Peru Telecom rose after it posted a profit.")
    assert ("Peru Telecom", "basedIn", "Peru") in found, found
    # a chamber of British traders abroad is based where the phrase after its name says
    found = extract_text("The British Chamber of Trade in Shanghai said exports rose.")
    assert ("British Chamber of Trade", "basedIn", "Shanghai") in found, found
    assert ("British Chamber of Trade", "basedIn", "UK") not in found, found
    # the embassy serves France and stands in Oslo
    found = extract_text("The French Embassy in Oslo issued a statement on Monday.")
    assert not any(p == "basedIn" and o == "France" for _, p, o in found), found


def test_name_countries_the_country_mention_keeps_the_name_whole(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """The country's mention comes right after its name, so the name keeps its tokens in the relations' index."""
    from kgraph.extract.mentions import find_mentions

    doc = nlp("The Turkish Savings Bank cut its rates on Friday.")
    found = [(m.text, m.type, m.label) for m, _ in find_mentions(doc, ontology)]
    k = next(i for i, (text, _, _) in enumerate(found) if text == "Turkish Savings Bank")
    assert found[k + 1] == ("Turkey", "Place", "adjective"), found
