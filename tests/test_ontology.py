from __future__ import annotations

import typing
from pathlib import Path

import pytest
from rdflib import OWL, RDF, URIRef

from kgraph.errors import OntologyError
from kgraph.ontology import FRAMES, KG, KGX, ONTOLOGY_DIR, load_ontology

REQUIRED_CLASSES = {"Person", "Organization", "Place", "Event"}
REQUIRED_PROPERTIES = {
    "worksFor", "headOf", "ceoOf", "founderOf", "memberOf", "hasAgreementWith", "partnerOf", "operates",
    "subsidiaryOf", "acquired", "agreedToAcquire", "investedIn", "basedIn", "locatedIn", "livesIn", "nationality",
    "participatedIn", "receivedAward",
}


def test_ontology_declares_required_terms(ontology) -> None:  # type: ignore[no-untyped-def]
    assert REQUIRED_CLASSES <= set(ontology.classes)
    assert REQUIRED_PROPERTIES <= set(ontology.properties)
    assert {"headOf", "worksFor"} <= ontology.properties["ceoOf"].ancestors
    assert ontology.properties["hasAgreementWith"].symmetric
    assert ontology.properties["partnerOf"].symmetric
    assert ontology.is_a("GovernmentBody", "Organization")


def test_ontology_every_term_labelled_and_commented(ontology) -> None:  # type: ignore[no-untyped-def]
    from rdflib import RDFS

    g = ontology.graph
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in g.subjects(RDF.type, kind):
            if str(term).startswith(str(KG._NS)):
                assert g.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
                assert str(g.value(term, RDFS.comment) or "").strip(), f"{term} has no rdfs:comment"


def test_ontology_namespace_class_matches_turtle(ontology) -> None:  # type: ignore[no-untyped-def]
    declared = {str(s) for s in ontology.graph.subjects(RDF.type, None)}
    for name in typing.get_type_hints(KG):
        if name.startswith("_"):
            continue
        assert str(KG._NS + name) in declared, f"kg:{name} is in KG but not in ontology/kgraph.ttl"
    with pytest.raises(AttributeError):
        KG.ceoof  # noqa: B018 - a typo must fail, not mint an IRI


def test_ontology_every_property_with_a_pattern_is_typed(ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.extract.relations import _SENTENCE_FRAMES

    # every frame the ontology accepts is one the extractor matches: by trigger word, or off the sentence
    assert FRAMES == {"RelationalNoun", "Verb", "EventNoun", "Attribute", *_SENTENCE_FRAMES}
    untriggered = {"Attribute", *_SENTENCE_FRAMES}
    for prop in ontology.properties.values():
        for pattern in prop.patterns:
            assert pattern.frame in FRAMES, pattern
            assert pattern.triggers or pattern.frame in untriggered, pattern
            assert 0 < pattern.confidence <= 1


def test_ontology_missing_folder_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(OntologyError, match="kgraph.ttl is missing"):
        load_ontology(tmp_path)


def test_ontology_unknown_class_in_pattern(tmp_path, ontology) -> None:  # type: ignore[no-untyped-def]
    for name in ("kgraph.ttl", "words.ttl"):
        (tmp_path / name).write_bytes((ontology.source / name).read_bytes())
    (tmp_path / "patterns.ttl").write_text(
        "@prefix kg: <https://w3id.org/kgraph/ontology#> . @prefix kgx: <https://w3id.org/kgraph/patterns#> .\n"
        'kg:ceoOf kgx:pattern [ kgx:frame kgx:Verb ; kgx:trigger "lead" ; kgx:subjectType kg:Robot ] .\n'
    )
    with pytest.raises(OntologyError, match="unknown class kg:Robot"):
        load_ontology(tmp_path)


def test_ontology_iri(ontology) -> None:  # type: ignore[no-untyped-def]
    assert ontology.iri("ceoOf") == URIRef("https://w3id.org/kgraph/ontology#ceoOf")


def test_ontology_subordinate_must_be_a_super_property(tmp_path, ontology) -> None:  # type: ignore[no-untyped-def]
    for name in ("kgraph.ttl", "words.ttl"):
        (tmp_path / name).write_bytes((ontology.source / name).read_bytes())
    (tmp_path / "patterns.ttl").write_text(
        "@prefix kg: <https://w3id.org/kgraph/ontology#> . @prefix kgx: <https://w3id.org/kgraph/patterns#> .\n"
        'kg:headOf kgx:pattern [ kgx:frame kgx:RelationalNoun ; kgx:trigger "chief" ; kgx:subordinate kg:livesIn ] .\n'
    )
    with pytest.raises(OntologyError, match="not one of its super-properties"):
        load_ontology(tmp_path)


def _with_pattern(tmp_path, pattern: str):  # type: ignore[no-untyped-def]
    """A copy of the project's ontology with one more pattern."""
    import shutil

    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, folder)
    with (folder / "patterns.ttl").open("a", encoding="utf-8") as out:
        out.write(f"\nkg:worksFor kgx:pattern [ {pattern} ] .\n")
    return folder


