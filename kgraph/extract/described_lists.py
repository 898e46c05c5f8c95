"""The firms a plural description lists: "US retailers such as A, B and C" are each a US retailer.

A plural noun of a firm's kind with a country's word on it describes every firm it lists, and the frames read
each one as they read "US retailer A":

- the examples after "such as", "including" or "like" (:func:`examples`: "US retailers such as A, B and C",
  "German banks, including A and B", "sales to US retailers such as A"); the parser hangs the first on the
  preposition and the later ones on the first as conjuncts;
- only names of organisations, after a noun of a firm's kind (an organisation class's descriptor or a
  kgx:RivalNoun) that a place's word describes: "US retailers such as Mira Soto" (a person), "European markets
  such as France" (a place), "its labels, including A" (brands: no firm's kind), "France's regions, such as A"
  and "retailers such as A" (no place to read) list none.

:mod:`kgraph.extract.country_mentions` keeps the country's adjective of such a noun as a mention (the noun has names
beside it, :func:`lists_firms`), and :func:`kgraph.extract.title_shapes.listed_holders` gives the listed firms
as the noun's holders, so the relational-noun frame's basedIn pattern reads each item's country.  A noun the
examples hang on is theirs alone: in "rivals of US retailers such as A", A is a US retailer, and its rivals are
no one listed.

Example: in "US retailers such as Brightmart and Fennick Stores reported weak sales.", Brightmart and Fennick
Stores are both based in the US.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

__all__ = ["examples", "listed_firms", "lists_firms"]

#: The words that open a noun's examples ("firms such as A and B", "banks including A", "firms like A").
_EXAMPLE_WORDS = frozenset({"including", "like", "as"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: How a place's word stands on a noun before it: "US retailers", "German banks", "Britain's retailers".
_PLACE_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def examples(holder: Token) -> list[Token]:
    """The words a noun (or a verb) lists after "such as", "including" or "like": each preposition's object and
    its conjuncts, in order ("firms such as Pellam and Corvane" -> Pellam, Corvane); not "as" without "such"
    ("bought firms as investments")."""
    out: list[Token] = []
    for prep in holder.children:
        if prep.dep_ != "prep" or prep.lower_ not in _EXAMPLE_WORDS:
            continue
        if prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children):
            continue
        out.extend(t for p in prep.children if p.dep_ == "pobj" for t in (p, *p.conjuncts))
    return out


def lists_firms(noun: Token, orgs: set[int]) -> bool:
    """Whether a plural noun lists organisations' names (their tokens ``orgs``) as its examples, or in a list
    apposed to it whose first item the NER missed ("GM's European units Opel and Saab": Saab)."""
    if noun.tag_ not in _PLURAL_TAGS:
        return False
    apposed = [t for c in noun.children if c.dep_ == "appos" for t in c.conjuncts]
    return any(t.i in orgs for t in (*examples(noun), *apposed))


def listed_firms(
    noun: Token, kinds: frozenset[str], is_firm: Callable[[Token], bool], is_place: Callable[[Token], bool]
) -> list[Token]:
    """The organisations (``is_firm``) a plural noun of a firm's kind (``kinds``: "retailers", "rivals") lists as
    its examples, where a place's word (``is_place``) describes the noun: "US retailers such as A, B and C" -> A,
    B, C; not "labels including A" (no firm's kind), "France's regions, such as A" (no firm's kind), "retailers
    such as A" (no place to read)."""
    if noun.tag_ not in _PLURAL_TAGS or noun.lemma_.lower() not in kinds:
        return []
    if not any(c.dep_ in _PLACE_DEPS and c.i < noun.i and is_place(c) for c in noun.children):
        return []
    return [t for t in examples(noun) if is_firm(t)]
