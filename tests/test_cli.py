from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import cli

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("args", [["-h"], ["--help"], *[[name, "-h"] for name in COMMANDS]])
def test_cli_help(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout


def test_cli_every_command_documented() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"kgraph {name} is missing its help"


def test_cli_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("kgraph, version ")


def test_cli_build_and_query(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Maria Lopez, CEO of Brightwater Systems, spoke in Oslo on Monday.\n")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(article), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Built 1 document" in result.stdout and str(out / "graph.ttl") in result.stdout
    assert (out / "graph.ttl").is_file() and (out / "graph.html").is_file()

    query = "SELECT ?p ?o WHERE { ?p kg:ceoOf ?o }"
    result = runner.invoke(cli, ["query", query, "--graph", str(out / "graph.ttl"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "p,o"
    assert "Maria_Lopez" in result.stdout and "Brightwater_Systems" in result.stdout


def test_cli_extract_contract(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "docs.jsonl"
    text = "Helix Therapeutics acquired Corvane Labs in May."
    article.write_text(json.dumps({"id": "d1", "text": text}) + "\n")
    result = runner.invoke(cli, ["extract", str(article), "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["doc"] == "d1" and record["source"] == str(article)
    for entity in record["entities"]:
        assert set(entity) == {"id", "text", "start", "end", "type"}
        assert text[entity["start"] : entity["end"]] == entity["text"]
    (rel,) = record["relations"]
    assert rel["predicate"] == "acquired"
    assert rel["subject"]["text"] == "Helix Therapeutics" and rel["object"]["text"] == "Corvane Labs"
    assert 0 < rel["confidence"] <= 1 and rel["evidence"] == text


def test_cli_extract_marks_former_roles(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Henrik Moller, former chairman of Nordwind Energy, retired in May.\n")
    result = runner.invoke(cli, ["extract", str(article)], catch_exceptions=False)
    (rel,) = [r for r in json.loads(result.stdout)["relations"] if r["predicate"] == "headOf"]
    assert rel["role"]["current"] is False and rel["role"]["title"].lower() == "chairman"


def test_cli_missing_input(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr and "does not exist" in result.stderr


def test_cli_folder_with_bad_files(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Helix Therapeutics acquired Corvane Labs in May.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait " * 3)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "empty.txt: is empty" in result.stderr
    assert "bad.txt: is not valid UTF-8" in result.stderr
    assert "Traceback" not in result.output
    assert "Built 1 document" in result.stdout


def test_cli_nothing_readable_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(tmp_path / "empty.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "empty.txt" in result.stderr
    assert "Traceback" not in result.output
    assert not (out / "graph.ttl").exists()


def test_cli_no_input_and_no_data_folder(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 2 and "no data/ folder" in result.stderr


def test_cli_every_input_bad_lists_them(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.xyz").write_text("x")
    (tmp_path / "e.txt").write_text("")
    result = runner.invoke(cli, ["build", str(tmp_path / "a.xyz"), str(tmp_path / "e.txt"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "None of the 2 inputs" in result.stderr and "a.xyz" in result.stderr and "e.txt: is empty" in result.stderr


def test_cli_unknown_model(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Helix Therapeutics acquired Corvane Labs in May.\n")
    result = runner.invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path), "--model", "no_such_model"])
    assert result.exit_code == 1
    assert "no_such_model" in result.stderr and "--model" in result.stderr


def test_cli_query_errors(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["query", "SELECT ?x WHERE { ?x ?y ?z }", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and "kgraph build" in result.stderr
    ttl = tmp_path / "g.ttl"
    ttl.write_text("<http://a> <http://b> <http://c> .\n")
    result = runner.invoke(cli, ["query", "SELECT ?x WHERE { ?x ?y ?z } LIMT 3", "--graph", str(ttl)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: The query is not valid SPARQL: line 1, column 30: the query cannot be read from 'LIMT' on",
        "  SELECT ?x WHERE { ?x ?y ?z } LIMT 3",
        "  " + " " * 29 + "^",
    ]