def test_ontology_unknown_frame_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = _with_pattern(tmp_path, 'kgx:frame kgx:RelationalNown ; kgx:trigger "clerk"')
    with pytest.raises(OntologyError, match="unknown frame .*RelationalNown"):
        load_ontology(folder)


def test_ontology_pattern_moods(ontology, tmp_path) -> None:  # type: ignore[no-untyped-def]
    moods = {p.mood for p in ontology.properties["agreedToAcquire"].patterns}
    assert moods == {"agreed"} and {p.mood for p in ontology.properties["acquired"].patterns} == {"fact"}
    folder = _with_pattern(tmp_path, 'kgx:frame kgx:Verb ; kgx:mood kgx:Hoped ; kgx:trigger "clerk"')
    with pytest.raises(OntologyError, match="unknown mood .*Hoped"):
        load_ontology(folder)


def test_ontology_reads_property_chains(ontology) -> None:  # type: ignore[no-untyped-def]
    assert ontology.properties["basedIn"].chains == {"locatedIn"}
    assert ontology.properties["locatedIn"].chains == {"locatedIn"}
    assert not ontology.properties["worksFor"].chains


# ---------------------------------------------------------------- calibrated confidences


def test_ontology_shipped_calibration_loads_and_names_patterns(ontology) -> None:  # type: ignore[no-untyped-def]
    names = {p.name for p in ontology.patterns}
    assert ontology.calibration, "ontology/calibration.ttl is shipped (scripts/calibrate.py writes it)"
    for name, value in ontology.calibration.items():
        assert 0.0 <= value <= 1.0
        assert set(name.split("+")) <= names, name  # a pattern, or a property chain's two steps


def test_ontology_calibration_sets_the_relations_confidence(nlp, ontology) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from kgraph.extract.mentions import find_mentions
    from kgraph.extract.relations import find_relations

    doc = nlp("Tove Rasmussen, the chief executive of Brennmark Foods, spoke in Tromso on Friday.")
    mentions = find_mentions(doc, ontology)
    hand_set = replace(ontology, calibration={})
    by_hand = {r.pattern: r.confidence for r in find_relations(doc, mentions, hand_set)}
    calibrated = {r.pattern: r.confidence for r in find_relations(doc, mentions, ontology)}
    assert by_hand and set(by_hand) == set(calibrated)
    changed = [name for name in calibrated if name in ontology.calibration]
    assert changed, calibrated
    for name in changed:
        assert calibrated[name] == ontology.calibration[name] != by_hand[name]
    assert all(by_hand[n] == calibrated[n] for n in calibrated if n not in ontology.calibration)


def _ontology_copy(tmp_path: Path, calibration: str | None) -> Path:
    import shutil

    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, folder)
    target = folder / "calibration.ttl"
    if calibration is None:
        target.unlink(missing_ok=True)
    else:
        target.write_text(f"@prefix kgx: <{KGX}> .\n" + calibration, encoding="utf-8")
    return folder


