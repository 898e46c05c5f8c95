"""kgraph: turn news articles into an RDF knowledge graph, traceable to the sentence.

>>> import kgraph
>>> report = kgraph.build(kgraph.Settings(inputs=[Path("data")], out_dir=Path("out")))  # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:  # the distribution's name on the package registry: ``kgraph`` there is another project
    __version__ = version("kgraph-rdf")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

from kgraph.config import Settings
from kgraph.errors import (
    ExportError,
    InputError,
    KGraphError,
    ModelError,
    OntologyError,
    QueryError,
    StoreError,
)
from kgraph.models import Article, Entity, Extraction, Mention, RelationMention, Role
from kgraph.pipeline import BuildReport, build, extract_articles

__all__ = [
    "__version__",
    "Settings",
    "build",
    "extract_articles",
    "BuildReport",
    "Article",
    "Entity",
    "Extraction",
    "Mention",
    "RelationMention",
    "Role",
    "KGraphError",
    "InputError",
    "ModelError",
    "OntologyError",
    "QueryError",
    "StoreError",
    "ExportError",
]
