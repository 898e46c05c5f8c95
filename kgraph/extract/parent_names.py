"""Units named by extending their parent's name: "Kestrel Europe", "Kestrel Capital" beside "Kestrel".

Decides that a firm's name which opens with the whole name of another firm the document names, and adds only a
place (a country's or a continent's name: "Kestrel USA", "Kestrel North America") or a word that names a firm's
unit by its trade (``kgx:UnitNameWord``: "Kestrel Capital", the investment bank of Kestrel), is a subsidiary of
that firm. Not a name that adds any other word: "Kestrel Group", "Kestrel Holdings" and "Kestrel Motors" are the
firm itself or its parent ("Halden Media Group" owns the "Halden" newspaper), and a name whose added words open
with a preposition is another body altogether ("Bank of Norway" is no unit of "Bank"). The shorter name must be
an organisation's own name (no place: "France Telecom" is no unit of France) and stand in the document as a name
of its own: where coreference takes one name for the other, the two are one firm and no relation is kept.
The kgx:ParentInName frame of :mod:`kgraph.extract.relations` reads it, in the sentence of the longer name.
Example: in "Kestrel's sales rose. Kestrel Europe cut 200 jobs.", Kestrel Europe subsidiaryOf Kestrel.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.extract.countries import country_names
from kgraph.extract.doc_text import per_document
from kgraph.extract.lexicon import _CONTINENTS
from kgraph.ontology import Ontology

if TYPE_CHECKING:
    from spacy.tokens import Span

    from kgraph.extract.mention_index import MentionIndex
    from kgraph.ontology import Pattern

__all__ = ["parent_in_name", "unit_suffix"]

#: Labels of mentions that are no organisation's own name.
_NOT_NAMES = frozenset({"pronoun", "description", "adjective", "dateline", "party"})


def unit_suffix(words: list[str], ontology: Ontology) -> bool:
    """Whether the words a unit's name adds to its parent's name name a unit (see the module's docstring): a
    place, a unit's word, or a place and then a unit's word ("Europe Capital"); lower case."""
    if not words:
        return False
    places = country_names(ontology) | _CONTINENTS
    unit_words = ontology.words("UnitNameWord")
    if words[-1] in unit_words:
        words = words[:-1]
    return not words or " ".join(words) in places


def _own_name(span: Span) -> list[str]:
    """The words of a name without an opening "the"."""
    return [t.text for t in span if not (t.i == span.start and t.lower_ == "the")]


def parent_in_name(sent: Span, pattern: Pattern, index: MentionIndex) -> Iterator[tuple[int, int]]:
    """(unit, parent) for each organisation's name in the sentence that is another organisation's name of the
    document and a unit's words after it; the parent's mention is one in the sentence, else its first."""
    ontology = index.ontology
    names = per_document(sent.doc, ("organisation names", id(index)), lambda: _organisation_names(index))
    for n in index.by_sentence.get(sent.start, []):
        mention, span = index.mentions[n]
        if mention.label in _NOT_NAMES or not ontology.is_a(mention.type, "Organization"):
            continue
        words = _own_name(span)
        for k in range(len(words) - 1, 0, -1):
            parents = names.get(tuple(words[:k]))
            rest = words[k:]
            if not parents or not all(w[:1].isupper() for w in rest):
                continue  # "Bank of Norway" is no unit of "Bank"
            if unit_suffix([w.lower() for w in rest], ontology):
                here = [p for p in parents if index.mentions[p][1].sent.start == sent.start]
                yield n, (here or parents)[0]
            break  # the longest name it opens is the one that counts


def _organisation_names(index: MentionIndex) -> dict[tuple[str, ...], list[int]]:
    """The document's organisations by their own names' words, listed once for the document (every sentence asks)."""
    names: dict[tuple[str, ...], list[int]] = {}
    for n, (mention, span) in enumerate(index.mentions):
        if mention.label not in _NOT_NAMES and index.ontology.is_a(mention.type, "Organization"):
            names.setdefault(tuple(_own_name(span)), []).append(n)
    return names
