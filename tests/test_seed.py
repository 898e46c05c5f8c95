"""The article kgraph was born from (../shared/seed): skipped when ../shared is absent."""

from __future__ import annotations

import pytest
from conftest import SEED, needs_shared

pytestmark = [needs_shared, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory):  # type: ignore[no-untyped-def]
    from kgraph import Settings, build
    from kgraph.query import load_graphs

    out = tmp_path_factory.mktemp("seed")
    build(Settings(inputs=[SEED], out_dir=out, html=False))
    return load_graphs([out / "graph.ttl"])


def _ask(graph, subject: str, path: str, obj: str) -> bool:  # type: ignore[no-untyped-def]
    from kgraph.query import run_query

    query = (f'ASK {{ ?s rdfs:label|skos:altLabel ?sl . FILTER(CONTAINS(?sl, "{subject}")) '
             f'?o rdfs:label|skos:altLabel ?ol . FILTER(CONTAINS(?ol, "{obj}")) ?s {path} ?o }}')
    return bool(run_query(graph, query).askAnswer)


def test_seed_design_card_relations(seed_graph) -> None:  # type: ignore[no-untyped-def]
    assert _ask(seed_graph, "Fujimoto", "kg:ceoOf", "iPark Institute")
    assert _ask(seed_graph, "Samsung Biologics", "kg:memberOf", "iPark")
    assert _ask(seed_graph, "iPark", "kg:hasAgreementWith|^kg:hasAgreementWith", "Ministry of SME")


def test_seed_no_boilerplate_entities(seed_graph) -> None:  # type: ignore[no-untyped-def]
    from kgraph.query import run_query

    labels = {str(r[0]) for r in run_query(seed_graph, "SELECT ?l WHERE { ?e rdfs:label ?l }")}
    for junk in ("Twitter", "Facebook", "JoongAng", "JOINT PRESS CORPS"):
        assert not any(junk in label for label in labels), labels


def test_seed_graph_conforms_to_the_shapes(seed_graph) -> None:  # type: ignore[no-untyped-def]
    from kgraph.validate import validate

    report = validate(seed_graph)
    assert report.conforms, report.violations
