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


def test_cli_build_into_a_folder_it_cannot_write_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Helix Therapeutics acquired Corvane Labs in May.\n")
    (tmp_path / "plain-file").write_text("")
    out = tmp_path / "plain-file" / "out"  # under a file: no folder can be made there, even by root
    result = runner.invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Cannot write to {out}: Not a directory. Choose an output folder kgraph may write with -o/--out.\n"
    )


def test_cli_build_cannot_write_its_cache_keeps_the_outputs(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Helix Therapeutics acquired Corvane Labs in May.\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# an earlier build\n")
    (out / ".kgraph-cache").write_text("")  # a file where the cache folder goes
    result = runner.invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Cannot write to {out / '.kgraph-cache'}: Not a directory. "
        "Choose an output folder kgraph may write with -o/--out.\n"
    )
    assert (out / "graph.ttl").read_text() == "# an earlier build\n"


def _good_and_empty(folder: Path) -> Path:
    folder.mkdir()
    (folder / "good.txt").write_text("Helix Therapeutics acquired Corvane Labs in May.\n")
    (folder / "empty.txt").write_text("")
    return folder


@pytest.mark.parametrize("quiet", [[], ["-q"]])
def test_cli_build_strict_fails_when_an_input_was_skipped(runner: CliRunner, tmp_path: Path, quiet: list[str]) -> None:
    articles = _good_and_empty(tmp_path / "articles")
    args = ["build", str(articles), "-o", str(tmp_path / "out"), "-j", "1", *quiet]
    lenient = runner.invoke(cli, args)
    assert lenient.exit_code == 0, lenient.output
    strict = runner.invoke(cli, [*args, "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.splitlines() == [
        f"Skipped {articles / 'empty.txt'}: is empty. Remove it or add the article's text.",
        "Error: 1 input was skipped or failed (the graph was written from the rest); see the messages above.",
    ]
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_cli_build_strict_passes_when_nothing_was_skipped(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Helix Therapeutics acquired Corvane Labs in May.\n")
    result = runner.invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-j", "1", "--strict"])
    assert result.exit_code == 0 and result.stderr == ""


def test_cli_extract_strict_fails_when_an_input_was_skipped(runner: CliRunner, tmp_path: Path) -> None:
    articles = _good_and_empty(tmp_path / "articles")
    lenient = runner.invoke(cli, ["extract", str(articles)])
    assert lenient.exit_code == 0 and len(lenient.stdout.splitlines()) == 1
    strict = runner.invoke(cli, ["extract", str(articles), "--strict"])
    assert strict.exit_code == 1 and len(strict.stdout.splitlines()) == 1
    assert strict.stderr.splitlines()[-1] == (
        "Error: 1 input was skipped or failed (the others were extracted); see the messages above."
    )
    strict_clean = runner.invoke(cli, ["extract", str(articles / "good.txt"), "--strict"])
    assert strict_clean.exit_code == 0


def test_cli_failed_build_leaves_no_empty_cache(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = tmp_path / "new" / "out"
    result = runner.invoke(cli, ["build", str(tmp_path / "empty"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'empty'}: holds no articles (.txt, .md, .html, .jsonl).\n"
    assert not (tmp_path / "new").exists()  # nor the folders the build made
    existing = tmp_path / "existing"
    existing.mkdir()
    assert runner.invoke(cli, ["build", str(tmp_path / "empty"), "-o", str(existing)]).exit_code == 1
    assert existing.is_dir() and list(existing.iterdir()) == []


def test_cli_failed_build_keeps_a_cache_with_entries(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Helix Therapeutics acquired Corvane Labs in May.\n")
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    assert runner.invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(out), "-j", "1"]).exit_code == 0
    entries = sorted((out / ".kgraph-cache" / "docs").glob("*/*.json"))
    assert len(entries) == 1
    assert runner.invoke(cli, ["build", str(tmp_path / "empty"), "-o", str(out)]).exit_code == 1
    assert sorted((out / ".kgraph-cache" / "docs").glob("*/*.json")) == entries
