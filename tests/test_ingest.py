from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgraph.errors import InputError
from kgraph.ingest import clean_text, find_sources, read_articles

SCRAPED = """Minister visits harbour

Home > News > Local

share print

Anna Berg, mayor of Portvik, opened the new harbour on Friday. [CITY PRESS]

Anna Berg, mayor of Portvik, opened the new harbour on Friday. [CITY PRESS]

The harbour cost 40 million crowns and took three years to build.

BY JOHN SMITH [john.smith@example.com]
Log in to comment
"""


def test_ingest_clean_text_masks_boilerplate_and_keeps_offsets() -> None:
    cleaned, title, author = clean_text(SCRAPED)
    assert len(cleaned) == len(SCRAPED)
    assert title == "Minister visits harbour"
    assert author == "JOHN SMITH"
    assert "Home > News" not in cleaned
    assert "Log in" not in cleaned
    assert "[CITY PRESS]" not in cleaned
    assert cleaned.count("Anna Berg, mayor of Portvik") == 1  # the repeated caption is dropped
    start = cleaned.index("The harbour cost")
    assert SCRAPED[start : start + 16] == "The harbour cost"


def test_ingest_reads_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Acme Corp is based in Springfield. It makes anvils.\n")
    (tmp_path / "b.md").write_text("# Title here\n\n**Acme Corp** hired [Jane Roe](https://example.com) in May.\n")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Beta Ltd bought Gamma Inc.", "title": "T", "date": "2024-01-01"}) + "\n"
    )
    (tmp_path / "d.html").write_text(
        "<html><head><title>Delta news</title></head><body><nav>Home | About</nav><article>"
        "<h1>Delta opens a plant</h1><p>Delta Motors, a carmaker based in Turin, opened a new plant in Milan "
        "on Monday, its chief executive said.</p><p>The plant will employ 800 people from next spring.</p>"
        "</article></body></html>"
    )
    articles = {a.id: a for a in read_articles([tmp_path])}
    assert set(articles) == {str(tmp_path / "a.txt"), str(tmp_path / "b.md"), "x1", str(tmp_path / "d.html")}
    md = articles[str(tmp_path / "b.md")].text
    assert "Acme Corp" in md and "**" not in md and "https://" not in md
    assert articles["x1"].date == "2024-01-01" and articles["x1"].source == str(tmp_path / "c.jsonl")
    html = articles[str(tmp_path / "d.html")]
    assert "Delta Motors, a carmaker based in Turin" in html.text
    assert "Home | About" not in html.text


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"   \n", "is empty"),
        ("binary.txt", b"\x00\x01\x02binary", "binary"),
        ("latin1.txt", "Café in Zürich".encode("latin-1"), "not valid UTF-8"),
        ("page.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
        ("bad.jsonl", b'{"id": 1, "text": "ok text"}\nnot json\n', "line 2"),
    ],
)
def test_ingest_bad_file_names_the_file(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    errors: list[InputError] = []
    list(read_articles([path], on_error=errors.append))
    assert errors, "the bad file must be reported"
    assert str(path) in str(errors[0])
    assert problem in str(errors[0])


def test_ingest_without_handler_raises(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("")
    with pytest.raises(InputError, match="is empty"):
        list(read_articles([path]))


def test_ingest_missing_path_and_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        find_sources([tmp_path / "nope.txt"])
    odd = tmp_path / "notes.docx"
    odd.write_text("x")
    with pytest.raises(InputError, match="unsupported file type '.docx'"):
        find_sources([odd])


def test_ingest_folder_skips_and_reports_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Acme Corp is based in Springfield.\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / ".hidden.txt").write_text("ignored")
    errors: list[InputError] = []
    assert find_sources([tmp_path], on_error=errors.append) == [tmp_path / "good.txt"]
    assert len(errors) == 1 and "photo.jpg" in str(errors[0])


def test_ingest_jsonl_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n')
    errors: list[InputError] = []
    assert [a.text for a in read_articles([path], on_error=errors.append)] == ["One."]
    assert "repeats the id 'a'" in str(errors[0])
