"""What an install carries: the ontology as package data, every module, the registry name.

The full check (build the wheel, install it in a fresh environment, build a graph from a
folder outside the checkout) is in ``.ci/run``; these tests check the parts quickly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import kgraph
from kgraph.ontology import ONTOLOGY_DIR

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _package_folder(package: str) -> Path:
    """The folder a listed package is built from (a mapped package's subpackages follow its mapping)."""
    mapped = SETUPTOOLS.get("package-dir", {})
    for prefix, folder in mapped.items():
        if package == prefix or package.startswith(prefix + "."):
            return ROOT / folder / "/".join(package[len(prefix) + 1 :].split(".") if package != prefix else [])
    return ROOT / package.replace(".", "/")


def _shipped(package: str) -> set[Path]:
    """The files of a listed package that the wheel carries: its modules and its package data."""
    folder = _package_folder(package)
    patterns = SETUPTOOLS.get("package-data", {}).get(package, [])
    data = {path for pattern in patterns for path in folder.glob(pattern) if path.is_file()}
    return data | set(folder.glob("*.py"))


def test_packaging_distribution_name_is_kgraph_rdf() -> None:
    # `kgraph` on the registry is another project: the distribution is kgraph-rdf, the command kgraph
    assert PYPROJECT["project"]["name"] == "kgraph-rdf"
    assert PYPROJECT["project"]["scripts"] == {"kgraph": "kgraph.cli:cli"}
    # the version is looked up under the distribution's name (0.0.0 when that name is wrong)
    assert kgraph.__version__ == PYPROJECT["project"]["version"]


def test_packaging_lists_every_folder_that_holds_a_file() -> None:
    # the package list is explicit (a mapped folder is not discovered): a new folder of modules or of
    # data (a trained model, the viewer's page) must be named, or setuptools leaves it out
    listed = set(SETUPTOOLS["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "kgraph").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    found |= {
        ".".join(("kgraph", "ontology_data", *path.parent.relative_to(ROOT / "ontology").parts))
        for path in (ROOT / "ontology").rglob("*")
        if path.is_file()
    }
    assert found <= listed, f"add {sorted(found - listed)} to [tool.setuptools] packages in pyproject.toml"


def test_packaging_ships_every_file_of_the_listed_folders() -> None:
    listed = SETUPTOOLS["packages"]
    for package in listed:
        folder = _package_folder(package)
        every = {path for path in folder.iterdir() if path.is_file() and path.suffix not in {".pyc"}}
        assert every <= _shipped(package), f"package-data of {package} leaves out {sorted(every - _shipped(package))}"
    assert _package_folder("kgraph.ontology_data") == ROOT / "ontology"
    assert _package_folder("kgraph.ontology_data.mappings") == ROOT / "ontology" / "mappings"
    shipped = {p.name for p in _shipped("kgraph.ontology_data")}
    assert {"kgraph.ttl", "patterns.ttl", "words.ttl", "shapes.ttl"} <= shipped


def test_packaging_checkout_reads_its_own_ontology_folder() -> None:
    # an editable install or the source tree: the folder users edit is the one read
    assert ONTOLOGY_DIR == ROOT / "ontology"


def _installed_copy(site: Path, with_data: bool) -> None:
    """Lay kgraph out as a wheel installs it: the package, and the ontology as its package data."""
    shutil.copytree(ROOT / "kgraph", site / "kgraph", ignore=shutil.ignore_patterns("__pycache__", "resources"))
    if with_data:
        shutil.copytree(ROOT / "ontology", site / "kgraph" / "ontology_data")


def _ontology_dir_seen_from(site: Path, cwd: Path, override: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "KGRAPH_ONTOLOGY"}
    if override is not None:
        env["KGRAPH_ONTOLOGY"] = str(override)
    env["PYTHONPATH"] = str(site)  # ahead of the editable install's finder
    script = "import kgraph.ontology as o; print(o.ONTOLOGY_DIR); print(o.load_ontology().source)"
    done = subprocess.run([sys.executable, "-c", script], cwd=cwd, env=env, capture_output=True, text=True)
    return done.stdout + done.stderr


def test_packaging_installed_copy_reads_its_package_data(tmp_path: Path) -> None:
    site, elsewhere = tmp_path / "site-packages", tmp_path / "elsewhere"
    elsewhere.mkdir()
    _installed_copy(site, with_data=True)
    out = _ontology_dir_seen_from(site, elsewhere)
    data = site / "kgraph" / "ontology_data"
    assert out.splitlines() == [str(data), str(data.resolve())], out


def test_packaging_installed_copy_without_data_names_what_is_missing(tmp_path: Path) -> None:
    # the bug this guards against: a wheel with no ontology, which then looked beside site-packages
    site, elsewhere = tmp_path / "site-packages", tmp_path / "elsewhere"
    elsewhere.mkdir()
    _installed_copy(site, with_data=False)
    # an ontology folder beside the package (another project's) must not be taken for kgraph's
    shutil.copytree(ROOT / "ontology", site / "ontology")
    out = _ontology_dir_seen_from(site, elsewhere)
    assert f"{site / 'kgraph' / 'ontology_data' / 'kgraph.ttl'} is missing" in out, out


def test_packaging_environment_overrides_the_packaged_ontology(tmp_path: Path) -> None:
    site, mine = tmp_path / "site-packages", tmp_path / "my-ontology"
    _installed_copy(site, with_data=True)
    shutil.copytree(ROOT / "ontology", mine)
    out = _ontology_dir_seen_from(site, tmp_path, override=mine)
    assert out.splitlines() == [str(site / "kgraph" / "ontology_data"), str(mine.resolve())], out


def test_packaging_ontology_option_overrides_the_shipped_ontology(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgraph.cli import cli

    graph = tmp_path / "graph.ttl"
    graph.write_text("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = CliRunner().invoke(cli, ["validate", "-g", str(graph), "--ontology", str(elsewhere)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {elsewhere / 'shapes.ttl'} is missing. "
        "Point --ontology (or KGRAPH_ONTOLOGY) at kgraph's ontology/ folder.\n"
    )
