"""Tests of kgraph.evaluate: scoring on hand-made records, the mapping files, `kgraph eval`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SHARED

from kgraph.errors import OntologyError
from kgraph.evaluate import (
    available_mappings,
    find_mapping,
    format_report,
    load_mapping,
    score,
)

TEXT = "Anna Berg, chief executive of Acme Corp in Portvik, met Bo Li."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123


def _ent(text: str, type_: str, start: int | None = None) -> dict[str, Any]:
    start = TEXT.index(text) if start is None else start
    return {"text": text, "type": type_, "start": start, "end": start + len(text)}


def _gold(relations: list[tuple[int, int, str]], doc: str = "d1") -> dict[str, Any]:
    entities = [_ent("Anna Berg", "Peop"), _ent("Acme Corp", "Org"), _ent("Portvik", "Loc"), _ent("Bo Li", "Peop")]
    return {
        "id": doc,
        "text": TEXT,
        "entities": entities,
        "relations": [{"head_idx": h, "tail_idx": t, "type": ty} for h, t, ty in relations],
    }


def _arg(text: str, type_: str, start: int | None = None, length: int | None = None) -> dict[str, Any]:
    start = TEXT.index(text) if start is None else start
    return {"id": text.lower(), "text": text, "start": start, "end": start + (length or len(text)), "type": type_}


def _pred(relations: list[tuple[dict[str, Any], str, dict[str, Any]]], doc: str = "d1",
          entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "doc": doc,
        "source": "test",
        "entities": entities if entities is not None else [],
        "relations": [
            {"subject": s, "predicate": p, "object": o, "confidence": 0.9, "evidence": TEXT} for s, p, o in relations
        ],
    }


ANNA = _arg("Anna Berg", "Person")
ACME = _arg("Acme Corp", "Organization")
PORTVIK = _arg("Portvik", "Place")


@pytest.fixture(scope="module")
def conll(ontology):  # type: ignore[no-untyped-def]
    return load_mapping("conll04", ontology)


def test_evaluate_subproperty_counts_as_its_super_property(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    report = score([_gold([(0, 1, "Work_For")])], [_pred([(ANNA, "ceoOf", ACME)])], conll, ontology)
    work = report.modes["exact"].relations["Work_For"]
    assert (work.gold, work.predicted, work.correct) == (1, 1, 1)
    assert report.modes["exact"].micro.f1 == 1.0


def test_evaluate_exact_vs_overlap(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    # "Acme" alone: overlaps the gold "Acme Corp" but does not equal it.
    acme = _arg("Acme Corp", "Organization", length=4)
    report = score([_gold([(0, 1, "Work_For")])], [_pred([(ANNA, "worksFor", acme)])], conll, ontology)
    exact, overlap = report.modes["exact"], report.modes["overlap"]
    assert (exact.micro.correct, exact.micro.precision, exact.micro.recall) == (0, 0.0, 0.0)
    assert len(exact.false_positives) == len(exact.false_negatives) == 1
    assert (overlap.micro.correct, overlap.micro.f1) == (1, 1.0)


def test_evaluate_exact_means_the_gold_tokens(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    # The gold tokens fuse the full stop with the last word ("Li."), as CoNLL04's do: a
    # prediction of "Bo Li" has the same tokens and is exact; "Acme" alone is still not.
    text = "Bo Li works for Acme Corp in Portvik and lives with Anna Berg in Li."
    tokens = ["Bo", "Li", "works", "for", "Acme", "Corp", "in", "Portvik", "and", "lives", "with", "Anna",
              "Berg", "in", "Li."]
    gold = {
        "id": "d1", "text": text, "tokens": tokens,
        "entities": [{"text": "Bo Li", "type": "Peop", "start": 0, "end": 5},
                     {"text": "Acme Corp", "type": "Org", "start": 16, "end": 25},
                     {"text": "Li.", "type": "Loc", "start": text.rindex("Li."), "end": len(text)}],
        "relations": [{"head_idx": 0, "tail_idx": 1, "type": "Work_For"},
                      {"head_idx": 0, "tail_idx": 2, "type": "Live_In"}],
    }
    bo = {"id": "bo", "text": "Bo Li", "start": 0, "end": 5, "type": "Person"}
    acme = {"id": "acme", "text": "Acme", "start": 16, "end": 20, "type": "Organization"}
    li = {"id": "li", "text": "Li", "start": text.rindex("Li."), "end": len(text) - 1, "type": "Place"}
    pred = {"doc": "d1", "source": "test", "entities": [bo, acme, li], "relations": [
        {"subject": bo, "predicate": "worksFor", "object": acme, "confidence": 0.9, "evidence": text},
        {"subject": bo, "predicate": "livesIn", "object": li, "confidence": 0.9, "evidence": text},
    ]}
    exact = score([gold], [pred], conll, ontology).modes["exact"]
    assert (exact.relations["Live_In"].correct, exact.relations["Work_For"].correct) == (1, 0)
    assert exact.entities["Place"].correct == 1 and exact.entities["Organization"].correct == 0
    # Without tokens, offsets are compared as they are.
    del gold["tokens"]
    assert score([gold], [pred], conll, ontology).modes["exact"].micro.correct == 0


def test_evaluate_deduplicates_both_sides(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    gold = _gold([(0, 1, "Work_For"), (0, 1, "Work_For")])
    # worksFor and headOf between the same spans are one Work_For prediction.
    pred = _pred([(ANNA, "worksFor", ACME), (ANNA, "headOf", ACME)])
    result = score([gold], [pred], conll, ontology).modes["exact"]
    assert (result.micro.gold, result.micro.predicted, result.micro.correct) == (1, 1, 1)


def test_evaluate_overlap_matching_is_one_to_one(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    acme = _arg("Acme Corp", "Organization", length=4)
    pred = _pred([(ANNA, "worksFor", ACME), (ANNA, "worksFor", acme)])
    result = score([_gold([(0, 1, "Work_For")])], [pred], conll, ontology).modes["overlap"]
    assert (result.micro.predicted, result.micro.correct) == (2, 1)
    # The exact prediction takes the gold relation; the partial one is the false positive.
    assert result.matches[0][0].tail.end == ACME["end"]
    assert result.false_positives[0].tail.end == acme["end"]


def test_evaluate_class_constraints_pick_the_gold_type(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    gold = _gold([(1, 2, "OrgBased_In")])
    # locatedIn with an organisation subject is OrgBased_In, not Located_In.
    result = score([gold], [_pred([(ACME, "locatedIn", PORTVIK)])], conll, ontology).modes["exact"]
    assert result.relations["OrgBased_In"].correct == 1
    assert result.relations["Located_In"].predicted == 0
    # basedIn (a sub-property of locatedIn) counts too; a Person subject counts for nothing.
    report = score([gold], [_pred([(ACME, "basedIn", PORTVIK), (ANNA, "locatedIn", PORTVIK)])], conll, ontology)
    assert report.modes["exact"].micro.predicted == 1
    assert report.unscored_predictions == {"locatedIn": 1}


def test_evaluate_direction_matters_unless_symmetric(ontology, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "toy.json"
    path.write_text(json.dumps({
        "entities": {"Peop": "Person", "Org": "Organization"},
        "relations": {
            "Work_For": {"rules": [{"property": "worksFor"}]},
            "Partner": {"rules": [{"property": "partnerOf"}]},
            "Employs": {"rules": [{"property": "worksFor", "inverse": True}]},
        },
    }))
    mapping = load_mapping(path, ontology)
    gold = _gold([(0, 1, "Work_For"), (1, 3, "Partner"), (1, 0, "Employs")])
    bo = _arg("Bo Li", "Person")
    pred = _pred([(ACME, "worksFor", ANNA), (bo, "partnerOf", ACME), (ANNA, "worksFor", ACME)])
    result = score([gold], [pred], mapping, ontology).modes["exact"]
    # reversed worksFor is wrong for Work_For, but right for the inverse rule of Employs;
    # (Bo Li partnerOf Acme) matches gold (Acme, Bo Li) because partnerOf is symmetric.
    assert result.relations["Partner"].correct == 1
    assert result.relations["Employs"].correct == 1
    assert (result.relations["Work_For"].predicted, result.relations["Work_For"].correct) == (2, 1)
    assert {(fp.type, fp.head.text) for fp in result.false_positives} == {("Work_For", "Acme Corp"),
                                                                          ("Employs", "Anna Berg")}


def test_evaluate_via_argument_uses_the_name_offsets(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    anna = dict(ANNA, via={"text": "she", "start": 60, "end": 63})
    result = score([_gold([(0, 1, "Work_For")])], [_pred([(anna, "worksFor", ACME)])], conll, ontology).modes["exact"]
    assert result.micro.correct == 1


def test_evaluate_argument_matches_any_name_of_its_entity(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    # the relation was read at "Berg"; the document names the same entity "Anna Berg", which gold annotates
    berg = {"id": "anna berg", "text": "Berg", "start": 5, "end": 9, "type": "Person"}
    other = dict(berg, id="berg")
    gold = [_gold([(0, 1, "Work_For")])]
    names = [dict(ANNA, id="anna berg"), berg, ACME]
    hit = score(gold, [_pred([(berg, "worksFor", ACME)], entities=names)], conll, ontology).modes["exact"]
    miss = score(gold, [_pred([(other, "worksFor", ACME)], entities=names)], conll, ontology).modes["exact"]
    assert (hit.micro.correct, miss.micro.correct) == (1, 0)


def test_evaluate_entities_by_class_without_pronouns(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    entities = [
        dict(_arg("Anna Berg", "Person"), label="PERSON"),
        dict(_arg("Acme Corp", "GovernmentBody"), label="ORG"),  # a subclass of Organization
        dict(_arg("Portvik", "Person"), label="PERSON"),  # wrong class
        {"text": "chief", "start": 11, "end": 16, "type": "Person", "label": "pronoun"},
        {"text": "met", "start": 52, "end": 55, "type": "Event", "label": "rule"},  # class not scored
    ]
    report = score([_gold([])], [_pred([], entities=entities)], conll, ontology)
    ents = report.modes["exact"].entities
    assert (ents["Person"].gold, ents["Person"].predicted, ents["Person"].correct) == (2, 2, 1)
    assert (ents["Organization"].predicted, ents["Organization"].correct) == (1, 1)
    assert (ents["Place"].gold, ents["Place"].correct) == (1, 0)


def test_evaluate_unscored_gold_and_missing_documents(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    report = score([_gold([(0, 3, "Kill"), (0, 1, "Work_For")]), _gold([], doc="d2")], [], conll, ontology)
    assert report.unscored_gold == {"Kill": 1}
    assert report.modes["exact"].micro.gold == 1
    assert "Kill (1): The ontology has no killing relation" in format_report(report)
    assert json.loads(format_report(report, "json"))["modes"]["exact"]["micro"]["recall"] == 0.0


def test_evaluate_threshold_table_counts_only_confident_relations(conll, ontology) -> None:  # type: ignore[no-untyped-def]
    bo = _arg("Bo Li", "Person")
    record = _pred([(ANNA, "worksFor", ACME), (ACME, "basedIn", PORTVIK), (bo, "worksFor", ACME),
                    (ANNA, "livesIn", PORTVIK)])
    for relation, confidence in zip(record["relations"], (0.9, 0.65, 0.75, 0.55), strict=True):
        relation["confidence"] = confidence
    gold = _gold([(0, 1, "Work_For"), (1, 2, "OrgBased_In")])
    report = score([gold], [record], conll, ontology)
    # by hand: right at 0.9 and 0.65, wrong at 0.75 and 0.55; two gold relations
    expected = {0.5: (4, 2), 0.6: (3, 2), 0.7: (2, 1), 0.8: (1, 1), 0.85: (1, 1), 0.9: (1, 1), 0.95: (0, 0)}
    assert report.threshold_mode == "exact"
    assert {row.threshold: (row.score.predicted, row.score.correct) for row in report.thresholds} == expected
    assert [round(row.score.recall, 2) for row in report.thresholds] == [1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.0]
    text = format_report(report)
    assert "Relations by confidence, exact spans" in text
    assert "0.70 2 1 50.0 50.0 50.0" in [" ".join(line.split()) for line in text.splitlines()]
    rows = json.loads(format_report(report, "json"))["thresholds"]["rows"]
    assert rows[1] == {"threshold": 0.6, "gold": 2, "predicted": 3, "correct": 2, "precision": 0.6667,
                       "recall": 1.0, "f1": 0.8}
    only_overlap = score([gold], [record], conll, ontology, modes=("overlap",), thresholds=(0.7,))
    assert only_overlap.threshold_mode == "overlap" and len(only_overlap.thresholds) == 1


@pytest.mark.parametrize("name", ["conll04", "fire", "kbp37"])
def test_evaluate_mapping_files_use_only_ontology_terms(name: str, ontology) -> None:  # type: ignore[no-untyped-def]
    mapping = load_mapping(ROOT / "ontology" / "mappings" / f"{name}.json", ontology)
    assert mapping.scored_types
    for rel in mapping.relations.values():
        assert bool(rel.rules) != bool(rel.unmapped), rel.label
        for rule in rel.rules:
            assert rule.property in ontology.properties
            assert rule.subject is None or rule.subject in ontology.classes
            assert rule.object is None or rule.object in ontology.classes
    assert all(cls is None or cls in ontology.classes for cls in mapping.entities.values())


def test_evaluate_mapping_rejects_unknown_terms(tmp_path: Path, ontology) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"entities": {}, "relations": {"X": {"rules": [{"property": "employs"}]}}}))
    with pytest.raises(OntologyError, match="'employs', which is not in the ontology"):
        load_mapping(path, ontology)


def test_evaluate_find_mapping_by_path(tmp_path: Path) -> None:
    assert set(available_mappings()) >= {"conll04", "fire", "kbp37"}
    assert find_mapping(Path("../shared/devdata/conll04/dev.jsonl")).name == "conll04.json"
    with pytest.raises(OntologyError, match="pass --map with one of: .*conll04.json"):
        find_mapping(tmp_path / "gold.jsonl")


# ---------------------------------------------------------------- CLI (real extractor)

CLI_GOLD = [
    {
        "id": "s1",
        "text": "Tim Cook, the chief executive of Apple, spoke in Cupertino on Monday.",
        "entities": [
            {"text": "Tim Cook", "type": "Peop", "start": 0, "end": 8},
            {"text": "Apple", "type": "Org", "start": 32, "end": 37},
            {"text": "Cupertino", "type": "Loc", "start": 48, "end": 57},
        ],
        "relations": [{"type": "Work_For", "head_idx": 0, "tail_idx": 1}],
    },
    {
        "id": "s2",
        "text": "Portvik is a small town in Norway.",
        "entities": [
            {"text": "Portvik", "type": "Loc", "start": 0, "end": 7},
            {"text": "Norway", "type": "Loc", "start": 27, "end": 33},
        ],
        "relations": [{"type": "Located_In", "head_idx": 0, "tail_idx": 1}],
    },
]


@pytest.mark.slow
def test_evaluate_cli_eval_on_a_tiny_gold_file(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kgraph.cli import cli

    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in CLI_GOLD), encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(gold), "--map", "conll04", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 2
    assert set(data["modes"]) == {"exact", "overlap"}
    assert data["modes"]["exact"]["relations"]["Work_For"]["gold"] == 1
    assert data["modes"]["exact"]["entities"]["Person"]["correct"] == 1

    table = runner.invoke(cli, ["eval", str(gold), "--map", "conll04", "--mode", "overlap", "--limit", "1"])
    assert table.exit_code == 0, table.output
    assert "Relations, overlap spans" in table.stdout
    assert "Relations, exact spans" not in table.stdout
    assert "(1 documents" in table.stdout

    unknown = runner.invoke(cli, ["eval", str(gold)])
    assert unknown.exit_code == 1
    assert "does not name a known data set; pass --map with one of:" in unknown.stderr


DEV = SHARED / "devdata" / "conll04" / "dev.jsonl"


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not DEV.is_file(), reason="../shared/devdata is absent (a fresh clone has no dev sets)")
def test_evaluate_conll04_dev_sample_runs() -> None:
    from kgraph.evaluate import evaluate

    report = evaluate(DEV, limit=20)
    assert report.documents == 20
    assert report.mapping.name == "conll04"
    assert report.modes["overlap"].micro.correct >= report.modes["exact"].micro.correct


def test_evaluate_mapping_reads_compatible_properties(tmp_path: Path, ontology) -> None:  # type: ignore[no-untyped-def]
    spec = {"rules": [{"property": "worksFor"}], "compatible": ["nationality"]}
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"entities": {}, "relations": {"X": spec}}))
    assert load_mapping(path, ontology).relations["X"].compatible == ("nationality",)
    path.write_text(json.dumps({"entities": {}, "relations": {"X": {**spec, "compatible": ["citizenOf"]}}}))
    with pytest.raises(OntologyError, match='"compatible" entry'):
        load_mapping(path, ontology)
