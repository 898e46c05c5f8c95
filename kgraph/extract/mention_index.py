"""What the rule modules need of a document's mentions as the frames index them.

:class:`kgraph.extract.frames._Index` holds a document's mentions by token and by sentence with the
coreference links between them; the modules :mod:`kgraph.extract.frames` calls (firm posts, owners, title
shapes) take it through this protocol, so they need not import the frames module that imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kgraph.models import Mention
    from kgraph.ontology import Ontology

__all__ = ["UNNAMED", "MentionIndex", "firm_class"]

#: Labels of mentions that give no name: "it", "the company", "the French ...".
UNNAMED = frozenset({"pronoun", "description", "adjective"})


class MentionIndex(Protocol):
    """A document's mentions: each with its span, by token and by sentence start, and coreference's links."""

    mentions: list[tuple[Mention, Span]]
    by_token: dict[int, int]
    by_sentence: dict[int, list[int]]
    links: dict[Mention, Mention]
    ontology: Ontology

    def at(self, token: Token) -> int | None: ...

    def kinds(self, m: int, called: bool = True) -> frozenset[str]: ...


def firm_class(cls: str, ontology: Ontology) -> bool:
    """Whether a class is of organisations that may have a chief executive or a parent (a government body has
    neither)."""
    return ontology.is_a(cls, "Organization") and not ontology.is_a(cls, "GovernmentBody")
