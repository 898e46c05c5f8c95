"""The README and the code agree: every command, benchmark and query file is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kgraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_readme_shows_every_command(name: str) -> None:
    assert f"kgraph {name}" in README, f"README.md never shows `kgraph {name}`"


def test_docs_readme_names_every_benchmark() -> None:
    for script in sorted((ROOT / "bench").glob("*.py")):
        assert f"bench/{script.name}" in README, f"README.md does not name bench/{script.name}"


def test_docs_readme_files_exist() -> None:
    for path in set(re.findall(r"`((?:queries|bench|scripts|ontology|kgraph)/[\w./-]+\.(?:py|rq|ttl|json))`", README)):
        assert (ROOT / path).exists(), f"README.md names {path}, which does not exist"


def test_docs_quick_start_is_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("```console", 1)[1].split("```", 1)[0]
    assert [line.strip() for line in quick.strip().splitlines()] == [
        "pip install -e . && kgraph build",
        "pip install -e '.[test]' && pytest",
    ]


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_help_examples_name_sample_files_that_exist(name: str) -> None:
    # `kgraph extract --help` once showed data/acquisition.txt, which was never there
    command = cli.commands[name]
    examples = (command.help or "").split("Example:", 1)[-1] if "Example:" in (command.help or "") else ""
    for path in re.findall(r"\b((?:data|queries|ontology)/[\w.-]+\.\w+)", examples):
        assert (ROOT / path).is_file(), f"`kgraph {name} --help` shows {path}, which does not exist"
