"""Settings shared by the library and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings", "DEFAULT_MIN_CONFIDENCE"]

#: The lowest confidence at which the calibrated relations of the train splits' held-out folds reach
#: 85% precision (scripts/calibrate.py; docs/quality.md#confidence): the default of the rule extractors.
DEFAULT_MIN_CONFIDENCE = 0.7


@dataclass
class Settings:
    """What to build from, where to, and with which model and ontology.

    >>> Settings(inputs=[Path("data")], out_dir=Path("out"))
    Settings(inputs=[PosixPath('data')], out_dir=PosixPath('out'), ...)
    """

    inputs: list[Path] = field(default_factory=lambda: [Path("data")])
    out_dir: Path = Path("out")
    model: str | None = None  # a spaCy package name or folder; None: $KGRAPH_SPACY_MODEL or the default
    ontology_dir: Path | None = None  # None: $KGRAPH_ONTOLOGY or the repository's ontology/
    extractor: str = "rules"
    batch_size: int = 16
    html: bool = True
    max_nodes: int | None = None  # None: the viewer's default
    jobs: int | None = None  # extraction processes; None: the machine's cores
    scheduler: str | None = None  # a Dask scheduler address (tcp://host:8786): extract on that cluster
    cache: bool = True  # keep per-document extractions in OUT/.kgraph-cache for incremental builds
    clean: bool = False  # ignore (and rebuild) the cache
    # --extractor llm / rules+llm: an OpenAI-compatible API's base URL and model; the key comes from
    # $KGRAPH_LLM_API_KEY or $OPENAI_API_KEY only, never from here
    llm_endpoint: str | None = None
    llm_model: str | None = None
    llm_concurrency: int = 2  # requests in flight per extraction process
    # leave out relations of lower confidence (kg:confidence; calibrated on train data, see docs/quality.md);
    # applied after the cache, so changing it parses nothing again
    # None: DEFAULT_MIN_CONFIDENCE for every relation the rules found, 0 for a fact only an LLM found, whose
    # constant confidence nobody measured (kgraph.pipeline.relation_threshold)
    min_confidence: float | None = None
