"""Name keys shared by coreference and resolution (kgraph.names)."""

from __future__ import annotations

from kgraph.names import name_key


def test_names_name_key_normalises() -> None:
    assert name_key("Ministry of SMEs and Startups") == name_key("Ministry of SME & Startups")
    assert name_key("the Acme Corp.") == name_key("Acme")
    assert name_key("Dr. Shinya Yamanaka", person=True) == "shinya yamanaka"

