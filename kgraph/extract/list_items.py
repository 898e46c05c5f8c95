"""The items of a list a verb takes that the parser hangs somewhere other than on the verb's own names.

- A list's later items the parser joined to a common noun in apposition to its first item
  (:func:`~kgraph.extract.deal_parties.listed_after_description`: "owns Kestrel Capital, its investment arm,
  and the card firm Orbix").
- A conjunct that is a common noun stands for the name apposed to it: "owns the exchange Tellex and the
  clearing house Clearnor" (the parser joins "house" to Tellex, Clearnor is apposed to "house"), "owns the
  software firm Pellam and the chip maker Corvane" (Pellam apposed to "firm", "maker" joined to "firm").
- The examples of a plural noun of organisations (a noun the ontology calls an organisation's kind,
  ``kgx:descriptor``) after "such as", "including" or "like": "has bought firms such as Pellam and Corvane",
  "owns three banks, including Pellam and Corvane" ("including" on the noun or on the verb); not the examples
  of goods or brands ("owns brands such as Tolly": no organisation's kind).
- The object of a gapped clause: "bought Pellam in 1998 and Corvane in 2003", where the parser joins the
  second name to the verb or to the first date (a name, after the verb's object).

Example: in "Kestrel owns the exchange Tellex and the clearing house Clearnor.", Tellex and Clearnor are both
owned by Kestrel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.extract.deal_parties import listed_after_description
from kgraph.extract.described_lists import examples

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from kgraph.ontology import Ontology

__all__ = ["list_items"]

def list_items(
    verb: Token, tokens: list[Token], mention_at: Callable[[Token], int | None], ontology: Ontology
) -> list[Token]:
    """The further items of the list ``tokens`` (a verb's subjects or objects) stands in, in order."""
    out: list[Token] = []
    for found in (
        listed_after_description(tokens),
        _apposed_conjuncts(tokens, mention_at),
        _examples(verb, tokens, mention_at, ontology),
        _gapped_objects(verb, tokens, mention_at),
    ):
        out.extend(t for t in found if t not in out and t not in tokens)
    return out


def _apposed_conjuncts(tokens: list[Token], mention_at: Callable[[Token], int | None]) -> list[Token]:
    """The names apposed to the common nouns conjoined with a token, or with the noun a token is apposed to:
    "the exchange Tellex and the clearing house Clearnor" -> Clearnor."""
    out: list[Token] = []
    for token in tokens:
        nouns = [token]
        if token.dep_ == "appos" and token.head.pos_ == "NOUN":
            nouns.append(token.head)  # "the software firm Pellam and the chip maker Corvane": "firm" has the list
        for noun in nouns:
            for c in noun.conjuncts:
                if c.pos_ == "NOUN":
                    out.extend(a for a in c.children if a.dep_ == "appos" and mention_at(a) is not None)
    return out


def _examples(
    verb: Token, tokens: list[Token], mention_at: Callable[[Token], int | None], ontology: Ontology
) -> list[Token]:
    """The names a plural noun of organisations lists after "such as", "including" or "like": "bought firms such
    as Pellam and Corvane" -> Pellam, Corvane (with their conjuncts, added by the caller)."""
    out: list[Token] = []
    for noun in tokens:
        if noun.tag_ != "NNS" or mention_at(noun) is not None or not _kind_of_organisation(noun, ontology):
            continue
        holders = [noun, verb] if noun.head.i == verb.i else [noun]  # "bought three firms last year, including A"
        for holder in holders:
            out.extend(t for t in examples(holder) if mention_at(t) is not None)
    return out


def _kind_of_organisation(noun: Token, ontology: Ontology) -> bool:
    """Whether a noun names a kind of organisation in the ontology ("firms", "banks", "companies")."""
    return any(
        ontology.is_a(cls, "Organization") for cls in ontology.classes_for_descriptor(noun.lemma_.lower())
    )


def _gapped_objects(verb: Token, tokens: list[Token], mention_at: Callable[[Token], int | None]) -> list[Token]:
    """The names the parser joined to the verb, or to the date of its phrase, after its object: the objects of a
    gapped clause ("bought Pellam in 1998 and Corvane in 2003" -> Corvane; not a name before the object, nor a
    verb: "bought A and sold B")."""
    objects = [t for t in tokens if t.dep_ == "dobj" and t.head.i == verb.i]
    if not objects:
        return []
    dates = [
        p for c in verb.children if c.dep_ == "prep" and c.i > objects[0].i
        for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "DATE"
    ]
    return [
        c for holder in (verb, *dates) for c in holder.children
        if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > objects[0].i and c.ent_type_ != "DATE"
        and mention_at(c) is not None
    ]

