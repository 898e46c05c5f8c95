"""Writers of a built graph, by format name.

``EXPORTERS`` maps a format to ``(module, function, file name)``; the module is
imported only when that format is written.  Every writer writes to a temporary file
beside the target and renames it, so an output is never left half-written.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.errors import ExportError

if TYPE_CHECKING:
    from rdflib import Graph

    from kgraph.config import Settings
    from kgraph.graph import KGDataset
    from kgraph.ontology import Ontology

__all__ = ["EXPORTERS", "BUILD_FORMATS", "FILE_FORMATS", "export_graph", "export_file", "write_atomically",
           "write_bytes_atomically"]

EXPORTERS: dict[str, tuple[str, str, str]] = {
    "turtle": ("kgraph.export.turtle", "write_turtle", "graph.ttl"),
    "html": ("kgraph.export.html", "write_html", "graph.html"),
    "trig": ("kgraph.export.quads", "write_trig", "graph.trig"),
    "nquads": ("kgraph.export.quads", "write_nquads", "graph.nq"),
    "jsonld": ("kgraph.export.jsonld", "write_jsonld", "graph.jsonld"),
    "graphml": ("kgraph.export.gephi", "write_graphml", "graph.graphml"),
    "gexf": ("kgraph.export.gephi", "write_gexf", "graph.gexf"),
}

#: What ``kgraph build`` writes besides the HTML page.
BUILD_FORMATS = ("turtle", "trig")
#: Formats ``kgraph export`` writes with ``writer(graph, path)`` (everything but the HTML viewer).
FILE_FORMATS = tuple(name for name in EXPORTERS if name != "html")


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"Cannot write {path}: {error.strerror or error}.") from error
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    write_atomically(path, write)


def export_graph(graph: Graph | KGDataset, settings: Settings, ontology: Ontology) -> dict[str, Path]:
    """Write the build's outputs into ``settings.out_dir``; return format -> path."""
    formats = [*BUILD_FORMATS] + (["html"] if settings.html else [])
    out: dict[str, Path] = {}
    for name in formats:
        module_name, function, filename = EXPORTERS[name]
        writer = getattr(importlib.import_module(module_name), function)
        path = settings.out_dir / filename
        if name == "html":
            options: dict[str, object] = {} if settings.max_nodes is None else {"max_nodes": settings.max_nodes}
            if settings.cache:
                from kgraph.cache import CACHE_DIRNAME, LAYOUTS_FILENAME

                options["layout_cache"] = settings.out_dir / CACHE_DIRNAME / LAYOUTS_FILENAME
            writer(graph, path, title="kgraph", ontology=ontology.graph, **options)
        else:
            writer(graph, path)
        out[name] = path
    return out


def export_file(graph: Graph, fmt: str, path: Path) -> Path:
    """Write ``graph`` in format ``fmt`` (a name of :data:`FILE_FORMATS`) to ``path``."""
    if fmt not in FILE_FORMATS:
        raise ExportError(f"Unknown export format {fmt!r}. Available formats: {', '.join(FILE_FORMATS)}.")
    module_name, function, _ = EXPORTERS[fmt]
    getattr(importlib.import_module(module_name), function)(graph, path)
    return path
