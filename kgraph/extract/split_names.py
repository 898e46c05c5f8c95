"""A firm's name the NER split in two: an organisation's first word(s) and a last word it took for a person or a
product ("Kellworth" ORG + "Marlow" PERSON, "Kellworth" ORG + "Marlow" PRODUCT) are one organisation's name.

The NER cuts a firm named after two people at its second name, which it reads as a person's or a product's.
The two parts, written next to each other, are one name where:

- the article elsewhere writes them as one organisation's name ("Kellworth Marlow" ORG in one sentence and
  "Kellworth" + "Marlow" in another); or
- the second part is tagged a product or a person, is one capitalised word (no digits, no capital inside:
  "A321", "PlayStation"), and the article never writes it without the first part before it, and no article,
  demonstrative or possessive pronoun stands before the pair ("the Kellworth Marlow" is a model of Kellworth's: a
  product's name takes "the", a firm's does not).

:func:`rejoined_firms` runs on the NER's names before the other name repairs of :mod:`kgraph.extract.mentions`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["rejoined_firms"]

#: The NER's labels of a firm's second name it split off: a person's, a product's.
_SPLIT_LABELS = frozenset({"PERSON", "PRODUCT"})

#: Words before a name that make it a thing of its kind, not a firm ("the Kellworth Marlow", "its Marlow").
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"})


def rejoined_firms(doc: Doc, ents: list[Span]) -> list[Span]:
    """The NER's names with a firm's name split before a word taken for a person's or a product's joined again
    (see the module's docstring)."""
    from spacy.tokens import Span

    whole = {ent.text for ent in ents if ent.label_ == "ORG" and len(ent) > 1}
    out: list[Span] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        after = ents[k + 1] if k + 1 < len(ents) else None
        if after is not None and _split_firm(doc, ent, after, whole):
            out.append(Span(doc, ent.start, after.end, label="ORG"))
            k += 2
            continue
        out.append(ent)
        k += 1
    return out


def _split_firm(doc: Doc, first: Span, second: Span, whole: set[str]) -> bool:
    """Whether ``first`` (an organisation) and ``second`` right after it are one firm's name."""
    if first.label_ != "ORG" or second.start != first.end or "\n" in first[-1].whitespace_:
        return False
    if second.label_ == "ORG":
        return False
    if f"{first.text} {second.text}" in whole:
        return True  # "Kellworth Marlow" one organisation's name elsewhere in the article
    word = second.text
    if second.label_ not in _SPLIT_LABELS or len(second) != 1 or not word.isalpha() or not word.istitle():
        return False
    if first.start > 0 and doc[first.start - 1].lower_ in _DETERMINERS:
        return False  # "the Kellworth Marlow", "its Kellworth Marlow": a product, a thing of a firm's
    # every "Marlow" of the article right after "Kellworth": a word no longer a name of its own
    text = doc_text(doc)
    alone = re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text)
    return all(text[: match.start()].rstrip().endswith(first.text) for match in alone)
