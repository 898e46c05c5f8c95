"""Holders of a title that the parse does not hang on it (for :func:`kgraph.extract.frames._holders`):

- the title is the subject of "be" and the names are its complement ("The biggest shareholder in Orbitel is
  Kestrel", "the main owners of Orbitel are Kestrel and Varden"): the complement holds it, as in "Kestrel is the
  biggest shareholder in Orbitel"; not a negated copula ("the owner of Orbitel is not Kestrel"), nor one under a
  modal ("the next chairman of Orbitel could be X"), nor a complement that is no proper name ("$12bn");
- the title stands between spaced dashes right after a name ("Kestrel - Orbitel's majority owner - said ..."):
  the name before the opening dash holds it, as it would in apposition, which the parser often misses for a
  dashed phrase; only for a phrase of a noun's own words (determiner, adjectives, a possessive, the "of" phrase)
  with no verb between the dashes.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from kgraph.extract.doc_text import doc_tokens, doc_words, per_document
from kgraph.extract.mention_index import MentionIndex
from kgraph.extract.moods import mood
from kgraph.nlp import DASHES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["copula_named", "dash_named"]

# words a dashed noun phrase may hold besides its noun: "the", "main", "Orbitel", "'s", "of", "majority"
_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART", "NUM", "ADP", "CCONJ", "PUNCT"})


def copula_named(noun: Token, index: MentionIndex) -> list[Token]:
    """The names "be" gives a title that is its subject: "The biggest shareholder in Orbitel is Kestrel"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_ != "be" or verb.pos_ not in {"AUX", "VERB"}:
        return []
    if any(c.dep_ == "neg" for c in verb.children) or mood(verb) != "fact":
        return []
    # a proper name, not an amount the NER named ("the trade deficit of Y was $12bn")
    return [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "PROPN" and index.at(c) is not None]


def dash_named(noun: Token, index: MentionIndex) -> list[Token]:
    """The name right before the opening dash of a dashed title: "Kestrel - Orbitel's majority owner - said"."""
    doc = noun.doc
    if DASHES.isdisjoint(doc_words(doc)):
        return []  # no dash in the document
    dashes = _spaced_dashes(doc)
    # the nearest spaced dash before the noun and after it, in the sentence (not its first word)
    at = bisect_left(dashes, noun.i)
    after = at + 1 if at < len(dashes) and dashes[at] == noun.i else at
    if at == 0 or after == len(dashes):
        return []
    opening, closing = dashes[at - 1], dashes[after]
    sent = noun.sent
    if opening <= sent.start or closing >= sent.end:
        return []
    tokens = doc_tokens(doc)
    inside = [t for t in tokens[opening + 1 : closing] if t.i != noun.i]
    if any(t.pos_ not in _PHRASE_POS for t in inside) or any(t.text in DASHES for t in inside):
        return []
    before = doc[opening - 1]
    m = index.at(before)
    if m is None:
        return []
    span = index.mentions[m][1]
    return [span.root] if span.end == opening else []


def _spaced_dashes(doc: Doc) -> list[int]:
    """The positions of the document's dashes with a space before them, in order, found once per document."""

    def find() -> list[int]:
        tokens = doc_tokens(doc)
        return [i for i in range(1, len(tokens)) if tokens[i].text in DASHES and tokens[i - 1].whitespace_]

    return per_document(doc, ("spaced dashes",), find)
