"""The relation classifier: features, the shipped weights, domain/range, and one real sentence."""

from __future__ import annotations

import json

import pytest

from kgraph.extract.classifier import (
    NONE,
    WEIGHTS_PATH,
    RelationClassifier,
    merge_relations,
    pair_features,
)
from kgraph.models import Mention, RelationMention


@pytest.fixture(scope="module")
def parsed():  # type: ignore[no-untyped-def]
    """A tiny sentence with a hand-made parse: no trained model needed."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    words = ["Anna", "Weber", ",", "a", "spokesman", "for", "Acme", "Corp", ",", "said", "no", "."]
    heads = [1, 9, 1, 4, 1, 4, 7, 5, 1, 9, 9, 9]
    deps = ["compound", "nsubj", "punct", "det", "appos", "prep", "compound", "pobj", "punct", "ROOT", "dobj", "punct"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * 11)
    return doc


def test_classifier_features_of_a_pair(parsed) -> None:  # type: ignore[no-untyped-def]
    feats = pair_features(parsed, parsed[0:2], parsed[6:8], "Person", "Organization")
    assert {"bias", "ts=Person", "to=Organization", "order=fwd"} <= set(feats)
    assert "bw=spokesman" in feats and "bf=," in feats and "bl=for" in feats
    assert "dl=appos^ prep^ vpobj" not in feats  # the path goes up from the subject to the common head
    assert "dl=vappos vprep vpobj" in feats
    assert "pw=spokesman" in feats and "pw=for" in feats
    assert "tr=spokesman|Person|Organization" in feats
    assert "appos|fwd" in feats
    reverse = pair_features(parsed, parsed[6:8], parsed[0:2], "Organization", "Person")
    assert "order=rev" in reverse and "dl=pobj^ prep^ appos^" in reverse


def test_classifier_weights_file_loads() -> None:
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(data["labels"]) == {NONE, "worksFor", "basedIn", "locatedIn", "livesIn"}
    assert 0.0 < data["threshold"] < 1.0
    assert {"seed", "data", "hyperparameters", "cv"} <= set(data["meta"])
    assert WEIGHTS_PATH.stat().st_size < 3_000_000
    classifier = RelationClassifier.load()
    assert classifier.weights and classifier.threshold == data["threshold"]


def test_classifier_respects_domain_and_range(ontology) -> None:  # type: ignore[no-untyped-def]
    classifier = RelationClassifier.load()
    assert classifier.allowed("Person", "Organization", ontology) == [NONE, "worksFor"]
    assert classifier.allowed("GovernmentBody", "Place", ontology) == [NONE, "basedIn"]
    assert classifier.allowed("Place", "Place", ontology) == [NONE, "locatedIn"]
    assert classifier.allowed("Organization", "Person", ontology) == [NONE]
    assert classifier.allowed("Person", "Person", ontology) == [NONE]
    assert classifier.allowed("Event", "Place", ontology) == [NONE]


def test_classifier_merge_keeps_rules_primary() -> None:
    a, b, c = (Mention(i, i + 1, t, "Person" if t == "a" else "Organization") for i, t in enumerate("abc"))

    def rel(s: Mention, p: str, o: Mention, pattern: str) -> RelationMention:
        return RelationMention(s, p, o, 0.9, 0, 5, "a b c", pattern)

    rules = [rel(a, "ceoOf", b, "ceoOf/RelationalNoun")]
    extra = [rel(a, "worksFor", b, "classifier/worksFor"), rel(a, "worksFor", c, "classifier/worksFor")]
    merged = merge_relations(rules, extra)
    assert [(r.object.text, r.predicate) for r in merged] == [("b", "ceoOf"), ("c", "worksFor")]


@pytest.mark.slow
def test_classifier_finds_spokesman_for(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.mentions import find_mentions

    doc = nlp("John Smith, a spokesman for Acme Corp., said the plant would reopen in May.")
    found = RelationClassifier.load().predict(doc, find_mentions(doc, ontology), ontology)
    assert [(r.subject.text, r.predicate, r.object.text) for r in found] == [("John Smith", "worksFor", "Acme Corp.")]
    assert found[0].pattern == "classifier/worksFor" and found[0].evidence.startswith("John Smith")


def test_classifier_obeys_the_ontologys_exceptions(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Y star X" is no employment: the any-noun pattern's kgx:exceptTrigger vetoes the classifier too."""
    from kgraph.extract.mentions import find_mentions

    classifier = RelationClassifier.load()
    found = {}
    for noun in ("engineer", "star"):
        doc = nlp(f"Orbitel Networks {noun} Lena Berg said the plant would reopen in May.")
        mentions = find_mentions(doc, ontology)
        assert {m.text for m, _ in mentions} >= {"Orbitel Networks", "Lena Berg"}
        found[noun] = {(r.subject.text, r.predicate, r.object.text)
                       for r in classifier.predict(doc, mentions, ontology, threshold=0.0)}
    assert ("Lena Berg", "worksFor", "Orbitel Networks") in found["engineer"], found
    assert not any(p == "worksFor" for _, p, _ in found["star"]), found
