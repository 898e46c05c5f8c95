"""Products named before their kind's noun: "the Linux operating system", "Sony's Kestrel console".

A capitalised name right before a lower-case noun of a kind of product (kgx:ProductKindNoun, as written:
"operating system", "robot", "console", "handset", "browser") is that product's name in that place, no
organisation or place, and so no party to a relation there.  The name must follow a definite determiner or a
possessive ("the X robot", "its X browser", "Orbitel's X handset"): after "a"/"an" the name is the maker's ("an
Orbitel handset"), and so is a name with a body's head noun ("the Kell University robot").  A noun that is
itself compounded on another noun ("the Orbitel handset business") names a trade, not the product.

The decision is local: the name elsewhere in the article keeps its class (the maker's name often precedes the
noun as well: "the Orbitel handset", "Orbitel said ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens, doc_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kgraph.ontology import Ontology

__all__ = ["product_ranges"]

#: Words before the name that make it definite: the product is the one named.
_DEFINITE = frozenset({"the", "its", "his", "her", "their", "our", "this", "'s", "\u2019s"})
#: Entity labels of names that are no product's before a product noun ("the US handset market").
_NOT_PRODUCTS = frozenset({"GPE", "NORP", "LOC", "DATE", "CARDINAL", "MONEY", "PERCENT"})


def _kind_at(tokens: list[Token], i: int, kinds: dict[str, list[list[str]]]) -> int:
    """The number of words of a product kind's noun starting at word ``i`` (0 when none does); ``kinds`` holds
    the kinds' nouns by their first word, longest first."""
    for words in kinds.get(tokens[i].lower_, ()):
        end = i + len(words)
        if end <= len(tokens) and all(
            tokens[i + k].lower_ == w and tokens[i + k].is_lower for k, w in enumerate(words)
        ):
            last = tokens[end - 1]
            if last.tag_ in {"NN", "NNP"} and not (last.dep_ == "compound" and last.head.i > last.i):
                return len(words)
    return 0


def _name_word(token: Token) -> bool:
    """A word of a product's name: capitalised ("Linux", "PlayStation", "XP", "3G"), no determiner."""
    if token.lower_ in _DEFINITE or not any(c.isupper() for c in token.text):
        return False
    return token.is_title or token.pos_ == "PROPN"


def product_ranges(doc: Doc, ontology: Ontology) -> list[tuple[int, int]]:
    """The character ranges of the names the words right after them call products, in this place only."""
    kinds = sorted((w.split() for w in ontology.words("ProductKindNoun")), key=len, reverse=True)
    ranges: list[tuple[int, int]] = []
    if doc_words(doc).isdisjoint(words[0] for words in kinds):
        return ranges  # no product kind's noun in the document
    by_first: dict[str, list[list[str]]] = {}
    for words in kinds:
        by_first.setdefault(words[0], []).append(words)
    tokens = doc_tokens(doc)
    for i in range(1, len(doc)):
        if not _kind_at(tokens, i, by_first):
            continue
        start = i
        while start > 0 and _name_word(doc[start - 1]):
            start -= 1
        if start == i or start == 0 or doc[start - 1].lower_ not in _DEFINITE:
            continue
        name = doc[start:i]
        if any(t.ent_type_ in _NOT_PRODUCTS for t in name) or any(ontology.class_for_head(t.lower_) for t in name):
            continue
        ranges.append((name.start_char, name.end_char))
    return ranges
