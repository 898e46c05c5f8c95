"""The tokens that may carry a name's prepositional phrase, read once per name for all attribute patterns.

An attribute pattern ("Smith of Acme", "the Kestrel company in Bergen") reads a name's phrase off its root,
a later word of the name, the noun the name is "of", the noun of the name's kind after it, or a party or
nationality word in apposition.  Which tokens those are does not depend on the pattern's prepositions, so
:func:`carriers` reads them once per name and keeps them in the document's index.
Example: for "Kestrel" in "the Kestrel company in Bergen" the carriers are "Kestrel" and "company".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgraph.extract.mention_index import MentionIndex

__all__ = ["carriers"]


def carriers(token: Token, m: int, index: MentionIndex, kept: dict[int, list[Token]]) -> list[Token]:
    """The tokens that may carry the phrase of mention ``m``, whose root is ``token``; ``kept`` holds those read
    so far in the document, by root token."""
    found = kept.get(token.i)
    if found is None:
        found = kept[token.i] = _carriers(token, m, index)
    return found


def _carriers(token: Token, m: int, index: MentionIndex) -> list[Token]:
    span = index.mentions[m][1]
    # "the Northern Committee of the Harbour Trust in Bergen": the phrase may hang on a later word of the name
    found = [token, *(t for t in span if t.i > token.i)]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        found.append(token.head.head)
    kind = token.head
    if (
        token.dep_ == "compound" and kind.pos_ == "NOUN" and kind.i == span.end
        and any(index.ontology.is_a(index.mentions[m][0].type, c)
                for c in index.ontology.classes_for_descriptor(kind.lemma_.lower()))
    ):
        found.append(kind)  # "the Kestrel company in Bergen": the noun of the name's kind
    # "X, a Republican from Y": a party or nationality word in apposition carries the name's phrase
    found.extend(
        c for c in token.children
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "NORP" and index.at(c) in {None, m}
    )
    return found
