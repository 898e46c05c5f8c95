"""The package's layout (issue 17): no import cycles, no module over 1,000 lines, and the layering
between the extractor, the resolver, the graph model, the writers and the query engine.

Every ``import`` statement counts, wherever it stands: at the top of a module, inside a function
(a lazy import is still a dependency, and the cycle issue 17 removed ran through lazy ones) or
under ``if TYPE_CHECKING:``.  Modules imported by name through ``importlib`` (the extractor and
writer tables) are not seen; the top-level package's own ``__init__`` is left out, as it imports
the public API from everywhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kgraph"
MAX_LINES = 1000


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``source`` (the text of ``module``) imports, anywhere in it."""
    package = module if module in known and module.count(".") == 0 else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: "from . import x", "from ..graph import y"
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            # "from kgraph.export import quads" imports a module; "from kgraph.export import write_atomically" a name
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports, the top-level ``__init__`` left out."""
    paths = {module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    top = root.name
    known = set(paths) - {top}
    return {m: imported_modules(p.read_text(encoding="utf-8"), m, known) for m, p in paths.items() if m != top}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (its modules in order, the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        state[node] = 2
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


# ------------------------------------------------------------------------------ the checks' own tests


def test_layout_imports_are_read_from_anywhere_in_a_module() -> None:
    known = {"kgraph.graph", "kgraph.query", "kgraph.export", "kgraph.export.quads", "kgraph.models"}
    source = (
        "from kgraph.models import Mention\n"
        "def f():\n    from kgraph.export.quads import document_graphs\n"
        "if TYPE_CHECKING:\n    import kgraph.query\n"
        "from kgraph.export import write_atomically\n"
    )
    assert imported_modules(source, "kgraph.graph", known) == {
        "kgraph.models", "kgraph.export.quads", "kgraph.query", "kgraph.export"
    }


def test_layout_cycle_finder_finds_a_cycle_and_only_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


# ------------------------------------------------------------------------------ the layout


def test_layout_has_no_import_cycle() -> None:
    assert find_cycle(import_graph()) is None


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layout_no_module_is_over_1000_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_layout_extraction_does_not_import_cross_document_resolution() -> None:
    graph = import_graph()
    extract = [m for m in graph if m == "kgraph.extract" or m.startswith("kgraph.extract.")]
    assert len(extract) > 5
    assert [m for m in extract if "kgraph.resolve" in graph[m]] == []


def test_layout_graph_model_imports_neither_writers_nor_query_engine_nor_extractor() -> None:
    imports = import_graph()["kgraph.graph"]
    assert "kgraph.models" in imports  # the reader sees the graph model's imports
    forbidden = ("kgraph.export", "kgraph.query", "kgraph.extract")
    assert [m for m in imports if m in forbidden or m.startswith(tuple(f + "." for f in forbidden))] == []


def test_layout_nlp_does_not_import_the_extractor() -> None:
    imports = import_graph()["kgraph.nlp"]
    assert "kgraph.vocabulary" in imports
    assert [m for m in imports if m.startswith("kgraph.extract")] == []
