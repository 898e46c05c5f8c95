"""Coreference (kgraph.extract.coref) of a possessive in a list and of descriptions naming a country."""

from __future__ import annotations


def _links(nlp, ontology, text):  # type: ignore[no-untyped-def]
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions

    doc = nlp(text)
    links = link_mentions(doc, find_mentions(doc, ontology), ontology)
    return {m.text + f"@{m.start}": rep.text for m, rep in links.items()}


def test_coref_possessive_after_and_is_the_name_before(nlp, ontology, extract_text) -> None:  # type: ignore[no-untyped-def]
    # "Corvane Mining and its former owner": "its" is the firm joined to its noun, not the sentence's other firm
    text = "Kestrel Holdings said Corvane Mining and its former owner Tomas Vidal had settled."
    assert _links(nlp, ontology, text)[f"its@{text.index('its')}"] == "Corvane Mining"
    assert ("Tomas Vidal", "investedIn", "Corvane Mining") in extract_text(text)
    # "his" the same way, for a person
    text = "Anna Weber met Lena Berg. Tomas Vidal and his wife were there too."
    assert _links(nlp, ontology, text)[f"his@{text.index('his')}"] == "Tomas Vidal"


def test_coref_possessive_after_a_name_of_another_kind_is_left_alone(nlp, ontology, extract_text) -> None:  # type: ignore[no-untyped-def]
    # the NER takes "Halvorsen" for a person: "its" is still Halvorsen's, never the firm named before
    text = "The court fined Kestrel Bank on Monday. Halvorsen and its former owner Tomas Vidal denied wrongdoing."
    assert f"its@{text.index('its')}" not in _links(nlp, ontology, text)
    assert not any(p == "investedIn" for _, p, _ in extract_text(text))


def test_coref_description_with_a_country_links_to_its_firm(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Kestrel Telecom raised its forecast. Shares in the Dutch group rose 5%."
    links = _links(nlp, ontology, text)
    assert links[f"the Dutch group@{text.index('the Dutch')}"] == "Kestrel Telecom"
    assert links[f"Netherlands@{text.index('Dutch')}"] == "Netherlands"  # the adjective is the country's own mention
