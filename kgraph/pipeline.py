"""``build()``: ingest -> extract -> resolve -> graph -> export, with a report."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.config import Settings
from kgraph.errors import InputError
from kgraph.extract import get_extractor
from kgraph.ingest import find_sources, read_articles
from kgraph.models import Article, Extraction
from kgraph.ontology import load_ontology

__all__ = ["BuildReport", "build", "extract_articles"]


@dataclass
class BuildReport:
    """What a build read, found and wrote."""

    documents: int = 0
    skipped: list[InputError] = field(default_factory=list)
    mentions: int = 0
    entities: int = 0
    relations: int = 0
    statements: int = 0
    triples: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


ProgressCallback = Callable[[int], None]


def extract_articles(
    settings: Settings,
    on_error: Callable[[InputError], None] | None = None,
    progress: ProgressCallback | None = None,
) -> Iterator[Extraction]:
    """Read and extract every article of ``settings.inputs``, streaming."""
    ontology = load_ontology(settings.ontology_dir)
    extractor = get_extractor(settings.extractor, model=settings.model, ontology=ontology,
                              batch_size=settings.batch_size)

    def articles() -> Iterator[Article]:
        for article in read_articles(settings.inputs, on_error=on_error):
            yield article

    for extraction in extractor.extract(articles()):
        if progress is not None:
            progress(1)
        yield extraction


def count_sources(settings: Settings) -> int:
    """How many article files a build will read (for progress bars)."""
    return len(find_sources(settings.inputs, on_error=lambda _: None))


def build(
    settings: Settings,
    progress: ProgressCallback | None = None,
) -> BuildReport:
    """Build the graph of ``settings.inputs`` into ``settings.out_dir``.

    Bad input files are skipped and listed in the report; if no article could be
    read at all, :class:`~kgraph.errors.InputError` is raised and nothing is written.
    """
    from kgraph.export import export_graph
    from kgraph.graph import to_graph
    from kgraph.resolve import resolve_entities

    report = BuildReport()
    started = time.perf_counter()
    ontology = load_ontology(settings.ontology_dir)
    extractions = list(extract_articles(settings, on_error=report.skipped.append, progress=progress))
    report.seconds["extract"] = time.perf_counter() - started
    if not extractions:
        if report.skipped:
            raise InputError(report.skipped[0].path, "and every other input could not be read; nothing was built.",
                             f"First problem: {report.skipped[0].problem}")
        raise InputError(", ".join(map(str, settings.inputs)), "holds no articles (.txt, .md, .html, .jsonl).")
    report.documents = len(extractions)
    report.mentions = sum(len(ex.mentions) for ex in extractions)

    t = time.perf_counter()
    resolution = resolve_entities(extractions, ontology)
    report.seconds["resolve"] = time.perf_counter() - t

    t = time.perf_counter()
    graph = to_graph(extractions, resolution, ontology)
    report.entities = len(resolution.entities)
    from rdflib import RDF

    from kgraph.ontology import KG

    report.statements = len(set(graph.subjects(RDF.type, RDF.Statement)))
    entity_nodes = set(graph.subjects(KG.mentionCount, None))
    report.relations = sum(1 for s, _, o in graph if s in entity_nodes and o in entity_nodes)
    report.triples = len(graph)
    report.seconds["graph"] = time.perf_counter() - t

    t = time.perf_counter()
    report.outputs = export_graph(graph, settings, ontology)
    report.seconds["export"] = time.perf_counter() - t
    return report
