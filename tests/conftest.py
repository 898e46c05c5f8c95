"""Fixtures shared by every test (defined here only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
TEST_DATA_DIR = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "ipark-article.txt"

needs_shared = pytest.mark.skipif(
    not SEED.is_file(), reason="../shared is absent (a fresh clone has no evaluation data); nothing to check"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def ontology():  # type: ignore[no-untyped-def]
    from kgraph.ontology import load_ontology

    return load_ontology()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from kgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract_text(nlp, ontology):  # type: ignore[no-untyped-def]
    """Run the rule extractor on a text; return [(subject, predicate, object)] by representative names."""
    from kgraph.extract.rules import find_mentions, find_relations
    from kgraph.resolve import link_mentions

    def run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        mentions = find_mentions(doc, ontology)
        links = link_mentions(doc, mentions, ontology)
        kept = [(m, s) for m, s in mentions if m in links]
        return {
            (links[r.subject].text, r.predicate, links[r.object].text)
            for r in find_relations(doc, kept, ontology)
        }

    return run


@pytest.fixture(scope="session")
def built_data(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The build of data/ (done once), as (report, out_dir)."""
    from kgraph import Settings, build

    out = tmp_path_factory.mktemp("out")
    report = build(Settings(inputs=[DATA_DIR], out_dir=out))
    return report, out


@pytest.fixture(scope="session")
def data_graph(built_data):  # type: ignore[no-untyped-def]
    from kgraph.query import load_graphs

    _, out = built_data
    return load_graphs([out / "graph.ttl"])
