"""bench/sample_relations.py: how a sampled relation is shown to a reader."""

from __future__ import annotations

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
