"""The relation model: features, the shipped weights, domain/range, and how it decides over the rules."""

from __future__ import annotations

import json
import math

import pytest

from kgraph.extract.classifier import (
    NONE,
    WEIGHTS_PATH,
    RelationClassifier,
    candidates,
    ontology_cues,
    pair_features,
    rule_features,
)
from kgraph.models import Mention, RelationMention

CHIEF = "Ines Varga, chief executive of Kestrel Bank, said rates would rise."


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


def _read(nlp, ontology, text: str):  # type: ignore[no-untyped-def]
    """The mentions kept after coreference, their links and the rules' relations, as the extractor has them."""
    from kgraph.extract.coref import link_mentions
    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    doc = nlp(text)
    mentions = find_mentions(doc, ontology)
    links = link_mentions(doc, mentions, ontology)
    kept = [(m, s) for m, s in mentions if m in links]
    return doc, kept, links, find_relations(doc, kept, ontology)


def _triples(relations: list[RelationMention]) -> set[tuple[str, str, str]]:
    return {(r.subject.text, r.predicate, r.object.text) for r in relations}


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


def test_the_ontologys_trigger_words_are_features_of_their_property(parsed, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "spokesman" is a worksFor trigger in patterns.ttl: on the path, between the names and beside the
    subject it is a feature of worksFor; without the cues, or for a pair with no trigger near, there is none."""
    cues = ontology_cues(ontology)
    assert "worksFor" in cues["spokesman"] and "ceoOf" in cues["chief executive"]
    feats = pair_features(parsed, parsed[0:2], parsed[6:8], "Person", "Organization", cues)
    types = "#Person|Organization"
    assert {f"cue=worksFor|path{types}", f"cue=worksFor|bw{types}"} <= set(feats)
    assert f"slen=<=12{types}" in feats
    assert not any(f.startswith("cue=") for f in pair_features(parsed, parsed[0:2], parsed[6:8], "Person",
                                                               "Organization"))
    # "Acme Corp" and "no": nothing between them states a property
    far = pair_features(parsed, parsed[6:8], parsed[10:11], "Organization", "Place", cues)
    assert not any(f.startswith("cue=") and "|bw#" in f for f in far), far


def test_rule_features_say_what_the_rules_said() -> None:
    a, b = Mention(0, 4, "Anna", "Person"), Mention(10, 14, "Acme", "Organization")
    rule = RelationMention(a, "ceoOf", b, 0.9, 0, 20, "Anna runs Acme", "ceoOf/RelationalNoun")
    types = "Person|Organization"
    assert rule_features([rule], [], types) == ["rp=ceoOf#Person|Organization", "rule=ceoOf/RelationalNoun"]
    assert rule_features([], [rule], types) == ["rrp=ceoOf#Person|Organization", "rrule=ceoOf/RelationalNoun"]
    assert rule_features([], [], types) == ["rule=none", "rule=none#Person|Organization"]


def test_classifier_weights_file_loads() -> None:
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(data["labels"]) == {NONE, "worksFor", "basedIn", "locatedIn", "livesIn", "subsidiaryOf", "founderOf"}
    assert 0.0 < data["threshold"] < 1.0 and 0.0 < data["floor"] < 1.0
    assert {"seed", "data", "hyperparameters", "cv"} <= set(data["meta"])
    assert WEIGHTS_PATH.stat().st_size < 3_000_000
    model = RelationClassifier.load()
    assert model.weights and model.calibration == tuple(data["calibration"])
    assert any(f.startswith("rule=") for f in model.weights)  # the rules' evidence is learnt


def test_classifier_respects_domain_and_range(ontology) -> None:  # type: ignore[no-untyped-def]
    model = RelationClassifier.load()
    assert model.allowed("Person", "Organization", ontology) == [NONE, "worksFor", "founderOf"]
    assert model.allowed("GovernmentBody", "Place", ontology) == [NONE, "basedIn"]
    assert model.allowed("Place", "Place", ontology) == [NONE, "locatedIn"]
    assert model.allowed("Organization", "Organization", ontology) == [NONE, "subsidiaryOf"]
    assert model.allowed("Organization", "Person", ontology) == [NONE]
    assert model.allowed("Person", "Person", ontology) == [NONE]


def test_the_model_labels_that_decide_a_rule_property(ontology) -> None:  # type: ignore[no-untyped-def]
    model = RelationClassifier.load()
    person_org = [NONE, "worksFor", "founderOf"]
    assert model.label_for("ceoOf", person_org, ontology) == "worksFor"  # ceoOf ⊑ headOf ⊑ worksFor
    assert model.label_for("memberOf", person_org, ontology) == "worksFor"  # labelled alike in the data
    assert model.label_for("founderOf", person_org, ontology) == "founderOf"
    assert model.label_for("investedIn", person_org, ontology) is None


def test_decide_rescores_rule_relations_and_adds_the_pairs_they_miss(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """With weights that trust a pair only when no rule fired, the rule's relation sinks and the model's pair is
    added: the decision reads the rules' features."""
    doc, kept, links, rules = _read(nlp, ontology, "Mira Solberg of Kestrel Bank praised Arvo Labs.")
    assert _triples(rules) == {("Mira Solberg", "worksFor", "Kestrel Bank")}, rules
    types = "Person|Organization"
    model = RelationClassifier(
        labels=[NONE, "worksFor"], threshold=0.7, type_pairs={"worksFor": {("Person", "Organization")}},
        weights={f"rule=none#{types}": {"worksFor": 4.0}, f"rp=worksFor#{types}": {NONE: 4.0}},
    )
    decided = {(r.subject.text, r.predicate, r.object.text): r for r in model.decide(doc, kept, links, rules, ontology)}
    rescored = decided[("Mira Solberg", "worksFor", "Kestrel Bank")]
    assert rescored.confidence < 0.05 and rescored.pattern.endswith("+model/worksFor")
    added = decided[("Mira Solberg", "worksFor", "Arvo Labs")]
    assert added.confidence > 0.95 and added.pattern == "model/worksFor"


def test_the_shipped_model_reads_the_rules_evidence(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """The same pair is likelier with the rule that fired on it than without (in log-odds: both are near 1)."""
    doc, kept, links, rules = _read(nlp, ontology, CHIEF)
    rule = next(r for r in rules if r.object.text == "Kestrel Bank")
    model = RelationClassifier.load()
    with_rule = model.score_pairs(doc, kept, links, rules, ontology)[(rule.subject, rule.object)]
    without = model.score_pairs(doc, kept, links, [], ontology)[(rule.subject, rule.object)]
    def logit(p: float) -> float:
        return math.log(p / (1 - p))

    assert logit(with_rule["worksFor"]) > logit(without["worksFor"]) + 0.3


def test_confidence_is_the_calibrated_probability_and_the_rules_property_stays(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    doc, kept, links, rules = _read(nlp, ontology, CHIEF)
    rule = next(r for r in rules if r.object.text == "Kestrel Bank")
    assert rule.predicate in {"ceoOf", "headOf"}
    model = RelationClassifier.load()
    assert model.calibration != (1.0, 0.0)
    probability = model.score_pairs(doc, kept, links, rules, ontology)[(rule.subject, rule.object)]["worksFor"]
    decided = next(r for r in model.decide(doc, kept, links, rules, ontology) if r.object.text == "Kestrel Bank")
    assert decided.predicate == rule.predicate and decided.role == rule.role  # the specific property is kept
    assert decided.confidence == round(model.rescored(rule.confidence, probability), 4)
    assert model.calibrated(probability) != probability
    a, b = model.calibration
    assert math.isclose(model.calibrated(0.8), 1 / (1 + math.exp(-(a * math.log(4) + b))))


def test_a_rule_relation_keeps_its_confidence_unless_the_model_is_confident_against_it(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """With a veto, a rule relation the model doubts only a little keeps the rule's confidence (the higher of
    the two), one the model is confident against is turned down, one it is sure of rises (unless the model
    may only turn down); with veto 1.0 (the old behaviour) the model's probability always replaces the rule's."""
    doc, kept, links, rules = _read(nlp, ontology, "Mira Solberg of Kestrel Bank praised Arvo Labs.")
    (rule,) = rules
    types = "Person|Organization"

    def decided(weight: float, veto: float, raises: bool = True) -> float:
        model = RelationClassifier(
            labels=[NONE, "worksFor"], threshold=0.7, type_pairs={"worksFor": {("Person", "Organization")}},
            weights={f"rp=worksFor#{types}": {"worksFor": weight}}, veto=veto, raises=raises,
        )
        out = model.decide(doc, kept, links, rules, ontology)
        return next(r.confidence for r in out if r.object.text == "Kestrel Bank")

    assert 0.3 < rule.confidence < 0.99
    doubt = 1 / (1 + math.exp(1.0))  # weight -1: probability 0.27
    assert decided(-1.0, 0.1) == rule.confidence  # a little doubt: the rule's confidence stays
    assert decided(-1.0, 1.0) == round(doubt, 4)  # no veto: replaced
    assert decided(-5.0, 0.1) < 0.01  # confident against: turned down
    assert decided(6.0, 0.1) > max(rule.confidence, 0.99)  # sure of it: the higher of the two
    assert decided(6.0, 0.1, raises=False) == rule.confidence  # ... or, not raising, the rule's own
    assert decided(-5.0, 0.1, raises=False) < 0.01


def test_the_pairs_the_model_adds_have_a_calibration_of_their_own(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """An added pair takes ``added_calibration``; a rescored rule relation keeps ``calibration``; without an
    added calibration both take ``calibration``."""
    doc, kept, links, rules = _read(nlp, ontology, "Mira Solberg of Kestrel Bank praised Arvo Labs.")
    types = "Person|Organization"

    def confidences(added: tuple[float, float] | None) -> tuple[float, float]:
        model = RelationClassifier(
            labels=[NONE, "worksFor"], threshold=0.7, type_pairs={"worksFor": {("Person", "Organization")}},
            weights={f"rule=none#{types}": {"worksFor": 2.0}, f"rp=worksFor#{types}": {"worksFor": 2.0}},
            calibration=(1.0, 0.5), added_calibration=added,
        )
        by_object = {r.object.text: r.confidence for r in model.decide(doc, kept, links, rules, ontology)}
        return by_object["Kestrel Bank"], by_object["Arvo Labs"]

    probability = 1 / (1 + math.exp(-2.0))
    same = round(1 / (1 + math.exp(-(math.log(probability / (1 - probability)) + 0.5))), 4)
    assert confidences(None) == (same, same)
    rescored, added = confidences((1.0, -1.0))
    assert rescored == same and added == round(1 / (1 + math.exp(-1.0)), 4) < same


def test_the_model_adds_no_place_that_a_narrower_place_already_says(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "X lives in Ashford, Kent": the rules say X livesIn Ashford and Ashford locatedIn Kent, so a model that
    would add X livesIn Kent adds nothing; without the locatedIn link it adds it."""
    doc, kept, links, rules = _read(nlp, ontology, "Tomas Reyes, a retired teacher, lives in Ashford, Kent.")
    assert _triples(rules) == {("Tomas Reyes", "livesIn", "Ashford"), ("Ashford", "locatedIn", "Kent")}, rules
    types = "Person|Place"
    model = RelationClassifier(
        labels=[NONE, "livesIn"], threshold=0.7, type_pairs={"livesIn": {("Person", "Place")}},
        weights={f"rule=none#{types}": {"livesIn": 4.0}},
    )
    implied = ("Tomas Reyes", "livesIn", "Kent")
    assert implied not in _triples(model.decide(doc, kept, links, rules, ontology))
    unlinked = [r for r in rules if r.predicate != "locatedIn"]
    assert implied in _triples(model.decide(doc, kept, links, unlinked, ontology))


def test_pronouns_linked_to_a_name_are_candidates(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    _, kept, links, _ = _read(nlp, ontology, "Kestrel Bank opened in Oslo. It employs Ines Varga.")
    texts = [m.text for m, _ in candidates(kept, links, ontology)]
    assert "It" in texts and "Kestrel Bank" in texts
    unlinked = [(m, s) for m, s in kept if m.text == "It"]
    assert "It" not in [m.text for m, _ in candidates(unlinked, {}, ontology)]


def test_classifier_obeys_the_ontologys_exceptions(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Y star X" is no employment: the any-noun pattern's kgx:exceptTrigger vetoes the model too."""
    types = "Person|Organization"
    model = RelationClassifier(
        labels=[NONE, "worksFor"], threshold=0.7, type_pairs={"worksFor": {("Person", "Organization")}},
        weights={f"rule=none#{types}": {"worksFor": 4.0}},
    )
    found = {}
    for noun in ("engineer", "star"):
        text = f"Orbitel Networks {noun} Lena Berg said the plant would reopen."
        doc, kept, links, rules = _read(nlp, ontology, text)
        assert {m.text for m, _ in kept} >= {"Orbitel Networks", "Lena Berg"}
        found[noun] = _triples(model.decide(doc, kept, links, [], ontology))
    assert ("Lena Berg", "worksFor", "Orbitel Networks") in found["engineer"], found
    assert not any(p == "worksFor" for _, p, _ in found["star"]), found


def test_the_shipped_model_adds_a_pair_the_rules_miss(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    doc, kept, links, rules = _read(nlp, ontology, "Arvo Labs opened a laboratory in Tromso.")
    assert not rules
    model = RelationClassifier.load()
    decided = model.decide(doc, kept, links, rules, ontology)
    assert [(r.subject.text, r.predicate, r.object.text, r.pattern) for r in decided] == [
        ("Arvo Labs", "basedIn", "Tromso", "model/basedIn")
    ]
    probability = next(iter(model.score_pairs(doc, kept, links, rules, ontology).values()))["basedIn"]
    assert decided[0].confidence == round(model.calibrated(probability, added=True), 4) >= 0.5


def test_the_shipped_model_keeps_a_rule_relation_it_only_doubts(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """ "Recruited by" states employment, but CoNLL04 rarely labels it and the model doubts it: with the
    shipped veto the rule's confidence stands; the same weights replacing it (veto 1.0) would drop it below
    --min-confidence.  (Which sentences the model doubts moves with each retrain: this one is doubted with a
    margin by the model trained on 2026-12-07, 0.55 against the default 0.7.)"""
    from dataclasses import replace

    from kgraph.config import DEFAULT_MIN_CONFIDENCE

    model = RelationClassifier.load()
    assert 0.0 <= model.veto < 1.0  # chosen by cross-validation (0 on 2026-12-08: no rule relation turned down)
    text = "Mira Solberg, who trained at Orbitel University, was recruited by Kestrel Bank."
    doc, kept, links, rules = _read(nlp, ontology, text)
    rule = next(r for r in rules if r.object.text == "Kestrel Bank" and r.predicate == "worksFor")
    assert rule.confidence >= DEFAULT_MIN_CONFIDENCE

    def decided(clf: RelationClassifier) -> float:
        out = clf.decide(doc, kept, links, rules, ontology)
        return next(r.confidence for r in out if r.object.text == "Kestrel Bank")

    assert decided(model) >= DEFAULT_MIN_CONFIDENCE > decided(replace(model, veto=1.0))


def test_only_the_labels_it_may_add_add_a_pair(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    """A label outside ``adds`` rescores rule relations but adds no pair; one inside adds it."""
    doc, kept, links, rules = _read(nlp, ontology, "Mira Solberg of Kestrel Bank praised Arvo Labs.")
    types = "Person|Organization"

    def model(adds: frozenset[str] | None) -> RelationClassifier:
        return RelationClassifier(
            labels=[NONE, "founderOf"], threshold=0.7, type_pairs={"founderOf": {("Person", "Organization")}},
            weights={f"rule=none#{types}": {"founderOf": 4.0}}, adds=adds,
        )

    added = ("Mira Solberg", "founderOf", "Arvo Labs")
    assert added in _triples(model(None).decide(doc, kept, links, rules, ontology))
    assert added in _triples(model(frozenset({"founderOf"})).decide(doc, kept, links, rules, ontology))
    assert added not in _triples(model(frozenset({"worksFor"})).decide(doc, kept, links, rules, ontology))


def test_the_shipped_model_adds_only_what_cross_validation_judged() -> None:
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(data["adds"]) == {"worksFor", "basedIn", "locatedIn", "livesIn"}  # the labels CoNLL04 annotates
    assert RelationClassifier.load().adds == frozenset(data["adds"])


def test_dense_features_are_the_pipelines_token_vectors_of_the_pair(parsed) -> None:  # type: ignore[no-untyped-def]
    """Head vector of each name, their product, the mean between; none without a tensor."""
    import numpy as np

    from kgraph.extract.classifier import dense_features

    doc = parsed.copy()
    assert dense_features(doc, doc[0:2], doc[6:8]) is None  # the hand-made parse has no tensor
    doc.tensor = np.arange(len(doc) * 2, dtype=np.float32).reshape(len(doc), 2)
    vector = dense_features(doc, doc[0:2], doc[6:8])  # roots "Weber" (1) and "Corp" (7); between: tokens 2-5
    assert vector.tolist() == [2, 3, 14, 15, 28, 45, 7, 8]
    assert dense_features(doc, doc[6:8], doc[0:2]).tolist()[-2:] == [7, 8]  # "between" does not depend on order
    assert dense_features(doc, doc[0:2], doc[2:3]).tolist()[-2:] == [0, 0]  # touching names: nothing between


def test_a_dense_layer_adds_its_scores_to_the_sparse_ones() -> None:
    """With a dense layer a vector moves the probabilities; without one (or without a vector) it does not."""
    import numpy as np

    from kgraph.extract.classifier import DenseLayer

    labels = [NONE, "worksFor"]
    layer = DenseLayer(labels, np.zeros(2), np.ones(2), np.array([[0.0, 3.0], [0.0, 0.0]]))
    model = RelationClassifier(labels=labels, weights={"bias": {NONE: 1.0}}, threshold=0.7, type_pairs={},
                               dense=layer)
    plain = model.probabilities(["bias"], labels)
    moved = model.probabilities(["bias"], labels, np.array([1.0, 0.0]))
    assert plain["worksFor"] < 0.5 < moved["worksFor"]
    assert math.isclose(moved["worksFor"], 1 / (1 + math.exp(-2.0)))
    hidden = DenseLayer(labels, np.zeros(2), np.ones(2), np.array([[0.0, 3.0]]), np.array([[1.0], [-1.0]]),
                        np.zeros(1))
    assert hidden.scores(np.array([1.0, 0.0]))["worksFor"] == 3.0
    assert hidden.scores(np.array([0.0, 1.0]))["worksFor"] == 0.0  # the rectified unit is off
    assert DenseLayer.from_json(hidden.to_json()).scores(np.array([1.0, 0.0])) == hidden.scores(np.array([1.0, 0.0]))


def test_a_weights_file_with_a_dense_layer_scores_pairs_with_the_parses_vectors(nlp, ontology, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Our pipeline fills ``doc.tensor``; a ``dense`` entry of the weights file is read and its scores reach the
    decision (here a hidden unit that is always on pushes worksFor), and the same file without it adds nothing."""
    doc, kept, links, rules = _read(nlp, ontology, "Mira Solberg praised Kestrel Bank on Monday.")
    assert not rules and doc.tensor.shape == (len(doc), 96)
    width = 4 * doc.tensor.shape[1]
    layer = {"labels": [NONE, "worksFor"], "mean": [0.0] * width, "scale": [1.0] * width,
             "hidden": [[0.0] for _ in range(width)], "hidden_bias": [1.0], "weights": [[0.0, 6.0]]}
    data = {"labels": [NONE, "worksFor"], "threshold": 0.7, "floor": 0.5,
            "type_pairs": {"worksFor": [["Person", "Organization"]]}, "weights": {"bias": {NONE: 2.0}}}
    plain, dense = tmp_path / "plain.json", tmp_path / "dense.json"
    plain.write_text(json.dumps(data), encoding="utf-8")
    dense.write_text(json.dumps({**data, "dense": layer}), encoding="utf-8")
    pair = ("Mira Solberg", "worksFor", "Kestrel Bank")
    assert pair not in _triples(RelationClassifier.load(plain).decide(doc, kept, links, rules, ontology))
    with_layer = RelationClassifier.load(dense)
    assert with_layer.dense is not None
    assert pair in _triples(with_layer.decide(doc, kept, links, rules, ontology))
