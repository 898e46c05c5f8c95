"""The learned name classes: the shipped model retypes a name the NER got wrong, and the policy around it
(threshold, one class per name per document, classes it never takes away) holds for any model."""

from __future__ import annotations

import pytest

from kgraph.extract.mentions import find_mentions
from kgraph.extract.name_classes import KEPT_CLASSES, NameClassifier, load_name_classifier, name_features, retyped
from kgraph.ontology import load_ontology


@pytest.fixture(scope="module")
def ontology():  # type: ignore[no-untyped-def]
    return load_ontology()


def _types(nlp, ontology, text: str, learned: bool = True) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {m.text: m.type for m, _ in find_mentions(nlp(text), ontology, learned=learned)}


def test_shipped_model_makes_a_village_the_ner_took_for_a_person_a_place(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Floods hit Brackley Vale and the nearby villages of Ormsby and Tadlow."
    assert _types(nlp, ontology, text, learned=False)["Ormsby"] == "Person"  # the NER's and the repairs' reading
    assert _types(nlp, ontology, text)["Ormsby"] == "Place"


def test_shipped_model_leaves_names_it_agrees_with(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    text = "Hollis Grayne told reporters he would not stand again after floods hit Lunsford."
    assert _types(nlp, ontology, text) == _types(nlp, ontology, text, learned=False)
    assert _types(nlp, ontology, text)["Hollis Grayne"] == "Person"


def test_shipped_model_loads_with_a_threshold() -> None:
    model = load_name_classifier()
    assert model is not None and 0.5 <= model.threshold <= 1.0 and model.weights


def _model(label: str, weight: float, threshold: float = 0.6, feature: str = "bias") -> NameClassifier:
    return NameClassifier(weights={feature: {label: weight}}, threshold=threshold)


def test_a_confident_model_retypes_a_person_and_a_place_but_no_organisation(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Marta Kiel met Orbix Holdings in Bellport.")
    found = find_mentions(doc, ontology, learned=False)
    before = {m.text: m.type for m, _ in found}
    assert before == {"Marta Kiel": "Person", "Orbix Holdings": "Organization", "Bellport": "Place"}
    after = {m.text: m.type for m, _ in retyped(found, ontology, _model("PER", 9.0))}
    assert after["Bellport"] == "Person"  # the model decides a place's class ...
    assert "Organization" in KEPT_CLASSES and after["Orbix Holdings"] == "Organization"  # ... not an organisation's
    after = {m.text: m.type for m, _ in retyped(found, ontology, _model("ORG", 9.0))}
    assert after["Marta Kiel"] == "Organization" and after["Bellport"] == "Organization"


def test_below_the_threshold_the_repairs_class_stays(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    found = find_mentions(nlp("Marta Kiel lives in Bellport."), ontology, learned=False)
    # a weight of 1.0 for PER over five labels: probability e / (e + 4) = 0.40
    kept = {m.text: m.type for m, _ in retyped(found, ontology, _model("PER", 1.0, threshold=0.6))}
    assert kept["Bellport"] == "Place"
    moved = {m.text: m.type for m, _ in retyped(found, ontology, _model("PER", 1.0, threshold=0.3))}
    assert moved["Bellport"] == "Person"


def test_one_class_per_name_per_document(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The strike closed factories in Lunsford for a week. Mr Vance left Lunsford in May.")
    found = find_mentions(doc, ontology, learned=False)
    lunsford = [(m, span) for m, span in found if m.text == "Lunsford"]
    assert len(lunsford) == 2
    # evidence in one mention's context only ("factories in X") decides both mentions
    only_first = next(f for f in name_features(lunsford[0][1], lunsford[0][0]) if f.startswith("p1="))
    assert only_first not in name_features(lunsford[1][1], lunsford[1][0])
    model = NameClassifier(weights={only_first: {"ORG": 12.0}}, threshold=0.6)
    types = [m.type for m, _ in retyped(found, ontology, model) if m.text == "Lunsford"]
    assert types == ["Organization", "Organization"]


def test_classes_the_ontology_names_stay(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    # a government body and a name with an ontology head noun ("... Hospital") keep the repairs' class
    doc = nlp("The Ministry of Finance paid for St Brennan Hospital, said Marta Kiel.")
    found = find_mentions(doc, ontology, learned=False)
    before = {m.text: m.type for m, _ in found}
    after = {m.text: m.type for m, _ in retyped(found, ontology, _model("LOC", 9.0))}
    assert after["Marta Kiel"] == "Place"  # the model does retype here ...
    for name, cls in before.items():
        if name != "Marta Kiel":
            assert after[name] == cls  # ... but not these