def test_ontology_calibration_file_is_read_and_checked(tmp_path: Path) -> None:
    own = load_ontology(_ontology_copy(tmp_path / "a", '[] kgx:patternName "headOf/RelationalNoun" ; '
                                                       "kgx:calibrated 0.42 .\n"))
    assert own.calibration == {"headOf/RelationalNoun": 0.42}
    assert own.confidence("headOf/RelationalNoun", 0.85) == 0.42
    assert own.confidence("livesIn/Verb", 0.8) == 0.8  # not calibrated: the hand-set value
    none = load_ontology(_ontology_copy(tmp_path / "b", None))
    assert none.calibration == {}
    assert none.fingerprint() != own.fingerprint()  # a new calibration invalidates the extraction cache
    with pytest.raises(OntologyError, match="outside 0-1"):
        load_ontology(_ontology_copy(tmp_path / "c", '[] kgx:patternName "x/Verb" ; kgx:calibrated 1.5 .\n'))


def test_per_ontology_works_a_value_out_once_per_ontology_and_arguments(tmp_path: Path) -> None:
    import shutil
    from dataclasses import replace

    from kgraph.ontology import Ontology, per_ontology

    calls: list[tuple[str, str]] = []

    @per_ontology
    def triggers_of(ontology: Ontology, frame: str) -> frozenset[str]:
        calls.append((ontology.source.name, frame))
        return frozenset(t for p in ontology.patterns if p.frame == frame for t in p.triggers)

    shipped = load_ontology()
    verbs = triggers_of(shipped, "Verb")
    assert "acquire" in verbs
    assert triggers_of(shipped, "Verb") is verbs  # kept: the same object, not worked out again
    assert triggers_of(shipped, "EventNoun") != verbs  # another argument, another value
    assert calls == [(shipped.source.name, "Verb"), (shipped.source.name, "EventNoun")]
    # another ontology (a copy in another folder) keeps values of its own
    copy = tmp_path / "copy"
    shutil.copytree(ONTOLOGY_DIR, copy)
    other = load_ontology(copy)
    assert triggers_of(other, "Verb") == verbs and len(calls) == 3
    # a changed copy of the ontology starts with nothing derived
    assert replace(shipped, calibration={}).derived == {}


def test_ontology_head_words_may_name_a_shared_list(ontology) -> None:  # type: ignore[no-untyped-def]
    # kgx:BodyOfMembers is written once; patterns name it among their own head words
    members = {w for w in ontology.graph.objects(KGX.BodyOfMembers, KGX.headNoun)}
    assert members and "party" in {str(w) for w in members}
    (board,) = [p for p in ontology.properties["worksFor"].patterns if "board member" in p.triggers]
    assert {"council", "party", "rovers"} <= set(board.except_object_heads)  # its own words and the list's
    (bodies,) = [p for p in ontology.properties["memberOf"].patterns if p.frame == "Attribute"]
    assert set(bodies.object_heads) == {str(w) for w in members}


def test_ontology_words_reads_the_named_lists_of_words_ttl(ontology) -> None:  # type: ignore[no-untyped-def]
    from kgraph.ontology import WORD_LISTS

    assert WORD_LISTS <= set(ontology.word_lists)
    assert ontology.words("PublicOffice") == {"mayor", "governor", "premier"}
    assert {"house", "senate"} <= ontology.words("Chamber")
    assert "child" in ontology.words("KinOrFollower") and "child" not in ontology.words("Goods")


def test_ontology_missing_word_list_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, folder)
    words = folder / "words.ttl"
    words.write_text(words.read_text(encoding="utf-8").replace("kgx:Chamber kgx:word", "kgx:Chambers kgx:word"))
    with pytest.raises(OntologyError, match="words.ttl has no word list kgx:Chamber;"):
        load_ontology(folder)
    (folder / "words.ttl").unlink()
    with pytest.raises(OntologyError, match="words.ttl is missing"):
        load_ontology(folder)
