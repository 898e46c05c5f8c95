"""bench/sample_relations.py: how a sampled relation is shown to a reader."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import load_bench_script


@pytest.fixture(scope="module")
def sample() -> ModuleType:
    return load_bench_script("sample_relations")


def _relation(role: dict[str, Any] | None) -> dict[str, Any]:
    rel: dict[str, Any] = {
        "subject": {"id": "Anna_Berg", "text": "Anna Berg", "type": "Person"},
        "predicate": "ceoOf",
        "object": {"id": "Kestrel_Air", "text": "Kestrel Air", "type": "Organization"},
        "evidence": "Former Kestrel Air chief executive Anna Berg spoke in Oslo.",
    }
    if role is not None:
        rel["role"] = role
    return rel


def test_a_past_post_is_shown_as_former(sample: ModuleType) -> None:
    past = _relation({"title": "Chief Executive", "current": False, "since": None})
    line = sample._line(1, "bbc/business/001.txt", past)
    assert "--ceoOf (former)--> Kestrel Air" in line


@pytest.mark.parametrize("role", [None, {"title": "Chief Executive", "current": True, "since": None}])
def test_a_current_post_or_a_relation_without_a_role_is_not(sample: ModuleType, role: dict[str, Any] | None) -> None:
    line = sample._line(1, "bbc/business/001.txt", _relation(role))
    assert "--ceoOf--> Kestrel Air" in line
    assert "former" not in line.split("\n")[0]


def test_a_party_named_short_shows_the_node_it_names(sample: ModuleType) -> None:
    rel = _relation(None)
    rel["object"] = {"id": "Kestrel_Air_Group", "text": "Kestrel", "type": "Organization"}
    line = sample._line(1, "bbc/business/001.txt", rel)
    assert "--ceoOf--> Kestrel [= Kestrel Air Group] (Organization)" in line
    # a party written as its node is named is shown once
    assert line.startswith("  1. Anna Berg (Person)")


def test_a_party_shows_the_label_its_graph_node_takes(sample: ModuleType) -> None:
    rel = _relation(None)
    rel["subject"] = {"id": "Mr_Berg", "text": "Mr Berg", "type": "Person", "node": "Anna Berg"}
    line = sample._line(1, "bbc/business/001.txt", rel)
    assert line.startswith("  1. Mr Berg [= Anna Berg] (Person)")


def test_relations_carry_the_label_of_their_graph_node(sample: ModuleType, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Kestrel Air hires Berg\n\nKestrel Air said on Monday that Lena Berg would join it in May.\n\n"
        "Ms Berg, the chief executive of Kestrel Air, said the airline would grow. Ms Berg said fares would fall.\n",
        encoding="utf-8",
    )
    found = sample.relations_of([article], "rules", None)
    posts = [rel for _, rel in found if rel["predicate"] == "ceoOf"]
    assert posts, found
    # the record's id may be a short form; the node the graph builds is named by the fullest name
    assert posts[0]["subject"]["node"] == "Lena Berg", posts[0]["subject"]
